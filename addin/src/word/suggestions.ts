// Which of a finding's suggestions Word may offer or apply without a person choosing the words. Until the engine's
// suggestion kinds reach this branch (Finding.suggestionKinds, autoRewrite), a slot rewrite ("[describe …]") counts
// as a prompt; delete this adapter's fallbacks once `autoRewrite` is exported by shared-rules/src/index.ts.
import { isSlotRewrite } from '../../../shared-rules/src/index';
import type { Finding } from '../../../shared-rules/src/index';

/** Word's critique popup shows at most three suggestions (Word.CritiquePopupOptions). */
export const POPUP_SUGGESTIONS = 3;

type WithKinds = Finding & { suggestionKinds?: Array<'rewrite' | 'prompt'> };

function isRewrite(finding: WithKinds, i: number): boolean {
  const kind = finding.suggestionKinds?.[i];
  return kind ? kind === 'rewrite' : !isSlotRewrite(finding.suggestions[i]);
}

/** Ready rewrites only (never a prompt, never guidance), at most three: what Word's popup may insert in one click. */
export function popupSuggestions(finding: Finding): string[] {
  return finding.suggestions.filter((_, i) => isRewrite(finding, i)).slice(0, POPUP_SUGGESTIONS);
}

/** The one text Replace all may insert for this finding, or undefined when it needs the writer's own words. */
export function autoRewriteOf(finding: Finding): string | undefined {
  return finding.suggestions.find((_, i) => isRewrite(finding, i));
}
