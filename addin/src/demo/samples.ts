// Fictional notes written for training sessions: each shows one category (the last mixes them all).
// Names, places and events are invented.
export interface SampleNote {
  id: string;
  title: string;
  text: string;
}

export const SAMPLE_NOTES: SampleNote[] = [
  {
    id: 'police',
    title: 'Care plan with police involvement',
    text: [
      'Care plan review: Jordan Vale',
      '',
      'Plan: PC Hale from the local station will attend her fortnightly outpatient reviews and co-deliver the care plan with the team.',
      'Jordan said she would like the reviews to stay with her care coordinator.',
    ].join('\n'),
  },
  {
    id: 'punitive',
    title: 'Letter with a punitive approach',
    text: [
      'Dear Mr Okafor,',
      '',
      'We discussed the calls you made to the ward last week. We agreed a behavioural contract limiting calls to the crisis line.',
      'If you attend the emergency department again this month you will be discharged from the service.',
    ].join('\n'),
  },
  {
    id: 'discriminatory',
    title: 'Ward note with discriminatory labels',
    text: [
      'Night shift, bay 3.',
      'Ms Doe was described by the night team as manipulative and attention seeking after she phoned the nurses four times.',
      'She is a frequent flyer at the emergency department.',
    ].join('\n'),
  },
  {
    id: 'stigma',
    title: 'Clinic letter with stigmatising language',
    text: [
      'Outpatient clinic, Tuesday.',
      'Mr Roe is a known alcoholic. He was noncompliant with medication and refused to engage with the community team.',
      'His brother committed suicide two years ago, and he finds anniversaries hard.',
    ].join('\n'),
  },
  {
    id: 'mixed',
    title: 'Mixed: one of each',
    text: [
      'Team meeting notes (fictional).',
      'PC Hale will attend her outpatient reviews.',
      'A behavioural contract was discussed.',
      'The night team described her as manipulative.',
      'She was noncompliant with the plan.',
    ].join('\n'),
  },
];
