/** How a host writes a directive ("Ignore here") in a file's own comment syntax. */

type Wrap = readonly [open: string, close: string];

const HTML: Wrap = ['<!-- ', ' -->'];
const HANDLEBARS: Wrap = ['{{!-- ', ' --}}'];
const JINJA: Wrap = ['{# ', ' #}'];
const HASH: Wrap = ['# ', ''];
const SLASHES: Wrap = ['// ', ''];
const BLOCK: Wrap = ['/* ', ' */'];
const PERCENT: Wrap = ['% ', ''];
const DASHES: Wrap = ['-- ', ''];
const SEMICOLON: Wrap = ['; ', ''];
const BARE: Wrap = ['', ''];

const BY_LANGUAGE: Record<string, Wrap> = {};
const families: Array<[Wrap, string[]]> = [
  [
    HTML,
    [
      'markdown',
      'md',
      'mdx',
      'html',
      'htm',
      'xhtml',
      'xml',
      'xsl',
      'svg',
      'vue',
      'svelte',
      'astro',
      'razor',
      'aspnetcorerazor',
      'php-html',
      'rmd',
      'quarto',
    ],
  ],
  [HANDLEBARS, ['handlebars', 'hbs', 'mustache', 'html.handlebars']],
  [
    JINJA,
    [
      'jinja',
      'jinja2',
      'jinja-html',
      'jinja-md',
      'jinja-xml',
      'django-html',
      'django-txt',
      'nunjucks',
      'njk',
      'twig',
      'liquid',
    ],
  ],
  [BARE, ['plaintext', 'text', 'txt', 'log']],
  [PERCENT, ['latex', 'tex', 'bibtex', 'context', 'matlab', 'erlang', 'postscript']],
  [
    HASH,
    [
      'yaml',
      'yml',
      'python',
      'shellscript',
      'shell',
      'sh',
      'bash',
      'zsh',
      'fish',
      'powershell',
      'ruby',
      'perl',
      'r',
      'toml',
      'dockerfile',
      'makefile',
      'cmake',
      'coffeescript',
      'julia',
      'elixir',
      'nim',
      'properties',
      'gitignore',
      'ignore',
      'dotenv',
      'restructuredtext',
      'graphql',
      'tcl',
      'nix',
      'crystal',
    ],
  ],
  [
    SLASHES,
    [
      'javascript',
      'typescript',
      'javascriptreact',
      'typescriptreact',
      'js',
      'ts',
      'jsx',
      'tsx',
      'c',
      'cpp',
      'csharp',
      'java',
      'go',
      'rust',
      'swift',
      'kotlin',
      'scala',
      'php',
      'dart',
      'jsonc',
      'json5',
      'objective-c',
      'objective-cpp',
      'groovy',
      'fsharp',
      'scss',
      'less',
      'sass',
      'proto',
      'zig',
      'solidity',
      'd',
      'hlsl',
      'glsl',
      'cuda-cpp',
    ],
  ],
  [BLOCK, ['css']],
  [DASHES, ['sql', 'lua', 'haskell', 'ada', 'elm', 'purescript', 'vhdl', 'plsql']],
  [SEMICOLON, ['ini', 'clojure', 'lisp', 'scheme', 'racket', 'asm', 'assembly', 'autohotkey']],
];
for (const [wrap, ids] of families) for (const id of ids) BY_LANGUAGE[id] = wrap;

/**
 * The line a host inserts for "Ignore here", without a line break: `<!-- carelint-disable-next-line refused -->`
 * in markdown, `# ...` in YAML, `// ...` in TypeScript, the bare directive in plain text and unknown languages.
 */
export function directiveComment(languageId: string, directive: string, indent = ''): string {
  const key = languageId.toLowerCase();
  const [open, close] = Object.prototype.hasOwnProperty.call(BY_LANGUAGE, key) ? BY_LANGUAGE[key] : BARE;
  return `${indent}${open}${directive.trim()}${close}`;
}
