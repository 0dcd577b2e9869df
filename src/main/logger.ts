/** Structured logger with secret redaction: tokens, secrets and passwords never reach a log line. */

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

const SECRET_KEY = /token|secret|password|assertion|authorization|cookie|code_verifier|client_info|^code$/i;
const JWT_LIKE = /eyJ[\w-]+\.[\w-]+\.[\w-]*/g;

/** Replaces values under secret-looking keys and anything shaped like a JWT. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(JWT_LIKE, '[redacted-jwt]');
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(v, depth + 1);
  return out;
}

/** A logger writing one JSON line per event to the given sink (stderr by default). */
export function createLogger(sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const write = (level: string, event: string, fields?: LogFields) =>
    sink(JSON.stringify({ t: new Date().toISOString(), level, event, ...(fields ? (redact(fields) as LogFields) : {}) }));
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
