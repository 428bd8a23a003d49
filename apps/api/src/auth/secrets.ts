import { createHash, randomBytes } from 'node:crypto';

/** API tokens start with this, so secret scanners and people recognise them. */
export const API_TOKEN_PREFIX = 'tb_';
/** Characters of a token shown in the dashboard to tell tokens apart. */
export const SHOWN_PREFIX_LENGTH = 10;

/** A new secret with 256 random bits, e.g. `tb_Q2x…` for API tokens. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
