/**
 * Who a descriptor is about. "Her husband was combative", "the job is demanding", "caring for her mother is
 * demanding": the words say something about someone or something other than the person the record is about,
 * so a rule that judges the person (rude, combative, demanding, suffers from) stays quiet there.
 *
 * The subject is looked for just before the hit, inside its own clause: the nearest word naming the person
 * (she, he, the patient) or someone or something else (a relative, a member of staff, a job, a task).
 */
import type { Token } from '../text/tokenize';

const PERSON = new Set([
  'she',
  'he',
  'they',
  "she's",
  "he's",
  "they're",
  'patient',
  'pt',
  'client',
  'resident',
  'himself',
  'herself',
  'themselves',
]);

const OTHER = new Set([
  // relatives and people around the person
  'husband',
  'wife',
  'partner',
  'boyfriend',
  'girlfriend',
  'ex',
  'fiance',
  'fiancee',
  'spouse',
  'father',
  'mother',
  'dad',
  'mum',
  'mom',
  'stepfather',
  'stepmother',
  'stepdad',
  'stepmum',
  'brother',
  'sister',
  'son',
  'daughter',
  'uncle',
  'aunt',
  'grandfather',
  'grandmother',
  'grandad',
  'grandma',
  'nan',
  'grandparent',
  'grandparents',
  'cousin',
  'nephew',
  'niece',
  'parent',
  'parents',
  'sibling',
  'siblings',
  'relative',
  'relatives',
  'family',
  'friend',
  'friends',
  'carer',
  'carers',
  'child',
  'children',
  'kids',
  'baby',
  'toddler',
  'twins',
  'grandchildren',
  'neighbour',
  'neighbours',
  'neighbor',
  'neighbors',
  'landlord',
  'boss',
  'manager',
  'colleague',
  'colleagues',
  'employer',
  'teacher',
  'flatmate',
  'housemate',
  'lodger',
  'visitor',
  'visitors',
  'abuser',
  'perpetrator',
  'assailant',
  'attacker',
  'dog',
  'cat',
  // staff and services
  'staff',
  'nurse',
  'nurses',
  'doctor',
  'doctors',
  'consultant',
  'gp',
  'officer',
  'officers',
  'police',
  'paramedic',
  'paramedics',
  'crew',
  'security',
  'team',
  'receptionist',
  'clinician',
  'therapist',
  // things and tasks
  'job',
  'work',
  'role',
  'task',
  'tasks',
  'course',
  'degree',
  'schedule',
  'workload',
  'caring',
  'childcare',
  'parenting',
  'placement',
  'shift',
  'shifts',
  'exam',
  'exams',
  'studies',
  'tumour',
  'tumor',
  'disease',
  'illness',
  'pain',
  'procedure',
]);

/** Words that open another clause: a subject before them belongs to that other clause. */
const CLAUSE_OPENERS = new Set([
  'and',
  'or',
  'but',
  'because',
  'when',
  'while',
  'whilst',
  'although',
  'though',
  'since',
  'after',
  'before',
  'if',
  'unless',
  'so',
]);

const REACH = 6;

/** Is the hit at token `first` said of someone or something other than the person? */
export function aboutSomeoneElse(text: string, tokens: readonly Token[], first: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - REACH; k--) {
    // punctuation other than an apostrophe ("mother's") ends the clause
    if (tokens[k + 1].afterBreak && !/^\s*$/.test(text.slice(tokens[k].end, tokens[k + 1].start))) return false;
    const word = tokens[k].norm;
    if (PERSON.has(word)) return false;
    if (OTHER.has(word)) return true;
    if (CLAUSE_OPENERS.has(word)) return false;
  }
  return false;
}
