/// <reference types="chrome" />
import { CATEGORY_ORDER, categoryLabel, loadConfig, type Locale } from '../../../shared-rules/src/index';
import { KEYS } from '../shared/messages';
import { effectiveSettings, EMPTY_SETTINGS, toMatchPattern, type Effective, type UserSettings } from '../shared/policy';

/** The options page: categories, locale and sites. What the organisation's policy sets is shown, and locked. */
async function settings(): Promise<UserSettings> {
  return {
    ...EMPTY_SETTINGS,
    ...((await chrome.storage.local.get(KEYS.settings))[KEYS.settings] as UserSettings | undefined),
  };
}
async function save(s: UserSettings): Promise<void> {
  await chrome.storage.local.set({ [KEYS.settings]: s });
}
/** What the worker last computed from the policy and the settings (it rewrites it on every change). */
async function effective(): Promise<Effective> {
  const stored = (await chrome.storage.local.get(KEYS.effective))[KEYS.effective] as Effective | undefined;
  return stored ?? effectiveSettings(null, await settings());
}

async function render(): Promise<void> {
  const eff = await effective();
  const user = await settings();
  const managedNote = ' (set by your organisation)';

  const cats = document.getElementById('categories')!;
  cats.replaceChildren(
    ...CATEGORY_ORDER.map((c) => {
      const label = document.createElement('label');
      label.className = 'cl-option';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = c;
      box.checked = eff.categories[c];
      const locked = eff.locked.categories.includes(c);
      box.disabled = locked;
      box.addEventListener('change', async () => {
        const s = await settings();
        await save({ ...s, categories: { ...s.categories, [c]: box.checked } });
      });
      label.append(box, ` ${categoryLabel(c)}${locked ? managedNote : ''}`);
      return label;
    }),
  );

  const locale = document.getElementById('locale') as HTMLSelectElement;
  locale.value = eff.locale;
  locale.disabled = eff.locked.locale;
  document.getElementById('locale-note')!.textContent = eff.locked.locale ? managedNote : '';
  locale.onchange = async () => save({ ...(await settings()), locale: locale.value as Locale });

  const sites = document.getElementById('sites')!;
  sites.replaceChildren(
    ...eff.sites.map((site) => {
      const li = document.createElement('li');
      li.textContent = site.pattern + (site.managed ? managedNote : '');
      if (!site.managed && user.sites.includes(site.pattern)) {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'cl-button';
        remove.textContent = 'Turn off';
        remove.setAttribute('aria-label', `Turn CareLint off for ${site.pattern}`);
        remove.addEventListener(
          'click',
          () => void chrome.runtime.sendMessage({ type: 'disable', pattern: site.pattern }),
        );
        li.append(' ', remove);
      }
      return li;
    }),
  );
  if (eff.sites.length === 0) sites.textContent = 'None: CareLint reads no site until you turn it on for one.';

  const form = document.getElementById('add-site') as HTMLFormElement;
  form.hidden = eff.locked.userSites;
  form.onsubmit = async (e) => {
    e.preventDefault();
    const input = form.elements.namedItem('site') as HTMLInputElement;
    const pattern = toMatchPattern(input.value);
    const error = document.getElementById('site-error')!;
    if (!pattern) {
      error.textContent = 'Type a web address such as https://records.example.nhs.uk';
      return;
    }
    error.textContent = '';
    if (!(await chrome.permissions.request({ origins: [pattern] }))) return;
    await chrome.runtime.sendMessage({ type: 'enable', pattern });
    input.value = '';
  };

  const problems = loadConfig(eff.configText, 'organisation policy (Config)').problems;
  const box = document.getElementById('problems')!;
  box.hidden = problems.length === 0;
  box.textContent = problems.map((p) => `${p.message}. ${p.fix}`).join('\n');
}

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[KEYS.effective]) void render();
});
void render();
