// Advertising voice: calls to action ("learn more", "sign up"), a company speaking of
// itself ("We champion…", "Our solutions…"), and the labels of paid content. News
// prose quotes such phrases rarely and never several of them in one short block.

const LABELS = /\b(sponsored( content| post| by)?|paid (content|post|for by)|presented by|brought to you by|in partnership with|advertorial|partner content|promoted( by)?)\b/i;
const CALLS =
  /\b(learn more|find out more|read more|sign up|signup|register (now|today|here)|subscribe (now|today|here)|join (us|now|today|the)|download (now|the app|our)|shop now|buy now|get started|request a demo|book (a|your) (demo|call)|contact us|click here|visit (us|our)|don['’]t miss|try (it )?(free|now|today)|start your free|free trial|hear from|to learn more|(get|sign up for|subscribe to) (the|our) newsletter|unsubscribe at any time|no spam|(get|receive) (the latest|breaking|exclusive)|if you (enjoyed|liked|value|appreciate) (this|our) (article|story|piece|journalism|reporting|work|roundup)|support (our|independent|quality) journalism|become a (member|subscriber|patron|supporter)|chat with us)\b/i;
const WE_VOICE = /(^|[.!?]\s+)(we|our)\s+(champion|help|offer|provide|deliver|empower|enable|are (committed|proud|dedicated)|believe|advocate|serve|support|represent|work with|partner|build|make|bring|invite)\b/i;
const SELF_DESCRIPTION = /^(the\s+)?[A-Z][\w&.-]*(\s+[A-Z][\w&.-]*){0,6}\s+(\([A-Z]{2,8}\)\s+)?(is (a|an|the) (leading|premier|global|trusted|nonprofit|non-profit)|represents|empowers|provides|offers|helps)\b/;

export function promoScore(text: string): number {
  if (text.length > 1500) return 0;
  let s = 0;
  if (LABELS.test(text)) s += 2;
  if (CALLS.test(text)) s += 1;
  if (WE_VOICE.test(text)) s += 1;
  if (SELF_DESCRIPTION.test(text)) s += 1;
  return s;
}

// isPromotional asks only whether any of them is there: the two word lists in one
// pass over the text (the same words, each group between word boundaries)
const LABELS_OR_CALLS = new RegExp(`\\b(?:${LABELS.source.slice(3, -3)}|${CALLS.source.slice(3, -3)})\\b`, 'i');

export function isPromotional(text: string): boolean {
  // promoScore(text) >= 1
  return text.length <= 1500 && (LABELS_OR_CALLS.test(text) || WE_VOICE.test(text) || SELF_DESCRIPTION.test(text));
}

/** A paragraph that opens with the call itself ("Sign up for …", "Subscribe to …",
 * "Submit your letter …") is the site speaking, wherever it stands: news prose reports
 * such calls, it does not open with them. */
export function opensWithCall(text: string): boolean {
  // (short, and no one is reported: "Sign up for the program opened on Monday, the city said")
  return text.length <= 200 && /^\s*(sign up (for|to)|subscribe (to|now|today)|submit your|join (our|us)|get (the|our) (newsletter|app|free)|download (our|the) (free )?app)\b/i.test(text) && !/\b(said|says|told|according to)\b/i.test(text) && isPromotional(text);
}
