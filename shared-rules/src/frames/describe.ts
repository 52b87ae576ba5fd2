/** A frame in words, for the rule catalogue, `carelint explain` and hover cards: every host lays out the same text. */
import { parsePhrase, type PhraseNode } from '../matching/phrase';
import type { FrameData, WordClasses } from '../types';

export interface FrameDescription {
  /** "in one clause" / "in one sentence". */
  scope: string;
  /** Each pattern in words: "a police actor, then within 10 words a planned-care activity (either order)". */
  patterns: string[];
  /** "Quiet when the line mentions: emergency context; …". */
  quiet: string[];
  /** "Only when the sentence mentions: help-seeking". */
  require: string[];
  /** The classes the frame uses, each with its description and a few entries. */
  classes: Array<{ name: string; description: string; entries: string[]; count: number }>;
}

const WHERE = {
  match: 'match (from its clause start to two words after it)',
  clause: 'clause',
  sentence: 'sentence',
  line: 'line (list item or table row)',
} as const;

function slotWords(item: string, used: Set<string>): string {
  let body = item.replace(/[?!]+$/, '');
  const optional = /\?/.test(item.slice(body.length));
  const alts = body.split('|').map((a) => {
    if (a.startsWith('@')) {
      used.add(a.slice(1));
      return a.slice(1).replace(/-/g, ' ');
    }
    return `“${a.replace(/~$/, '')}”`;
  });
  body = alts.join(' or ');
  return optional ? `(optionally) ${body}` : body;
}

/** One way an entry is written (first alternative of each group, optional groups left out): "DC @Name" → "DC Morgan". */
export function spelling(entry: string): string {
  const trimmed = entry.trim();
  const name = trimmed.endsWith('@Name');
  try {
    const walk = (seq: PhraseNode[]): string[] =>
      seq.flatMap((n) =>
        n.kind === 'word' ? [n.parts.join('-')] : n.kind === 'alts' ? (n.optional ? [] : walk(n.alts[0])) : [],
      );
    const words = walk(parsePhrase(name ? trimmed.slice(0, -5).trim() : trimmed)).join(' ');
    return name ? `${words} Morgan` : words;
  } catch {
    return trimmed;
  }
}

/** One pattern in words. */
export function patternWords(pattern: string, used = new Set<string>()): string {
  const out: string[] = [];
  let either = false;
  for (const item of pattern.trim().split(/\s+/)) {
    const swap = /^<\.\.(\d+)?>$/.exec(item);
    const gap = /^\.\.(\d+)?$/.exec(item);
    if (swap) {
      either = true;
      out.push(`then within ${swap[1] ?? 4} words`);
    } else if (gap) out.push(`then within ${gap[1] ?? 4} words`);
    else
      out.push(
        out.length && !/within/.test(out[out.length - 1]) ? `then ${slotWords(item, used)}` : slotWords(item, used),
      );
  }
  return out.join(' ') + (either ? ' (either order)' : '');
}

export function describeFrame(frame: FrameData, classes: WordClasses = {}): FrameDescription {
  const used = new Set<string>();
  const patterns = frame.patterns.map((p) => patternWords(p, used));
  const groups = (list: FrameData['quiet'], verb: string) =>
    (list ?? []).map((g) => {
      g.any.forEach((n) => used.add(n));
      return `${verb} the ${WHERE[g.in ?? 'sentence']} has: ${g.any.map((n) => n.replace(/-/g, ' ')).join(', ')}`;
    });
  const quiet = groups(frame.quiet, 'quiet when');
  const require = groups(frame.require, 'only when');
  return {
    scope: `in one ${frame.scope ?? 'clause'}`,
    patterns,
    quiet,
    require,
    classes: [...used]
      .filter((n) => classes[n])
      .map((name) => ({
        name,
        description: classes[name].description ?? '',
        entries: classes[name].entries.slice(0, 6).map(spelling),
        count: classes[name].entries.length,
      })),
  };
}
