import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The domain stays pure: only relative imports, so no framework, store, queue or I/O can creep in. */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('the pipeline domain', () => {
  it('imports nothing but its own files', () => {
    const offenders = sourceFiles(__dirname).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)]
        .map((match) => match[1])
        .filter((target) => !target.startsWith('.'))
        .map((target) => `${file}: ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('never reads the clock: time is passed in', () => {
    const offenders = sourceFiles(__dirname).filter((file) => /Date\.now\(|new Date\(\)/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
