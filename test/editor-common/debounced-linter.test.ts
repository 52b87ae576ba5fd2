// The debounced linter both editor hosts adapt (editor-common), driven with a plain in-memory host: no VS Code, no LSP.
import assert from 'node:assert/strict';
import { lint, type Finding, type SessionOptions, type TextChange } from '../../shared-rules/src/index';
import { DebouncedLinter, type LinterTiming } from '../../editor-common/debounced-linter';

interface Doc {
  text: string;
}

function setUp(timing: LinterTiming, options: (doc: Doc) => Promise<SessionOptions | undefined> = async () => ({})) {
  const published: Array<readonly Finding[]> = [];
  let cleared = 0;
  const logs: string[] = [];
  const linter = new DebouncedLinter<Doc>(
    {
      options,
      text: (d) => d.text,
      length: (d) => d.text.length,
      publish: (_d, f) => published.push(f),
      clear: () => cleared++,
      log: (m) => logs.push(m),
    },
    timing,
  );
  const doc: Doc = { text: 'She was calm.\n\nHe is an addict.\n' };
  /** Change the document and tell the linter, as an editor does. */
  const edit = (start: number, end: number, text: string) => {
    doc.text = doc.text.slice(0, start) + text + doc.text.slice(end);
    linter.change('a', [{ start, end, text } satisfies TextChange]);
  };
  return { linter, doc, edit, published, logs, cleared: () => cleared };
}
const ids = (fs: readonly Finding[] | undefined) => fs?.map((f) => f.ruleId);
const until = (done: () => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => (done() ? resolve() : setImmediate(check));
    check();
  });

describe('editor-common: the debounced linter', () => {
  it('publishes the first lint at once, then once per pause in typing, equal to lint() of the text', async () => {
    const { linter, doc, edit, published, logs } = setUp({ debounceMs: 5 });
    await linter.open('a', doc);
    assert.deepEqual(ids(published[0]), ['addict']);
    for (const ch of ' She refused.') edit(doc.text.length, doc.text.length, ch);
    assert.equal(published.length, 1, 'nothing while typing');
    await until(() => published.length > 1);
    assert.deepEqual(published[1], lint(doc.text));
    assert.equal(published.length, 2, 'the burst published once');
    assert.deepEqual(logs, [], 'the edits themselves kept the session in step (no re-read of the whole text)');
    linter.dispose();
  });

  it('publishes after the maximum wait while typing never pauses', async () => {
    const { linter, doc, edit, published } = setUp({ debounceMs: 1e9, maxWaitMs: 20 });
    await linter.open('a', doc);
    let typing = true;
    const type = () => {
      if (!typing) return;
      edit(doc.text.length, doc.text.length, 'x');
      setImmediate(type);
    };
    type();
    await until(() => published.length > 1);
    typing = false;
    assert.equal(published.length, 2);
    linter.dispose();
  });

  it('answers current() with the pending edits applied (and publishes them), without waiting for the pause', async () => {
    const { linter, doc, edit, published } = setUp({ debounceMs: 1e9 });
    await linter.open('a', doc);
    edit(0, 0, 'She refused. ');
    assert.deepEqual(ids(linter.current('a')), ['refused', 'addict']);
    assert.deepEqual(published.at(-1), linter.current('a'));
    linter.dispose();
  });

  it('a request mid-rebuild waits for it, and edits made while a sliced first lint runs are not lost', async () => {
    const gate: Array<() => void> = [];
    const { linter, doc, edit } = setUp({
      debounceMs: 1e9,
      sliceChars: 64,
      pause: () => new Promise<void>((resolve) => gate.push(resolve)),
    });
    doc.text = 'Calm.\n\n'.repeat(40) + 'He is an addict.\n';
    const opened = linter.open('a', doc);
    await until(() => gate.length > 0);
    edit(0, 0, 'She refused. ');
    assert.equal(linter.current('a'), undefined, 'no findings yet for a text being linted');
    const settled = linter.settled('a');
    let done = false;
    void opened.then(() => (done = true));
    while (!done) {
      gate.shift()?.(); // the host's pause between slices ends
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.deepEqual(ids(await settled), ['refused', 'addict']);
    assert.deepEqual(linter.current('a'), lint(doc.text));
    linter.dispose();
  });

  it('a newer rebuild wins over an older, slower one; a document that is no longer checked is cleared', async () => {
    let release: (() => void) | undefined;
    let calls = 0;
    const { linter, doc, published, cleared } = setUp({ debounceMs: 1e9 }, async () => {
      calls++;
      if (calls === 2) await new Promise<void>((resolve) => (release = resolve)); // a slow config read
      return calls === 3 ? { categories: { 'stigmatizing-language': false } } : {};
    });
    await linter.open('a', doc);
    const slow = linter.refresh('a');
    await until(() => release !== undefined);
    await linter.refresh('a'); // the newer one, with stigmatising language off
    release!();
    await slow;
    assert.deepEqual(ids(linter.current('a')), [], 'the older rebuild gave up');
    assert.equal(published.length, 2);
    const added = 'She is manipulative.\n';
    doc.text += added;
    linter.change('a', [{ start: doc.text.length - added.length, end: doc.text.length - added.length, text: added }]);
    assert.deepEqual(ids(linter.current('a')), ['manipulative'], 'and left the newer session in place');
    linter.close('a');
    assert.equal(cleared(), 1);
    assert.equal(linter.isTracked('a'), false);
  });

  it('reads the whole text again (and says so) if the editor and the session disagree', async () => {
    const { linter, doc, published, logs } = setUp({ debounceMs: 1e9 });
    await linter.open('a', doc);
    doc.text += 'She refused.\n'; // an edit the host never reported
    linter.change('a', [{ start: 0, end: 0, text: '' }]);
    assert.deepEqual(ids(linter.current('a')), ['addict', 'refused']);
    assert.deepEqual(published.at(-1), lint(doc.text));
    assert.match(logs.join('\n'), /out of step/);
    linter.dispose();
  });

  it('publishes nothing, and answers nothing, for a document its host does not check', async () => {
    const { linter, doc, edit, published, cleared } = setUp({ debounceMs: 0 }, async () => undefined);
    await linter.open('a', doc);
    assert.equal(cleared(), 1);
    edit(0, 0, 'She refused. ');
    assert.equal(linter.current('a'), undefined);
    assert.equal(await linter.settled('a'), undefined);
    assert.equal(published.length, 0);
    linter.dispose();
  });
});
