// Recognisers for single lines whose form alone says what they are: labels of
// buttons, photo credits, datelines, bylines. Each works on one trimmed line and is
// bounded in length, so no pattern can run away on a hostile 40 MB line.
//
// The vocabularies are generic web-page and newsroom vocabulary, not phrases taken
// from any one site; the model weighs them with the line's position and shape.

/** Split words that lost the space between them: "ReadingShow" -> "Reading Show". */
export function unglue(text: string): string {
  // most lines hold no such pair, and are given back without the pattern's pass
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) continue;
    const p = text.charCodeAt(i - 1);
    if ((p >= 97 && p <= 122) || (p >= 48 && p <= 57)) return text.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  }
  return text;
}

// Words that make up button and link labels of web pages.
const UI_WORDS = new Set(
  (
    'keep reading read more less show hide continue full story article articles share shares sharing this on via ' +
    'facebook twitter linkedin whatsapp email e-mail mail print pinterest reddit tumblr flipboard telegram messenger tweet pin copy link ' +
    'subscribe subscribed unsubscribe sign signup up in out log login logout register account my profile ' +
    'menu search close open skip to content main navigation nav home back top next previous prev page pages ' +
    'latest stories story news related trending popular most viewed recommended recommend for you comments comment reply replies ' +
    'view all load see click tap here follow us newsletter newsletters advertisement advertisements ad ads advert ' +
    'sponsored promoted loading watch video videos listen play save saved like likes download app apps get the our your now ' +
    'cancel submit ok accept cookies settings photos photo gallery expand collapse toggle report edit permalink posted leave a ' +
    'post join discussion conversation contact about help faq privacy terms policy of use conditions sitemap rss feed ' +
    'coverage also stay connected trending: tags tag topics topic categories category section sections and or min mins minute minutes ' +
    'listen audio transcript print-friendly version text size font options share: follow: more: sign-up ' +
    'entry entries explore further discover it with friends friend just watched must below above icon icons google plus instagram youtube tiktok snapchat telegram flipboard pocket rss whatsapp'
  ).split(' '),
);

// At least one of these must be present: they carry the action of a label.
const UI_HEADS = new Set(
  (
    'read reading more less show hide continue share sharing tweet pin print email subscribe unsubscribe sign signup login logout log register ' +
    'menu search close skip home back top next previous prev latest related trending popular recommended comments comment reply ' +
    'view load see click follow newsletter newsletters advertisement advertisements ad ads advert sponsored promoted loading watch listen play ' +
    'save download cancel submit accept cookies expand collapse toggle report permalink leave join contact sitemap rss coverage ' +
    'facebook twitter linkedin whatsapp pinterest reddit tags topics categories watched explore discover'
  ).split(' '),
);

// UI_WORDS by length × 128 + first letter, for uiWordAt
const UI_MAX = Math.max(...[...UI_WORDS].map((w) => w.length));
const UI_BY_HEAD: (string[] | undefined)[] = [];
for (const w of UI_WORDS) (UI_BY_HEAD[w.length * 128 + w.charCodeAt(0)] ??= []).push(w);

/** The label word text[start, end) is, lower-cased: `UI_WORDS.has(text.slice(start,
 * end).toLowerCase())` for a run of ASCII letters and hyphens, compared in place (most
 * lines are let go at their first word, and would cost two strings each). */
function uiWordAt(text: string, start: number, end: number): string | undefined {
  const n = end - start;
  if (n > UI_MAX) return undefined;
  const list = UI_BY_HEAD[n * 128 + (text.charCodeAt(start) | 32)];
  if (!list) return undefined;
  next: for (const w of list) {
    for (let k = 1; k < n; k++) {
      const c = text.charCodeAt(start + k);
      if ((c === 45 ? c : c | 32) !== w.charCodeAt(k)) continue next;
    }
    return w;
  }
  return undefined;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** The characters the literal reading of a label blanked out before splitting it into
 * words: | / • · » › > « ‹ < ( ) [ ] { } ! … _ + = # * ~ ^ " “ ” ' ‘ ’ */
const BLANKED = new Set([...'|/•·»›><«‹()[]{}!…_+=#*~^"“”\'‘’'].map((c) => c.charCodeAt(0)));

/** A line made only of button/link label words ("Keep ReadingShow less", "Share",
 * "Latest Stories", "SubscribeSign In").
 *
 * Read in one pass, in place, as the literal reading did it: unglue() the line, blank
 * out the BLANKED characters, take the words /[A-Za-z][A-Za-z-]*:?/ (a colon after a
 * word dropped), all of them label words (at most 12) and one of them a head; any
 * character left over but white space, colons and hyphens (a digit too) made it
 * something else. unglue() parts a lower-case letter from a capital that follows (a
 * digit from a capital too, but a digit rejects the line anyway). Most lines fail at
 * their first word. */
export function isUiLabel(text: string): boolean {
  const n = text.length;
  if (n > 80) return false;
  let words = 0;
  let head = false;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isAsciiLetter(c)) {
      if (c === 58 || c === 45 || isJsSpace(c) || BLANKED.has(c)) {
        i++;
        continue;
      }
      return false;
    }
    const start = i;
    for (i++; i < n; i++) {
      const d = text.charCodeAt(i);
      if (d === 45) continue;
      if (!isAsciiLetter(d)) break;
      const p = text.charCodeAt(i - 1);
      if (d <= 90 && p >= 97 && p <= 122) break;
    }
    if (++words > 12) return false;
    const w = uiWordAt(text, start, i);
    if (w === undefined) return false;
    if (UI_HEADS.has(w)) head = true;
  }
  return head;
}

/** "Keep Reading", "Continue reading", "Read more", "Read full story", with glued
 * companions such as "Show less". Marks where a teaser was cut off. */
export function isTruncationMarker(text: string): boolean {
  if (text.length > 60) return false;
  // the pattern starts with k, c, r, f or m, and unglue() never adds white space before
  // the first letter: a line that starts otherwise cannot match
  let i = 0;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  const first = i < text.length ? text.charCodeAt(i) | 32 : 0;
  if (first !== 107 /* k */ && first !== 99 /* c */ && first !== 114 /* r */ && first !== 102 /* f */ && first !== 109 /* m */) return false;
  return /^(keep reading|continue reading|read more|read the full (story|article)|read full (story|article)|full story|read on|more…?)\b/i.test(unglue(text).trim())
    && isUiLabel(text);
}

// Labels that introduce a list of links rather than text ("Related Coverage").
export function isListHeader(text: string): boolean {
  return isUiLabel(text) && namesAList(text);
}

/** Does a label (isUiLabel) name a list: isListHeader for a line known to be a label. */
export function namesAList(text: string): boolean {
  return /\b(related|trending|popular|recommended|latest|more|also|coverage|stories|topics|tags|read|explore|discover)\b/i.test(unglue(text));
}

// Function words that occur in a sentence but not in a list of names and agencies
// ("via", "for", "of", "the", "and", "by" do occur in credits).
const SENTENCE_WORDS = new Set('in is are was were to here this that these it its with on at from into about as be has have will can'.split(' '));
const CREDIT_LABEL =
  /^[([]?\s*(photo|photos|photograph|photography|image|images|picture|pictures|pic|illustration|illustrations|graphic|graphics|artwork|video|footage|credit|credits|photo credit|image credit|photo illustration|cover (photo|image)|top (photo|image)|lead (photo|image)|header (photo|image)|featured image|main image)\s*(by|credit|courtesy( of)?)?\s*[:：|]\s*\S/i;
const CREDIT_BY = /^[([]?\s*(photo|photos|photograph|image|picture|illustration|video)s?\s+(by|courtesy of|via)\s+\S/i;
const AGENCY =
  /\b(getty images|shutterstock|istock(photo)?|alamy|ap photo|associated press|afp|reuters|epa(-efe)?|bloomberg|xinhua|anadolu|pa images|pa wire|nurphoto|sipa|zuma|imago|dpa|picture alliance|unsplash|pexels|wikimedia commons|flickr|courtesy)\b/i;

// (every agency of the line; replace() starts a global pattern from the line's start)
const AGENCIES = new RegExp(AGENCY.source, 'gi');

/** A whole line that credits a photo: "Photo: Yan Cong/Bloomberg via Getty Images",
 * "Image: Protocol", "(AP Photo/Evan Vucci)", "Getty Images". */
export function isPhotoCredit(text: string): boolean {
  if (text.length > 200) return false;
  // "© Amazon", "bed© Getty": a rights holder with no year
  if (text.includes('©') && /©\s*[^\d\s][^©]{0,50}$/.test(text) && !/©\s*.*\d{4}/.test(text) && text.split(/\s+/).length <= 14) return true;
  if (mayOpenWithLabel(text) && (CREDIT_LABEL.test(text) || CREDIT_BY.test(text))) {
    // a label followed by a whole sentence is a caption, not a credit
    const words = text.split(/\s+/).length;
    if (words > 16 || /[.!?]\s+[A-Z]/.test(text)) return false;
    // a credit names people and agencies; "(Graphic: Global assets in 2019 - here)" is a link
    const rest = text.replace(CREDIT_LABEL, '').replace(CREDIT_BY, '').toLowerCase().split(/[^a-z']+/);
    return !rest.some((w) => SENTENCE_WORDS.has(w));
  }
  // "Michael Conroy, AP": the wire's two letters only after a name, where they credit it
  if (text.length <= 60 && text.endsWith('AP') && /^[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){0,3}\s*[,/]\s*AP$/u.test(text)) return true;
  if (text.length <= 90 && AGENCY.test(text)) {
    const rest = text.replace(AGENCIES, '').replace(/[\s/(),.;:|-]+/g, ' ').trim();
    const restWords = rest ? rest.split(' ') : [];
    // "Noah Berger/Getty Images for Amazon Web Services", "REUTERS/Brendan McDermid"
    return restWords.length <= 8 && (/\/|\bvia\b|^\(|\)$/.test(text) || restWords.length <= 3) && !/[.!?]\s/.test(text);
  }
  return false;
}

/** Can CREDIT_LABEL or CREDIT_BY match: after an optional bracket and white space,
 * does the line open with the first letter of one of their labels? */
function mayOpenWithLabel(text: string): boolean {
  let i = 0;
  const c0 = text.charCodeAt(0);
  if (c0 === 40 /* ( */ || c0 === 91 /* [ */) i++;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  // p(hoto), i(mage), g(raphic), a(rtwork), v(ideo), f(ootage, eatured), c(redit, over),
  // t(op), l(ead), h(eader), m(ain)
  switch (text.charCodeAt(i) | 32) {
    case 112: case 105: case 103: case 97: case 118: case 102: case 99: case 116: case 108: case 104: case 109:
      return true;
    default:
      return false;
  }
}

/** A credit-shaped line that names a news agency and nothing of a picture ("Associated
 * Press", "Tom Davies Associated Press"): beside a byline or a dateline it is the
 * byline's own affiliation, not a photo credit. */
export function isAgencyByline(text: string): boolean {
  if (text.length > 90 || CREDIT_LABEL.test(text) || CREDIT_BY.test(text)) return false;
  if (/[©/]|\b(photo|photos|image|picture|illustration|video|credit|courtesy|via|getty|shutterstock|istock|istockphoto|alamy|unsplash|pexels|flickr|wikimedia|nurphoto|zuma|imago|sipa|picture alliance)\b/i.test(text)) return false;
  return /\b(associated press|reuters|afp|agence france-presse|bloomberg( news)?|xinhua|dpa|anadolu|pa|press association|upi|ap)\s*$/i.test(text.trim());
}

/** How wire photo captions open: "In this Oct. 28, 2019, file photo, …", "FILE - In this
 * photo …", "This 2006 photo provided by NASA shows …", "An artist's concept of …". A
 * paragraph of the text almost never opens so; nor in lower case, as the description of
 * a picture that a machine wrote over its caption does. */
export function opensLikeCaption(text: string): boolean {
  const c = text.charCodeAt(0);
  // F(ILE), I(n this), T(his), A(n artist's): most lines are let go by their first letter
  if (c !== 70 && c !== 73 && c !== 84 && c !== 65 && c !== 97) return false;
  // a picture described by a machine, then its caption: "a man looking at the camera: Martin …"
  if (c === 97) return /^an? [a-z][a-z ,'’-]{2,60}: [\p{Lu}\d]/u.test(text);
  return /^(FILE\s*[-–—]\s*)?(In (this|these)\b[^!?]{0,60}?\b(photos?|images?|pictures?|frame grab|video grab|handout( photo| image)?|screenshot|screen grab)(,|\s+(provided|released|made|taken|issued|obtained|shot|from|by|shows)\b)|This\b[^!?]{0,50}?\b(photo|image|illustration|picture|handout|frame grab|screenshot|rendering)\s+(shows|provided|released|made available|taken|issued|obtained)\b|An? artist['’]s (concept|illustration|impression|rendering|depiction)\b)/.test(text);
}

/** A credit glued to the end of a caption: "... (Photo Credit : Twitter)" or
 * "... REUTERS/Brendan McDermid". Returns the offset where the credit starts. */
export function trailingCredit(text: string): number {
  // only the end of the line can hold it: test the tail, not every position of a long line
  const from = Math.max(0, text.length - 140);
  // the credit closes with its bracket, or names an agency before a slash: most lines
  // hold neither in their tail, and are spared the copy and the patterns
  const hasParen = text.indexOf(')', from) >= 0;
  const hasSlash = text.indexOf('/', from) >= 0;
  if (!hasParen && !hasSlash) return -1;
  const tail = text.slice(from);
  const paren = hasParen && /\(\s*(photo|image|picture|video|credit|photo credit|image credit|file photo|source)s?\s*(by|credit)?\s*[:：]?\s*[^()]{1,80}\)\s*$/i.exec(tail);
  if (paren && from + paren.index > 0) return from + paren.index;
  const agency = hasSlash && /\s(REUTERS|AP Photo|AFP|Getty Images|EPA)\/[A-Z][^/]{1,60}$/.exec(tail);
  if (agency && from + agency.index > 0) return from + agency.index;
  return -1;
}

const MONTH = '(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?';
const WEEKDAY = '(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?';
const DATE_TOKEN = new RegExp(
  `\\b(${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?(,?\\s+\\d{4})?|\\d{1,2}(st|nd|rd|th)?\\s+${MONTH}(,?\\s+\\d{4})?|${WEEKDAY}|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{1,2}:\\d{2}|\\d+\\s*(h|hr|hrs|hours?|m|mins?|minutes?|d|days?|weeks?|months?|years?)\\s+ago|yesterday|today)\\b`,
  'i',
);
const DATE_FILLER = new Set(
  ('updated published posted first last modified on at am pm a.m. p.m. edt est gmt utc bst cet cest pst pdt cst cdt ist ' +
    'ago hours hour minutes minute mins min days day h m d read time by and | / , - – — : · • in of the comments comment').split(' '),
);

const OPENS_WITH_DATE = new RegExp(`^(${DATE_TOKEN.source})`, 'i');
// every date token of a line (replace() starts a global pattern from the line's start)
const DATE_TOKENS = new RegExp(DATE_TOKEN.source, 'gi');
// (made once, not for each line that reaches it)
const DATE_THEN_AUTHOR = new RegExp(`^(${DATE_TOKEN.source})[\\s,|·•-]*(by:?\\s+)?[A-Z][\\p{L}'’.-]+(\\s+[A-Z][\\p{L}'’.-]+){1,3}(,\\s*[A-Z][\\w.]{1,6}){0,3}$`, 'iu');

// Every date token holds a digit or opens with a weekday, "today" or "yesterday"
// (a month is always followed by a day's number). unglue() only parts letters, so text
// without any of these has no date token, unglued or not: tested first, it spares most
// lines the unglueing and the long pattern.
const DATE_HINT = /[0-9]|mon|tue|wed|thu|fri|sat|sun|today|yesterday/i;

/** Does the text name a date or a time of day? */
export function hasDate(text: string): boolean {
  return text.length <= 400 && DATE_HINT.test(text) && DATE_TOKEN.test(unglue(text));
}

/** A line that is (essentially) a date: "Updated 19 November 2019, 09:01 AM",
 * "November 19, 2019 / 12:21 AM / Updated 14 hours ago", "32M ago". */
export function isDateline(raw: string): boolean {
  if (raw.length > 120) return false;
  if (!DATE_HINT.test(raw)) return false;
  const text = unglue(raw);
  if (!DATE_TOKEN.test(text)) return false;
  const rest = text
    .replace(DATE_TOKENS, ' ')
    .replace(/\b\d+\b/g, ' ')
    .toLowerCase()
    .split(/[\s,|/·•:()]+/)
    .filter(Boolean);
  let other = 0;
  for (const w of rest) if (!DATE_FILLER.has(w)) other++;
  // a post's meta line opens with its date: "October 15, 2018/0 Comments/in Perfomance News /by jdadmin"
  const opens = OPENS_WITH_DATE.test(text);
  if (other <= (opens ? 4 : 3) && other <= rest.length / 2 + 1) return true;
  // a date followed by the author: "February 1, 2019 Ilana Muhlstein, MS, RDN"
  return DATE_THEN_AUTHOR.test(text);
}

const NAME_WORD = "[A-Z][\\p{L}'’.-]*";
/** How a byline opens: "By", "Written by", "Analysis by", and the word for "by" in the
 * languages whose scrapes are common (German "Von", Spanish "Por", French "Par", Dutch
 * "Door", Scandinavian "Av"/"Af"). */
export const BYLINE_LEAD = '(?:by|written by|words by|story by|posted by|reported by|text by|analysis by|opinion by|commentary by|review by|von|por|par|door|av|af)';
// the opening in any case ("BY JANE DOE"), the names after it capitalised: "By taking off
// the top half…" is a sentence
const BYLINE_OPENING = new RegExp(`^${BYLINE_LEAD}\\s*:?\\s+`, 'i');
const BYLINE_NAMES = new RegExp(`^(${NAME_WORD}|[a-z]{1,3})(?![\\p{L}])`, 'u');
// the first two letters (lower-cased) of each opening, as 128 × first + second
const BYLINE_HEADS = new Set(BYLINE_LEAD.slice(3, -1).split('|').map((w) => w.charCodeAt(0) * 128 + w.charCodeAt(1)));
const BYLINE = {
  test(text: string): boolean {
    if (!BYLINE_HEADS.has((text.charCodeAt(0) | 32) * 128 + (text.charCodeAt(1) | 32))) return false;
    const m = BYLINE_OPENING.exec(text);
    return !!m && BYLINE_NAMES.test(text.slice(m[0].length));
  },
};
// "ByJane Doe": the space lost in the scrape. Case-sensitive, so that "Party…" or
// "Bypass…" never reads as one.
const GLUED_BYLINE = new RegExp(`^By(?=[A-Z])${NAME_WORD}(\\s+(${NAME_WORD}|and|&|,)){0,8}`, 'u');

/** "By Jane Doe", "By Tess Bonn - 11/19/19 06:56 AM EST", "Posted by Ned Deily at 5:11 AM". */
// What people sign as: "Sarah Hinger, Staff Attorney, ACLU …", "Jane Doe | Reporter".
const ROLE = /\b(reporter|correspondent|editor|writer|columnist|contributor|staff|attorney|director|producer|analyst|professor|author|journalist|critic|photographer|fellow|chief|senior|associate|assistant|manager|president|officer|founder|researcher|scientist|economist|anchor|host)\b/i;

export function isByline(text: string): boolean {
  if (text.length > 160) return false;
  // "Name Surname, Staff Attorney", "Name Surname | Reporter", "Keris Lahiff@kerisalison"
  // (both open with a capital, "and" or "&"; the names hold no separator nor "@")
  const c0 = text.charCodeAt(0);
  if ((c0 >= 65 && c0 <= 90) || c0 === 97 || c0 === 38) {
    const signed = hasSignSeparator(text) && /^(?:(?:&|and)\s+)?[A-Z][\p{L}'’.-]+(\s+[A-Z][\p{L}'’.-]+){1,3}\s*(,|\||–|—)\s*(.*)$/u.exec(text);
    if (signed && ROLE.test(signed[3]) && signed[3].split(/\s+/).length <= 12) return true;
    if (text.includes('@') && /^[A-Z][\p{L}'’.-]+(\s+[A-Z][\p{L}'’.-]+){1,3}\s*@\w{2,30}$/u.test(text)) return true;
  }
  if (!BYLINE.test(text) && !(c0 === 66 /* B */ && GLUED_BYLINE.test(text))) return false;
  // "By the way, ..." is a sentence, not a byline
  return !/^by\s+(the|a|an|this|that|these|those|then|now|far|contrast|comparison|default|design|law|chance|mistake)\b/i.test(text);
}

/** Does the text hold a separator a signature puts after the name: , | – — */
function hasSignSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 124 || c === 0x2013 || c === 0x2014) return true;
  }
  return false;
}

/** A short line that could be a person's name: 2–4 capitalised words ("Veronica Irwin",
 * "Carolyn Van Houten"), nothing else. */
export function isNameLine(text: string): boolean {
  if (text.length > 50) return false;
  const c0 = text.charCodeAt(0);
  if (c0 < 65 || c0 > 90) return false;
  if (/^(the|a|an|how|why|what|when|where|who|our|my|your|this|that|these|in|on|at|for|to|from|with|of|and|or|new|more|all|top|best|latest|about|is|are)\b/i.test(text)) return false;
  return /^[A-Z][\p{L}'’-]+(\s+(van|von|de|der|da|di|del|la|le|bin|al|[A-Z][\p{L}'’.-]*)){1,3}$/u.test(text) && !isUiLabel(text);
}

/** "© 2019 CBS Interactive Inc. All Rights Reserved." */
// A site's disclaimers (trade marks, the FDA's, advice, market data), long ones too.
const DISCLAIMER = /\b((are|is a) registered trademarks? of|not been evaluated by the food and drug administration|not intended to diagnose|for (general )?informational purposes only|(quote|market) data (is )?(provided|powered) by|quotes (are )?delayed)\b/i;
// The same and a legal notice ("This material may not be published, broadcast, …") in
// one pass over the line: most lines hold neither.
const LEGAL = new RegExp(`${DISCLAIMER.source}|\\b(subject to copyright|may not be (published|reproduced|redistributed|copied)|without (the )?(prior )?(express )?(written )?permission of)\\b`, 'i');

/** Every notice LEGAL finds, and "all rights reserved", holds one of these words right
 * after a space, so that a word of the line (as countFeatures splits words) opens with
 * it: features.ts notes such a word in its one pass over a line's words, and a line
 * without one is spared the patterns. Keep in step with LEGAL and RIGHTS. */
export const LEGAL_WORDS = [
  'registered', 'evaluated', 'diagnose', 'informational', 'data', 'delayed', 'copyright', 'published', 'reproduced',
  'redistributed', 'copied', 'permission', 'reserved',
];
// a copyright line; but for "all rights reserved", with a year
const RIGHTS = /all rights reserved|\bcopyright\b.{0,40}\d{4}|\(c\)\s*\d{4}/i;

/** A legal line: a copyright line, a notice or a disclaimer. `legalWord`: whether a
 * word of the line opens with one of LEGAL_WORDS, `digit`: whether the line holds a
 * digit (false: it is known that it does not). */
export function isCopyright(text: string, legalWord = true, digit = true): boolean {
  if (text.length > 1200) return false;
  if (legalWord && LEGAL.test(text) && (text.length <= 600 || DISCLAIMER.test(text))) return true;
  if (text.length > 600) return false;
  // a form's consent notice: "By submitting this form you agree to …"
  if ((text.charCodeAt(0) | 32) === 98 /* b */ && /^by (submitting|signing up|clicking|subscribing|registering|continuing|using|entering)\b.{0,200}\b(agree|consent|accept|acknowledge)/i.test(text)) return true;
  if (text.length > 400) return false;
  if ((legalWord || digit) && RIGHTS.test(text)) return true;
  // "© 2019 News Nation" is the page's; "a person sitting on a bed© Amazon" credits a photo
  return digit && text.includes('©') && /©\s*(\d{4}|[\w .,&-]{0,60}\d{4})/.test(text);
}

/** Form fields and image placeholders left by the renderer: "[          ]",
 * "[Search]" are forms; "[hkpolyu1118b_167x94]", "plos-one-zebra-cow.jpg" images. */
export function isWidgetResidue(text: string): 'form' | 'image' | undefined {
  if (text.length > 300) return undefined;
  if (text.charCodeAt(0) === 91 /* [ */ && /^(\[[^\]]{0,80}\]\s*)+$/.test(text)) {
    // blank fields, buttons of one or two words, checkboxes "[*]" or "[ ]"; an empty
    // "[]" is an image without a name
    if (/\[\s{2,}|\[[*xX ]\]/.test(text) || /^\[(search|submit|go|send|subscribe|sign up|ok|cancel|login|log in|reset|clear|close)\]$/i.test(text)) return 'form';
    return 'image';
  }
  // the patterns below end in a given letter: g, f or p for a file's extension
  const last = text.charCodeAt(text.length - 1) | 32;
  if ((last === 103 || last === 102 || last === 112) && /^[\w.-]+\.(jpe?g|png|gif|webp|svg|avif)$/i.test(text)) return 'image';
  // an image's alt text naming itself: "J.R. Stone Image", "KGO logo", "luboku 2020 press shot"
  if (text.length <= 60 && (last === 101 || last === 111 || last === 108 || last === 116) && /\b(image|photo|logo|picture|thumbnail|press shot|headshot|mugshot)$/i.test(text) && text.split(/\s+/).length <= 6) return 'image';
  // a form field with its label: "Search: [          ]", "Your Email [        ]"
  if (text.length <= 120 && text.includes('[') && /\[\s{3,}\]/.test(text)) return 'form';
  return undefined;
}

/** An inline link to another story: "Related: SpaceX's Starship in Pictures",
 * "Read more: …", "ALSO READ: …", "See also: …". */
export function isRelatedLink(text: string): boolean {
  if (text.length > 220) return false;
  // r(elated, ead, ecommended), s(ee), m(ore), d(on't), w(atch), l(isten), c(lick), a(lso)
  switch (text.charCodeAt(0) | 32) {
    case 114: case 115: case 109: case 100: case 119: case 108: case 99: case 97:
      break;
    default:
      return false;
  }
  // "Also on rt.com Journalists & politicians …": a site's name stands for the separator
  return /^(related( (post|story|article|content|coverage|reading|video|link))?|read more|read also|also read|see also|more on this|recommended( reading)?|don['’]t miss|watch|listen|more from [\w .&-]{1,40}|click here)\s*[:>»|-]\s*\S/i.test(text) || /^also (on|at) [\w-]+(\.[\w-]+)*\.[a-z]{2,6}\s+\S/i.test(text);
}

/** A card's link text doubled by the scrape (an image's alt text glued to the link's
 * label): "Pickled Brussels Sprouts RecipePickled Brussels Sprouts Recipe Mini…".
 * A paragraph never repeats its own opening glued to a word. */
export function isSelfGlued(text: string): boolean {
  if (text.length < 32 || text.length > 600) return false;
  const head = text.slice(0, 16);
  const at = text.indexOf(head, 8);
  return at > 0 && /[\p{Ll}\p{N}.!?)]/u.test(text[at - 1]);
}

/** A pin's description: "… for the Holidays #ad #DonVictorHoney #canning #jam …". Many
 * tags make up much of the line; a sentence with a tag or two is a tweet's text. */
export function isHashtagRun(text: string): boolean {
  if (!text.includes('#')) return false;
  const tags = text.match(/(^|\s)#[\p{L}\p{N}_]+/gu)?.length ?? 0;
  return tags >= 5 && tags >= text.split(/\s+/).length * 0.35;
}

/** The head of a reader comment: "Milan Griffes on September 12, 2018 at 4:47 pm
 * said:", "Jane says:". */
export function isCommentHead(text: string): boolean {
  if (text.length > 160) return false;
  // the pattern ends with a keyword, then white space, a colon and white space: the
  // last letter before those is the keyword's last (s, d or e), else it cannot match
  let j = text.length - 1;
  while (j >= 0 && isJsSpace(text.charCodeAt(j))) j--;
  if (j >= 0 && text.charCodeAt(j) === 58 /* : */) j--;
  while (j >= 0 && isJsSpace(text.charCodeAt(j))) j--;
  // (and the letter before it: says, said, wrote, commented, replied)
  const last = j >= 0 ? text.charCodeAt(j) | 32 : 0;
  const before = j >= 1 ? text.charCodeAt(j - 1) | 32 : 0;
  const ends = before * 128 + last;
  if (ends !== 121 * 128 + 115 /* ys */ && ends !== 105 * 128 + 100 /* id */ && ends !== 116 * 128 + 101 /* te */ && ends !== 101 * 128 + 100 /* ed */) return false;
  return /\b(says|said|wrote|commented|replied)\s*:?\s*$/i.test(text) && text.split(/\s+/).length <= 16;
}

/** What /\s/ matches (JavaScript's white space and line terminators). */
export function isJsSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** A line drawn across the page: "━━━━━━━━", "--------", "________". */
export function isDivider(text: string): boolean {
  // (the line opens and ends with a character the pattern allows)
  if (!drawsLine(text.charCodeAt(0)) || !drawsLine(text.charCodeAt(text.length - 1))) return false;
  return text.length >= 5 && /^[\s━─—–_=~*#•·.-]+$/.test(text) && !/^[*#•·. ]{1,9}$/.test(text);
}

/** A character of /[\s━─—–_=~*#•·.-]/, which draws a divider. */
function drawsLine(c: number): boolean {
  return isJsSpace(c) || c === 0x2501 || c === 0x2500 || c === 0x2014 || c === 0x2013 || c === 95 || c === 61 || c === 126 || c === 42 || c === 35 || c === 0x2022 || c === 0xb7 || c === 46 || c === 45;
}

/** Reading-time and counters: "5 Min Read", "0 : 0", "12 comments". */
export function isMetaCounter(text: string): boolean {
  if (text.length > 40) return false;
  // every pattern below opens with a digit, white space, one of : | / . , - (the counters
  // of digits and separators) or i(mage), p(hoto, icture), s(lide), v(ideo); the
  // telephone number only rejects
  const c0 = text.charCodeAt(0);
  if (!(c0 >= 48 && c0 <= 57) && !isJsSpace(c0) && c0 !== 58 && c0 !== 124 && c0 !== 47 && c0 !== 46 && c0 !== 44 && c0 !== 45) {
    const l = c0 | 32;
    if (l !== 105 && l !== 112 && l !== 115 && l !== 118) return false;
  }
  // a telephone number is information, not a counter
  if (/^\+?\(?\d[\d\s().-]{6,}\d$/.test(text) && /\d[\s.-]\d/.test(text) && !/:/.test(text)) return false;
  return /^\d+\s*(min(ute)?s?|mins?)\.?\s+read$/i.test(text)
    || /^[\d\s:|/.,-]+$/.test(text)
    || /^\d+\s*(comments?|shares?|replies|views|likes|photos|images)$/i.test(text)
    || /^(image|photo|picture|slide|video)\s+\d+\s+(of|\/)\s+\d+$/i.test(text);
}
