import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { openReadModelDb, tableNames } from '@app/projections';
import { runNode } from '../../../test/support/processes';
import { counterProjection } from '../../../test/processes/counter-projection';
import { appendProbes, tempDir } from './fixtures';

const EVENTS = 20_000;

describe('a projection runner killed with SIGKILL', () => {
  it('resumes after each kill with no gap and no double count', async () => {
    const dir = tempDir();
    const eventsPath = join(dir, 'events.db');
    const readModelPath = join(dir, 'read-models.db');
    const store = new SqliteEventStore({ path: eventsPath });
    await appendProbes(store, EVENTS, 97);
    await store.close();

    const progress: number[] = [];
    for (let kill = 0; kill < 6; kill += 1) {
      const child = runNode('test/processes/project-until-killed.js', [eventsPath, readModelPath, '250'], {});
      // Let it commit a few batches, then kill it wherever it is.
      await child.waitForOutput(/applied [1-9]\d*/);
      await new Promise((resolve) => setTimeout(resolve, kill * 7));
      child.child.kill('SIGKILL');
      await child.exited;
      const applied = [...child.output().matchAll(/applied (\d+)/g)].map((match) => Number(match[1]));
      progress.push(applied.at(-1) ?? 0);
      if ((applied.at(-1) ?? 0) >= EVENTS) break;
    }

    const finisher = runNode('test/processes/project-until-killed.js', [eventsPath, readModelPath, '250'], {});
    await finisher.waitForOutput(new RegExp(`applied ${EVENTS}\\b`), 30_000);
    finisher.child.kill('SIGKILL');
    await finisher.exited;

    const db = openReadModelDb(readModelPath);
    const t = tableNames(counterProjection(), 1);
    expect(db.prepare(`SELECT events FROM "${t.totals}"`).get()).toEqual({ events: EVENTS });
    const perStream = db.prepare(`SELECT COUNT(*) AS streams, SUM(events) AS events, MIN(events) AS least FROM "${t.per_stream}"`).get();
    expect(perStream).toEqual({ streams: 97, events: EVENTS, least: Math.floor(EVENTS / 97) });
    expect(db.prepare("SELECT position, events_applied FROM projection_generations WHERE name = 'counter'").get()).toEqual({
      position: String(EVENTS),
      events_applied: EVENTS,
    });
    db.close();
    // It was killed part-way at least once, so the resumption was really exercised.
    expect(progress.some((applied) => applied > 0 && applied < EVENTS)).toBe(true);
  }, 60_000);
});
