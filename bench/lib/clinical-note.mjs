// A fictional long clinical record for the demo bench and its browser test: dated entries of a few lines each,
// about five or six findings an entry across all four categories, cut to `chars`. 150 KB gives 265 entries and
// about 1,470 findings, the scale at which issue 15 measured the demo page. Names and events are invented.
const FLAGGED = [
  'The night team described her as manipulative and attention seeking.',
  'He was noncompliant with his medication again.',
  'She is a frequent flyer at the emergency department.',
  'A behavioural contract was discussed with him.',
  'PC Hale will attend her outpatient reviews.',
  'Mr Roe is a known alcoholic.',
  'His uncle committed suicide last year.',
  'If he attends the emergency department again he will be discharged from the service.',
  'She was described as a drug seeker by the day team.',
];
const NEUTRAL = [
  'Seen on the ward this morning; slept well and ate breakfast.',
  'Discussed the plan for the week and agreed to meet again on Friday.',
  'Observations within normal range. Mood described as low but stable.',
  'Spoke with her sister by phone, who would like to be kept informed.',
  'Reviewed medication with the pharmacist; no changes today.',
];

/** `chars` characters of record: entry n has a dated heading, then three lines mixing ordinary and flagged text. */
export function clinicalNote(chars = 150_000) {
  const entries = [];
  let size = 0;
  for (let n = 0; size < chars; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    const pick = (list, k) => list[(n * 7 + k * 3) % list.length];
    const entry = [
      `Entry ${n + 1}, ${day}/03/2025 ${String(8 + (n % 12)).padStart(2, '0')}:${n % 2 ? '30' : '15'}, ward 4 (staff nurse)`,
      `${pick(NEUTRAL, 0)} ${pick(FLAGGED, 0)} ${pick(FLAGGED, 1)}`,
      `${pick(NEUTRAL, 1)} ${pick(FLAGGED, 2)} ${pick(NEUTRAL, 3)}`,
      `${pick(FLAGGED, 3)} ${pick(NEUTRAL, 2)} ${pick(FLAGGED, 4)}`,
    ].join('\n');
    entries.push(entry);
    size += entry.length + 2;
  }
  return entries.join('\n\n').slice(0, chars);
}
