// The floor's terms, derived from CareLint's compiled rule set: every literal word sequence its phrase graph
// accepts (each alternative, inflection and joined spelling), one space between words, up to a gap.
// The full expansion is over half a million sequences, which V8 cannot compile into one RegExp (it runs out
// of memory), so each sequence is cut to its first MAX_WORDS words: the floor still finds every place a
// term occurs, and does less work than matching whole terms would.
export const DEFAULT_MAX_WORDS = 3;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function floorTerms(ruleSet, maxWords = DEFAULT_MAX_WORDS) {
  const terms = new Set();
  let full = 0;
  // a prebuilt graph reads its nodes on first use (PhraseTrie.deserialize): ready() reads each before it is walked
  const walk = (node, words) => {
    node.ready?.();
    const stop = node.accepts || node.gaps || words.length === maxWords;
    if (stop && words.length) terms.add(words.join(' '));
    if (words.length === maxWords || !node.next) return;
    for (const [word, edges] of node.next) for (const e of edges) walk(e.node, [...words, word]);
  };
  walk(ruleSet.trie.root, []);
  // count the untruncated sequences too, to say how much was cut
  const count = (node, depth) => {
    node.ready?.();
    let n = depth > 0 && (node.accepts || node.gaps) ? 1 : 0;
    if (node.next) for (const edges of node.next.values()) for (const e of edges) n += count(e.node, depth + 1);
    return n;
  };
  full = count(ruleSet.trie.root, 0);
  // longest first, so an alternation prefers "attention seeking" to "attention"
  const list = [...terms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { terms: list, fullSequences: full, maxWords };
}

/** One flat alternation of literals between word boundaries: V8 factors literal alternatives into a trie. */
export function floorSource(terms) {
  return `\\b(?:${terms.map(escape).join('|')})\\b`;
}
