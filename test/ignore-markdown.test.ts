// "Ignore here" in Markdown must never change how the document renders: checked with a real Markdown renderer
// (markdown-it, HTML comments allowed as GitHub and VS Code's preview allow them) on paragraphs, lists, quotes,
// headings, hard line breaks and tables, and the ignored finding must be gone.
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { ignoreDirectiveEdit, lint } from '../shared-rules/src/index';

const md = new MarkdownIt({ html: true });
const rendered = (text: string) => md.render(text).replace(/\s*<!--.*?-->/g, '');

const DOCUMENTS = [
  '# Ward round\n\nSeen on the ward today and\nshe refused lunch again.\nThen slept well.\n',
  '- Slept well\n- He refused his tablets\n- Ate supper\n',
  '> Family report he\n> committed suicide attempts are\n> none.\n',
  '## She refused lunch\n\nText.\n',
  'First line with a break  \nHe refused lunch.  \nLast line.\n',
  '| Time | Note |\n|---|---|\n| 09:00 | refused breakfast |\n',
  'Calm.\r\n\r\nShe refused supper and\r\nwent to bed.\r\n',
];

describe('Ignore here in Markdown', () => {
  for (const doc of DOCUMENTS) {
    it(`keeps the rendering of ${JSON.stringify(doc.slice(0, 40))}`, () => {
      const findings = lint(doc, { format: 'markdown' });
      assert.ok(findings.length > 0, 'the document has a finding to ignore');
      const f = findings[0];
      const edit = ignoreDirectiveEdit(doc, f.start, f.ruleId, 'markdown');
      const ignored = doc.slice(0, edit.offset) + edit.insert + doc.slice(edit.offset);
      assert.equal(rendered(ignored), rendered(doc));
      assert.ok(
        !lint(ignored, { format: 'markdown' }).some((g) => g.ruleId === f.ruleId && g.text === f.text),
        'the finding is ignored',
      );
    });
  }

  it('a comment line above the finding would have split the paragraph (what the trailing form avoids)', () => {
    const doc = DOCUMENTS[0];
    const at = doc.indexOf('she refused');
    const above = doc.slice(0, at) + '<!-- carelint-disable-next-line refused -->\n' + doc.slice(at);
    assert.notEqual(rendered(above), rendered(doc));
  });
});
