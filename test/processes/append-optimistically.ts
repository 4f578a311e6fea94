import { loadConfig } from '@app/config';
import { createEventStore } from '@app/event-store';
import { appendOptimistically } from './optimistic-writer';

/** Appends `count` events to one stream as writer `writer`, from its own process. */
async function main(): Promise<void> {
  const [stream, writer, count] = process.argv.slice(2);
  const store = createEventStore(loadConfig());
  await appendOptimistically(store, stream, Number(writer), Number(count));
  await store.close();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
