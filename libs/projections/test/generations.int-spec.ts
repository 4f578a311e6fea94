import { join } from 'node:path';
import { Generations, openReadModelDb } from '@app/projections';
import { counterProjection } from '../../../test/processes/counter-projection';
import { tempDir } from './fixtures';

describe('generation rows', () => {
  const counter = counterProjection();

  it('creates a first live generation once, however often it is asked for, and joins a build under way', () => {
    const db = openReadModelDb(join(tempDir(), 'read-models.db'));
    const generations = new Generations(db);
    expect(generations.liveOrCreate(counter).generation).toBe(1);
    expect(generations.liveOrCreate(counter).generation).toBe(1);
    const newer = counterProjection(2);
    expect(generations.buildingOrCreate(newer).generation).toBe(2);
    expect(generations.buildingOrCreate(newer).generation).toBe(2);
    expect(generations.all('counter').map(({ generation, state }) => [generation, state])).toEqual([
      [1, 'live'],
      [2, 'building'],
    ]);
    db.close();
  });

  it('never switches to a build that stopped on a dead letter or was dropped, and keeps the live one serving', () => {
    const db = openReadModelDb(join(tempDir(), 'read-models.db'));
    const generations = new Generations(db);
    generations.liveOrCreate(counter);
    const failed = generations.create(counter, 'building');
    db.prepare('UPDATE projection_generations SET failed_at = 1 WHERE generation = ?').run(failed.generation);
    expect(generations.switchTo('counter', failed.generation)).toBe(false);
    const dropped = generations.create(counter, 'building');
    generations.drop(counter, dropped.generation);
    expect(generations.switchTo('counter', dropped.generation)).toBe(false);
    expect(generations.live('counter')?.generation).toBe(1);
    const healthy = generations.create(counter, 'building');
    expect(generations.switchTo('counter', healthy.generation)).toBe(true);
    expect(generations.live('counter')?.generation).toBe(healthy.generation);
    expect(generations.get('counter', 1)?.state).toBe('retired');
    db.close();
  });
});
