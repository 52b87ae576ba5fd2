/**
 * Findings by month as an inline SVG, drawn here rather than in the browser so the report needs no script.
 * Bars stack by category; a dashed line marks March 2023, when NHS England told trusts to stop SIM-like
 * practice, so a trust can see whether they really stopped. The range always includes that month.
 */
import { CATEGORIES, type Category } from '../../../../shared-rules/src/index';
import { escapeHtml } from './escape';

export const LETTER_MONTH = '2023-03';

export const CATEGORY_COLOUR: Record<Category, string> = {
  'police-involvement': '#1f5fa8',
  'punitive-approach': '#b03a2e',
  'discriminatory-attitude': '#7d3c98',
  'stigmatizing-language': '#8a7a1a',
};

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthIndex(ym: string): number {
  return Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
}

function monthKey(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthsRange(months: Record<string, unknown>): string[] {
  const keys = Object.keys(months);
  if (keys.length === 0) return [];
  const indices = [...keys.map(monthIndex), monthIndex(LETTER_MONTH)];
  const out: string[] = [];
  for (let i = Math.min(...indices); i <= Math.max(...indices); i++) out.push(monthKey(i));
  return out;
}

export function monthChart(months: Record<string, Partial<Record<Category, number>>>): string {
  const range = monthsRange(months);
  if (range.length === 0) return '<p class="empty">No dated findings to chart.</p>';
  const W = 960,
    H = 300,
    left = 52,
    right = 12,
    top = 28,
    bottom = 44;
  const plotW = W - left - right,
    plotH = H - top - bottom;
  const totals = range.map((m) => CATEGORIES.reduce((n, c) => n + (months[m]?.[c] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const step = plotW / range.length;
  const barW = Math.max(1, step * 0.8);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" id="month-chart" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="chart-title">`,
  );
  parts.push('<title id="chart-title">Findings by month</title>');
  for (const v of [0, Math.round(max / 2), max]) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" font-size="11">${v}</text>`);
  }
  range.forEach((m, i) => {
    let base = 0;
    const x = left + i * step + (step - barW) / 2;
    for (const c of CATEGORIES) {
      const n = months[m]?.[c] ?? 0;
      if (n === 0) continue;
      const y0 = y(base + n),
        h = y(base) - y(base + n);
      parts.push(
        `<rect class="bar" x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${barW.toFixed(1)}" height="${Math.max(0.5, h).toFixed(1)}" fill="${CATEGORY_COLOUR[c]}"><title>${escapeHtml(`${m}: ${n} ${c}`)}</title></rect>`,
      );
      base += n;
    }
    const month = Number(m.slice(5, 7)) - 1;
    const label = range.length <= 18 ? `${MONTH_NAMES[month]} ${m.slice(2, 4)}` : month === 0 ? m.slice(0, 4) : '';
    if (label)
      parts.push(
        `<text x="${(left + i * step + step / 2).toFixed(1)}" y="${H - bottom + 16}" text-anchor="middle" font-size="11">${label}</text>`,
      );
  });
  const mx = left + range.indexOf(LETTER_MONTH) * step;
  parts.push(
    `<line id="letter-marker" x1="${mx.toFixed(1)}" x2="${mx.toFixed(1)}" y1="${top - 8}" y2="${top + plotH}" stroke="#c00" stroke-width="2" stroke-dasharray="5 3"/>`,
  );
  parts.push(
    `<text x="${(mx + 4).toFixed(1)}" y="${top - 12}" font-size="12" fill="#c00">NHS England letter, 10 March 2023</text>`,
  );
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${top + plotH}" y2="${top + plotH}" stroke="#555"/>`);
  parts.push('</svg>');
  return parts.join('');
}
