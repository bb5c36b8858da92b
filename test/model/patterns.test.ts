// The line recognisers of patterns.ts on the shapes they exist for, and on the near
// misses that once fooled them (each near miss came from a real page of the corpus).
import * as assert from 'node:assert';
import { isByline, isCopyright, isDateline, isHashtagRun, isSelfGlued } from '../../server/src/article/patterns';

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
});
