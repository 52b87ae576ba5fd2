import {
  builtinRuleSet,
  loadConfig,
  type ConfigProblem,
  type LintOptions,
  type RuleSet,
} from '../shared-rules/src/index';
import { ConfigLookup, problemLines, type ConfigStore } from './config-lookup';

/** How a host reads its config files (VS Code's workspace.fs and Uris, or Node's fs and paths). */
export interface ConfigSource<L> extends ConfigStore<L> {
  /** The file's text; rejects when it cannot be read. */
  read(file: L): Promise<string>;
  /** The file's name in messages (relative to its workspace folder where it has one). */
  displayName(file: L): string;
}

/** What a `.carelintrc.json` contributes to a document's options (nothing, when there is none). */
export interface LoadedConfig<L> {
  file?: L;
  options: LintOptions;
  ruleSet: RuleSet;
}

/**
 * Told each time a config file is (re)loaded, with its problems (none when it is fine) and its text ('' when it could
 * not be read); `changed` when the problems differ from those last told, so a host notifies once per change.
 */
export type ProblemReport<L> = (file: L, text: string, problems: ConfigProblem[], changed: boolean) => void;

let none: LoadedConfig<never> | undefined;

/** No config file: the built-in rules, default options (built on first use, not when this module loads). */
export function noConfig<L>(): LoadedConfig<L> {
  none ??= { options: {}, ruleSet: builtinRuleSet() };
  return none;
}

/**
 * Each folder's `.carelintrc.json` (the nearest one upward, not above its workspace folder, as the CLI finds it),
 * loaded once through the engine's config loader until forgotten. A file that cannot be read, or has problems,
 * is reported with file:line:col and what to do, and the built-in rules (with whatever of the file was valid) go on.
 */
export class ConfigLoader<L> {
  private readonly lookup: ConfigLookup<L>;
  private readonly loaded = new Map<string, Promise<LoadedConfig<L>>>();
  private readonly told = new Map<string, string>();

  constructor(
    private readonly source: ConfigSource<L>,
    private readonly report: ProblemReport<L>,
  ) {
    this.lookup = new ConfigLookup(source);
  }

  /** The config file that applies in a folder, if any. */
  nearest(folder: L, top: L | undefined): Promise<L | undefined> {
    return this.lookup.nearest(folder, top);
  }

  /** The config that applies in a folder (none when there is no file). */
  async forFolder(folder: L, top: L | undefined): Promise<LoadedConfig<L>> {
    const file = await this.nearest(folder, top);
    return file === undefined ? noConfig() : this.load(file);
  }

  load(file: L): Promise<LoadedConfig<L>> {
    const key = this.source.key(file);
    let result = this.loaded.get(key);
    if (!result) {
      result = this.read(file);
      this.loaded.set(key, result);
    }
    return result;
  }

  /** Every rule set loaded so far, and the built-in one (to explain custom rules). */
  async ruleSets(): Promise<RuleSet[]> {
    return [...(await Promise.all(this.loaded.values())).map((c) => c.ruleSet), noConfig().ruleSet];
  }

  /**
   * Forget a changed file (or, without one, every file), and the lookups when files may have appeared or gone
   * (always, without a file).
   */
  forget(file?: L, lookups = file === undefined): void {
    if (file === undefined) this.loaded.clear();
    else this.loaded.delete(this.source.key(file));
    if (lookups) this.lookup.forget();
  }

  /** The folders looked in so far (a host without file watching watches these). */
  folders(): string[] {
    return this.lookup.folders();
  }

  private async read(file: L): Promise<LoadedConfig<L>> {
    const name = this.source.displayName(file);
    let text: string;
    try {
      text = await this.source.read(file);
    } catch (e) {
      this.tell(file, '', [
        {
          file: name,
          line: 1,
          column: 1,
          message: `could not be read (${(e as Error).message})`,
          fix: 'Check the file exists and can be read.',
        },
      ]);
      return noConfig();
    }
    const { options, ruleSet, problems } = loadConfig(text, name);
    this.tell(file, text, problems);
    return { file, options, ruleSet };
  }

  private tell(file: L, text: string, problems: ConfigProblem[]): void {
    const key = this.source.key(file);
    const summary = problemLines(problems).join('\n');
    const changed = summary !== (this.told.get(key) ?? '');
    this.told.set(key, summary);
    this.report(file, text, problems, changed);
  }
}
