// Annotations over LSP: the seed with a highlight and a tagged note on a headline, a
// standalone note, suggested changes and an unclosed highlight. Hover shows the note,
// the Outline lists notes under their story, tags are workspace symbols with references,
// changes are accepted or rejected by code actions, malformed markup is a diagnostic
// with a fix, cleaning as suggestions marks the cruft instead of cutting it, and the
// export lists everything.
import * as assert from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentSymbol, Hover, Location, SymbolInformation } from 'vscode-languageserver';
import { analyzeArticle, applyEdits, reviewAll } from '../../server/src/article';
import { cleanEdits } from '../../server/src/clean';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { loadSeed, splitLines } from '../model/helpers';
import { LspClient, pullCapabilities } from './client';
import { applyLspEdits, codeActionsFor, editsFor, positionAt, pullDiagnostics, wholeDocument } from './util';

const seed = loadSeed().text;
const plain = analyzeArticle(seed);
const story0 = plain.stories[0];
const story1 = plain.stories[1];

/** The seed annotated: the first headline highlighted with a tagged note, a standalone
 * tagged note at the end of the second story's first line, an insertion and a
 * substitution in the first story's last line, an unclosed highlight at the end of the
 * second story's title line. */
function annotatedSeed(): string {
  const h = story0.titleSpan;
  const lastLine = plain.blocks.filter((b) => b.story === 0 && b.role === 'body').pop()!;
  const firstWord = lastLine.text.split(' ')[0];
  const t2 = plain.blocks.find((b) => b.story === 1 && b.role === 'body')!;
  const edits = [
    { start: h.start, end: h.start, newText: '{==' },
    { start: h.end, end: h.end, newText: '==}{>>#claim needs a second source<<}' },
    { start: lastLine.span.start, end: lastLine.span.start + firstWord.length, newText: `{~~${firstWord}~>Indeed~~} {++really ++}` },
    { start: t2.span.end, end: t2.span.end, newText: ' {>>#Claim and #budget: ask the desk<<}' },
    { start: story1.titleSpan.end, end: story1.titleSpan.end, newText: ' {==' },
  ];
  return applyEdits(seed, edits);
}

describe('lsp: annotations', () => {
  let client: LspClient;
  let root: string;
  let uri: string;
  let otherUri: string;
  const seedUri = 'untitled:plain-seed';
  const text = annotatedSeed();
  const lines = splitLines(text);
  const pos = (offset: number) => positionAt(lines, offset);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'galley-notes-'));
    // a second scrape on disk, never opened: its tags are found by reading the folder
    writeFileSync(join(root, 'other.article'), 'A story\n\nThe council {==voted==}{>>#claim: who counted? #vote<<} on Tuesday.\n');
    otherUri = pathToFileURL(join(root, 'other.article')).href;
    uri = pathToFileURL(join(root, 'seed.article')).href;
    writeFileSync(join(root, 'seed.article'), text);
    client = new LspClient({ settings: { galley: {} } });
    await client.initialize(pullCapabilities(), undefined, [pathToFileURL(root).href]);
    client.open(uri, text, 1);
    client.open(seedUri, seed, 1);
  });
  after(async () => {
    await client?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('hovering the highlight shows its note and tags', async () => {
    const at = text.indexOf('{==') + 5;
    const hover: Hover = await client.request('textDocument/hover', { textDocument: { uri }, position: pos(at) });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /claim needs a second source/);
    assert.match(value, /`#claim`/);
  });

  it('hovering a name inside a highlight shows the note, then the person\'s card', async () => {
    const at = seed.indexOf('Eli Friedman');
    assert.ok(at > 0);
    const marked = applyEdits(seed, [
      { start: at, end: at, newText: '{==' },
      { start: at + 'Eli Friedman'.length, end: at + 'Eli Friedman'.length, newText: '==}{>>#source call him<<}' },
    ]);
    const nameUri = uri.replace(/seed\.article$/, 'named.article');
    client.open(nameUri, marked, 1);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: nameUri }, position: positionAt(splitLines(marked), marked.indexOf('Friedman==}') + 2) });
    const value = (hover.contents as { value: string }).value;
    assert.ok(value.indexOf('call him') >= 0 && value.indexOf('**Eli Friedman**') > value.indexOf('call him'), value);
  });

  it('the Outline is the seed\'s, with each note under its story', async () => {
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepStrictEqual(symbols.map((s) => s.name), plain.stories.map((s) => s.title));
    const notes = (s: DocumentSymbol) => (s.children ?? []).filter((c) => c.kind === 24 /* Event */).map((c) => [c.name, c.detail]);
    assert.deepStrictEqual(notes(symbols[0]), [['#claim needs a second source', `on "${story0.title.length > 40 ? story0.title.slice(0, 39).trimEnd() + '…' : story0.title}"`]]);
    assert.deepStrictEqual(notes(symbols[1]), [['#Claim and #budget: ask the desk', 'note']]);
  });

  it('Workspace Symbols finds tags in open and unopened files; Find All References lists every use', async () => {
    const found: SymbolInformation[] = await client.request('workspace/symbol', { query: '#claim' });
    assert.deepStrictEqual(found.map((s) => [s.name, s.location.uri]).sort(), [['#claim', otherUri], ['#claim', uri], ['#claim', uri]].sort());
    const budget: SymbolInformation[] = await client.request('workspace/symbol', { query: 'budg' });
    assert.deepStrictEqual(budget.map((s) => s.name), ['#budget']);
    const at = text.indexOf('#Claim') + 2;
    const refs: Location[] = await client.request('textDocument/references', { textDocument: { uri }, position: pos(at), context: { includeDeclaration: true } });
    assert.strictEqual(refs.length, 3);
    for (const r of refs.filter((x) => x.uri === uri)) {
      const l = lines[r.range.start.line];
      assert.strictEqual(text.slice(l.start + r.range.start.character, l.start + r.range.end.character).toLowerCase(), '#claim');
    }
    const none: Location[] = await client.request('textDocument/references', { textDocument: { uri }, position: pos(text.indexOf('ask the desk')), context: { includeDeclaration: true } });
    assert.deepStrictEqual(none, []);
  });

  it('the unclosed highlight is a diagnostic whose fix closes it; the findings are the seed\'s', async () => {
    const diags = await pullDiagnostics(client, uri);
    const bad = diags.filter((d) => d.code === 'annotation');
    assert.strictEqual(bad.length, 1);
    assert.strictEqual(bad[0].range.start.line, story1.titleLine);
    const actions = await codeActionsFor(client, uri, bad[0].range, [bad[0]]);
    const close = actions.find((a) => a.isPreferred && /Close it/.test(a.title));
    assert.ok(close, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyLspEdits(text, editsFor(close.edit, uri).edits);
    assert.strictEqual(analyzeArticle(fixed).annotations!.problems.length, 0);
    // every other diagnostic is one of the plain seed's findings, none inside the markup
    const others = diags.filter((d: Diagnostic) => d.code !== 'annotation');
    const shown = (d: Diagnostic) => `${d.code}:${d.message}`;
    const seedDiags = await pullDiagnostics(client, seedUri);
    const seedKeys = new Set(seedDiags.map(shown));
    assert.ok(others.length > 10);
    for (const d of others) assert.ok(seedKeys.has(shown(d)), `not a finding of the seed: ${shown(d)}`);
  });

  it('code actions accept or reject one change, or all in the story', async () => {
    const at = text.indexOf('{++');
    const actions = await codeActionsFor(client, uri, { start: pos(at + 4), end: pos(at + 4) }, []);
    const titles = actions.map((a) => a.title);
    const accept = actions.find((a) => /^Accept insertion "really "/.test(a.title));
    const reject = actions.find((a) => /^Reject insertion/.test(a.title));
    assert.ok(accept && reject, JSON.stringify(titles));
    assert.strictEqual(applyLspEdits(text, editsFor(accept.edit, uri).edits), text.replace('{++really ++}', 'really '));
    assert.strictEqual(applyLspEdits(text, editsFor(reject.edit, uri).edits), text.replace('{++really ++}', ''));
    const all = actions.find((a) => /^Accept all 2 changes in the story/.test(a.title));
    assert.ok(all, JSON.stringify(titles));
    const accepted = applyLspEdits(text, editsFor(all.edit, uri).edits);
    assert.ok(accepted.includes('Indeed really ') && !accepted.includes('{~~') && !accepted.includes('{++'));
  });

  it('Clean Article as Suggestions marks the fix-all\'s edits; accepting them all gives the direct fix-all', async () => {
    const [suggest] = await codeActionsFor(client, uri, wholeDocument(text), [], ['source.galley.suggestions']);
    assert.ok(suggest, 'no suggestions action');
    const marked = applyLspEdits(text, editsFor(suggest.edit, uri).edits);
    const [fixAll] = await codeActionsFor(client, uri, wholeDocument(text), [], ['source.fixAll.galley']);
    const direct = applyLspEdits(text, editsFor(fixAll.edit, uri).edits);
    assert.strictEqual(direct, applyEdits(text, cleanEdits(analyzeArticle(text), DEFAULT_SETTINGS)));
    // accepting every suggestion (the user's own earlier changes included) = fix-all, then those accepted
    assert.strictEqual(reviewAll(marked, true), reviewAll(direct, true));
    assert.strictEqual(reviewAll(marked, false), reviewAll(text, false));
    assert.ok(marked.split('{--').length > 10);
  });

  it('code actions accept or reject all the changes in the file, across stories', async () => {
    const [suggest] = await codeActionsFor(client, uri, wholeDocument(text), [], ['source.galley.suggestions']);
    const marked = applyLspEdits(text, editsFor(suggest.edit, uri).edits);
    const markedUri = uri.replace(/seed\.article$/, 'marked.article');
    client.open(markedUri, marked, 1);
    const markedLines = splitLines(marked);
    const at = marked.lastIndexOf('{--');
    const actions = await codeActionsFor(client, markedUri, { start: positionAt(markedLines, at + 3), end: positionAt(markedLines, at + 3) }, []);
    const titles = actions.map((a) => a.title);
    const acceptAll = actions.find((a) => /^Accept all \d+ changes in this file$/.test(a.title));
    const rejectAll = actions.find((a) => /^Reject all \d+ changes in this file$/.test(a.title));
    assert.ok(acceptAll && rejectAll, JSON.stringify(titles));
    assert.strictEqual(applyLspEdits(marked, editsFor(acceptAll.edit, markedUri).edits), reviewAll(marked, true));
    assert.strictEqual(applyLspEdits(marked, editsFor(rejectAll.edit, markedUri).edits), reviewAll(marked, false));
    assert.ok(!applyLspEdits(marked, editsFor(rejectAll.edit, markedUri).edits).includes('{--'));
  });

  it('Export Annotations gives the digest and the JSON', async () => {
    const r = await client.request('galley/exportAnnotations', { uri, link: 'seed.article' });
    const items = r.json.annotations as { kind: string; line: number; story?: string; note?: string; tags: string[]; passage: string }[];
    assert.deepStrictEqual(items.map((a) => a.kind), ['highlight', 'substitution', 'insertion', 'note']);
    assert.deepStrictEqual(items[0], { ...items[0], line: story0.titleLine + 1, story: story0.title, passage: story0.title, note: '#claim needs a second source', tags: ['#claim'] });
    assert.deepStrictEqual(items[3].tags, ['#claim', '#budget']);
    assert.match(r.markdown, new RegExp(`## ${story0.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.ok(r.markdown.includes(`[line ${story0.titleLine + 1}](seed.article#L${story0.titleLine + 1})`));
    assert.ok(r.markdown.includes('> ' + story0.title));
  });
});
