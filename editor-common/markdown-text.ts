/**
 * Text for an untrusted MarkdownString that renders exactly as written: every ASCII punctuation character is
 * backslash-escaped (CommonMark allows that for all of them), so `<img src=x onerror=…>`, `[links](…)`,
 * `**emphasis**`, entities and bare URLs in document or rule text all show as text and nothing is fetched.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[!-/:-@[-`{-~]/g, '\\$&')
    .replace(/^[ \t]+/gm, '') // leading indentation would start a code block
    .replace(/\r\n?|\n/g, '  \n');
}
