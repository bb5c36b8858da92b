// Suppression without editing the text, over LSP: the "Ignore …" code actions (kind
// quickfix.galley.ignore, a command and no edit), galley.ignore and galley.rules.<kind>
// "off" as the client would write them (answered to workspace/configuration after
// workspace/didChangeConfiguration): the findings leave the diagnostics, "remove all"
// and fix-all. And workspace/executeCommand for clients that cannot run the commands.
import * as assert from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver';
import { analyzeArticle, applyEdits, DEFAULT_SEVERITY, FINDING_KINDS, FIX_MODE, Finding, FindingKind, fixAllEdits, lineTable } from '../../server/src/article';
import { loadSeed, splitLines } from '../model/helpers';
import { LspClient, pullCapabilities } from './client';
import { applyLspEdits, codeActionsFor, diagnosticKey, editsFor, pullDiagnostics, SEED_URI, SeedSession, startSeedSession, wholeDocument } from './util';

const IGNORE = 'quickfix.galley.ignore';
const FIX_ALL = 'source.fixAll.galley';
const IGNORE_FINDING = 'galley.ignoreFinding';
const IGNORE_KIND = 'galley.ignoreKind';
const RANK = { off: 0, hint: 1, information: 2, warning: 3, error: 4 } as const;
const FIX_ALL_KINDS = new Set<FindingKind>(FINDING_KINDS.filter((k) => FIX_MODE[k] !== 'mark' && RANK[DEFAULT_SEVERITY[k]] >= RANK.warning));

const { text: seedText } = loadSeed();
const seedLines = splitLines(seedText);
const findings = analyzeArticle(seedText).findings;
/** "Keep ReadingShow less": one ui-label text that the seed repeats under every teaser. */
const keepReading = findings.find((f) => f.kind === 'ui-label' && seedLines[f.lines?.first ?? -1]?.text.trim() === 'Keep ReadingShow less');

function lineCount(text: string, line: string): number {
  return splitLines(text).filter((l) => l.text.trim() === line).length;
}

/** Fix-all on the seed as the model computes it, without the findings `hidden` drops. */
function fixAllWithout(hidden: (f: Finding) => boolean, kinds = FIX_ALL_KINDS): string {
  const kept = findings.filter((f) => f.sure && kinds.has(f.kind) && !hidden(f));
  return applyEdits(seedText, fixAllEdits(seedText, lineTable(seedText), kept, kinds));
}

/** Sets the client's settings and waits for the server to ask a pull client to refresh. */
async function reconfigure(s: SeedSession, settings: Record<string, unknown>): Promise<void> {
  s.client.settings = settings;
  const from = s.client.seq;
  s.client.notify('workspace/didChangeConfiguration', { settings: null });
  await s.client.waitFor((m) => m.method === 'workspace/diagnostic/refresh', 'workspace/diagnostic/refresh', from);
}

function fixAllText(actions: any[], uri: string): string {
  assert.strictEqual(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
  return applyLspEdits(seedText, editsFor(actions[0].edit, uri).edits);
}

describe('lsp: ignoring findings in the workspace', () => {
  before(() => {
    assert.ok(keepReading, 'the model no longer flags "Keep ReadingShow less" as a ui-label');
    const copies = findings.filter((f) => f.fingerprint === keepReading.fingerprint).length;
    assert.ok(copies >= 2, `"Keep ReadingShow less" is flagged ${copies} time(s): the tests need it repeated`);
    assert.ok(findings.some((f) => f.kind === 'ui-label' && f.fingerprint !== keepReading.fingerprint), 'no other ui-label to tell apart');
  });

  describe('the actions', () => {
    let s: SeedSession;
    let diagnostics: Diagnostic[];
    before(async () => {
      s = await startSeedSession({ pull: true });
      diagnostics = await pullDiagnostics(s.client, s.uri);
    });
    after(async () => {
      await s?.client.kill();
    });

    it('announces quickfix.galley.ignore among its code action kinds', () => {
      assert.ok((s.init.capabilities.codeActionProvider?.codeActionKinds ?? []).includes(IGNORE), JSON.stringify(s.init.capabilities.codeActionProvider));
    });

    it('offers, for every diagnostic, one "Ignore this <kind> in the workspace" carrying its fingerprint in a command, not preferred, without an edit', async () => {
      assert.ok(diagnostics.length > 0, 'no diagnostics');
      const problems: string[] = [];
      for (const d of diagnostics) {
        const f = findings.find((x) => x.kind === d.code && seedLines[d.range.start.line].start + d.range.start.character === x.span.start);
        if (!f) {
          problems.push(`${diagnosticKey(d)}: no such finding in the model`);
          continue;
        }
        const actions = await codeActionsFor(s.client, s.uri, d.range, [d]);
        const mine = actions.filter((a) => a.command?.command === IGNORE_FINDING && (a.diagnostics ?? []).some((x: Diagnostic) => diagnosticKey(x) === diagnosticKey(d)));
        if (mine.length !== 1) {
          problems.push(`${diagnosticKey(d)}: ${mine.length} ignore actions (${actions.map((a) => a.title).join(' | ')})`);
          continue;
        }
        const a = mine[0];
        const same = findings.filter((x) => x.fingerprint === f.fingerprint).length;
        const title = `Ignore this ${f.kind} in the workspace` + (same > 1 ? ` (${same} like it in this file)` : '');
        if (a.title !== title) problems.push(`${diagnosticKey(d)}: title ${JSON.stringify(a.title)}, expected ${JSON.stringify(title)}`);
        if (a.kind !== IGNORE) problems.push(`${diagnosticKey(d)}: kind ${a.kind}`);
        if (a.isPreferred) problems.push(`${diagnosticKey(d)}: preferred`);
        if (a.edit) problems.push(`${diagnosticKey(d)}: carries an edit`);
        const args = a.command.arguments;
        if (JSON.stringify(args) !== JSON.stringify([{ fingerprint: f.fingerprint, uri: s.uri }])) problems.push(`${diagnosticKey(d)}: arguments ${JSON.stringify(args)}`);
      }
      assert.deepStrictEqual(problems, []);
    });

    it('offers "Ignore all <kind> findings in the workspace" once per kind, after the fixes', async () => {
      const ui = diagnostics.filter((d) => d.code === 'ui-label');
      const credit = diagnostics.find((d) => d.code === 'image-credit');
      assert.ok(ui.length >= 2 && credit, 'the seed has no ui-label pair or image-credit diagnostic');
      const actions = await codeActionsFor(s.client, s.uri, wholeDocument(seedText), [...ui, credit]);
      const all = actions.filter((a) => a.command?.command === IGNORE_KIND);
      assert.deepStrictEqual(
        all.map((a) => [a.title, a.kind, !!a.isPreferred, !!a.edit, a.command.arguments]),
        [
          ['Ignore all ui-label findings in the workspace', IGNORE, false, false, [{ kind: 'ui-label', uri: s.uri }]],
          ['Ignore all image-credit findings in the workspace', IGNORE, false, false, [{ kind: 'image-credit', uri: s.uri }]],
        ],
      );
      const lastFix = actions.map((a) => a.kind).lastIndexOf('quickfix.galley');
      const firstIgnore = actions.findIndex((a) => a.kind === IGNORE);
      assert.ok(lastFix >= 0 && firstIgnore > lastFix, `ignore actions come after the fixes: ${actions.map((a) => a.kind).join(', ')}`);
    });

    it('returns only the ignore actions for only: [quickfix.galley.ignore], and none of them for only: [quickfix.galley.x]', async () => {
      const d = diagnostics.find((x) => x.code === 'ui-label')!;
      const only = await codeActionsFor(s.client, s.uri, d.range, [d], [IGNORE]);
      assert.deepStrictEqual(only.map((a) => a.command?.command).sort(), [IGNORE_FINDING, IGNORE_KIND]);
      const other = await codeActionsFor(s.client, s.uri, d.range, [d], ['quickfix.galley.x']);
      assert.deepStrictEqual(other, []);
    });
  });

  describe('galley.ignore, as the client writes it from the action', () => {
    let s: SeedSession;
    let before0: Diagnostic[];
    let ignored: Diagnostic[];
    before(async () => {
      s = await startSeedSession({ pull: true });
      before0 = await pullDiagnostics(s.client, s.uri);
      const d = before0.find((x) => x.code === 'ui-label' && x.range.start.line === keepReading!.lines!.first)!;
      const [a] = (await codeActionsFor(s.client, s.uri, d.range, [d], [IGNORE])).filter((x) => x.command?.command === IGNORE_FINDING);
      // what the VS Code client does with the command: append the fingerprint to galley.ignore
      await reconfigure(s, { galley: { ignore: [a.command.arguments[0].fingerprint] } });
      ignored = await pullDiagnostics(s.client, s.uri);
    });
    after(async () => {
      await s?.client.kill();
    });

    it('drops every diagnostic with that fingerprint and keeps all the others', () => {
      const hidden = new Set(findings.filter((f) => f.fingerprint === keepReading!.fingerprint).map((f) => f.lines!.first));
      const isHidden = (d: Diagnostic) => d.code === 'ui-label' && hidden.has(d.range.start.line);
      assert.strictEqual(before0.filter(isHidden).length, hidden.size);
      assert.deepStrictEqual(ignored.map(diagnosticKey), before0.filter((d) => !isHidden(d)).map(diagnosticKey));
      assert.ok(ignored.some((d) => d.code === 'ui-label'), 'the other ui-label ("Latest Stories") went too');
    });

    it('leaves the ignored text in place in source.fixAll.galley, and fixes the rest as before', async () => {
      const text = fixAllText(await codeActionsFor(s.client, s.uri, wholeDocument(seedText), [], [FIX_ALL]), s.uri);
      assert.strictEqual(lineCount(text, 'Keep ReadingShow less'), lineCount(seedText, 'Keep ReadingShow less'));
      assert.strictEqual(lineCount(text, 'Latest Stories'), 0);
      assert.strictEqual(text, fixAllWithout((f) => f.fingerprint === keepReading!.fingerprint));
    });

    it('leaves it out of "Remove all … ui-label": one ui-label is left, so none is offered', async () => {
      const d = ignored.find((x) => x.code === 'ui-label')!;
      const actions = await codeActionsFor(s.client, s.uri, d.range, [d]);
      assert.deepStrictEqual(actions.filter((a) => /^Remove all /.test(a.title)).map((a) => a.title), []);
      const beforeD = before0.find((x) => x.code === 'ui-label')!;
      s.client.settings = { galley: {} };
      // the same request without the setting offers it (so the check above can fail)
      const from = s.client.seq;
      s.client.notify('workspace/didChangeConfiguration', { settings: null });
      await s.client.waitFor((m) => m.method === 'workspace/diagnostic/refresh', 'workspace/diagnostic/refresh', from);
      const again = await codeActionsFor(s.client, s.uri, beforeD.range, [beforeD]);
      assert.ok(again.some((a) => /^Remove all \d+ .*\(ui-label\)/.test(a.title)), again.map((a) => a.title).join(' | '));
    });
  });

  it('matches entries written by hand whatever their case and spacing', async () => {
    const s = await startSeedSession({ pull: true, settings: { galley: { ignore: ['UI-Label:Keep   ReadingShow Less ', 42, null] } } });
    try {
      const items = await pullDiagnostics(s.client, s.uri);
      assert.deepStrictEqual(items.filter((d) => d.code === 'ui-label').map((d) => seedLines[d.range.start.line].text.trim()), ['Latest Stories']);
    } finally {
      await s.client.kill();
    }
  });

  it('applies to pushed diagnostics too', async () => {
    const s = await startSeedSession({ pull: false, settings: { galley: { ignore: [keepReading!.fingerprint] } } });
    try {
      const pushed = (await s.client.diagnosticsPushed(s.uri, 1)).diagnostics as Diagnostic[];
      const expected = findings.filter((f) => f.fingerprint !== keepReading!.fingerprint).length;
      assert.strictEqual(pushed.length, expected);
      assert.ok(!pushed.some((d) => seedLines[d.range.start.line].text.trim() === 'Keep ReadingShow less'));
    } finally {
      await s.client.kill();
    }
  });

  describe('"Ignore all", as the client writes it: galley.rules.<kind> "off"', () => {
    let s: SeedSession;
    before(async () => {
      s = await startSeedSession({ pull: true });
    });
    after(async () => {
      await s?.client.kill();
    });

    it('hides the kind and keeps its lines out of fix-all', async () => {
      const diags = await pullDiagnostics(s.client, s.uri);
      const d = diags.find((x) => x.code === 'image-credit');
      assert.ok(d, 'no image-credit diagnostic');
      const [a] = (await codeActionsFor(s.client, s.uri, d.range, [d], [IGNORE])).filter((x) => x.command?.command === IGNORE_KIND);
      const { kind } = a.command.arguments[0];
      await reconfigure(s, { galley: { rules: { [kind]: 'off' } } });
      const after = await pullDiagnostics(s.client, s.uri);
      assert.deepStrictEqual(after.filter((x) => x.code === 'image-credit'), []);
      assert.strictEqual(after.length, diags.length - diags.filter((x) => x.code === 'image-credit').length);
      const text = fixAllText(await codeActionsFor(s.client, s.uri, wholeDocument(seedText), [], [FIX_ALL]), s.uri);
      const kinds = new Set([...FIX_ALL_KINDS].filter((k) => k !== 'image-credit'));
      assert.strictEqual(text, fixAllWithout(() => false, kinds));
      assert.ok(splitLines(text).some((l) => l.text.startsWith('Photo: Yan Cong/Bloomberg')), 'a photo credit was removed');
    });
  });
});

describe('lsp: the ignore commands for clients that cannot run them', () => {
  it('announces them to a client that does not say it runs them, and answers with what to set', async () => {
    const s = await startSeedSession({ pull: true });
    try {
      assert.deepStrictEqual(s.init.capabilities.executeCommandProvider?.commands, [IGNORE_FINDING, IGNORE_KIND]);
      const from = s.client.seq;
      const answer = await s.client.request('workspace/executeCommand', { command: IGNORE_FINDING, arguments: [{ fingerprint: 'ui-label:keep readingshow less', uri: SEED_URI }] });
      assert.match(answer, /galley\.ignore/);
      assert.ok(answer.includes('"ui-label:keep readingshow less"'), answer);
      const shown = await s.client.waitFor((m) => m.method === 'window/showMessage', 'window/showMessage', from);
      assert.strictEqual(shown.params.message, answer);
      const kind = await s.client.request('workspace/executeCommand', { command: IGNORE_KIND, arguments: [{ kind: 'image-credit', uri: SEED_URI }] });
      assert.ok(kind.includes('galley.rules.image-credit') && kind.includes('"off"'), kind);
      // the settings did not change behind the client's back
      assert.ok((await pullDiagnostics(s.client, s.uri)).some((d) => seedLines[d.range.start.line].text.trim() === 'Keep ReadingShow less'));
    } finally {
      await s.client.kill();
    }
  });

  it('leaves them to a client that runs them itself (initializationOptions.clientCommands)', async () => {
    const client = new LspClient({ settings: { galley: {} } });
    try {
      const init = await client.initialize(pullCapabilities(), { clientCommands: [IGNORE_FINDING, IGNORE_KIND] });
      assert.strictEqual(init.capabilities.executeCommandProvider, undefined);
    } finally {
      await client.kill();
    }
  });
});
