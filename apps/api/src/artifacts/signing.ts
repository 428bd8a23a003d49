import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a signed filesystem-store URL allows: one operation on one key until `exp` (seconds since the epoch). */
export interface Grant {
  op: 'put' | 'get';
  key: string;
  exp: number;
  /** For `put`: the exact number of bytes the body must have. */
  size?: number;
  contentType: string;
  /** For `get`: the name the browser saves the file as. */
  fileName?: string;
}

/**
 * Signs and checks the filesystem store's upload and download URLs (HMAC-SHA256). Replicas that share one
 * artifacts folder need one key (`TUNEBOARD_ARTIFACT_SIGNING_KEY`); unset, each process makes its own, so URLs
 * end with the process (they live minutes anyway).
 */
export class UrlSigner {
  private readonly key: Buffer;

  constructor(key?: string) {
    this.key = key ? Buffer.from(key, 'utf8') : randomBytes(32);
  }

  sign(grant: Grant): string {
    const body = Buffer.from(JSON.stringify(grant), 'utf8').toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The grant of a token that is intact and not expired, else undefined. */
  verify(token: string, now = Date.now()): Grant | undefined {
    const [body, mac, extra] = token.split('.');
    if (!body || !mac || extra !== undefined) return undefined;
    const expected = Buffer.from(this.mac(body), 'utf8');
    const given = Buffer.from(mac, 'utf8');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let grant: Grant;
    try {
      grant = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Grant;
    } catch {
      return undefined;
    }
    if (typeof grant.exp !== 'number' || grant.exp * 1000 < now) return undefined;
    return grant;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
