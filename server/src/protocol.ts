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
