import { watch, type FSWatcher } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME, type RuleSet } from '../../shared-rules/src/index';
import { ConfigLoader, noConfig, type LoadedConfig, type ProblemReport } from '../../editor-common/config-loader';

/** What a `.carelintrc.json` contributes to a document's options (nothing, when there is none). */
export type FileConfig = LoadedConfig<string>;

/** Told when a config file was (re)loaded with its problems, so they become diagnostics and one message. */
export type ProblemSink = ProblemReport<string>;

/**
 * Each document's `.carelintrc.json`: the nearest one upward from its folder, not above its workspace folder (as in
 * VS Code and the CLI), read from disk and loaded by the shared loader (editor-common). Forgotten when the client
 * reports a change to such a file, or, for clients that do not watch files, when Node's watcher on a folder that
 * was looked at sees one.
 */
export class ConfigFiles {
  private readonly loader: ConfigLoader<string>;
  private readonly watchers = new Map<string, FSWatcher>();
  folders: string[] = [];
  /** Set when the client does not watch files for us. */
  watchLocally = false;

  constructor(
    report: ProblemSink,
    private readonly changed: () => void,
  ) {
    this.loader = new ConfigLoader<string>(
      {
        key: (p) => p,
        parent: dirname,
        join,
        isFile,
        read: (p) => readFile(p, 'utf8'),
        displayName: (p) => {
          const folder = this.folderOf(p);
          return folder ? relative(folder, p) : p;
        },
      },
      report,
    );
  }

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
      return this.folders[0] === undefined ? undefined : this.loader.nearest(this.folders[0], this.folders[0]);
    }
    const found = await this.loader.nearest(dirname(path), this.folderOf(path));
    this.watchLookedAt();
    return found;
  }

  async forDocument(uri: string): Promise<FileConfig> {
    const file = await this.locate(uri);
    return file ? this.loader.load(file) : noConfig();
  }

  /** Where "allow in this workspace" writes when no config applies yet. */
  defaultLocation(uri: string): string | undefined {
    const path = filePath(uri);
    const folder = (path && this.folderOf(path)) ?? this.folders[0] ?? (path ? dirname(path) : undefined);
    return folder === undefined ? undefined : join(folder, CONFIG_FILE_NAME);
  }

  ruleSets(): Promise<RuleSet[]> {
    return this.loader.ruleSets();
  }

  /** A config file changed on disk (or, without a path, any may have appeared or gone): reload, then re-lint. */
  invalidate(path?: string): void {
    this.loader.forget(path, true);
    this.changed();
  }

  /** Without the client's file watching: one non-recursive watcher per folder looked at, for the config's name only. */
  private watchLookedAt(): void {
    if (!this.watchLocally) return;
    for (const folder of this.loader.folders()) {
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
