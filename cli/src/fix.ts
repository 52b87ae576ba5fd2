import { randomBytes } from 'node:crypto';
import { chown, lstat, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  applyEdits,
  lineIndexAt,
  lineStarts,
  planFixes,
  type Finding,
  type FixEdit,
  type SkippedFix,
  type TextFormat,
} from '../../shared-rules/src/index';
import { type Encoding, encode } from './decode';

const MAX_PASSES = 10;

/** One rewrite made: where (1-based line in the text before it), and the words before and after. */
export interface FixChange {
  line: number;
  before: string;
  after: string;
  ruleId: string;
}

export type FixOutcome =
  | { written: boolean; text: string; findings: Finding[]; changes: FixChange[]; skipped: SkippedFix[] }
  | { written: false; conflict: string };

/**
 * Applies the engine's fix plan (rewrites only: prompts and guidance are left for the person), re-linting until
 * nothing more changes (overlapping findings are fixed on a later pass), then writes the file back (see writeBack).
 * The text keeps its BOM and line endings (rewrites never touch them) and the encoding it was read in.
 */
export async function fixFile(
  path: string,
  original: { text: string; bytes: Buffer; encoding: Encoding },
  findings: Finding[],
  lintText: (text: string) => Finding[],
  format: TextFormat,
): Promise<FixOutcome> {
  let text = original.text;
  const changes: FixChange[] = [];
  let skipped: SkippedFix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const plan = planFixes(text, findings, { format });
    skipped = plan.skipped;
    if (plan.edits.length === 0) break;
    changes.push(...describeChanges(text, plan.edits));
    text = applyEdits(text, plan.edits);
    findings = lintText(text);
  }
  if (text === original.text) return { written: false, text, findings, changes, skipped };

  const target = await realpath(path);
  const now = await readFile(target);
  if (!now.equals(original.bytes))
    return { written: false, conflict: 'changed on disk while it was being checked; not overwritten. Run --fix again' };
  await writeBack(target, encode(text, original.encoding));
  return { written: true, text, findings, changes, skipped };
}

function describeChanges(text: string, edits: readonly FixEdit[]): FixChange[] {
  const starts = lineStarts(text);
  return edits.map((e) => ({
    line: lineIndexAt(starts, e.start) + 1,
    before: text.slice(e.start, e.end),
    after: e.newText,
    ruleId: e.finding.ruleId,
  }));
}

/**
 * Replace the file's bytes, keeping what makes it the same file: `target` is the real path (a symbolic link given
 * on the command line is written through, never replaced), and the owner and mode stay. A file with one name is
 * replaced atomically (a temp file in the same folder renamed over it); one with several hard links is written in
 * place, since a rename would split it from its other names.
 */
async function writeBack(target: string, bytes: Buffer): Promise<void> {
  const info = await lstat(target);
  if (info.nlink > 1) {
    await writeFile(target, bytes);
    return;
  }
  const temp = join(
    dirname(target),
    `.${basename(target)}.carelint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, bytes, { flag: 'wx', mode: info.mode & 0o7777 });
    const written = await stat(temp);
    if (written.uid !== info.uid || written.gid !== info.gid) await chown(temp, info.uid, info.gid);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
