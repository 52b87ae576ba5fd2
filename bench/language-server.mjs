// carelint-ls (dist/language-server.js) as an editor drives it over stdio. `node bench/language-server.mjs <1 MB
// document> <short note>` prints one JSON line: keystroke → diagnostics in the open 1 MB document (didChange, then a
// pull-diagnostics request answered with every diagnostic of the document; median and p99), the same keystroke with
// push diagnostics (the server's 50 ms typing pause included, as editors see it), and cold start (spawn → first
// diagnostics of the short note, fresh process each run: the first with an empty code cache, the median of the rest
// with the cache it wrote). Reports, never asserts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { median, percentile } from './lib/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const emit = (e) => process.stdout.write(JSON.stringify({ event: 'language-server', ...e }) + '\n');
const server = join(root, 'dist', 'language-server.js');
if (!existsSync(server)) {
  emit({ status: 'not available', reason: 'no dist/language-server.js (run `npm run build`)' });
  process.exit(0);
}
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = createRequire(import.meta.url)(
  'vscode-jsonrpc/node',
);

const [docPath, notePath] = process.argv.slice(2);
const doc = readFileSync(docPath, 'utf8');
const note = readFileSync(notePath, 'utf8');

/** CPU time (user + system, ms) the server process has used so far: a figure the machine's load changes little. Linux only. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

// The server as installed (bin/carelint-ls.js, which loads the bundle with V8's code cache), its cache in a folder of
// this run's own: the first cold start has no cache, the later ones read what it wrote.
const bin = join(root, 'bin', 'carelint-ls.js');
const cacheDir = mkdtempSync(join(tmpdir(), 'carelint-ls-bench-'));
process.on('exit', () => rmSync(cacheDir, { recursive: true, force: true }));

async function start(capabilities) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, '--stdio'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, CARELINT_CODE_CACHE_DIR: join(cacheDir, 'cache') },
  });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = [];
  let wake = () => undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.push({ at: performance.now(), n: p.diagnostics.length });
    wake();
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities });
  void conn.sendNotification('initialized', {});
  const next = (count) =>
    new Promise((resolve) => {
      wake = () => {
        if (published.length >= count) {
          wake = () => undefined;
          resolve(published[count - 1]);
        }
      };
      wake();
    });
  const stop = async () => {
    await conn.sendRequest('shutdown');
    void conn.sendNotification('exit');
    await new Promise((r) => child.on('exit', r));
    conn.dispose();
  };
  return { t0, conn, next, stop, published, cpu: () => cpuMs(child.pid) };
}

/** Keystrokes in the middle of the document's prose: type a letter, then delete it, so the text stays the same size. */
function keystrokes(text, n) {
  const lines = text.split('\n');
  const prose = lines.map((l, i) => (l.length > 20 ? i : -1)).filter((i) => i >= 0);
  const out = [];
  for (let i = 0; i < n; i++) {
    const line = prose[Math.floor(prose.length / 2) + ((i >> 1) % 50)];
    const character = 10;
    const at = { line, character };
    out.push(
      i % 2 === 0
        ? { range: { start: at, end: at }, text: 'x' }
        : { range: { start: at, end: { line, character: character + 1 } }, text: '' },
    );
  }
  return out;
}

try {
  const uri = pathToFileURL(docPath).href;
  // Pull: the client asks for the diagnostics right after the keystroke.
  const pull = await start({ textDocument: { diagnostic: {} } });
  void pull.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'plaintext', version: 1, text: doc },
  });
  const first = await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const pulled = [];
  const cpuBefore = pull.cpu();
  let version = 1;
  for (const change of keystrokes(doc, 200)) {
    const t = performance.now();
    void pull.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [change],
    });
    await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    pulled.push(performance.now() - t);
  }
  const cpuAfter = pull.cpu();
  await pull.stop();

  // Push: time from the keystroke to the diagnostics arriving, the 50 ms typing pause included.
  const push = await start({});
  void push.conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'plaintext', version: 1, text: doc },
  });
  await push.next(1);
  const pushed = [];
  version = 1;
  for (const change of keystrokes(doc, 20)) {
    const t = performance.now();
    void push.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [change],
    });
    const got = await push.next(push.published.length + 1);
    pushed.push(got.at - t);
  }
  await push.stop();

  // Cold start: a fresh server each run, spawn to the first diagnostics of the note; the first with an empty cache.
  rmSync(join(cacheDir, 'cache'), { recursive: true, force: true });
  const cold = [];
  const coldCpu = [];
  for (let i = 0; i < 7; i++) {
    const s = await start({});
    void s.conn.sendNotification('textDocument/didOpen', {
      textDocument: { uri: pathToFileURL(notePath).href, languageId: 'plaintext', version: 1, text: note },
    });
    const got = await s.next(1);
    cold.push(got.at - s.t0);
    coldCpu.push(s.cpu());
    await s.stop();
  }
  emit({
    status: 'measured',
    chars: doc.length,
    diagnostics: first.items.length,
    keystrokeMedianMs: median(pulled),
    keystrokeP99Ms: percentile(pulled, 0.99),
    keystrokes: pulled.length,
    pushMedianMs: median(pushed),
    pushP99Ms: percentile(pushed, 0.99),
    keystrokeCpuMs: cpuBefore != null && cpuAfter != null ? (cpuAfter - cpuBefore) / pulled.length : null,
    coldStartMedianMs: median(cold.slice(1)),
    coldStartNoCacheMs: cold[0],
    coldRuns: cold,
    coldStartCpuMs: coldCpu.includes(null) ? null : median(coldCpu.slice(1)),
    coldStartNoCacheCpuMs: coldCpu[0],
    noteChars: note.length,
    loadavg: (await import('node:os')).loadavg().map((x) => Math.round(x * 100) / 100),
  });
} catch (e) {
  emit({ status: 'failed', reason: String(e.message ?? e).split('\n')[0] });
}
