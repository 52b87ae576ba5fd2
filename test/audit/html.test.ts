/**
 * The HTML audit report in headless Chromium (Debian's, via test/support/browser.ts): it renders its chart and
 * its people table, shows markup from the export as text, runs nothing, and makes no request at all.
 * A screenshot is kept in test-artifacts/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openBrowser, type BrowserSession } from '../support/browser';
import { writeSyntheticExport } from '../fixtures/audit/synthetic.mjs';

const ROOT = resolve(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'carelint.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'audit');
const ARTIFACTS = join(ROOT, 'test-artifacts');

describe('carelint audit: HTML report in Chromium', function () {
  this.timeout(60000);
  let tmp: string;
  let session: BrowserSession;
  let report: string;
  let json: {
    people: Array<{ id: string; score: number }>;
    totals: { findings: number; months: Record<string, unknown> };
  };
  const dialogs: string[] = [];

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'carelint-audit-html-'));
    const synthetic = join(tmp, 'synthetic.csv');
    writeSyntheticExport(synthetic, { bytes: 400_000, seed: 5, people: 40 });
    const inputs = [join(FIXTURES, 'xss.csv'), join(FIXTURES, 'basic.csv'), synthetic];
    report = join(tmp, 'report.html');
    const r = spawnSync(process.execPath, [BIN, 'audit', '--output', report, ...inputs], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    json = JSON.parse(
      spawnSync(process.execPath, [BIN, 'audit', '--format', 'json', ...inputs], { encoding: 'utf8' }).stdout,
    );
    session = await openBrowser();
    session.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await session.page.goto(pathToFileURL(report).href);
  });

  after(async () => {
    await session?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('carries a CSP that allows no request, and no script', () => {
    const html = readFileSync(report, 'utf8');
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;/,
    );
    assert.doesNotMatch(html, /<script|<link|src="http|href="http/i);
  });

  it('renders the month chart with bars and the March 2023 marker', async () => {
    const chart = await session.page.evaluate(() => {
      const svg = document.querySelector('svg#month-chart')!;
      const box = svg.getBoundingClientRect();
      const marker = document.querySelector('#letter-marker')!.getBoundingClientRect();
      const bars = [...svg.querySelectorAll('rect.bar')].map((r) => r.getBoundingClientRect().height);
      return { width: box.width, height: box.height, bars, markerHeight: marker.height, label: svg.textContent };
    });
    assert.ok(chart.width > 400 && chart.height > 100, JSON.stringify(chart));
    assert.ok(chart.bars.length >= Object.keys(json.totals.months).length, 'at least one bar per month with findings');
    assert.ok(chart.bars.every((h) => h > 0));
    assert.ok(chart.markerHeight > 50);
    assert.match(chart.label!, /NHS England letter, 10 March 2023/);
  });

  it('renders the people table in rank order, with totals by category and rule', async () => {
    const table = await session.page.evaluate(() => ({
      people: [...document.querySelectorAll('#people-table tbody tr')].map((tr) => [
        tr.querySelector('td.person')!.textContent,
        Number(tr.children[2].textContent),
      ]),
      categories: document.querySelectorAll('#category-table tbody tr').length,
      rules: document.querySelectorAll('#rule-table tbody tr').length,
    }));
    assert.deepEqual(
      table.people,
      json.people.map((p) => [p.id, p.score]),
    );
    assert.equal(table.categories, 4);
    assert.ok(table.rules > 3);
  });

  it('shows markup from the export as text and runs none of it', async () => {
    const state = await session.page.evaluate(() => ({
      images: document.images.length,
      scripts: document.scripts.length,
      ids: [...document.querySelectorAll('td.person')].map((td) => td.textContent),
      excerpts: [...document.querySelectorAll('.excerpt')].map((s) => s.textContent).join('\n'),
    }));
    assert.equal(state.images, 0);
    assert.equal(state.scripts, 0);
    assert.ok(state.ids.includes('<img src=x onerror=alert(1)>'));
    assert.match(
      state.excerpts,
      /<script>alert\(2\)<\/script> Staff describe her as attention seeking & manipulative, "so they say"/,
    );
    assert.deepEqual(dialogs, []);
  });

  it('fits the window at 1280 and 400 px with every record open: no sideways scrolling', async () => {
    await session.page.evaluate(() =>
      document.querySelectorAll('details').forEach((d) => {
        d.open = true;
      }),
    );
    for (const width of [1280, 400]) {
      await session.page.setViewportSize({ width, height: 860 });
      const fit = await session.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth,
        beyond: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5)
          .slice(0, 5)
          .map(
            (el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)} px`,
          ),
        // each person still shows their id and score in the window
        people: [...document.querySelectorAll('#people-table td.person')].every(
          (td) => td.getBoundingClientRect().width > 40,
        ),
      }));
      assert.ok(
        fit.scrollWidth <= fit.innerWidth,
        `${width} px: the page is ${fit.scrollWidth} px wide; past the edge: ${fit.beyond.join(', ')}`,
      );
      assert.ok(fit.people, `${width} px: person ids squeezed`);
      mkdirSync(ARTIFACTS, { recursive: true });
      await session.page.screenshot({ path: join(ARTIFACTS, `audit-report-${width}.png`) });
    }
    await session.page.setViewportSize({ width: 1280, height: 860 });
  });

  it('keeps a screenshot and made no request beyond the file itself', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await session.page
      .locator('#people-table details')
      .first()
      .evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await session.page.screenshot({ path: join(ARTIFACTS, 'audit-report.png'), fullPage: true });
    assert.deepEqual(session.foreignRequests(), []);
    assert.deepEqual(
      session.requests.filter((u) => !u.startsWith('file:')),
      [],
    );
  });
});
