import type { TextFormat } from '../shared-rules/src/index';

const MARKDOWN = new Set(['markdown', 'mdx', 'quarto', 'rmd', 'jinja-md']);
const HTML = new Set([
  'html',
  'xhtml',
  'handlebars',
  'jinja-html',
  'django-html',
  'nunjucks',
  'twig',
  'liquid',
  'vue-html',
  'razor',
]);

/**
 * How the engine should read a document of this language. Template languages are HTML unless the file name says
 * otherwise (a `letter.txt.j2` is plain text); their placeholders are masked in every format by the engine.
 */
export function formatFor(languageId: string, fileName = ''): TextFormat {
  const id = languageId.toLowerCase();
  if (MARKDOWN.has(id)) return 'markdown';
  if (HTML.has(id)) return 'html';
  if (id === 'jinja' || id === 'jinja2' || id === 'django-txt') {
    // Jinja templates are mostly HTML; the inner extension (`letter.md.j2`, `note.txt.jinja`) says otherwise.
    if (/\.(md|markdown)(\.\w+)?$/i.test(fileName)) return 'markdown';
    if (/\.te?xt(\.\w+)?$/i.test(fileName) || id === 'django-txt') return 'plaintext';
    return 'html';
  }
  // Editors other than VS Code name languages their own way ("text", "fundamental", "markdown-mode"): for an id
  // that is not a known one, the file's extension decides.
  if (id !== 'plaintext' && /\.(md|markdown|mdx)$/i.test(fileName)) return 'markdown';
  if (id !== 'plaintext' && /\.x?html?$/i.test(fileName)) return 'html';
  return 'plaintext';
}

/** URI schemes whose documents are never the user's writing (our own rule explanations, output panes, diffs). */
const SKIPPED_SCHEMES = new Set([
  'carelint-rule',
  'output',
  'debug',
  'git',
  'gitfs',
  'vscode-scm',
  'vscode-settings',
  'vscode-userdata',
  'private',
  'comment',
  'walkThroughSnippet',
]);

export function isCheckedScheme(scheme: string): boolean {
  return !SKIPPED_SCHEMES.has(scheme);
}
