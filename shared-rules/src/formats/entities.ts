/**
 * HTML character references: `&amp;`, `&rsquo;`, `&#8217;`, `&#x2019;`. A decoded reference is written as
 * its character at the first position, then U+200B fill (invisible inside a word), so offsets stay valid.
 */
import { CR, LF, SPACE, ZWSP, fill, type Mask } from './buffer';

// The named references clinical text and letter templates actually use (HTML has ~2,000; the rest are
// left as written).
const NAMED: Record<string, number> = {
  amp: 0x26,
  lt: 0x3c,
  gt: 0x3e,
  quot: 0x22,
  apos: 0x27,
  nbsp: 0xa0,
  ensp: 0x2002,
  emsp: 0x2003,
  thinsp: 0x2009,
  zwsp: 0x200b,
  zwnj: 0x200c,
  zwj: 0x200d,
  lrm: 0x200e,
  rlm: 0x200f,
  shy: 0xad,
  lsquo: 0x2018,
  rsquo: 0x2019,
  sbquo: 0x201a,
  ldquo: 0x201c,
  rdquo: 0x201d,
  bdquo: 0x201e,
  laquo: 0xab,
  raquo: 0xbb,
  lsaquo: 0x2039,
  rsaquo: 0x203a,
  prime: 0x2032,
  Prime: 0x2033,
  ndash: 0x2013,
  mdash: 0x2014,
  hyphen: 0x2010,
  dash: 0x2010,
  minus: 0x2212,
  hellip: 0x2026,
  bull: 0x2022,
  middot: 0xb7,
  centerdot: 0xb7,
  deg: 0xb0,
  plusmn: 0xb1,
  pm: 0xb1,
  times: 0xd7,
  divide: 0xf7,
  frac12: 0xbd,
  frac14: 0xbc,
  frac34: 0xbe,
  half: 0xbd,
  sup1: 0xb9,
  sup2: 0xb2,
  sup3: 0xb3,
  micro: 0xb5,
  le: 0x2264,
  ge: 0x2265,
  ne: 0x2260,
  asymp: 0x2248,
  larr: 0x2190,
  rarr: 0x2192,
  uarr: 0x2191,
  darr: 0x2193,
  harr: 0x2194,
  rArr: 0x21d2,
  lArr: 0x21d0,
  check: 0x2713,
  cross: 0x2717,
  star: 0x2606,
  starf: 0x2605,
  hearts: 0x2665,
  copy: 0xa9,
  reg: 0xae,
  trade: 0x2122,
  pound: 0xa3,
  euro: 0x20ac,
  cent: 0xa2,
  yen: 0xa5,
  curren: 0xa4,
  dollar: 0x24,
  percnt: 0x25,
  permil: 0x2030,
  sect: 0xa7,
  para: 0xb6,
  dagger: 0x2020,
  Dagger: 0x2021,
  iexcl: 0xa1,
  iquest: 0xbf,
  ordf: 0xaa,
  ordm: 0xba,
  not: 0xac,
  macr: 0xaf,
  acute: 0xb4,
  cedil: 0xb8,
  uml: 0xa8,
  brvbar: 0xa6,
  excl: 0x21,
  num: 0x23,
  lpar: 0x28,
  rpar: 0x29,
  ast: 0x2a,
  plus: 0x2b,
  comma: 0x2c,
  period: 0x2e,
  sol: 0x2f,
  colon: 0x3a,
  semi: 0x3b,
  equals: 0x3d,
  quest: 0x3f,
  commat: 0x40,
  lsqb: 0x5b,
  lbrack: 0x5b,
  bsol: 0x5c,
  rsqb: 0x5d,
  rbrack: 0x5d,
  lowbar: 0x5f,
  grave: 0x60,
  lcub: 0x7b,
  lbrace: 0x7b,
  verbar: 0x7c,
  vert: 0x7c,
  rcub: 0x7d,
  rbrace: 0x7d,
  tilde: 0x2dc,
  circ: 0x2c6,
  Tab: 0x09,
  NewLine: 0x0a,
  Agrave: 0xc0,
  Aacute: 0xc1,
  Acirc: 0xc2,
  Atilde: 0xc3,
  Auml: 0xc4,
  Aring: 0xc5,
  AElig: 0xc6,
  Ccedil: 0xc7,
  Egrave: 0xc8,
  Eacute: 0xc9,
  Ecirc: 0xca,
  Euml: 0xcb,
  Igrave: 0xcc,
  Iacute: 0xcd,
  Icirc: 0xce,
  Iuml: 0xcf,
  ETH: 0xd0,
  Ntilde: 0xd1,
  Ograve: 0xd2,
  Oacute: 0xd3,
  Ocirc: 0xd4,
  Otilde: 0xd5,
  Ouml: 0xd6,
  Oslash: 0xd8,
  Ugrave: 0xd9,
  Uacute: 0xda,
  Ucirc: 0xdb,
  Uuml: 0xdc,
  Yacute: 0xdd,
  THORN: 0xde,
  szlig: 0xdf,
  agrave: 0xe0,
  aacute: 0xe1,
  acirc: 0xe2,
  atilde: 0xe3,
  auml: 0xe4,
  aring: 0xe5,
  aelig: 0xe6,
  ccedil: 0xe7,
  egrave: 0xe8,
  eacute: 0xe9,
  ecirc: 0xea,
  euml: 0xeb,
  igrave: 0xec,
  iacute: 0xed,
  icirc: 0xee,
  iuml: 0xef,
  eth: 0xf0,
  ntilde: 0xf1,
  ograve: 0xf2,
  oacute: 0xf3,
  ocirc: 0xf4,
  otilde: 0xf5,
  ouml: 0xf6,
  oslash: 0xf8,
  ugrave: 0xf9,
  uacute: 0xfa,
  ucirc: 0xfb,
  uuml: 0xfc,
  yacute: 0xfd,
  thorn: 0xfe,
  yuml: 0xff,
  OElig: 0x152,
  oelig: 0x153,
  Scaron: 0x160,
  scaron: 0x161,
  Yuml: 0x178,
  fnof: 0x192,
  alpha: 0x3b1,
  beta: 0x3b2,
  gamma: 0x3b3,
  delta: 0x3b4,
  epsilon: 0x3b5,
  theta: 0x3b8,
  lambda: 0x3bb,
  mu: 0x3bc,
  pi: 0x3c0,
  sigma: 0x3c3,
  tau: 0x3c4,
  phi: 0x3c6,
  omega: 0x3c9,
  Delta: 0x394,
  Sigma: 0x3a3,
  Omega: 0x3a9,
};

// Numeric references 128-159 name Windows-1252 characters (text pasted from Word: &#146; is ’).
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const MAX_NAME = 32;

/** The reference starting at `i` (which holds '&'): its end and code point, or null when not one we know. */
export function readEntity(text: string, i: number, limit = text.length): { end: number; cp: number } | null {
  let j = i + 1;
  if (j >= limit) return null;
  let cp: number;
  if (text.charCodeAt(j) === 0x23 /* # */) {
    j++;
    const hex = j < limit && (text.charCodeAt(j) | 0x20) === 0x78; /* x */
    if (hex) j++;
    const digitsStart = j;
    cp = 0;
    while (j < limit && j - digitsStart <= 8) {
      const d = digitValue(text.charCodeAt(j), hex);
      if (d < 0) break;
      cp = cp * (hex ? 16 : 10) + d;
      j++;
    }
    if (j === digitsStart || j >= limit || text.charCodeAt(j) !== 0x3b /* ; */) return null;
    if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
    else if (cp >= 0x80 && cp <= 0x9f) cp = CP1252[cp - 0x80];
  } else {
    const nameStart = j;
    while (j < limit && j - nameStart <= MAX_NAME && isAlnum(text.charCodeAt(j))) j++;
    if (j === nameStart || j >= limit || text.charCodeAt(j) !== 0x3b) return null;
    const name = text.slice(nameStart, j);
    if (!Object.prototype.hasOwnProperty.call(NAMED, name)) return null;
    cp = NAMED[name];
  }
  return { end: j + 1, cp };
}

/** Decode the reference at `i` into `out` if it is one; returns where scanning continues. */
export function decodeEntityAt(text: string, out: Mask, i: number, limit = text.length): number {
  const ref = readEntity(text, i, limit);
  if (!ref) return i + 1;
  fill(out, i, ref.end, ZWSP);
  let cp = ref.cp;
  // A decoded line break would move the line numbers: write a space instead.
  if (cp === LF || cp === CR) cp = SPACE;
  if (cp > 0xffff) {
    cp -= 0x10000;
    out[i] = 0xd800 + (cp >> 10);
    out[i + 1] = 0xdc00 + (cp & 0x3ff);
  } else {
    out[i] = cp;
  }
  return ref.end;
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (hex) {
    const l = c | 0x20;
    if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  }
  return -1;
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}
