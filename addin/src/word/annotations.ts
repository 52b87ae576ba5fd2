/// <reference types="office-js" />
// Inline critiques (WordApi 1.7): one underline colour per category, and (WordApi 1.8) the rewrites in the popup.
// Critique offsets are paragraph-relative, like the findings of a paragraph's own lint.
import { isSlotRewrite } from '../../../shared-rules/src/index';
import type { Category, Finding } from '../../../shared-rules/src/index';

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
      // A slot rewrite ("[describe what happened]") needs the writer's facts: offered in the task pane, not one click.
      suggestions: finding.suggestions.filter((s) => !isSlotRewrite(s)),
      titleResourceId: POPUP_RESOURCE_IDS.title[finding.category],
      subtitleResourceId: POPUP_RESOURCE_IDS.subtitle,
      brandingTextResourceId: POPUP_RESOURCE_IDS.branding,
    };
  }
  return critique;
}

/** Queued: the ids of this add-in's annotations on each paragraph, to delete before new ones go in. */
export function loadAnnotations(paragraphs: Word.Paragraph[]): Word.AnnotationCollection[] {
  return paragraphs.map((p) => {
    const annotations = p.getAnnotations();
    annotations.load('items/id');
    return annotations;
  });
}

/** Queued: replace a paragraph's critiques. The ids (in `findings` order) are readable after the next sync. */
export function replaceAnnotations(
  paragraph: Word.Paragraph, old: Word.AnnotationCollection, findings: Finding[], withPopup: boolean,
): OfficeExtension.ClientResult<string[]> | null {
  for (const annotation of old.items) annotation.delete();
  if (findings.length === 0) return null;
  return paragraph.insertAnnotations({ critiques: findings.map((f) => critiqueFor(f, withPopup)) });
}
