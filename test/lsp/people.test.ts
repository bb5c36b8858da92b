// People and short forms over LSP, on the seed: hover cards for everyone the page names
// (the same card from a surname, a first name, a nickname), Go to Definition to where a
// person is introduced or a short form spelled out, Find All References and Document
// Highlights for every mention; no card for capitalised phrases that are not people; and
// Workspace Symbols over a workspace folder of scrapes, following the files as they change.
import * as assert from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentHighlight, Hover, Location, Position, SymbolInformation } from 'vscode-languageserver';
import { loadSeed, splitLines } from '../model/helpers';
import { LspClient, pullCapabilities } from './client';
import { SeedSession, startSeedSession, unescapeMd } from './util';

const { ref, text } = loadSeed();
const seedLines = splitLines(text).map((l) => l.text);

/** The position of the `nth` occurrence of `needle` on the 1-based reference line `line`. */
function at(line: number, needle: string, nth = 0, plus = 1): Position {
  let c = -1;
  for (let k = 0; k <= nth; k++) c = seedLines[line - 1].indexOf(needle, c + 1);
  assert.ok(c >= 0, `${JSON.stringify(needle)} is not on line ${line}`);
  return { line: line - 1, character: c + plus };
}

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents as { value?: string } | string;
  return unescapeMd(typeof c === 'string' ? c : c.value ?? '');
}

describe('lsp: people and short forms on the seed', () => {
  let s: SeedSession;
  before(async () => {
    s = await startSeedSession({ pull: true });
  });
  after(async () => {
    await s?.client.kill();
  });

  const hover = (p: Position) => s.client.request<Hover | null>('textDocument/hover', { textDocument: { uri: s.uri }, position: p });
  const definition = (p: Position) => s.client.request<Location | Location[] | null>('textDocument/definition', { textDocument: { uri: s.uri }, position: p });
  const references = (p: Position, includeDeclaration = true) =>
    s.client.request<Location[]>('textDocument/references', { textDocument: { uri: s.uri }, position: p, context: { includeDeclaration } });
  const highlights = (p: Position) => s.client.request<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri: s.uri }, position: p });
  const one = (l: Location | Location[] | null) => (Array.isArray(l) ? l[0] : l);

  it('announces definition, references, highlights and workspace symbols', () => {
    const caps = s.init.capabilities;
    assert.ok(caps.definitionProvider && caps.referencesProvider && caps.documentHighlightProvider && caps.workspaceSymbolProvider, JSON.stringify(caps));
  });

  for (const q of ref.peopleQuoted) {
    it(`hovers every mention of ${q.name} to one card: full name, how they are introduced, where quoted`, async () => {
      const surname = q.name.split(' ').pop()!;
      const mentions = [q.introducedLine, ...(q.laterMentions ?? [])];
      for (const line of mentions) {
        const word = seedLines[line - 1].includes(q.name) ? q.name : surname;
        const t = hoverText(await hover(at(line, word, 0, word.length - 1)));
        assert.ok(t.includes(q.name), `line ${line}: ${t}`);
        assert.ok(t.includes(q.description), `line ${line}: the card lacks "${q.description}": ${t}`);
        assert.ok(t.includes(`line ${q.introducedLine}`), `line ${line}: ${t}`);
      }
      const card = hoverText(await hover(at(q.introducedLine, q.name)));
      assert.match(card, /Quoted on line/);
    });
  }

  it('gives titles: Magistrate Judge Zia Faruqui, CEO Adam Selipsky, Party Chairman Xi Jinping', async () => {
    for (const p of ref.peopleNamed.filter((x) => x.title)) {
      const line = p.lines.find((l) => seedLines[l - 1].includes(p.name))!;
      const t = hoverText(await hover(at(line, p.name)));
      assert.ok(t.includes(p.name) && t.includes(p.title!), `${p.name}: ${t}`);
    }
  });

  it('hovers a nickname and a family name to the person: "Mengzhu", "Xi\'s"', async () => {
    assert.ok(hoverText(await hover(at(47, 'Mengzhu'))).includes('Chen Guojiang'));
    assert.ok(hoverText(await hover(at(47, 'Xi'))).includes('Xi Jinping'));
  });

  it('hovers photographers and authors: Yan Cong, Veronica Irwin', async () => {
    assert.match(hoverText(await hover(at(9, 'Yan Cong'))), /Yan Cong.*photographer/);
    assert.match(hoverText(await hover(at(65, 'Veronica Irwin'))), /Veronica Irwin.*author/);
  });

  it('gives no person card to capitalised phrases that are not people', async () => {
    for (const phrase of ref.notPeople) {
      const line = seedLines.findIndex((l) => l.includes(phrase));
      if (line < 0) continue;
      const t = hoverText(await hover(at(line + 1, phrase)));
      assert.ok(!/— (author|photographer)|Introduced as|First named/.test(t) || /Spelled out/.test(t), `${phrase}: ${t}`);
    }
  });

  it('hovers short forms to their long form and where it is spelled out', async () => {
    for (const a of ref.acronyms) {
      const line = a.shortLines?.[0] ?? a.line!;
      const t = hoverText(await hover(at(line, a.short)));
      assert.ok(t.includes(a.long), `${a.short}: ${t}`);
      assert.ok(t.includes(`line ${a.longLine ?? a.line}`), `${a.short}: ${t}`);
    }
  });

  it('goes from a surname to where the person is introduced', async () => {
    const d = one(await definition(at(27, 'Friedman')));
    assert.strictEqual(d?.uri, s.uri);
    assert.strictEqual(d!.range.start.line + 1, 19);
    assert.strictEqual(seedLines[18].slice(d!.range.start.character, d!.range.end.character), 'Eli Friedman');
    const x = one(await definition(at(56, 'Faruqui')));
    assert.ok(x && [52, 56, 62].includes(x.range.start.line + 1));
  });

  it('goes from a short form to where it is spelled out', async () => {
    const d = one(await definition(at(25, 'ACFTU')));
    assert.strictEqual(d!.range.start.line + 1, 13);
    assert.strictEqual(seedLines[12].slice(d!.range.start.character, d!.range.end.character), 'All-China Federation of Trade Unions');
  });

  it('finds every mention of a person (full name, surname), with or without the introduction', async () => {
    const lines = (ls: Location[]) => [...new Set(ls.map((l) => l.range.start.line + 1))].sort((a, b) => a - b);
    const all = await references(at(49, 'Friedman'));
    assert.deepStrictEqual(lines(all), [19, 25, 27, 49]);
    const without = await references(at(49, 'Friedman'), false);
    assert.strictEqual(without.length, all.length - 1);
    // an author: name line, bio (full name and @handle)
    const irwin = await references(at(65, 'Veronica Irwin'));
    assert.deepStrictEqual(lines(irwin), [65, 67]);
    assert.ok(irwin.some((l) => seedLines[l.range.start.line].slice(l.range.start.character, l.range.end.character) === '@vronirwin'));
  });

  it('highlights the mentions of the name under the cursor, the introduction as the write', async () => {
    const h = await highlights(at(25, 'Friedman'));
    assert.deepStrictEqual([...new Set(h.map((x) => x.range.start.line + 1))], [19, 25, 27, 49]);
    assert.strictEqual(h.filter((x) => x.kind === 3).length, 1);
    assert.deepStrictEqual(await highlights({ line: 10, character: 2 }), []);
  });
});

describe('lsp: workspace symbols and author stories across the workspace', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  const seedName = 'seed.article';
  const other = [
    "Why tech unions matter now",
    "",
    "By Veronica Irwin",
    "",
    "November 3, 2022",
    "",
    "Workers at several companies said on Monday that they would vote on forming unions this month, according to organizers who have spent the past year talking with colleagues about pay, hours and the way their work is measured.",
    "",
    "\"We want a seat at the table,\" said Dana Whitfield, a software engineer at the company who helped organize the vote. \"Nobody here is asking for anything that workers elsewhere do not already have.\"",
    "",
    "The companies have said little in public. In a note to staff seen by reporters, one of them said it respected the right of its employees to organize and that it would not stand in the way of the vote.",
    "",
    "Labor lawyers say the votes could take months to settle, and that the results will be watched closely across the industry, where only a handful of workplaces have unions at all.",
    "",
    "Whitfield said the organizers would meet again next week to plan the next steps of the campaign and to answer the questions their colleagues have been sending them.",
    "",
  ].join('\n');
  const symbols = (query: string) => client.request<SymbolInformation[]>('workspace/symbol', { query });
  async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
    const end = Date.now() + 20_000;
    for (;;) {
      const v = await probe();
      if (v) return v;
      if (Date.now() > end) throw new Error(`no ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'galley-people-'));
    writeFileSync(join(root, seedName), text);
    writeFileSync(join(root, 'unions.article'), other);
    client = new LspClient({ settings: { galley: {} } });
    const caps = pullCapabilities() as any;
    caps.workspace.didChangeWatchedFiles = { dynamicRegistration: true };
    await client.initialize(caps, undefined, [pathToFileURL(root).href]);
  });
  after(async () => {
    await client?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes the workspace with progress', async () => {
    await client.waitFor((n) => n.method === '$/progress' && n.params?.value?.kind === 'end', 'the end of the indexing progress', 0, 20_000);
    const begin = client.received.find((n) => n.method === '$/progress' && n.params?.value?.kind === 'begin');
    assert.ok(begin && begin.params.value.cancellable === true, 'indexing can be cancelled');
  });

  it('finds stories by headline and people by name in every scrape', async () => {
    const story = await until('the seed story', async () => (await symbols('Chinese tech giants')).find((x) => x.name.startsWith('Chinese tech giants')));
    assert.strictEqual(story.location.uri, pathToFileURL(join(root, seedName)).href);
    assert.strictEqual(story.location.range.start.line, 0);
    const friedman = (await symbols('Eli Friedman')).find((x) => x.name === 'Eli Friedman');
    assert.ok(friedman, 'Eli Friedman');
    assert.strictEqual(friedman.location.range.start.line + 1, 19);
    const dana = (await symbols('whitfield')).find((x) => x.name === 'Dana Whitfield');
    assert.ok(dana && dana.location.uri.endsWith('unions.article'));
    assert.ok((await symbols('zzzzqqq')).length === 0);
  });

  it("says which of an author's other stories are in the workspace, with links", async () => {
    const uri = pathToFileURL(join(root, seedName)).href;
    client.open(uri, text);
    const t = await until('the other story in the card', async () => {
      const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: at(65, 'Veronica Irwin') });
      const v = hoverText(h);
      return v.includes('Also in the workspace') ? v : undefined;
    });
    assert.ok(t.includes('Why tech unions matter now') && t.includes('unions.article'), t);
  });

  it('follows the files as they change', async () => {
    writeFileSync(join(root, 'unions.article'), other.replace('Why tech unions matter now', 'Organizers call a union vote').replaceAll('Whitfield', 'Whitmore'));
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(root, 'unions.article')).href, type: 2 }] });
    await until('the new headline', async () => ((await symbols('Organizers call')).length ? true : undefined));
    assert.strictEqual((await symbols('Why tech unions')).length, 0);
    assert.ok((await symbols('Dana Whitmore')).some((x) => x.name === 'Dana Whitmore'));
    assert.ok(!(await symbols('Dana Whitfield')).some((x) => x.name === 'Dana Whitfield'));
    readFileSync(join(root, 'unions.article'));
  });
});
