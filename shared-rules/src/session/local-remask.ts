/**
 * When a Markdown edit can be re-masked locally. Markdown masking is one forward pass over the document, and
 * chunks (paragraphs of the masked text) hold whole fences and HTML blocks, since their hidden lines are blank.
 * A region of whole chunks that starts and ends after a blank line of the raw text therefore masks the same on its
 * own as inside the document, unless something in it reaches outside: a fence or block left open that would run
 * on past the region (LintSession checks the chunk after the region still masks as before), or a construct whose
 * closer, typed here, changes an opener earlier on (template comments, front matter).
 */

/** Template comments may span paragraphs, and an unclosed opener is plain text until a closer appears anywhere. */
const REACHES_BACK = /\{\{!--|--\}\}|\{#|#\}/;
const FRONT_MATTER_OPENER = /^\uFEFF?(?:---|\+\+\+)/;
const FRONT_MATTER_CLOSER = /^(?:---|\+\+\+|\.\.\.)/m;

/**
 * Whether the region, whose raw text an edit turned from `before` into `after`, cannot be masked on its own:
 * the masking before it may change, or its own start would be read as front matter (which only the document's
 * start can have). `documentStart` is the text of the first chunk.
 */
export function reachesBack(before: string, after: string, documentStart: string): boolean {
  if (REACHES_BACK.test(before) || REACHES_BACK.test(after)) return true;
  if (FRONT_MATTER_OPENER.test(before) || FRONT_MATTER_OPENER.test(after)) return true;
  return (
    FRONT_MATTER_OPENER.test(documentStart) && (FRONT_MATTER_CLOSER.test(before) || FRONT_MATTER_CLOSER.test(after))
  );
}

/** Whether `text` ends with a blank raw line (only spaces or tabs) and its line break: a paragraph ends there. */
export function endsWithBlankLine(text: string): boolean {
  let i = text.length;
  if (text.charCodeAt(i - 1) === 10) {
    i--;
    if (text.charCodeAt(i - 1) === 13) i--;
  } else if (text.charCodeAt(i - 1) === 13) i--;
  else return false;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  return i > 0 && (text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13);
}
