// Pages in other languages: the rules built on English words stand back, the ones built
// on the page's shape still apply, and a paragraph is never flagged.
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeArticle } from '../../server/src/article';
import { readBlocks } from '../../server/src/article/blocks';
import { detectArticle } from '../../server/src/article/detect';
import { repoRoot } from './helpers';

const dir = join(repoRoot, 'test', 'fixtures', 'other-languages');

interface Page {
  file: string;
  headline: string;
  /** The byline's name, without the language's word for "by". */
  author: string;
  /** The first words of each paragraph of the article's text. */
  paragraphs: string[];
  /** Lines that are cruft whatever the language. */
  cruft: string[];
}

const PAGES: Page[] = [
  {
    file: 'de-lokalnachrichten.txt',
    headline: 'Stadtrat beschließt neuen Radweg entlang der Uferstraße',
    author: 'Anna Schmidt',
    paragraphs: ['Nach monatelanger Debatte', 'Die Befürworter verwiesen', 'Kritik kam vor allem', 'Der Bau soll in zwei'],
    cruft: ['  • Startseite', '  • Wetter', 'Impressum | Datenschutz | Kontakt', '© 2019 Beispiel-Zeitung GmbH', 'Foto: Max Mustermann / dpa'],
  },
  {
    file: 'es-noticias.txt',
    headline: 'El ayuntamiento aprueba la ampliación de la biblioteca municipal',
    author: 'Lucía Fernández',
    paragraphs: ['El pleno municipal aprobó', 'Según la concejala de Cultura', 'Los vecinos del barrio'],
    cruft: ['  • Portada', '  • Deportes', 'Aviso legal | Privacidad | Contacto', '© 2019 Diario de Ejemplo S.L.'],
  },
];

function lineOf(lines: string[], start: string): number {
  const n = lines.findIndex((l) => l.startsWith(start));
  assert.ok(n >= 0, `fixture has no line starting ${JSON.stringify(start)}`);
  return n;
}

describe('model: pages not written in English', () => {
  for (const p of PAGES) {
    describe(p.file, () => {
      const text = readFileSync(join(dir, p.file), 'utf8');
      const lines = text.split('\n');
      const model = analyzeArticle(text);
      const flagged = (line: number) => model.findings.filter((f) => f.lines && f.lines.first <= line && line <= f.lines.last);

      it('is read as not English', () => {
        assert.strictEqual(readBlocks(text).english, false);
      });

      it('is detected as a scrape (a .txt file switches to Article mode)', () => {
        const d = detectArticle(text);
        assert.ok(d.isArticle, d.reasons.join('; '));
      });

      it('finds the story and its headline from the page shape', () => {
        assert.strictEqual(model.stories.length, 1);
        assert.strictEqual(model.stories[0].headline?.text, p.headline);
      });

      it('names the author from the byline ("Von …", "Por …")', () => {
        const authors = model.people.filter((x) => x.role === 'author');
        assert.deepStrictEqual(authors.map((x) => x.name), [p.author]);
        assert.deepStrictEqual(model.stories[0].authors, [authors[0].id]);
      });

      it('keeps every paragraph as the story text, unflagged', () => {
        for (const start of p.paragraphs) {
          const n = lineOf(lines, start);
          assert.deepStrictEqual(flagged(n).map((f) => f.kind), [], `paragraph at line ${n} flagged`);
          assert.strictEqual(model.blocks.find((b) => b.line === n)?.role, 'body', `line ${n}`);
        }
      });

      it('still flags the cruft whose form says so in any language', () => {
        for (const start of p.cruft) {
          const n = lineOf(lines, start);
          assert.ok(flagged(n).length > 0, `line ${n} (${start.trim()}) not flagged`);
        }
      });

      it('is never flagged wholesale: most of its characters stay unflagged', () => {
        let covered = 0;
        for (const f of model.findings) if (f.lines) covered += f.span.end - f.span.start;
        assert.ok(covered < text.length * 0.4, `${covered} of ${text.length} characters flagged`);
      });
    });
  }

  it('reads English pages as English (the seed and every dev-corpus page)', () => {
    const seed = readFileSync(join(repoRoot, 'test', 'fixtures', 'seed', '000_c293627eab9434ab.txt'), 'utf8');
    assert.strictEqual(readBlocks(seed).english, true);
    const corpus = join(repoRoot, 'test', 'fixtures', 'scrapes-dev');
    const files = readFileSync(join(corpus, 'labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).file as string);
    assert.ok(files.length >= 80);
    const notEnglish = files.filter((f) => !readBlocks(readFileSync(join(corpus, f), 'utf8')).english);
    assert.deepStrictEqual(notEnglish, []);
  });
});
