// Settings for the command line: the folder's `.vscode/settings.json` (or `--config`),
// read into the same GalleySettings the server builds from VS Code's `galley` section,
// so that a file gets the same severities, suppressions and limits in both places.
// VS Code writes settings flat ("galley.rules.ui-label": "off") in JSON with comments
// and trailing commas; parseSettings (server/src/settings.ts) reads the nested form.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GalleySettings, parseSettings } from '../../server/src/settings';

/** JSON with comments and trailing commas (VS Code's settings files) to JSON. */
export function stripJsonc(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      // a string, escapes included, copied as is
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === ',') {
      // a comma followed (past white space and comments) by a closing bracket goes
      let j = i + 1;
      for (;;) {
        while (j < n && /\s/.test(text[j])) j++;
        if (text[j] === '/' && text[j + 1] === '/') while (j < n && text[j] !== '\n') j++;
        else if (text[j] === '/' && text[j + 1] === '*') j = text.indexOf('*/', j + 2) < 0 ? n : text.indexOf('*/', j + 2) + 2;
        else break;
      }
      if (text[j] !== '}' && text[j] !== ']') out += c;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The `galley` section of a settings object, nested as the server receives it: flat
 * keys ("galley.rules.ui-label") and nested objects ("galley": { … }) alike. */
export function galleySection(settings: Record<string, unknown>): Record<string, unknown> {
  const section: Record<string, unknown> = {};
  const put = (path: string[], value: unknown) => {
    let cur = section;
    for (const p of path.slice(0, -1)) {
      if (!cur[p] || typeof cur[p] !== 'object' || Array.isArray(cur[p])) cur[p] = {};
      cur = cur[p] as Record<string, unknown>;
    }
    cur[path[path.length - 1]] = value;
  };
  const walk = (prefix: string[], value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk([...prefix, ...k.split('.')], v);
    } else put(prefix, value);
  };
  for (const [key, value] of Object.entries(settings)) {
    const path = key.split('.');
    if (path[0] !== 'galley') continue;
    if (path.length === 1) walk([], value);
    else walk(path.slice(1), value);
  }
  return section;
}

export class ConfigError extends Error {}

/** Reads a settings file (JSONC) into Galley's settings. */
export function readSettingsFile(file: string): GalleySettings {
  let raw: unknown;
  try {
    raw = JSON.parse(stripJsonc(readFileSync(file, 'utf8')));
  } catch (e) {
    throw new ConfigError(`cannot read settings from ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError(`${file} is not a settings object`);
  return parseSettings(galleySection(raw as Record<string, unknown>));
}

/** Settings for each directory: `--config FILE` for all, else the nearest
 * `.vscode/settings.json` above the directory (the workspace folder's), else the
 * defaults. */
export class SettingsResolver {
  readonly #byDir = new Map<string, { settings: GalleySettings; from?: string }>();
  readonly #fixed: { settings: GalleySettings; from: string } | undefined;

  constructor(configFile?: string) {
    this.#fixed = configFile ? { settings: readSettingsFile(configFile), from: resolve(configFile) } : undefined;
  }

  /** The settings for files in `dir`, and the file they come from (if any). */
  forDir(dir: string): { settings: GalleySettings; from?: string } {
    if (this.#fixed) return this.#fixed;
    const abs = resolve(dir);
    let hit = this.#byDir.get(abs);
    if (!hit) {
      const file = join(abs, '.vscode', 'settings.json');
      if (existsSync(file)) hit = { settings: readSettingsFile(file), from: file };
      else {
        const up = dirname(abs);
        hit = up === abs ? { settings: parseSettings(undefined) } : this.forDir(up);
      }
      this.#byDir.set(abs, hit);
    }
    return hit;
  }
}
