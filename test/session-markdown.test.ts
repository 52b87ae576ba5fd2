// A Markdown session re-masks only the paragraphs an edit touches when they can be masked on their own, and the
// whole document otherwise; either way it must equal lint() and the whole-document masking.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, LintSession, resetWork, work } from '../shared-rules/src/index';
import { maskNonProse } from '../shared-rules/src/formats';
import { applyEdit } from './support/edits';

const RUNS = Number(process.env.CARELINT_FUZZ_RUNS ?? 300);

/** The masked text the session holds, chunk by chunk (what its findings were computed from). */
function sessionMasked(session: LintSession): string {
  return (session as unknown as { chunks: Array<{ masked: string }> }).chunks.map((c) => c.masked).join('');
}

function paragraph(i: number): string {
  const prose = [
    `Review ${i}: she said she felt low and \`code ${i}\` was run, see [the plan](http://x.test/${i}).`,
    `He is *settled* on the ward &amp; engaging with staff; <b>no</b> concerns about risk today (${i}).`,
    `History: ${i} admissions. The family are visiting at weekends and he enjoys the garden.`,
  ];
  return prose[i % prose.length];
}

describe('Markdown sessions', () => {
  const paragraphs = Array.from({ length: 300 }, (_, i) => paragraph(i));
  paragraphs[3] = '```\nrefused in a fence\n```';
  paragraphs[5] = '<!-- a comment\n\nover two paragraphs -->';
  const doc = `---\ntitle: Ward notes\n---\n\n${paragraphs.join('\n\n')}\n`;

  it('typing in a long document re-masks only the paragraphs around the edit', () => {
    const session = new LintSession(doc, { format: 'markdown' });
    let text = doc;
    let at = text.indexOf('engaging with staff', text.length / 2);
    for (const ch of ' He refused his tablets.') {
      resetWork();
      session.update({ start: at, end: at, text: ch });
      text = text.slice(0, at) + ch + text.slice(at);
      at++;
      assert.ok(work.maskedChars < 1000, `one keystroke re-masked ${work.maskedChars} of ${text.length} characters`);
    }
    assert.ok(session.findings().some((f) => f.ruleId === 'refused' && text.slice(f.start, f.end) === 'refused'));
    assert.deepEqual(session.findings(), lint(text, { format: 'markdown' }));
    assert.equal(sessionMasked(session), maskNonProse(text, 'markdown'));
  });

  it('opening a code fence re-masks the whole document: the prose after it goes quiet', () => {
    const calm = Array.from({ length: 6 }, (_, i) => paragraph(i)).join('\n\n');
    const text0 = `${calm}\n\nPlan:\n\nHe refused his tablets.\n\n${calm}\n\nShe is an addict.\n`;
    const session = new LintSession(text0, { format: 'markdown' });
    assert.deepEqual(
      session.findings().map((f) => f.ruleId),
      ['refused', 'addict'],
    );
    resetWork();
    const at = text0.indexOf('He refused');
    session.update({ start: at, end: at, text: '```\n' });
    const text = text0.slice(0, at) + '```\n' + text0.slice(at);
    assert.ok(work.maskedChars >= text.length, 'the whole document was re-masked');
    assert.deepEqual(session.findings(), []);
    assert.deepEqual(session.findings(), lint(text, { format: 'markdown' }));
  });

  it('a closer typed far below its opener reaches back (front matter, template comments): the whole document is re-masked', () => {
    const calm = '\n\nCalm today.\n\nCalm today.\n\nCalm today.\n\nShe is calm.\n';
    for (const [opener, closer] of [
      ['---\ntitle: x', '---\n'],
      ['{{!-- note', ' --}}\n'],
    ]) {
      const text0 = `${opener}\n\nHe refused.${calm}`;
      const at = text0.indexOf('She is calm.');
      const session = new LintSession(text0, { format: 'markdown' });
      assert.deepEqual(
        session.findings().map((f) => f.ruleId),
        ['refused'],
        'an unclosed opener is plain text',
      );
      const text = text0.slice(0, at) + closer + text0.slice(at);
      session.update({ start: at, end: at, text: closer });
      assert.deepEqual(session.findings(), [], `${opener}: now hidden up to the closer`);
      assert.deepEqual(session.findings(), lint(text, { format: 'markdown' }));
      assert.equal(sessionMasked(session), maskNonProse(text, 'markdown'));
    }
  });

  it('a fence or HTML comment left open runs on past the edited paragraphs', () => {
    for (const opener of ['```', '<!-- note']) {
      const text0 = 'Calm today.\n\nCalm today.\n\nCalm today.\n\nHe refused.\n\nShe is an addict.\n';
      const at = text0.indexOf('Calm today.', 20);
      const session = new LintSession(text0, { format: 'markdown' });
      const text = text0.slice(0, at) + `${opener}\n` + text0.slice(at);
      session.update({ start: at, end: at, text: `${opener}\n` });
      assert.deepEqual(session.findings(), [], `${opener}: everything after it is hidden`);
      assert.equal(sessionMasked(session), maskNonProse(text, 'markdown'));
    }
  });

  it('equals lint() and the whole-document masking after any sequence of small edits', function () {
    this.timeout(Math.max(120_000, RUNS * 400));
    const piece = fc.constantFrom(
      'He refused.',
      'She is an addict',
      'police attended',
      'noncompliant',
      'manipulative',
      ' ',
      '\n',
      '\n\n',
      '\r\n',
      '\r\n\r\n',
      '  \n',
      '# Care plan\n',
      'History:',
      'Plan:\n',
      '- ',
      '1. ',
      '> ',
      '*',
      '_',
      '`',
      '`code`',
      '``',
      '[',
      ']',
      '(',
      ')',
      '[a](http://x.test/a "t")',
      '[a][r]',
      '[r]: http://x.test',
      '<',
      '>',
      '<b>',
      '</b>',
      '<div>',
      '<http://x.test>',
      '&amp;',
      '&',
      'http://x.test/refused',
      '\\',
      '```',
      '```\n',
      '~~~\n',
      '<!--',
      '-->',
      '<script>',
      '</script>',
      '{{',
      '}}',
      '{% x %}',
      '---\n',
      '...',
      '\ufeff',
      'é',
      '\u2019',
    );
    const edit = fc.record({
      at: fc.nat(),
      del: fc.nat({ max: 6 }),
      insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
    });
    const docArb = fc
      .array(
        fc.array(piece, { minLength: 1, maxLength: 8 }).map((p) => p.join('')),
        { maxLength: 8 },
      )
      .map((ps) => ps.join('\n\n'));
    fc.assert(
      fc.property(docArb, fc.array(edit, { maxLength: 10 }), (initial, edits) => {
        let text = initial;
        const session = new LintSession(text, { format: 'markdown' });
        for (const e of edits) {
          const edited = applyEdit(text, e);
          text = edited.text;
          session.update(edited.change);
          assert.equal(session.text, text);
          assert.equal(sessionMasked(session), maskNonProse(text, 'markdown'));
          assert.deepEqual(session.findings(), lint(text, { format: 'markdown' }));
        }
      }),
      // found by this property: a heading below a label ("Plan:") once read as the noun the label modified
      { numRuns: RUNS, examples: [['manipulative\n\nPlan:\nHe refused.', [{ at: 0, del: 0, insert: '' }]]] },
    );
  });
});
