// The config loader both editor hosts adapt (editor-common), on an in-memory file system: no VS Code, no Node fs.
import assert from 'node:assert/strict';
import type { ConfigProblem } from '../../shared-rules/src/index';
import { ConfigLoader, noConfig } from '../../editor-common/config-loader';

function setUp(files: Record<string, string | Error>) {
  const reads: string[] = [];
  const told: Array<{ file: string; text: string; problems: ConfigProblem[]; changed: boolean }> = [];
  const loader = new ConfigLoader<string>(
    {
      key: (p) => p,
      parent: (p) => p.slice(0, Math.max(1, p.lastIndexOf('/'))),
      join: (folder, name) => `${folder === '/' ? '' : folder}/${name}`,
      isFile: async (p) => p in files,
      read: async (p) => {
        reads.push(p);
        const f = files[p];
        if (f instanceof Error) throw f;
        return f;
      },
      displayName: (p) => p.replace(/^\/w\//, ''),
    },
    (file, text, problems, changed) => told.push({ file, text, problems, changed }),
  );
  return { loader, reads, told };
}

describe('editor-common: the config loader', () => {
  it('finds the nearest .carelintrc.json upward, not above the workspace folder, and loads it once', async () => {
    const { loader, reads } = setUp({
      '/.carelintrc.json': '{"categories": {"police-involvement": false}}',
      '/w/.carelintrc.json': '{"categories": {"stigmatizing-language": false}}',
    });
    const deep = await loader.forFolder('/w/team/notes', '/w');
    assert.equal(deep.file, '/w/.carelintrc.json');
    assert.equal(deep.options.categories?.['stigmatizing-language'], false);
    await loader.forFolder('/w/team', '/w');
    assert.deepEqual(reads, ['/w/.carelintrc.json'], 'read once');
    assert.equal(await loader.nearest('/elsewhere', '/elsewhere'), undefined, 'nothing above the workspace folder');
    assert.equal(await loader.forFolder('/elsewhere', '/elsewhere'), noConfig());
  });

  it('reports an unreadable file with where and what to do, and goes on with the built-in rules', async () => {
    const { loader, told } = setUp({ '/w/.carelintrc.json': new Error('EACCES: permission denied') });
    const config = await loader.forFolder('/w', '/w');
    assert.equal(config, noConfig());
    assert.equal(told.length, 1);
    assert.deepEqual(told[0].problems, [
      {
        file: '.carelintrc.json',
        line: 1,
        column: 1,
        message: 'could not be read (EACCES: permission denied)',
        fix: 'Check the file exists and can be read.',
      },
    ]);
    assert.equal(told[0].changed, true);
    assert.ok(config.ruleSet.byId('addict'), 'the built-in rules are there');
  });

  it('says a problem changed only when it did, across reloads, and keeps the valid rest of the file', async () => {
    const files: Record<string, string | Error> = {
      '/w/.carelintrc.json': '{\n  "categories": {"police-involvement": false},\n  "colour": 1\n}',
    };
    const { loader, told } = setUp(files);
    const first = await loader.forFolder('/w', '/w');
    assert.equal(first.options.categories?.['police-involvement'], false, 'the valid part applies');
    assert.equal(told[0].problems.length, 1);
    assert.match(`${told[0].problems[0].line}:${told[0].problems[0].message}`, /^3:.*colour/);
    loader.forget('/w/.carelintrc.json');
    await loader.forFolder('/w', '/w');
    assert.equal(told[1].changed, false, 'the same problem again: no second notification');
    files['/w/.carelintrc.json'] = '{}';
    loader.forget('/w/.carelintrc.json');
    await loader.forFolder('/w', '/w');
    assert.deepEqual([told[2].problems, told[2].changed], [[], true], 'fixed: told once that it is clear');
  });

  it('forgets lookups when files may have come or gone, and keeps them for a change to a known file', async () => {
    const files: Record<string, string | Error> = {};
    const { loader } = setUp(files);
    assert.equal(await loader.nearest('/w/a', '/w'), undefined);
    files['/w/.carelintrc.json'] = '{}';
    loader.forget('/w/.carelintrc.json');
    assert.equal(await loader.nearest('/w/a', '/w'), undefined, 'a change to one file keeps the lookups');
    loader.forget();
    assert.equal(await loader.nearest('/w/a', '/w'), '/w/.carelintrc.json');
    assert.deepEqual(loader.folders().sort(), ['/w', '/w/a']);
  });
});
