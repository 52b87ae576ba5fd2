// The Word add-in manifest, checked offline. Microsoft's validator (`office-addin-manifest validate`) needs its web
// service, so this suite never calls it; instead: office-addin-manifest parses the XML, office-addin-manifest-converter
// turns it into the unified JSON manifest, and that JSON is checked against the schema bundled in
// @microsoft/app-manifest. The XML's own cross-references (resids, icon files, popup title ids) are checked here too.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManifestUtil } from '@microsoft/app-manifest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { convert } from 'office-addin-manifest-converter';
import { POPUP_RESOURCE_IDS } from '../../addin/src/word/annotations';

const MANIFEST = 'addin/manifest.xml';
// The converter writes `getStartedMessages` (from <GetStarted>), which the unified schema accepts from v1.23 on.
const SCHEMA_VERSION = '1.23';

async function toUnifiedJson(xmlPath: string): Promise<Record<string, any>> {
  const out = mkdtempSync(join(tmpdir(), 'carelint-manifest-'));
  try {
    // imageDownload=false: the converter would otherwise fetch every icon URL.
    await convert(
      xmlPath,
      out,
      false,
      `https://developer.microsoft.com/json-schemas/teams/v${SCHEMA_VERSION}/MicrosoftTeams.schema.json`,
      SCHEMA_VERSION,
    );
    return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function schemaErrors(manifest: Record<string, any>): Promise<string[]> {
  const schema = JSON.parse(
    readFileSync(
      require.resolve(
        `@microsoft/app-manifest/build/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
      ),
      'utf8',
    ),
  );
  // Never ManifestUtil.validateManifest(): it downloads the schema named in $schema.
  return ManifestUtil.validateManifestAgainstSchema(manifest as never, schema);
}

/** resid="…" references in the XML that no <bt:Image|Url|String id="…"> defines. */
function danglingResids(xml: string): string[] {
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String)\s+id="([^"]+)"/g)].map((m) => m[1]));
  return [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]).filter((id) => !defined.has(id));
}

function withBrokenCopy(edit: (xml: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'carelint-broken-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, edit(readFileSync(MANIFEST, 'utf8')));
  return file;
}

describe('Word add-in manifest (offline checks)', () => {
  const xml = readFileSync(MANIFEST, 'utf8');
  const originals = { http: http.request, https: https.request, fetch: globalThis.fetch };

  // Any attempt to reach a network service fails the suite instead of silently passing offline.
  before(() => {
    const refuse = () => {
      throw new Error('manifest checks must stay offline');
    };
    (http as any).request = refuse;
    (https as any).request = refuse;
    (globalThis as any).fetch = refuse;
  });
  after(() => {
    (http as any).request = originals.http;
    (https as any).request = originals.https;
    globalThis.fetch = originals.fetch;
  });

  it('parses with office-addin-manifest: a Word task pane on https://localhost:3000', async () => {
    const info = await OfficeAddinManifest.readManifestFile(MANIFEST);
    assert.equal(info.officeAppType, 'TaskPaneApp');
    assert.deepEqual(info.hosts, ['Document']);
    assert.equal(info.displayName, 'CareLint');
    assert.match(info.id ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(info.defaultSettings?.sourceLocation, 'https://localhost:3000/taskpane.html');
  });

  it('asks only for WordApi 1.1 and opens the task pane from a ribbon button', () => {
    assert.match(xml, /<Set Name="WordApi" MinVersion="1\.1"\/>/);
    assert.doesNotMatch(xml, /MinVersion="1\.[2-9]"/, 'newer sets are detected at run time, not required');
    const button = xml.match(/<Control xsi:type="Button"[\s\S]*?<\/Control>/)?.[0] ?? '';
    assert.match(button, /<Action xsi:type="ShowTaskpane">[\s\S]*<SourceLocation resid="Taskpane.Url"\/>/);
    assert.match(xml, /<bt:Url id="Taskpane.Url" DefaultValue="https:\/\/localhost:3000\/taskpane.html"\/>/);
  });

  it('defines every resource it refers to, within the length limits', () => {
    assert.deepEqual(danglingResids(xml), []);
    for (const m of xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g))
      assert.ok(m[1].length <= 32, `resource id too long: ${m[1]}`);
    const shorts = xml.match(/<bt:ShortStrings>[\s\S]*?<\/bt:ShortStrings>/)?.[0] ?? '';
    for (const m of shorts.matchAll(/DefaultValue="([^"]*)"/g))
      assert.ok(m[1].length <= 125, `short string too long: ${m[1]}`);
    const longs = xml.match(/<bt:LongStrings>[\s\S]*?<\/bt:LongStrings>/)?.[0] ?? '';
    for (const m of longs.matchAll(/DefaultValue="([^"]*)"/g))
      assert.ok(m[1].length <= 250, `long string too long: ${m[1]}`);
  });

  it('points SupportUrl and Learn more at a real help page, not at the pane (point 10)', () => {
    const support = xml.match(/<SupportUrl DefaultValue="([^"]+)"\/>/)![1];
    const pane = xml.match(/<SourceLocation DefaultValue="([^"]+)"\/>/)![1];
    assert.notEqual(support, pane);
    const file = join('addin', new URL(support).pathname);
    assert.ok(existsSync(file), `${file} is served with the add-in`);
    assert.match(readFileSync(file, 'utf8'), /<h1>CareLint for Word: help<\/h1>/);
    assert.match(xml, /<LearnMoreUrl resid="Support.Url"\/>/);
    assert.match(xml, new RegExp(`<bt:Url id="Support.Url" DefaultValue="${support.replace(/[.]/g, '\\.')}"/>`));
  });

  it('has the popup title strings the inline critiques refer to', () => {
    const strings = new Set([...xml.matchAll(/<bt:String id="([^"]+)"/g)].map((m) => m[1]));
    const needed = [
      ...Object.values(POPUP_RESOURCE_IDS.title),
      POPUP_RESOURCE_IDS.subtitle,
      POPUP_RESOURCE_IDS.branding,
    ];
    assert.deepEqual(
      needed.filter((id) => !strings.has(id)),
      [],
    );
  });

  it('serves every icon it names from addin/assets/ as a PNG', () => {
    const urls = [...xml.matchAll(/"https:\/\/localhost:3000\/(assets\/[^"]+)"/g)].map((m) => m[1]);
    assert.ok(urls.length >= 4);
    for (const url of urls) {
      const file = join('addin', url);
      assert.ok(existsSync(file), `missing ${file}`);
      assert.deepEqual([...readFileSync(file).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${file} is not a PNG`);
    }
  });

  it('converts to a unified JSON manifest that the bundled schema accepts', async () => {
    const json = await toUnifiedJson(MANIFEST);
    assert.equal(json.manifestVersion, SCHEMA_VERSION);
    assert.deepEqual(await schemaErrors(json), []);
    assert.deepEqual(json.extensions[0].requirements.capabilities, [{ name: 'WordApi', minVersion: '1.1' }]);
    assert.equal(json.extensions[0].runtimes[0].code.page, 'https://localhost:3000/taskpane.html');
    // The converter shortens over-long values silently; only the short description (no XML field) may be cut.
    const truncated = JSON.stringify({ ...json, description: { ...json.description, short: '' } }).includes(
      '<TRUNCATED>',
    );
    assert.equal(truncated, false, 'a value was truncated by the converter');
  });

  describe('a broken manifest is caught', () => {
    const made: string[] = [];
    after(() => {
      for (const f of made) rmSync(join(f, '..'), { recursive: true, force: true });
    });
    const broken = (edit: (xml: string) => string) => {
      const f = withBrokenCopy(edit);
      made.push(f);
      return f;
    };

    it('malformed XML: office-addin-manifest refuses to parse it', async () => {
      const file = broken((x) => x.replace('</Hosts>', ''));
      await assert.rejects(OfficeAddinManifest.readManifestFile(file), /Unable to parse the manifest file/);
    });

    it('an add-in id that is not a GUID: the converter refuses it', async () => {
      const file = broken((x) => x.replace(/<Id>[^<]+<\/Id>/, '<Id>carelint</Id>'));
      await assert.rejects(toUnifiedJson(file), /Manifest|ArgumentException/);
    });

    it('a resid with no resource behind it is reported by name', () => {
      const file = broken((x) => x.replace('<bt:String id="OpenPane.Label" DefaultValue="Check wording"/>', ''));
      assert.deepEqual([...new Set(danglingResids(readFileSync(file, 'utf8')))], ['OpenPane.Label']);
    });

    it('the schema reports a missing id, an over-long name and a bad accent colour in the JSON manifest', async () => {
      const json = await toUnifiedJson(MANIFEST);
      delete json.id;
      json.name.short = 'CareLint trauma-informed wording checker';
      json.accentColor = 'teal';
      const errors = await schemaErrors(json);
      assert.ok(
        errors.some((e) => /must have required property 'id'/.test(e)),
        errors.join('\n'),
      );
      assert.ok(
        errors.some((e) => e.startsWith('/name/short ')),
        errors.join('\n'),
      );
      assert.ok(
        errors.some((e) => e.startsWith('/accentColor ')),
        errors.join('\n'),
      );
    });
  });
});
