// The local test server for the browser-extension tests and bench: patient-record-like pages, and the rich-text
// editors (Quill, ProseMirror) served from node_modules, never from a CDN. Every request is recorded so a test can
// prove nothing else was asked for.  startPageServer() → { url, requests, close() }
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};
const VENDOR = { '/vendor/quill/': join(root, 'node_modules', 'quill', 'dist') };

let prosemirror = null;
async function prosemirrorBundle() {
  prosemirror ??= build({
    entryPoints: [join(here, 'prosemirror-editor.mjs')],
    bundle: true,
    write: false,
    format: 'iife',
    logLevel: 'silent',
    absWorkingDir: root,
  }).then((r) => r.outputFiles[0].text);
  return prosemirror;
}

export async function startPageServer({ port = 0 } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    try {
      let body;
      let type;
      if (path === '/vendor/prosemirror.js') {
        body = await prosemirrorBundle();
        type = TYPES['.js'];
      } else {
        const prefix = Object.keys(VENDOR).find((p) => path.startsWith(p));
        const file = prefix
          ? join(VENDOR[prefix], normalize(path.slice(prefix.length)))
          : join(here, normalize(path === '/' ? '/note.html' : path));
        if (!file.startsWith(prefix ? VENDOR[prefix] : here)) throw new Error('outside');
        body = await readFile(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(resolve);
      }),
  };
}
