// Galley's own messages between the server and its clients, shared by both sides.

/** `galley/status`: sent after each analysis, feeds the client's language status item. */
export const STATUS_NOTIFICATION = 'galley/status';

export interface StatusParams {
  uri: string;
  version: number;
  stories: number;
  findings: number;
  /** Milliseconds the analysis took. */
  elapsedMs: number;
  /** Why the document was not analysed, if it was not. */
  skipped?: string;
}

/** `galley/openSetting` {setting, uri}: the user chose "Open Setting" in a message of the
 * server's; sent only to clients that say they handle it (initializationOptions.openSetting). */
export const OPEN_SETTING_NOTIFICATION = 'galley/openSetting';

export interface OpenSettingParams {
  setting: string;
  uri: string;
}

/** `galley/check` {uri}: the user asked to check the document now ("Galley: Check
 * Document"), whatever galley.run says. */
export const CHECK_NOTIFICATION = 'galley/check';

export interface CheckParams {
  uri: string;
}

/** Commands that code actions ask the client to run. The VS Code client runs them itself
 * (writing settings is the editor's business) and says so in
 * `initializationOptions.clientCommands`; for other clients the server answers
 * `workspace/executeCommand` with what to put in their settings (see ignore.ts). */
export const IGNORE_FINDING_COMMAND = 'galley.ignoreFinding';
export const IGNORE_KIND_COMMAND = 'galley.ignoreKind';
export const CLIENT_COMMANDS: readonly string[] = [IGNORE_FINDING_COMMAND, IGNORE_KIND_COMMAND];

/** Arguments of `galley.ignoreFinding`: add `fingerprint` to `galley.ignore`. */
export interface IgnoreFindingArgs {
  fingerprint: string;
  /** The document the finding is in (the scope of the setting). */
  uri: string;
}

/** Arguments of `galley.ignoreKind`: set `galley.rules.<kind>` to "off". */
export interface IgnoreKindArgs {
  kind: string;
  uri: string;
}

/** `galley/exportAnnotations` {uri} → {markdown, json}: the document's annotations as a
 * Markdown digest and as JSON ("Galley: Export Annotations"); `link` is how the digest
 * links to the article (a path relative to where the digest is written). */
export const EXPORT_ANNOTATIONS_REQUEST = 'galley/exportAnnotations';

export interface ExportAnnotationsParams {
  uri: string;
  link: string;
}

export interface ExportAnnotationsResult {
  markdown: string;
  json: unknown;
}
