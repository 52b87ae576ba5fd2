// Issue 12's rewrite check: every rewrite of every finding on every rule example, the bundled samples and the
// shared dev sets, applied and read back. A rewrite that cannot pass must become a prompt or guidance in its rule.
import assert from 'node:assert/strict';
import { checkAll, type RewriteCase } from '../support/rewrite-check';
import { rewriteCorpus } from '../support/rewrite-corpus';

/** Our own sentences: the wording a clinician reported, in he/she/they and sentence-start variants. */
const OWN = [
  '{S} committed suicide in 2019.',
  'Her father says {s} committed suicide.',
  'Committed suicide, according to the coroner.',
  '{S} was described as a drug seeker.',
  'Described as a drug seeker by the ward.',
  '{S} is noncompliant with the plan.',
  '{S} is noncompliant with {p} medication.',
  'Noncompliant with medication since May.',
  '{S} refuses {p} medication.',
  '{S} refused lunch.',
  'Refused lunch and supper.',
  '{S} is an addict.',
  'An addict was seen in clinic.',
  '{S} is a manipulative patient.',
  'Staff feel {s} is manipulative.',
  '{S} has been attention seeking all week.',
  '{S} is a frequent flyer in A&E.',
  '{S} claims to have taken 20 tablets.',
];
const PEOPLE = [
  ['He', 'he', 'his'],
  ['She', 'she', 'her'],
  ['They', 'they', 'their'],
];

function cases(): RewriteCase[] {
  const out: RewriteCase[] = [];
  for (const template of OWN) {
    for (const [S, s, p] of PEOPLE) {
      out.push({
        source: 'own sentences',
        text: template.replaceAll('{S}', S).replaceAll('{s}', s).replaceAll('{p}', p),
        format: 'plaintext',
      });
      if (!template.includes('{')) break;
    }
  }
  out.push(...rewriteCorpus());
  return out;
}

describe('rewrite check', function () {
  this.timeout(120000);
  it('every rewrite reads correctly where it is offered', () => {
    const results = checkAll(cases());
    const failed = results.filter((r) => r.problems.length > 0);
    if (process.env.CARELINT_REWRITE_REPORT)
      console.log(`${results.length} rewrites checked, ${results.length - failed.length} pass`);
    // without the shared dev sets beside the project (a clone elsewhere) the rule examples, samples and our own sentences remain
    assert.ok(results.length > 300, `only ${results.length} rewrites checked`);
    assert.deepEqual(
      failed.map(
        (r) => `${r.ruleId}: "${r.before}" → "${r.rewrite}" in "${r.context}" (${r.source}): ${r.problems.join('; ')}`,
      ),
      [],
    );
  });
});
