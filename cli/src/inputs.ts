// What the command line's PATH arguments name: files (checked whatever their name),
// folders (their scrapes, recursively: `*.article`, and `*.txt` files that read like a
// scrape, as the editor and the server's workspace index take them) and globs (`*`,
// `**`, `?`, `{a,b}`, for shells that pass them through quoted).

import { Dirent, readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export interface Input {
  /** Absolute path. */
  path: string;
  /** Named on the command line (always checked) rather than found in a folder (a
   * `.txt` file found in a folder is checked only if it reads like a scrape). */
  explicit: boolean;
}

/** Directories never walked, as in the server's workspace index. */
const SKIP_DIRS = new Set(['node_modules', '.git']);

export function scrapeKind(name: string): 'article' | 'txt' | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.article')) return 'article';
  if (lower.endsWith('.txt')) return 'txt';
  return undefined;
}

const GLOB_CHARS = /[*?{[]/;

/** A glob as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of directories, `**` at the end anything
      if (glob[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      if (end < 0) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, end).split(',').map((a) => a.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')).join('|') + ')';
        i = end;
      }
    } else re += c.replace(/[.+^$()|[\]\\}]/g, '\\$&');
  }
  return new RegExp('^' + re + '$');
}

function walk(dir: string, visit: (path: string, rel: string) => void, rel = ''): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // a folder's files, then its subfolders: a folder's files stay together (run.ts works
  // folder by folder); symbolic links are not followed (no cycles), as in the server
  for (const e of entries) if (e.isFile()) visit(join(dir, e.name), rel ? `${rel}/${e.name}` : e.name);
  for (const e of entries) if (e.isDirectory() && !SKIP_DIRS.has(e.name)) walk(join(dir, e.name), visit, rel ? `${rel}/${e.name}` : e.name);
}

/** Expands the PATH arguments, in order, each file once. Names that match nothing are
 * returned as `missing` (reported, and the run goes on). */
export function expandInputs(args: readonly string[], cwd = process.cwd()): { inputs: Input[]; missing: string[] } {
  const seen = new Set<string>();
  const inputs: Input[] = [];
  const missing: string[] = [];
  const add = (path: string, explicit: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ path, explicit });
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let isDir = false;
    let exists = false;
    try {
      const st = statSync(abs);
      exists = true;
      isDir = st.isDirectory();
    } catch {
      exists = false;
    }
    if (exists && isDir) {
      walk(abs, (p) => {
        if (scrapeKind(p)) add(p, false);
      });
    } else if (exists || !GLOB_CHARS.test(arg)) {
      // a file, or a name that is not there (reported when it is read)
      add(abs, true);
    } else {
      // a glob: walk from its longest directory prefix without glob characters
      const parts = arg.split(/[\\/]/);
      const fixed: string[] = [];
      while (parts.length && !GLOB_CHARS.test(parts[0])) fixed.push(parts.shift()!);
      const base = resolve(cwd, fixed.join(sep) || '.');
      const re = globToRegExp(parts.join('/'));
      let matched = 0;
      walk(base, (p, rel) => {
        if (re.test(rel)) {
          add(p, true);
          matched++;
        }
      });
      if (!matched) missing.push(arg);
    }
  }
  return { inputs, missing };
}

/** The scrapes of one directory (not recursive): what the server's workspace index
 * counts together as one folder's evidence. */
export function scrapesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && scrapeKind(e.name))
      .map((e) => e.name);
  } catch {
    return [];
  }
  return names.sort().map((n) => join(dir, n));
}
