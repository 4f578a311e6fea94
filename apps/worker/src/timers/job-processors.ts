import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Clock } from '@app/common';
import type { TimerJob } from '@app/scheduling';
import type { CommandContext, CommandOutcome } from '../../../api/src/commands/stream-commands';
import { SCHEDULER_ACTOR } from '../../../api/src/commands/notification-models';
import { ProblemException } from '../../../api/src/http/problem';

/** The context a job's command is recorded with: the scheduler as actor, the job as cause. */
export function jobContext(queue: string, job: Job): CommandContext {
  return {
    actor: { ...SCHEDULER_ACTOR },
    correlationId: `${queue}/${job.id}`,
    causationId: `job:${queue}/${job.id}/attempt-${job.attemptsMade + 1}`,
  };
}

/** What the dashboard shows as the job's result. */
export function describeOutcome(outcome: CommandOutcome): string {
  return outcome.status === 'ignored' ? `ignored: ${outcome.reason}` : `recorded at revision ${outcome.revision}`;
}

/**
 * Runs a timed command and maps the domain's answer onto BullMQ: accepted or
 * ignored completes the job; "not yet due" puts it back until the due time
 * (by the Clock); any other refusal fails it for good (retrying cannot help);
 * infrastructure errors are retried with backoff.
 */
export async function runTimedCommand(
  job: Job<TimerJob>,
  token: string | undefined,
  clock: Clock,
  command: () => Promise<CommandOutcome>,
): Promise<string> {
  try {
    return describeOutcome(await command());
  } catch (error) {
    if (!(error instanceof ProblemException)) throw error;
    const { code, detail, details } = error.problem as { code: string; detail: string; details?: { dueAt?: string } };
    if (code === 'DEADLINE_NOT_YET_DUE' && details?.dueAt) {
      const wait = Math.max(0, Date.parse(details.dueAt) - clock.now().getTime());
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    throw new UnrecoverableError(`${code}: ${detail}`);
  }
}
