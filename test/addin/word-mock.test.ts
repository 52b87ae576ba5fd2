// The Word layer against office-addin-mock, where its data-driven model fits: event registration through Word.run
// and context.sync, critiques handed to Paragraph.insertAnnotations, and requirement sets from Office.context.
// (Collections loaded as "items/text" and objects returned by search() are out of its reach; hosts.md part B.
// Those paths run against the stricter fake in support/fake-word.ts.)
import assert from 'node:assert/strict';
import { OfficeMockObject } from 'office-addin-mock';
import { CATEGORY_COLORS, POPUP_RESOURCE_IDS, replaceAnnotations } from '../../addin/src/word/annotations';
import { detectCapabilities } from '../../addin/src/word/capabilities';
import { POLL_INTERVAL_MS, watchDocument, type DocumentListener } from '../../addin/src/word/events';
import { lint } from '../../shared-rules/src/index';

function listener(log: string[]): DocumentListener {
  return {
    changed: (ids) => log.push(`changed ${ids}`),
    added: (ids) => log.push(`added ${ids}`),
    deleted: (ids) => log.push(`deleted ${ids}`),
    poll: async () => { log.push('poll'); },
    annotationClicked: (id) => log.push(`clicked ${id}`),
    annotationHovered: (id) => log.push(`hovered ${id}`),
    annotationPopupAction: (a) => log.push(`popup ${a.id} ${a.action} ${a.critiqueSuggestion}`),
    error: (m) => log.push(`error ${m}`),
  };
}

/** A mocked Word whose document events keep the handlers they are given. */
function mockWord() {
  const handlers: Record<string, (args: unknown) => Promise<void>> = {};
  const event = (name: string) => ({ add: (h: (args: unknown) => Promise<void>) => { handlers[name] = h; return { remove() {}, context: { sync: async () => {} } }; } });
  const word = new OfficeMockObject({
    context: {
      document: {
        onParagraphChanged: event('changed'), onParagraphAdded: event('added'), onParagraphDeleted: event('deleted'),
        onAnnotationClicked: event('clicked'), onAnnotationHovered: event('hovered'), onAnnotationPopupAction: event('popup'),
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) { return batch(this.context); },
  });
  return { word, handlers };
}

const ALL = { trackChanges: true, paragraphEvents: true, annotations: true, popup: true };
const noTimer = { every: () => { throw new Error('must not poll when events are registered'); } };

describe('Word layer with office-addin-mock', () => {
  it('registers paragraph and annotation events through Word.run and passes them on', async () => {
    const { word, handlers } = mockWord();
    const log: string[] = [];
    const watch = await watchDocument((batch) => word.run(batch), ALL, noTimer, listener(log));
    assert.equal(watch.mode, 'events');
    assert.deepEqual(Object.keys(handlers).sort(), ['added', 'changed', 'clicked', 'deleted', 'hovered', 'popup']);
    await handlers.changed({ uniqueLocalIds: ['p1', 'p2'] });
    await handlers.deleted({ uniqueLocalIds: ['p3'] });
    await handlers.clicked({ id: 'a1' });
    await handlers.popup({ id: 'a2', action: 'Accept', critiqueSuggestion: 'declined' });
    assert.deepEqual(log, ['changed p1,p2', 'deleted p3', 'clicked a1', 'popup a2 Accept declined']);
  });

  it('registers only what the requirement sets allow, and polls without paragraph events', async () => {
    const { word, handlers } = mockWord();
    let interval = 0;
    const log: string[] = [];
    const watch = await watchDocument((batch) => word.run(batch), { ...ALL, paragraphEvents: false, popup: false },
      { every: (ms, tick) => { interval = ms; tick(); return () => {}; } }, listener(log));
    assert.equal(watch.mode, 'polling');
    assert.equal(interval, POLL_INTERVAL_MS);
    assert.deepEqual(Object.keys(handlers).sort(), ['clicked', 'hovered']);
    assert.deepEqual(log, ['poll']);
  });

  it('hands Paragraph.insertAnnotations one critique per finding, after deleting the old ones', () => {
    const text = 'Mr Quill refused his tablets; a police constable will join his CPA review.';
    const findings = lint(text);
    const calls: unknown[] = [];
    let deleted = 0;
    const paragraph = new OfficeMockObject({ text, insertAnnotations: (set: unknown) => { calls.push(set); return { value: ['a1', 'a2'] }; } });
    const old = { items: [{ delete: () => { deleted++; } }, { delete: () => { deleted++; } }] };
    const ids = replaceAnnotations(paragraph as never, old as never, findings, true);
    assert.equal(deleted, 2);
    assert.deepEqual(ids?.value, ['a1', 'a2']);
    assert.deepEqual(calls, [{
      critiques: findings.map((f) => ({
        start: f.start, length: f.end - f.start, colorScheme: CATEGORY_COLORS[f.category],
        popupOptions: {
          suggestions: f.suggestions.filter((s) => !s.includes('[')),
          titleResourceId: POPUP_RESOURCE_IDS.title[f.category], subtitleResourceId: 'Crit.Subtitle', brandingTextResourceId: 'Crit.Brand',
        },
      })),
    }]);
  });

  it('reads the requirement sets from a mocked Office.context', () => {
    const upTo = (minor: number) => new OfficeMockObject({ context: { requirements: { isSetSupported: (name: string, v: string) => name === 'WordApi' && Number(v.split('.')[1]) <= minor } } });
    const caps = (minor: number) => detectCapabilities((n, v) => upTo(minor).context.requirements.isSetSupported(n, v));
    assert.deepEqual(caps(3), { trackChanges: false, paragraphEvents: false, annotations: false, popup: false });
    assert.deepEqual(caps(4), { trackChanges: true, paragraphEvents: false, annotations: false, popup: false });
    assert.deepEqual(caps(6), { trackChanges: true, paragraphEvents: true, annotations: false, popup: false });
    assert.deepEqual(caps(7), { trackChanges: true, paragraphEvents: true, annotations: true, popup: false });
    assert.deepEqual(caps(8), { trackChanges: true, paragraphEvents: true, annotations: true, popup: true });
    assert.deepEqual(detectCapabilities(() => { throw new Error('no requirements API'); }),
      { trackChanges: false, paragraphEvents: false, annotations: false, popup: false });
  });
});
