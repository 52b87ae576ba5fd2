import { isSlotRewrite } from '../../shared-rules/src/index';
import type { Finding } from '../../shared-rules/src/index';

/** The rewrite --fix and SARIF `fixes` use: the first suggestion that is not a slot rewrite
 *  (`[describe what happened]` asks the writer for facts and is never applied automatically). */
export function autoFix(finding: Finding): string | undefined {
  return finding.suggestions.find((s) => !isSlotRewrite(s));
}
