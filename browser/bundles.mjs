// The browser extension (Manifest V3, Edge and Chrome): four bundles plus the static files, written twice:
//   dist/browser       what ships (and what scripts/package.mjs zips)
//   dist/browser-test  the same code for the Chromium tests, with two differences only: host permission for the local
//                      test server (as a trust's own build with --host would have), and the managed policy read from
//                      storage.local (a test cannot write real managed storage). See browser/README.md.
// Imported by esbuild.config.mjs, which builds every host's bundles.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

/** manifest.json with the package version, and (for a trust's or the test build) host permissions granted at install. */
export function manifestFor({ hosts = [] } = {}) {
  const manifest = JSON.parse(readFileSync('browser/manifest.json', 'utf8'));
  manifest.version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  if (hosts.length > 0) manifest.host_permissions = hosts;
  return manifest;
}

function copyStatic(out, hosts) {
  return {
    name: `carelint-browser-static-${out}`,
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return;
        mkdirSync(`${out}/icons`, { recursive: true });
        for (const file of ['managed_schema.json', 'popup.html', 'options.html', 'pages.css'])
          copyFileSync(`browser/${file}`, `${out}/${file}`);
        copyFileSync('web-ui/base.css', `${out}/base.css`);
        for (const size of [16, 32, 128])
          copyFileSync(`addin/assets/icon-${size}.png`, `${out}/icons/icon-${size}.png`);
        writeFileSync(`${out}/manifest.json`, JSON.stringify(manifestFor({ hosts }), null, 2) + '\n');
      });
    },
  };
}

export function bundles(common) {
  const variants = [
    { out: 'dist/browser', test: false, hosts: [] },
    { out: 'dist/browser-test', test: true, hosts: TEST_HOSTS },
  ];
  const entries = [
    ['content/main', 'content'],
    ['background', 'background'],
    ['pages/popup', 'popup'],
    ['pages/options', 'options'],
  ];
  return variants.flatMap(({ out, test, hosts }) =>
    entries.map(([src, name], i) => ({
      ...common,
      entryPoints: [`browser/src/${src}.ts`],
      outfile: `${out}/${name}.js`,
      platform: 'browser',
      format: 'iife',
      mainFields: ['browser', 'module', 'main'],
      loader: { '.css': 'text' },
      define: { CARELINT_TEST_BUILD: String(test) },
      // static files once per variant, after its last bundle
      plugins: i === entries.length - 1 ? [copyStatic(out, hosts)] : [],
    })),
  );
}
