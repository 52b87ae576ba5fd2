/**
 * Bad input the CLI must survive with a message naming the file and what to do, while every other file is
 * still checked and the run ends with exit code 2. (Invalid JSON config, unknown ids and categories, custom
 * rules missing fields, binary, invalid UTF-8, UTF-16 with a BOM and corrupt .docx live in cli.test.ts and
 * config.test.ts.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, checkJson, tempDir } from '../support/cli';

const NOTE = 'She refused the depot today.\n';

describe('bad input: each case named, the rest still checked, exit 2', function () {
  this.timeout(30000);
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeFileSync(join(dir, 'good.txt'), NOTE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function assertGoodStillChecked(files: Array<{ file: string; findings: Array<{ ruleId: string }> }>) {
    const good = files.find((f) => f.file.endsWith('good.txt'));
    assert.ok(good, 'good.txt is still reported');
    assert.deepEqual(
      good.findings.map((f) => f.ruleId),
      ['refused'],
    );
  }

  it('a 200 MB file: skipped with the size limit and what to do, never read into memory', () => {
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), 200 * 1024 * 1024); // sparse: costs no disk
    const r = checkJson(['good.txt', 'huge.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^huge\.txt: file is 200\.0 MB, over the 50 MB limit; skipped\. Split it/m);
    assertGoodStillChecked(r.files);
  });

  it('a file just over the limit says by how much, never "50.0 MB, over the 50 MB limit"', () => {
    writeFileSync(join(dir, 'edge.txt'), '');
    truncateSync(join(dir, 'edge.txt'), 50 * 1024 * 1024 + 160);
    const r = checkJson(['good.txt', 'edge.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^edge\.txt: file is 52,428,960 bytes, 160 bytes over the 50 MB limit \(52,428,800 bytes\); skipped\. Split it/m,
    );
    assertGoodStillChecked(r.files);
  });

  it('an unreadable file: permission denied, with what to do', function () {
    writeFileSync(join(dir, 'locked.txt'), NOTE);
    chmodSync(join(dir, 'locked.txt'), 0o000);
    // root reads anything, so as root the CLI runs as "nobody", from a copy in the temp folder (the checkout
    // itself may sit in a folder nobody cannot enter): nobody can read the folder and good.txt, not locked.txt
    const asRoot = process.getuid?.() === 0;
    let bin = BIN;
    if (asRoot) {
      chmodSync(dir, 0o755);
      bin = join(dir, 'app', 'bin', 'carelint.js');
      mkdirSync(join(dir, 'app', 'dist'), { recursive: true });
      cpSync(BIN, bin);
      cpSync(join(BIN, '..', '..', 'dist', 'cli.js'), join(dir, 'app', 'dist', 'cli.js'));
      chmodSync(join(dir, 'app'), 0o755);
    }
    const cmd = asRoot
      ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]
      : [process.execPath];
    const r = spawnSync(cmd[0], [...cmd.slice(1), bin, 'check', '--format', 'json', 'good.txt', 'locked.txt'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (r.error) throw r.error;
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^locked\.txt: permission denied; cannot read it\. Check its permissions/m);
    assertGoodStillChecked(JSON.parse(r.stdout));
  });

  it('a folder with a symbolic link loop: the loop is named and skipped, every real file checked once', () => {
    mkdirSync(join(dir, 'notes', 'ward'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'notes', 'ward', 'a.txt'), NOTE);
    writeFileSync(join(dir, 'elsewhere', 'b.txt'), 'He is an addict.\n');
    symlinkSync('..', join(dir, 'notes', 'ward', 'up')); // loop back to notes/
    symlinkSync('../elsewhere', join(dir, 'notes', 'linked')); // a real folder behind a link
    symlinkSync('self.txt', join(dir, 'notes', 'self.txt')); // a link to itself
    const r = checkJson(['good.txt', 'notes'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^notes\/ward\/up: symbolic link loop \(it leads back to a folder being checked\); skipped/m,
    );
    assert.match(r.stderr, /^notes\/self\.txt: symbolic link loop; skipped/m);
    assert.deepEqual(
      r.files.map((f) => f.file),
      ['good.txt', 'notes/linked/b.txt', 'notes/ward/a.txt'],
    );
    assertGoodStillChecked(r.files);
  });

  it('a named file that does not exist, and a self-referencing link named directly', () => {
    symlinkSync('loop.txt', join(dir, 'loop.txt'));
    const r = checkJson(['good.txt', 'missing.txt', 'loop.txt'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^missing\.txt: no such file or folder/m);
    assert.match(r.stderr, /^loop\.txt: symbolic link loop; fix or remove the link/m);
    assertGoodStillChecked(r.files);
  });
});
