// The limit Galley is measured against: a bare scan that splits the text into lines and
// tests 12 regular expressions on every line (the least any line-by-line reader does).
const PATTERNS = [
  /^$/,
  /^[•*·-] /,
  /^By [A-Z]/,
  /^Photo: /,
  /©/,
  /^\d/,
  /^Keep Reading/,
  /[.!?]$/,
  /^The /,
  /&[a-z]+;/,
  /â€/,
  /\( @/,
];

/** Returns how many (line, pattern) pairs matched, so the work cannot be skipped. */
export function bareScan(text) {
  let hits = 0;
  for (const line of text.split(/\r\n|\n|\r/)) {
    for (const re of PATTERNS) if (re.test(line)) hits++;
  }
  return hits;
}
