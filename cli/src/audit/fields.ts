/**
 * Which column holds the person, the note text and the date. Exports name them many ways, so common names are
 * recognised (case, spaces and punctuation ignored); anything else is named with --id-field / --text-field /
 * --date-field. Names come in tiers: a specific name (`patient_id`) beats a generic one (`id`, usually a row id),
 * and two names in the same tier are ambiguous, because guessing the wrong person column would silently merge people.
 */

export type FieldRole = 'id' | 'text' | 'date';

const NAMES: Record<FieldRole, string[][]> = {
  id: [
    [
      'patient_id',
      'patientid',
      'nhs_number',
      'nhs_no',
      'nhsnumber',
      'person_id',
      'personid',
      'mrn',
      'client_id',
      'clientid',
      'service_user_id',
      'subject_id',
      'hospital_number',
      'rio_id',
      'local_patient_id',
    ],
    ['id', 'patient', 'person', 'client'],
  ],
  text: [
    [
      'note',
      'note_text',
      'notes',
      'text',
      'body',
      'content',
      'note_body',
      'narrative',
      'entry',
      'entry_text',
      'clinical_note',
      'progress_note',
      'free_text',
    ],
    ['description', 'comment', 'comments', 'message'],
  ],
  date: [
    [
      'date',
      'note_date',
      'created_at',
      'created',
      'timestamp',
      'entry_date',
      'recorded_at',
      'recorded',
      'datetime',
      'date_time',
      'event_date',
      'contact_date',
      'encounter_date',
      'note_datetime',
      'date_of_note',
      'created_date',
    ],
    ['updated_at', 'modified', 'time'],
  ],
};

const FLAG: Record<FieldRole, string> = { id: '--id-field', text: '--text-field', date: '--date-field' };
const WHAT: Record<FieldRole, string> = { id: 'person identifier', text: 'note text', date: 'date' };

export function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

export interface FieldChoice {
  id: string;
  text: string;
  /** Absent when the export has no date column: findings are then undated. */
  date?: string;
}

export type Detected = { ok: true; fields: FieldChoice } | { ok: false; message: string };

/** Picks the id, text and date columns among `columns` (header names or JSON keys), honouring explicit choices. */
export function detectFields(columns: string[], explicit: Partial<FieldChoice>): Detected {
  // a header that is not one (binary, or a note where the header should be) must not flood the terminal
  const shown = columns.slice(0, 40).map((c) => JSON.stringify(c.length > 60 ? `${c.slice(0, 57)}...` : c));
  const found = `columns found: ${shown.join(', ') || '(none)'}${columns.length > 40 ? `, and ${columns.length - 40} more` : ''}`;
  const chosen: Partial<FieldChoice> = {};
  for (const role of ['id', 'text', 'date'] as FieldRole[]) {
    const given = explicit[role];
    if (given !== undefined) {
      if (!columns.includes(given)) {
        const loose = columns.find((c) => normaliseName(c) === normaliseName(given));
        if (!loose) return { ok: false, message: `${FLAG[role]} '${given}' is not a column of this export; ${found}` };
        chosen[role] = loose;
      } else chosen[role] = given;
      continue;
    }
    let picked: string | undefined;
    for (const tier of NAMES[role]) {
      const hits = columns.filter((c) => tier.includes(normaliseName(c)));
      if (hits.length > 1) {
        return {
          ok: false,
          message: `more than one column could be the ${WHAT[role]} (${hits.map((h) => JSON.stringify(h)).join(', ')}); choose one with ${FLAG[role]}. ${found}`,
        };
      }
      if (hits.length === 1) {
        picked = hits[0];
        break;
      }
    }
    if (picked === undefined && role !== 'date') {
      return { ok: false, message: `no column looks like the ${WHAT[role]}; name it with ${FLAG[role]}. ${found}` };
    }
    if (picked !== undefined) chosen[role] = picked;
  }
  const roles = (['id', 'text', 'date'] as FieldRole[]).filter((r) => chosen[r] !== undefined);
  for (let a = 0; a < roles.length; a++) {
    for (let b = a + 1; b < roles.length; b++) {
      if (chosen[roles[a]] === chosen[roles[b]]) {
        return {
          ok: false,
          message: `column ${JSON.stringify(chosen[roles[a]])} cannot be both the ${WHAT[roles[a]]} and the ${WHAT[roles[b]]}; ${found}`,
        };
      }
    }
  }
  return { ok: true, fields: chosen as FieldChoice };
}
