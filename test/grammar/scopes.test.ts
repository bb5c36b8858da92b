// Scope tests for syntaxes/article.tmLanguage.json (text.article).
//
// Why these scopes (details in syntaxes/README.md): structure uses the standard names that
// Dark+/Light+, Monokai and Solarized all colour — markup.heading for headline-like lines,
// string.quoted for quotations, entity.name.tag for @handles, keyword + entity.name.function for
// bylines, constant.numeric for dates, markup.list for bullets, markup.underline.link for URLs.
// Page furniture (photo credits, UI leftovers, menu entries, form fields) is `comment.*` so it
// looks de-emphasised, never `invalid.*` red: cruft is expected in a scrape. Only mojibake, a real
// fault in the text, is `invalid.illegal`.
import * as assert from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import {
  assertLineNoScope,
  assertLineScope,
  assertNoScope,
  assertScope,
  loadGrammar,
  repoRoot,
  tokenize,
  tokensOf,
} from './helper';

const seed = readFileSync(join(repoRoot, 'test/fixtures/seed/000_c293627eab9434ab.txt'), 'utf8');

describe('grammar text.article', () => {
  let g: IGrammar;
  before(async () => {
    g = await loadGrammar();
  });

  describe('headline-like lines', () => {
    it('marks the seed headlines and crossheads as headings', () => {
      for (const line of [23, 41, 52, 74, 101]) {
        assertLineScope(g, seed, line, 'markup.heading.article');
        assertLineScope(g, seed, line, 'entity.name.section.article');
      }
    });

    it('takes "AWS CEO: The cloud isn’t just about technology" (a colon inside is fine)', () => {
      assertScope(g, 'AWS CEO: The cloud isn’t just about technology', 'AWS CEO: The cloud', 'markup.heading.article');
    });

    it('allows a closing ? or !', () => {
      assertScope(g, 'Is the cloud really about technology?', 'Is the cloud', 'markup.heading.article');
      assertScope(g, 'Cloud providers strike back!', 'Cloud providers', 'markup.heading.article');
    });

    it('still colours a quotation inside a headline', () => {
      assertScope(g, seed, 'SNL', 'markup.heading.article');
      assertScope(g, seed, 'SNL', 'string.quoted.single.article');
    });

    it('leaves ordinary body paragraphs alone', () => {
      for (const line of [11, 13, 15, 25, 45]) assertLineNoScope(g, seed, line, 'markup.heading');
    });

    it('leaves a sentence-like line ending in "." alone (the dek, and a headline that ends with a period)', () => {
      assertLineNoScope(g, seed, 3, 'markup.heading');
      assertLineNoScope(g, seed, 1, 'markup.heading');
    });

    it('needs at least three words: a two-word caption or an author-name line is not a headline', () => {
      assertLineNoScope(g, seed, 5, 'markup.heading'); // "Delivery workers"
      assertLineNoScope(g, seed, 65, 'markup.heading'); // "Veronica Irwin"
    });

    it('rejects lines longer than 15 words', () => {
      const long = 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';
      assertNoScope(g, long, 'One two', 'markup.heading');
      assertScope(g, long.replace(' sixteen', ''), 'One two', 'markup.heading.article');
    });

    it('rejects lines ending in , ; : or starting in lower case', () => {
      assertNoScope(g, 'The company said in a statement:', 'The company', 'markup.heading');
      assertNoScope(g, 'In the meantime, the board will meet,', 'In the', 'markup.heading');
      assertNoScope(g, 'and then there were none', 'and then', 'markup.heading');
    });
  });

  describe('photo credits', () => {
    it('marks the seed credit lines as comments', () => {
      for (const line of [9, 58, 78, 89, 107]) assertLineScope(g, seed, line, 'comment.line.credit.article');
    });

    it('knows the usual labels and agency forms', () => {
      for (const line of [
        'Photo: Yan Cong/Bloomberg via Getty Images',
        'Image: Protocol',
        'Photo: artpartner-images via Getty Images',
        'Illustration: Sarah Grillo/Axios',
        'photo: iStock',
        'REUTERS/Brendan McDermid',
        'Natalie Naccache | Bloomberg | Getty Images',
        '© 2019 Reuters. All Rights Reserved.',
        'Copyright © 2019 CBS Interactive Inc. All rights reserved.',
      ]) {
        assertScope(g, line, line, 'comment.line.credit.article');
      }
    });

    it('marks only the credit inside a caption', () => {
      const caption =
        "The oxygen bar, 'consists of an oxygen concentrator that purifies the ambient air'. (Photo Credit : PTI File Photo )";
      assertScope(g, caption, '(Photo Credit : PTI File Photo )', 'comment.line.credit.article');
      assertNoScope(g, caption, 'The oxygen bar', 'comment');
      const reuters =
        'FILE PHOTO: Traders work on the floor at the New York Stock Exchange (NYSE) in New York, U.S., November 18, 2019. REUTERS/Brendan McDermid';
      assertScope(g, reuters, 'REUTERS/Brendan McDermid', 'comment.line.credit.article');
      assertNoScope(g, reuters, 'Traders work on the floor', 'comment');
      const ap = 'Vicente Aguiar loads garage door trims into his pickup truck. (AP Photo/Alan Diaz, File)';
      assertScope(g, ap, '(AP Photo/Alan Diaz, File)', 'comment.line.credit.article');
      assertNoScope(g, ap, 'Vicente Aguiar', 'comment');
    });

    it('does not mistake a poll or a video title for a credit', () => {
      const poll = 'A Reuters/Ipsos poll found that 40% of Americans approve of the plan.';
      assertNoScope(g, poll, 'Reuters/Ipsos poll', 'comment');
      assertNoScope(g, 'Video: Signing Day 2019', 'Signing Day', 'comment');
      assertNoScope(g, 'He posted a photo: it showed the empty warehouse.', 'photo: it showed', 'comment');
    });
  });

  describe('@handles', () => {
    it('marks handles in the seed bios', () => {
      assertScope(g, seed, '@vronirwin', 'entity.name.tag.handle.article');
      assertScope(g, seed, '@dgoodison', 'entity.name.tag.handle.article');
      assertScope(g, seed, '@bennettrich', 'entity.name.tag.handle.article');
      assertNoScope(g, seed, 'Veronica Irwin (', 'entity.name.tag');
    });

    it('stops before sentence punctuation', () => {
      const text = 'Email Tariq Malik or follow him @tariqjmalik.';
      assertScope(g, text, '@tariqjmalik', 'entity.name.tag.handle.article');
      assertNoScope(g, text, '.', 'entity.name.tag');
    });

    it('does not take an e-mail address for a handle', () => {
      for (const text of ['Write to a@b.com today.', 'Email Tariq Malik at tmalik@space.com or call.']) {
        const addr = text.includes('a@b.com') ? 'a@b.com' : 'tmalik@space.com';
        assertNoScope(g, text, addr, 'entity.name.tag');
        assertScope(g, text, addr, 'markup.underline.link.email.article');
      }
    });

    it('needs a letter: "@2016" is not a handle', () => {
      assertNoScope(g, 'Back @2016 prices, they said.', '@2016', 'entity.name.tag');
    });
  });

  describe('quotations', () => {
    it('marks curly double quotes with their punctuation', () => {
      assertScope(g, seed, '“The duct tape starts to show,”', 'string.quoted.double.article');
      const text = '“The duct tape starts to show,” he said.';
      assertScope(g, text, '“', 'punctuation.definition.string.begin.article');
      assertScope(g, text, '”', 'punctuation.definition.string.end.article');
      assertNoScope(g, text, 'The duct', 'punctuation');
      assertNoScope(g, text, ' he said.', 'string');
    });

    it('nests ‘…’ inside “…”', () => {
      const inner = '‘The wave of the future, Dude. One hundred percent electronic.’';
      assertScope(g, seed, inner, 'string.quoted.single.article');
      assertScope(g, seed, inner, 'string.quoted.double.article');
      assertScope(g, seed, 'Cryptocurrency and related', 'string.quoted.double.article');
      assertNoScope(g, seed, 'Cryptocurrency and related', 'string.quoted.single');
    });

    it('marks straight quotes, with straight single quotes inside', () => {
      assertScope(g, seed, '"special mutual aid security"', 'string.quoted.double.article');
      assertScope(g, seed, "'common prosperity'", 'string.quoted.single.article');
      assertScope(g, seed, "'common prosperity'", 'string.quoted.double.article');
      assertScope(g, seed, "'Big 3'", 'string.quoted.single.article');
      assertNoScope(g, seed, 'packages for 10,000', 'string');
    });

    it('does not take apostrophes for quotes', () => {
      const text = "Workers' Daily said it’s the union's call, as in the '90s.";
      assertNoScope(g, text, text, 'string');
    });

    it('keeps an unclosed quotation on its own line', () => {
      const text = '“This quotation runs on into the next paragraph\n\nNext paragraph is plain text.';
      assertScope(g, text, 'runs on into the next paragraph', 'string.quoted.double.article');
      assertNoScope(g, text, 'Next paragraph is plain text.', 'string');
      const straight = 'He is 5\'10" tall and said "maybe he will\nA plain line.';
      assertNoScope(g, straight, 'maybe he will', 'string');
      assertNoScope(g, straight, 'A plain line.', 'string');
    });

    it('lets a straight quote at the start of a line run to its end (multi-paragraph quotation)', () => {
      const text = '"First paragraph of a long quotation\n"Second paragraph," she said.';
      assertScope(g, text, 'First paragraph of a long quotation', 'string.quoted.double.article');
      assertScope(g, text, 'Second paragraph,', 'string.quoted.double.article');
      assertNoScope(g, text, 'she said.', 'string');
    });
  });

  describe('bylines and datelines', () => {
    it('splits "By Jane Doe" into keyword and author', () => {
      assertScope(g, 'By Jane Doe', 'By', 'keyword.other.byline.article');
      assertScope(g, 'By Jane Doe', 'Jane Doe', 'entity.name.function.author.article');
      assertScope(g, 'By Jane Doe', 'By Jane Doe', 'meta.byline.article');
    });

    it('handles several authors, upper case and a trailing date', () => {
      const many = 'By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER';
      assertScope(g, many, 'LISA MASCARO', 'entity.name.function.author.article');
      assertScope(g, many, 'ERIC TUCKER', 'entity.name.function.author.article');
      assertNoScope(g, many, ' and ', 'entity.name.function');
      const dated = 'By Tess Bonn - 11/19/19 06:56 AM EST';
      assertScope(g, dated, 'Tess Bonn', 'entity.name.function.author.article');
      assertScope(g, dated, '11/19/19 06:56 AM EST', 'constant.numeric.date.article');
      const iso = 'By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z Spaceflight';
      assertScope(g, iso, 'Mike Wall', 'entity.name.function.author.article');
      assertScope(g, iso, '2019-11-18T22:05:36Z', 'constant.numeric.date.article');
      assertScope(g, 'Written by Ana Sandoiu on July 27, 2017', 'Written by', 'keyword.other.byline.article');
    });

    it('does not take a sentence starting with "By" for a byline', () => {
      const s1 = 'By taking off just the top half of bread, you’re saving nearly 100 calories.';
      assertNoScope(g, s1, 'By taking', 'meta.byline');
      const s2 = 'By Tuesday, the company had hired two more lawyers';
      assertNoScope(g, s2, 'By Tuesday', 'meta.byline');
      assertNoScope(g, s2, 'By Tuesday', 'keyword');
    });

    it('marks dateline lines', () => {
      const d = 'Updated 19 November 2019, 09:01 AM';
      assertScope(g, d, 'Updated', 'keyword.other.dateline.article');
      assertScope(g, d, '19 November 2019, 09:01 AM', 'constant.numeric.date.article');
      assertScope(g, d, d, 'meta.dateline.article');
      for (const line of ['20 Nov, 2019 05:47', '3 hours ago', 'First Published: Tuesday, November 19, 2019 08:38 AM', 'July 25, 2019 | 11:15 PM']) {
        assertScope(g, line, line, 'meta.dateline.article');
      }
    });

    it('does not take a page number, or a date inside a sentence, for a dateline', () => {
      assertNoScope(g, '16', '16', 'meta.dateline');
      assertLineNoScope(g, seed, 21, 'meta.dateline'); // "On Aug. 17, Party Chairman Xi Jinping …"
      assertLineNoScope(g, seed, 21, 'constant.numeric.date');
    });
  });

  describe('menus and lists', () => {
    it('marks bullet menu entries: list line, bullet punctuation, de-emphasised entry', () => {
      const menu = 'news\n\n  • Home\n  • World News\n☆ Bollywood News\n      □ Sign in';
      assertScope(g, menu, '•', 'punctuation.definition.list.begin.article');
      assertScope(g, menu, '  • Home', 'markup.list.unnumbered.article');
      assertScope(g, menu, 'Home', 'comment.line.menu.article');
      assertScope(g, menu, 'World News', 'comment.line.menu.article');
      assertScope(g, menu, 'Bollywood News', 'comment.line.menu.article');
      assertScope(g, menu, '☆', 'punctuation.definition.list.begin.article');
      assertScope(g, menu, 'Sign in', 'comment.line.menu.article');
      assertNoScope(g, menu, 'news', 'markup.list');
    });

    it('marks numbered menu entries', () => {
      assertScope(g, ' 1. Home\n 2. News', '2.', 'punctuation.definition.list.begin.article');
      assertScope(g, ' 1. Home\n 2. News', 'News', 'markup.list.numbered.article');
    });

    it('keeps real list items (long, or with commas) as list text, not comments', () => {
      const item = '  • The agency said on Tuesday that it would expand the program to 40 states.';
      assertScope(g, item, 'The agency said', 'markup.list.unnumbered.article');
      assertNoScope(g, item, 'The agency said', 'comment');
      const place = '  • Blue Origin, Kent, Washington';
      assertNoScope(g, place, 'Blue Origin', 'comment');
    });

    it('does not take an em-dash attribution for a bullet', () => {
      assertNoScope(g, '—Milo H-R, age 8', 'Milo', 'markup.list');
    });
  });

  describe('UI leftovers', () => {
    it('marks the seed leftovers', () => {
      for (const line of [64, 71, 84, 95, 113, 118]) assertLineScope(g, seed, line, 'comment.line.ui.article');
    });

    it('knows common labels, glued or separated', () => {
      for (const line of [
        'Keep ReadingShow less',
        'SubscribeSign In',
        'Read more',
        'Read More »',
        'Latest Stories',
        'Share',
        'Shares',
        'Subscribe',
        'Sign In',
        'Advertisement',
        'ADVERTISEMENT',
        'Skip to content',
        'Skip to main content (*) ( )',
        'Leave a Reply Cancel reply',
        'Log In | Register',
        'Follow Us:',
        'Image 2 of 5',
        'Related: The 15 Weirdest Galaxies in Our Universe',
        'Subscribe to RT newsletter to get stories the mainstream media won’t tell you',
      ]) {
        assertScope(g, line, line, 'comment.line.ui.article');
      }
    });

    it('never marks the words inside a sentence', () => {
      const s = 'Investors will share the proceeds, and readers can subscribe or sign in to read more.';
      for (const w of ['share', 'subscribe', 'sign in', 'read more']) assertNoScope(g, s, w, 'comment');
      assertNoScope(g, 'Shareholders approved the merger', 'Shareholders', 'comment');
      assertNoScope(g, 'Advertisement revenue fell sharply in the quarter.', 'Advertisement', 'comment');
    });
  });

  describe('scraper placeholders', () => {
    it('marks form fields, buttons and image stubs', () => {
      assertScope(g, '[                    ] [Search]', '[Search]', 'comment.block.placeholder.form.article');
      assertScope(g, 'Name * [                    ]', '[                    ]', 'comment.block.placeholder.form.article');
      assertNoScope(g, 'Name * [                    ]', 'Name', 'comment');
      assertScope(g, 'Graduates [hkpolyu1118b_167x94] at the ceremony', '[hkpolyu1118b_167x94]', 'comment.block.placeholder.image.article');
    });

    it('leaves editorial brackets alone', () => {
      assertNoScope(g, seed, "[Tech companies']", 'comment');
      for (const s of ['It was [sic] wrong.', 'As noted [1], the rule stands.', 'He said […] that it was over.']) {
        assertNoScope(g, s, s, 'comment');
      }
    });
  });

  describe('links and mojibake', () => {
    it('underlines URLs without their trailing punctuation', () => {
      const s = 'See https://t.co/XPxUJuyIAC. Or www.example.com/a?b=1, then stop.';
      assertScope(g, s, 'https://t.co/XPxUJuyIAC', 'markup.underline.link.article');
      assertNoScope(g, s, '. Or', 'markup.underline');
      assertScope(g, s, 'www.example.com/a?b=1', 'markup.underline.link.article');
    });

    it('flags mojibake as invalid, and nothing else in the seed', () => {
      assertScope(g, 'It\u00e2\u20ac\u2122s broken', '\u00e2\u20ac\u2122', 'invalid.illegal.mojibake.article');
      const invalid = tokenize(g, seed)
        .flat()
        .filter((t) => t.scopes.some((s) => s.startsWith('invalid')));
      assert.deepStrictEqual(invalid, []);
    });
  });

  it('gives plain prose no scope at all beyond the root', () => {
    const toks = tokensOf(g, seed, "But labor researchers don't anticipate a big wave of reclassifications.");
    assert.ok(toks.length > 0);
    assert.deepStrictEqual(
      toks.map((t) => t.scopes),
      toks.map(() => ['text.article']),
    );
  });
});
