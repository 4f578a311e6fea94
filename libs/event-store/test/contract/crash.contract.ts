import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { EventStore } from '../../src';
import { ContractTarget } from './target';

const CHILD = join(__dirname, '..', '..', '..', '..', 'dist', 'test', 'processes', 'append-until-killed.js');
const BATCH = 2_000;

/**
 * Starts a child that appends BATCH-event batches, one new stream per batch,
 * printing each acknowledged stream; kills it with SIGKILL `delayMs` after it
 * starts the batch following its `ackedBeforeKill`-th acknowledgement, and
 * returns what it acknowledged.
 */
function appendThenKill(env: Record<string, string>, run: string, ackedBeforeKill: number, delayMs: number) {
  return new Promise<{ acked: string[]; started: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, run, String(BATCH)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let started = 0;
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [kind, stream] = line.split(' ');
        if (kind === 'ack') acked.push(stream);
        if (kind === 'start') started += 1;
        // Aim at the batch just started, so the kill lands while it is being appended.
        if (kind === 'start' && acked.length === ackedBeforeKill && started === ackedBeforeKill + 1) {
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        }
      }
    });
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ acked, started });
      else reject(new Error(`child exited with ${code ?? signal} before it was killed: ${stderr}`));
    });
  });
}

export function crashContract(target: ContractTarget): void {
  describe('a writer killed with SIGKILL in the middle of appending', () => {
    let killsMidAppend = 0;

    it.each([0, 1, 2, 4, 8])('leaves every batch whole or absent and every acknowledged batch stored (kill %i ms in)', async (delayMs) => {
      const run = randomUUID();
      const { acked, started } = await appendThenKill(target.childEnv(), run, 2, delayMs);
      await target.afterCrash?.();
      const store: EventStore = await target.open();
      try {
        const lengths: number[] = [];
        for (let index = 0; index < started; index += 1) {
          lengths.push((await store.readStream(`crash-${run}-${index}`)).length);
        }
        expect(lengths.every((length) => length === 0 || length === BATCH)).toBe(true);
        for (const stream of acked) expect((await store.readStream(stream)).length).toBe(BATCH);
        expect(acked.length).toBeGreaterThanOrEqual(2);
        if (started > acked.length) killsMidAppend += 1;
      } finally {
        await store.close();
      }
    });

    it('landed most of those kills while a batch was being appended, not between batches', () => {
      expect(killsMidAppend).toBeGreaterThanOrEqual(3);
    });
  });
}
