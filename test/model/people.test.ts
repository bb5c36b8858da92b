// People and short forms read off one scan of the words (words.ts): the layouts the
// rules are for, and the cost staying linear in the text (the scan is shared, no work per
// name grows with its line or the page).
import * as assert from 'node:assert';
import { readAcronyms } from '../../server/src/article/acronyms';
import { lineTable } from '../../server/src/article/lines';
import { bylineNames, namedPeople, parseBio } from '../../server/src/article/people';
import { scanWords } from '../../server/src/article/words';

function people(text: string): string[] {
  return namedPeople(text, lineTable(text).starts, []).map((p) => p.name);
}

/** CPU milliseconds of people and short forms on `text` (the best of three). */
function cost(text: string): number {
  const { starts } = lineTable(text);
  let best = Infinity;
  for (let k = 0; k < 3; k++) {
    const t = process.cpuUsage();
    const scan = scanWords(text, starts);
    namedPeople(text, starts, [], scan);
    readAcronyms(text, starts, scan);
    const d = process.cpuUsage(t);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

describe('model: people and short forms', () => {
  it('reads a byline or credit laid out as a line: the name, then its outlet', () => {
    const text = 'Budget Talks Stall Again\n\nTom Davies Associated Press\n\nMichael Conroy, AP\n\nThe council met on Tuesday.\n';
    const names = people(text);
    assert.ok(names.includes('Tom Davies'), names.join(' · '));
    assert.ok(names.includes('Michael Conroy'), names.join(' · '));
  });

  it('keeps a title-case headline pair without other evidence out', () => {
    const names = people('Space And Art Collide In Downtown Gallery\n\nThe show opens on Friday.\n');
    assert.deepStrictEqual(names, []);
  });

  it('joins names listed together: one with evidence vouches for the others', () => {
    const names = people('The award went to Zorba Quillfeather and Tom Hanks, officials said.\n');
    assert.ok(names.includes('Tom Hanks'), names.join(' · '));
    assert.ok(names.includes('Zorba Quillfeather'), names.join(' · '));
  });

  it('reads a credits list laid out as Label_Name entries, a short month-like syllable inside a name', () => {
    const names = people('Cast and crew\n\nDirector_Oh Kyeong Taek, Lighting Design_Sin Ho, Costume Design_Lee Ho Jun\n\nThe show opened on Jun. 5.\n');
    assert.deepStrictEqual(names.sort(), ['Lee Ho Jun', 'Oh Kyeong Taek', 'Sin Ho']);
  });

  it('keeps modifiers, products, days and headline role nouns from naming people', () => {
    const text = [
      'A technician poses next to The Seagram Murals, by artist Mark Rothko, at the gallery.',
      'EU chief Brexit negotiator Michel Barnier arrived in London.',
      'Best Alexa Black Friday deals this year',
      'You will need a jar of Don Victor® Orange Blossom honey.',
      '□ Service Member Salute',
      'Farhan Akhtar\'s Girlfriend Shibani Dandekar Sets Internet On Fire',
      'Harper Vision gets clearance to sell lenses, and Logan Motion opens a plant.',
    ].join('\n\n');
    const names = people(text);
    for (const not of ['Seagram Murals', 'Brexit', 'Alexa Black', 'Don Victor', 'Salute', 'Harper Vision', 'Logan Motion']) assert.ok(!names.includes(not), names.join(' · '));
    for (const yes of ['Mark Rothko', 'Michel Barnier', 'Shibani Dandekar']) assert.ok(names.includes(yes), names.join(' · '));
  });

  it('keeps a business named over and over in full, never by its last word alone, out', () => {
    const text = [
      'Home Depot sales miss, shares plunge',
      'Home Depot said on Tuesday that sales fell.',
      'Shoppers left Home Depot stores early. Analysts expect Home Depot to recover.',
      'Nabih Ayad, a lawyer, spoke. Ayad said little.',
      'Tata Steel bought the Henry Cort Works in 1990.',
    ].join('\n\n');
    const names = people(text);
    assert.deepStrictEqual(names, ['Nabih Ayad']);
  });

  it('reads a numbered list of people, a name with its role in a headline, a portrait\'s alt text', () => {
    const text = [
      'My Top 10 Women Talking Sports',
      '1. Christie Leigh Mueller',
      'She writes about football.',
      '3.Charlotte Jones Anderson',
      '– Kyle Hughes, Writer',
      'Alex Bozarjian Image',
    ].join('\n\n');
    const names = people(text);
    for (const yes of ['Christie Leigh Mueller', 'Charlotte Jones Anderson', 'Kyle Hughes', 'Alex Bozarjian']) assert.ok(names.includes(yes), names.join(' · '));
  });

  it('reads a headline\'s given-name pair as its subject: a possessive or a verb after it, but not a show\'s title', () => {
    const text = [
      'Sylvia Plachy’s Photos Guided Us for Decades',
      'Gray Davis Holds Court at the Fox and Goose',
      '• Maria Bartiromo\'s Wall Street',
      'Global Holidays Early Bird Discounts',
    ].join('\n\n');
    const names = people(text);
    assert.deepStrictEqual(names.sort(), ['Gray Davis', 'Sylvia Plachy']);
  });

  it('reads a headline in capitals the same way: a verb after the given-name pair, not a pair alone', () => {
    const text = [
      'The ferry ran late again this morning.',
      'MARTHA QUELLING SAYS THE FERRY WILL RUN ON TIME',
      'The ferry ran late again this evening.',
      'HARBOR MASTER DELAYED BY FOG AT NOON',
    ].join('\n\n');
    const names = people(text);
    assert.deepStrictEqual(names.sort(), ['Martha Quelling']);
  });

  it('reads a surname in -s after a title proper, not a verb after a title that heads things', () => {
    const text = [
      'Tom Hanks discovers he\'s related to Mister Rogers',
      'Nate Paul, an investor tied to AG Paxton, is facing charges.',
      'Burger King Begins Selling Meatless Whopper Across U.S.',
      'Lady Sings the Blues was her autobiography.',
    ].join('\n\n');
    const names = people(text);
    for (const yes of ['Rogers', 'Paxton']) assert.ok(names.includes(yes), names.join(' · '));
    for (const not of ['Begins', 'Sings']) assert.ok(!names.includes(not), names.join(' · '));
  });

  it('reads no speaker in a clause after a speech verb, no role in a role noun used as a verb', () => {
    const text = [
      'A vegan sues Burger King, says Impossible Whoppers cooked with beef fat.',
      'She went to NBC to host Crossover and Access Hollywood.',
      'Josh Brolin posts a tribute to daughter Westlyn on her birthday.',
    ].join('\n\n');
    const names = people(text);
    for (const not of ['Impossible Whoppers', 'Crossover', 'Access Hollywood']) assert.ok(!names.includes(not), names.join(' · '));
    assert.ok(names.includes('Westlyn'), names.join(' · '));
  });

  it('keeps institutions and places with a given name\'s shape out', () => {
    const text = [
      'Best trips for 2020, according to National Geographic',
      'Sheikh Mohammed, United Arab Emirates vice president, passed by.',
      'A view over New York Landscape, near Tannersville.',
      'The RRS Sir David Attenborough, a polar research ship, left the shipyard.',
    ].join('\n\n');
    const names = people(text);
    for (const not of ['National Geographic', 'United Arab Emirates', 'York Landscape', 'David Attenborough']) assert.ok(!names.includes(not), names.join(' · '));
  });

  it('reads common given names from after 1991 as given names, not a rare name that is a common word or a town', () => {
    const text = [
      'Tickets are going fast, Walter Pembrook told the crowd.',
      'Donald Fennimore and Aiden Quarles signed up for the regatta.',
      'Nothing beats the Milky Way Galaxy on a clear night, and the Red Hat crew agrees.',
      'Readers of the Brooklyn Ledger and the London Gazette weighed in.',
    ].join('\n\n');
    const names = people(text);
    for (const yes of ['Walter Pembrook', 'Donald Fennimore', 'Aiden Quarles']) assert.ok(names.includes(yes), names.join(' · '));
    for (const not of ['Way Galaxy', 'Red Hat', 'Brooklyn Ledger', 'London Gazette']) assert.ok(!names.includes(not), names.join(' · '));
  });

  it('reads a common two-letter given name, not a particle or a two-letter word', () => {
    const text = [
      'Ed Fairweather and Jo Kettering opened the bakery on Friday.',
      'Ed Quillfeather Brings His Bread To The Market',
      'The opera at La Scala sold out, and tickets for Al Rimal Stadium did too.',
    ].join('\n\n');
    const names = people(text);
    for (const yes of ['Ed Fairweather', 'Jo Kettering', 'Ed Quillfeather']) assert.ok(names.includes(yes), names.join(' · '));
    for (const not of ['La Scala', 'Al Rimal']) assert.ok(!names.includes(not), names.join(' · '));
  });

  it('reads a person in a menu among sections, not a section that opens with a place or ends in a plural', () => {
    const text = [
      'Sections',
      '',
      '  • Weather',
      '  • Harriet Vandermolen',
      '  • Traffic',
      '  • Africa Desk',
      '  • Opinion',
      '  • Denver Kids',
      '  • Markets',
      '',
      'The storm passed overnight.',
    ].join('\n');
    const names = people(text);
    assert.deepStrictEqual(names, ['Harriet Vandermolen']);
  });

  it('reads a given name alone that introduces itself, is introduced or holds a peerage', () => {
    const text = [
      '  • Meet Marisol',
      '  • Meet Marketing',
      '',
      'Hi there! I\'m Marisol. My name is Marisol and I bake bread; my name is Legion, said nobody.',
      '',
      'Philippa, Duchess of Eastmarch, opened the fete; Blackmoor, Duke of Nowhere, did not come.',
      '',
      'I\'m Hungry, he joked at the fete.',
    ].join('\n');
    const names = people(text);
    assert.deepStrictEqual(names.sort(), ['Marisol', 'Philippa']);
  });

  it('reads a headline\'s title and given name without the headline\'s next word when the page names them so', () => {
    const text = [
      'Duke Ferdinand Sailing Draws Crowds To The Harbour',
      '',
      'Duke Ferdinand opened the regatta on Saturday. Later, Duke Ferdinand left early.',
      '',
      'Governor Annabel Whitcombe Signs The Budget Into Law',
    ].join('\n');
    const names = people(text);
    assert.deepStrictEqual(names.sort(), ['Annabel Whitcombe', 'Ferdinand']);
  });

  it('reads initials and a surname as an author\'s head shot, the surname a common word too', () => {
    const text = [
      'Q.T. Marlowe Image',
      '',
      'L.B. Rivers Photo',
      '',
      'Weather Gallery Image',
      '',
      'The rivers rose overnight, and the photo shows the bridge.',
    ].join('\n');
    const names = people(text);
    assert.deepStrictEqual(names.sort(), ['L.B. Rivers', 'Q.T. Marlowe']);
  });

  it('reads a short given name with the same surname as the same person', () => {
    const text = 'Patrick Carlineo, 55, of Addison, was charged.\n\n"Pat Carlineo is passionate about his beliefs," his lawyer said.\n';
    const found = namedPeople(text, lineTable(text).starts, []);
    assert.deepStrictEqual(found.map((p) => p.name), ['Patrick Carlineo']);
    assert.strictEqual(found[0].mentions.length, 2);
  });

  it('reads a pet form in -y of a longer given name as the same person, not Mary as Mark', () => {
    const text = 'Gerald Ford, 38th president, said it.\n\nWill he pardon, as Gerry Ford did?\n\nMary Smith, 40, and Mark Smith, 42, said so.\n';
    const names = people(text);
    assert.ok(names.includes('Gerald Ford') && !names.includes('Gerry Ford'), names.join(' · '));
    assert.ok(names.includes('Mary Smith') && names.includes('Mark Smith'), names.join(' · '));
  });

  it('finds a name read in capitals where the page writes it, and a middle initial A.', () => {
    const text = 'A guest holds her phone. (Photo by FRED DUFOUR / AFP)\n\nSonya A. Zoghlin, Carlineo’s attorney, told The Hill her client meant no harm.\n\nThe portrait of King Francois I. Between 2000 and 2013 it hung here.\n';
    const found = namedPeople(text, lineTable(text).starts, []);
    assert.deepStrictEqual(found.map((p) => p.name).sort(), ['Fred Dufour', 'Sonya A. Zoghlin']);
    assert.strictEqual(found.find((p) => p.name === 'Fred Dufour')?.role, 'photographer');
  });

  it('reads captions: the place in the picture, a credit in parentheses, a plural before the name, a credit list', () => {
    const names = [
      'The house of Conor Pilkington (centre), 23, from Gateshead, is all out for Halloween.',
      'President Macron speaks at the palace. (Ludovic Marin, Pool via AP)',
      'U.S. Citizens Zakaria Alarayshi, center, and his wife talk about their ordeal.',
      'By R.C. Baker / Greg Cohen, Photographs',
    ].flatMap((line) => people(line + '\n'));
    for (const yes of ['Conor Pilkington', 'Ludovic Marin', 'Zakaria Alarayshi', 'Greg Cohen']) assert.ok(names.includes(yes), names.join(' · '));
    assert.ok(!names.some((n) => n.includes('Citizens')), names.join(' · '));
  });

  it('reads a vouched-for name after a descriptor\'s last word, not a place after a compass word', () => {
    const names = [
      'An employee pulls a pint, as Chancellor of the Exchequer Rishi Sunak announces the government will pay.',
      'The school district is buying a system, the South Florida Sun Sentinel reports.',
    ].flatMap((line) => people(line + '\n'));
    assert.deepStrictEqual(names, ['Rishi Sunak']);
  });

  it('reads one word with kin after its possessive as a person, not a business with products', () => {
    const names = people('Gronk\'s SI girlfriend tells all\n\nArnold\'s love child recreates iconic pic\n\nTesla\'s new model sells\n');
    assert.deepStrictEqual(names.sort(), ['Arnold', 'Gronk']);
  });

  it('reads a bio that says what the person is, not how a place was', () => {
    assert.strictEqual(parseBio('Kate Kaye is an award-winning reporter.')?.name, 'Kate Kaye');
    assert.strictEqual(parseBio('Veronica Irwin (@vronirwin) is a San Francisco-based reporter.')?.handle, 'vronirwin');
    assert.strictEqual(parseBio('Donna Goodison (@dgoodison) is Protocol\'s senior reporter.')?.name, 'Donna Goodison');
    assert.strictEqual(parseBio('Tom Davies was editor of the Post for ten years.')?.name, 'Tom Davies');
    assert.strictEqual(parseBio('Marronnier Park was already packed with people.'), undefined);
    assert.strictEqual(parseBio('The Government is expected to compromise.'), undefined);
  });

  it('finds short forms defined in parentheses and spelled out earlier, the same with a shared scan', () => {
    const text = 'The Financial Technology Association (FTA) met the All-China Federation of Trade Unions.\n\nLater the FTA and the ACFTU spoke.\n';
    const { starts } = lineTable(text);
    const alone = readAcronyms(text, starts);
    const shared = readAcronyms(text, starts, scanWords(text, starts));
    assert.deepStrictEqual(shared, alone);
    const byShort = new Map(alone.map((a) => [a.short, a]));
    assert.strictEqual(byShort.get('FTA')?.long, 'Financial Technology Association');
    assert.strictEqual(byShort.get('ACFTU')?.long, 'All-China Federation of Trade Unions');
    assert.strictEqual(byShort.get('ACFTU')?.mentions.length, 1);
  });

  it('costs time in proportion to the text, on one long line and on many lines', function () {
    this.timeout(60_000);
    const sentence = 'Gov. Eric Holcomb said Tom Davies, a reporter at the Associated Press (AP), met CEO Adam Selipsky and the FTA. ';
    for (const [name, unit] of [
      ['one line', sentence],
      ['many lines', sentence + '\n'],
      ['capitals', 'Zia Faruqui Morgan Stanley ACFTU '],
    ] as const) {
      const small = cost(unit.repeat(2_000));
      const big = cost(unit.repeat(16_000));
      // 8 times the text: well under 8 × 3 the time (a quadratic step would be ~64×)
      assert.ok(big < Math.max(small, 5) * 24, `${name}: ${small.toFixed(1)} ms → ${big.toFixed(1)} ms for 8× the text`);
    }
  });
});

describe('people: the names of a byline', () => {
  it('a part of the byline that names a role is the author’s title, not another author', () => {
    assert.deepStrictEqual(bylineNames('Analysis by Chris Cillizza, CNN Editor-at-large'), ['Chris Cillizza']);
    assert.deepStrictEqual(bylineNames('By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER'), ['LISA MASCARO', 'MARY CLARE JALONICK', 'ERIC TUCKER']);
    assert.deepStrictEqual(bylineNames('By Jane Roe, Senior Reporter'), ['Jane Roe']);
  });
});
