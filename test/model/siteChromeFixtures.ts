// Small scrapes of one imaginary site for the site-chrome tests: every page has the
// site's menu, a newsletter box inside the story and the site's footer; each page's
// headline and paragraphs are its own.

export const MENU = 'Home | World | Politics | Business | Technology | Sports';
// (a pitch that does not open with its call: the model alone keeps it, only the folder
// shows it is the site's)
export const NEWSLETTER = 'Get the Example News morning briefing';
export const FOOTER = 'Copyright © 2024 Example News. All rights reserved.';

const TOWNS = ['Millbrook', 'Harrow Bay', 'Eastfield', 'Caldwell', 'Norrington', 'Pine Hollow', 'Westmere', 'Ashford Vale', 'Redcliff', 'Lowmoor'];
const TOPICS = [
  ['library', 'the new public library', 'the reading rooms'],
  ['bridge', 'the old river bridge', 'the repair work'],
  ['school', 'the primary school extension', 'the new classrooms'],
  ['market', 'the weekly farmers market', 'the stall fees'],
  ['park', 'the harbour park', 'the playground'],
  ['bus', 'the night bus service', 'the timetable'],
  ['clinic', 'the walk-in clinic', 'the opening hours'],
  ['pool', 'the municipal swimming pool', 'the heating system'],
  ['museum', 'the railway museum', 'the restoration'],
  ['trail', 'the coastal walking trail', 'the signposts'],
];
const NAMES = ['Maria Alvarez', 'Tom Becker', 'Priya Nair', 'Jonas Lind', 'Aisha Bello', 'Kenji Mori', 'Lena Fischer', 'Omar Haddad', 'Sofia Rossi', 'Daniel Okafor'];

/** The paragraphs of page `i`: ordinary news prose, different on every page. */
export function paragraphs(i: number): string[] {
  const town = TOWNS[i % TOWNS.length];
  const [, topic, part] = TOPICS[i % TOPICS.length];
  const name = NAMES[i % NAMES.length];
  return [
    `The council of ${town} voted on Tuesday evening to spend an extra two million on ${topic}, after a debate that ran for more than four hours and drew a large crowd of residents.`,
    `${name}, who chairs the committee responsible for ${part}, said the decision had been delayed for too long and that the people of ${town} deserved better than the plans they had been shown last year.`,
    `Opponents of the plan argued that the money should go to roads and housing instead, and several of them said they would ask for the vote on ${topic} to be reviewed at the next meeting.`,
    `Work on ${part} is expected to begin in the spring, and the council said it would publish a detailed schedule for ${town} once the contracts had been signed with the builders.`,
  ];
}

export interface PageOptions {
  menu?: boolean;
  newsletter?: boolean;
  footer?: boolean;
  /** A paragraph to put after the second one (text shared between pages). */
  shared?: string;
}

/** Page `i` of the site. */
export function page(i: number, o: PageOptions = {}): string {
  const { menu = true, newsletter = true, footer = true } = o;
  const town = TOWNS[i % TOWNS.length];
  const [word] = TOPICS[i % TOPICS.length];
  const p = paragraphs(i);
  const lines: string[] = [];
  if (menu) lines.push(MENU, '');
  lines.push(`${town} council approves new money for the ${word}`, '', `By ${NAMES[(i + 3) % NAMES.length]}`, '', p[0], '', p[1], '');
  if (o.shared) lines.push(o.shared, '');
  if (newsletter) lines.push(NEWSLETTER, '');
  lines.push(p[2], '', p[3], '');
  if (footer) lines.push(FOOTER, '');
  return lines.join('\n');
}
