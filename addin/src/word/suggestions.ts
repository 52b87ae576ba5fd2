// Which of a finding's suggestions Word may offer or apply: the engine's suggestion kinds decide. Guidance
// (Finding.guidance, for practice findings such as police in planned care) is never among them: it is shown in the
// task pane's card only.
import { autoRewrite, type Finding } from '../../../shared-rules/src/index';

/** Word's critique popup shows at most three suggestions (Word.CritiquePopupOptions). */
export const POPUP_SUGGESTIONS = 3;

/** Ready rewrites only, at most three: what Word's popup may insert in one click. A prompt needs a person's words. */
export function popupSuggestions(finding: Finding): string[] {
  return finding.suggestions.filter((_, i) => finding.suggestionKinds[i] === 'rewrite').slice(0, POPUP_SUGGESTIONS);
}

/** The one text Replace all may insert for this finding, or undefined when it needs the writer's own words. */
export function autoRewriteOf(finding: Finding): string | undefined {
  return autoRewrite(finding) ?? undefined;
}
