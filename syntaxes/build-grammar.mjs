// Generates syntaxes/article.tmLanguage.json from the readable regex pieces below.
// Usage: node syntaxes/build-grammar.mjs          (writes the JSON)
//        node syntaxes/build-grammar.mjs --check  (exits 1 if the JSON is stale)
//
// Rules of the game (see syntaxes/README.md):
//  * every rule is a single-line `match` — no begin/end, so nothing can leak past the end of a line;
//  * no nested quantifiers over overlapping classes; long runs use possessive quantifiers (`*+`, `++`)
//    or atomic groups; anything that must scan "the rest of the line" is length-bounded;
//  * NB: in Oniguruma's Ruby syntax `{n,m}+` is NOT possessive (it means "repeat {n,m} one or more
//    times") — never write it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const R = String.raw;
const alt = (...xs) => `(?:${xs.join('|')})`;
// Whole-phrase alternation, longest first so that "Sign In" is tried before "Sign".
const escape = (p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, R`[ \t]+`);
const phrases = (list) => alt(...[...list].sort((a, b) => b.length - a.length).map(escape));

// ---------------------------------------------------------------- shared pieces
const SP = R`[ \t]`;
const NOT_WORD_BEFORE = R`(?<![\p{L}\p{N}_])`;
const NOT_WORD_AFTER = R`(?![\p{L}\p{N}_])`;

const MONTH = alt(
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  R`Jan\.?`, R`Feb\.?`, R`Mar\.?`, R`Apr\.?`, R`Jun\.?`, R`Jul\.?`, R`Aug\.?`, R`Sept\.?`, R`Sep\.?`, R`Oct\.?`, R`Nov\.?`, R`Dec\.?`,
);
const WEEKDAY = alt(
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  R`Mon\.?`, R`Tues?\.?`, R`Wed\.?`, R`Thu(?:rs?)?\.?`, R`Fri\.?`, R`Sat\.?`, R`Sun\.?`,
);
const TZ = R`(?:[ECMP][SD]T|ET|PT|CT|MT|GMT|UTC|BST|CES?T|EES?T|IST|HKT|SGT|JST|KST|AES?T|AEDT|WIB|MSK)(?:[+-]\d{1,2}(?::?\d{2})?)?`;
const AMPM = R`(?:[AaPp]\.?[Mm]\.?)`;

// One token of a date/time line. Each alternative is followed by "not a letter" so that e.g. "May"
// never eats the start of "Mayor".
const DATE_TOKEN = alt(
  R`\d++(?:[:/.\-]\d++)*+(?:T\d++(?::\d++)*+(?:\.\d++)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:st|nd|rd|th|[HhMmDdWwYy])?`,
  MONTH, WEEKDAY, AMPM, TZ,
  '(?i:ago|an?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|on|at|of|the|just|now|today|yesterday)',
) + R`(?![\p{L}\p{N}])`;
const DATE_SEP = R`[ \t,|/·•–—\-]`;
// Something that makes a line a date rather than, say, a lone page number.
const DATE_EVIDENCE = alt(
  `${MONTH}(?![\\p{L}])`,
  R`\d:\d\d`,
  R`\d[/.\-]\d{1,2}[/.\-]\d`,
  R`(?<!\d)(?:19|20)\d\d(?!\d)`,
  R`(?<![\p{L}])ago(?![\p{L}])`,
);
// A date inside a longer line (a byline's tail).
const INLINE_DATE = alt(
  R`\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?`,
  R`\d{1,2}/\d{1,2}/\d{2,4}(?:${SP}++\d{1,2}:\d{2}(?:${SP}?${AMPM})?(?:${SP}${TZ})?)?`,
  R`\d{1,2}:\d{2}(?:${SP}?${AMPM})?(?:${SP}${TZ})?`,
  `${MONTH}${SP}\\d{1,2}(?:st|nd|rd|th)?(?:,?${SP}\\d{4})?`,
  `\\d{1,2}${SP}${MONTH}(?:,?${SP}\\d{4})?`,
) + R`(?![\p{L}\p{N}])`;

// ---------------------------------------------------------------- UI leftovers (whole line only)
const UI_PHRASES = [
  'Advertisement', 'Advertisements', 'Advertising', 'Ad', 'Ads', 'AdChoices', 'Sponsored', 'Sponsored Content', 'Promoted',
  'Paid Content', 'Partner Content',
  'Skip to content', 'Skip to main content', 'Skip to navigation', 'Skip to footer', 'Skip navigation', 'Jump to navigation',
  'Skip', 'Toggle navigation', 'Open menu', 'Close menu', 'Menu', 'Main menu', 'Navigation', 'Search', 'Close', 'Back',
  'Read more', 'Read More »', 'Read next', 'Read the rest', 'Read full story', 'Read full article', 'Continue reading',
  'Keep reading', 'Keep Reading', 'Show less', 'Show more', 'Load more', 'See more', 'View more', 'View all', 'See all',
  'More', 'Less', 'Expand', 'Collapse', 'Continue this thread',
  'Latest', 'Latest Stories', 'Latest News', 'Latest Articles', 'Related', 'Related Stories', 'Related Articles',
  'Related Content', 'Related Coverage', 'More Stories', 'More News', 'Top Stories', 'Most Popular', 'Most Read',
  'Most Viewed', 'Popular', 'Trending', 'Trending Now', 'Recommended', 'Recommended for you', "Editor's Picks",
  'Share', 'Shares', 'Sharing is caring!', 'Share this', 'Share this article', 'Share this story', 'Share on Facebook',
  'Share on Twitter', 'Share via Email', 'Tweet', 'Email', 'E-mail', 'Print', 'Copy link', 'Copy Link', 'Get short URL',
  'Comments', 'Comment', 'Reply', 'Cancel reply', 'Leave a Reply', 'Leave a comment', 'Post comment', 'Post Comment',
  'Subscribe', 'Subscribe now', 'Subscribe Now', 'Unsubscribe', 'Sign In', 'Sign in', 'Sign Up', 'Sign up', 'Sign out',
  'Log in', 'Log In', 'Login', 'Log out', 'Logout', 'Register', 'My Account', 'Account', 'Profile',
  'Newsletter', 'Newsletters', 'Donate', 'Donate Now', 'Follow', 'Follow us', 'Follow Us', 'Follow on Twitter',
  'Facebook', 'Twitter', 'Instagram', 'LinkedIn', 'Pinterest', 'WhatsApp', 'Reddit', 'YouTube', 'Flipboard', 'RSS',
  'Back to top', 'Back to Top', 'Next', 'Previous', 'Prev', 'Next article', 'Previous article', 'Next story',
  'Loading', 'Loading…', 'Loading...', 'Watch', 'Listen', 'Play', 'Pause', 'Play Video', 'Watch Video',
  'Accept', 'Accept cookies', 'Accept all', 'Accept & Close', 'Email This', 'BlogThis!', 'OK', 'Ok', 'Cancel', 'Submit', 'Go', 'Send', 'Home',
  '✕', '×', '✖',
];
const UI_PATTERNS = [
  R`Share${SP}++(?:on|to|via|with)${SP}++(?:Facebook|Twitter|X|Pinterest|LinkedIn|WhatsApp|Reddit|Flipboard|Tumblr|Email|E-mail)`,
  R`(?:Image|Photo|Picture|Slide)${SP}++\d++${SP}++of${SP}++\d++`, // gallery counter "Image 2 of 5"
  R`\[[ \t_*]*+\]|\((?:\*| )\)`, // radio buttons and check boxes glued to a label: "Skip to main content (*) ( )"
];
// Glued buttons ("SubscribeSign In", "Keep ReadingShow less") and separators ("Log In | Register").
const UI_LINE = R`^${SP}*+(?:(?i:${phrases(UI_PHRASES)}|${UI_PATTERNS.join('|')})${SP}*+(?:[|/·•:>›»→<‹«←…]++${SP}*+)?)++$`;

// "Sign up for our newsletter", "Subscribe to RT newsletter…", "Follow us on Twitter" — calls to action, short lines.
const UI_CALL_LINE = R`^${SP}*+(?i:sign${SP}++up${SP}++(?:for|to|now)|subscribe${SP}++(?:to|now|today)|follow${SP}++us|follow${SP}[^\n]{1,30}?${SP}on${SP}++(?:twitter|facebook|instagram|x)|like${SP}++us${SP}++on|get${SP}++(?:the|our)${SP}++app|download${SP}++(?:the|our)${SP}++app)(?![\p{L}])(?=[^\n]{0,100}$)[^\n]*+`;

// "Related: …", "READ MORE: …" — a cross-link to another story, bounded length.
const UI_PREFIX_LINE = R`^${SP}*+(?i:related(?:${SP}++(?:stories|articles|content|coverage|reading))?|read${SP}++(?:more|next|also)|see${SP}++also|also${SP}++read|more${SP}++from${SP}[^:\n]{1,40}|recommended(?:${SP}++for${SP}++you)?|sponsored|advertisement|promoted)${SP}*+:(?=[^\n]{0,200}$)[^\n]*+`;

// ---------------------------------------------------------------- credits
const CREDIT_LABEL = R`(?i:(?:(?:main|top|header|lead|featured|cover|hero)${SP}++)?(?:photo(?:graph)?s?|images?|pictures?|pics?|illustrations?|graphics?|artwork|photo${SP}++illustration)(?:${SP}++(?:credits?|by|courtesy(?:${SP}++of)?))?|(?:photo|image|picture)?${SP}*+credits?|courtesy(?:${SP}++of)?)`;
const AGENCY = R`(?:REUTERS|Reuters|AP${SP}Photo|AP|AFP(?:${SP}via${SP}Getty${SP}Images)?|EPA(?:-EFE)?|Getty${SP}Images|Xinhua|Bloomberg|PA${SP}Images|PA${SP}Wire|Shutterstock|iStock(?:photo)?|Alamy)`;
const AGENCY_TRAIL = R`(?:REUTERS|AP${SP}Photo|AFP|EPA(?:-EFE)?|Getty${SP}Images|XINHUA|Xinhua|ANADOLU|SPUTNIK)`;
const STOCK = R`(?:Getty${SP}Images|Shutterstock|iStock(?:photo)?|Alamy|Unsplash|Pexels|Pixabay|Flickr)`;
const CREDIT_LINES = [
  // "Photo: Yan Cong/Bloomberg via Getty Images", "Image: Protocol", "photo: iStock", "Photo by Jane Doe"
  R`^${SP}*+${CREDIT_LABEL}${SP}*+:${SP}*+(?=\S)(?=[^\n]{1,200}$)[^\n]*+`,
  R`^${SP}*+(?i:photo(?:graph)?|image|picture|illustration)${SP}++by${SP}++(?=\p{Lu})(?=[^\n]{1,120}$)[^\n]*+`,
  // "© 2019 Reuters. All Rights Reserved.", "Copyright © 2019 …", "(c) 2019 …"
  R`^${SP}*+(?:©|\([cC]\)${SP}|(?i:copyright)(?![\p{L}]))(?=[^\n]{0,300}$)[^\n]*+`,
  // "Natalie Naccache | Bloomberg | Getty Images", "Jane Doe/Getty Images for Amazon"
  R`^${SP}*+(?=[^\n]{1,160}$)(?=[^\n]{0,100}${STOCK}(?:${SP}++(?:for|via)${SP}[^\n]{1,60})?${SP}*+$)[^\n]*+`,
];
const CREDIT_INLINE = [
  // "(Photo Credit : PTI File Photo )", "(Image credit: TNG Collaboration)", "(AP Photo/Alan Diaz, File)", "(smolaw11/iStock)"
  R`\((?=[^()\n]{1,150}\))(?:${SP}*+${CREDIT_LABEL}${SP}*+:|${SP}*+AP${SP}Photo(?![\p{L}])|[^()\n/]{1,60}/${SP}?${AGENCY}(?![\p{L}]))[^()\n]*+\)`,
  // "… November 18, 2019. REUTERS/Brendan McDermid" — an agency credit closing the line
  R`(?:\G|(?<=[\s.]))${AGENCY_TRAIL}${SP}?/${SP}?(?=[^\n]{1,80}$)[^\n]*+`,
  // "… La Paz, Bolivia. ©  Reuters / David Mercado"
  R`©(?=[^\n©]{1,120}$)[^\n]*+`,
];

// ---------------------------------------------------------------- bylines and datelines
const BY = R`(?:(?i:written|posted|reported|story|words|text|compiled|edited|photos?)${SP}++)?(?i:by)`;
const NOT_NAME = R`(?!(?:${MONTH}|${WEEKDAY}|The${SP}end|Then|Now|Contrast|Comparison|Far|Law|Design|Default|Definition|Nature|Noon|Midnight|Tonight|Tomorrow|Today|Yesterday|Morning|Evening)(?![\p{L}]))`;
const NAME_WORD = R`\p{Lu}[\p{L}\p{M}'’.\-]*+`;
const PARTICLE = R`(?:de|van|von|der|den|da|di|del|della|la|le|bin|al|dos|du|ter|ten)(?=${SP}++\p{Lu})`;
const NAME = R`${NAME_WORD}(?:${SP}++(?:${NAME_WORD}|${PARTICLE}))*+`;
const NAMES = R`${NAME}(?:(?:,${SP}*+|${SP}++(?:and|&)${SP}++)(?=\p{Lu})${NAME})*+`;
const BYLINE = R`^(${SP}*+)(${BY})${SP}++${NOT_NAME}(?=\p{Lu})(?=[^\n]{1,140}$)(${NAMES})([^\n]*+)`;

const DATE_LABEL = R`(?i:(?:(?:first|last|originally)${SP}++)?(?:published|updated|posted|modified|created|dated|edited)(?:${SP}++(?:on|at|date))?|air${SP}++date|date|last${SP}++modified|published${SP}++date|as${SP}++of)`;
const DATELINE = R`^(${SP}*+)(?:(${DATE_LABEL})${SP}*+:?${SP}*+)?(?=[^\n]{1,100}$)(?=[^\n]*?${DATE_EVIDENCE})((?>${DATE_TOKEN}${DATE_SEP}*+)++)$`;

// ---------------------------------------------------------------- lists (menus)
const BULLET = R`(?:[•□☆★○◦▪▫■‣⁃●·◆◇▸▹►]|[*\-–—](?=${SP}))`;
// A menu item: at most 6 words, ≤ 60 characters, not ending like a sentence.
const MENU_ITEM = R`(?=[^\n,]{1,60}$)(?>\S++)(?>${SP}++(?>\S++)){0,5}(?<![.!?;:,])${SP}*+$`;
const LIST_LINE = (glyph) => R`^(${SP}*+)(${glyph})(?:(${SP}++)(?:(${MENU_ITEM})|([^\n]*+)))?${SP}*+$`;

// ---------------------------------------------------------------- placeholders left by the scraper
const FORM_FIELD = R`\[[ \t_*]*+\]|\((?:\*| )\)`;
const IMAGE_STUB = R`\[(?=[^\[\]\s]{1,60}\])(?!sic\]|\d{1,2}\])(?=[^\]]*?[\d_:\-])[^\]]++\]`;
const PLACEHOLDER_LINE = R`^${SP}*+(?:(?:\[[^\[\]\n]{0,60}\]|\((?:\*| )\))${SP}*+)++$`;

// ---------------------------------------------------------------- headline (one line, by itself)
// 3–15 words, ≤ 150 characters, starts like a title, does not end like a sentence (. , ; : | …)
// — "?" and "!" are allowed. TextMate cannot see the blank lines around it; see README.
const HEADLINE = R`^(${SP}*+)(?=[\p{Lu}\p{N}“"‘'¿¡])(?=[^\n\[]{1,150}$)((?>\S++)(?>${SP}++(?>\S++)){2,14})(?<![.,;:|…]|[.,;:][”"’')])${SP}*+$`;

// ---------------------------------------------------------------- inline
const URL = R`(?<![\w@/.])(?:https?://|www\.)(?:[^\s<>"“”‘’()\[\]{}.,;:!?']++|[.,;:!?']++(?=[^\s<>"“”‘’()\[\]{}.,;:!?']))*+`;
const EMAIL = R`(?<![\w.+\-@])[\w+\-]++(?:\.[\w+\-]++)*+@[\w\-]++(?:\.[\w\-]++)++`;
const HANDLE = R`(?<![\w@.+\-/])@(?=\d*+[A-Za-z_])[A-Za-z0-9_]++(?!@|\.[A-Za-z0-9])`;
const HASHTAG = R`(?<![\w&#/])#(?=[\p{L}_])[\p{L}\p{N}_]++`;
const MOJIBAKE = R`\x{FFFD}|â€[™œšž“”˜¦¢\x{009D}]|[ÃÂ][\x{0080}-\x{00BF}]`;

const scopes = {
  heading: 'markup.heading.article',
  section: 'entity.name.section.article',
  ui: 'comment.line.ui.article',
  credit: 'comment.line.credit.article',
  menu: 'comment.line.menu.article',
  listU: 'markup.list.unnumbered.article',
  listN: 'markup.list.numbered.article',
  bullet: 'punctuation.definition.list.begin.article',
  form: 'comment.block.placeholder.form.article',
  image: 'comment.block.placeholder.image.article',
  byline: 'meta.byline.article',
  by: 'keyword.other.byline.article',
  author: 'entity.name.function.author.article',
  dateline: 'meta.dateline.article',
  dateLabel: 'keyword.other.dateline.article',
  date: 'constant.numeric.date.article',
  dq: 'string.quoted.double.article',
  sq: 'string.quoted.single.article',
  qBegin: 'punctuation.definition.string.begin.article',
  qEnd: 'punctuation.definition.string.end.article',
  handle: 'entity.name.tag.handle.article',
  hashtag: 'entity.name.tag.hashtag.article',
  url: 'markup.underline.link.article',
  email: 'markup.underline.link.email.article',
  mojibake: 'invalid.illegal.mojibake.article',
  // CriticMarkup annotations: the standard scopes every theme colours (markup.inserted and
  // markup.deleted are the diff colours; markup.highlight is not styled by every theme,
  // so it falls back to nothing worse than plain text)
  highlight: 'markup.highlight.critic.article',
  note: 'comment.block.critic.article',
  inserted: 'markup.inserted.critic.article',
  deleted: 'markup.deleted.critic.article',
  changed: 'markup.changed.critic.article',
  criticPunct: 'punctuation.definition.critic.article',
  criticSep: 'punctuation.separator.critic.article',
  tag: 'entity.name.tag.critic.article',
};

// Quotations are begin/end rules (so that a line with thousands of quotes costs no more than one
// with none — `captures` with `patterns` would re-scan the line prefix per quote), but every end
// also matches at the end of the line: an unclosed quote colours at most the rest of its line.
// Whole-line rules are written with ^ for readability and emitted with \G (see repository.line).
const G = (re) => {
  if (!re.startsWith('^')) throw new Error(`not a whole-line rule: ${re.slice(0, 40)}`);
  return R`\G` + re.slice(1);
};

const quote = (name, begin, end, inner) => ({
  name,
  begin,
  end: `${end}|$`,
  beginCaptures: { 1: { name: scopes.qBegin } },
  endCaptures: { 1: { name: scopes.qEnd } },
  patterns: [{ include: inner }],
});

// One CriticMarkup span: begin/end on its line (an unclosed opener colours the rest of its
// line, as a quote does; the server reports it).
const critic = (name, open, close, patterns = []) => ({
  name,
  begin: `(${open})`,
  end: `(${close})|$`,
  beginCaptures: { 1: { name: scopes.criticPunct } },
  endCaptures: { 1: { name: scopes.criticPunct } },
  patterns,
});
const TAG = R`(?<![^\s(>])#[\p{L}\p{N}](?:[\p{L}\p{N}_\-]*[\p{L}\p{N}])?`;

const grammar = {
  name: 'Article',
  scopeName: 'text.article',
  fileTypes: ['article'],
  comment: 'GENERATED by syntaxes/build-grammar.mjs — edit that file, then run `node syntaxes/build-grammar.mjs`.',
  patterns: [{ include: '#line' }],
  repository: {
    line: {
      comment: 'Each non-empty line is one zero-width begin … $ rule, so that whole-line rules can be anchored with \\G: at any later position vscode-textmate turns \\G into a character that never occurs and the regex fails at once, where ^ would make Oniguruma walk the whole (possibly 100 KB) line for every whole-line rule.',
      begin: '^(?=.)',
      end: '$',
      patterns: [
        { include: '#ui-line' },
        { include: '#credit-line' },
        { include: '#dateline' },
        { include: '#byline' },
        { include: '#list-item' },
        { include: '#placeholder-line' },
        { include: '#headline' },
        { include: '#inline' },
      ],
    },
    'ui-line': {
      comment: 'Whole-line leftovers of buttons and labels: "Keep ReadingShow less", "Share", "Skip to content", "Related: …".',
      patterns: [
        { name: scopes.ui, match: G(UI_LINE) },
        { name: scopes.ui, match: G(UI_PREFIX_LINE) },
        { name: scopes.ui, match: G(UI_CALL_LINE) },
      ],
    },
    'credit-line': {
      comment: 'Photo credits and copyright notices on a line of their own.',
      patterns: CREDIT_LINES.map((match) => ({ name: scopes.credit, match: G(match) })),
    },
    dateline: {
      comment: 'A line that is only a date/time, optionally labelled: "Updated 19 November 2019, 09:01 AM".',
      name: scopes.dateline,
      match: G(DATELINE),
      captures: { 2: { name: scopes.dateLabel }, 3: { name: scopes.date } },
    },
    byline: {
      comment: 'A short line "By Jane Doe", "By LISA MASCARO and ERIC TUCKER", "By Tess Bonn - 11/19/19 06:56 AM EST".',
      name: scopes.byline,
      match: G(BYLINE),
      captures: {
        2: { name: scopes.by },
        3: { patterns: [{ name: scopes.author, match: NAME }] },
        4: { patterns: [{ include: '#inline-date' }, { include: '#handle' }, { include: '#url' }] },
      },
    },
    'inline-date': { name: scopes.date, match: INLINE_DATE },
    'list-item': {
      comment: 'Bullet and numbered lines. Short items (≤ 6 words, no sentence end) are menu entries and look like comments.',
      patterns: [
        {
          name: scopes.listU,
          match: G(LIST_LINE(BULLET)),
          captures: { 2: { name: scopes.bullet }, 4: { name: scopes.menu }, 5: { patterns: [{ include: '#inline' }] } },
        },
        {
          name: scopes.listN,
          match: G(LIST_LINE(R`\d{1,3}[.)]`)),
          captures: { 2: { name: scopes.bullet }, 4: { name: scopes.menu }, 5: { patterns: [{ include: '#inline' }] } },
        },
      ],
    },
    'placeholder-line': {
      comment: 'A line made only of form fields and buttons: "[                    ] [Search]".',
      name: scopes.form,
      match: G(PLACEHOLDER_LINE),
    },
    headline: {
      comment: 'A short stand-alone line that does not end like a sentence. Single-line guess: the blank lines around it are invisible here.',
      name: scopes.heading,
      match: G(HEADLINE),
      captures: { 2: { name: scopes.section, patterns: [{ include: '#inline' }] } },
    },
    critic: {
      comment: 'CriticMarkup annotations: {==highlight==}, {>>note<<} (with #tags), {++insertion++}, {--deletion--}, {~~old~>new~~}.',
      patterns: [
        critic(scopes.highlight, R`\{==`, R`==\}`),
        critic(scopes.note, R`\{>>`, R`<<\}`, [{ name: scopes.tag, match: TAG }]),
        critic(scopes.inserted, R`\{\+\+`, R`\+\+\}`),
        critic(scopes.deleted, R`\{--`, R`--\}`),
        critic(scopes.changed, R`\{~~`, R`~~\}`, [{ name: scopes.criticSep, match: '~>' }]),
      ],
    },
    inline: {
      patterns: [
        { include: '#critic' },
        { include: '#placeholder' },
        { include: '#credit-inline' },
        { include: '#url' },
        { include: '#email' },
        { include: '#handle' },
        { include: '#hashtag' },
        { include: '#quote' },
        { include: '#mojibake' },
      ],
    },
    'quote-inner': {
      patterns: [
        { include: '#critic' },
        { include: '#placeholder' },
        { include: '#url' },
        { include: '#email' },
        { include: '#handle' },
        { include: '#hashtag' },
        { include: '#quote-single' },
        { include: '#mojibake' },
      ],
    },
    placeholder: {
      patterns: [
        { name: scopes.form, match: FORM_FIELD },
        { name: scopes.image, match: IMAGE_STUB },
      ],
    },
    'credit-inline': { patterns: CREDIT_INLINE.map((match) => ({ name: scopes.credit, match })) },
    url: { name: scopes.url, match: URL },
    email: { name: scopes.email, match: EMAIL },
    handle: { name: scopes.handle, match: HANDLE },
    hashtag: { name: scopes.hashtag, match: HASHTAG },
    mojibake: { name: scopes.mojibake, match: MOJIBAKE },
    quote: {
      comment: 'Quotations. “ opens to the next ” or, if there is none (a quote running on into the next paragraph), to the end of the line. A straight " opens only if a closing " follows on the line, or if it starts the line.',
      patterns: [
        quote(scopes.dq, '(“)', '(”)', '#quote-inner'),
        quote(scopes.dq, R`(?<![\p{L}\p{N}])(")(?=[^"\n]*+"(?![\p{L}\p{N}]))`, '(")', '#quote-inner'),
        // ^ rather than \G: this rule also runs inside a headline's capture, where \G never matches
        quote(scopes.dq, R`^${SP}*+(")(?=[^"\n]*+$)`, '(")', '#quote-inner'),
        { include: '#quote-single' },
      ],
    },
    'quote-single': {
      comment: 'Single quotes open only when their closing mark is on the line: ’ and \' are also apostrophes (It’s, Workers\', the \'90s).',
      patterns: [
        quote(
          scopes.sq,
          R`(?<![\p{L}\p{N}])(‘)(?=(?:[^‘’”"\n]|’(?=\p{L}))*+’(?![\p{L}\p{N}]))`,
          R`(’)(?![\p{L}\p{N}])`,
          '#quote-inner-single',
        ),
        quote(
          scopes.sq,
          R`(?<![\p{L}\p{N}'’])(')(?=[^\s'])(?=[^'"”\n]*+(?<!\s)'(?![\p{L}\p{N}]))`,
          R`(')(?![\p{L}\p{N}])`,
          '#quote-inner-single',
        ),
      ],
    },
    'quote-inner-single': {
      patterns: [
        { include: '#critic' },
        { include: '#placeholder' },
        { include: '#url' },
        { include: '#email' },
        { include: '#handle' },
        { include: '#hashtag' },
        { include: '#mojibake' },
      ],
    },
  },
};

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'article.tmLanguage.json');
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(out, 'utf8'); } catch { /* missing */ }
  if (current !== text) {
    console.error('syntaxes/article.tmLanguage.json is stale: run `node syntaxes/build-grammar.mjs`');
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
}
export { grammar, scopes };
