/** Character classes the tokenizer and the context checks share. */
export const enum CharClass {
  Space = 0,
  Word = 1,
  /** Apostrophes and '&': part of a word when between word characters ("doesn't", "A&E"). */
  Inner = 2,
  /** Hyphens: join two words ("self-harm") when directly between word characters. */
  Hyphen = 3,
  /** Invisible characters skipped inside and between words (zero-width space, soft hyphen, BOM). */
  Ignorable = 4,
  /** Anything else ends a phrase: . , ; : ! ? ( ) quotes, dashes, slashes. */
  Punct = 5,
}

/** U+FFFC marks a masked template placeholder: an opaque word that matches nothing. */
export const PLACEHOLDER = 0xfffc;

const ascii = new Uint8Array(128).fill(CharClass.Punct);
for (let c = 48; c <= 57; c++) ascii[c] = CharClass.Word;
for (let c = 65; c <= 90; c++) ascii[c] = CharClass.Word;
for (let c = 97; c <= 122; c++) ascii[c] = CharClass.Word;
for (const c of [9, 10, 11, 12, 13, 32]) ascii[c] = CharClass.Space;
ascii[39] = CharClass.Inner; // '
ascii[38] = CharClass.Inner; // &
ascii[45] = CharClass.Hyphen; // -

// made on the first character outside ASCII: V8 reads a literal's property classes (an ICU lookup, about 2 M
// instructions) when the expression is made, and most texts never need it
let letterLike: RegExp | undefined;
const spaceLike = /\s/u;

export function charClass(c: number): CharClass {
  if (c < 128) return ascii[c] as CharClass;
  switch (c) {
    case 0x2019:
    case 0x2018:
    case 0x02bc:
      return CharClass.Inner;
    case 0x2010:
    case 0x2011:
      return CharClass.Hyphen;
    case 0x200b:
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0x00ad:
    case 0xfeff:
      return CharClass.Ignorable;
    case PLACEHOLDER:
      return CharClass.Word;
  }
  if (c >= 0xd800 && c <= 0xdfff) return CharClass.Punct;
  const s = String.fromCharCode(c);
  if ((letterLike ??= /[\p{L}\p{M}\p{N}]/u).test(s)) return CharClass.Word;
  if (spaceLike.test(s)) return CharClass.Space;
  return CharClass.Punct;
}
