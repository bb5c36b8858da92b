// Suppression without editing the text: code actions that ask the client to add a
// finding's fingerprint to `galley.ignore`, or to switch its kind off, in the
// workspace's settings. The server cannot write settings: the actions carry a command
// the client runs; the client writes the setting, the server hears
// didChangeConfiguration and reports again without what is now hidden (the filtering
// itself is `isShown`/`isIgnored` in settings.ts, applied by diagnostics and fix-all).
//
// Clients that cannot run these commands (Neovim's, any client without Galley's own
// extension) get the same actions; for them the server announces the commands and
// answers `workspace/executeCommand` by telling the user what to add to their settings.

import { CodeAction, CodeActionKind, Command, Diagnostic, ExecuteCommandParams } from 'vscode-languageserver';
import { ArticleModel, Finding, FindingKind } from './article';
import { IGNORE_FINDING_COMMAND, IGNORE_KIND_COMMAND, IgnoreFindingArgs, IgnoreKindArgs } from './protocol';

export const IGNORE_KIND = `${CodeActionKind.QuickFix}.galley.ignore`;

/** For each diagnostic's finding, "Ignore this <kind> in the workspace" (every finding
 * with its fingerprint is hidden with it: the title counts those in this file); then,
 * once per kind, "Ignore all <kind> findings in the workspace". Never preferred. */
export function ignoreActions(model: ArticleModel, found: readonly [Diagnostic, Finding][], uri: string, shown: (f: Finding) => boolean): CodeAction[] {
  const out: CodeAction[] = [];
  const sameHere = new Map<string, number>();
  for (const f of model.findings) if (shown(f)) sameHere.set(f.fingerprint, (sameHere.get(f.fingerprint) ?? 0) + 1);
  const kinds = new Map<FindingKind, Diagnostic[]>();
  for (const [d, f] of found) {
    const ofKind = kinds.get(f.kind);
    if (ofKind) ofKind.push(d);
    else kinds.set(f.kind, [d]);
    if (!shown(f)) continue;
    const n = sameHere.get(f.fingerprint) ?? 1;
    const title = `Ignore this ${f.kind} in the workspace` + (n > 1 ? ` (${n} like it in this file)` : '');
    const args: IgnoreFindingArgs = { fingerprint: f.fingerprint, uri };
    out.push({ title, kind: IGNORE_KIND, diagnostics: [d], isPreferred: false, command: Command.create(title, IGNORE_FINDING_COMMAND, args) });
  }
  for (const [kind, diagnostics] of kinds) {
    const title = `Ignore all ${kind} findings in the workspace`;
    const args: IgnoreKindArgs = { kind, uri };
    out.push({ title, kind: IGNORE_KIND, diagnostics, isPreferred: false, command: Command.create(title, IGNORE_KIND_COMMAND, args) });
  }
  return out;
}

/** For a client that does not run the commands itself: what to put where. */
export function explainIgnore(params: ExecuteCommandParams): string | undefined {
  const arg = params.arguments?.[0] as Partial<IgnoreFindingArgs & IgnoreKindArgs> | undefined;
  if (params.command === IGNORE_FINDING_COMMAND && typeof arg?.fingerprint === 'string') {
    return `Galley cannot change this editor's settings. To hide this finding everywhere, add ${JSON.stringify(arg.fingerprint)} to the setting galley.ignore (an array of strings).`;
  }
  if (params.command === IGNORE_KIND_COMMAND && typeof arg?.kind === 'string') {
    return `Galley cannot change this editor's settings. To hide every ${arg.kind} finding, set galley.rules.${arg.kind} to "off".`;
  }
  return undefined;
}
