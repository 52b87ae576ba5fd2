import type { RuleSet } from '../matching/compile';

/**
 * Slot prompts are the "[describe …]" parts of rewrites: requests for facts only the writer has. Once a
 * rewrite is applied and before it is filled in, its prompt is not the writer's prose, so its words must
 * neither be flagged nor serve as context for a hit nearby ("police … [describe the session …]").
 */
const promptsByRuleSet = new WeakMap<RuleSet, Set<string>>();
const MAX_PROMPT = 400;

function promptsOf(rs: RuleSet): Set<string> {
  let prompts = promptsByRuleSet.get(rs);
  if (!prompts) {
    prompts = new Set();
    for (const rule of rs.rules)
      for (const s of rule.suggestions) for (const m of s.matchAll(/\[[^\]]+\]/g)) prompts.add(m[0].toLowerCase());
    promptsByRuleSet.set(rs, prompts);
  }
  return prompts;
}

/** `text` with every slot prompt of the rule set blanked out (same length, so offsets hold). */
export function maskSlotPrompts(rs: RuleSet, text: string): string {
  let open = text.indexOf('[');
  if (open < 0) return text;
  const prompts = promptsOf(rs);
  let out = text;
  for (; open >= 0; open = text.indexOf('[', open + 1)) {
    const close = text.indexOf(']', open);
    if (close < 0) break;
    if (close - open > MAX_PROMPT || !prompts.has(text.slice(open, close + 1).toLowerCase())) continue;
    out = out.slice(0, open) + ' '.repeat(close + 1 - open) + out.slice(close + 1);
    open = close;
  }
  return out;
}
