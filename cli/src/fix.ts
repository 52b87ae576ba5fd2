import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { applyFixes } from '../../shared-rules/src/index';
import type { Finding } from '../../shared-rules/src/index';
import { type Encoding, encode } from './decode';
import { autoFix } from './suggestions';

const MAX_PASSES = 10;

export type FixOutcome =
  | { written: boolean; text: string; findings: Finding[] }
  | { written: false; conflict: string };

/**
 * Applies the first non-slot rewrite of each finding, re-linting until nothing more changes (overlapping
 * findings are fixed on a later pass), then replaces the file atomically: a temp file in the same folder
 * renamed over the original, unless the file changed on disk since it was read. The text keeps its BOM
 * and line endings (rewrites never touch them) and is written back in the encoding it was read in.
 */
export async function fixFile(
  path: string, original: { text: string; bytes: Buffer; encoding: Encoding }, findings: Finding[], lintText: (text: string) => Finding[],
): Promise<FixOutcome> {
  let text = original.text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixed = applyFixes(text, findings, autoFix);
    if (fixed === text) break;
    text = fixed;
    findings = lintText(text);
  }
  if (text === original.text) return { written: false, text, findings };

  const now = await readFile(path);
  if (!now.equals(original.bytes)) return { written: false, conflict: 'changed on disk while it was being checked; not overwritten. Run --fix again' };
  const temp = join(dirname(path), `.${basename(path)}.carelint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, encode(text, original.encoding), { flag: 'wx', mode: (await stat(path)).mode & 0o7777 });
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  return { written: true, text, findings };
}
