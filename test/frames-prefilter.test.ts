// The frame pre-filter (a frame is matched only where every required slot of some pattern has a class present, and
// only its sequences whose required slots all are) must never skip a window or a match where the frame would match:
// checked on every frame's own examples and on random statements made of class entries, in every clause and whole
// sentence. No timings here.
import assert from 'node:assert/strict';
import { builtinClasses, builtinRuleSet, parsePhrase, type PhraseNode } from '../shared-rules/src/index';
import { frameMatches, frameMayMatch } from '../shared-rules/src/frames/frame';
import { expandClassRefs } from '../shared-rules/src/frames/class-refs';
import { clauseEnd, clauseStarts } from '../shared-rules/src/text/clauses';
import { tokenize } from '../shared-rules/src/text/tokenize';

const rs = builtinRuleSet();
const classes = rs.classes!;
const frames = rs.compiled.filter((r) => r.frame);

/** One spelling of a class entry: a random alternative of each group, optional groups sometimes left out. */
function spell(entry: string, rand: () => number): string {
  const name = entry.trim().endsWith('@Name');
  const nodes = parsePhrase(name ? entry.trim().slice(0, -5).trim() || 'x' : entry);
  const walk = (seq: PhraseNode[]): string[] =>
    seq.flatMap((n) => {
      if (n.kind === 'word') return [n.parts.join('-')];
      if (n.kind === 'alts') {
        if (n.optional && rand() < 0.5) return [];
        return walk(n.alts[Math.floor(rand() * n.alts.length)]);
      }
      return rand() < 0.5 ? ['then'] : [];
    });
  const words = walk(nodes).join(' ');
  return name ? `${words} Morgan` : words;
}

/** Every window a frame is matched in: each clause and the whole sentence. */
function windows(text: string): Array<{ tokens: ReturnType<typeof tokenize>; lo: number; hi: number }> {
  const tokens = tokenize(text, 0, text.length);
  const starts = clauseStarts(text, tokens);
  const out = [{ tokens, lo: 0, hi: tokens.length }];
  for (let k = 0; k < tokens.length; k = clauseEnd(starts, k) + 1)
    out.push({ tokens, lo: starts[k], hi: clauseEnd(starts, k) + 1 });
  return out;
}

/** How many windows matched; throws when the pre-filter skipped a window with a match. */
function check(text: string): number {
  let matched = 0;
  for (const { tokens, lo, hi } of windows(text)) {
    const table = classes.spans(text, tokens);
    const present = classes.present(tokens, lo, hi);
    for (const rule of frames) {
      const found = frameMatches(rule.frame!, table, lo, hi);
      // the same matches when sequences with a required slot absent are not run
      assert.deepEqual(
        frameMatches(rule.frame!, table, lo, hi, present),
        found,
        `${rule.data.id}: skipping sequences by the classes present changed the matches in tokens ${lo}-${hi} of "${text}"`,
      );
      if (found.length === 0) continue;
      matched++;
      assert.ok(
        frameMayMatch(rule.frame!, present),
        `${rule.data.id} matches tokens ${lo}-${hi} of "${text}" but the pre-filter would skip it`,
      );
    }
  }
  return matched;
}

describe('frames: the pre-filter never skips a match', () => {
  it("on every frame rule's own examples", () => {
    let matched = 0;
    for (const rule of frames)
      for (const ex of [...(rule.data.examples?.match ?? []), ...(rule.data.examples?.noMatch ?? [])])
        matched += check(typeof ex === 'string' ? ex : ex.text);
    assert.ok(matched > frames.length, `only ${matched} windows matched: the check would prove nothing`);
  });

  it('on 3,000 random statements of class entries and filler words', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const expanded = expandClassRefs(builtinClasses(), (p) => {
      throw new Error(p.message);
    });
    const all = Object.values(expanded).flatMap((c) => c.entries);
    const filler = ['the', 'patient', 'was', 'and', 'if', 'she', 'to', 'be', 'not', 'will', 'so', 'but', ',', ';'];
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const parts: string[] = [];
      for (let n = 2 + Math.floor(rand() * 5); n > 0; n--) {
        parts.push(spell(all[Math.floor(rand() * all.length)], rand));
        if (rand() < 0.6) parts.push(filler[Math.floor(rand() * filler.length)]);
      }
      matched += check(`${parts.join(' ')}.`.replace(/ ([,;.])/g, '$1'));
    }
    assert.ok(matched > 300, `only ${matched} windows matched: the check would prove nothing`);
  });
});
