// The README's snippets for editors this machine cannot run (Helix, Zed, Sublime Text's LSP package, Kate): each is
// taken from README.md as users copy it, parsed as its editor parses it, and checked against what carelint-ls accepts:
// the command is this package's bin, the server starts with exactly the snippet's arguments, and each language the
// snippet names reaches the server as a language id that selects the intended format.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { parse as parseToml } from 'smol-toml';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { formatFor } from '../../editor-common/format';
import { ROOT, SERVER } from './support/client';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** The command npm installs for the language server (package.json's bin entry for bin/carelint-ls.js). */
const BIN = Object.entries(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin as Record<string, string>)
  .filter(([, file]) => file.replace(/^\.\//, '') === 'bin/carelint-ls.js')
  .map(([name]) => name);

/** The fenced blocks (of a language) that follow an editor's bold heading, up to the next heading. */
function snippets(editor: string, language: string): string[] {
  const start = README.indexOf(`**${editor}**`, README.indexOf('## Other editors (language server)'));
  assert.ok(start >= 0, `README has a **${editor}** paragraph in "Other editors (language server)"`);
  const next = README.slice(start + 4).search(/\n\*\*[A-Z][^*]*\*\*|\n## /);
  const part = README.slice(start, next < 0 ? undefined : start + 4 + next);
  const blocks = [...part.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
  assert.ok(blocks.length > 0, `the ${editor} paragraph has a ${language} block`);
  return blocks;
}

function json(text: string): any {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: false });
  assert.deepEqual(errors, [], 'well-formed JSON');
  return value;
}

/** Start the server as the editor would (the snippet's command and arguments) and complete the LSP handshake. */
async function handshake(command: string, args: string[]): Promise<string | undefined> {
  assert.deepEqual([command], BIN, "the command is the package's language-server bin");
  const child = spawn(process.execPath, [SERVER, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, CARELINT_CODE_CACHE: 'off' }, // tests leave the user's cache folder alone
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  try {
    const answer = conn
      .sendRequest<{ serverInfo?: { name: string } }>('initialize', {
        processId: process.pid,
        rootUri: null,
        capabilities: {},
      })
      .then((r) => r.serverInfo?.name);
    const name = await Promise.race([
      answer,
      exited.then((code) => assert.fail(`carelint-ls ${args.join(' ')} exited (${code}): ${stderr}`)),
    ]);
    await conn.sendRequest('shutdown');
    void conn.sendNotification('exit');
    await exited;
    return name;
  } finally {
    conn.dispose();
    child.kill();
  }
}

/** Sublime LSP's default mapping of a syntax's base scope to the language id it sends (language-ids.sublime-settings). */
const SUBLIME_LANGUAGE_IDS: Record<string, string> = { 'text.html.markdown': 'markdown', 'text.plain': 'plaintext' };

describe('README: language-server snippets for editors not run here', function () {
  this.timeout(30000);

  it('Helix: languages.toml parses, starts carelint-ls as written, and Markdown reaches it as markdown', async () => {
    const config = parseToml(snippets('Helix', 'toml')[0]) as any;
    const server = config['language-server'].carelint;
    assert.equal(await handshake(server.command, server.args ?? []), 'carelint-ls');
    const languages = (config.language as any[]).filter((l) => l['language-servers']?.includes('carelint'));
    assert.deepEqual(
      languages.map((l) => l.name),
      ['markdown'],
    );
    // Helix sends `language-id` when set, else the language's name.
    for (const l of languages) assert.equal(formatFor(l['language-id'] ?? l.name, `plan.md`), 'markdown');
  });

  it('Zed: extension.toml parses, maps each language to an id the server reads, and lib.rs starts carelint-ls --stdio', async () => {
    const manifest = parseToml(snippets('Zed', 'toml')[0]) as any;
    for (const key of ['id', 'name', 'version', 'schema_version', 'authors', 'description'])
      assert.ok(manifest[key] !== undefined, `extension.toml has ${key}`);
    const server = manifest.language_servers.carelint;
    const want: Record<string, string> = { Markdown: 'markdown', 'Plain Text': 'plaintext' };
    assert.deepEqual(server.languages, Object.keys(want));
    for (const language of server.languages)
      assert.equal(formatFor(server.language_ids[language], 'note'), want[language], language);
    const rust = snippets('Zed', 'rust')[0];
    const command = /worktree\.which\("([^"]+)"\)/.exec(rust)?.[1];
    const args = /args:\s*vec!\[([^\]]*)\]/.exec(rust)?.[1];
    assert.ok(command && args !== undefined, 'lib.rs names the command and its arguments');
    assert.match(rust, /zed::register_extension!\(\w+\);/);
    const list = [...args.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    assert.equal(await handshake(command, list), 'carelint-ls');
  });

  it('Sublime Text (LSP package): the settings parse, start carelint-ls as written, and each scope maps to an id the server reads', async () => {
    const client = json(snippets('Sublime Text', 'json')[0]).clients.carelint;
    assert.equal(client.enabled, true);
    const [command, ...args] = client.command as string[];
    assert.equal(await handshake(command, args), 'carelint-ls');
    const scopes = (client.selector as string).split('|').map((s) => s.trim());
    assert.deepEqual(scopes, Object.keys(SUBLIME_LANGUAGE_IDS));
    assert.deepEqual(
      scopes.map((s) => formatFor(SUBLIME_LANGUAGE_IDS[s], 'note')),
      ['markdown', 'plaintext'],
    );
  });

  it('Kate: the user server settings parse, start carelint-ls as written, and the key is an id the server reads', async () => {
    const servers = json(snippets('Kate', 'json')[0]).servers;
    assert.deepEqual(Object.keys(servers), ['markdown']);
    const [command, ...args] = servers.markdown.command as string[];
    assert.equal(await handshake(command, args), 'carelint-ls');
    assert.equal(formatFor('markdown', 'note'), 'markdown');
    assert.ok(new RegExp(servers.markdown.highlightingModeRegex).test('Markdown'), "matches Kate's Markdown mode");
  });
});
