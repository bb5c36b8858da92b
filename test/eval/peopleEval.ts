// Precision and recall of the people the model finds, per distinct person per page, on
// the seed (its reference's `peopleNamed`, the complete list) and on the hand-labelled
// sample of the dev corpus (test/fixtures/people/, see its README for the rules). Used by
// `npm run eval:people` (scripts/eval-people.mjs) and by the floor test (people.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../server/src/article';

export interface LabelledPerson {
  name: string;
  also?: string[];
}

export interface PageScore {
  id: string;
  labels: number;
  found: number;
  matched: number;
  missed: string[];
  wrong: string[];
  ms: number;
}

export interface Score {
  pages: PageScore[];
  labels: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
}

/** Names compared: case, accents, full stops, apostrophes and a suffix aside. */
export function normName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[.’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+(jr|sr|ii|iii|iv)$/, '');
}

/** Does a reported name name the labelled person? Equal to the name or one of its other
 * forms; or, both of two or more words, the same first and last word; or one a single
 * word equal to the other's last word. */
export function sameperson(found: string, label: LabelledPerson): boolean {
  const f = normName(found).split(' ');
  for (const form of [label.name, ...(label.also ?? [])]) {
    const l = normName(form).split(' ');
    if (f.join(' ') === l.join(' ')) return true;
    if (f.length >= 2 && l.length >= 2 && f[0] === l[0] && f[f.length - 1] === l[l.length - 1]) return true;
    if ((f.length === 1 && l.length >= 2 && f[0] === l[l.length - 1]) || (l.length === 1 && f.length >= 2 && l[0] === f[f.length - 1])) return true;
  }
  return false;
}

export function scorePage(id: string, found: readonly string[], labels: readonly LabelledPerson[], ms = 0): PageScore {
  const used = new Set<number>();
  const wrong: string[] = [];
  let matched = 0;
  // exact forms first, so that "Trump" does not take the label "Donald Trump" from the
  // report "Donald Trump"
  const order = [...found].sort((a, b) => b.split(/\s+/).length - a.split(/\s+/).length);
  for (const f of order) {
    let hit = labels.findIndex((l, i) => !used.has(i) && [l.name, ...(l.also ?? [])].some((x) => normName(x) === normName(f)));
    if (hit < 0) hit = labels.findIndex((l, i) => !used.has(i) && sameperson(f, l));
    if (hit >= 0) {
      used.add(hit);
      matched++;
    } else wrong.push(f);
  }
  const missed = labels.filter((_, i) => !used.has(i)).map((l) => l.name);
  return { id, labels: labels.length, found: found.length, matched, missed, wrong, ms };
}

export function total(pages: PageScore[]): Score {
  const labels = pages.reduce((s, p) => s + p.labels, 0);
  const found = pages.reduce((s, p) => s + p.found, 0);
  const matched = pages.reduce((s, p) => s + p.matched, 0);
  return { pages, labels, found, matched, precision: found ? matched / found : 1, recall: labels ? matched / labels : 1 };
}

function run(id: string, text: string, labels: LabelledPerson[]): PageScore {
  const t0 = performance.now();
  const model = analyzeArticle(text);
  const ms = performance.now() - t0;
  return scorePage(id, model.people.map((p) => p.name), labels, ms);
}

export function scoreSeed(root: string): Score {
  const dir = join(root, 'test', 'fixtures', 'seed');
  const base = readdirSync(dir).find((f) => f.endsWith('.txt'))!;
  const ref = JSON.parse(readFileSync(join(dir, base.replace(/\.txt$/, '.expected.json')), 'utf8')) as { peopleNamed: { name: string; aka?: string }[] };
  const labels = ref.peopleNamed.map((p) => ({ name: p.name, also: p.aka ? [p.aka] : undefined }));
  return total([run(base.replace(/\.txt$/, ''), readFileSync(join(dir, base), 'utf8'), labels)]);
}

export function scoreSample(root: string): Score {
  const dir = join(root, 'test', 'fixtures', 'people');
  const pages: PageScore[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const label = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; file: string; people: LabelledPerson[] };
    pages.push(run(label.id, readFileSync(join(dir, label.file), 'utf8'), label.people));
  }
  return total(pages);
}
