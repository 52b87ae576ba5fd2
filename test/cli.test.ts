/**
 * The command-line checker, run as users run it: the BUILT bin/carelint.js (npm run build first).
 * Fixtures: test/fixtures/cli (fictional notes); anything that must not live in git (.docx, binary,
 * node_modules, dot-folders, files to --fix) is made in a temp folder per test.
 */
import assert from 'node:assert/strict';
import {
  chownSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Finding } from '../shared-rules/src/types';
import {
  carelint,
  checkJson,
  FIXTURES,
  makeDocx,
  ROOT,
  tempDir,
  VERSION,
  type JsonFile,
  type JsonFinding,
} from './support/cli';

/** Independent of the CLI: 1-based line/column of a UTF-16 offset (\n, \r\n and \r end lines). */
function lineColumn(text: string, offset: number) {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The JSON contract on one file's findings against the text that was checked. */
function assertContract(text: string, findings: JsonFinding[]) {
  for (const f of findings) {
    assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end) && f.start < f.end, `offsets ${f.start}-${f.end}`);
    assert.equal(text.slice(f.start, f.end), f.text, `${f.ruleId}: text.slice(start, end) is the flagged text`);
    assert.deepEqual({ line: f.line, column: f.column }, lineColumn(text, f.start), `${f.ruleId} start position`);
    assert.deepEqual({ line: f.endLine, column: f.endColumn }, lineColumn(text, f.end), `${f.ruleId} end position`);
    for (const key of ['ruleId', 'category', 'severity', 'message', 'rationale'] as const)
      assert.equal(typeof f[key], 'string', key);
    assert.ok(Array.isArray(f.suggestions) && Array.isArray(f.sources));
  }
}

function ids(file: JsonFile): string[] {
  return file.findings.map((f) => f.ruleId);
}

describe('carelint CLI (built bin/carelint.js)', function () {
  this.timeout(30000);

  before(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
  });

  describe('help, version, usage errors', () => {
    it('--help documents the commands and the exit codes, and exits 0', () => {
      const r = carelint(['--help']);
      assert.equal(r.code, 0);
      for (const s of [
        'carelint check',
        'carelint rules',
        'carelint explain',
        '--fix',
        '--format',
        'Exit codes',
        '0  no findings',
        '1  findings',
        '2  usage',
      ]) {
        assert.ok(r.stdout.includes(s), `help mentions ${s}`);
      }
    });

    it('--version prints the package version', () => {
      const r = carelint(['--version']);
      assert.equal(r.code, 0);
      assert.equal(r.stdout.trim(), VERSION);
    });

    it('exits 2 on an unknown option, a bad --format, a bad --category and no input', () => {
      for (const args of [
        ['check', '--nope', 'clean.txt'],
        ['check', '--format', 'xml', 'clean.txt'],
        ['check'],
        ['check', '--locale', 'fr-FR', 'clean.txt'],
      ]) {
        const r = carelint(args);
        assert.equal(r.code, 2, args.join(' '));
        assert.equal(r.stdout, '', 'nothing on stdout');
        assert.match(r.stderr, /carelint: .+\nRun `carelint --help`/);
      }
      const r = carelint(['check', '--category', 'stigmatising-language', 'clean.txt']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /did you mean 'stigmatizing-language'/);
    });
  });

  describe('check --format json (the stable contract)', () => {
    it('a clean file: exit 0, one entry with findings: []', () => {
      const r = checkJson(['clean.txt']);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.files, [{ file: 'clean.txt', findings: [] }]);
      assert.equal(r.stderr, '');
    });

    it('a plain note: exit 1, offsets, positions and the first suggestion', () => {
      const r = checkJson(['plain-note.txt']);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.files.length, 1);
      const text = readFileSync(join(FIXTURES, 'plain-note.txt'), 'utf8');
      assertContract(text, r.files[0].findings);
      const refused = r.files[0].findings.find((f) => f.ruleId === 'refused');
      assert.ok(refused, `refused flagged; got ${ids(r.files[0])}`);
      assert.equal(refused.category, 'stigmatizing-language');
      assert.equal(refused.text, 'refused');
      assert.deepEqual([refused.line, refused.column, refused.endLine, refused.endColumn], [2, 12, 2, 19]);
      assert.equal(refused.suggestions[0], 'declined');
    });

    it('one entry per file, in order, with the path as given (relative, ./, absolute)', () => {
      const abs = join(FIXTURES, 'letter.html');
      const r = checkJson(['./plain-note.txt', 'clean.txt', abs, 'template.md']);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(
        r.files.map((f) => f.file),
        ['./plain-note.txt', 'clean.txt', abs, 'template.md'],
      );
      assert.deepEqual(r.files[1].findings, []);
    });

    it('markdown and HTML: offsets index the raw file text', () => {
      const r = checkJson(['template.md', 'letter.html']);
      assert.equal(r.code, 1, r.stderr);
      const [md, html] = r.files;
      assertContract(readFileSync(join(FIXTURES, 'template.md'), 'utf8'), md.findings);
      assertContract(readFileSync(join(FIXTURES, 'letter.html'), 'utf8'), html.findings);
      const refused = md.findings.find((f) => f.ruleId === 'refused');
      assert.ok(refused, `md: ${ids(md)}`);
      assert.deepEqual([refused.line, refused.column], [3, 14]);
      const suicide = md.findings.find((f) => f.ruleId === 'committed-suicide');
      assert.ok(suicide, `md: ${ids(md)}`);
      assert.equal(suicide.suggestions[0], 'died by suicide');
      assert.equal(suicide.line, 5);
      const manipulative = html.findings.find((f) => f.ruleId === 'manipulative');
      assert.ok(manipulative, `html: ${ids(html)}`);
      assert.equal(manipulative.category, 'discriminatory-attitude');
      assert.equal(manipulative.line, 4);
    });

    it('nothing but the JSON on stdout, even with problems on stderr', () => {
      const r = checkJson(['plain-note.txt', 'does-not-exist.txt']);
      assert.equal(r.code, 2);
      assert.equal(r.files.length, 1);
      assert.match(r.stderr, /^does-not-exist\.txt: no such file or folder$/m);
    });
  });

  describe('inputs', () => {
    it('folders: recursive, checked extensions only, skipping node_modules and dot-folders', () => {
      const dir = tempDir();
      cpSync(join(FIXTURES, 'folder'), join(dir, 'folder'), { recursive: true });
      for (const sub of ['node_modules/pkg', '.hidden', 'sub2/.git']) {
        mkdirSync(join(dir, 'folder', sub), { recursive: true });
        writeFileSync(join(dir, 'folder', sub, 'x.txt'), 'He refused.\n');
      }
      writeFileSync(join(dir, 'folder', 'photo.png'), 'He refused.\n');
      const r = checkJson(['folder'], { cwd: dir });
      assert.deepEqual(
        r.files.map((f) => f.file),
        ['folder/a.txt', 'folder/sub/b.md'],
      );
      assert.equal(r.code, 1, r.stderr);
      assert.ok(ids(r.files[0]).includes('refused'));
      assert.ok(ids(r.files[1]).includes('manipulative'));
      rmSync(dir, { recursive: true });
    });

    it('an explicitly named file with another extension is read as plain text', () => {
      const r = checkJson(['folder/sub/notes.rst']);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.files[0].file, 'folder/sub/notes.rst');
      assert.ok(ids(r.files[0]).includes('refused'));
    });

    it('globs', () => {
      const r = checkJson(['folder/**/*.md', '*.html']);
      assert.deepEqual(
        r.files.map((f) => f.file),
        ['folder/sub/b.md', 'letter.html'],
      );
      const none = carelint(['check', 'nothing/**/*.txt']);
      assert.equal(none.code, 2);
      assert.match(none.stderr, /nothing\/\*\*\/\*\.txt: no .* files match/);
    });

    it('standard input: `-`, shown as <stdin> or --stdin-filename (whose extension picks the format)', () => {
      const text = 'Overnight she refused fluids.\n';
      const r = checkJson(['-'], { input: text });
      assert.equal(r.code, 1, r.stderr);
      assert.equal(r.files[0].file, '<stdin>');
      assertContract(text, r.files[0].findings);
      assert.ok(ids(r.files[0]).includes('refused'));

      const clean = checkJson(['-', '--stdin-filename', 'handover.md'], { input: 'She slept well.\n' });
      assert.equal(clean.code, 0, clean.stderr);
      assert.deepEqual(clean.files, [{ file: 'handover.md', findings: [] }]);
    });

    it('UTF-8 BOM counts in the offsets; UTF-16 with BOM is decoded', () => {
      const dir = tempDir();
      const text = '\ufeffOn Friday he refused the ward round.\r\n';
      writeFileSync(join(dir, 'bom.txt'), text, 'utf8');
      writeFileSync(join(dir, 'le.txt'), Buffer.from('\ufeffShe refused supper.\n', 'utf16le'));
      writeFileSync(join(dir, 'be.txt'), Buffer.from('\ufeffShe refused supper.\n', 'utf16le').swap16());
      const r = checkJson(['bom.txt', 'le.txt', 'be.txt'], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      const refused = r.files[0].findings.find((f) => f.ruleId === 'refused')!;
      assert.equal(refused.start, text.indexOf('refused'), 'the BOM is one UTF-16 unit of the text');
      assertContract(text, r.files[0].findings);
      for (const f of r.files.slice(1)) {
        const hit = f.findings.find((x) => x.ruleId === 'refused');
        assert.ok(hit, `${f.file}: ${ids(f)}`);
        assert.equal(hit.start, 'She '.length, `${f.file}: the UTF-16 BOM is not part of the text`);
      }
      rmSync(dir, { recursive: true });
    });

    it('binary and invalid UTF-8 files: a message naming the file, the others still reported, exit 2', () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'scan.txt'), Buffer.from([0x48, 0x65, 0x00, 0x01, 0x02, 0x72, 0x65]));
      writeFileSync(
        join(dir, 'latin1.txt'),
        Buffer.concat([Buffer.from('First line.\nCaf'), Buffer.from([0xe9]), Buffer.from(' refused.\n')]),
      );
      writeFileSync(join(dir, 'ok.txt'), 'He refused a shave.\n');
      const r = checkJson(['scan.txt', 'latin1.txt', 'ok.txt'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.deepEqual(
        r.files.map((f) => f.file),
        ['ok.txt'],
      );
      assert.ok(ids(r.files[0]).includes('refused'));
      assert.match(
        r.stderr,
        /^scan\.txt: binary file, skipped\. CareLint reads text, Markdown, HTML and \.docx; export it/m,
      );
      assert.match(r.stderr, /^latin1\.txt:2:4: not valid UTF-8 \(byte 0xE9 at byte offset 15\).*save it as UTF-8/im);
      rmSync(dir, { recursive: true });
    });
  });

  describe('Word documents', () => {
    let dir: string;
    before(async () => {
      dir = tempDir();
      writeFileSync(
        join(dir, 'letter.docx'),
        await makeDocx(['Discharge summary', '', 'Mr Carter refused the ward round review.']),
      );
      writeFileSync(
        join(dir, 'broken.docx'),
        Buffer.from('PK\u0003\u0004 this is not really a zip file at all', 'latin1'),
      );
      writeFileSync(join(dir, 'ok.txt'), 'He refused a shave.\n');
    });
    after(() => rmSync(dir, { recursive: true }));

    it('paragraphs are lines; offsets index the extracted text', async () => {
      const r = checkJson(['letter.docx'], { cwd: dir });
      assert.equal(r.code, 1, r.stderr);
      const refused = r.files[0].findings.find((f) => f.ruleId === 'refused');
      assert.ok(refused, ids(r.files[0]).join());
      const extracted = (await mammoth.extractRawText({ path: join(dir, 'letter.docx') })).value;
      assert.equal(extracted.slice(refused.start, refused.end), 'refused');
      assert.deepEqual([refused.line, refused.column], [3, 11], 'paragraph 3 (the empty one counts), column 11');
      const stylish = carelint(['check', 'letter.docx'], { cwd: dir });
      assert.match(stylish.stdout, /paragraph 3:11 /);
    });

    it('a corrupt .docx: named in the message, other files still checked, exit 2', () => {
      const r = checkJson(['broken.docx', 'ok.txt'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.deepEqual(
        r.files.map((f) => f.file),
        ['ok.txt'],
      );
      assert.match(r.stderr, /^broken\.docx: could not be read as a Word document/m);
    });

    it('--fix leaves a .docx alone and says so', () => {
      const before = readFileSync(join(dir, 'letter.docx'));
      const r = carelint(['check', '--fix', 'letter.docx'], { cwd: dir });
      assert.equal(r.code, 1);
      assert.ok(readFileSync(join(dir, 'letter.docx')).equals(before));
      assert.match(r.stderr, /letter\.docx: --fix does not change \.docx files/);
    });
  });

  describe('output formats', () => {
    it('stylish: header, rows, flagged text and suggestion, summary by category; no colour when not a TTY', () => {
      const json = checkJson(['plain-note.txt', 'letter.html', 'clean.txt']).files;
      const r = carelint(['check', 'plain-note.txt', 'letter.html', 'clean.txt'], { env: { NO_COLOR: '' } });
      assert.equal(r.code, 1);
      assert.ok(!r.stdout.includes('\u001b['), 'no ANSI escapes on a pipe');
      assert.match(r.stdout, /^plain-note\.txt$/m);
      assert.match(r.stdout, /^letter\.html$/m);
      assert.doesNotMatch(r.stdout, /^clean\.txt$/m);
      const refused = json[0].findings.find((f) => f.ruleId === 'refused')!;
      const severity = refused.severity === 'information' ? 'info' : refused.severity;
      assert.match(r.stdout, new RegExp(`^  2:12 +${severity} +.+ refused$`, 'm'));
      assert.match(r.stdout, /"refused" → "declined"/);
      const total = json.reduce((n, f) => n + f.findings.length, 0);
      assert.match(r.stdout, new RegExp(`✖ ${total} findings? in 2 files .*3 files checked`));
      assert.match(r.stdout, /by category: .*stigmatizing-language \d+.*/);
      assert.match(r.stdout, /discriminatory-attitude \d+/);
    });

    it('stylish on a clean run says so', () => {
      const r = carelint(['check', 'clean.txt']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /no findings \(1 file checked\)/);
    });

    it('stylish never reports a run that failed (exit 2) as a clean one', () => {
      const missing = carelint(['check', 'no-such-note.txt']);
      assert.equal(missing.code, 2);
      assert.doesNotMatch(missing.stdout, /✔|no findings \(/);
      assert.match(missing.stdout, /^✖ 1 problem \(see the messages above\); no file was checked$/m);
      const partly = carelint(['check', 'clean.txt', 'no-such-note.txt']);
      assert.equal(partly.code, 2);
      assert.match(partly.stdout, /^✖ 1 problem \(see the messages above\); no findings in the 1 file checked$/m);
      const withFindings = carelint(['check', 'plain-note.txt', 'no-such-note.txt']);
      assert.equal(withFindings.code, 2);
      assert.match(
        withFindings.stdout,
        /^✖ \d+ findings? in 1 file .*1 file checked\); 1 problem \(see the messages above\)$/m,
      );
    });

    it('github: one Actions annotation per finding, agreeing with the JSON findings', () => {
      const args = ['plain-note.txt', 'folder/sub/b.md', 'template.md'];
      const json = checkJson(args).files;
      const r = carelint(['check', '--format', 'github', ...args]);
      assert.equal(r.code, 1);
      const lines = r.stdout.split('\n').filter(Boolean);
      const expected = json.flatMap((f) => f.findings.map((x) => ({ ...x, file: f.file })));
      assert.equal(lines.length, expected.length);
      const command = { error: 'error', warning: 'warning', information: 'notice' } as Record<string, string>;
      lines.forEach((line, i) => {
        const f = expected[i];
        const m =
          /^::(error|warning|notice) file=([^,]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),title=CareLint%3A ([^ ]+) \(([a-z-]+)\)::(.+)$/.exec(
            line,
          );
        assert.ok(m, line);
        assert.deepEqual(m.slice(1, 9), [
          command[f.severity],
          f.file,
          String(f.line),
          String(f.endLine),
          String(f.column),
          String(f.endColumn),
          f.ruleId,
          f.category,
        ]);
        assert.ok(m[9].startsWith(`"${f.text}": `), 'the message names the flagged words');
      });
    });

    it('github: paths, line breaks and percent signs are escaped, and a .docx is annotated by paragraph', async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'a, b: 100%.txt'), 'Her uncle committed\nsuicide last year.\n');
      writeFileSync(join(dir, 'letter.docx'), await makeDocx(['Calm today.', 'He refused his tablets.']));
      const r = carelint(['check', '--format', 'github', 'a, b: 100%.txt', 'letter.docx'], { cwd: dir });
      assert.equal(r.code, 1);
      const [text, docx] = r.stdout.split('\n').filter(Boolean);
      assert.match(text, /^::warning file=a%2C b%3A 100%25\.txt,line=1,endLine=2,/);
      assert.match(text, /::"committed%0Asuicide": /, 'the line break inside the finding is escaped');
      assert.match(
        docx,
        /^::warning file=letter\.docx,title=CareLint%3A refused \(stigmatizing-language\)::paragraph 2: "refused": /,
      );
    });

    it('sarif: a valid 2.1.0 log whose results agree with the JSON findings', () => {
      const args = ['plain-note.txt', 'folder/sub/b.md', 'template.md'];
      const json = checkJson(args).files;
      const r = carelint(['check', '--format', 'sarif', ...args]);
      assert.equal(r.code, 1);
      const log = JSON.parse(r.stdout);
      assert.equal(log.version, '2.1.0');
      assert.match(log.$schema, /sarif-2\.1\.0/);
      assert.equal(log.runs.length, 1);
      const run = log.runs[0];
      assert.equal(run.tool.driver.name, 'CareLint');
      assert.equal(run.tool.driver.version, VERSION);
      const rules = run.tool.driver.rules;
      for (const rule of rules) {
        assert.equal(typeof rule.id, 'string');
        for (const k of ['shortDescription', 'fullDescription', 'help'])
          assert.ok(rule[k].text.length > 0, `${rule.id}.${k}`);
        assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
        assert.ok(
          ['police-involvement', 'punitive-approach', 'discriminatory-attitude', 'stigmatizing-language'].includes(
            rule.properties.category,
          ),
        );
      }
      const expected = json.flatMap((f) => f.findings.map((x) => ({ ...x, file: f.file })));
      assert.equal(run.results.length, expected.length);
      const level = { error: 'error', warning: 'warning', information: 'note' } as Record<string, string>;
      run.results.forEach((res: any, i: number) => {
        const f = expected[i];
        assert.equal(res.ruleId, f.ruleId);
        assert.equal(rules[res.ruleIndex].id, res.ruleId, 'ruleIndex points at the rule');
        assert.equal(res.level, level[f.severity]);
        assert.equal(typeof res.message.text, 'string');
        const loc = res.locations[0].physicalLocation;
        assert.equal(loc.artifactLocation.uri, f.file, 'relative uri with forward slashes');
        assert.deepEqual(
          [
            loc.region.startLine,
            loc.region.startColumn,
            loc.region.endLine,
            loc.region.endColumn,
            loc.region.charOffset,
            loc.region.charLength,
          ],
          [f.line, f.column, f.endLine, f.endColumn, f.start, f.end - f.start],
        );
        const fixable = f.suggestions.find((s) => !/\[[^\]]*\]/.test(s));
        if (fixable === undefined) assert.equal(res.fixes, undefined);
        else assert.equal(res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, fixable);
      });
      const refused = run.results.find((x: any) => x.ruleId === 'refused');
      assert.equal(refused.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, 'declined');
    });
  });

  describe('--fix', () => {
    it('rewrites in place through a temp file and rename, keeps BOM and CRLF, and is idempotent', () => {
      const dir = tempDir();
      const file = join(dir, 'note.txt');
      const original =
        '\ufeffWard round.\r\nMr Adebayo refused his evening medication.\r\nHis cousin committed suicide in May.\r\n';
      writeFileSync(file, original, 'utf8');
      const inode = statSync(file).ino;
      const r = checkJson(['--fix', 'note.txt'], { cwd: dir });
      assert.equal(
        r.stderr,
        'carelint: note.txt:2: fixed "refused" → "declined" (refused)\n' +
          'carelint: note.txt:3: fixed "committed suicide" → "died by suicide" (committed-suicide)\n',
      );
      const fixed = readFileSync(file, 'utf8');
      assert.equal(
        fixed,
        '\ufeffWard round.\r\nMr Adebayo declined his evening medication.\r\nHis cousin died by suicide in May.\r\n',
      );
      assert.notEqual(statSync(file).ino, inode, 'replaced by rename, not written in place');
      assert.deepEqual(readdirSync(dir), ['note.txt'], 'no temp file left behind');
      assert.deepEqual(
        r.files[0].findings.filter((f) => f.ruleId === 'refused' || f.ruleId === 'committed-suicide'),
        [],
      );
      assertContract(fixed, r.files[0].findings);
      assert.equal(r.code, r.files[0].findings.length ? 1 : 0);

      const again = checkJson(['--fix', 'note.txt'], { cwd: dir });
      assert.equal(readFileSync(file, 'utf8'), fixed, 'second --fix changes nothing');
      assert.deepEqual(again.files, r.files);
      rmSync(dir, { recursive: true });
    });

    it('never applies [slot] rewrites; uses the first ready-made one', () => {
      const dir = tempDir();
      const rule = (id: string, match: string, suggestions: string[]) => ({
        id,
        category: 'discriminatory-attitude',
        severity: 'warning',
        match: [match],
        message: 'Test rule.',
        rationale: 'Test rule.',
        sources: ['test'],
        suggestions,
        examples: { match: [`He ${match}.`], noMatch: ['He slept.'] },
      });
      writeFileSync(
        join(dir, '.carelintrc.json'),
        JSON.stringify({
          customRules: [
            rule('test-slot-only', 'blorped', ['[describe what the person did]']),
            rule('test-slot-first', 'snarfled staff', ['[describe what happened]', 'became distressed']),
          ],
        }),
      );
      writeFileSync(join(dir, 'note.md'), '# Night\n\nHe blorped at midnight. Later he snarfled staff again.\n');
      const r = checkJson(['--fix', 'note.md'], { cwd: dir });
      assert.equal(
        r.stderr,
        'carelint: note.md:3: fixed "snarfled staff" → "became distressed" (test-slot-first)\n' +
          'carelint: note.md: 1 finding left for you: no rewrite: it needs the writer (a prompt or guidance)\n',
      );
      assert.equal(
        readFileSync(join(dir, 'note.md'), 'utf8'),
        '# Night\n\nHe blorped at midnight. Later he became distressed again.\n',
      );
      assert.deepEqual(ids(r.files[0]), ['test-slot-only']);
      assert.equal(r.code, 1);
      rmSync(dir, { recursive: true });
    });

    it('does not overwrite a file that changed on disk after it was read', async () => {
      const { fixFile } = await import('../cli/src/fix.js');
      const dir = tempDir();
      const file = join(dir, 'note.txt');
      const read = 'He refused lunch.\n';
      writeFileSync(file, 'He refused lunch. Edited meanwhile.\n');
      const finding: Finding = {
        ruleId: 'refused',
        category: 'stigmatizing-language',
        severity: 'warning',
        start: 3,
        end: 10,
        text: 'refused',
        message: 'm',
        rationale: 'r',
        sources: [],
        suggestions: ['declined'],
        suggestionKinds: ['rewrite'],
        guidance: [],
      };
      const outcome = await fixFile(
        file,
        { text: read, bytes: Buffer.from(read), encoding: 'utf8' },
        [finding],
        () => [],
        'plaintext',
      );
      assert.ok('conflict' in outcome && /changed on disk/.test(outcome.conflict));
      assert.equal(readFileSync(file, 'utf8'), 'He refused lunch. Edited meanwhile.\n');
      assert.deepEqual(readdirSync(dir), ['note.txt']);
      rmSync(dir, { recursive: true });
    });

    it('writes UTF-16 files back as UTF-16 with their byte-order mark', () => {
      const dir = tempDir();
      const file = join(dir, 'note.txt');
      writeFileSync(file, Buffer.from('\ufeffShe refused supper.\r\n', 'utf16le').swap16());
      const r = carelint(['check', '--fix', 'note.txt'], { cwd: dir });
      assert.equal(r.stderr, 'carelint: note.txt:1: fixed "refused" → "declined" (refused)\n');
      assert.ok(readFileSync(file).equals(Buffer.from('\ufeffShe declined supper.\r\n', 'utf16le').swap16()));
      rmSync(dir, { recursive: true });
    });

    it('changes no police or punitive-practice finding: the plan is for a person to change', () => {
      const dir = tempDir();
      const text =
        'PC Ahmed will attend her CPA review next month.\nThe police officer co-wrote her care plan.\n' +
        'She will be discharged if she self-harms again.\nHe committed suicide in 2019.\n';
      writeFileSync(join(dir, 'plan.txt'), text);
      const r = checkJson(['--fix', 'plan.txt'], { cwd: dir });
      assert.equal(readFileSync(join(dir, 'plan.txt'), 'utf8'), text.replace('committed suicide', 'died by suicide'));
      const left = r.files[0].findings.map((f) => f.category);
      assert.ok(left.includes('police-involvement') && left.includes('punitive-approach'), JSON.stringify(left));
      assert.match(r.stderr, /left for you: no rewrite/);
      rmSync(dir, { recursive: true });
    });

    it('keeps HTML tags balanced: words that cross a tag are left for the person', () => {
      const dir = tempDir();
      const html =
        '<p>He <a href="x">committed</a> suicide. She was <strong>noncompliant</strong> with the plan. He refused lunch.</p>\n';
      writeFileSync(join(dir, 'letter.html'), html);
      const r = checkJson(['--fix', 'letter.html'], { cwd: dir });
      const fixed = readFileSync(join(dir, 'letter.html'), 'utf8');
      assert.equal(fixed.match(/<\/?[a-z]+/g)!.join(' '), html.match(/<\/?[a-z]+/g)!.join(' '), 'every tag kept');
      assert.match(fixed, /He declined lunch/);
      assert.match(r.stderr, /cross markup/);
      rmSync(dir, { recursive: true });
    });

    it('writes through a symbolic link to its target, and keeps hard links, mode and owner', () => {
      const dir = tempDir();
      const target = join(dir, 'real.txt');
      writeFileSync(target, 'He refused lunch.\n', { mode: 0o640 });
      symlinkSync('real.txt', join(dir, 'link.txt'));
      linkSync(target, join(dir, 'hard.txt'));
      const before = statSync(target);
      const r = carelint(['check', '--fix', 'link.txt'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink(), 'the link is still a link');
      assert.equal(readFileSync(target, 'utf8'), 'He declined lunch.\n');
      assert.equal(readFileSync(join(dir, 'hard.txt'), 'utf8'), 'He declined lunch.\n', 'the hard link sees the fix');
      const after = statSync(target);
      assert.equal(after.ino, before.ino);
      assert.equal(after.mode & 0o777, 0o640);
      assert.equal(after.uid, before.uid);
      assert.equal(after.gid, before.gid);
      rmSync(dir, { recursive: true });
    });

    it('keeps the owner of a file it replaces (run as root)', function () {
      if (process.getuid?.() !== 0) this.skip();
      const dir = tempDir();
      const file = join(dir, 'note.txt');
      writeFileSync(file, 'He refused lunch.\n');
      chownSync(file, 1234, 2345);
      carelint(['check', '--fix', 'note.txt'], { cwd: dir });
      assert.equal(readFileSync(file, 'utf8'), 'He declined lunch.\n');
      assert.deepEqual([statSync(file).uid, statSync(file).gid], [1234, 2345]);
      rmSync(dir, { recursive: true });
    });

    it('does not apply to standard input', () => {
      const r = checkJson(['--fix', '-'], { input: 'He refused.\n' });
      assert.equal(r.code, 1);
      assert.ok(ids(r.files[0]).includes('refused'));
      assert.match(r.stderr, /--fix does not apply to standard input/);
    });
  });

  describe('configuration', () => {
    it('.carelintrc.json found upward turns a rule off; other rules still fire', () => {
      const r = checkJson(['config-off/note.txt']);
      assert.equal(r.stderr, '');
      assert.equal(r.code, 1);
      assert.ok(!ids(r.files[0]).includes('refused'), ids(r.files[0]).join());
      assert.ok(ids(r.files[0]).includes('manipulative'));
      const elsewhere = checkJson(['config-unknown-rule/note.txt', '--config', 'config-off/.carelintrc.json']);
      assert.equal(elsewhere.code, 0, `--config overrides discovery: ${elsewhere.stderr}`);
      assert.deepEqual(elsewhere.files[0].findings, []);
    });

    it('invalid JSON: file:line:column and exit 2, built-in rules still fire', () => {
      const r = checkJson(['config-invalid-json/note.txt']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^config-invalid-json\/\.carelintrc\.json:4:5: JSON syntax error: expected ','\. .+/m);
      assert.ok(ids(r.files[0]).includes('committed-suicide'));
    });

    it('an unknown rule id: located, with the nearest id, and the rest applies', () => {
      const r = checkJson(['config-unknown-rule/note.txt']);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /^config-unknown-rule\/\.carelintrc\.json:3:5: unknown rule id 'refuse'\. Did you mean 'refused'\?$/m,
      );
      assert.ok(ids(r.files[0]).includes('refused'));
    });

    it('a custom rule missing fields is dropped with a located message; built-ins keep working', () => {
      const r = checkJson(['config-bad-custom/note.txt']);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /^config-bad-custom\/\.carelintrc\.json:3:5: custom rule customRules\[0\] is missing the required fields 'message', 'rationale', 'sources', 'suggestions', 'examples'/m,
      );
      assert.deepEqual(ids(r.files[0]), ['refused']);
    });

    it('custom rules fire; one the engine cannot compile is reported at its line and dropped alone', () => {
      const r = checkJson(['config-custom/note.txt']);
      assert.equal(r.code, 2);
      assert.ok(ids(r.files[0]).includes('red-lister'), ids(r.files[0]).join());
      const text = readFileSync(join(FIXTURES, 'config-custom/.carelintrc.json'), 'utf8');
      const line = text.split('\n').findIndex((l) => l.includes('plum+ lister')) + 1;
      assert.match(
        r.stderr,
        new RegExp(
          `^config-custom/\\.carelintrc\\.json:${line}:\\d+: customRules\\[1\\]\\.match\\[0\\]: .+ignored`,
          'm',
        ),
      );
      assert.equal(r.stderr.trim().split('\n').length, 1, 'one problem, printed once');
    });

    it('config problems are printed once however many files use the config', () => {
      const r = checkJson(['config-unknown-rule/note.txt', 'config-unknown-rule']);
      assert.equal(r.stderr.match(/unknown rule id/g)?.length, 1);
    });

    it('--category keeps only the named categories', () => {
      const all = checkJson(['template.md', 'letter.html', 'folder']);
      const cats = new Set(all.files.flatMap((f) => f.findings.map((x) => x.category)));
      assert.ok(cats.has('stigmatizing-language') && cats.has('discriminatory-attitude'));
      const r = checkJson(['--category', 'discriminatory-attitude', 'template.md', 'letter.html', 'folder']);
      const kept = r.files.flatMap((f) => f.findings);
      assert.ok(kept.length > 0);
      assert.ok(kept.every((f) => f.category === 'discriminatory-attitude'));
      assert.deepEqual(
        kept,
        all.files.flatMap((f) => f.findings).filter((f) => f.category === 'discriminatory-attitude'),
      );
    });

    it('--max-warnings: exit 0 when there are no errors and few enough findings', () => {
      const json = checkJson(['plain-note.txt']).files[0].findings;
      const n = json.length;
      const hasError = json.some((f) => f.severity === 'error');
      assert.equal(carelint(['check', '--max-warnings', String(n), 'plain-note.txt']).code, hasError ? 1 : 0);
      assert.equal(carelint(['check', '--max-warnings', String(n - 1), 'plain-note.txt']).code, 1);
    });
  });

  describe('rules and explain', () => {
    it('rules --format json lists the catalogue with the config applied', () => {
      const r = carelint(['rules', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const rules = JSON.parse(r.stdout) as Array<{
        id: string;
        category: string;
        severity: string;
        enabled: boolean;
        message: string;
      }>;
      const byId = new Map(rules.map((x) => [x.id, x]));
      for (const [id, category] of [
        ['refused', 'stigmatizing-language'],
        ['manipulative', 'discriminatory-attitude'],
        ['behavioural-contract', 'punitive-approach'],
        ['committed-suicide', 'stigmatizing-language'],
      ]) {
        assert.equal(byId.get(id)?.category, category, id);
      }
      assert.equal(byId.get('refused')!.enabled, true);
      const off = JSON.parse(
        carelint(['rules', '--format', 'json'], { cwd: join(FIXTURES, 'config-off') }).stdout,
      ) as typeof rules;
      assert.equal(off.find((x) => x.id === 'refused')!.enabled, false);
      const table = carelint(['rules']);
      assert.match(table.stdout, /^refused +stigmatizing-language +\w+ +yes +.+$/m);
    });

    it('explain RULE shows rationale, suggestions, sources and examples; an unknown id exits 2', () => {
      const r = carelint(['explain', 'committed-suicide']);
      assert.equal(r.code, 0, r.stderr);
      for (const s of ['committed-suicide', 'Why:', 'Instead:', 'by suicide', 'Sources:', 'Flagged:', 'Not flagged:'])
        assert.ok(r.stdout.includes(s), s);
      const bad = carelint(['explain', 'commited-suicide']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /Did you mean 'committed-suicide'\?/);
    });
  });
});
