// The article detector (server/src/article/detect.ts): measured on the dev corpus
// (every page must be detected) and on a committed sample of ordinary text files
// (test/fixtures/not-articles, see SOURCES.md there: at most 1% may be mistaken for
// articles), then on small inline cases for the edges.
//
// Tiny pastes: a headline and three prose paragraphs count as an article (a scrape
// pasted into an untitled buffer); two paragraphs count only with some web-page
// chrome around them (a menu, form fields), one never does.
import * as assert from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ArticleDetection, detectArticle, measureArticleText } from '../../server/src/article/detect';
import { cpuMs } from '../cpuTime';

const root: string = (() => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test', 'fixtures', 'scrapes-dev'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`test/fixtures/scrapes-dev not found above ${__dirname}`);
    dir = up;
  }
  return dir;
})();
const fixtures = join(root, 'test', 'fixtures');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

const SEED = join(fixtures, 'seed', '000_c293627eab9434ab.txt');
const DEV = readdirSync(join(fixtures, 'scrapes-dev')).filter((n) => n.endsWith('.txt')).sort()
  .map((n) => join(fixtures, 'scrapes-dev', n));
// the samples live in sub-directories; SOURCES.md, manifest.tsv and collect.mjs do not count
const NEGATIVES = readdirSync(join(fixtures, 'not-articles'))
  .map((n) => join(fixtures, 'not-articles', n))
  .filter((p) => statSync(p).isDirectory())
  .flatMap(filesUnder);

const read = (p: string): string => readFileSync(p, 'utf8');
const rel = (p: string): string => relative(fixtures, p);

/** Times detectArticle on each text: ms per call (best of a few runs, after a warm-up). */
function timed(texts: string[]): { results: ArticleDetection[]; ms: number[] } {
  const results: ArticleDetection[] = [];
  const ms: number[] = [];
  for (const t of texts) {
    detectArticle(t);
    let best = Infinity;
    let r: ArticleDetection | undefined;
    for (let k = 0; k < 3; k++) {
      const run = cpuMs(() => detectArticle(t));
      r = run.result;
      best = Math.min(best, run.ms);
    }
    results.push(r!);
    ms.push(best);
  }
  return { results, ms };
}
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(2)}%`;

// ------------------------------------------------------------------ inline material

const HEADLINE = 'Riverside council approves new flood barrier after decade of delays';
const PARAS = [
  'The Riverside town council voted on Tuesday night to fund a permanent flood barrier along the east bank, ending a dispute that has stalled the project for more than ten years.',
  'The barrier, which will cost an estimated $14 million, is meant to protect about 600 homes that were damaged when the river burst its banks in 2015 and again in 2019.',
  '"We have been promising these families protection for a very long time," said council member Ana Ruiz, who has pushed for the project since she was first elected. "Tonight we finally kept that promise."',
  'Opponents argued that the money would be better spent on moving the most exposed households, and several residents said at the meeting that they had not been consulted about the route.',
  'Construction is expected to begin next spring and to take about two years. The council said it would hold public sessions on the final design before any work starts on the site.',
  'The state environment agency, which will pay for a third of the cost, said in a statement that it welcomed the decision and would publish its own assessment of the plans later this year.',
  'Local business owners, many of whom lost stock in the last flood, said they were relieved but would wait to see the barrier built before they believed it.',
  'The vote was seven to two. The two members who voted against the plan said they would not try to reverse it but asked for a review of its cost every six months.',
];
/** A headline and n paragraphs, the way a scrape is laid out: one paragraph per line. */
const article = (n: number, eol = '\n'): string => [HEADLINE, ...PARAS.slice(0, n)].join(eol + eol) + eol;

const MENU = ['  • Home', '  • News', '  • Local', '  • Sport', '  • Weather', '  • Contact'];

const CODE_SNIPPET = [
  'function floodLevel(readings) {',
  '  const sorted = [...readings].sort((a, b) => a - b);',
  '  const mid = Math.floor(sorted.length / 2);',
  '  if (sorted.length === 0) return null;',
  '  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;',
  '}',
  '',
  'for (const gauge of gauges) {',
  '  console.log(gauge.name, floodLevel(gauge.readings));',
  '}',
];

const TS_FILE = [
  "import { readFileSync } from 'node:fs';",
  "import { join } from 'node:path';",
  '',
  '/**',
  ' * Reads the configuration of the gauge network. Every gauge has a name, a position',
  ' * and a list of readings; readings that are older than the retention period are',
  ' * dropped here, so that the callers never have to think about them again.',
  ' */',
  'export interface Gauge {',
  '  name: string;',
  '  lat: number;',
  '  lon: number;',
  '  readings: number[];',
  '}',
  '',
  '// The retention period is a week: the dashboard never shows anything older than that, and the alerting rules only look at the last few hours anyway.',
  'const RETENTION_MS = 7 * 24 * 3600 * 1000;',
  '',
  'export function loadGauges(dir: string, now = Date.now()): Gauge[] {',
  "  const raw = JSON.parse(readFileSync(join(dir, 'gauges.json'), 'utf8')) as Gauge[];",
  '  return raw.map((g) => ({',
  '    ...g,',
  '    readings: g.readings.filter((_, i) => now - i * 60_000 < RETENTION_MS),',
  '  }));',
  '}',
  '',
  'export class GaugeIndex {',
  '  private readonly byName = new Map<string, Gauge>();',
  '  constructor(gauges: Gauge[]) {',
  '    for (const g of gauges) this.byName.set(g.name, g);',
  '  }',
  '  get(name: string): Gauge | undefined {',
  '    return this.byName.get(name);',
  '  }',
  '}',
];

const README = [
  '# gauge-tools',
  '',
  '[![npm](https://img.shields.io/npm/v/gauge-tools.svg)](https://www.npmjs.com/package/gauge-tools) [![CI](https://github.com/example/gauge-tools/actions/workflows/ci.yml/badge.svg)](https://github.com/example/gauge-tools/actions)',
  '',
  'Small helpers for reading river gauge data and working out flood levels from it, with no dependencies and a tiny API that works the same in Node.js and in the browser.',
  '',
  '## Install',
  '',
  '```sh',
  'npm install gauge-tools',
  '```',
  '',
  '## Usage',
  '',
  'Load the readings with `loadGauges()` and pass them to `floodLevel()`; see [the API docs](docs/api.md) for the options that both of them take and for what they return.',
  '',
  '```js',
  "const { loadGauges, floodLevel } = require('gauge-tools');",
  "for (const g of loadGauges('./data')) console.log(g.name, floodLevel(g.readings));",
  '```',
  '',
  '## License',
  '',
  'MIT © Example Authors',
];

const MIT = [
  'MIT License',
  '',
  'Copyright (c) 2021 Example Authors',
  '',
  'Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:',
  '',
  'The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.',
  '',
  'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
];

function csv(rows: number): string {
  const comments = [
    'Arrived quickly and works as described, although the cable is shorter than I expected it to be.',
    'Stopped charging after two weeks; the seller replaced it without any fuss, which I appreciated.',
    'Good value for the price.',
    'The instructions were missing from the box and the app would not pair with my phone at first.',
  ];
  const out = ['order_id,customer,city,date,rating,comment'];
  for (let i = 0; i < rows; i++) {
    out.push(`${1000 + i},Customer ${i % 17},${['Leeds', 'Lyon', 'Porto', 'Kyiv'][i % 4]},2024-0${1 + (i % 9)}-1${i % 10},${1 + (i % 5)},"${comments[i % 4]}"`);
  }
  return out.join('\n') + '\n';
}

function log(lines: number): string {
  const msgs = [
    'INFO  [http] GET /api/v1/gauges 200 12ms',
    'WARN  [db] slow query took 1200ms: SELECT * FROM readings WHERE gauge_id = $1 ORDER BY taken_at DESC',
    'ERROR [alerts] could not deliver the notification to the on-call channel because the webhook timed out after 30 seconds, will retry',
    'INFO  [scheduler] job "compact-readings" finished, 1200 rows removed',
  ];
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const ss = String(i % 60).padStart(2, '0');
    out.push(`2024-03-14T08:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${ss}.123Z ${msgs[i % 4]}`);
  }
  return out.join('\n') + '\n';
}

/** Re-wraps text at `width` columns, the way e-mails, licences and `lynx -dump` do. */
function hardWrap(text: string, width = 72): string {
  return text.split('\n\n').map((p) => {
    const lines: string[] = [];
    let cur = '';
    for (const w of p.split(/\s+/).filter(Boolean)) {
      if (cur && cur.length + 1 + w.length > width) { lines.push(cur); cur = w; } else cur = cur ? `${cur} ${w}` : w;
    }
    if (cur) lines.push(cur);
    return lines.join('\n');
  }).join('\n\n');
}

// ------------------------------------------------------------------ the corpora

describe('article detector', () => {
  describe('the seed and every dev-corpus page are detected', () => {
    it('finds the dev corpus (87 pages) and the seed', () => {
      assert.strictEqual(DEV.length, 87, 'number of test/fixtures/scrapes-dev/*.txt');
      assert.ok(existsSync(SEED), SEED);
    });
    for (const p of [SEED, ...DEV]) {
      it(rel(p), () => {
        const d = detectArticle(read(p));
        assert.strictEqual(d.isArticle, true, `${rel(p)}: ${d.score} ${d.reasons.join('; ')}`);
        assert.ok(d.score > 0, `score ${d.score}`);
      });
    }
  });

  describe('ordinary text files (test/fixtures/not-articles)', () => {
    it('the sample has at least 300 files, each at most 16 KB, 4 MB in all', () => {
      assert.ok(NEGATIVES.length >= 300, `${NEGATIVES.length} files`);
      let total = 0;
      for (const p of NEGATIVES) {
        const size = statSync(p).size;
        assert.ok(size <= 16 * 1024, `${rel(p)} is ${size} bytes`);
        total += size;
      }
      assert.ok(total <= 4 * 1024 * 1024, `${total} bytes in all`);
    });

    it('at most 1% are mistaken for articles; prints the figures', function () {
      this.timeout(60000);
      const pos = timed([SEED, ...DEV].map(read));
      const neg = timed(NEGATIVES.map(read));
      const detected = pos.results.filter((d) => d.isArticle).length;
      const fps = NEGATIVES.filter((_, i) => neg.results[i].isArticle);
      const all = [...pos.ms, ...neg.ms];
      const lines = [
        `    detection rate: ${detected}/${pos.results.length} (${pct(detected, pos.results.length)}) of the seed and scrapes-dev pages`,
        `    false positives: ${fps.length}/${NEGATIVES.length} (${pct(fps.length, NEGATIVES.length)}) of not-articles${fps.length ? ': ' + fps.map(rel).join(', ') : ''}`,
        `    time per file: median ${median(all).toFixed(3)} ms, max ${Math.max(...all).toFixed(3)} ms`
          + ` (positives median ${median(pos.ms).toFixed(3)} ms, negatives median ${median(neg.ms).toFixed(3)} ms)`,
      ];
      console.log(lines.join('\n'));
      assert.ok(fps.length / NEGATIVES.length <= 0.01, lines[1]);
      assert.strictEqual(detected, pos.results.length, lines[0]);
      // loose: catches a quadratic slip, not a slow machine
      assert.ok(median(all) < 10, lines[2]);
    });

    it('score and decision agree on every file', () => {
      for (const p of [SEED, ...DEV, ...NEGATIVES]) {
        const d = detectArticle(read(p));
        assert.strictEqual(d.isArticle, d.score > 0, `${rel(p)}: ${d.isArticle} but score ${d.score}`);
      }
    });
  });

  // ------------------------------------------------------------------ edges

  describe('inline cases', () => {
    it('empty text and whitespace are not articles', () => {
      for (const t of ['', '   ', '\n\n\n', ' \t \r\n \r\n\t\n', '\uFEFF', '\uFEFF\r\n\r\n']) {
        const d = detectArticle(t);
        assert.strictEqual(d.isArticle, false, JSON.stringify(t));
        assert.deepStrictEqual(d.reasons, ['empty'], JSON.stringify(t));
      }
    });

    it('binary junk is not an article, even around prose', () => {
      const withNul = article(8).slice(0, 400) + '\u0000\u0000\u0001\u0002' + article(8);
      const d = detectArticle(withNul);
      assert.strictEqual(d.isArticle, false);
      assert.match(d.reasons[0], /binary/);
      // a PNG read as UTF-8: replacement characters and control codes, no NUL needed
      let junk = '\uFFFDPNG\r\n\u001a\n';
      for (let i = 0; i < 2000; i++) junk += String.fromCharCode((i * 7919) % 32) + '\uFFFD' + String.fromCharCode(65 + (i % 26));
      const j = detectArticle(junk.replace(/\u0000/g, '\u0001'));
      assert.strictEqual(j.isArticle, false);
      assert.match(j.reasons[0], /binary/);
    });

    it('a CSV file, even one with a free-text column of sentences, is not an article', () => {
      const text = csv(60);
      // the comment column, on its own, would read as a few paragraphs of prose
      const comments = text.split('\n').slice(1, 5).map((l) => l.replace(/^[^"]*"|"$/g, '')).join('\n\n');
      assert.strictEqual(detectArticle(comments).isArticle, true, comments);
      const d = detectArticle(text);
      assert.strictEqual(d.isArticle, false);
      assert.match(d.reasons[0], /table-shaped: \d+% of lines have 6 ','-separated columns/);
      const tsv = detectArticle(text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t'));
      assert.strictEqual(tsv.isArticle, false);
      assert.match(tsv.reasons[0], /tab-separated/);
    });

    it('a log is not an article', () => {
      const d = detectArticle(log(80));
      assert.strictEqual(d.isArticle, false);
      assert.match(d.reasons[0], /log-shaped/);
    });

    it('a short Markdown README is not an article', () => {
      const d = detectArticle(README.join('\n'));
      assert.strictEqual(d.isArticle, false);
      assert.match(d.reasons.join('; '), /Markdown\/reST markup/);
    });

    it('a licence is not an article, one paragraph per line or hard-wrapped', () => {
      const text = MIT.join('\n') + '\n';
      const d = detectArticle(text);
      assert.strictEqual(d.isArticle, false);
      assert.match(d.reasons[0], /licence wording/);
      const wrapped = detectArticle(hardWrap(text, 78));
      assert.strictEqual(wrapped.isArticle, false);
    });

    it('a source file, with prose in its comments, is not an article', () => {
      const text = TS_FILE.join('\n') + '\n';
      const d = detectArticle(text);
      assert.strictEqual(d.isArticle, false);
      assert.match(d.reasons[0], /code/);
    });

    it('an article with CRLF line ends and a BOM reads the same as with LF', () => {
      const lf = read(SEED);
      const crlf = '\uFEFF' + lf.replace(/\n/g, '\r\n');
      const cr = lf.replace(/\n/g, '\r');
      const a = detectArticle(lf);
      const b = detectArticle(crlf);
      assert.strictEqual(b.isArticle, true);
      assert.deepStrictEqual(b, a);
      assert.deepStrictEqual(detectArticle(cr), a, 'lone CR');
      const small = detectArticle('\uFEFF' + article(4, '\r\n'));
      assert.strictEqual(small.isArticle, true);
      assert.deepStrictEqual(small, detectArticle(article(4)));
    });

    it('an article with an embedded code snippet is still an article', () => {
      const text = [HEADLINE, '', ...PARAS.slice(0, 4).flatMap((p) => [p, '']), ...CODE_SNIPPET, '', ...PARAS.slice(4).flatMap((p) => [p, ''])].join('\n');
      assert.ok(measureArticleText(text).codeLines >= 8, 'the snippet is seen as code');
      const d = detectArticle(text);
      assert.strictEqual(d.isArticle, true, d.reasons.join('; '));
    });

    it('an article with an embedded table is still an article', () => {
      const table = ['Year,Homes flooded,Damage ($m)', '2009,120,2.1', '2012,45,0.8', '2015,410,9.6', '2017,30,0.4', '2019,380,8.9', '2021,60,1.2', '2023,95,1.9'];
      const text = [HEADLINE, '', PARAS[0], '', PARAS[1], '', ...table, '', ...PARAS.slice(2).flatMap((p) => [p, ''])].join('\n');
      const d = detectArticle(text);
      assert.strictEqual(d.isArticle, true, d.reasons.join('; '));
    });

    it('a pasted headline with three paragraphs is an article; with two only amid web-page chrome; one is not', () => {
      const three = detectArticle(article(3));
      assert.strictEqual(three.isArticle, true, three.reasons.join('; '));
      assert.strictEqual(three.reasons[0], '3 prose paragraphs');
      const two = detectArticle(article(2));
      assert.strictEqual(two.isArticle, false);
      assert.match(two.reasons.join('; '), /too little prose/);
      const twoInPage = detectArticle([...MENU, '', article(2)].join('\n'));
      assert.strictEqual(twoInPage.isArticle, true, twoInPage.reasons.join('; '));
      assert.match(twoInPage.reasons.join('; '), /6 lines of web-page chrome/);
      assert.strictEqual(detectArticle([...MENU, '', article(1)].join('\n')).isArticle, false);
    });

    it('hard-wrapped prose is not read as a scrape (the model reads one paragraph per line)', () => {
      const d = detectArticle(hardWrap(article(8)));
      assert.strictEqual(d.isArticle, false);
      assert.match(d.reasons[0], /hard-wrapped/);
    });

    it('looks at a bounded sample: the first maxBytes, plus a slice of the middle', () => {
      const seed = read(SEED);
      const whole = measureArticleText(seed);
      const head = measureArticleText(seed, { maxBytes: 4096 });
      assert.ok(head.proseLines < whole.proseLines, `${head.proseLines} < ${whole.proseLines}`);
      assert.ok(head.chars <= 4096 + 1024, `${head.chars} characters read`);
      // 20 MB of log: only about 80 KB are read, and quickly
      const big = log(200).repeat(500);
      assert.ok(big.length > 10_000_000);
      const { ms, result: d } = cpuMs(() => detectArticle(big));
      assert.strictEqual(d.isArticle, false);
      assert.ok(measureArticleText(big).chars <= 64 * 1024 + 16 * 1024, 'bounded');
      assert.ok(ms < 200, `${ms} ms`);
      // a page with 70 KB of menus above and below its article: the head alone has no
      // prose, the slice from the middle has
      const menus = Array.from({ length: 4000 }, (_, i) => `  • Section ${i}`).join('\n');
      assert.ok(menus.length > 64 * 1024);
      const long = [menus, '', article(8), '', menus].join('\n');
      assert.strictEqual(measureArticleText(long.slice(0, 64 * 1024)).proseLines, 0);
      assert.strictEqual(detectArticle(long).isArticle, true);
    });
  });

  describe('reasons', () => {
    const cases: Array<[string, string]> = [
      ['seed', read(SEED)],
      ['paste', article(3)],
      ['csv', csv(40)],
      ['log', log(40)],
      ['readme', README.join('\n')],
      ['licence', MIT.join('\n')],
      ['code', TS_FILE.join('\n')],
      ['empty', ''],
      ['short', 'Hello there.'],
    ];
    for (const [name, text] of cases) {
      it(`are short, readable and specific (${name})`, () => {
        const d = detectArticle(text);
        assert.ok(d.reasons.length >= 1 && d.reasons.length <= 8, `${d.reasons.length} reasons`);
        for (const r of d.reasons) {
          assert.ok(r.length >= 5 && r.length <= 100, `"${r}"`);
          assert.doesNotMatch(r, /NaN|undefined|Infinity|\[object/, r);
        }
        assert.strictEqual(new Set(d.reasons).size, d.reasons.length, 'no repeats');
        if (d.isArticle) {
          // the first reason is the prose count that decided it
          assert.strictEqual(d.reasons[0], `${measureArticleText(text).proseLines} prose paragraphs`);
        }
      });
    }
    it('name what the text is instead', () => {
      assert.match(detectArticle(csv(40)).reasons[0], /^table-shaped/);
      assert.match(detectArticle(log(40)).reasons[0], /^log-shaped/);
      assert.match(detectArticle(TS_FILE.join('\n')).reasons[0], /code/);
      assert.match(detectArticle('Hello there.').reasons[0], /^too little text \(2 words\)$/);
    });
  });
});
