import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { TimerJob } from '@app/scheduling';
import type { CommandContext, CommandOutcome } from '../../../api/src/commands/stream-commands';
import { SCHEDULER_ACTOR } from '../../../api/src/commands/notification-models';
import { RunCandidateCommand } from '../../../api/src/candidates/candidate-command.handler';
import { RunRoundCommand } from '../../../api/src/rounds/round-command.handler';
import { RunClassCommand } from '../../../api/src/training-classes/class-command.handler';

/**
 * A due deadline becomes the domain's own timed command, sent through the
 * same command bus, handlers and expected-revision append as the API's
 * commands: a job fired twice, or for a deadline since replaced, is ignored.
 */
@Injectable()
export class TimedTransitions {
  constructor(private readonly bus: CommandBus) {}

  fire(job: TimerJob, context: CommandContext): Promise<CommandOutcome> {
    const { deadlineId, subjectId } = job;
    const actor = { ...SCHEDULER_ACTOR };
    switch (job.kind) {
      case 'registration-window-close':
        return this.bus.execute(new RunRoundCommand({ type: 'CloseRegistrationWindow', roundId: subjectId, deadlineId, actor }, context));
      case 'training-planned-end':
        return this.bus.execute(new RunClassCommand({ type: 'MarkPlannedEndReached', classId: subjectId, deadlineId, actor }, context));
      case 'practicum-end':
        return this.bus.execute(new RunCandidateCommand(subjectId, { type: 'EndPracticumPeriod', deadlineId, actor }, context));
      case 'acceptance-window':
        return this.bus.execute(new RunCandidateCommand(subjectId, { type: 'LapseAcceptanceWindow', deadlineId, actor }, context));
      case 'trial-end':
        return this.bus.execute(new RunCandidateCommand(subjectId, { type: 'EndTrialPeriod', deadlineId, actor }, context));
      default: {
        const unknown: never = job.kind;
        throw new Error(`no timed command for deadline kind ${String(unknown)}`);
      }
    }
  }
}
