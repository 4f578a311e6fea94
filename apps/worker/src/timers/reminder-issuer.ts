import { Injectable } from '@nestjs/common';
import {
  candidateDeadlineAudience,
  candidateDeadlines,
  decideReminder,
  roundDeadlineAudience,
  roundDeadlines,
  trainingClassDeadlineAudience,
  trainingClassDeadlines,
  type Deadline,
  type ReminderSubject,
  type Unit,
} from '@app/pipeline';
import { reminderStream, SUBJECT_PREFIXES } from '@app/read-models';
import type { TimerJob } from '@app/scheduling';
import { SCHEDULER_ACTOR, REMINDER_MODEL } from '../../../api/src/commands/notification-models';
import { StreamCommands, type CommandContext, type CommandOutcome } from '../../../api/src/commands/stream-commands';
import { CANDIDATE_MODEL, CLASS_MODEL, ROUND_MODEL } from '../../../api/src/commands/stream-models';
import { AdminUnits } from '../../../api/src/reference/admin-units';
import { DefinitionsService } from '../../../api/src/reference/definitions.service';

/** The subject of a reminder as its stream tells it now: its running deadlines and who hears of them. */
interface SubjectNow {
  running: Deadline[];
  units: Unit[];
  subject: ReminderSubject;
}

/**
 * Issues a reminder as an event on a stream of its own (reminder-<job id>):
 * appended only if the stream is new, so a job run twice issues it once. The
 * subject's stream decides whether the reminder still applies.
 */
@Injectable()
export class ReminderIssuer {
  constructor(
    private readonly streams: StreamCommands,
    private readonly definitions: DefinitionsService,
    private readonly adminUnits: AdminUnits,
  ) {}

  async issue(job: TimerJob, jobId: string, context: CommandContext): Promise<CommandOutcome> {
    const { running, units, subject } = await this.subjectNow(job);
    return this.streams.execute(
      reminderStream(jobId),
      REMINDER_MODEL,
      (state, now) =>
        decideReminder(
          {
            type: 'IssueReminder',
            actor: { ...SCHEDULER_ACTOR },
            deadlineId: job.deadlineId,
            daysBefore: job.daysBefore!,
            running,
            subject,
            units,
          },
          state,
          now,
        ),
      context,
    );
  }

  private async subjectNow(job: TimerJob): Promise<SubjectNow> {
    const subject = { streamId: job.streamId, id: job.subjectId, name: job.subjectId };
    if (job.streamId.startsWith(SUBJECT_PREFIXES.candidate)) {
      const { state } = await this.streams.load(job.streamId, CANDIDATE_MODEL);
      if (state.status !== 'active') return { running: [], units: [], subject };
      const { id, version } = state.application.definition;
      return {
        running: candidateDeadlines(state, this.definitions.get(id, version)),
        units: candidateDeadlineAudience(state),
        subject: { ...subject, name: state.application.fullName },
      };
    }
    if (job.streamId.startsWith(SUBJECT_PREFIXES.round)) {
      const { state } = await this.streams.load(job.streamId, ROUND_MODEL);
      if (state.status === 'not-opened') return { running: [], units: [], subject };
      const districts = this.adminUnits.inProvince(state.provinceCode).map((commune) => commune.districtCode);
      return { running: roundDeadlines(state), units: roundDeadlineAudience(districts), subject: { ...subject, name: state.name } };
    }
    const { state } = await this.streams.load(job.streamId, CLASS_MODEL);
    if (state.status === 'not-opened') return { running: [], units: [], subject };
    return { running: trainingClassDeadlines(state), units: trainingClassDeadlineAudience(), subject: { ...subject, name: state.name } };
  }
}
