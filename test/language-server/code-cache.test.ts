// carelint-ls loads its bundle with V8's code cache (bin/code-cache.js): a start writes the cache, a later start
// reads it, a damaged cache is replaced, and a folder others could write into is never used. Speed is for the bench.
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startClient } from './support/client';

const { sourceKey } = require('../../bin/code-cache.js') as { sourceKey: (bytes: Buffer) => string };

const NOTE = 'Seen today. She is an addict.\n';

/** One start of the server with this cache folder: open a note, get its diagnostics, shut down and exit. */
async function run(folder: string): Promise<string[]> {
  const { client } = await startClient({ env: { CARELINT_CODE_CACHE_DIR: folder } });
  try {
    const uri = pathToFileURL(join(folder, '..', 'note.txt')).href;
    client.open(uri, 'plaintext', NOTE);
    const ds = await client.nextDiagnostics(uri, 0);
    assert.equal(await client.stop(), 0);
    return ds.map((d) => String(d.code));
  } finally {
    client.kill();
  }
}
const entries = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.bin'));

describe('language server: V8 code cache of the bundle', function () {
  this.timeout(30000);
  const made: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'carelint-cc-'));
    made.push(dir);
    return dir;
  };
  after(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  it('writes the cache at the first start, and reads it (without rewriting) at the next', async () => {
    const folder = join(scratch(), 'cache');
    assert.deepEqual(await run(folder), ['addict']);
    const [file] = entries(folder);
    assert.ok(file, 'a cache file was written');
    const first = readFileSync(join(folder, file));
    assert.ok(first.length > 100_000);
    assert.deepEqual(await run(folder), ['addict']);
    assert.deepEqual(entries(folder), [file]);
    assert.ok(readFileSync(join(folder, file)).equals(first), 'an accepted cache is left as it is');
  });

  it("removes an earlier build's cache of the bundle when it writes one, and leaves other files alone", async () => {
    const folder = join(scratch(), 'cache');
    mkdirSync(folder, { mode: 0o700 });
    writeFileSync(join(folder, `language-server.js-${'0'.repeat(32)}.bin`), 'stale');
    writeFileSync(join(folder, 'cli.js-0.bin'), 'another bundle');
    await run(folder);
    assert.equal(entries(folder).length, 2);
    assert.ok(entries(folder).includes('cli.js-0.bin'));
    assert.ok(!entries(folder).includes(`language-server.js-${'0'.repeat(32)}.bin`));
  });

  it('replaces a damaged cache and still checks the text', async () => {
    const folder = join(scratch(), 'cache');
    await run(folder);
    const [file] = entries(folder);
    const size = readFileSync(join(folder, file)).length;
    writeFileSync(join(folder, file), Buffer.alloc(size, 0x5a));
    assert.deepEqual(await run(folder), ['addict']);
    assert.notEqual(readFileSync(join(folder, file))[0], 0x5a, 'rewritten from the running code');
  });

  it('neither reads nor writes a cache folder that others can write into', async function () {
    if (process.platform === 'win32') this.skip();
    const folder = join(scratch(), 'shared');
    await run(folder); // creates the folder (private) and a cache
    for (const f of entries(folder)) rmSync(join(folder, f));
    chmodSync(folder, 0o777);
    assert.deepEqual(await run(folder), ['addict']);
    assert.deepEqual(entries(folder), [], 'nothing written where anyone could swap it');
  });

  it("names a cache by the bundle's content: one changed byte of the same length is another cache", () => {
    const build = readFileSync(join(__dirname, '..', '..', 'dist', 'language-server.js'));
    const rebuilt = Buffer.from(build);
    rebuilt[1000] = build[1000] === 0x61 ? 0x62 : 0x61;
    assert.match(sourceKey(build), /^[0-9a-f]+$/, 'no hyphen: the name before the last one is the bundle');
    assert.equal(sourceKey(build), sourceKey(Buffer.from(build)));
    assert.notEqual(sourceKey(rebuilt), sourceKey(build));
    assert.notEqual(sourceKey(Buffer.concat([build, Buffer.from(' ')])), sourceKey(build));
  });
});
