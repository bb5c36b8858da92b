// What must hold of the model on any text whatever, written against the model's public
// types with line splitting of our own: the hard-input tests and the fuzzer check every
// text with `checkText`, which returns the violations (an empty list when all is well).
//
//   - no exception;
//   - every span, line number and edit inside the document (and no offset between the
//     two halves of a surrogate pair);
//   - fix-all edits sorted and non-overlapping, for the kinds and findings the server
//     uses (sure findings of every fixing kind) and for every finding;
//   - no text outside a finding removed: a character that a fix-all edit deletes lies in
//     a finding's span, or is white space or a line break (the blank lines a removal
//     joins, the line breaks of removed lines);
//   - fixing twice equals fixing once where the first fix acted (`checkSecondFix`, with
//     `idempotence`): reported apart (`secondFix`), since the model's second reading of
//     a cleaned page may differ; the tests hold its rate under a floor.
import { analyzeArticle, applyEdits, ArticleModel, FIX_MODE, Finding, FINDING_KINDS, FindingKind, fixAllEdits, lineTable, Span, TextEdit } from '../../server/src/article';
import { splitLines } from './helpers';

/** The kinds the server's fix-all applies by default: every removing or repairing kind. */
export const FIXING_KINDS: ReadonlySet<FindingKind> = new Set(FINDING_KINDS.filter((k) => FIX_MODE[k] !== 'mark'));

export interface CheckOptions {
  /** Also check that fixing twice equals fixing once (a second analysis: doubles the cost). */
  idempotence?: boolean;
}

export interface CheckResult {
  model?: ArticleModel;
  violations: string[];
  /** Places where fixing twice differs from fixing once (checkSecondFix), when asked. */
  secondFix: string[];
  /** The text after the sure fix-all, when computed. */
  fixed?: string;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Is `offset` a valid boundary of `text`: inside it and not inside a surrogate pair? */
function boundary(text: string, offset: number): boolean {
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return false;
  return !(offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset)));
}

function spanOk(text: string, s: Span): boolean {
  return boundary(text, s.start) && boundary(text, s.end) && s.start <= s.end;
}

function show(text: string, s: Span): string {
  const t = text.slice(Math.max(0, s.start), Math.min(text.length, s.end, s.start + 60));
  return `[${s.start},${s.end}) ${JSON.stringify(t)}`;
}

/** White space or a line break: what joining blank lines may delete. */
function isSpaceOrBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 32 || c === 9 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** Violations of the edit invariants for one fix-all. */
export function checkFixAll(text: string, edits: readonly TextEdit[], findings: readonly Finding[], what: string): string[] {
  const out: string[] = [];
  for (const e of edits) if (!spanOk(text, e)) out.push(`${what}: edit outside the document ${show(text, e)}`);
  for (let i = 1; i < edits.length; i++) {
    const a = edits[i - 1];
    const b = edits[i];
    if (b.start < a.start || (b.start === a.start && b.end < a.end)) out.push(`${what}: edits not sorted at ${i}`);
    if (a.end > b.start) out.push(`${what}: edits overlap: ${show(text, a)} and ${show(text, b)}`);
  }
  if (out.length) return out;
  // characters covered by a finding: a difference array over the text
  const cover = new Int32Array(text.length + 1);
  for (const f of findings) {
    cover[f.span.start]++;
    cover[f.span.end]--;
  }
  let depth = 0;
  let pos = 0;
  const inFinding = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    depth += cover[i];
    inFinding[i] = depth > 0 ? 1 : 0;
  }
  for (const e of edits) {
    for (let i = Math.max(e.start, pos); i < e.end; i++) {
      if (!inFinding[i] && !isSpaceOrBreak(text.charCodeAt(i))) {
        out.push(`${what}: removes text outside every finding at ${i}: ${show(text, { start: i, end: Math.min(e.end, i + 40) })} (edit ${show(text, e)})`);
        break;
      }
    }
    pos = e.end;
  }
  return out;
}

/** Violations of the model invariants for an analysed text. */
export function checkModel(text: string, model: ArticleModel): string[] {
  const out: string[] = [];
  const lines = splitLines(text);
  if (model.text !== text) out.push('model.text is not the text');
  if (model.lineCount !== lines.length) out.push(`lineCount ${model.lineCount}, expected ${lines.length}`);
  const lineOk = (l: number | undefined) => l === undefined || (Number.isInteger(l) && l >= 0 && l < lines.length);
  for (const f of model.findings) {
    const where = `${f.kind} finding ${show(text, f.span)}`;
    if (!spanOk(text, f.span)) out.push(`${where}: span outside the document`);
    if (!FINDING_KINDS.includes(f.kind)) out.push(`${where}: unknown kind`);
    if (!f.message) out.push(`${where}: no message`);
    if (f.lines) {
      if (!lineOk(f.lines.first) || !lineOk(f.lines.last) || f.lines.first > f.lines.last) out.push(`${where}: lines ${f.lines.first}-${f.lines.last} outside the document`);
      else if (f.span.start < lines[f.lines.first].start || f.span.end > lines[f.lines.last].end) out.push(`${where}: span outside its lines`);
    }
    for (const e of f.fix.edits) {
      if (!spanOk(text, e)) out.push(`${where}: fix edit outside the document ${show(text, e)}`);
    }
    if (FIX_MODE[f.kind] === 'repair') {
      for (const e of f.fix.edits) if (e.start < f.span.start || e.end > f.span.end) out.push(`${where}: repair ${show(text, e)} outside the finding`);
    }
  }
  for (const b of model.blocks) {
    if (!lineOk(b.line) || !spanOk(text, b.span) || !spanOk(text, b.lineSpan)) out.push(`block at line ${b.line}: outside the document`);
  }
  for (const s of model.stories) {
    const ls = [s.startLine, s.endLine, s.titleLine, s.dekLine, s.truncatedAt, s.headline?.line, ...s.crossheads.flatMap((c) => [c.line, c.endLine])];
    if (!ls.every(lineOk) || s.startLine > s.endLine || !spanOk(text, s.titleSpan)) out.push(`story ${JSON.stringify(s.title.slice(0, 40))}: lines or span outside the document`);
  }
  for (const p of model.people) {
    for (const m of p.mentions) if (!lineOk(m.line) || !spanOk(text, m.span)) out.push(`mention of ${p.name}: outside the document`);
  }
  return out;
}

/** Fixing twice equals fixing once, where the first fix acted: the fixed text, read
 * again, has no sure finding to fix at a place an edit of the first fix landed on that is
 * a repair (a repair whose result needs repairing again), or that repeats a fixed
 * finding (cruft the removal left behind). Elsewhere a second reading may differ from the
 * first (a line's neighbours are gone): that is the model's judgement, not the fix's;
 * `npm run fuzz` counts such cases. */
export function checkSecondFix(text: string, edits: readonly TextEdit[], fixedFindings: readonly Finding[], fixed: string): string[] {
  const again = analyzeArticle(fixed).findings.filter((f) => f.sure && FIXING_KINDS.has(f.kind));
  if (!again.length) return [];
  // where each edit landed in the fixed text
  const landed: { start: number; end: number; edit: TextEdit }[] = [];
  let delta = 0;
  for (const e of edits) {
    landed.push({ start: e.start + delta, end: e.start + delta + e.newText.length, edit: e });
    delta += e.newText.length - (e.end - e.start);
  }
  const fixedPrints = new Set(fixedFindings.map((f) => f.fingerprint));
  const out: string[] = [];
  let k = 0;
  for (const f of again) {
    while (k < landed.length && landed[k].end < f.span.start) k++;
    for (let j = k; j < landed.length && landed[j].start <= f.span.end; j++) {
      if (FIX_MODE[f.kind] === 'repair' || fixedPrints.has(f.fingerprint)) {
        out.push(`fixing twice differs from fixing once: ${f.kind} ${show(fixed, f.span)} where the first fix made ${show(text, landed[j].edit)} → ${JSON.stringify(landed[j].edit.newText.slice(0, 40))}`);
        break;
      }
    }
  }
  return out;
}

/** Analyses `text` and checks every invariant. */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
  let model: ArticleModel;
  try {
    model = analyzeArticle(text);
  } catch (e) {
    return { secondFix: [], violations: [`analyzeArticle threw: ${e instanceof Error ? e.stack : String(e)}`] };
  }
  const violations = checkModel(text, model);
  if (violations.length) return { model, violations, secondFix: [] };
  const table = lineTable(text);
  let fixed: string | undefined;
  const secondFix: string[] = [];
  try {
    const every = model.findings.filter((f) => FIXING_KINDS.has(f.kind));
    violations.push(...checkFixAll(text, fixAllEdits(text, table, every, FIXING_KINDS), every, 'fix-all of every finding'));
    const sure = every.filter((f) => f.sure);
    const edits = fixAllEdits(text, table, sure, FIXING_KINDS);
    violations.push(...checkFixAll(text, edits, sure, 'fix-all of sure findings'));
    // each kind's "remove all" alone
    for (const k of FIXING_KINDS) {
      const ofKind = sure.filter((f) => f.kind === k);
      if (ofKind.length > 1) violations.push(...checkFixAll(text, fixAllEdits(text, table, ofKind, new Set([k])), ofKind, `fix all ${k}`));
    }
    if (violations.length) return { model, violations, secondFix: [] };
    fixed = applyEdits(text, edits);
    if (options.idempotence && edits.length) secondFix.push(...checkSecondFix(text, edits, sure, fixed));
  } catch (e) {
    violations.push(`fix-all threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
  return { model, violations, secondFix, fixed };
}
