import baseCss from '../../../web-ui/base.css';
import cardCss from '../../../web-ui/card.css';
import overlayCss from './overlay.css';

/**
 * The one element the extension adds to a page: a zero-size host at the end of <html> whose shadow root holds the
 * underlines, the textarea mirrors and the card. The page's styles cannot reach in, ours cannot leak out, and the
 * page's own DOM content and stored text are never changed.
 */
export class OverlayRoot {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  /** Textarea mirrors live here (hidden, for measuring). */
  readonly mirrors: HTMLElement;
  readonly popover: HTMLElement;

  constructor(readonly doc: Document) {
    this.host = doc.createElement('carelint-overlay');
    this.host.setAttribute(
      'style',
      'all: initial; position: fixed; left: 0; top: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;',
    );
    // open, so tests and assistive tools can read it; it holds nothing the page cannot already read from its own field
    this.shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    // the card is the demo's and the Word pane's card, with their shared styles; page-level rules scoped to this root
    style.textContent = `${baseCss.replace(/:root\b/g, ':host')}\n${cardCss}\n${overlayCss}`;
    this.mirrors = doc.createElement('div');
    this.popover = doc.createElement('div');
    this.popover.className = 'cl-popover';
    this.popover.hidden = true;
    this.popover.setAttribute('role', 'dialog');
    this.popover.setAttribute('aria-label', 'CareLint finding');
    this.shadow.append(style, this.mirrors, this.popover);
    doc.documentElement.append(this.host);
  }

  /** A clipped layer for one field's underlines. */
  layer(): HTMLElement {
    const layer = this.doc.createElement('div');
    layer.className = 'cl-layer';
    this.shadow.insertBefore(layer, this.popover);
    return layer;
  }

  /** Whether focus is inside the overlay (the card), seen from the page. */
  hasFocus(): boolean {
    return this.doc.activeElement === this.host;
  }
}
