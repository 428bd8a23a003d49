import type { Readable } from 'node:stream';

/** A URL a client sends the bytes to (or reads them from), with the headers it must send. */
export interface SignedRequest {
  /** Absolute (an S3 endpoint), or a path on the API's own address (`/artifacts/…`) for the filesystem store. */
  url: string;
  method: 'PUT' | 'GET';
  /** Headers the request must carry (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: Date;
}

/** What the store holds under a key. */
export interface StoredObject {
  size: number;
}

/**
 * Where artifact bytes live. Clients never send them through GraphQL: `uploadRequest` signs a PUT that a runner
 * sends straight to the store (S3's presigned URL, or the API's own upload route for the filesystem), and
 * `downloadRequest` a short-lived GET. The API itself only checks what arrived (`stat`, `sha256`) and deletes.
 */
export interface ArtifactStore {
  readonly kind: 'filesystem' | 's3';
  uploadRequest(key: string, options: { size: number; contentType: string; expiresInSeconds: number }): Promise<SignedRequest>;
  downloadRequest(key: string, options: { fileName: string; contentType: string; expiresInSeconds: number }): Promise<SignedRequest>;
  /** The object's size, or undefined when nothing is stored under the key. */
  stat(key: string): Promise<StoredObject | undefined>;
  /** Lower-case hex SHA-256 of the stored bytes (read back from the store, so what is kept is what is checked). */
  sha256(key: string): Promise<string>;
  /** Reads the object (the filesystem store's download route). */
  read(key: string): Promise<Readable>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Hashes a stream of bytes. */
export async function sha256Of(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk);
  return hash.digest('hex');
}
