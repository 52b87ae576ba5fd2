// carelint-ls, the language server: one Node bundle with the engine and vscode-languageserver inside, so
// bin/carelint-ls.js needs nothing from node_modules at run time. It sits in dist/ beside the CLI, so the rule
// catalogue (docs/rules.md, the target of each diagnostic's codeDescription) is found at ../docs from it.
import { readFileSync } from 'node:fs';

export function bundles(common) {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  return [
    {
      ...common, entryPoints: ['language-server/src/main.ts'], outfile: 'dist/language-server.js', platform: 'node', format: 'cjs',
      minify: false, mainFields: ['module', 'main'], define: { CARELINT_VERSION: JSON.stringify(version) },
    },
  ];
}
