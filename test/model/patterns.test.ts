// The line recognisers of patterns.ts on the shapes they exist for, and on the near
// misses that once fooled them (each near miss came from a real page of the corpus).
import * as assert from 'node:assert';
import { analyzeArticle } from '../../server/src/article';
import { countFeatures, counts } from '../../server/src/article/features';
import { isAgencyByline, isByline, isCopyright, isDateline, isHashtagRun, isPhotoCredit, isRelatedLink, isSelfGlued, opensLikeCaption } from '../../server/src/article/patterns';
import { isPromotional } from '../../server/src/article/promo';
import { joinLines } from './helpers';

function check(fn: (s: string) => boolean, yes: string[], no: string[]): void {
  for (const s of yes) assert.strictEqual(fn(s), true, `should accept: ${s}`);
  for (const s of no) assert.strictEqual(fn(s), false, `should reject: ${s}`);
}

describe('patterns: line recognisers', () => {
  it('bylines: openings in any case and in other languages, names capitalised', () => {
    check(
      isByline,
      ['By Tom Francis', 'BY JANE DOE', 'Analysis by Chris Cillizza, CNN Editor-at-large', 'Posted by Ned Deily at 5:11 AM', 'ByJane Doe', 'Von Anna Schmidt', 'Por Lucía Fernández', 'By Shaun PrescottMarch 17, 2024'],
      ['By taking off just the top half of bread, you’re saving nearly 100 calories', 'Party Like It’s 1923: Will Donald Trump Write His Own ‘Mein Kampf’ in Jail?', 'Bypassing the rules is easy', 'By the way, nobody asked'],
    );
  });

  it('datelines: a post meta line that opens with its date', () => {
    check(
      isDateline,
      ['Updated 19 November 2019, 09:01 AM', 'October 15, 2018/0 Comments/in Jeongdong Perfomance News /by jdadmin', '19.11.2019, 09:01 Uhr'],
      ['October 15 was the day the council finally voted on the new budget plan'],
    );
  });

  it('a form’s consent notice is a legal notice', () => {
    check(
      isCopyright,
      ['By submitting this form you agree to pv magazine using your data for the purposes of publishing your comment.'],
      ['By the time we reach Riverwood, it’s dark and no one agrees to help us.'],
    );
  });

  it('a site’s disclaimers are legal notices, long ones too; news about trade marks is not', () => {
    check(
      isCopyright,
      ['*These statements have not been evaluated by the Food and Drug Administration. These products are not intended to diagnose, treat, cure, or prevent any disease.', 'Apple logo, Apple TV and iPhone are registered trademarks of Apple Inc.', 'All quotes delayed a minimum of 15 minutes.', `Most stock quote data provided by BATS. ${'Market indices are shown in real time. '.repeat(20)}`],
      ['The names are trademarks of Disney, the court said, and the studio sued to protect them.', 'Consult your doctor before you change the dose, the agency said on Tuesday.', 'The data was provided by the state’s health department.'],
    );
  });

  it('every legal notice holds a word that opens with one of LEGAL_WORDS, as features.ts reads words, or a year (the hints that spare other lines the patterns)', () => {
    const notices = [
      'Apple TV and iPhone are registered trademarks of Apple Inc.', 'Galley is a registered trademark of Galley Ltd.',
      'These statements have not been evaluated by the Food and Drug Administration.', 'This product is NOT INTENDED TO DIAGNOSE any disease.',
      'This site is for general informational purposes only.', 'For informational purposes only.', 'Market data provided by Refinitiv.',
      'Quote data is powered by BATS.', 'All quotes are delayed by 15 minutes.', 'Quotes delayed at least 15 minutes.',
      'Some images subject to copyright.', 'This material may not be published, broadcast, rewritten or redistributed.',
      'It may not be reproduced.', 'It may not be redistributed.', 'It may not be copied.',
      'Do not use without the prior express written permission of the owner.', 'Reproduced without permission of the author is forbidden.',
      'News Nation. All rights reserved.',
    ];
    for (const text of notices) {
      assert.strictEqual(isCopyright(text), true, text);
      countFeatures(text);
      assert.strictEqual(counts.legalWord, true, text);
    }
    countFeatures('The council met on Tuesday, and the vote was close.');
    assert.strictEqual(counts.legalWord, false);
    assert.strictEqual(counts.digit, false);
    // the other copyright lines hold a year
    for (const text of ['© 2019 News Nation', 'Copyright © 2019 Sputnik', '(c) 2019 CBS']) {
      countFeatures(text);
      assert.ok(isCopyright(text) && counts.digit, text);
    }
  });

  it('a membership pitch is advertising voice; a story about members is not', () => {
    check(
      isPromotional,
      ['If you enjoyed this article, we have a proposition for you: join our club.', 'Support independent journalism', 'Become a member today and read without limits.'],
      ['The club said it enjoyed a record year, and members voted to keep the fee.', 'She became a member of the board in 2015.'],
    );
  });

  it('a link to another story, announced by a label or by the site’s name', () => {
    check(
      isRelatedLink,
      ['Related: Council approves the new budget', 'Also on rt.com Journalists threatened with arrest as purge goes on', 'Read more: Tencent profit falls'],
      ['Also on Tuesday, the council approved the new budget.', 'Also at stake is the future of the library.'],
    );
  });

  it('an image’s alt text glued to itself', () => {
    check(
      isSelfGlued,
      ['Pickled Brussels Sprouts RecipePickled Brussels Sprouts Recipe Mini Dutch Apple Pear Pie', 'Spiced Honey Pear JamSpiced Honey Pear Jam'],
      ['The council met on Tuesday. The council met again on Wednesday to finish the vote.', 'Short line'],
    );
  });

  it('a pin’s description made of tags', () => {
    check(
      isHashtagRun,
      ['Homemade Jam for the Holidays #ad #canning #homemadejam #jam #pearjam #christmas #holidays'],
      ['Great rally today in Ohio, thank you all! #vote #election', 'A sentence with one #tag in it and many more words around it to read'],
    );
  });

  it('a news agency named alone is a byline’s affiliation; with a picture’s words it is a credit', () => {
    check(isAgencyByline, ['Associated Press', 'Tom Davies Associated Press', 'Jane Roe, Reuters'], ['Photo: Associated Press', 'AP Photo/Evan Vucci', 'Getty Images', 'Jane Roe/Reuters', '© Reuters', 'Read more from Reuters today']);
    check(isPhotoCredit, ['Michael Conroy, AP', 'Jane Roe/AP', 'Getty Images', 'Photo: Associated Press'], ['AP', 'The AP Top 25 poll, AP', 'Voters told the AP']);
  });
});

describe('captions: a wire photo’s caption says so in its first words', () => {
  it('recognises the openings, and not a paragraph that speaks of photos', () => {
    check(
      opensLikeCaption,
      ['In this Oct. 28, 2019, file photo, the ambassador walks to a secure area of the Capitol.', 'FILE - In this photo taken Monday, workers repair the bridge.', 'This 2006 photo provided by NASA shows two astronauts at work.', 'In this handout image provided by the studio, the host speaks.', 'An artist’s concept of the lander on the surface of the moon.', 'a group of people standing in a room: Detainees wait in line at the center.'],
      ['In this case, the photos were never published.', 'This is the photo everyone shared last week, and it was fake.', 'Instagram photos show the crowd at the rally.', 'The photo shows the crowd at the rally.', 'A generally accepted myth: men talk about sports.', 'a lot of people: that is what we saw'],
    );
  });

  it('a caption between the paragraphs is flagged as one, the paragraphs are kept', () => {
    const p1 = 'The council voted on Tuesday to expand the program, a decision that followed months of debate among members and residents who had packed the hall for every meeting.';
    const cap = 'In this Nov. 19, 2019, photo, council members vote on the plan at City Hall.';
    const p2 = 'Officials said the first changes would take effect next spring, and that the cost would be covered by the state for at least the first two years of the plan.';
    const text = joinLines(['City expands program after long debate', '', 'By Jane Roe', '', p1, '', cap, '', p2, '', 'Residents who spoke at the meeting were divided, with some praising the plan and others warning that it would raise their taxes within a few years.', '']);
    const m = analyzeArticle(text);
    const flagged = m.findings.filter((f) => f.kind !== 'spacing').map((f) => `${f.kind}:${text.slice(f.span.start, f.span.end)}`);
    assert.deepStrictEqual(flagged, [`image-caption:${cap}`]);
  });
});

describe('stories: a byline’s agency is article structure, not a photo credit', () => {
  const body = 'The council voted on Tuesday to expand the program, a decision that followed months of debate among members and residents who had packed the hall for every meeting.';
  const more = 'Officials said the first changes would take effect next spring, and that the cost would be covered by the state for at least the first two years of the plan.';
  const kinds = (text: string) => analyzeArticle(text).findings.filter((f) => f.kind !== 'spacing').map((f) => `${f.kind}:${text.slice(f.span.start, f.span.end)}`);
  const roleOf = (text: string, line: string) => analyzeArticle(text).blocks.find((b) => b.text === line)?.role;

  it('under the "By" line and over the date', () => {
    for (const header of [['By JANE ROE and JOHN DOE', 'Associated Press', 'Nov. 20, 2019'], ['Jane Roe Associated Press', 'Published 11:34 PM EST Nov 19, 2019']]) {
      const text = joinLines(['City expands program after long debate', '', ...header.flatMap((h) => [h, '']), body, '', more, '']);
      assert.deepStrictEqual(kinds(text), [], text);
      assert.strictEqual(roleOf(text, header.find((h) => /Associated Press/.test(h))!), 'byline');
    }
  });

  it('a bullet naming only a platform is a link in a list, not a credit', () => {
    const text = joinLines(['City expands program after long debate', '', 'By Jane Roe', '', body, '', more, '', 'Our partners', '', '  • flickr', '  • bandcamp', '  • wikipedia', '']);
    assert.ok(!kinds(text).some((k) => k.startsWith('image-credit')), kinds(text).join('\n'));
  });

  it('the same agency under a photo’s caption stays a credit', () => {
    const text = joinLines(['City expands program after long debate', '', 'By Jane Roe', '', body, '', '[council-vote-0923]', '', 'Members of the council vote on the plan at City Hall in Springfield, Tuesday, Nov. 19, 2019.', '', 'Michael Conroy, AP', '', more, '']);
    assert.ok(kinds(text).includes('image-credit:Michael Conroy, AP'), kinds(text).join('\n'));
  });
});

describe('stories: a list of other stories’ headlines between paragraphs is link furniture', () => {
  const p1 = 'The council voted on Tuesday to expand the program, a decision that followed months of debate among members and residents who had packed the hall for every meeting.';
  const p2 = 'Officials said the first changes would take effect next spring, and that the cost would be covered by the state for at least the first two years of the plan.';
  const p3 = 'Residents who spoke at the meeting were divided, with some praising the plan and others warning that it would raise their taxes within a few years.';
  const flagged = (list: string[], intro = p2) => {
    const text = joinLines(['City expands program after long debate', '', 'By Jane Roe', '', p1, '', intro, '', ...list.map((l) => `  • ${l}`), '', p3, '']);
    const m = analyzeArticle(text);
    return m.findings.filter((f) => f.kind === 'navigation').map((f) => text.slice(f.span.start, f.span.end));
  };
  const sure = (list: string[]) => {
    const text = joinLines(['City expands program after long debate', '', 'By Jane Roe', '', p1, '', p2, '', ...list.map((l) => `  • ${l}`), '', p3, '']);
    return analyzeArticle(text).findings.find((f) => f.kind === 'navigation')?.sure;
  };

  it('three Title Case headlines in a row are one navigation finding', () => {
    const list = ['15 Amazing Images of Distant Stars', 'Photos: Europa, Mysterious Icy Moon of Jupiter', 'The 11 Biggest Unanswered Questions About Dark Matter'];
    assert.strictEqual(flagged(list).length, 1);
    assert.strictEqual(sure(list), false, 'a list of titles of the article’s own has the same shape: not removed on save');
    assert.ok(flagged(list)[0].includes('Dark Matter') && flagged(list)[0].includes('15 Amazing'));
  });

  it('a numbered list under a "Related" label is its list, however long its items; numbered steps of the text are kept', () => {
    const items = ['1. A worker assembles an engine at the plant in Michigan.Here is where two traders say to invest as the market rallies', '2. A cosmetics display in a store in New York.One of the top performing beauty stocks could be set for a rebound, analysts say', '3. People walk past the flagship store in Manhattan.Two retailers are tanking, and four investors weigh in on the wreck'];
    const text = joinLines(['City expands program after long debate', '', 'By Jane Roe', '', p1, '', p2, '', p3, '', 'Related', '', ...items.flatMap((l) => [l, '']), p1.replace('Tuesday', 'Monday'), '']);
    const nav = analyzeArticle(text).findings.filter((f) => f.kind === 'navigation').map((f) => text.slice(f.span.start, f.span.end));
    assert.ok(nav.some((t) => t.startsWith('Related') && t.includes('3. People walk')), nav.join('\n'));
    const steps = ['1. Fill the canner with water and set it to simmer, then add the empty jars to warm them.', '2. Core, peel and cube the pears and put them in a pot with the juice of one lemon.', '3. Boil while stirring for about a minute, then add the honey and boil until thick.'];
    const recipe = joinLines(['Spiced pear jam for the holidays', '', 'By Jane Roe', '', p1, '', p2, '', ...steps.flatMap((l) => [l, '']), p3, '']);
    assert.deepStrictEqual(analyzeArticle(recipe).findings.filter((f) => f.kind !== 'spacing').map((f) => recipe.slice(f.span.start, f.span.end)), []);
  });

  it('the article’s own lists are kept: ingredients, points announced by a colon, places, two items', () => {
    assert.deepStrictEqual(flagged(['8-9 ripe pears, cored and peeled', '1 lemon, or about 1/4 cup lemon juice', '6 tbsp fruit pectin powder']), []);
    assert.deepStrictEqual(flagged(['Why Evidence Action Beta Is Promising Now', 'How We Choose The Programs We Test', 'What We Will Do With The Money We Raise'], 'The post will discuss the following:'), []);
    assert.deepStrictEqual(flagged(['Blue Origin, Kent, Washington', 'Ceres Robotics, Palo Alto, California', 'Sierra Nevada Corporation, Louisville, Colorado']), []);
    assert.deepStrictEqual(flagged(['15 Amazing Images of Distant Stars', 'The 11 Biggest Unanswered Questions About Dark Matter']), []);
  });
});

describe('stories: the site’s call to sign up, set between a story’s paragraphs, is promotion', () => {
  const p1 = 'The council voted on Tuesday to expand the program, a decision that followed months of debate among members and residents who had packed the hall for every meeting.';
  const p2 = 'Officials said the first changes would take effect next spring, and that the cost would be covered by the state for at least the first two years of the plan.';
  const p3 = 'Residents who spoke at the meeting were divided, with some praising the plan and others warning that it would raise their taxes within a few years.';
  const promo = (line: string) => {
    const text = joinLines(['City expands program after long debate', '', 'By Jane Roe', '', p1, '', line, '', p2, '', p3, '']);
    return analyzeArticle(text).findings.filter((f) => f.kind === 'sponsored').map((f) => text.slice(f.span.start, f.span.end));
  };

  it('a paragraph opening with the call is flagged; one reporting a call is not', () => {
    assert.deepStrictEqual(promo('Sign up to get the best stories of the week, as picked by the editors.'), ['Sign up to get the best stories of the week, as picked by the editors.']);
    assert.deepStrictEqual(promo('Subscribe to our newsletter for the latest news from City Hall.'), ['Subscribe to our newsletter for the latest news from City Hall.']);
    assert.deepStrictEqual(promo('The city urged residents to sign up for the alerts on its website before the first storm of the season arrives next week.'), []);
    assert.deepStrictEqual(promo('Sign up for the program opened on Monday, and more than 4,000 families had registered by the end of the week, the city said.'), []);
  });
});

describe('stories: a line between paragraphs that is a link or a call, not a crosshead', () => {
  const p1 = 'The council voted on Tuesday to expand the program, a decision that followed months of debate among members and residents who had packed the hall for every meeting.';
  const p2 = 'Officials said the first changes would take effect next spring, and that the cost would be covered by the state for at least the first two years of the plan.';
  const p3 = 'Residents who spoke at the meeting were divided, with some praising the plan and others warning that it would raise their taxes within a few years.';
  const read = (line: string) => {
    const text = joinLines(['City expands program after long debate', '', 'By Jane Roe', '', p1, '', p2, '', line, '', p3, '', p1.replace('Tuesday', 'Monday'), '']);
    const m = analyzeArticle(text);
    const f = m.findings.find((x) => text.slice(x.span.start, x.span.end) === line);
    return { kind: f?.kind, sure: f?.sure, crossheads: m.stories[0].crossheads.map((c) => c.text) };
  };

  it('a whole headline in capitals is a link to another story; a short one in capitals is a crosshead', () => {
    assert.deepStrictEqual(read('MAYOR SAYS THE NEW BUDGET WILL RAISE TAXES FOR MOST FAMILIES'), { kind: 'ui-label', sure: true, crossheads: [] });
    assert.deepStrictEqual(read('WHAT HAPPENS NEXT'), { kind: undefined, sure: undefined, crossheads: ['WHAT HAPPENS NEXT'] });
  });

  it('a call to click or to get the app is promotion; "Learn more at <source>" only softly', () => {
    assert.deepStrictEqual(read('CLICK HERE TO GET THE CITY NEWS APP'), { kind: 'sponsored', sure: true, crossheads: [] });
    assert.deepStrictEqual(read('Learn more at City News'), { kind: 'sponsored', sure: false, crossheads: [] });
  });
});

