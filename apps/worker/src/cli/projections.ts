import { loadConfig } from '@app/config';
import { createEventStore } from '@app/event-store';
import { openReadModelDb } from '@app/projections';
import { READ_MODEL_PROJECTIONS, upcastRecordedEvent } from '@app/read-models';
import { check, rebuild, retry, status, UsageError, type CliContext } from './projection-commands';

const USAGE = `usage: npm run projections -- <command>
  status           where each read model stands: generation, position, lag, failure, rebuild in progress
  rebuild [name]   build a new generation (of one read model, or all) beside the live one, then switch to it
  check [name]     rebuild into a scratch copy and compare with the live one; exit 1 with a diff when they differ
  retry <name>     clear a dead-letter failure so the read model tries the failed event again`;

const COMMANDS: Record<string, (context: CliContext, name?: string) => Promise<number>> = { status, rebuild, check, retry };

/** `npm run projections -- status | rebuild [name] | check [name] | retry <name>`, on the configured store and read-model file. */
async function main(): Promise<number> {
  const [command, name, ...rest] = process.argv.slice(2);
  const run = COMMANDS[command ?? ''];
  if (!run || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const store = createEventStore(config);
  const db = openReadModelDb(config.READ_MODEL_PATH!);
  try {
    return await run(
      { store, db, definitions: READ_MODEL_PROJECTIONS, upcast: upcastRecordedEvent, out: (line) => process.stdout.write(`${line}\n`) },
      name,
    );
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n${USAGE}\n`);
    return 2;
  } finally {
    db.close();
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
