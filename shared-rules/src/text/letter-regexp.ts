// Regular expressions over letters, compiled for the text they meet. V8 compiles a `\p{L}` class through an ICU
// property lookup, about 2 M instructions, and 5 to 10 M under the `i` flag (the case closure of every letter): the
// dozen such expressions a finding's rewrites run were about 54 M instructions of every host's first lint, a tenth of
// the engine's start-up. On plain ASCII text, nearly all text, an expression whose classes are written as ASCII ranges
// matches exactly the same characters, and compiles in a few thousand instructions; other text gets the Unicode
// original, compiled the first time such text comes.

/** Each Unicode property class, as the characters it holds among ASCII ones (inside a class's brackets). */
const ASCII_PART: Record<string, string> = { L: 'A-Za-z', Ll: 'a-z', N: '0-9', M: '' };

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * `source` with every `\p{…}` written as its ASCII characters: the same matches on ASCII text. Throws on a property
 * not in ASCII_PART, and on `\P{…}` or the `v` flag's nested classes, which it does not read.
 */
export function asciiSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const property = /^\\([pP])\{([A-Za-z_=]+)\}/.exec(source.slice(i));
      if (!property) {
        out += source.slice(i, i + 2);
        i++;
        continue;
      }
      const part = ASCII_PART[property[2]];
      if (property[1] === 'P' || part === undefined) throw new Error(`no ASCII form for ${property[0]}`);
      out += inClass ? part : `[${part}]`;
      i += property[0].length - 1;
      continue;
    }
    if (c === '[' && inClass) throw new Error('nested character classes are not read');
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}

/**
 * A regular expression with Unicode property classes that runs its ASCII twin (asciiSource) on ASCII text. Use
 * `test` and `exec`, or `for(text)` for the expression itself (matchAll, replace, match).
 */
export class LetterRegExp {
  private ascii: RegExp | undefined;
  private unicode: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly flags: string,
  ) {}

  /** The expression to run on `text`: the ASCII twin when `text` is plain ASCII, else the Unicode original. */
  for(text: string): RegExp {
    if (!NON_ASCII.test(text)) return (this.ascii ??= new RegExp(asciiSource(this.source), this.flags));
    return (this.unicode ??= new RegExp(this.source, this.flags));
  }

  test(text: string): boolean {
    return this.for(text).test(text);
  }

  exec(text: string): RegExpExecArray | null {
    return this.for(text).exec(text);
  }
}

/**
 * A LetterRegExp; write `source` as String.raw`...`, so it reads as a literal would. Not a literal: V8 parses a literal's
 * pattern, property classes included, when the expression object is made, at import for a module-level one.
 */
export function letterPattern(source: string, flags: string): LetterRegExp {
  return new LetterRegExp(source, flags);
}
