import type { Category } from '../shared-rules/src/index';

/** How a category's findings are drawn. Line styles differ too, so categories stay apart without colour. */
export interface CategoryLook {
  /** Underline and accent colour, #rrggbb. */
  color: string;
  /** CSS text-decoration-style of the underline. */
  line: 'double' | 'solid' | 'wavy' | 'dashed';
  /** CSS text-decoration-thickness, when the underline is heavier than the font's own. */
  thickness?: string;
  /** Opacity of the colour as a background tint behind the flagged words. */
  tintAlpha: number;
  /** Word's nearest CritiqueColorScheme (Word draws annotations in named colours only). */
  word: 'Blue' | 'Red' | 'Berry' | 'Lavender';
}

/**
 * One palette for every host, so a trainer sees a category in the same colour in the demo, Word and VS Code.
 * The demo and Word pane stylesheets (web-ui/base.css, web-ui/card.css) cannot import TypeScript: test/extension/category-palette.test.ts
 * holds its colours, line styles and tints, and Word's colour schemes, equal to these.
 */
export const CATEGORY_PALETTE: Readonly<Record<Category, CategoryLook>> = {
  'police-involvement': { color: '#0b5cad', line: 'double', tintAlpha: 0.1, word: 'Blue' },
  'punitive-approach': { color: '#b3261e', line: 'solid', thickness: '3px', tintAlpha: 0.1, word: 'Red' },
  'discriminatory-attitude': { color: '#a0195f', line: 'wavy', tintAlpha: 0.1, word: 'Berry' },
  'stigmatizing-language': { color: '#6647b8', line: 'dashed', tintAlpha: 0.1, word: 'Lavender' },
};

/** `#rrggbb` at `alpha`, as CSS `rgba()` (for hosts that take a colour string, such as VS Code decorations). */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = m.slice(1).map((h) => Number.parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** The CSS `text-decoration` value that draws a category's underline. */
export function underlineCss(look: CategoryLook): string {
  return ['underline', look.line, look.color, look.thickness].filter(Boolean).join(' ');
}
