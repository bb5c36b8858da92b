// Galley in Neovim's built-in LSP client: headless `nvim` (Debian's neovim package, 0.7
// or later) loads the README's set-up verbatim (the lua block between the
// <!-- nvim-setup --> markers), opens the seed as an .article file, and reports what
// its client got from `galley-language-server --stdio`: document symbols, a hover on an
// author and the pushed diagnostics. They must be the server's answers for the seed:
// the reference reading's stories, the author's card, and exactly the findings
// `galley check` reports for the file.
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../model/helpers';
import { runCli, seedDir } from '../cli/helpers';

const SEED_FILE = join(seedDir, '000_c293627eab9434ab.txt');

function hasNvim(): boolean {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** The README's Neovim set-up: the lua code between the nvim-setup markers. */
export function readmeSetup(marker: string, fence: string): string {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const m = new RegExp(`<!-- ${marker} -->\\s*\`\`\`${fence}\\n([\\s\\S]*?)\`\`\`\\s*<!-- /${marker} -->`).exec(readme);
  if (!m) throw new Error(`README.md has no \`\`\`${fence} block between <!-- ${marker} --> markers`);
  return m[1];
}

// What the test adds after the README's set-up: open the file, wait for the client,
// ask, write a JSON report, quit. Neovim 0.7's API only.
const PROBE = `
local out = os.getenv('GALLEY_NVIM_OUT')
local pushed = {}
local stock = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  table.insert(pushed, result)
  return stock(err, result, ctx, config)
end
local report = { errors = {} }
local ok, e = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('GALLEY_NVIM_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  report.filetype = vim.bo[buf].filetype
  local function galley()
    for _, c in pairs(vim.lsp.buf_get_clients(buf)) do
      if c.name == 'galley' then return c end
    end
  end
  assert(vim.wait(20000, function() return galley() ~= nil and galley().server_capabilities ~= nil end, 20), 'no galley client attached')
  assert(vim.wait(20000, function() return #pushed > 0 end, 20), 'no diagnostics pushed')
  -- the last report wins: wait until none has come for a while
  local n = -1
  while n ~= #pushed do
    n = #pushed
    vim.wait(500)
  end
  report.published = pushed[#pushed]
  report.shown = #vim.diagnostic.get(buf)
  local uri = vim.uri_from_bufnr(buf)
  local sym = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 10000)
  report.symbols = sym and sym[galley().id] and sym[galley().id].result
  local line = tonumber(os.getenv('GALLEY_NVIM_HOVER_LINE'))
  local hov = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = line, character = 2 } }, 10000)
  report.hover = hov and hov[galley().id] and hov[galley().id].result
end)
if not ok then table.insert(report.errors, tostring(e)) end
local f = io.open(out, 'w')
f:write(vim.fn.json_encode(report))
f:close()
vim.cmd('qa!')
`;

describe('Neovim (built-in LSP client) with the README set-up', function () {
  this.timeout(90_000);
  let report: any;
  let dir: string;

  before(function () {
    if (!hasNvim()) {
      if (process.env.CI === 'true') throw new Error('nvim is not installed: the README test command installs Debian’s neovim package');
      console.log('      (skipped: nvim is not installed here; apt-get install -y neovim)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'galley-nvim-'));
    // `galley-language-server` on PATH, as `npm install -g` would put it
    mkdirSync(join(dir, 'bin'));
    writeFileSync(join(dir, 'bin', 'galley-language-server'), `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'dist', 'server.js')}" "$@"\n`);
    chmodSync(join(dir, 'bin', 'galley-language-server'), 0o755);
    const file = join(dir, 'work', 'seed.article');
    mkdirSync(join(dir, 'work'));
    copyFileSync(SEED_FILE, file);
    writeFileSync(join(dir, 'init.lua'), readmeSetup('nvim-setup', 'lua') + '\n' + PROBE);
    const out = join(dir, 'report.json');
    const r = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '--noplugin', '-u', join(dir, 'init.lua')], {
      cwd: join(dir, 'work'),
      encoding: 'utf8',
      timeout: 80_000,
      env: {
        ...process.env,
        PATH: `${join(dir, 'bin')}:${process.env.PATH}`,
        XDG_CONFIG_HOME: join(dir, 'config'),
        XDG_DATA_HOME: join(dir, 'data'),
        XDG_STATE_HOME: join(dir, 'state'),
        XDG_CACHE_HOME: join(dir, 'cache'),
        GALLEY_NVIM_OUT: out,
        GALLEY_NVIM_FILE: file,
        GALLEY_NVIM_HOVER_LINE: '64',
      },
    });
    try {
      report = JSON.parse(readFileSync(out, 'utf8'));
    } catch {
      throw new Error(`nvim wrote no report (exit ${r.status}, ${r.error?.message ?? ''}): ${r.stdout.slice(-1000)} ${r.stderr.slice(-1000)}`);
    }
    assert.deepStrictEqual(report.errors, []);
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('gives .article files the article filetype and attaches the galley client', () => {
    assert.strictEqual(report.filetype, 'article');
  });

  it('outlines the seed: the reference reading’s stories, the crossheads under the first', () => {
    const expected = JSON.parse(readFileSync(SEED_FILE.replace(/\.txt$/, '.expected.json'), 'utf8'));
    const headlines = expected.articles.filter((a: any) => a.headline).map((a: any) => a.headline.text);
    const names: string[] = report.symbols.map((s: any) => s.name);
    assert.strictEqual(names.length, expected.articles.length);
    for (const h of headlines) assert.ok(names.includes(h), `no symbol "${h}" in ${JSON.stringify(names)}`);
    const crossheads = report.symbols[0].children.map((c: any) => c.name);
    for (const c of expected.articles[0].crossheads) assert.ok(crossheads.includes(c.text), c.text);
  });

  it('shows the author’s card on hover', () => {
    const value: string = report.hover?.contents?.value ?? '';
    assert.match(value, /Veronica Irwin/);
    assert.match(value, /fintech/);
  });

  it('shows exactly the findings galley check reports for the file', () => {
    const cli = JSON.parse(runCli(['check', SEED_FILE, '--format', 'json', '--no-index']).stdout).files[0].diagnostics;
    const key = (d: any) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code} ${d.message}`;
    assert.deepStrictEqual(report.published.diagnostics.map(key), cli.map(key));
    assert.ok(cli.length > 10);
    assert.strictEqual(report.shown, cli.length, 'Neovim shows every published diagnostic');
  });
});
