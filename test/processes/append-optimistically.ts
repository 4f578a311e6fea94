import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { ConcurrencyError, createEventStore } from '@app/event-store';

/** Appends `count` events to one stream as writer `writer`, reading the head and retrying on conflict. */
async function main(): Promise<void> {
  const [stream, writer, count] = process.argv.slice(2);
  const store = createEventStore(loadConfig());
  for (let n = 0; n < Number(count); n += 1) {
    const event = {
      id: randomUUID(),
      type: 'Written',
      schemaVersion: 1,
      data: { writer: Number(writer), n },
      metadata: { correlationId: stream, causationId: stream, actor: { id: `writer-${writer}`, role: 'system' }, occurredAt: new Date().toISOString() },
    };
    for (;;) {
      const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
      try {
        await store.append(stream, [event], { expectedRevision: last ? last.revision : 'no_stream' });
        break;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
  }
  await store.close();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
