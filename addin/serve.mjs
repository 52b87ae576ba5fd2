// Local server for the add-in page and the demo: dist/addin at /, Microsoft's office.js (from the
// @microsoft/office-js package) at /office-js/. node:http only; binds 127.0.0.1 so nothing on the network can
// reach it. HTTPS uses the office-addin-dev-certs certificate when one is already installed; this never creates
// or installs one (that would prompt for a system CA), it falls back to plain http instead.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function officeJsDir() {
  try {
    return join(dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  } catch {
    return null;
  }
}

/** The dev certificate and key, if office-addin-dev-certs has installed a valid pair; otherwise null. */
export function devCertificate() {
  try {
    const certs = require('office-addin-dev-certs');
    const defaults = require('office-addin-dev-certs/lib/defaults');
    if (!certs.verifyCertificates()) return null;
    return { cert: readFileSync(defaults.localhostCertificatePath), key: readFileSync(defaults.localhostKeyPath) };
  } catch {
    return null;
  }
}

/** Map a URL path onto a file under `base`, refusing anything that climbs out of it. */
function resolveUnder(base, urlPath) {
  const file = normalize(join(base, urlPath));
  return file === base || file.startsWith(base + sep) ? file : null;
}

function handler(siteDir, officeDir) {
  return (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/') path = '/taskpane.html';
    const file = path.startsWith('/office-js/')
      ? officeDir && resolveUnder(officeDir, path.slice('/office-js/'.length))
      : resolveUnder(siteDir, path);
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}

/**
 * Serve the built add-in. `https`: true requires the dev certificate, false is plain http, 'auto' (default) uses
 * https when the certificate is there. `certificate` supplies a pair instead of the dev one. Port 0 picks a free port.
 * @param {{port?: number, https?: boolean | 'auto', siteDir?: string, certificate?: {cert: Buffer | string, key: Buffer | string}}} [options]
 * @returns {Promise<{url: string, https: boolean, close(): Promise<void>}>}
 */
export async function startServer({
  port = 3000,
  https = 'auto',
  siteDir = join(ROOT, 'dist/addin'),
  certificate: given,
} = {}) {
  if (!existsSync(join(siteDir, 'taskpane.html'))) {
    throw new Error(`${join(siteDir, 'taskpane.html')} is missing. Run \`npm run build\` first.`);
  }
  const certificate = https === false ? null : (given ?? devCertificate());
  if (https === true && !certificate) {
    throw new Error(
      'No valid dev certificate. Run `npx office-addin-dev-certs install` once (it asks to trust a local CA), or start without https.',
    );
  }
  const listener = handler(siteDir, officeJsDir());
  const server = certificate ? createHttpsServer(certificate, listener) : createHttpServer(listener);
  await new Promise((resolve, reject) => {
    server.once('error', (err) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on 127.0.0.1 is in use. Stop the other server or set PORT=<another port>.`)
          : err,
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const url = `${certificate ? 'https' : 'http'}://localhost:${address.port}/`;
  return {
    url,
    https: Boolean(certificate),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
