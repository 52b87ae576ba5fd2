// The local server behind `npm start` and the browser tests, and `npm start` itself.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { startServer, devCertificate, type StartedServer } from '../../addin/serve.mjs';

/** A raw GET, so paths like /../ reach the server unnormalised (fetch would clean them up). */
function get(url: string, path: string): Promise<{ status: number; type: string; body: string }> {
  const { hostname, port, protocol } = new URL(url);
  // npm start serves https where a dev certificate is installed; its CA need not be trusted by this test.
  const request = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname === 'localhost' ? '127.0.0.1' : hostname,
        servername: 'localhost',
        port,
        path,
        method: 'GET',
        rejectUnauthorized: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('addin local server', () => {
  let server: StartedServer;
  before(async () => {
    server = await startServer({ port: 0, https: false });
  });
  after(async () => {
    await server?.close();
  });

  it('serves the task pane, its bundle and the local office.js on localhost over http', async () => {
    assert.match(server.url, /^http:\/\/localhost:\d+\/$/);
    const page = await get(server.url, '/');
    assert.equal(page.status, 200);
    assert.match(page.type, /text\/html/);
    assert.match(page.body, /Content-Security-Policy/);
    assert.equal((await get(server.url, '/taskpane.js')).status, 200);
    assert.match((await get(server.url, '/taskpane.css')).type, /text\/css/);
    const office = await get(server.url, '/office-js/office.js');
    assert.equal(office.status, 200);
    assert.match(office.type, /javascript/);
  });

  it('refuses paths outside its folders', async () => {
    for (const path of [
      '/../package.json',
      '/office-js/../../../package.json',
      '/%2e%2e/package.json',
      '/office-js/%2e%2e/%2e%2e/%2e%2e/package.json',
    ]) {
      const res = await get(server.url, path);
      assert.equal(res.status, 404, path);
      assert.doesNotMatch(res.body, /"devDependencies"/, path);
    }
  });

  it('listens on the loopback interface only', async () => {
    const other = await startServer({ port: 0, https: false });
    try {
      const port = new URL(other.url).port;
      const res = await get(`http://127.0.0.1:${port}/`, '/');
      assert.equal(res.status, 200);
    } finally {
      await other.close();
    }
  });

  it('names the missing certificate when https is required, without creating one', async function () {
    if (devCertificate()) this.skip();
    await assert.rejects(startServer({ port: 0, https: true }), /office-addin-dev-certs install/);
  });

  it("serves https with a certificate pair, without touching the system's trusted CAs", async function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'carelint-certs-'));
    try {
      const ca = join(dir, 'ca.crt'),
        cert = join(dir, 'localhost.crt'),
        key = join(dir, 'localhost.key');
      // Generates files only; installing the CA is a separate command this test never runs.
      const log = console.log;
      console.log = () => {}; // the generator announces itself on stdout
      try {
        await generateCertificates(ca, cert, key, 1);
      } finally {
        console.log = log;
      }
      const secure = await startServer({
        port: 0,
        https: true,
        certificate: { cert: readFileSync(cert), key: readFileSync(key) },
      });
      try {
        assert.match(secure.url, /^https:\/\/localhost:\d+\/$/);
        assert.equal(secure.https, true);
        const { port } = new URL(secure.url);
        const status = await new Promise<number>((resolve, reject) => {
          httpsRequest({ host: '127.0.0.1', servername: 'localhost', port, path: '/', ca: readFileSync(ca) }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
            .on('error', reject)
            .end();
        });
        assert.equal(status, 200, 'the page is served over TLS that verifies against the generated CA');
      } finally {
        await secure.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says to build first when dist/addin is missing', async () => {
    await assert.rejects(startServer({ port: 0, https: false, siteDir: 'no/such/dir' }), /npm run build/);
  });
});

describe('npm start', function () {
  this.timeout(120_000);

  it('builds, prints the sample check, then serves the demo and prints its URL and sideloading steps', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /live demo:\s+(\S+)/.exec(out);
          if (m && out.includes('Ctrl+C')) resolve(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before serving:\n${out}`)));
      });
      assert.match(out, /findings in \d+ files/, 'the sample check still prints');
      assert.match(out, /Upload My Add-in/);
      assert.match(out, /Trusted Add-in Catalogs/);
      assert.match(out, /manifest\.xml/);
      const page = await get(url, '/');
      assert.equal(page.status, 200);
      assert.match(page.body, /taskpane\.js/);
    } finally {
      child.kill('SIGINT');
    }
    const code = await new Promise<number | null>((resolve) =>
      child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve),
    );
    assert.equal(code, 0, 'Ctrl+C stops it cleanly');
  });

  it('--check stops after the sample check', async () => {
    const child = spawn(process.execPath, ['scripts/start.mjs', '--check'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(code, 0, out);
    assert.match(out, /findings in \d+ files/);
    assert.doesNotMatch(out, /live demo:/);
  });
});
