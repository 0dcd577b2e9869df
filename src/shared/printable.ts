/** Makes text from customers' tenants inert wherever it is shown: no control characters, escape sequences or bidi controls, names on one line. */

/** ANSI escape sequences: CSI (ESC [ or 0x9B … final byte), OSC / DCS / APC / PM / SOS strings (… BEL or ST), and two-byte ESC sequences. */
const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g;
/**
 * C0 controls (but tab and line feed), DEL, C1 controls, and the bidi controls that reorder what a person reads: embeddings and
 * overrides (U+202A–202E), isolates (U+2066–2069), and the left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C).
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A tab, and the Unicode line and paragraph separators (a viewer may break a line there; our own text never uses them). */
const SPACES = /[\t\u2028\u2029]/g;

/** The text without escape sequences or control characters; a tab becomes a space, a line feed stays only when `multiline`. */
export function printable(text: string, options: { multiline?: boolean } = {}): string {
  const flat = text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '').replace(SPACES, ' ');
  return options.multiline ? flat : flat.replace(/\n/g, ' ');
}

/** Characters JSON.stringify leaves raw that a terminal or a viewer acts on: DEL, C1 controls, bidi controls, line and paragraph separators. */
const JSON_RAW = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

/** JSON text (as JSON.stringify writes it) with those characters written as \u escapes: the same value for a script, inert on a terminal. */
export const inertJson = (json: string): string => json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A copy of a value (an answer shown in the app) with every string in its arrays and plain objects made printable, line feeds kept. */
export function inertStrings<T>(value: T): T {
  if (typeof value === 'string') return printable(value, { multiline: true }) as T;
  if (Array.isArray(value)) return value.map(inertStrings) as T;
  if (value === null || typeof value !== 'object' || Object.prototype.toString.call(value) !== '[object Object]') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, inertStrings(v)])) as T;
}
