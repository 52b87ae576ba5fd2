// The one page: the Word task pane inside Word, the live demo everywhere else.
import { startDemo } from './demo/demo';
import { officeHost } from './office/load';
import { startWordPane } from './word/pane';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  const host = await officeHost(document, location.search);
  root.replaceChildren();
  root.removeAttribute('aria-busy');
  if (host === 'Word') {
    root.dataset.mode = 'word';
    await startWordPane(root);
  } else {
    root.dataset.mode = 'demo';
    startDemo(root);
  }
}

boot().catch((err: unknown) => {
  const root = document.getElementById('app');
  if (!root) return;
  const message = document.createElement('p');
  message.className = 'cl-error';
  message.setAttribute('role', 'alert');
  message.textContent = `CareLint could not start: ${err instanceof Error ? err.message : String(err)}. Reload the pane; your document is unchanged.`;
  root.replaceChildren(message);
  root.removeAttribute('aria-busy');
});
