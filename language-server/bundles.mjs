// carelint-ls, the language server: one Node bundle with the engine and vscode-languageserver inside, so
// bin/carelint-ls.js needs nothing from node_modules at run time. It sits in dist/ beside the CLI, so the rule
// catalogue (docs/rules.md, the target of each diagnostic's codeDescription) is found at ../docs from it.
import { readFileSync } from 'node:fs';

/**
 * The server speaks LSP over stdio only. vscode-jsonrpc's Node entry also carries pipe and socket transports, which
 * require Node's `net`; they are replaced by functions that refuse, so the shipped bundle holds no network API
 * (test/hardening/bundles.test.ts). vscode-languageserver's module resolver (Files.resolve*, which forks node and runs
 * npm or yarn) is never called by the server either: `child_process` is refused too, which also spares every start
 * the loading of child_process (with the real net and dgram behind it).
 */
const REFUSED = {
  net: ['createServer', 'createConnection', 'connect'],
  child_process: ['fork', 'spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync'],
};
const stdioOnly = {
  name: 'stdio-only',
  setup(b) {
    b.onResolve({ filter: /^(node:)?(net|child_process)$/ }, (args) => ({
      path: args.path.replace(/^node:/, ''),
      namespace: 'stdio-only',
    }));
    b.onLoad({ filter: /.*/, namespace: 'stdio-only' }, (args) => ({
      loader: 'js',
      contents: `const refuse = () => { throw new Error('carelint-ls speaks LSP over stdio only'); };\nmodule.exports = { ${REFUSED[args.path].map((f) => `${f}: refuse`).join(', ')} };`,
    }));
  },
};

/**
 * vscode-jsonrpc requires `crypto` as it loads, for random ids (a UUID, the pipe names of the refused transports);
 * loading Node's crypto is some 4 ms of every start (a fifth of a cold start's module loading). It is loaded the first
 * time anything of it is used instead: the module is a proxy that forwards every access to the real one.
 */
const lazyCrypto = {
  name: 'lazy-crypto',
  setup(b) {
    b.onResolve({ filter: /^(node:)?crypto$/ }, (args) =>
      // the proxy's own require is the real module
      args.namespace === 'lazy-crypto'
        ? { path: 'node:crypto', external: true }
        : { path: 'crypto', namespace: 'lazy-crypto' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-crypto' }, () => ({
      loader: 'js',
      contents: [
        'let real;',
        "const load = () => (real ??= require('node:crypto'));",
        'module.exports = new Proxy({}, {',
        '  get: (_, key) => load()[key],',
        '  has: (_, key) => key in load(),',
        '  ownKeys: () => Reflect.ownKeys(load()),',
        '  getOwnPropertyDescriptor: (_, key) => {',
        '    const d = Reflect.getOwnPropertyDescriptor(load(), key);',
        '    return d && { ...d, configurable: true };',
        '  },',
        '});',
      ].join('\n'),
    }));
  },
};

export function bundles(common) {
  const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
  return [
    {
      ...common,
      entryPoints: ['language-server/src/main.ts'],
      outfile: 'dist/language-server.js',
      platform: 'node',
      format: 'cjs',
      minify: false,
      mainFields: ['module', 'main'],
      define: { CARELINT_VERSION: JSON.stringify(version) },
      plugins: [stdioOnly, lazyCrypto],
    },
  ];
}
