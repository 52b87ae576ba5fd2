// Where "Ignore here" goes, decided once for every editor host. Above the line, in the file's comment syntax, except
// in Markdown: a comment line there would start an HTML block that splits the paragraph (or list, or table) around
// it and change how the document renders, so Markdown gets a trailing `carelint-disable-line` comment on the line.
import { directiveComment } from './comment-syntax';

const MARKDOWN_LANGUAGES = new Set(['markdown', 'md', 'mdx', 'rmd', 'quarto', 'jinja-md']);

export interface IgnoreEdit {
  /** UTF-16 offset where `insert` goes. */
  offset: number;
  insert: string;
}

export function ignoreDirectiveEdit(
  text: string,
  findingStart: number,
  ruleId: string,
  languageId: string,
): IgnoreEdit {
  const lineStart = text.lastIndexOf('\n', findingStart - 1) + 1;
  const newline = text.indexOf('\n', findingStart);
  const lineEnd = newline < 0 ? text.length : newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
  if (MARKDOWN_LANGUAGES.has(languageId.toLowerCase())) {
    const trailingSpace = /[ \t]*$/.exec(text.slice(lineStart, lineEnd))![0].length;
    // two trailing spaces are a Markdown line break: the comment goes before them so the break stays
    return {
      offset: lineEnd - trailingSpace,
      insert: ` ${directiveComment(languageId, `carelint-disable-line ${ruleId}`)}`,
    };
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineEnd))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return {
    offset: lineStart,
    insert: directiveComment(languageId, `carelint-disable-next-line ${ruleId}`, indent) + eol,
  };
}
