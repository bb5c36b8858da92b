// A floor under the people figures (`npm run eval:people` prints them): precision and
// recall per distinct person per page, on the seed and on the labelled sample. Raise the
// floor when the figures rise; a change that lowers them fails here.
import * as assert from 'node:assert';
import { repoRoot } from '../model/helpers';
import { scoreSample, scoreSeed } from './peopleEval';

const FLOOR = {
  seed: { precision: 1.0, recall: 1.0 },
  sample: { precision: 0.95, recall: 0.855 },
};

describe('eval: people (precision and recall per person per page)', () => {
  it(`seed: precision ≥ ${FLOOR.seed.precision}, recall ≥ ${FLOOR.seed.recall}`, () => {
    const s = scoreSeed(repoRoot);
    assert.ok(s.precision >= FLOOR.seed.precision && s.recall >= FLOOR.seed.recall, JSON.stringify(s.pages.map((p) => ({ wrong: p.wrong, missed: p.missed }))));
  });
  it(`sample: precision ≥ ${FLOOR.sample.precision}, recall ≥ ${FLOOR.sample.recall}`, () => {
    const s = scoreSample(repoRoot);
    assert.ok(s.precision >= FLOOR.sample.precision, `precision ${s.precision}`);
    assert.ok(s.recall >= FLOOR.sample.recall, `recall ${s.recall}`);
  });
  it('scores by the README rules: exact, first and last word, surname; one report per label', async () => {
    const { scorePage } = await import('./peopleEval');
    const p = scorePage('x', ['Donald J. Trump', 'Trump', 'Biden', 'Big Lebowski'], [{ name: 'Donald Trump' }, { name: 'Joe Biden' }]);
    assert.deepStrictEqual({ matched: p.matched, wrong: p.wrong }, { matched: 2, wrong: ['Big Lebowski', 'Trump'] });
  });
});
