import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { builtinRuleSet, type RuleSet } from '../../shared-rules/src/index';
import { CONFIG_FILE_NAME, loadConfig } from '../../shared-rules/src/index';
import type { LintOptions } from '../../shared-rules/src/index';
import { decode } from './decode';
import type { Problems } from './problems';
import { ioMessage } from './io-message';

export interface Config {
  options: LintOptions;
  ruleSet: RuleSet;
}

/**
 * The config of each file: --config if given, else the nearest .carelintrc.json upward from the file's
 * folder. Each folder is looked up once, each config file parsed and compiled once, its problems printed once.
 */
export class Configs {
  private readonly byFolder = new Map<string, Config>();
  private readonly byFile = new Map<string, Config>();
  private fallback: Config | undefined;

  constructor(
    private readonly problems: Problems,
    private readonly explicit?: string,
  ) {}

  forFolder(folder: string): Config {
    if (this.explicit !== undefined) return this.load(this.explicit, this.explicit);
    const cached = this.byFolder.get(folder);
    if (cached) return cached;
    const candidate = join(folder, CONFIG_FILE_NAME);
    const parent = dirname(folder);
    const config = isFile(candidate)
      ? this.load(resolve(candidate), shown(candidate))
      : parent === folder
        ? this.defaults()
        : this.forFolder(parent);
    this.byFolder.set(folder, config);
    return config;
  }

  private load(file: string, name: string): Config {
    const key = resolve(file);
    let config = this.byFile.get(key);
    if (config) return config;
    config = this.read(key, name);
    this.byFile.set(key, config);
    return config;
  }

  private read(file: string, name: string): Config {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      this.problems.report(name, `config ${ioMessage(e)}; using the default settings`);
      return this.defaults();
    }
    const decoded = decode(bytes);
    if (!decoded.ok) {
      this.problems.report(
        decoded.at ? `${name}:${decoded.at}` : name,
        `config ${decoded.message}; using the default settings`,
      );
      return this.defaults();
    }
    const { options, ruleSet, problems } = loadConfig(decoded.text, name);
    for (const p of problems) this.problems.report(`${p.file}:${p.line}:${p.column}`, `${p.message}. ${p.fix}`);
    return { options, ruleSet };
  }

  private defaults(): Config {
    return (this.fallback ??= { options: {}, ruleSet: builtinRuleSet() });
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A found config's name in messages: relative to the working folder when inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel) ? rel : resolve(path);
}
