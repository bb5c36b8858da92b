// Hard inputs over stdio: a file above galley.maxFileSize (not analysed, the user told
// once, with a button to the setting), a single 40 MB line analysed with the guard
// raised, the server answering a small document while a big one is analysed (on the
// analysis thread), cancellation, and no diagnostics ever published for a stale version.
// Nothing is timed except by the safety bounds of the waits.
import * as assert from 'node:assert';
import { corpusPages } from '../fuzz/fuzz';
import { loadSeed, splitLines } from '../model/helpers';
import { LspClient, LspError, pullCapabilities, pushCapabilities } from './client';
import { rangeInside } from './util';

const BIG_URI = 'file:///galley-test/hard/big.article';
const SMALL_URI = 'file:///galley-test/hard/small.article';
const seed = loadSeed().text;

/** Real scrapes, one after another, up to `chars` characters. */
function bigText(chars: number, salt = ''): string {
  const pages = corpusPages();
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const t = pages[i % pages.length].text + `\n\n${salt}${i}\n\n`;
    parts.push(t);
    n += t.length;
  }
  return parts.join('');
}

/** One line of prose of about `chars` characters. */
function oneLine(chars: number): string {
  const words = seed.replace(/\s+/g, ' ');
  return words.repeat(Math.ceil(chars / words.length)).slice(0, chars);
}

describe('lsp: hard inputs', function () {
  this.timeout(180_000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.kill();
    client = undefined;
  });

  it('does not analyse a 40 MB line at the default galley.maxFileSize, and says why once, with a button to the setting', async () => {
    client = new LspClient({ settings: { galley: {} }, chooseAction: (p) => p.actions?.find((a) => a.title === 'Open Setting') ?? null });
    await client.initialize(pushCapabilities(), { openSetting: true });
    const text = oneLine(40_000_000);
    client.open(BIG_URI, text, 1);
    const status = await client.waitFor((m) => m.method === 'galley/status' && m.params.uri === BIG_URI, 'galley/status for the big file');
    assert.match(status.params.skipped, /40\.0 MB, above galley\.maxFileSize \(5\.0 MB\)/);
    const pushed = await client.diagnosticsPushed(BIG_URI, 1);
    assert.deepStrictEqual(pushed.diagnostics, []);
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: BIG_URI } }), []);
    const asked = await client.waitFor((m) => m.method === 'window/showMessageRequest', 'the message');
    assert.match(asked.params.message, /Galley does not analyse big\.article: the file is 40\.0 MB, above galley\.maxFileSize/);
    assert.deepStrictEqual(asked.params.actions, [{ title: 'Open Setting' }]);
    const open = await client.waitFor((m) => m.method === 'galley/openSetting', 'galley/openSetting');
    assert.deepStrictEqual(open.params, { setting: 'galley.maxFileSize', uri: BIG_URI });
    // a new version, still too big: the status again, the message not
    const from = client.seq;
    client.change(BIG_URI, 2, text + ' more');
    await client.diagnosticsPushed(BIG_URI, 2, from);
    await client.waitFor((m) => m.method === 'galley/status' && m.params.version === 2, 'the status of version 2', from);
    assert.strictEqual(client.received.filter((m) => m.method === 'window/showMessageRequest').length, 1);
    assert.deepStrictEqual(client.protocolViolations, []);
  });

  it('analyses a 40 MB line with galley.maxFileSize raised, answering another document meanwhile', async () => {
    client = new LspClient({ settings: { galley: { maxFileSize: 50_000_000 } } });
    await client.initialize(pushCapabilities());
    client.open(SMALL_URI, seed, 1);
    await client.diagnosticsPushed(SMALL_URI, 1);
    const text = oneLine(40_000_000);
    const from = client.seq;
    client.open(BIG_URI, text, 1);
    // the small document's symbols come back while the big one is still being analysed
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: SMALL_URI } }, 60_000);
    assert.ok(symbols.length > 0);
    const bigDone = client.received.some((m) => m.seq >= from && m.method === 'galley/status' && m.params.uri === BIG_URI);
    assert.ok(!bigDone, 'the big document was analysed before the small one was answered');
    const pushed = await client.diagnosticsPushed(BIG_URI, 1, from, 170_000);
    const lines = splitLines(text);
    assert.ok(pushed.diagnostics.every((d) => rangeInside(lines, d.range)));
    const status = await client.waitFor((m) => m.method === 'galley/status' && m.params.uri === BIG_URI, 'the big status', from);
    assert.strictEqual(status.params.skipped, undefined);
  });

  it('answers a small document while a big one is analysed, and publishes only the latest version of the big one', async () => {
    client = new LspClient({ settings: { galley: {} } });
    await client.initialize(pushCapabilities());
    client.open(SMALL_URI, seed, 1);
    await client.diagnosticsPushed(SMALL_URI, 1);
    const texts = [bigText(3_000_000, 'a'), bigText(3_000_000, 'b'), bigText(3_000_000, 'c')];
    const from = client.seq;
    client.open(BIG_URI, texts[0], 1);
    client.change(BIG_URI, 2, texts[1]);
    const folding = await client.request('textDocument/foldingRange', { textDocument: { uri: SMALL_URI } }, 60_000);
    assert.ok(folding.length > 0);
    client.change(BIG_URI, 3, texts[2]);
    const pushed = await client.diagnosticsPushed(BIG_URI, 3, from, 120_000);
    assert.ok(pushed.diagnostics.length > 0);
    assert.deepStrictEqual(client.pushedDiagnostics(BIG_URI).map((p) => p.version), [3]);
    // the status follows the whole analysis, people included: after the diagnostics
    await client.waitFor((m) => m.method === 'galley/status' && m.params.uri === BIG_URI && m.params.version === 3, 'the status of version 3', from);
    const statuses = client.received.filter((m) => m.method === 'galley/status' && m.params.uri === BIG_URI).map((m) => m.params.version);
    assert.deepStrictEqual(statuses, [3], 'stale versions were analysed to the end');
  });

  it('cancels a pulled request on $/cancelRequest, and tells a pull for a version that changed to retrigger', async () => {
    client = new LspClient({ settings: { galley: {} } });
    await client.initialize(pullCapabilities());
    client.open(BIG_URI, bigText(3_000_000, 'x'), 1);
    const req = client.cancellableRequest('textDocument/diagnostic', { textDocument: { uri: BIG_URI } }, 60_000);
    client.cancel(req.id);
    await assert.rejects(req.result, (e: unknown) => e instanceof LspError && e.code === -32800, 'not cancelled');
    // a document changed while its analysis may run: the pull is told to retrigger, or
    // answered for the new version, never for the old one
    const other = BIG_URI.replace('big', 'other');
    const v1 = bigText(3_000_000, 'y');
    const v2 = 'Share\n\nTweet\n\n' + v1;
    const from = client.seq;
    client.open(other, v1, 1);
    const stale = client.cancellableRequest('textDocument/diagnostic', { textDocument: { uri: other } }, 60_000);
    await client.waitFor((m) => m.method === 'workspace/configuration' && m.params.items.some((i: { scopeUri?: string }) => i.scopeUri === other), 'its settings', from);
    client.change(other, 2, v2);
    const answer = await stale.result.then(
      (r) => r,
      (e: unknown) => {
        assert.ok(e instanceof LspError && e.code === -32802, String(e));
        return undefined;
      },
    );
    const fresh = await client.request('textDocument/diagnostic', { textDocument: { uri: other } }, 60_000);
    assert.ok(fresh.items.length > 0);
    if (answer) assert.deepStrictEqual(answer.items, fresh.items, 'a stale report');
  });
});
