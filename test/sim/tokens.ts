/** Signs and verifies the simulated cloud's JWTs (RS256) and publishes the key as a JWKS. */
import { generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';

const b64 = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

export class TokenSigner {
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly kid = randomUUID();

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.#privateKey = privateKey;
    this.#publicKey = publicKey;
  }

  sign(claims: Record<string, unknown>): string {
    const head = `${b64({ typ: 'JWT', alg: 'RS256', kid: this.kid })}.${b64(claims)}`;
    return `${head}.${b64(sign('sha256', Buffer.from(head), this.#privateKey))}`;
  }

  /** The claims of a token this signer issued, or null when the signature does not match. */
  verify(token: string): Record<string, unknown> | null {
    const [head, body, signature] = token.split('.');
    if (!head || !body || !signature) return null;
    const valid = verify('sha256', Buffer.from(`${head}.${body}`), this.#publicKey, Buffer.from(signature, 'base64url'));
    if (!valid) return null;
    try {
      return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  jwks(): { keys: object[] } {
    return { keys: [{ ...this.#publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256' }] };
  }
}
