/// <reference types="office-js" />
// Inline critiques (WordApi 1.7): one underline colour per category, and (WordApi 1.8) ready rewrites in the popup.
// Critique offsets count the paragraph's checked text (see text.ts), like the findings of its own lint.
import type { Category, Finding } from '../../../shared-rules/src/index';
import { popupSuggestions } from './suggestions';

export const CATEGORY_COLORS: Record<Category, Word.CritiqueColorScheme> = {
  'punitive-approach': 'Red' as Word.CritiqueColorScheme,
  'police-involvement': 'Blue' as Word.CritiqueColorScheme,
  'discriminatory-attitude': 'Berry' as Word.CritiqueColorScheme,
  'stigmatizing-language': 'Lavender' as Word.CritiqueColorScheme,
};

/** Popup titles are manifest string ids (addin/manifest.xml, <bt:ShortStrings>), not free text. */
export const POPUP_RESOURCE_IDS = {
  title: {
    'police-involvement': 'Crit.Police',
    'punitive-approach': 'Crit.Punitive',
    'discriminatory-attitude': 'Crit.Discrim',
    'stigmatizing-language': 'Crit.Stigma',
  } as Record<Category, string>,
  subtitle: 'Crit.Subtitle',
  branding: 'Crit.Brand',
};

export function critiqueFor(finding: Finding, withPopup: boolean): Word.Critique {
  const critique: Word.Critique = {
    start: finding.start,
    length: finding.end - finding.start,
    colorScheme: CATEGORY_COLORS[finding.category],
  };
  if (withPopup) {
    critique.popupOptions = {
      // Only ready rewrites: a prompt needs the writer's facts and guidance is never inserted (task pane only).
      suggestions: popupSuggestions(finding),
      titleResourceId: POPUP_RESOURCE_IDS.title[finding.category],
      subtitleResourceId: POPUP_RESOURCE_IDS.subtitle,
      brandingTextResourceId: POPUP_RESOURCE_IDS.branding,
    };
  }
  return critique;
}

/** Queued: the critiques on a paragraph, to delete before new ones go in. */
export function loadAnnotations(paragraph: Word.Paragraph): Word.AnnotationCollection {
  const annotations = paragraph.getAnnotations();
  annotations.load('items/id');
  return annotations;
}

/**
 * Queued: replace a paragraph's critiques. The ids (in `findings` order) are readable after the next sync.
 * Returns null when nothing was queued (no old critique, no finding), so the caller can skip the round trip.
 */
export function replaceAnnotations(
  paragraph: Word.Paragraph,
  old: Word.AnnotationCollection | null,
  findings: Finding[],
  withPopup: boolean,
): { ids: OfficeExtension.ClientResult<string[]> | null } | null {
  const stale = old?.items ?? [];
  for (const annotation of stale) annotation.delete();
  if (findings.length === 0) return stale.length > 0 ? { ids: null } : null;
  return { ids: paragraph.insertAnnotations({ critiques: findings.map((f) => critiqueFor(f, withPopup)) }) };
}
