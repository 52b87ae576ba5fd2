import { chunkStarts } from './chunks';
import type { RuleSet } from '../matching/compile';
import { applyDirectives } from '../findings/directives-filter';
import { maskChunk, sliceDocument } from './document';
import { maskNonProse } from '../formats';
import { endsWithBlankLine, reachesBack } from './local-remask';
import { prepareOptions, toFinding, type Prepared } from '../findings/findings';
import { lintChunk, type Hit } from '../matching/lint';
import { builtinRuleSet } from '../matching/builtin';
import type { Finding, LintOptions, SectionKind } from '../types';
import { work } from '../work';

/** An edit in the coordinates of the text as it is before the edit (VS Code's contentChanges shape). */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

interface SessionChunk {
  start: number;
  raw: string;
  masked: string;
  entry: SectionKind | null;
  exit: SectionKind | null;
  hits: Hit[];
  /** Whether the chunk holds a carelint-disable/enable directive (directives apply across chunks). */
  directive: boolean;
  /** Findings materialised at `base`; shifted copies are made when the chunk moves. */
  findings: Finding[] | null;
  base: number;
}

export type SessionOptions = LintOptions & { ruleSet?: RuleSet };

/**
 * A document kept linted across edits. Plain text re-lints only the chunks (paragraphs) an edit touched,
 * plus any later chunk whose section changed; so does Markdown when the edit's paragraphs can be masked on their
 * own. Other Markdown edits and HTML re-mask the document and re-lint the chunks whose masked text changed.
 * Findings always equal lint(text, options).
 */
/** Above this many edits at once, one re-slice of the whole text is cheaper than patching chunk by chunk. */
const MAX_PIECEWISE_EDITS = 64;

export class LintSession {
  private chunks: SessionChunk[] = [];
  private textCache: string | null = null;
  private findingsCache: Finding[] | null = null;
  private rs!: RuleSet;
  private prepared!: Prepared;
  private options!: SessionOptions;

  constructor(text: string, options: SessionOptions = {}) {
    this.configure(options);
    this.rebuild(text);
  }

  get text(): string {
    return (this.textCache ??= this.chunks.map((c) => c.raw).join(''));
  }

  /** Length of the text, without joining it. */
  get length(): number {
    const last = this.chunks[this.chunks.length - 1];
    return last ? last.start + last.raw.length : 0;
  }

  /** Change rules or settings; everything is re-linted. */
  setOptions(options: SessionOptions): void {
    const text = this.text;
    this.configure(options);
    this.rebuild(text);
  }

  /** Replace the whole text (re-using results for chunks that did not change). */
  setText(text: string): void {
    this.rebuild(text, this.chunks);
  }

  /**
   * Apply edits in order, each in the coordinates left by the previous one. Plain text takes a few edits one by one;
   * so does Markdown, where an edit's paragraphs can be re-masked on their own (see local-remask.ts). Otherwise
   * (an edit near a code fence or an HTML comment, any HTML edit, or a burst of edits such as a replace-all) the
   * remaining edits are applied to the text, then it is sliced again once, re-using every chunk that did not change.
   */
  update(changes: TextChange | readonly TextChange[]): void {
    const list = Array.isArray(changes) ? changes : [changes as TextChange];
    let done = 0;
    if (list.length <= MAX_PIECEWISE_EDITS) while (done < list.length && this.applyLocally(list[done])) done++;
    if (done === list.length) return;
    let text = this.text;
    for (const c of list.slice(done)) text = text.slice(0, c.start) + c.text + text.slice(c.end);
    this.rebuild(text, this.chunks);
  }

  findings(): Finding[] {
    if (this.findingsCache) return this.findingsCache;
    const out: Finding[] = [];
    let directives = false;
    for (const c of this.chunks) {
      if (c.directive) directives = true;
      if (c.hits.length === 0) continue;
      if (!c.findings) {
        c.findings = [];
        for (const h of c.hits) {
          const f = toFinding(this.rs, this.prepared, h, c.start, c.raw);
          if (f) c.findings.push(f);
        }
        c.base = c.start;
      } else if (c.base !== c.start) {
        const shift = c.start - c.base;
        c.findings = c.findings.map((f) => ({ ...f, start: f.start + shift, end: f.end + shift }));
        c.base = c.start;
      }
      for (const f of c.findings) out.push(f);
    }
    return (this.findingsCache =
      directives && this.options.directives !== false ? applyDirectives(this.text, out) : out);
  }

  private format() {
    return this.options.format ?? 'plaintext';
  }

  private configure(options: SessionOptions): void {
    this.options = options;
    this.rs = options.ruleSet ?? builtinRuleSet();
    this.prepared = prepareOptions(this.rs, options);
  }

  private lintInto(c: SessionChunk): void {
    work.sessionLintedChars += c.masked.length;
    const result = lintChunk(this.rs, this.prepared.active, c.masked, c.entry);
    c.hits = result.hits;
    c.exit = result.exit;
    c.findings = null;
  }

  private rebuild(text: string, previous: SessionChunk[] = []): void {
    const reuse = new Map<string, SessionChunk>();
    for (const c of previous) reuse.set(c.masked, c);
    let entry: SectionKind | null = null;
    this.chunks = [...sliceDocument(text, this.format())].map((slice, i, all) => {
      const end = i + 1 < all.length ? all[i + 1].start : text.length;
      const old = reuse.get(slice.masked);
      const raw = text.slice(slice.start, end);
      const c: SessionChunk = {
        start: slice.start,
        raw,
        masked: slice.masked,
        entry,
        exit: null,
        hits: [],
        directive: /carelint-/i.test(raw),
        findings: null,
        base: slice.start,
      };
      if (old && old.entry === entry && old.raw === c.raw) {
        c.hits = old.hits;
        c.exit = old.exit;
        c.findings = old.findings;
        c.base = old.base;
      } else this.lintInto(c);
      entry = c.exit;
      return c;
    });
    this.textCache = text;
    this.findingsCache = null;
  }

  /**
   * The masking of the Markdown region that replaces chunks a..b, if it is the same on its own as inside the
   * document (see local-remask.ts); null when the whole document must be re-masked. The region is masked together
   * with the chunk after it, before and after the edit: the old text must mask on its own as it did in the
   * document (so the region does not start inside something, such as an HTML comment that ends mid-line), and
   * the chunk after must mask as before (so nothing the edit left open runs on into it).
   */
  private maskMarkdownRegion(a: number, b: number, before: string, region: string): string | null {
    const chunks = this.chunks;
    if (reachesBack(before, region, chunks[0].raw)) return null;
    if (a > 0 && !endsWithBlankLine(chunks[a - 1].raw)) return null;
    const last = b === chunks.length - 1;
    if (!last && (!endsWithBlankLine(before) || !endsWithBlankLine(region))) return null;
    const next = last ? '' : chunks[b + 1].raw;
    let maskedBefore = '';
    for (let k = a; k <= b + (last ? 0 : 1); k++) maskedBefore += chunks[k].masked;
    if (maskNonProse(before + next, 'markdown') !== maskedBefore) return null;
    const masked = maskNonProse(region + next, 'markdown');
    return masked.endsWith(maskedBefore.slice(before.length)) ? masked.slice(0, region.length) : null;
  }

  private indexAt(pos: number): number {
    let lo = 0,
      hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.chunks[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Re-slice and re-lint only the chunks around one edit (and any later chunk whose section changes). False, with
   * nothing changed, when the format needs the whole document re-masked for this edit.
   */
  private applyLocally(change: TextChange): boolean {
    const format = this.format();
    if (format !== 'plaintext' && format !== 'markdown') return false;
    const chunks = this.chunks;
    const a = Math.max(0, this.indexAt(change.start) - 1);
    const b = Math.min(chunks.length - 1, this.indexAt(change.end) + 1);
    const regionStart = chunks[a].start;
    let before = '';
    for (let k = a; k <= b; k++) before += chunks[k].raw;
    const region = before.slice(0, change.start - regionStart) + change.text + before.slice(change.end - regionStart);
    const masked = format === 'plaintext' ? region : this.maskMarkdownRegion(a, b, before, region);
    if (masked === null) return false;
    const delta = change.text.length - (change.end - change.start);

    const starts = chunkStarts(masked);
    const fresh: SessionChunk[] = starts.map((s, i) => {
      const end = i + 1 < starts.length ? starts[i + 1] : region.length;
      const raw = region.slice(s, end);
      return {
        start: regionStart + s,
        raw,
        masked: format === 'plaintext' ? maskChunk(raw) : masked.slice(s, end),
        entry: null,
        exit: null,
        hits: [],
        directive: /carelint-/i.test(raw),
        findings: null,
        base: 0,
      };
    });
    const kept = keepUnchanged(chunks.slice(a, b + 1), fresh, change, delta);
    chunks.splice(a, b - a + 1, ...fresh);
    for (let k = a + fresh.length; k < chunks.length; k++) chunks[k].start += delta;

    // the region's neighbours are re-sliced only in case the edit joined or split paragraphs; a neighbour that
    // came back whole keeps its hits, so a typical keystroke re-lints one paragraph, not three
    let entry = a > 0 ? chunks[a - 1].exit : null;
    for (let k = a; k < chunks.length; k++) {
      const c = chunks[k];
      const inRegion = k < a + fresh.length;
      const upToDate = (!inRegion || kept.has(c)) && c.entry === entry;
      if (!upToDate) {
        c.entry = entry;
        this.lintInto(c);
      } else if (!inRegion) break; // past the edit, and the section state arriving here is unchanged
      entry = c.exit;
    }
    this.textCache = null;
    this.findingsCache = null;
    return true;
  }
}

/**
 * Give each fresh chunk that is an old one come back unchanged (same text at the same place, the edit outside it)
 * that chunk's results; returns the fresh chunks that have results. `delta` is how far the edit moved later text.
 */
function keepUnchanged(
  old: SessionChunk[],
  fresh: SessionChunk[],
  change: TextChange,
  delta: number,
): Set<SessionChunk> {
  const kept = new Set<SessionChunk>();
  for (const f of fresh) {
    for (const o of old) {
      const end = o.start + o.raw.length;
      const moved = end <= change.start ? o.start : o.start >= change.end ? o.start + delta : -1;
      if (moved !== f.start || o.raw !== f.raw || o.masked !== f.masked) continue;
      f.entry = o.entry;
      f.exit = o.exit;
      f.hits = o.hits;
      f.findings = o.findings;
      f.base = o.base;
      kept.add(f);
      break;
    }
  }
  return kept;
}
