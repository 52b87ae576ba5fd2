import { LintSession, loadConfig, type Finding, type SessionOptions } from '../../../shared-rules/src/index';

/** Lint options from the effective `.carelintrc.json` text (policy merged with the user's choices). */
export function optionsFrom(configText: string): SessionOptions {
  const loaded = loadConfig(configText, 'CareLint settings');
  return { ...loaded.options, ruleSet: loaded.ruleSet, format: 'plaintext' };
}

/**
 * One field's text kept linted across keystrokes: each new text is turned into the one edit between the common
 * prefix and suffix, so the session re-lints only the paragraph that changed (a 150 KB note stays within a frame).
 */
export class FieldChecker {
  private session: LintSession;

  constructor(text: string, options: SessionOptions) {
    this.session = new LintSession(text, options);
  }

  setOptions(options: SessionOptions): void {
    this.session.setOptions(options);
  }

  /** Bring the session to `text`; false when nothing changed. */
  update(text: string): boolean {
    const old = this.session.text;
    if (old === text) return false;
    let start = 0;
    const max = Math.min(old.length, text.length);
    while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
    let tail = 0;
    while (tail < max - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail))
      tail++;
    this.session.update({ start, end: old.length - tail, text: text.slice(start, text.length - tail) });
    return true;
  }

  findings(): Finding[] {
    return this.session.findings();
  }
}
