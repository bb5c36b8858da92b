// Code actions over LSP: a preferred quick fix per diagnostic, "Remove all N …" per kind,
// source.fixAll.galley bound to the document version, apply-and-recheck, stale versions.
import * as assert from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeArticle, applyEdits, DEFAULT_SEVERITY, FINDING_KINDS, FIX_MODE, FindingKind, fixAllEdits, lineTable } from '../../server/src/article';
import { cruftGroups, isBlankText, loadSeed, repairedResidue, splitLines } from '../model/helpers';
import {
  applyLspEdits, assertDisjoint, codeActionsFor, diagnosticKey, editsFor, pullDiagnostics, SeedSession, startSeedSession, toOffsetEdits, wholeDocument,
} from './util';

const FIX_ALL = 'source.fixAll.galley';
const RANK = { off: 0, hint: 1, information: 2, warning: 3, error: 4 } as const;
/** The default fix-all kinds (the rule of server/src/settings.ts `fixAllKinds`). */
const FIX_ALL_KINDS = new Set<FindingKind>(FINDING_KINDS.filter((k) => FIX_MODE[k] !== 'mark' && RANK[DEFAULT_SEVERITY[k]] >= RANK.warning));

// the reference is needed when mocha collects the tests
const { ref, text: seedText } = loadSeed();
const seedLines = splitLines(seedText);
/** Per removing kind, how many findings the reference expects (adjacent lines make one). */
const groupsPerKind = new Map<string, number>();
for (const g of cruftGroups(ref, seedLines)) groupsPerKind.set(g.kind, (groupsPerKind.get(g.kind) ?? 0) + 1);

function nonBlankLines(text: string): string[] {
  return splitLines(text).map((l) => l.text).filter((t) => !isBlankText(t));
}

function isQuickFix(a: any): boolean {
  return typeof a.kind === 'string' && (a.kind === 'quickfix' || a.kind.startsWith('quickfix.'));
}

describe('lsp: code actions on the seed', () => {
  let s: SeedSession;
  let diagnostics: Diagnostic[];
  before(async () => {
    s = await startSeedSession({ pull: true });
    diagnostics = await pullDiagnostics(s.client, s.uri);
  });
  after(async () => {
    await s?.client.kill();
  });

  it('announces quick fixes and source.fixAll.galley', () => {
    const kinds: string[] = s.init.capabilities.codeActionProvider?.codeActionKinds ?? [];
    assert.ok(kinds.some((k) => k === 'quickfix' || k.startsWith('quickfix.')), JSON.stringify(kinds));
    assert.ok(kinds.includes(FIX_ALL), JSON.stringify(kinds));
  });

  it('offers a preferred quick fix, bound to the document version, for every diagnostic', async () => {
    assert.ok(diagnostics.length > 0, 'no diagnostics');
    const problems: string[] = [];
    for (const d of diagnostics) {
      const actions = await codeActionsFor(s.client, s.uri, d.range, [d]);
      const preferred = actions.filter((a) => isQuickFix(a) && a.isPreferred && (a.diagnostics ?? []).some((x: Diagnostic) => diagnosticKey(x) === diagnosticKey(d)));
      if (preferred.length !== 1) {
        problems.push(`${diagnosticKey(d)}: ${preferred.length} preferred quick fixes (${actions.map((a) => a.title).join(' | ')})`);
        continue;
      }
      const e = editsFor(preferred[0].edit, s.uri);
      if (e.version !== 1) problems.push(`${diagnosticKey(d)}: edit bound to version ${e.version}`);
      if (e.edits.length === 0) problems.push(`${diagnosticKey(d)}: no edits`);
    }
    assert.deepStrictEqual(problems, []);
  });

  const ui = ref.cruft.find((c) => c.kind === 'ui-label' && c.line === 64);
  it('removes exactly line 64 with the ui-label quick fix there', async () => {
    assert.ok(ui, 'the reference no longer has a ui-label on line 64');
    const d = diagnostics.find((x) => x.code === 'ui-label' && x.range.start.line === ui.line - 1);
    assert.ok(d, 'no ui-label diagnostic on line 64');
    const actions = await codeActionsFor(s.client, s.uri, d.range, [d]);
    const fix = actions.find((a) => isQuickFix(a) && a.isPreferred);
    assert.ok(fix, 'no preferred quick fix');
    const after = applyLspEdits(seedText, editsFor(fix.edit, s.uri).edits);
    const expected = seedLines.filter((_, i) => i !== ui.line - 1).map((l) => l.text);
    assert.deepStrictEqual(splitLines(after).map((l) => l.text), expected);
  });

  for (const [kind, n] of groupsPerKind) {
    if (n < 2 || FIX_MODE[kind as FindingKind] !== 'remove') continue;
    it(`offers "Remove all ${n} …" for ${kind}, which removes exactly those lines`, async () => {
      const d = diagnostics.find((x) => x.code === kind);
      assert.ok(d, `no ${kind} diagnostic`);
      const actions = await codeActionsFor(s.client, s.uri, d.range, [d]);
      const all = actions.filter((a) => isQuickFix(a) && /^Remove all \d+ /.test(a.title));
      assert.strictEqual(all.length, 1, actions.map((a) => a.title).join(' | '));
      assert.ok(all[0].title.startsWith(`Remove all ${n} `), all[0].title);
      const e = editsFor(all[0].edit, s.uri);
      assert.strictEqual(e.version, 1);
      const after = applyLspEdits(seedText, e.edits);
      const gone = new Set(ref.cruft.filter((c) => c.kind === kind).map((c) => c.line));
      const expected = seedLines.map((l, i) => ({ t: l.text, n: i + 1 })).filter((l) => !gone.has(l.n) && !isBlankText(l.t)).map((l) => l.t);
      assert.deepStrictEqual(nonBlankLines(after), expected);
    });
  }

  describe('source.fixAll.galley', () => {
    let fixAll: any[];
    before(async () => {
      fixAll = await codeActionsFor(s.client, s.uri, wholeDocument(seedText), [], [FIX_ALL]);
    });

    it('returns one action: a TextDocumentEdit bound to {uri, version} with non-overlapping edits', () => {
      assert.strictEqual(fixAll.length, 1, JSON.stringify(fixAll.map((a) => a.title)));
      assert.strictEqual(fixAll[0].kind, FIX_ALL);
      const dc = fixAll[0].edit?.documentChanges;
      assert.ok(Array.isArray(dc) && dc.length === 1, 'not a single TextDocumentEdit');
      assert.deepStrictEqual(dc[0].textDocument, { uri: s.uri, version: 1 });
      assert.ok(dc[0].edits.length > 0, 'no edits');
      assertDisjoint(toOffsetEdits(seedText, dc[0].edits));
    });

    it("makes the same text as the model's fixAllEdits", () => {
      const model = analyzeArticle(seedText);
      const want = applyEdits(seedText, fixAllEdits(seedText, lineTable(seedText), model.findings.filter((f) => f.sure && FIX_ALL_KINDS.has(f.kind)), FIX_ALL_KINDS));
      assert.strictEqual(applyLspEdits(seedText, editsFor(fixAll[0].edit, s.uri).edits), want);
    });

    it('leaves no finding of a fix-all kind once applied, and a second fix-all offers nothing', async () => {
      const fixed = applyLspEdits(seedText, editsFor(fixAll[0].edit, s.uri).edits);
      s.client.change(s.uri, 2, fixed);
      const left = (await pullDiagnostics(s.client, s.uri)).filter((d) => FIX_ALL_KINDS.has(d.code as FindingKind));
      assert.deepStrictEqual(left.map((d) => `${diagnosticKey(d)} ${d.message}`), []);
      const again = await codeActionsFor(s.client, s.uri, wholeDocument(fixed), [], [FIX_ALL]);
      const edits = again.flatMap((a) => (a.edit ? editsFor(a.edit, s.uri).edits : []));
      assert.deepStrictEqual(edits, []);
    });
  });
});

describe('lsp: code actions never carry edits for a stale version', () => {
  let s: SeedSession;
  let old: Diagnostic[];
  let newText: string;
  before(async () => {
    s = await startSeedSession({ pull: true });
    old = await pullDiagnostics(s.client, s.uri);
    // a new first paragraph shifts every line (and offset) of the old text
    newText = 'Breaking: an editor added this line.\n\n' + seedText;
    s.client.change(s.uri, 2, newText);
  });
  after(async () => {
    await s?.client.kill();
  });

  /** Applying the edits to the new text must keep every line the reference keeps. */
  function assertKeepsKeepLines(edits: Parameters<typeof applyLspEdits>[1], title: string): void {
    const out = nonBlankLines(applyLspEdits(newText, edits));
    const kept = new Set(out);
    const lost = ref.keep
      .map((k) => {
        const t = seedLines[k - 1].text;
        let repaired = t;
        for (const r of ref.residue) if (r.line === k && FIX_MODE[r.kind as FindingKind] === 'repair') repaired = repaired.replace(r.text, repairedResidue(r.kind, r.text));
        return { t, repaired };
      })
      .filter(({ t, repaired }) => !kept.has(t) && !kept.has(repaired))
      .map(({ t }) => t);
    assert.deepStrictEqual(lost.map((t) => t.slice(0, 60)), [], `${title} destroys kept text`);
  }

  it('binds every quick fix asked for with old diagnostics to the new version, or offers none', async () => {
    assert.ok(old.length > 0, 'no diagnostics');
    for (const d of old) {
      const actions = await codeActionsFor(s.client, s.uri, d.range, [d]);
      for (const a of actions) {
        if (!a.edit) continue;
        const e = editsFor(a.edit, s.uri);
        assert.strictEqual(e.version, 2, `${a.title} (for old ${diagnosticKey(d)}) is bound to version ${e.version}`);
        assertKeepsKeepLines(e.edits, `${a.title} (for old ${diagnosticKey(d)})`);
      }
    }
  });

  it('binds source.fixAll.galley to the new version and computes it on the new text', async () => {
    const actions = await codeActionsFor(s.client, s.uri, wholeDocument(newText), old, [FIX_ALL]);
    assert.strictEqual(actions.length, 1);
    const e = editsFor(actions[0].edit, s.uri);
    assert.strictEqual(e.version, 2);
    const model = analyzeArticle(newText);
    const want = applyEdits(newText, fixAllEdits(newText, lineTable(newText), model.findings.filter((f) => f.sure && FIX_ALL_KINDS.has(f.kind)), FIX_ALL_KINDS));
    assert.strictEqual(applyLspEdits(newText, e.edits), want);
  });
});
