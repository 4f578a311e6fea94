import { SqliteEventStore } from '@app/event-store';
import { openReadModelDb, ProjectionsHost } from '@app/projections';
import { counterProjection } from './counter-projection';

/**
 * Runs the counter projection over an events file into a read-model file until
 * killed, printing "applied <n>" as it goes, so a test can SIGKILL it
 * mid-batch and check that a restart neither skips nor repeats an event.
 */
async function main(): Promise<void> {
  const [eventsPath, readModelPath, batchSize] = process.argv.slice(2);
  const store = new SqliteEventStore({ path: eventsPath, pollIntervalMs: 20 });
  const db = openReadModelDb(readModelPath);
  const host = new ProjectionsHost(store, db, [counterProjection()], { batchSize: Number(batchSize), checkIntervalMs: 100 });
  const report = (): void => {
    const live = host.generations.live('counter');
    process.stdout.write(`applied ${live?.eventsApplied ?? 0}\n`);
  };
  host.onProgress(report);
  await host.start();
  // A run that finds everything already applied makes no progress: say where it stands.
  report();
  process.stdout.write('running\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
