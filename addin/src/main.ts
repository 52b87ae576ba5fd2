// The one page: the Word task pane inside Word, the live demo everywhere else.
import { startDemo } from './demo/demo';
import { insideOffice, officeHost } from './office/load';
import { startWordPane } from './word/pane';

async function boot(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) return;
  // Outside Office nothing of Microsoft's is loaded at all (office.js would try to open a telemetry frame): the
  // page is the demo. Office adds `_host_Info` to the pane's address when it opens it.
  const host = insideOffice(location.search) ? await officeHost(document, location.search) : null;
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
