import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, resolve } from 'node:path';
// require(): bundles tinyglobby's CommonJS build (its ESM build needs import.meta.url, absent in dist/cli.js).
import tinyglobby = require('tinyglobby');
import type { TextFormat } from '../../shared-rules/src/index';
import type { Problems } from './problems';
import { ioMessage } from './io-message';

/** One thing to check. `display` is the name shown in reports: the path as the user gave it. */
export interface Input {
  display: string;
  /** Absolute path on disk; undefined for standard input. */
  path?: string;
  docx: boolean;
  format: TextFormat;
}

/** Extensions picked up from folders and globs. A file named explicitly is read whatever its extension. */
export const EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.docx'];
const SKIPPED_FOLDERS = new Set(['node_modules']);

export function formatOf(name: string): TextFormat {
  const ext = extname(name).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : ext === '.html' || ext === '.htm' ? 'html' : 'plaintext';
}

function input(display: string, stdin = false): Input {
  return {
    display,
    path: stdin ? undefined : resolve(display),
    docx: extname(display).toLowerCase() === '.docx',
    format: formatOf(display),
  };
}

/** Files, folders, globs and `-` → the inputs to check, in order, each once. */
export async function expandInputs(
  args: string[],
  stdinFilename: string | undefined,
  problems: Problems,
): Promise<Input[]> {
  const found: Input[] = [];
  const seen = new Set<string>();
  const add = (i: Input) => {
    const key = i.path ?? '-';
    if (!seen.has(key)) {
      seen.add(key);
      found.push(i);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add({ ...input(stdinFilename ?? '<stdin>', true), docx: false });
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && tinyglobby.isDynamicPattern(arg)) {
        const matches = await tinyglobby.glob([arg], {
          absolute: isAbsolute(arg),
          dot: false,
          onlyFiles: true,
          ignore: ['**/node_modules/**'],
        });
        const picked = matches.filter(hasCheckedExtension).sort();
        if (picked.length === 0) problems.report(arg, `no ${EXTENSIONS.join(' ')} files match this pattern`);
        picked.forEach((m) => add(input(m)));
      } else problems.report(arg, ioMessage(e));
      continue;
    }
    if (info.isDirectory()) {
      const files = await walk(arg, problems);
      if (files.length === 0) problems.report(arg, `no ${EXTENSIONS.join(' ')} files in this folder`);
      files.forEach((f) => add(input(f)));
    } else add(input(arg));
  }
  return found;
}

function hasCheckedExtension(name: string): boolean {
  return EXTENSIONS.includes(extname(name).toLowerCase());
}

/**
 * Files with checked extensions under `folder`, sorted; skips node_modules and dot-folders (.git ...).
 * Symbolic links to folders are followed once: a link back into a folder being walked is a loop, reported
 * and skipped, so a loop can neither hang the run nor check a file twice.
 */
async function walk(folder: string, problems: Problems, ancestors: ReadonlySet<string> = new Set()): Promise<string[]> {
  let entries, real;
  try {
    real = await realpath(folder);
    entries = await readdir(folder, { withFileTypes: true });
  } catch (e) {
    problems.report(folder, ioMessage(e));
    return [];
  }
  const inside = new Set(ancestors).add(real);
  const out: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = join(folder, entry.name);
    if (entry.name.startsWith('.') || SKIPPED_FOLDERS.has(entry.name)) {
      if (entry.isDirectory() || entry.isSymbolicLink()) continue;
    }
    const kind = entry.isSymbolicLink()
      ? await linkTarget(full)
      : entry.isDirectory()
        ? 'folder'
        : entry.isFile()
          ? 'file'
          : 'other';
    if (kind === 'folder') {
      const target = await realpath(full).catch(() => full);
      if (inside.has(target))
        problems.report(
          full,
          'symbolic link loop (it leads back to a folder being checked); skipped. Remove the link or name the folders to check',
        );
      else out.push(...(await walk(full, problems, inside)));
    } else if (kind === 'file' && hasCheckedExtension(entry.name)) {
      out.push(full);
    } else if (kind === 'loop' && hasCheckedExtension(entry.name)) {
      problems.report(full, 'symbolic link loop; skipped. Fix or remove the link');
    }
  }
  return out;
}

async function linkTarget(path: string): Promise<'file' | 'folder' | 'loop' | 'other'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ELOOP' ? 'loop' : 'other';
  }
}
