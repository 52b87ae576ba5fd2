// Golden output: what CareLint finds in the bundled samples and the format fixtures, as readable text (rule id,
// line:column, the line with a caret under the span, the first rewrite, or the guidance). A change in judgement then
// shows as a diff in review. `CARELINT_UPDATE_SNAPSHOTS=1 npx mocha test/snapshots.test.ts` rewrites the files.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { autoRewrite, lint, lineStarts, lineIndexAt, type TextFormat } from '../shared-rules/src/index';
import { ROOT } from './support/cli';

const SNAPSHOTS = join(ROOT, 'test', 'snapshots');
const SOURCES = ['samples', 'test/fixtures/formats'];

function formatOf(name: string): TextFormat | undefined {
  if (/\.(md|markdown)$/.test(name)) return 'markdown';
  if (/\.html?$/.test(name)) return 'html';
  if (/\.txt$/.test(name)) return 'plaintext';
  return undefined;
}

/** One block per finding: where, what, a caret line under the span (first line of it), and what is offered. */
export function render(text: string, format: TextFormat): string {
  const starts = lineStarts(text);
  const blocks = lint(text, { format }).map((f) => {
    const line = lineIndexAt(starts, f.start);
    const lineText = text
      .slice(starts[line], line + 1 < starts.length ? starts[line + 1] : text.length)
      .replace(/\r?\n$/, '');
    const column = f.start - starts[line];
    const width = Math.max(1, Math.min(f.end, starts[line] + lineText.length) - f.start);
    const offer =
      autoRewrite(f) !== undefined
        ? `rewrite: ${autoRewrite(f)}`
        : f.guidance.length
          ? `guidance: ${f.guidance[0]}`
          : `prompt: ${f.suggestions[0] ?? '(none)'}`;
    return [
      `${f.ruleId} ${f.category} ${f.severity} ${line + 1}:${column + 1}`,
      `  | ${lineText}`,
      `  | ${' '.repeat(column)}${'^'.repeat(width)}`,
      `  ${offer}`,
    ].join('\n');
  });
  return blocks.length ? `${blocks.join('\n\n')}\n` : '(no findings)\n';
}

describe('golden output', () => {
  for (const dir of SOURCES) {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      const format = formatOf(name);
      if (!format) continue;
      it(`${dir}/${name}`, () => {
        const actual = render(readFileSync(join(ROOT, dir, name), 'utf8'), format);
        const file = join(SNAPSHOTS, `${dir.replace(/\//g, '__')}__${name}.snap`);
        if (process.env.CARELINT_UPDATE_SNAPSHOTS || !existsSync(file)) {
          mkdirSync(SNAPSHOTS, { recursive: true });
          writeFileSync(file, actual);
          if (!process.env.CARELINT_UPDATE_SNAPSHOTS && process.env.CI)
            assert.fail(`${file} was missing; it is written now: commit it`);
        }
        assert.equal(
          actual,
          readFileSync(file, 'utf8'),
          `${file} differs: review the change, then CARELINT_UPDATE_SNAPSHOTS=1`,
        );
      });
    }
  }
});
