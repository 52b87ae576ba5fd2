// The VS Code extension: one source, two bundles. `main` runs in the desktop (Node) extension host, `browser` in
// the web worker extension host of VS Code for the Web; the engine has no Node APIs, so both are the same code.
// dist/extension/ is the extension folder itself (manifest, bundles, schemas, README, LICENSE): tests run it as
// the development extension and `npm run package` hands it to vsce unchanged.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const OUT = 'dist/extension';

/** Copies the manifest (with the project's version), the config schemas and the docs next to the bundles. */
const staticFiles = {
  name: 'carelint-extension-files',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      mkdirSync(`${OUT}/schemas`, { recursive: true });
      const manifest = JSON.parse(readFileSync('extension/package.json', 'utf8'));
      manifest.version = JSON.parse(readFileSync('package.json', 'utf8')).version;
      writeFileSync(`${OUT}/package.json`, JSON.stringify(manifest, null, 2) + '\n');
      for (const schema of ['config.schema.json', 'rule.schema.json'])
        cpSync(`shared-rules/${schema}`, `${OUT}/schemas/${schema}`);
      for (const doc of ['README.md', 'LICENSE']) cpSync(`extension/${doc}`, `${OUT}/${doc}`);
      writeFileSync(`${OUT}/.vscodeignore`, 'tests/**\n');
    });
  },
};

export function bundles(common) {
  const host = {
    ...common,
    entryPoints: ['extension/src/extension.ts'],
    format: 'cjs',
    external: ['vscode'],
    mainFields: ['module', 'main'],
  };
  return [
    { ...host, outfile: `${OUT}/out/node.js`, platform: 'node', plugins: [staticFiles] },
    { ...host, outfile: `${OUT}/out/web.js`, platform: 'browser', mainFields: ['browser', 'module', 'main'] },
    // The in-browser API test suite. @vscode/test-web serves only the extension's folder, so it sits inside it;
    // .vscodeignore keeps it out of the .vsix.
    {
      ...common,
      minify: false,
      entryPoints: ['test/extension/web/index.ts'],
      outfile: `${OUT}/tests/web.js`,
      platform: 'browser',
      format: 'cjs',
      external: ['vscode'],
      mainFields: ['browser', 'module', 'main'],
    },
  ];
}
