// The server's linter in-process: push diagnostics wait for a pause in typing, but never longer than the maximum wait.
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver';
import { openDocument, applyChanges } from '../../language-server/src/documents';
import { Linter } from '../../language-server/src/linter';

function setUp(debounceMs: number, maxWaitMs: number) {
  const published: Diagnostic[][] = [];
  const linter = new Linter(
    {
      optionsFor: async () => ({ format: 'plaintext' }),
      publish: (_o, d) => published.push(d),
      log: (m) => assert.fail(m),
    },
    debounceMs,
    maxWaitMs,
  );
  const open = openDocument('file:///note.txt', 'plaintext', 1, 'She is an addict.\n', 'utf-16');
  return { linter, open, published };
}

describe('language server: debounced push with a maximum wait', () => {
  it('publishes while typing goes on without a pause, once the maximum wait is reached', async () => {
    const { linter, open, published } = setUp(1e9, 30); // a pause that never comes
    await linter.open(open);
    assert.equal(published.length, 1, 'the first lint is published at once');
    let version = 1;
    let typing = true;
    const type = () => {
      if (!typing) return;
      const end = open.positions.positionAt(open.text.length);
      linter.change(
        open.uri,
        applyChanges(open, [{ range: { start: end, end }, text: version % 2 ? 'x' : '\n' }], ++version),
      );
      setImmediate(type);
    };
    type();
    await new Promise<void>((resolve) => {
      const check = () => (published.length > 1 ? resolve() : setImmediate(check));
      check();
    });
    typing = false;
    assert.equal(published[1].length, 1);
    linter.dispose();
  });

  it('answers a pull with the edits so far, without waiting for the pause', async () => {
    const { linter, open, published } = setUp(1e9, 1e9);
    await linter.open(open);
    const end = open.positions.positionAt(open.text.length);
    linter.change(open.uri, applyChanges(open, [{ range: { start: end, end }, text: 'He was non-compliant.\n' }], 2));
    const diagnostics = await linter.diagnostics(open);
    assert.deepEqual(diagnostics!.map((d) => d.code).sort(), ['addict', 'noncompliance']);
    // The request took the pending edits: what was pushed must follow them, or the editor keeps stale diagnostics
    // until the next keystroke.
    assert.deepEqual(published.at(-1), diagnostics);
    linter.dispose();
  });
});
