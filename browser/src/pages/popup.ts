/// <reference types="chrome" />
import { CATEGORY_ORDER, categoryLabel, type Category } from '../../../shared-rules/src/index';
import { countsKey, type CountsMessage } from '../shared/messages';
import { originPattern, type Effective } from '../shared/policy';

/** The toolbar popup: whether CareLint is on for this site, the counts for the field last worked in, and the switch. */
async function main(): Promise<void> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  const status = document.getElementById('status')!;
  const toggle = document.getElementById('toggle') as HTMLButtonElement;
  const pattern = tab?.url ? originPattern(tab.url) : null;
  if (!tab?.id || !pattern) {
    status.textContent = 'CareLint works on web pages (http and https).';
    toggle.hidden = true;
    return;
  }
  const host = new URL(tab.url!).host;
  const effective = (await chrome.storage.local.get('effective')).effective as Effective | undefined;
  const site = effective?.sites.find((s) => s.pattern === pattern);
  const granted = await chrome.permissions.contains({ origins: [pattern] });
  if (site?.managed) {
    status.textContent = granted
      ? `On for ${host} (set by your organisation).`
      : `Your organisation turned CareLint on for ${host}. Allow it to read this site:`;
    toggle.textContent = 'Allow on this site';
    toggle.hidden = granted;
  } else if (site && granted) {
    status.textContent = `On for ${host}.`;
    toggle.textContent = 'Turn off for this site';
  } else {
    status.textContent = `Off for ${host}. Nothing on this site is read until you turn it on.`;
    toggle.textContent = 'Turn on for this site';
    toggle.hidden = effective?.locked.userSites === true;
  }
  toggle.addEventListener('click', async () => {
    if (site && granted && !site.managed) {
      await chrome.runtime.sendMessage({ type: 'disable', pattern });
    } else {
      // asked here, in the click, for this one site only
      if (!(await chrome.permissions.request({ origins: [pattern] }))) return;
      if (!site?.managed) await chrome.runtime.sendMessage({ type: 'enable', pattern });
      await chrome.scripting
        .executeScript({ target: { tabId: tab.id!, allFrames: true }, files: ['content.js'] })
        .catch(() => undefined);
    }
    window.close();
  });

  const counts = (await chrome.storage.session.get(countsKey(tab.id)))[countsKey(tab.id)] as
    | Omit<CountsMessage, 'type'>
    | undefined;
  const list = document.getElementById('counts')!;
  if (!counts) {
    list.textContent = site ? 'Click into a text field to check it.' : '';
    return;
  }
  const rows = CATEGORY_ORDER.map((c: Category) => row(categoryLabel(c), counts.byCategory[c] ?? 0, c));
  rows.push(row('Total in this field', counts.total, 'total'));
  list.replaceChildren(...rows);
}

function row(label: string, value: number, category: string): HTMLElement {
  const li = document.createElement('li');
  li.className = category === 'total' ? 'cl-count cl-count--total' : 'cl-count';
  li.dataset.category = category;
  const name = document.createElement('span');
  name.textContent = label;
  const n = document.createElement('span');
  n.className = 'cl-count__value';
  n.textContent = String(value);
  li.append(name, n);
  return li;
}

void main();
