import type { SourceRef } from '../../shared-rules/src/index';

/** A rule's suggestion template as text: `die~ by suicide` → `die by suicide`. */
export function plainTemplate(template: string): string {
  return template.replace(/~/g, '');
}

/** `Title <url>`, or just the url when it is the title (custom rules cite urls directly). */
export function sourceText(s: SourceRef): string {
  return s.url && s.url !== s.title ? `${s.title} <${s.url}>` : s.title;
}
