import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { parsePublishedAnchor, verifyStore, type PublishedAnchor } from '@app/audit';
import { loadConfig } from '@app/config';
import { createEventStore, eventsAfter, streamEvents, type EventStore } from '@app/event-store';
import { ndjsonLines } from '../audit/audit-event.view';

const USAGE = `usage: npm run audit -- verify [--anchor <revision>:<anchorHash> …]
       npm run audit -- export [--stream <streamId>] > file.ndjson`;

function publishedAnchors(values: string[]): PublishedAnchor[] {
  return values.map((value) => {
    const anchor = parsePublishedAnchor(value);
    if (!anchor) throw new Error(`--anchor must be <revision>:<64 hex digits>, got "${value}"`);
    return anchor;
  });
}

/** Prints the report as JSON; exits 1 when a link is broken. */
async function verify(store: EventStore, anchors: string[]): Promise<number> {
  const report = await verifyStore(store, { published: publishedAnchors(anchors) });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  return report.ok ? 0 : 1;
}

/** NDJSON on stdout, one event per line, streamed with backpressure. */
async function exportEvents(store: EventStore, streamId: string | undefined): Promise<number> {
  const events = streamId === undefined ? eventsAfter(store) : streamEvents(store, streamId);
  await pipeline(Readable.from(ndjsonLines(events)), process.stdout);
  return 0;
}

/**
 * `npm run audit -- verify | export`: the auditor's tools without the HTTP
 * server, on the store the configuration names (read-only use).
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { stream: { type: 'string' }, anchor: { type: 'string', multiple: true } },
  });
  const command = positionals[0];
  if (command !== 'verify' && command !== 'export') {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const store = createEventStore(loadConfig());
  try {
    return command === 'verify' ? await verify(store, values.anchor ?? []) : await exportEvents(store, values.stream);
  } finally {
    await store.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
