/// <reference types="office-js" />
// Which host the page runs in. Inside Office the page gets Microsoft's hosted office.js (the only copy Office
// supports); anywhere else it gets the local copy served at /office-js/, so the demo never asks anything of the
// internet. Office appends `_host_Info` to the add-in's URL when it opens the task pane.
const HOSTED_OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const LOCAL_OFFICE_JS = '/office-js/office.js';

export function insideOffice(search: string): boolean {
  return new URLSearchParams(search).has('_host_Info');
}

function loadScript(doc: Document, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    doc.head.append(script);
  });
}

function within<T>(ms: number, promise: Promise<T>, fallback: T): Promise<T> {
  return Promise.race([promise, new Promise<T>((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

/** The Office host name ("Word", …), or null outside Office or when office.js is not available. */
export async function officeHost(doc: Document, search: string, timeoutMs = 10_000): Promise<string | null> {
  const inside = insideOffice(search);
  try {
    await within(timeoutMs, loadScript(doc, inside ? HOSTED_OFFICE_JS : LOCAL_OFFICE_JS), undefined);
  } catch {
    return null; // a static copy of the demo without /office-js/ still works
  }
  if (typeof Office === 'undefined') return null;
  const info = await within(timeoutMs, Office.onReady(), null);
  return info?.host ? String(info.host) : null;
}
