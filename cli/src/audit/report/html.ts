/**
 * `--format html`: one self-contained file for a medical director or safety team. No script, no external asset;
 * a Content-Security-Policy forbids every request (only inline styles and data: images are allowed), so opening
 * the report can never send anything anywhere. Every value is escaped: excerpts are clinical text, not markup.
 */
import { CATEGORIES, type Category } from '../../../../shared-rules/src/index';
import type { PersonAggregate, Totals } from '../aggregate';
import type { Sink } from '../output';
import { plural } from '../../plural';
import { CATEGORY_WEIGHT, SEVERITY_WEIGHT } from '../weights';
import { CATEGORY_COLOUR, LETTER_MONTH, monthChart } from './chart';
import { escapeHtml as e } from './escape';

export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface HtmlMeta {
  files: string[];
  generated: string;
  version: string;
  /** People shown in the table (the JSON and CSV formats hold everyone). */
  top: number;
  ruleMessages: Map<string, string>;
}

const LABEL: Record<Category, string> = {
  'police-involvement': 'Police in planned care',
  'punitive-approach': 'Sanctions, withheld care, punitive approaches',
  'discriminatory-attitude': 'Discriminatory labels and attitudes',
  'stigmatizing-language': 'Stigmatising language (general)',
};

// Fits any window without scrolling sideways: long ids, paths and rule ids wrap, and below 760 px each table row
// becomes a block whose cells carry their column name (data-label), the people table a small grid per person.
const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#1b1b1b;overflow-wrap:break-word}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ccc;padding-bottom:4px}
.meta{color:#555}.warn{background:#fff4e5;border-left:4px solid #e08a00;padding:8px 12px}
.note{background:#eef4fb;border-left:4px solid #1f5fa8;padding:8px 12px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f6f6}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
dl.summary{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dl.summary dt{color:#555}dl.summary dd{margin:0}
.legend span{display:inline-block;margin-right:14px}.swatch{display:inline-block;width:11px;height:11px;margin-right:4px;vertical-align:-1px}
details summary{cursor:pointer}ol.items{margin:4px 0;padding-left:20px}ol.items li{margin:2px 0}
code{font-size:12px;background:#f3f3f3;padding:0 3px;overflow-wrap:anywhere}td.date,time{white-space:nowrap}td.person{min-width:8em;overflow-wrap:anywhere}
td.items{width:45%}.excerpt{color:#333}.empty{color:#777}
@media (max-width:760px){
body{padding:12px}dl.summary{grid-template-columns:1fr}dl.summary dd{margin-bottom:6px}
table,tbody,tr,td{display:block;width:auto}
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
tr{border-bottom:1px solid #ccc;padding:6px 0}td,td.n{border:0;padding:1px 0;text-align:left}
td[data-label]::before{content:attr(data-label) ": ";color:#555}
#people-table tr{display:grid;grid-template-columns:repeat(auto-fill,minmax(7.5em,1fr));gap:0 12px}
#people-table td.person,#people-table td.items{grid-column:1/-1}td.items{width:auto}
}
@media print{details{display:block}details>*{display:block}}
`;

const n = (v: number) => v.toLocaleString('en-GB');

export async function writeHtml(sink: Sink, people: PersonAggregate[], totals: Totals, meta: HtmlMeta): Promise<void> {
  const shown = Math.min(meta.top, people.length);
  let before = 0,
    after = 0;
  for (const [month, counts] of Object.entries(totals.months)) {
    const sum = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
    if (month < LETTER_MONTH) before += sum;
    else after += sum;
  }
  const bad =
    Object.entries(totals.badRows)
      .filter(([, v]) => v > 0)
      .map(([k, v]) => `${n(v)} ${k.replace(/-/g, ' ')}`)
      .join(', ') || 'none';
  const filters = [
    totals.filters.since ? `since ${totals.filters.since}` : '',
    totals.filters.until ? `until ${totals.filters.until}` : '',
    totals.filters.categories.length < CATEGORIES.length ? `categories: ${totals.filters.categories.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');

  await sink.write(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CareLint audit report</title>
<style>${STYLE}</style></head><body>
<header>
<h1>CareLint audit: SIM-like content in the record, person by person</h1>
<p class="meta">Generated ${e(meta.generated)} by CareLint ${e(meta.version)} from ${meta.files.map((f) => `<code>${e(f)}</code>`).join(', ')}${filters ? `; ${e(filters)}` : ''}${totals.redacted ? '; excerpts redacted' : ''}.</p>
<p class="warn">This report holds patient identifiers${totals.redacted ? '' : ' and excerpts of clinical notes'}. Keep it wherever the records themselves may be kept, and share it only with those who may see them.</p>
<p class="note">Each finding is wording that matched a CareLint rule, to be read by a clinician in the context of the whole record. It is a prompt for a care review, not a verdict about the care a person received. CareLint cannot see context beyond the note: who wrote it, whether a police presence was an emergency, or whether the words were quoted from someone else.</p>
</header>
<section id="summary"><h2>Summary</h2><dl class="summary">
<dt>Notes read</dt><dd>${n(totals.records)} from ${n(totals.files)} file${totals.files === 1 ? '' : 's'}</dd>
<dt>Notes with findings</dt><dd>${n(totals.notesWithFindings)}</dd>
<dt>People with findings</dt><dd>${n(totals.people)}</dd>
<dt>Findings</dt><dd>${n(totals.findings)}${totals.undatedFindings ? ` (${n(totals.undatedFindings)} undated)` : ''}</dd>
<dt>Before / from March 2023</dt><dd>${n(before)} / ${n(after)} dated findings</dd>
<dt>Rows left out by dates</dt><dd>${n(totals.outsideDates)}</dd>
<dt>Rows with problems</dt><dd>${e(bad)}</dd>
</dl></section>
<section id="by-month"><h2>Findings by month</h2>
<p class="legend">${CATEGORIES.map((c) => `<span><i class="swatch" style="background:${CATEGORY_COLOUR[c]}"></i>${e(LABEL[c])}</span>`).join('')}</p>
${monthChart(totals.months)}
</section>
<section id="by-category"><h2>Findings by category</h2>
<table id="category-table"><thead><tr><th>Category</th><th>What it covers</th><th class="n">Weight</th><th class="n">Findings</th></tr></thead><tbody>
${CATEGORIES.map((c) => `<tr><td><code>${c}</code></td><td>${e(LABEL[c])}</td><td class="n" data-label="Weight">${CATEGORY_WEIGHT[c]}</td><td class="n" data-label="Findings">${n(totals.categories[c])}</td></tr>`).join('\n')}
</tbody></table>
<p class="meta">A finding scores its category weight × its severity weight (error ${SEVERITY_WEIGHT.error}, warning ${SEVERITY_WEIGHT.warning}, information ${SEVERITY_WEIGHT.information}); a person's score is the sum over their record.</p>
</section>
<section id="by-rule"><h2>Findings by rule</h2>
<table id="rule-table"><thead><tr><th>Rule</th><th>What it flags</th><th class="n">Findings</th></tr></thead><tbody>
${Object.entries(totals.rules)
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  .map(
    ([id, count]) =>
      `<tr><td><code>${e(id)}</code></td><td>${e(meta.ruleMessages.get(id) ?? '')}</td><td class="n" data-label="Findings">${n(count)}</td></tr>`,
  )
  .join('\n')}
</tbody></table></section>
<section id="people"><h2>People ranked by score</h2>
<p class="meta">${shown < people.length ? `${shown === 1 ? 'The highest score' : `The ${n(shown)} highest scores`} of ${plural(people.length, 'person', 'people', n)} ${shown === 1 ? 'is' : 'are'} shown; --format json or csv lists everyone, or raise --top.` : `${plural(people.length, 'person', 'people', n)}.`} Up to ${plural(totals.itemsPerPersonCap, 'finding', 'findings', n)} ${totals.itemsPerPersonCap === 1 ? 'is' : 'are'} kept per person (the heaviest); counts and dates cover all of them.</p>
<table id="people-table"><thead><tr><th class="n">Rank</th><th>Person</th><th class="n">Score</th><th class="n">Findings</th>${CATEGORIES.map((c) => `<th class="n" title="${e(LABEL[c])}">${e(c.split('-')[0])}</th>`).join('')}<th>First</th><th>Last</th><th>Findings in the record</th></tr></thead><tbody>
`);
  for (let i = 0; i < shown; i++) await sink.write(personRow(people[i], i + 1));
  await sink.write('</tbody></table></section>\n</body></html>\n');
}

function personRow(p: PersonAggregate, rank: number): string {
  const items = p.items
    .map(
      (it) =>
        `<li><time>${e(it.date ?? 'undated')}</time> <code>${e(it.ruleId)}</code> ${e(it.category)}${it.excerpt === undefined ? '' : ` <span class="excerpt">${e(it.excerpt)}</span>`}</li>`,
    )
    .join('');
  const summary =
    p.items.length < p.findings
      ? `${p.findings} findings (${p.items.length} kept)`
      : `${p.findings} finding${p.findings === 1 ? '' : 's'}`;
  return `<tr><td class="n" data-label="Rank">${rank}</td><td class="person" data-label="Person">${e(p.id)}</td><td class="n" data-label="Score">${p.score}</td><td class="n" data-label="Findings">${p.findings}</td>${CATEGORIES.map((c) => `<td class="n" data-label="${e(c.split('-')[0])}">${p.categories[c]}</td>`).join('')}<td class="date" data-label="First">${e(p.first ?? '')}</td><td class="date" data-label="Last">${e(p.last ?? '')}</td><td class="items"><details><summary>${summary}</summary><ol class="items">${items}</ol></details></td></tr>\n`;
}
