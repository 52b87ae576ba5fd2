import { CONFIG_FILE_NAME, type ConfigProblem } from '../shared-rules/src/index';

/** How a host reaches its files (VS Code's workspace.fs and Uris, or Node's fs and paths). */
export interface ConfigStore<L> {
  key(location: L): string;
  /** The folder holding a file or folder (itself at the root). */
  parent(location: L): L;
  join(folder: L, name: string): L;
  isFile(location: L): Promise<boolean>;
}

/**
 * The `.carelintrc.json` that applies to a folder: the nearest one upward, not above `top` (the workspace folder),
 * as the CLI finds it. Lookups are remembered until `forget()` (a config file was created or deleted).
 */
export class ConfigLookup<L> {
  private readonly found = new Map<string, Promise<L | undefined>>();

  constructor(private readonly store: ConfigStore<L>) {}

  nearest(folder: L, top: L | undefined): Promise<L | undefined> {
    const key = this.store.key(folder);
    let result = this.found.get(key);
    if (!result) {
      result = (async () => {
        const candidate = this.store.join(folder, CONFIG_FILE_NAME);
        if (await this.store.isFile(candidate)) return candidate;
        const up = this.store.parent(folder);
        if (this.store.key(up) === key || (top !== undefined && key === this.store.key(top))) return undefined;
        return this.nearest(up, top);
      })();
      this.found.set(key, result);
    }
    return result;
  }

  /** The folders looked at so far (a host without file watching watches these for new config files). */
  folders(): string[] {
    return [...this.found.keys()];
  }

  forget(): void {
    this.found.clear();
  }
}

export function isConfigPath(path: string): boolean {
  return path === CONFIG_FILE_NAME || path.endsWith(`/${CONFIG_FILE_NAME}`) || path.endsWith(`\\${CONFIG_FILE_NAME}`);
}

/** One line per problem, `file:line:col: message. What to do.` */
export function problemLines(problems: readonly ConfigProblem[]): string[] {
  return problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}. ${p.fix}`);
}

/** The one notification a host shows for a config's problems (undefined when there are none). */
export function problemNotice(problems: readonly ConfigProblem[]): string | undefined {
  if (problems.length === 0) return undefined;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `CareLint: ${problemLines(problems)[0]}${more} The rest of the configuration and the built-in rules keep working.`;
}

/** The diagnostic text for a problem, placed at 0-based line and character (UTF-16) in the config file. */
export function problemDiagnostic(p: ConfigProblem): { line: number; character: number; message: string } {
  return { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1), message: `${p.message}. ${p.fix}` };
}
