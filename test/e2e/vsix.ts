// The extension under test, as users get it: the .vsix that `npm run package` writes to dist/.
// Rebuilt when missing or older than the sources it is made from, so a stale package never passes the test.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const SOURCES = ['extension', 'shared-rules/src', 'shared-rules/rules'].map((dir) => join(ROOT, dir));

function newestVsix(): string | undefined {
  const dist = join(ROOT, 'dist');
  if (!existsSync(dist)) return undefined;
  const found = readdirSync(dist)
    .filter((name) => /^carelint-.*\.vsix$/.test(name))
    .map((name) => join(dist, name));
  return found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

function newestSourceTime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestSourceTime(join(path, entry)));
  }
  return newest;
}

/** Path of an up-to-date vsix. CARELINT_VSIX overrides (e.g. to prove the test fails on a broken build). */
export function ensureVsix(): string {
  if (process.env.CARELINT_VSIX) return resolve(process.env.CARELINT_VSIX);
  const existing = newestVsix();
  const sourceTime = Math.max(...SOURCES.map(newestSourceTime));
  const existingTime = existing ? statSync(existing).mtimeMs : 0;
  if (existing && existingTime >= sourceTime) return existing;
  const run = spawnSync('npm', ['run', 'package'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  const built = newestVsix();
  if (run.status !== 0 || !built || statSync(built).mtimeMs <= existingTime) {
    throw new Error(
      `\`npm run package\` did not produce dist/carelint-*.vsix (exit ${run.status}, ${run.error ?? 'no spawn error'}):\n` +
        `${run.stdout ?? ''}${run.stderr ?? ''}`,
    );
  }
  return built;
}
