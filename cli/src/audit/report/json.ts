/**
 * `--format json`, a stable contract:
 * { "people": [ { id, score, findings, categories: {category: N}, first, last, items: [ {date, ruleId, category, excerpt} ] } ],
 *   "totals": {...} }, people sorted by score (highest first) then id. `excerpt` is left out with --redact.
 * One person per line, written as it goes, so a million people never sit in one string.
 */
import type { PersonAggregate, Totals } from '../aggregate';
import type { Sink } from '../output';

export function personJson(p: PersonAggregate) {
  return {
    id: p.id,
    score: p.score,
    findings: p.findings,
    categories: p.categories,
    first: p.first,
    last: p.last,
    items: p.items.map((i) =>
      i.excerpt === undefined
        ? { date: i.date, ruleId: i.ruleId, category: i.category }
        : { date: i.date, ruleId: i.ruleId, category: i.category, excerpt: i.excerpt },
    ),
  };
}

export async function writeJson(sink: Sink, people: PersonAggregate[], totals: Totals): Promise<void> {
  await sink.write('{\n"people": [');
  for (let i = 0; i < people.length; i++) await sink.write(`${i ? ',' : ''}\n${JSON.stringify(personJson(people[i]))}`);
  await sink.write(`\n],\n"totals": ${JSON.stringify(totals, null, 2)}\n}\n`);
}
