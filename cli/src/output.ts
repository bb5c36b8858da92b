// `galley check` reports: readable text (file:line:col, as compilers print, so editors
// and terminals link them), JSON, or SARIF 2.1.0 for CI dashboards. JSON and SARIF are
// written file by file as results arrive, so a big corpus is never held in memory.

import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FINDING_KINDS } from '../../server/src/article';
import { Severity } from '../../server/src/article';
import { CliDiagnostic, Result } from './work';

/** LSP's DiagnosticSeverity numbers by name, and back. */
export const SEVERITY_NUMBER: Record<Exclude<Severity, 'off'>, number> = { error: 1, warning: 2, information: 3, hint: 4 };
export const SEVERITY_NAME: Record<number, Exclude<Severity, 'off'>> = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };

export type Format = 'text' | 'json' | 'sarif';

export interface Reporter {
  file(path: string, result: Result): void;
  end(summary: Summary): void;
}

export interface Summary {
  files: number;
  bySeverity: Record<string, number>;
  errors: number;
  skipped: number;
}

type Write = (s: string) => void;

const shown = (path: string) => relative(process.cwd(), path) || path;

function textReporter(write: Write): Reporter {
  return {
    file(path, r) {
      if (r.error) return; // reading errors go to stderr
      for (const d of r.diagnostics ?? []) {
        const { line, character } = d.range.start;
        write(`${shown(path)}:${line + 1}:${character + 1}: ${SEVERITY_NAME[d.severity]} [${d.code}] ${d.message}\n`);
      }
    },
    end(s) {
      const n = Object.values(s.bySeverity).reduce((a, b) => a + b, 0);
      const parts = Object.entries(s.bySeverity)
        .filter(([, k]) => k)
        .map(([sev, k]) => `${k} ${sev}`);
      write(`${n} problem${n === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''} in ${s.files} file${s.files === 1 ? '' : 's'}` + (s.errors ? `, ${s.errors} unreadable` : '') + (s.skipped ? `, ${s.skipped} skipped` : '') + '\n');
    },
  };
}

export interface JsonFile {
  path: string;
  diagnostics?: (CliDiagnostic & { severityName: string })[];
  error?: string;
  skipped?: string;
}

function jsonReporter(write: Write): Reporter {
  let first = true;
  write('{"files":[');
  return {
    file(path, r) {
      const entry: JsonFile = { path: shown(path) };
      if (r.error) entry.error = r.error;
      else if (r.skipped) entry.skipped = r.skipped;
      else entry.diagnostics = (r.diagnostics ?? []).map((d) => ({ ...d, severityName: SEVERITY_NAME[d.severity] }));
      write((first ? '\n' : ',\n') + JSON.stringify(entry));
      first = false;
    },
    end(s) {
      write(`\n],"summary":${JSON.stringify(s)}}\n`);
    },
  };
}

const SARIF_LEVEL: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'note', 4: 'note' };

function sarifReporter(write: Write): Reporter {
  let first = true;
  const rules = FINDING_KINDS.map((k) => ({ id: k, name: k, shortDescription: { text: `Galley: ${k}` } }));
  write(
    '{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{' +
      `"tool":{"driver":{"name":"galley","rules":${JSON.stringify(rules)}}},` +
      `"originalUriBaseIds":{"SRCROOT":{"uri":${JSON.stringify(pathToFileURL(process.cwd() + '/').href)}}},"results":[`,
  );
  const notifications: unknown[] = [];
  return {
    file(path, r) {
      if (r.error) {
        notifications.push({ level: 'error', message: { text: `${shown(path)}: ${r.error}` } });
        return;
      }
      for (const d of r.diagnostics ?? []) {
        const { start, end } = d.range;
        const result = {
          ruleId: d.code,
          ruleIndex: FINDING_KINDS.indexOf(d.code as never),
          level: SARIF_LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: shown(path).split('\\').join('/'), uriBaseId: 'SRCROOT' },
                region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
              },
            },
          ],
          partialFingerprints: { galleyFingerprint: d.fingerprint },
        };
        write((first ? '\n' : ',\n') + JSON.stringify(result));
        first = false;
      }
    },
    end() {
      write(`\n],"invocations":[{"executionSuccessful":true,"toolExecutionNotifications":${JSON.stringify(notifications)}}]}]}\n`);
    },
  };
}

export function reporter(format: Format, write: Write): Reporter {
  return format === 'json' ? jsonReporter(write) : format === 'sarif' ? sarifReporter(write) : textReporter(write);
}
