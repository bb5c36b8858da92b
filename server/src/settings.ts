// Galley's settings as the server sees them: the `galley` section of the client's
// configuration for each document, with defaults for clients that send none
// (Neovim's client, for one, never answers workspace/configuration).

import { DEFAULT_SEVERITY, FIX_MODE, FINDING_KINDS, Finding, FindingKind, Severity } from './article';

export type RunMode = 'onType' | 'onSave' | 'manual';

export interface GalleySettings {
  rules: Record<FindingKind, Severity>;
  /** Kinds that fix-all (and fix on save) applies; null = every removing or repairing
   * kind whose severity is warning or error. */
  fixAllKinds: FindingKind[] | null;
  maxNumberOfProblems: number;
  maxFileSize: number;
  run: RunMode;
  /** galley.workspace.index: count lines across the workspace's scrapes (site chrome). */
  workspaceIndex: boolean;
  /** galley.ignore: fingerprints of suppressed findings (kind + normalised text), as
   * normalised by `normaliseFingerprint`. */
  ignore: ReadonlySet<string>;
}

export const DEFAULT_SETTINGS: GalleySettings = {
  rules: { ...DEFAULT_SEVERITY },
  fixAllKinds: null,
  maxNumberOfProblems: 1000,
  maxFileSize: 5_000_000,
  run: 'onType',
  workspaceIndex: true,
  ignore: new Set(),
};

const SEVERITIES = new Set<Severity>(['off', 'hint', 'information', 'warning', 'error']);

function isKind(k: unknown): k is FindingKind {
  return typeof k === 'string' && (FINDING_KINDS as readonly string[]).includes(k);
}

/** Reads a raw `galley` configuration object, ignoring what it cannot understand. */
export function parseSettings(raw: unknown): GalleySettings {
  const s: GalleySettings = { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules } };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  const rules = r.rules;
  if (rules && typeof rules === 'object') {
    for (const [k, v] of Object.entries(rules as Record<string, unknown>)) {
      if (isKind(k) && typeof v === 'string' && SEVERITIES.has(v as Severity)) s.rules[k] = v as Severity;
    }
  }
  const fixAll = r.fixAll as Record<string, unknown> | undefined;
  if (fixAll && Array.isArray(fixAll.kinds)) s.fixAllKinds = fixAll.kinds.filter(isKind);
  if (typeof r.maxNumberOfProblems === 'number' && r.maxNumberOfProblems > 0) s.maxNumberOfProblems = Math.floor(r.maxNumberOfProblems);
  if (typeof r.maxFileSize === 'number' && r.maxFileSize > 0) s.maxFileSize = Math.floor(r.maxFileSize);
  if (r.run === 'onType' || r.run === 'onSave' || r.run === 'manual') s.run = r.run;
  const ws = r.workspace as Record<string, unknown> | undefined;
  if (ws && typeof ws.index === 'boolean') s.workspaceIndex = ws.index;
  if (Array.isArray(r.ignore)) s.ignore = new Set(r.ignore.filter((x): x is string => typeof x === 'string').map(normaliseFingerprint));
  return s;
}

/** A fingerprint as compared with galley.ignore: entries written by hand may differ
 * from the model's in case and white space. */
export function normaliseFingerprint(fp: string): string {
  return fp.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Is the finding suppressed by galley.ignore? */
export function isIgnored(s: GalleySettings, f: Pick<Finding, 'fingerprint'>): boolean {
  return s.ignore.size > 0 && s.ignore.has(normaliseFingerprint(f.fingerprint));
}

const RANK: Record<Severity, number> = { off: 0, hint: 1, information: 2, warning: 3, error: 4 };

/** The kinds fix-all applies under these settings. */
export function fixAllKinds(s: GalleySettings): Set<FindingKind> {
  if (s.fixAllKinds) return new Set(s.fixAllKinds.filter((k) => FIX_MODE[k] !== 'mark' && s.rules[k] !== 'off'));
  return new Set(FINDING_KINDS.filter((k) => FIX_MODE[k] !== 'mark' && RANK[s.rules[k]] >= RANK.warning));
}

/** Is the finding shown at all (its kind not off, its fingerprint not ignored)? What is
 * not shown is neither a diagnostic nor part of any fix-all. */
export function isShown(s: GalleySettings, f: Finding): boolean {
  return effectiveSeverity(s, f.kind, f.sure) !== 'off' && !isIgnored(s, f);
}

/** The severity a finding is shown with: its kind's, capped at information when the
 * model is unsure. */
export function effectiveSeverity(s: GalleySettings, kind: FindingKind, sure: boolean): Severity {
  const sev = s.rules[kind];
  if (!sure && RANK[sev] > RANK.information) return 'information';
  return sev;
}
