import * as assert from 'assert';
import * as vscode from 'vscode';
import { SEED, openSeedArticle, waitFor } from './util';

describe('outline', () => {
  it('lists the five stories of the seed, with the crossheads under the first', async () => {
    const doc = await openSeedArticle();
    const symbols = await waitFor('document symbols for seed.article', async () => {
      const r = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
        'vscode.executeDocumentSymbolProvider',
        doc.uri,
      );
      return r && r.length ? r : undefined;
    });
    const names = symbols.map((s) => s.name);
    assert.strictEqual(names.length, SEED.headlines.length, `top-level symbols: ${JSON.stringify(names)}`);
    SEED.headlines.forEach((h, i) => {
      if (i === 3) assert.ok(names[i].startsWith(h), `symbol ${i} "${names[i]}" starts with "${h}"`);
      else assert.strictEqual(names[i], h, `symbol ${i}`);
    });
    const first = symbols[0];
    assert.ok('children' in first, 'the provider returns DocumentSymbols (a hierarchy), not flat SymbolInformation');
    const children = first.children.map((c) => c.name);
    const idx = SEED.crossheads.map((c) => children.indexOf(c));
    assert.ok(idx.every((i) => i >= 0), `children of the first story ${JSON.stringify(children)} include ${JSON.stringify(SEED.crossheads)}`);
    assert.ok(idx[0] < idx[1], 'crossheads in document order');
  });
});
