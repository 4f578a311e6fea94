import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@app/common';
import { formatPosition, SqliteEventStore } from '@app/event-store';
import { decideRound } from '@app/pipeline';
import { openRound, provinceBoard, scheduler } from '../../../../libs/pipeline/src/round/round.fixtures';
import { StreamCommands } from './stream-commands';
import { ROUND_MODEL, roundStream } from './stream-models';

describe('a command answer', () => {
  it('carries the position of the newest event in its stream, also when the command appended nothing', async () => {
    const store = new SqliteEventStore({ path: join(mkdtempSync(join(tmpdir(), 'stream-commands-')), 'events.db') });
    const commands = new StreamCommands(store, new SystemClock());
    const context = { actor: provinceBoard, correlationId: 'c', causationId: 'c' };
    const stream = roundStream(openRound.roundId);
    const run = (command: Parameters<typeof decideRound>[0]) =>
      commands.execute(stream, ROUND_MODEL, (state, now) => decideRound(command, state, now), { ...context, actor: command.actor });

    const opened = await run(openRound);
    const closed = await run({ type: 'CloseRound', roundId: openRound.roundId, actor: provinceBoard });
    // Another stream moves the log on: the answer must name this stream's position, not the log's head.
    const metadata = { ...context, actor: { id: 'x', role: 'system' }, occurredAt: new Date().toISOString() };
    await store.append('elsewhere', [{ id: randomUUID(), type: 'Other', schemaVersion: 1, data: {}, metadata }]);
    // The close job fires after the round closed: nothing to do, and the answer still says where the stream stands.
    const late = await run({ type: 'CloseRegistrationWindow', roundId: openRound.roundId, deadlineId: 'late', actor: scheduler });

    expect(opened).toMatchObject({ status: 'accepted', position: '1' });
    expect(closed).toMatchObject({ status: 'accepted', position: '2' });
    expect(late).toEqual({ status: 'ignored', streamId: stream, revision: 1, position: '2', reason: 'the round is closed' });
    const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
    expect(formatPosition(last.position)).toBe(late.position);
    await store.close();
  });
});
