import Database from 'better-sqlite3';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { fireJobId } from '@app/read-models';
import { PipelineQueues } from '@app/scheduling';
import { JWT_SECRET, startApi, tokenFor, type RunningApi } from './support/api';
import { runNode, tempSqlitePath, type RunningProcess } from './support/processes';
import { dropQueues, eventually, ok, uniquePrefix } from './support/timers';

jest.setTimeout(60_000);

const WORKER = 'apps/worker/src/main.js';
const province = tokenFor('province-board');

/**
 * The worker as its own process, on the wall clock. To catch it in the middle
 * of a job, the test holds the event store's write lock when the deadline
 * comes: the worker takes the job and waits on the lock, and is killed there.
 */
describe('a worker process killed in the middle of a timed job', () => {
  const prefix = uniquePrefix();
  const sqlitePath = tempSqlitePath();
  const env = { SQLITE_PATH: sqlitePath, QUEUE_PREFIX: prefix, JWT_SECRET, TIMERS_LOCK_MS: '1000', TIMERS_TICK_MS: '100' };
  let api: RunningApi;
  let queues: PipelineQueues;
  const workers: RunningProcess[] = [];

  const startWorker = async () => {
    const worker = runNode(WORKER, [], env);
    workers.push(worker);
    await worker.waitForOutput(/timers running on queues/);
    return worker;
  };
  /** A round whose window closes in 2.5 s; resolves with the close job once it is scheduled. */
  const roundClosingSoon = async (roundId: string) => {
    await ok(
      api.call('POST', '/rounds', {
        token: province,
        body: {
          roundId,
          name: 'Đợt kiểm tra',
          provinceCode: '24',
          registrationOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
          registrationClosesAt: new Date(Date.now() + 2_500).toISOString(),
        },
      }),
      201,
    );
    const jobId = fireJobId(`round-${roundId}`, 'registration-window-close', 1);
    await eventually(async () => (await queues.timers.getJobState(jobId)) === 'delayed');
    return jobId;
  };
  /** Holds the store's write lock until the worker has taken the job, then runs `then` and lets go. */
  const whileTheJobWaitsOnTheStore = async (jobId: string, then: () => Promise<void>) => {
    const lock = new Database(sqlitePath);
    lock.exec('BEGIN IMMEDIATE');
    try {
      await eventually(async () => (await queues.timers.getJobState(jobId)) === 'active');
      await then();
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
  };
  const closings = async (roundId: string) =>
    (await api.app.get<EventStore>(EVENT_STORE).readStream(`round-${roundId}`)).filter(
      (event) => event.type === 'RegistrationWindowClosed',
    );

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix }, sqlitePath);
    queues = api.app.get(PipelineQueues);
  });
  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await api.close();
    await dropQueues('redis://127.0.0.1:6379', prefix);
  });

  it('leaves the job to another worker, and the transition is recorded once', async () => {
    const first = await startWorker();
    const jobId = await roundClosingSoon('r-crash');
    await whileTheJobWaitsOnTheStore(jobId, async () => {
      first.child.kill('SIGKILL');
      await first.exited;
    });
    expect(await closings('r-crash')).toHaveLength(0);

    await startWorker();
    await eventually(async () => (await queues.timers.getJobState(jobId)) === 'completed', 20_000);
    const closed = await closings('r-crash');
    expect(closed).toHaveLength(1);
    expect(closed[0].data).toMatchObject({ trigger: 'deadline', deadlineId: 'r-crash/registration-window-close/1' });
  });
});
