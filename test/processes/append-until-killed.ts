import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { createEventStore, EventStoreClosedError } from '@app/event-store';

/**
 * Appends batches of `size` events, one new stream per batch, until killed.
 * Prints "start <stream>" before each append and "ack <stream>" once it is
 * acknowledged, so a test can kill it mid-append and check what survived.
 * With CLOSE_ON_SIGTERM set, SIGTERM closes the store the way the apps do.
 */
async function main(): Promise<void> {
  const [run, size] = process.argv.slice(2);
  const store = createEventStore(loadConfig());
  if (process.env.CLOSE_ON_SIGTERM) {
    process.once('SIGTERM', () => {
      void store.close().then(() => {
        process.stdout.write('closed\n');
        process.exit(0);
      });
    });
  }
  const padding = 'Bắc Giang '.repeat(20);
  for (let index = 0; ; index += 1) {
    const stream = `crash-${run}-${index}`;
    const events = Array.from({ length: Number(size) }, (_, n) => ({
      id: randomUUID(),
      type: 'CrashProbe',
      schemaVersion: 1,
      data: { n, padding },
      metadata: {
        correlationId: run,
        causationId: run,
        actor: { id: 'crash-test', role: 'system' },
        occurredAt: new Date().toISOString(),
      },
    }));
    process.stdout.write(`start ${stream}\n`);
    try {
      await store.append(stream, events, { expectedRevision: 'no_stream' });
    } catch (error) {
      if (!(error instanceof EventStoreClosedError)) throw error;
      process.stdout.write(`refused ${stream}\n`);
      return;
    }
    process.stdout.write(`ack ${stream}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
