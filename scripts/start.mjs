// `npm start`: build what changed since the last build, check the bundled sample notes and print the findings (as always), then serve
// the Word add-in and the live demo on this machine until Ctrl+C.
//   npm start -- --check      (or CARELINT_START_CHECK=1) stop after the sample check, for CI smoke runs
//   PORT=3001 npm start       another port (the manifest expects 3000 for Word)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const checkOnly = process.argv.includes('--check') || process.env.CARELINT_START_CHECK === '1';

// `npm install` has just built everything (prepare); build again only if a source changed since.
const build = spawnSync(process.execPath, ['esbuild.config.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 2);

console.log('\nCareLint: checking the bundled sample notes in samples/ (fictional)\n');
const r = spawnSync(process.execPath, [join(root, 'bin/carelint.js'), 'check', 'samples'], {
  cwd: root,
  stdio: 'inherit',
});
// Findings (exit 1) are the expected outcome on these samples; only a real error (2) fails the job.
const checkStatus = r.status === 1 ? 0 : (r.status ?? 2);
if (checkOnly || checkStatus !== 0) process.exit(checkStatus);

const { startServer } = await import('../addin/serve.mjs');
const wanted = Number(process.env.PORT ?? 3000);
let server;
try {
  server = await startServer({ port: wanted });
} catch (err) {
  // The demo works on any port; only Word needs the manifest's port, so say so and carry on.
  console.error(`\n${err.message}\nServing the demo on a free port instead; sideloading in Word needs port ${wanted}.`);
  server = await startServer({ port: 0 });
}

const manifest = join(root, 'addin/manifest.xml');
console.log(`
CareLint live demo:  ${server.url}
  Open it in a browser, type or paste a note, or load a sample. Everything runs in the page; nothing is sent anywhere.
${
  server.https
    ? ''
    : `
  Served over plain http: no trusted dev certificate was found. Word needs https; to enable it, run once
    npx office-addin-dev-certs install
  (it asks to trust a local development CA), then npm start again.
`
}
Word add-in (task pane from ${server.url}taskpane.html), manifest: ${manifest}
  Word on the web:  open a document, Home > Add-ins > Advanced (or More add-ins) > My Add-ins >
                    Upload My Add-in, choose addin/manifest.xml, Upload.
  Word on Windows:  share a folder, add it under File > Options > Trust Center > Trust Center Settings >
                    Trusted Add-in Catalogs (tick "Show in Menu"), copy addin/manifest.xml into it, restart Word,
                    then Home > Add-ins > Advanced > Shared Folder > CareLint.
  Word on Mac:      copy addin/manifest.xml to ~/Library/Containers/com.microsoft.Word/Data/Documents/wef/
                    (create the folder if needed), restart Word, then Home > Add-ins > CareLint.
  Then use the CareLint button on the Home tab to open the task pane.

Press Ctrl+C to stop.`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
