// What is under the cursor, for the people features (hover, definition, references,
// highlights): a mention of a person, or a use or the spelling-out of a short form.

import { Acronym, ArticleModel, Mention, Person } from './article';

export type Target = { kind: 'person'; person: Person; mention: Mention } | { kind: 'acronym'; acronym: Acronym; at: { start: number; end: number } };

export function targetAt(model: ArticleModel, offset: number): Target | undefined {
  for (const p of model.people) {
    for (const m of p.mentions) if (m.span.start <= offset && offset < m.span.end) return { kind: 'person', person: p, mention: m };
  }
  for (const a of model.acronyms) {
    for (const m of a.mentions) if (m.span.start <= offset && offset < m.span.end) return { kind: 'acronym', acronym: a, at: m.span };
    const d = a.definition.span;
    if (d.start <= offset && offset < d.end) return { kind: 'acronym', acronym: a, at: d };
  }
  return undefined;
}
