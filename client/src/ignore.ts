// The commands behind the server's "Ignore …" code actions: they write the workspace's
// settings (`.vscode/settings.json`; the user settings when no folder is open). The
// server hears the change (didChangeConfiguration) and reports again without what is
// now hidden; it never writes settings itself.

import * as vscode from 'vscode';
import { FINDING_KINDS } from '../../server/src/article/types';
import { IGNORE_FINDING_COMMAND, IGNORE_KIND_COMMAND, IgnoreFindingArgs, IgnoreKindArgs } from '../../server/src/protocol';

/** Where a suppression goes, and what is already there. Writing an array at one level
 * replaces the levels below it, so the list starts from the value in effect there:
 * nothing already ignored comes back. */
function targetFor(uri: vscode.Uri | undefined): { target: vscode.ConfigurationTarget; current: string[] } {
  const info = vscode.workspace.getConfiguration('galley', uri).inspect<string[]>('ignore');
  const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
  // a multi-root workspace: the document's folder's .vscode/settings.json
  if (vscode.workspace.workspaceFile && folder) {
    return { target: vscode.ConfigurationTarget.WorkspaceFolder, current: info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue ?? [] };
  }
  if (vscode.workspace.workspaceFolders?.length) {
    return { target: vscode.ConfigurationTarget.Workspace, current: info?.workspaceValue ?? info?.globalValue ?? [] };
  }
  return { target: vscode.ConfigurationTarget.Global, current: info?.globalValue ?? [] };
}

function parseUri(uri: unknown): vscode.Uri | undefined {
  try {
    return typeof uri === 'string' ? vscode.Uri.parse(uri, true) : undefined;
  } catch {
    return undefined;
  }
}

const WHERE: Record<number, string> = {
  [vscode.ConfigurationTarget.Global]: 'user settings',
  [vscode.ConfigurationTarget.Workspace]: 'workspace settings',
  [vscode.ConfigurationTarget.WorkspaceFolder]: 'folder settings',
};

/** Adds a fingerprint to galley.ignore; returns the target it was written to. */
export async function ignoreFinding(args: IgnoreFindingArgs): Promise<vscode.ConfigurationTarget | undefined> {
  if (typeof args?.fingerprint !== 'string') return undefined;
  const uri = parseUri(args.uri);
  const { target, current } = targetFor(uri);
  if (!current.includes(args.fingerprint)) {
    await vscode.workspace.getConfiguration('galley', uri).update('ignore', [...current, args.fingerprint], target);
  }
  vscode.window.setStatusBarMessage(`Galley: ignored in the ${WHERE[target]} (galley.ignore)`, 4000);
  return target;
}

/** Sets galley.rules.<kind> to "off"; returns the target it was written to. */
export async function ignoreKind(args: IgnoreKindArgs): Promise<vscode.ConfigurationTarget | undefined> {
  if (!(FINDING_KINDS as readonly string[]).includes(args?.kind)) return undefined;
  const uri = parseUri(args.uri);
  const { target } = targetFor(uri);
  await vscode.workspace.getConfiguration('galley', uri).update(`rules.${args.kind}`, 'off', target);
  vscode.window.setStatusBarMessage(`Galley: ${args.kind} switched off in the ${WHERE[target]} (galley.rules.${args.kind})`, 4000);
  return target;
}

export function registerIgnoreCommands(): vscode.Disposable {
  const fail = (e: unknown) => {
    void vscode.window.showErrorMessage(`Galley: could not change the settings: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(IGNORE_FINDING_COMMAND, (args: IgnoreFindingArgs) => ignoreFinding(args).catch(fail)),
    vscode.commands.registerCommand(IGNORE_KIND_COMMAND, (args: IgnoreKindArgs) => ignoreKind(args).catch(fail)),
  );
}
