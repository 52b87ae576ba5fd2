import { spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Run `node <script> ...args` and collect the JSON lines it prints. A watchdog restarts on every line, so
 * `stallMs` bounds each step (one lint), not the whole run; a stalled child is killed and `stalled` says at which event.
 */
export function runScript(script, args, { stallMs = 60_000, firstStallMs = stallMs, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const events = [];
    let buffer = '';
    let stderr = '';
    let stalled = null;
    let timer = setTimeout(() => stall(), firstStallMs);
    function stall() {
      stalled = events[events.length - 1] ?? { event: 'load' };
      child.kill('SIGKILL');
    }
    child.stdout.on('data', (data) => {
      buffer += data;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (!line.trim()) continue;
        try {
          events.push(JSON.parse(line));
        } catch {
          continue;
        }
        clearTimeout(timer);
        timer = setTimeout(() => stall(), stallMs);
      }
    });
    child.stderr.on('data', (data) => {
      stderr += data;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ events, code, stalled, error: code !== 0 && !stalled ? lastLine(stderr) : null });
    });
  });
}

function lastLine(text) {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return lines.find((l) => /Error|error/.test(l)) ?? lines[lines.length - 1] ?? 'exited with an error';
}

/** A tool task in its own process (bench/worker.mjs). */
export function runWorker(tool, task, args, options) {
  return runScript(join(here, '..', 'worker.mjs'), [tool, task, JSON.stringify(args)], options);
}
