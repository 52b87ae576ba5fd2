// The category palette is defined once (editor-common/category-palette.ts) and VS Code draws from it. The demo and
// Word pane's stylesheets (web-ui/*.css, shared with the browser extension, then addin/taskpane.css) cannot import
// TypeScript, so this test holds them, and Word's critique colour schemes, equal to it: a colour changed in one place
// and not the other fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATEGORY_ORDER } from '../../shared-rules/src/index';
import { CATEGORY_PALETTE, underlineCss, withAlpha } from '../../editor-common/category-palette';
import { CATEGORY_COLORS as WORD_COLORS } from '../../addin/src/word/annotations';

const ROOT = resolve(__dirname, '..', '..');
// in the order taskpane.html loads them, so a later rule wins as it does in the page
const CSS = ['web-ui/base.css', 'web-ui/card.css', 'addin/taskpane.css']
  .map((file) => readFileSync(resolve(ROOT, file), 'utf8'))
  .join('\n');

/** Every declaration of the rules whose selector list names `selector`, later rules winning, var() resolved. */
function declarations(css: string, selector: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const m of css.matchAll(/(--cl-[\w-]+)\s*:\s*([^;]+);/g)) vars[m[1]] = m[2].trim();
  const out: Record<string, string> = {};
  for (const rule of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    if (!rule[1].split(',').some((s) => s.trim() === selector)) continue;
    for (const d of rule[2].split(';')) {
      const [name, ...value] = d.split(':');
      if (!value.length) continue;
      out[name.trim()] = value
        .join(':')
        .trim()
        .replace(/var\((--cl-[\w-]+)\)/g, (_, v: string) => vars[v] ?? `undefined ${v}`);
    }
  }
  return out;
}

/** `rgb(11 92 173 / 0.10)` (the stylesheet's tint syntax) as [r, g, b, alpha]. */
function rgbParts(css: string | undefined): number[] | undefined {
  const m = css && /rgb\(\s*(\d+)\s+(\d+)\s+(\d+)\s*\/\s*([\d.]+)\s*\)/.exec(css);
  return m ? m.slice(1).map(Number) : undefined;
}

describe('category palette: one set of colours for the demo, Word and VS Code', () => {
  for (const category of CATEGORY_ORDER) {
    it(`${category}: the demo and Word pane underline it in the palette's colour and line style`, () => {
      const look = CATEGORY_PALETTE[category];
      const mark = declarations(CSS, `.cl-mark[data-category="${category}"]`);
      assert.equal(mark['text-decoration-color']?.toLowerCase(), look.color);
      assert.equal(mark['text-decoration-style'], look.line);
      assert.equal(mark['text-decoration-thickness'], look.thickness);
      const [r, g, b, alpha] = rgbParts(mark.background) ?? [];
      assert.equal(withAlpha(look.color, look.tintAlpha), `rgba(${r}, ${g}, ${b}, ${alpha})`, 'the tint');
      // The card's and the legend's accent is the same colour.
      assert.equal(
        declarations(CSS, `.cl-card[data-category="${category}"]`)['border-left-color']?.toLowerCase(),
        look.color,
      );
    });
  }

  it("Word's inline critiques use the palette's colour scheme names", () => {
    assert.deepEqual(
      Object.fromEntries(CATEGORY_ORDER.map((c) => [c, WORD_COLORS[c]])),
      Object.fromEntries(CATEGORY_ORDER.map((c) => [c, CATEGORY_PALETTE[c].word])),
    );
  });

  it('the CSS underline VS Code draws is the one the stylesheet spells out', () => {
    assert.equal(underlineCss(CATEGORY_PALETTE['punitive-approach']), 'underline solid #b3261e 3px');
    assert.equal(underlineCss(CATEGORY_PALETTE['discriminatory-attitude']), 'underline wavy #a0195f');
    assert.throws(() => withAlpha('blue', 0.1), /not a #rrggbb colour: blue/);
  });

  it('the parser reads what it claims (a changed colour in the stylesheet would be seen)', () => {
    const changed = CSS.replace('--cl-stigma: #6647b8', '--cl-stigma: #123456');
    assert.notEqual(changed, CSS, 'the stylesheet still defines --cl-stigma as #6647b8');
    assert.equal(
      declarations(changed, '.cl-mark[data-category="stigmatizing-language"]')['text-decoration-color'],
      '#123456',
    );
  });
});
