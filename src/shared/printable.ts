/** Makes text from customers' tenants safe to print on a terminal: no control characters, escape sequences or bidi overrides. */

/** ANSI escape sequences: CSI (ESC [ or 0x9B … final byte), OSC / DCS / APC / PM / SOS strings (… BEL or ST), and two-byte ESC sequences. */
const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex
  /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?/g;
/** C0 controls (but tab and line feed), DEL, C1 controls, and the bidi embedding, override and isolate characters. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** The text without escape sequences or control characters; a tab becomes a space, a line feed stays only when `multiline`. */
export function printable(text: string, options: { multiline?: boolean } = {}): string {
  const flat = text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '').replace(/\t/g, ' ');
  return options.multiline ? flat : flat.replace(/\n/g, ' ');
}
