// The Word layer against office-addin-mock, where its data-driven model fits: event registration through Word.run
// and context.sync, critiques handed to Paragraph.insertAnnotations, and requirement sets from Office.context.
// (Collections loaded as "items/text" and objects returned by search() are out of its reach; hosts.md part B.
// Those paths run against the stricter fake in support/fake-word.ts.)
import assert from 'node:assert/strict';
import { OfficeMockObject } from 'office-addin-mock';
import { CATEGORY_COLORS, POPUP_RESOURCE_IDS, replaceAnnotations } from '../../addin/src/word/annotations';
import { detectCapabilities } from '../../addin/src/word/capabilities';
import { queueGroup, type DocumentListener } from '../../addin/src/word/events';
import { lint } from '../../shared-rules/src/index';

function listener(log: string[]): DocumentListener {
  return {
    changed: (ids) => log.push(`changed ${ids}`),
    added: (ids) => log.push(`added ${ids}`),
    deleted: (ids) => log.push(`deleted ${ids}`),
    annotationClicked: (id) => log.push(`clicked ${id}`),
    annotationHovered: (id) => log.push(`hovered ${id}`),
    annotationPopupAction: (a) => log.push(`popup ${a.id} ${a.action} ${a.critiqueSuggestion}`),
  };
}

/** A mocked Word whose document events keep the handlers they are given. */
function mockWord() {
  const handlers: Record<string, (args: unknown) => Promise<void>> = {};
  const event = (name: string) => ({
    add: (h: (args: unknown) => Promise<void>) => {
      handlers[name] = h;
      return { remove() {}, context: { sync: async () => {} } };
    },
  });
  const word = new OfficeMockObject({
    context: {
      document: {
        onParagraphChanged: event('changed'),
        onParagraphAdded: event('added'),
        onParagraphDeleted: event('deleted'),
        onAnnotationClicked: event('clicked'),
        onAnnotationHovered: event('hovered'),
        onAnnotationPopupAction: event('popup'),
      },
    },
    run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
      return batch(this.context);
    },
  });
  return { word, handlers };
}

describe('Word layer with office-addin-mock', () => {
  it('registers each event group through Word.run and passes the events on', async () => {
    const { word, handlers } = mockWord();
    const log: string[] = [];
    await word.run(async (context: Word.RequestContext) => {
      queueGroup(context, 'paragraphs', true, listener(log));
      queueGroup(context, 'annotations', true, listener(log));
      await context.sync();
    });
    assert.deepEqual(Object.keys(handlers).sort(), ['added', 'changed', 'clicked', 'deleted', 'hovered', 'popup']);
    await handlers.changed({ uniqueLocalIds: ['p1', 'p2'] });
    await handlers.deleted({ uniqueLocalIds: ['p3'] });
    await handlers.clicked({ id: 'a1' });
    await handlers.popup({ id: 'a2', action: 'Accept', critiqueSuggestion: 'declined' });
    assert.deepEqual(log, ['changed p1,p2', 'deleted p3', 'clicked a1', 'popup a2 Accept declined']);
  });

  it('leaves the popup event out of the annotation group below WordApi 1.8', async () => {
    const { word, handlers } = mockWord();
    await word.run(async (context: Word.RequestContext) => {
      queueGroup(context, 'annotations', false, listener([]));
      await context.sync();
    });
    assert.deepEqual(Object.keys(handlers).sort(), ['clicked', 'hovered']);
  });

  it('hands Paragraph.insertAnnotations one critique per finding, after deleting the old ones', () => {
    const text = 'Mr Quill refused his tablets; a police constable will join his CPA review.';
    const findings = lint(text);
    const calls: unknown[] = [];
    let deleted = 0;
    const paragraph = new OfficeMockObject({
      text,
      insertAnnotations: (set: unknown) => {
        calls.push(set);
        return { value: ['a1', 'a2'] };
      },
    });
    const old = {
      items: [
        {
          delete: () => {
            deleted++;
          },
        },
        {
          delete: () => {
            deleted++;
          },
        },
      ],
    };
    const queued = replaceAnnotations(paragraph as never, old as never, findings, true);
    assert.equal(deleted, 2);
    assert.deepEqual(queued?.ids?.value, ['a1', 'a2']);
    assert.deepEqual(calls, [
      {
        critiques: findings.map((f) => ({
          start: f.start,
          length: f.end - f.start,
          colorScheme: CATEGORY_COLORS[f.category],
          popupOptions: {
            suggestions: f.suggestions.filter((s) => !s.includes('[')),
            titleResourceId: POPUP_RESOURCE_IDS.title[f.category],
            subtitleResourceId: 'Crit.Subtitle',
            brandingTextResourceId: 'Crit.Brand',
          },
        })),
      },
    ]);
  });

  it('reads the requirement sets from a mocked Office.context', () => {
    const upTo = (minor: number) =>
      new OfficeMockObject({
        context: {
          requirements: {
            isSetSupported: (name: string, v: string) => name === 'WordApi' && Number(v.split('.')[1]) <= minor,
          },
        },
      });
    const caps = (minor: number) => detectCapabilities((n, v) => upTo(minor).context.requirements.isSetSupported(n, v));
    assert.deepEqual(caps(3), { trackChanges: false, paragraphEvents: false, annotations: false, popup: false });
    assert.deepEqual(caps(4), { trackChanges: true, paragraphEvents: false, annotations: false, popup: false });
    assert.deepEqual(caps(6), { trackChanges: true, paragraphEvents: true, annotations: false, popup: false });
    assert.deepEqual(caps(7), { trackChanges: true, paragraphEvents: true, annotations: true, popup: false });
    assert.deepEqual(caps(8), { trackChanges: true, paragraphEvents: true, annotations: true, popup: true });
    assert.deepEqual(
      detectCapabilities(() => {
        throw new Error('no requirements API');
      }),
      { trackChanges: false, paragraphEvents: false, annotations: false, popup: false },
    );
  });
});
