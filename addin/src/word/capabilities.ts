/** What this Word can do, from its requirement sets; everything newer than WordApi 1.1 is optional. */
export interface Capabilities {
  /** WordApi 1.4: Document.changeTrackingMode, so rewrites can be applied as tracked changes. */
  trackChanges: boolean;
  /** WordApi 1.6: Paragraph.uniqueLocalId, getParagraphByUniqueLocalId and the paragraph events. */
  paragraphEvents: boolean;
  /** WordApi 1.7: critique annotations (inline underlines) and the annotation click/hover events. */
  annotations: boolean;
  /** WordApi 1.8: rewrites offered in the critique popup, and onAnnotationPopupAction. */
  popup: boolean;
}

export type IsSetSupported = (name: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const word = (version: string) => {
    try {
      return isSetSupported('WordApi', version) === true;
    } catch {
      return false; // an old host without the requirements API has none of these
    }
  };
  return { trackChanges: word('1.4'), paragraphEvents: word('1.6'), annotations: word('1.7'), popup: word('1.8') };
}
