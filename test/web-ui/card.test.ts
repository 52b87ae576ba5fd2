// The shared finding card (web-ui/card.ts), rendered into a happy-dom document. The demo, the Word pane and the
// browser extension all use it, so hostile text in any field must come out as text, and the shared stylesheets
// beside it (web-ui/base.css, card.css) must style every part of it: a host that loads them gets the whole card.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import {
  lint,
  type Finding,
  categoryLabel,
  CATEGORY_ORDER,
  autoRewrite,
  severityLabel,
} from '../../shared-rules/src/index';
import { renderFindingCard, type CardActions } from '../../web-ui/card';
import { CATEGORIES } from '../../shared-rules/src/types';

function blankDocument(): Document {
  return new Window().document as unknown as Document;
}

const HOSTILE: Finding = {
  ruleId: 'custom-rule',
  category: 'stigmatizing-language',
  severity: 'warning',
  start: 0,
  end: 29,
  text: '<img src=x onerror=alert(1)>',
  message: 'Consider <b>this</b> [click](javascript:alert(2))',
  rationale: '<script>alert(3)</script> **bold**',
  sources: [
    { id: 'a', title: '<i>Evil</i> title', url: 'javascript:alert(4)' },
    { id: 'b', title: 'Real guidance', url: 'https://example.org/guidance?a=1&b=<2>' },
    { id: 'c', title: 'Book without a link' },
  ],
  suggestions: ['<svg onload=alert(5)>', '[describe what happened]'],
  suggestionKinds: ['rewrite', 'prompt'],
  guidance: ['<b>Change</b> the plan'],
};

describe('shared finding card', () => {
  it('renders every field of a finding as text, never as markup', () => {
    const doc = blankDocument();
    const card = renderFindingCard(doc, HOSTILE, { onRewrite() {}, onIgnore() {} });
    doc.body.append(card);
    assert.equal(card.querySelectorAll('img, b, i, script, svg').length, 0);
    assert.equal(card.querySelector('.cl-card__text')?.textContent, HOSTILE.text);
    assert.equal(card.querySelector('.cl-card__message')?.textContent, HOSTILE.message);
    assert.equal(card.querySelector('.cl-card__rationale')?.textContent, HOSTILE.rationale);
    assert.deepEqual(
      [...card.querySelectorAll('.cl-card__rewrite')].map((b) => b.textContent),
      HOSTILE.suggestions,
    );
    assert.match(card.outerHTML, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('links only http(s) sources, with noreferrer, and leaves other addresses as text', () => {
    const doc = blankDocument();
    const card = renderFindingCard(doc, HOSTILE, {});
    const items = [...card.querySelectorAll('.cl-card__source-list li')];
    assert.equal(items.length, 3);
    assert.equal(items[0].querySelector('a'), null, 'a javascript: address is not a link');
    assert.equal(items[0].textContent, '<i>Evil</i> title (javascript:alert(4))');
    const link = items[1].querySelector('a') as HTMLAnchorElement;
    assert.ok(link);
    assert.equal(link.getAttribute('href'), new URL(HOSTILE.sources[1].url!).href);
    assert.match(link.getAttribute('rel') ?? '', /noreferrer/);
    assert.equal(link.getAttribute('target'), '_blank');
    assert.equal(link.textContent, 'Real guidance');
    assert.equal(items[2].textContent, 'Book without a link');
  });

  it('shows a button only for the actions the host supplies, and each calls back with the finding', () => {
    const doc = blankDocument();
    const calls: string[] = [];
    const actions: CardActions = {
      onSelect: (f) => calls.push(`select ${f.ruleId}`),
      onRewrite: (f, s) => calls.push(`rewrite ${f.ruleId} ${s}`),
      onReplaceAll: (f) => calls.push(`all ${f.ruleId}`),
    };
    const card = renderFindingCard(doc, HOSTILE, actions);
    const actionButtons = [...card.querySelectorAll<HTMLButtonElement>('.cl-card__action')];
    assert.deepEqual(
      actionButtons.map((b) => b.textContent),
      ['Select', 'Replace all'],
    );
    for (const b of actionButtons) b.dispatchEvent(new doc.defaultView!.Event('click'));
    const rewrites = [...card.querySelectorAll<HTMLButtonElement>('.cl-card__rewrite')];
    rewrites[1].dispatchEvent(new doc.defaultView!.Event('click'));
    assert.deepEqual(calls, ['select custom-rule', 'all custom-rule', 'rewrite custom-rule [describe what happened]']);
    assert.match(rewrites[1].getAttribute('title') ?? '', /fill in/);
    assert.equal(rewrites[1].getAttribute('type'), 'button');

    const readOnly = renderFindingCard(doc, HOSTILE, {});
    assert.equal(readOnly.querySelectorAll('button').length, 0);
    assert.deepEqual(
      [...readOnly.querySelectorAll('.cl-card__suggestion')].map((s) => s.textContent),
      HOSTILE.suggestions,
    );
  });

  it('labels a real finding with its category, and knows every category', () => {
    assert.deepEqual([...CATEGORY_ORDER].sort(), [...CATEGORIES].sort());
    const [finding] = lint('She was noncompliant with her medication.');
    assert.ok(finding);
    const card = renderFindingCard(blankDocument(), finding, {});
    assert.equal(card.getAttribute('data-category'), finding.category);
    assert.equal(card.querySelector('.cl-card__category')?.textContent, categoryLabel(finding.category));
    assert.equal(card.getAttribute('aria-label'), `${categoryLabel(finding.category)}: ${finding.message}`);
  });
});

describe('shared finding card: what comes first, guidance, prompts, sources', () => {
  const base = lint('She was noncompliant with her medication.')[0];
  const GUIDANCE = ['Agree with the person how they would like to be supported at reviews.'];
  const withGuidance = {
    ...base,
    guidance: GUIDANCE,
    suggestions: ['not taking', 'not on', '[describe which treatment was not taken and why]'],
    suggestionKinds: ['rewrite', 'rewrite', 'prompt'],
    sources: [...base.sources, ...base.sources],
  } as Finding;

  it('shows the message and the rewrites before the rationale, which waits one click away with the sources', () => {
    const card = renderFindingCard(blankDocument(), base, { onRewrite() {} });
    const order = [...card.children].map((c) => c.className);
    assert.ok(order.indexOf('cl-card__message') < order.indexOf('cl-card__rewrites'));
    assert.ok(order.indexOf('cl-card__rewrites') < order.indexOf('cl-card__more'));
    const more = card.querySelector('details.cl-card__more')!;
    assert.equal(more.hasAttribute('open'), false, 'closed until the writer asks');
    assert.ok(more.querySelector('.cl-card__rationale') && more.querySelector('.cl-card__source-list'));
  });

  it('shows guidance as advice and never as a button; prompts are marked as prompts', () => {
    const card = renderFindingCard(blankDocument(), withGuidance, { onRewrite() {}, onReplaceAll() {}, onIgnore() {} });
    assert.equal(card.querySelector('.cl-card__advice')?.textContent, GUIDANCE[0]);
    for (const button of card.querySelectorAll('button'))
      assert.ok(!GUIDANCE.some((g) => button.textContent!.includes(g)), `guidance on a button: ${button.textContent}`);
    assert.deepEqual(
      [...card.querySelectorAll<HTMLElement>('.cl-card__rewrite')].map((b) => b.dataset.kind),
      ['rewrite', 'rewrite', 'prompt'],
    );
  });

  it("lists each source once, and names the severity in the domain's words", () => {
    const card = renderFindingCard(blankDocument(), withGuidance, {});
    assert.equal(
      card.querySelectorAll('.cl-card__source-list li').length,
      new Set(base.sources.map((s) => s.url ?? s.title)).size,
    );
    const severity = card.querySelector('.cl-card__severity')?.textContent ?? '';
    assert.doesNotMatch(severity, /error|warning|information/i);
    assert.equal(severity, severityLabel(base.severity));
  });

  it('offers Replace all only where a rewrite exists (a finding with only prompts has none)', () => {
    const promptOnly = {
      ...base,
      suggestions: ['[describe which treatment was not taken]'],
      suggestionKinds: ['prompt'],
    } as Finding;
    const card = renderFindingCard(blankDocument(), promptOnly, { onReplaceAll() {}, onRewrite() {} });
    assert.equal(card.querySelector('[data-action="replace-all"]'), null);
    assert.equal(autoRewrite(promptOnly), undefined);
    assert.equal(
      autoRewrite(base),
      base.suggestions.find((s) => !s.includes('[')),
    );
  });

  it('is styled entirely by the shared stylesheets beside it, whose colours they define themselves', () => {
    const css = (name: string) => readFileSync(join(__dirname, '../../web-ui', name), 'utf8');
    const shared = css('base.css') + css('card.css');
    const card = renderFindingCard(blankDocument(), withGuidance, {
      onSelect() {},
      onRewrite() {},
      onIgnore() {},
      onReplaceAll() {},
    });
    const classes = new Set([card, ...card.querySelectorAll('*')].flatMap((e) => [...e.classList]));
    assert.ok(classes.size > 10, `${classes.size} classes`);
    // names that only mark a part for hosts and tests, inheriting the card's look
    const hooks = new Set(['cl-card__category', 'cl-card__text']);
    const unstyled = [...classes].filter((c) => !hooks.has(c) && !new RegExp(`\\.${c}(?![\\w-])`).test(shared));
    assert.deepEqual(unstyled, [], 'classes of the card with no rule in web-ui/base.css or card.css');
    const defined = new Set([...shared.matchAll(/(--cl-[\w-]+)\s*:/g)].map((m) => m[1]));
    const used = new Set([...shared.matchAll(/var\((--cl-[\w-]+)\)/g)].map((m) => m[1]));
    assert.deepEqual(
      [...used].filter((v) => !defined.has(v)),
      [],
      'a colour or font the shared stylesheets use but do not define',
    );
  });

  it("hosts take every category's colour from web-ui/base.css, none of their own", () => {
    const read = (file: string) => readFileSync(join(__dirname, '../..', file), 'utf8');
    const base = read('web-ui/base.css');
    const defined = new Set([...base.matchAll(/(--cl-[\w-]+)\s*:/g)].map((m) => m[1]));
    for (const file of ['addin/taskpane.css', 'browser/src/content/overlay.css', 'web-ui/card.css']) {
      const css = read(file);
      const undefinedVars = [...css.matchAll(/var\((--cl-[\w-]+)\)/g)].map((m) => m[1]).filter((v) => !defined.has(v));
      assert.deepEqual(undefinedVars, [], `${file} uses colours web-ui/base.css does not define`);
      const ownColours = css
        .split('\n')
        .filter((line) => /data-category=/.test(line) && /#[0-9a-f]{3,8}\b|rgba?\(/i.test(line));
      assert.deepEqual(ownColours, [], `${file} colours a category itself`);
    }
  });
});
