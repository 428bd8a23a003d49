import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { sha256Of, type ArtifactStore, type SignedRequest } from './store.ts';
import type { UrlSigner } from './signing.ts';

/** The route the filesystem store's signed URLs point at, on the API's own address. */
export const ARTIFACT_ROUTE = '/artifacts/';

/** Keys are made by the API (`<study>/<trial>/<uuid>`); anything else never reaches the disk. */
const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

export class BodySizeError extends Error {
  constructor(readonly expected: number, readonly got: number) {
    super(`the body must have exactly ${expected} bytes (the size given when the upload began), got ${got > expected ? `more than ${expected}` : got}`);
  }
}

export class AlreadyStoredError extends Error {
  constructor() {
    super('upload link was used already: begin a new upload to replace the file');
  }
}

/**
 * Artifacts as files under one folder (by default `artifacts/` beside the embedded database, in the data
 * folder). Uploads and downloads go through the API's `/artifacts/<signed token>` route (`artifact-route.ts`).
 */
export class FilesystemStore implements ArtifactStore {
  readonly kind = 'filesystem' as const;

  constructor(
    readonly root: string,
    private readonly signer: UrlSigner,
  ) {}

  private file(key: string): string {
    if (!KEY.test(key)) throw new Error(`not an artifact key: ${JSON.stringify(key)}`);
    return path.join(this.root, ...key.split('/'));
  }

  async uploadRequest(key: string, options: { size: number; contentType: string; expiresInSeconds: number }): Promise<SignedRequest> {
    const exp = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
    const token = this.signer.sign({ op: 'put', key, exp, size: options.size, contentType: options.contentType });
    return { url: ARTIFACT_ROUTE + token, method: 'PUT', headers: { 'content-type': options.contentType }, expiresAt: new Date(exp * 1000) };
  }

  async downloadRequest(key: string, options: { fileName: string; contentType: string; expiresInSeconds: number }): Promise<SignedRequest> {
    const exp = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
    const token = this.signer.sign({ op: 'get', key, exp, contentType: options.contentType, fileName: options.fileName });
    return { url: ARTIFACT_ROUTE + token, method: 'GET', headers: {}, expiresAt: new Date(exp * 1000) };
  }

  async stat(key: string) {
    try {
      const info = await stat(this.file(key));
      return info.isFile() ? { size: info.size } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async sha256(key: string): Promise<string> {
    return sha256Of(createReadStream(this.file(key)));
  }

  async read(key: string): Promise<Readable> {
    const file = this.file(key);
    await stat(file);
    return createReadStream(file);
  }

  /**
   * Stores a body of exactly `size` bytes: written to a temporary file and linked into place, so a reader never
   * sees half a file and a failed upload leaves nothing behind. More bytes than announced stop the write at once.
   */
  async write(key: string, body: AsyncIterable<Uint8Array>, size: number): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomUUID()}.part`;
    let written = 0;
    try {
      await pipeline(
        body,
        async function* (source: AsyncIterable<Uint8Array>) {
          for await (const chunk of source) {
            written += chunk.length;
            if (written > size) throw new BodySizeError(size, written);
            yield chunk;
          }
        },
        createWriteStream(temporary),
      );
      if (written !== size) throw new BodySizeError(size, written);
      // A key is written once: replaying the signed PUT cannot swap bytes under a verified checksum. `link` fails
      // when the name exists, in one step: a check then a rename let two PUTs of one link racing both land, the
      // later replacing bytes that may have been verified in between.
      await link(temporary, file).catch((error: unknown) => {
        throw (error as NodeJS.ErrnoException).code === 'EEXIST' ? new AlreadyStoredError() : error;
      });
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async close(): Promise<void> {}
}
