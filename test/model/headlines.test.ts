// Which line of a story's header is its headline, when several could be: the shapes
// that once fooled the header reading (each came from a page of the dev corpus, after
// the page was cleaned and its menus were gone), written here in other words.
import * as assert from 'node:assert';
import { analyzeArticle } from '../../server/src/article';
import { joinLines } from './helpers';

const body = [
  'Police released video on Tuesday showing the rescue of a girl who had been taken from her home, after a tip led officers to a motel room across town late on Sunday night.',
  '',
  'The suspect was arrested at the scene and faces several charges, the department said in a statement, adding that the girl was unharmed and had been returned to her family.',
  '',
];
const headlineOf = (lines: string[]) => analyzeArticle(joinLines([...lines, '', ...body])).stories[0]?.title;

describe('headlines: of several title lines, the one the text is under', () => {
  const headline = 'Video shows dramatic rescue of kidnapping victim: "We got her!"';

  it('a label of three words over a headline several times its length is not the headline', () => {
    assert.strictEqual(headlineOf(['Watch Channel Live', '', headline, '', 'Updated on: November 19, 2019 / 10:07 AM']), headline);
  });

  it('a line opening with an image’s file name is a link, not the headline', () => {
    assert.strictEqual(headlineOf(['[site-logo] Switch site', '', 'Holiday Gift Guide: What do you buy for the person who already has everything?', '', 'Jane Roe', '', '- Nov. 18th 2019 12:12 pm PT']),
      'Holiday Gift Guide: What do you buy for the person who already has everything?');
  });

  it('a breadcrumb trail that ends in the headline yields to the headline itself', () => {
    const title = 'Homemade Spiced Honey Pear Jam for the Holidays';
    assert.strictEqual(headlineOf([`Home Holidays ${title}`, '', title, '', 'by Jane December 6, 2017']), title);
  });

  it('a title over its subtitle, both long, stays the headline (the upper of two near equals)', () => {
    // the rule above is about short labels only: a title over its subtitle stays the headline
    const title = 'City council approves new budget after months of debate';
    const sub = 'Members agreed to raise spending on schools and parks next year';
    assert.strictEqual(headlineOf([title, '', sub, '', 'By Jane Roe', '', 'November 19, 2019']), title);
  });
});

describe('headlines: a signed title above a search box and a video player', () => {
  it('the title with its byline and date is the headline; the pitch under them is promotion', () => {
    const title = 'Why the city cannot be trusted on its budget numbers';
    const videos = ['Mayor questions the unannounced audit', 'Mayor questions the unannounced audit', 'JUST WATCHED', 'Council members react to the audit', 'Council members react to the audit'];
    const lines = ['• Home', '• World', '• Politics', '[                    ]', '', title, '', 'Analysis by Jane Roe, City Editor-at-large', '', 'Updated 1909 GMT November 18, 2019', '', 'Chat with us in Facebook Messenger. Find out what is happening in the world as it unfolds.', '', '[                    ]', ...videos, ''];
    const text = joinLines([...lines, ...body]);
    const m = analyzeArticle(text);
    assert.strictEqual(m.stories[0]?.title, title);
    const pitch = m.findings.find((f) => text.slice(f.span.start, f.span.end).startsWith('Chat with us'));
    assert.strictEqual(pitch?.kind, 'sponsored');
    assert.ok(!m.findings.some((f) => text.slice(f.span.start, f.span.end).includes('Analysis by Jane Roe')), 'the byline is flagged');
  });
});

