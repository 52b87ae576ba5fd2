// The texts both rewrite suites apply CareLint's rewrites to: every rule's `match` examples, the bundled samples,
// and the shared dev sets when they sit beside the project (read-only: read, never copied in).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules, type TextFormat } from '../../shared-rules/src/index';
import { ROOT } from './cli';

export interface CorpusText {
  source: string;
  text: string;
  format: TextFormat;
}

const formatOf = (name: string): TextFormat =>
  name.endsWith('md') ? 'markdown' : name.endsWith('html') ? 'html' : 'plaintext';

export function rewriteCorpus(): CorpusText[] {
  const out: CorpusText[] = [];
  for (const rule of builtinRules())
    rule.examples.match.forEach((e, i) =>
      out.push({
        source: `${rule.id} example ${i + 1}`,
        text: typeof e === 'string' ? e : e.text,
        format: 'plaintext',
      }),
    );
  for (const name of readdirSync(join(ROOT, 'samples')))
    out.push({
      source: `samples/${name}`,
      text: readFileSync(join(ROOT, 'samples', name), 'utf8'),
      format: formatOf(name),
    });
  for (const set of ['dev.jsonl', 'dev2.jsonl']) {
    const file = join(ROOT, '..', 'shared', 'eval', set);
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { id: string; text: string; ext?: string };
      out.push({ source: `${set} ${item.id}`, text: item.text, format: formatOf(item.ext ?? 'txt') });
    }
  }
  return out;
}
