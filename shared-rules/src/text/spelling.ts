import type { Locale } from '../types';
import { AsciiWordTable } from './ascii-words';

/**
 * en-US spelling → en-GB spelling, for the words CareLint rules and rewrites use.
 * Text tokens are folded to en-GB before matching, so a rule written once matches both spellings;
 * rewrites are written in en-GB and converted back for en-US users.
 */
export const US_TO_GB: Readonly<Record<string, string>> = {
  behavior: 'behaviour',
  behaviors: 'behaviours',
  behavioral: 'behavioural',
  behaviorally: 'behaviourally',
  labeled: 'labelled',
  labeling: 'labelling',
  counseling: 'counselling',
  counselor: 'counsellor',
  offense: 'offence',
  offenses: 'offences',
  defense: 'defence',
  defenses: 'defences',
  tumor: 'tumour',
  tumors: 'tumours',
  hemophiliac: 'haemophiliac',
  anesthesia: 'anaesthesia',
  anesthetic: 'anaesthetic',
  pediatric: 'paediatric',
  hematology: 'haematology',
  disheveled: 'dishevelled',
  judgment: 'judgement',
  judgmental: 'judgemental',
  stigmatizing: 'stigmatising',
  stigmatize: 'stigmatise',
  stigmatized: 'stigmatised',
  criticize: 'criticise',
  apologize: 'apologise',
  organization: 'organisation',
  prioritize: 'prioritise',
  recognize: 'recognise',
  recognized: 'recognised',
  hospitalized: 'hospitalised',
  hospitalization: 'hospitalisation',
  color: 'colour',
  favor: 'favour',
  honor: 'honour',
  center: 'centre',
  centers: 'centres',
  program: 'programme',
  programs: 'programmes',
  flier: 'flyer',
  fliers: 'flyers',
  catalog: 'catalogue',
  dialog: 'dialogue',
  enroll: 'enrol',
  fulfill: 'fulfil',
  practicing: 'practising',
  traveled: 'travelled',
  canceled: 'cancelled',
  modeling: 'modelling',
  signaling: 'signalling',
  aging: 'ageing',
  gray: 'grey',
  mom: 'mum',
  ass: 'arse',
};

// Maps, not plain objects: a token such as "constructor" must not find Object.prototype members.
const toGb = new Map(Object.entries(US_TO_GB));
const toUs = new Map<string, string>();
for (const [us, gb] of toGb) if (!toUs.has(gb)) toUs.set(gb, us);
// "flyer" stays "flyer" in en-US rewrites; "mum"/"arse" are never suggested.
toUs.delete('flyer');

/** Fold a lower-case token to the spelling rules are written in. */
export function canonicalSpelling(lower: string): string {
  return toGb.get(lower) ?? lower;
}

const fromGb = new Map<string, string[]>();
for (const [us, gb] of toGb) fromGb.set(gb, [...(fromGb.get(gb) ?? []), us]);

/** Every lower-case spelling that canonicalSpelling folds to `canonical`: exactly its inverse. */
export function surfaceSpellings(canonical: string): string[] {
  const others = fromGb.get(canonical);
  // most words have no other spelling: no arrays to spread and filter (start-up reads thousands of words)
  if (!others) return canonicalSpelling(canonical) === canonical ? [canonical] : [];
  return [canonical, ...others].filter((s) => canonicalSpelling(s) === canonical);
}

/**
 * Every surfaceSpellings() spelling of every word in `words` (canonical, lower-case, each once) that `plain` accepts,
 * as a table from spelling to the word's index: the same entries as calling surfaceSpellings per word, without its
 * arrays and look-ups for the thousands of words that have no other spelling. Those go in as they are; then the few
 * words of US_TO_GB are put right.
 */
export function spellingTable(words: readonly string[], plain: (text: string) => boolean = () => true): AsciiWordTable {
  const table = new AsciiWordTable(words.length);
  table.addWords(words);
  for (let i = 0; i < words.length; i++) if (!plain(words[i])) table.hide(words[i], i);
  // a US spelling is no spelling of its own (it folds to the en-GB one) but is one of its en-GB word's
  const others: Array<[string, number]> = [];
  for (const [gb, uss] of fromGb) {
    const i = table.lookup(gb, true);
    if (i >= 0) for (const us of uss) if (plain(us)) others.push([us, i]);
  }
  for (const us of toGb.keys()) {
    const i = table.lookup(us, true);
    if (i >= 0) table.hide(us, i);
  }
  for (const [us, i] of others) table.add(us, i);
  return table;
}

/** Convert an en-GB rewrite to the requested locale, keeping each word's case. */
export function localize(text: string, locale: Locale): string {
  if (locale !== 'en-US') return text;
  return text.replace(/[A-Za-z]+/g, (word) => {
    const us = toUs.get(word.toLowerCase());
    if (!us) return word;
    if (word === word.toUpperCase() && word.length > 1) return us.toUpperCase();
    if (word[0] === word[0].toUpperCase()) return us[0].toUpperCase() + us.slice(1);
    return us;
  });
}
