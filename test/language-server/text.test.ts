// The server's document text (lines edited in place) and its positions, against vscode-languageserver-textdocument
// (UTF-16) and Node's own UTF-8 byte counts, through random edits that make and break CRLFs and split emoji.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyChanges, openDocument } from '../../language-server/src/documents';
import { Positions } from '../../language-server/src/positions';
import { LineText, splitLines } from '../../language-server/src/text';

const piece = fc.constantFrom('a', 'b ', '\n', '\r', '\r\n', '😀', 'é', '— ', '\n\n');
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const edit = fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), span: fc.nat(6), insert: text });

/** UTF-8 `character` of a UTF-16 offset in a line (at a code point boundary), as a UTF-8 client counts it. */
const bytesOf = (line: string, units: number) => Buffer.byteLength(line.slice(0, units));

describe('language server: document text and positions', () => {
  it('splits lines at \\n, \\r\\n and a lone \\r, keeping each break with its line', () => {
    assert.deepEqual(splitLines('a\r\nb\rc\n\nd'), ['a\r\n', 'b\r', 'c\n', '\n', 'd']);
    assert.deepEqual(splitLines('a\n'), ['a\n', '']);
    assert.deepEqual(splitLines(''), ['']);
  });

  it('joins a \\r and a \\n that an edit brings together into one line break, and splits them again', () => {
    const t = new LineText('one\rtwo\nthree');
    t.replace(4, 7, ''); // 'one\r\nthree'
    assert.equal(t.getText(), 'one\r\nthree');
    assert.equal(t.lineCount, 2);
    assert.equal(t.lineStart(1), 5);
    t.replace(4, 4, 'x'); // 'one\rx\nthree'
    assert.equal(t.lineCount, 3);
    assert.deepEqual([t.lineStart(1), t.lineStart(2)], [4, 6]);
  });

  it('matches vscode-languageserver-textdocument (UTF-16) through random edits: text, lines, offsets and positions', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 8 }), (initial, edits) => {
        const ours = new LineText(initial);
        const positions = new Positions(ours, 'utf-16');
        let ref = TextDocument.create('file:///x', 'plaintext', 0, initial);
        for (const e of edits) {
          const before = ref.getText();
          // No position names the point inside a CRLF: an edit there starts (or ends) before the '\r'.
          const outsideBreak = (o: number) => (before[o - 1] === '\r' && before[o] === '\n' ? o - 1 : o);
          const start = outsideBreak(Math.floor(e.from * before.length));
          const end = Math.max(start, outsideBreak(Math.min(before.length, start + e.span)));
          ref = TextDocument.update(
            ref,
            [{ range: { start: ref.positionAt(start), end: ref.positionAt(end) }, text: e.insert }],
            ref.version + 1,
          );
          ours.replace(start, end, e.insert);
          assert.equal(ours.getText(), ref.getText());
          assert.equal(ours.length, ref.getText().length);
          assert.equal(ours.lineCount, ref.lineCount);
        }
        const all = ref.getText();
        for (let o = 0; o <= all.length; o++)
          assert.deepEqual(positions.positionAt(o), ref.positionAt(o), `offset ${o}`);
        for (let line = -1; line <= ref.lineCount; line++)
          for (let character = 0; character < 8; character++)
            assert.equal(
              positions.offsetAt({ line, character }),
              ref.offsetAt({ line, character }),
              `${line}:${character}`,
            );
      }),
      { numRuns: 300 },
    );
  });

  it('counts UTF-8 bytes per line through random edits, never splitting an emoji and never passing a line break', () => {
    fc.assert(
      fc.property(text, fc.array(edit, { maxLength: 6 }), (initial, edits) => {
        const ours = new LineText(initial);
        const utf8 = new Positions(ours, 'utf-8');
        let all = initial;
        for (const e of edits) {
          const start = Math.floor(e.from * all.length);
          const end = Math.min(all.length, start + e.span);
          ours.replace(start, end, e.insert);
          all = all.slice(0, start) + e.insert + all.slice(end);
        }
        const ref = TextDocument.create('file:///x', 'plaintext', 0, all);
        for (let o = 0; o <= all.length; o++) {
          const isLow = /[\udc00-\udfff]/.test(all[o] ?? '') && /[\ud800-\udbff]/.test(all[o - 1] ?? '');
          const breakAt = all[o - 1] === '\r' && all[o] === '\n';
          if (isLow || breakAt) continue; // inside an emoji or a CRLF: no client sends such a position
          const p = ref.positionAt(o);
          const line = all.slice(ref.offsetAt({ line: p.line, character: 0 }));
          const got = utf8.positionAt(o);
          assert.deepEqual(got, { line: p.line, character: bytesOf(line, p.character) }, `offset ${o}`);
          assert.equal(utf8.offsetAt(got), o, `round trip at ${o}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('applies UTF-8 edits that land after an emoji and across a CRLF to the right UTF-16 offsets', () => {
    const open = openDocument('file:///n.txt', 'plaintext', 1, 'Jo 😀 ok\r\nnext 😀\r\nend', 'utf-8');
    // 'Jo 😀' is 7 bytes: insert after it on line 0
    const [a] = applyChanges(
      open,
      [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 7 } }, text: '!' }],
      2,
    );
    assert.deepEqual(a, { start: 5, end: 5, text: '!' });
    // join lines 0 and 1 by replacing the CRLF (end of line 0 is byte 11: 'Jo 😀! ok')
    const [b] = applyChanges(
      open,
      [{ range: { start: { line: 0, character: 11 }, end: { line: 1, character: 0 } }, text: ' ' }],
      3,
    );
    assert.deepEqual(b, { start: 9, end: 11, text: ' ' });
    assert.equal(open.text.getText(), 'Jo 😀! ok next 😀\r\nend');
    // a character past the end of a line stays before its line break
    assert.equal(open.positions.offsetAt({ line: 0, character: 99 }), 'Jo 😀! ok next 😀'.length);
    assert.deepEqual(open.positions.positionAt(open.text.length), { line: 1, character: 3 });
  });
});
