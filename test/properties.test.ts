// fast-check properties over the built-in rules. `npm run fuzz` runs the same properties with many more cases.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyEdits,
  autoRewrite,
  builtinRules,
  lint,
  LintSession,
  planFixes,
  PRACTICE_CATEGORIES,
  type FixEdit,
  type TextChange,
  type TextFormat,
} from '../shared-rules/src/index';
import { applyEdit, isSurrogateSplit } from './support/edits';

const RUNS = Number(process.env.CARELINT_FUZZ_RUNS ?? 300);

const sentences = builtinRules().flatMap((r) => [
  ...r.examples.match.map((m) => (typeof m === 'string' ? m : m.text)),
  ...r.examples.noMatch,
]);

/** Pieces of real-world mess: line ends, quotes, invisible and combining characters, RTL, emoji, lone surrogates. */
const oddities = fc.constantFrom(
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\r\n\r\n',
  ' ',
  '\t',
  '\u00a0',
  '"',
  '\u201c',
  '\u201d',
  "'",
  '\u2018',
  '\u2019',
  '«',
  '»',
  '-',
  '\u2014',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u2066',
  '\u2069',
  '\ufeff',
  '\u0301',
  'e\u0301',
  '\u0338',
  '😀',
  '👩🏽‍⚕️',
  '\ud83d',
  '\ude00',
  'رفض الدواء',
  'סירב',
  '\u202eevil\u202c',
  'ﬁ',
  'İ',
  'ß',
  '\u0000',
  '\u2028',
  '\u2029',
  '.',
  ';',
  ':',
  '…',
);
/** Markdown, HTML, template and directive syntax around and inside the prose. */
const markup = fc.constantFrom(
  '{{ name }}',
  '{{',
  '}}',
  '{% if risk %}',
  '{% endif %}',
  '${patient}',
  '[[plan]]',
  '«name»',
  '<<name>>',
  '<b>',
  '</b>',
  '<p>',
  '</p>',
  '<br/>',
  '<script>x("refused")</script>',
  '<!-- carelint-disable -->',
  '<!-- carelint-enable -->',
  '&amp;',
  '&nbsp;',
  '&#8220;',
  '&bogus;',
  '<img src=x onerror=alert(1)>',
  '# Care plan\n',
  '## History\n',
  'History:\n',
  'Plan:\n',
  '```\n',
  '`code`',
  '> quoted\n',
  '- ',
  '1. ',
  '[link](http://x.test/refused)',
  '<http://x.test>',
  '| a | b |\n',
  '---\n',
  '*',
  '_',
  'carelint-disable-next-line\n',
  '// carelint-disable-line\n',
);
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...sentences) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('a', ' ', '-', '"', '\n', 'refused', '.'), maxLength: 40 }),
  },
  { weight: 2, arbitrary: oddities },
  { weight: 2, arbitrary: markup },
  {
    weight: 1,
    arbitrary: fc.constantFrom('x'.repeat(3000), 'refused '.repeat(300), ' '.repeat(2000), '\n'.repeat(200)),
  },
);
const document = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));
const format = fc.constantFrom<TextFormat>('plaintext', 'markdown', 'html');

/** Spans of the rewrites in the fixed text, using the same ordering rule as applyFixes. */
/** Where each edit of a fix plan sits in the fixed text, with the rule it fixed. */
function fixedSpans(edits: readonly FixEdit[]): Array<[number, number, string]> {
  let shift = 0;
  return edits.map((e) => {
    const span: [number, number, string] = [e.start + shift, e.start + shift + e.newText.length, e.finding.ruleId];
    shift += e.newText.length - (e.end - e.start);
    return span;
  });
}

describe('properties', function () {
  // `npm run fuzz` runs many more cases: give it the time they take. The budget is about ten times a quiet run, so
  // a machine under load (helpers, CI neighbours) cannot fail a property that holds: these find counterexamples, not time
  this.timeout(Math.max(120_000, RUNS * 400));
  it('never throws, keeps spans inside the text on UTF-16 boundaries, and is deterministic', () => {
    fc.assert(
      fc.property(document, format, (text, fmt) => {
        const findings = lint(text, { format: fmt });
        for (const f of findings) {
          assert.ok(
            0 <= f.start && f.start < f.end && f.end <= text.length,
            `span ${f.start}-${f.end} outside 0-${text.length}`,
          );
          assert.ok(!isSurrogateSplit(text, f.start) && !isSurrogateSplit(text, f.end), 'span splits a surrogate pair');
          assert.equal(f.text, text.slice(f.start, f.end));
        }
        assert.deepEqual(lint(text, { format: fmt }), findings);
      }),
      { numRuns: RUNS },
    );
  });

  it('applying every fix changes nothing outside the finding spans, and applies rewrites only', () => {
    fc.assert(
      fc.property(document, format, (text, fmt) => {
        const findings = lint(text, { format: fmt });
        const { edits } = planFixes(text, findings, { format: fmt });
        const fixed = applyEdits(text, edits);
        // walk both texts in step: outside the edits they must be identical
        let i = 0,
          j = 0;
        for (const e of edits) {
          assert.equal(e.newText, autoRewrite(e.finding));
          assert.ok(!PRACTICE_CATEGORIES.includes(e.finding.category), `a ${e.finding.category} finding was rewritten`);
          assert.equal(fixed.slice(j, j + (e.start - i)), text.slice(i, e.start));
          j += e.start - i + e.newText.length;
          i = e.end;
        }
        assert.equal(fixed.slice(j), text.slice(i));
      }),
      { numRuns: RUNS },
    );
  });

  it('re-linting after fixes finds nothing at the fixed spans', () => {
    fc.assert(
      fc.property(document, (text) => {
        const { edits } = planFixes(text, lint(text));
        const fixed = applyEdits(text, edits);
        const spans = fixedSpans(edits);
        for (const f of lint(fixed)) {
          // the fixed issue must not come back, and no new finding may sit wholly inside a rewrite
          // (a finding anchored elsewhere whose context window now spans a rewrite is a different finding)
          const clash = spans.find(
            ([s, e, rule]) => f.start < e && s < f.end && (rule === f.ruleId || (s <= f.start && f.end <= e)),
          );
          assert.equal(
            clash,
            undefined,
            `"${f.text}" (${f.ruleId}) found again inside a rewrite of ${JSON.stringify(text)}`,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a session equals lint() after any sequence of edits', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 12 }), insert: fragment });
    fc.assert(
      fc.property(document, fc.array(edit, { maxLength: 8 }), format, (initial, edits, fmt) => {
        let text = initial;
        const session = new LintSession(text, { format: fmt });
        for (const e of edits) {
          const edited = applyEdit(text, e);
          text = edited.text;
          session.update(edited.change);
          assert.equal(session.text, text);
          assert.deepEqual(session.findings(), lint(text, { format: fmt }));
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it('a session equals lint() after a burst of edits given to one update (as an editor sends a replace-all)', () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 6 }), insert: fragment });
    fc.assert(
      fc.property(document, fc.array(edit, { maxLength: 80 }), format, (initial, edits, fmt) => {
        let text = initial;
        const changes: TextChange[] = [];
        for (const e of edits) {
          const edited = applyEdit(text, e);
          text = edited.text;
          changes.push(edited.change);
        }
        const session = new LintSession(initial, { format: fmt });
        session.update(changes);
        assert.equal(session.text, text);
        assert.deepEqual(session.findings(), lint(text, { format: fmt }));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('lints very long lines and CRLF text', () => {
    const line = 'He refused the medication and was attention seeking. '.repeat(20000);
    for (const text of [line, line.replace(/\. /g, '.\r\n')]) {
      const refused = lint(text).filter((f) => f.ruleId === 'refused');
      assert.equal(refused.length, 20000);
      assert.equal(text.slice(refused[19999].start, refused[19999].end), 'refused');
    }
  });
});
