import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  builtinRuleSet,
  CONFIG_FILE_NAME,
  loadConfig,
  type ConfigProblem,
  type LintOptions,
  type RuleSet,
} from '../../shared-rules/src/index';
import { ConfigLookup, problemLines } from '../../editor-common/config-lookup';

/** What a `.carelintrc.json` contributes to a document's options (nothing, when there is none). */
export interface FileConfig {
  path?: string;
  options: LintOptions;
  ruleSet: RuleSet;
}

const NONE: FileConfig = { options: {}, ruleSet: builtinRuleSet() };

/** Told when a config file was (re)loaded with its problems, so they become diagnostics and one message. */
export type ProblemSink = (path: string, text: string, problems: ConfigProblem[], summaryChanged: boolean) => void;

/**
 * Each document's `.carelintrc.json`: the nearest one upward from its folder, not above its workspace folder (as in
 * VS Code and the CLI), read from disk and loaded by the engine. Forgotten when the client reports a change to such
 * a file, or, for clients that do not watch files, when Node's watcher on a folder that was looked at sees one.
 */
export class ConfigFiles {
  private readonly lookup = new ConfigLookup<string>({ key: (p) => p, parent: dirname, join, isFile });
  private readonly loaded = new Map<string, Promise<FileConfig>>();
  private readonly shown = new Map<string, string>();
  private readonly watchers = new Map<string, FSWatcher>();
  folders: string[] = [];
  /** Set when the client does not watch files for us. */
  watchLocally = false;

  constructor(
    private readonly report: ProblemSink,
    private readonly changed: () => void,
  ) {}

  /** The workspace folder of a file (the longest one holding it), if any. */
  folderOf(path: string): string | undefined {
    return this.folders
      .filter((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`))
      .sort((a, b) => b.length - a.length)[0];
  }

  async locate(uri: string): Promise<string | undefined> {
    const path = filePath(uri);
    if (path === undefined) {
      // untitled buffers use the first workspace folder's config
      return this.folders[0] === undefined ? undefined : this.lookup.nearest(this.folders[0], this.folders[0]);
    }
    const found = await this.lookup.nearest(dirname(path), this.folderOf(path));
    this.watchLookedAt();
    return found;
  }

  async forDocument(uri: string): Promise<FileConfig> {
    const file = await this.locate(uri);
    return file ? this.load(file) : NONE;
  }

  /** Where "allow in this workspace" writes when no config applies yet. */
  defaultLocation(uri: string): string | undefined {
    const path = filePath(uri);
    const folder = (path && this.folderOf(path)) ?? this.folders[0] ?? (path ? dirname(path) : undefined);
    return folder === undefined ? undefined : join(folder, CONFIG_FILE_NAME);
  }

  async ruleSets(): Promise<RuleSet[]> {
    return [...(await Promise.all(this.loaded.values())).map((c) => c.ruleSet), NONE.ruleSet];
  }

  /** A config file changed on disk (or, without a path, any may have appeared or gone): reload, then re-lint. */
  invalidate(path?: string): void {
    if (path !== undefined) this.loaded.delete(path);
    else this.loaded.clear();
    this.lookup.forget();
    this.changed();
  }

  private load(path: string): Promise<FileConfig> {
    let result = this.loaded.get(path);
    if (!result) {
      result = this.read(path);
      this.loaded.set(path, result);
    }
    return result;
  }

  private async read(path: string): Promise<FileConfig> {
    const folder = this.folderOf(path);
    const name = folder ? relative(folder, path) : path;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      this.tell(path, '', [
        {
          file: name,
          line: 1,
          column: 1,
          message: `could not be read (${(e as Error).message})`,
          fix: 'Check the file exists and can be read',
        },
      ]);
      return NONE;
    }
    const { options, ruleSet, problems } = loadConfig(text, name);
    this.tell(path, text, problems);
    return { path, options, ruleSet };
  }

  private tell(path: string, text: string, problems: ConfigProblem[]): void {
    const summary = problemLines(problems).join('\n');
    const changed = summary !== (this.shown.get(path) ?? '');
    this.shown.set(path, summary);
    this.report(path, text, problems, changed);
  }

  /** Without the client's file watching: one non-recursive watcher per folder looked at, for the config's name only. */
  private watchLookedAt(): void {
    if (!this.watchLocally) return;
    for (const folder of this.lookup.folders()) {
      if (this.watchers.has(folder)) continue;
      try {
        const w = watch(folder, { persistent: false }, (_event, name) => {
          if (name === null || name.toString() === CONFIG_FILE_NAME) this.invalidate(join(folder, CONFIG_FILE_NAME));
        });
        w.on('error', () => {
          w.close();
          this.watchers.delete(folder);
        });
        this.watchers.set(folder, w);
      } catch {
        // a folder that went away: nothing to watch
      }
    }
  }

  dispose(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}

export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
