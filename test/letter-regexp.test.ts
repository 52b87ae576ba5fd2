/**
 * A LetterRegExp runs an ASCII twin of its pattern on ASCII text, for start-up's sake: on ASCII text the twin must
 * match exactly what the Unicode original matches. Checked for every pattern the engine writes with letterPattern
 * (read from the source files, so a new one is checked too), on the sample notes' lines and on random ASCII text.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asciiSource, LetterRegExp } from '../shared-rules/src/text/letter-regexp';
import { ROOT } from './support/cli';

const SRC = join(ROOT, 'shared-rules', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every letterPattern(String.raw`…`, '…') in the engine, as [source, flags]. */
function enginePatterns(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const file of sourceFiles(SRC))
    for (const m of readFileSync(file, 'utf8').matchAll(/letterPattern\(\s*String\.raw`([^`]*)`,\s*'([a-z]*)'/g))
      out.push([m[1], m[2]]);
  return out;
}

/** Random ASCII text from the pieces these patterns look for: words, suffixes, articles, apostrophes, hyphens, `~`. */
function randomTexts(count: number): string[] {
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const pieces = [
    'a',
    'an',
    'the',
    'A',
    'An',
    'The',
    'to',
    'To',
    'seeking',
    'user',
    'abuser',
    'doctor',
    'therapist',
    'order',
    'ability',
    'attempts',
    'drugs',
    'lies',
    'ly',
    'really',
    'ing',
    'Ing',
    'x',
    'Q',
    'insulin-treated',
    'pt',
    '1:1',
    '34',
    'IVDU',
    'REFUSED',
    "don't",
    "'",
    '-',
    '&',
    '~',
    'refuse~',
    ' ',
    ' ',
    ' ',
    '  ',
    '\n',
    '\t',
    '.',
    ',',
    ';',
    '(',
    ')',
    '"',
    'use',
    'disorder',
    'of',
    'his',
    'her',
    's',
    "s'",
    'ss',
    '9',
    '_',
    '\u007f',
  ];
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    for (let k = rand(8); k >= 0; k--) t += pieces[rand(pieces.length)];
    texts.push(t);
  }
  return texts;
}

/** What an expression finds in a text: every match with its place and groups (one match without the g flag). */
function matches(re: RegExp, text: string): unknown {
  if (!re.global) {
    const m = re.exec(text);
    return m && { index: m.index, groups: [...m] };
  }
  return [...text.matchAll(re)].map((m) => ({ index: m.index, groups: [...m] }));
}

describe('LetterRegExp', () => {
  const patterns = enginePatterns();
  const samples = readdirSync(join(ROOT, 'samples')).flatMap((f) =>
    readFileSync(join(ROOT, 'samples', f), 'utf8')
      .split('\n')
      .filter((line) => !/[^\x00-\x7f]/.test(line)),
  );
  const texts = [...samples, ...samples.map((l) => l.slice(0, 30)), ...randomTexts(3000)];

  it('finds the patterns the engine writes', () => {
    assert.ok(patterns.length >= 20, `${patterns.length} patterns`);
  });

  it('the ASCII twin of every engine pattern matches what the Unicode original matches, on ASCII text', () => {
    for (const [source, flags] of patterns) {
      const ascii = new RegExp(asciiSource(source), flags);
      const unicode = new RegExp(source, flags);
      for (const text of texts)
        assert.deepEqual(
          matches(ascii, text),
          matches(unicode, text),
          `/${source}/${flags} on ${JSON.stringify(text)}`,
        );
    }
  });

  it('writes property classes as ASCII ranges, inside a class and outside one', () => {
    assert.equal(
      asciiSource(String.raw`^\p{L}+[^\p{L}\p{N}'\u2019-]\p{Ll}\.\\p{L}`),
      String.raw`^[A-Za-z]+[^A-Za-z0-9'\u2019-][a-z]\.\\p{L}`,
    );
    assert.equal(asciiSource(String.raw`[\p{L}\p{M}\p{N}]`), '[A-Za-z0-9]');
    assert.throws(() => asciiSource(String.raw`\p{Lu}`), /no ASCII form/);
    assert.throws(() => asciiSource(String.raw`\P{L}`), /no ASCII form/);
  });

  it('runs the Unicode original on text outside ASCII', () => {
    const word = new LetterRegExp(String.raw`^\p{L}+`, 'u');
    assert.equal(word.exec('café au lait')?.[0], 'café');
    assert.equal(word.exec('cafe au lait')?.[0], 'cafe');
    assert.equal(word.for('naïve'), word.for('état'), 'the Unicode expression is made once');
    assert.notEqual(word.for('naive'), word.for('naïve'));
  });
});
