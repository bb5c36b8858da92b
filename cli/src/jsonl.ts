// `galley clean --jsonl`: records in, records out, one JSON object a line, so that
// cleaning runs as the map step of a distributed engine (Spark's RDD.pipe, Hadoop
// streaming, Beam) with no Galley code on the cluster. Each record's text (field
// `text`, or --field) is cleaned and checked; the record goes out with `cleaned` (the
// cleaned text) and `findings` (the diagnostics, as `galley check --format json`)
// added, or with `error`. Records with the same `site` (or --site-field) are one
// folder's worth of scrapes: a line recurring across them is site chrome, exactly as
// for files in one folder. The evidence needs the whole group, so the input (one
// partition, in an engine) is read before the records are analysed; the output keeps
// the input's order.

import { createInterface } from 'node:readline';
import { SiteChromeIndex } from '../../server/src/article';
import { GalleySettings } from '../../server/src/settings';
import { Pool } from './pool';
import { inOrder } from './run';
import { Result } from './work';

export interface JsonlOptions {
  pool: Pool;
  settings: GalleySettings;
  field: string;
  siteField: string;
}

interface Rec {
  line: number;
  value?: Record<string, unknown>;
  error?: string;
  text?: string;
  site?: string;
}

function parse(line: string, n: number, o: JsonlOptions): Rec {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { line: n, error: `line ${n}: not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { line: n, error: `line ${n}: not a JSON object` };
  const rec = value as Record<string, unknown>;
  const text = rec[o.field];
  if (typeof text !== 'string') return { line: n, value: rec, error: `line ${n}: no string field "${o.field}"` };
  const site = rec[o.siteField];
  return { line: n, value: rec, text, site: typeof site === 'string' || typeof site === 'number' ? String(site) : undefined };
}

export async function cleanJsonl(input: NodeJS.ReadableStream, write: (s: string) => void, o: JsonlOptions): Promise<{ records: number; errors: number }> {
  const records: Rec[] = [];
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (line.trim()) records.push(parse(line, n, o));
  }
  const { settings } = o;

  // the sites' evidence, as for the scrapes of a folder (records of no site have none)
  const index = new SiteChromeIndex();
  const docId = (r: Rec) => `#${r.line}`;
  if (settings.workspaceIndex) {
    const sited = records.filter((r) => r.text !== undefined && r.site !== undefined);
    await inOrder(
      sited,
      o.pool,
      (r, id) => ({ task: { op: 'hash', id, source: { text: r.text!, name: docId(r) }, requireArticle: true, maxFileSize: settings.maxFileSize }, lookup: () => [] }),
      (r, res) => {
        if (res?.hashes) index.setLineHashes(docId(r), `site:${r.site}`, res.hashes);
      },
    );
  }

  let errors = 0;
  await inOrder(
    records,
    o.pool,
    (r, id) => {
      if (r.text === undefined) return undefined;
      const folder = index.folderOf(docId(r));
      return {
        task: { op: 'clean', id, source: { text: r.text, name: docId(r) }, settings, requireArticle: false, evidence: folder !== undefined, output: { kind: 'text' } },
        lookup: (hashes) => Array.from(hashes, (h) => index.evidenceOfHash(folder!, h)),
      };
    },
    (r, res: Result | undefined) => {
      const out: Record<string, unknown> = { ...(r.value ?? {}) };
      const error = r.error ?? res?.error ?? res?.skipped;
      if (error) {
        out.error = error;
        errors++;
      } else {
        out.cleaned = res!.cleaned;
        out.findings = res!.diagnostics;
      }
      write(JSON.stringify(out) + '\n');
    },
  );
  return { records: records.length, errors };
}
