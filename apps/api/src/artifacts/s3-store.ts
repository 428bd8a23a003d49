import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { sha256Of, type ArtifactStore, type SignedRequest } from './store.ts';

export interface S3StoreOptions {
  bucket: string;
  /** Prepended to every key (`tuneboard/`), so one bucket can hold other things too. */
  prefix: string;
  region: string;
  /** Unset: AWS's own endpoint for the region. Set for MinIO, Ceph, R2, … */
  endpoint?: string;
  /** Path-style URLs (`http://host/bucket/key`), which MinIO and most self-hosted stores need. */
  forcePathStyle: boolean;
  /** Unset: the SDK's default chain (environment, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Artifacts in an S3-compatible bucket. Runners upload with a presigned PUT and browsers download with a
 * presigned GET, so the bytes never pass through the API; the API only reads an object back once, when its
 * upload completes, to check its SHA-256 (a presigned URL cannot make the store refuse a wrong body on every
 * S3-compatible server).
 */
export class S3Store implements ArtifactStore {
  readonly kind = 's3' as const;
  readonly client: S3Client;

  constructor(private readonly options: S3StoreOptions) {
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.credentials,
      // Presigned URLs must not ask clients for checksum headers the SDK would add by default.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(key: string): string {
    return this.options.prefix + key;
  }

  async uploadRequest(key: string, options: { size: number; contentType: string; expiresInSeconds: number }): Promise<SignedRequest> {
    const command = new PutObjectCommand({ Bucket: this.options.bucket, Key: this.key(key), ContentType: options.contentType, ContentLength: options.size });
    const url = await getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds, signableHeaders: new Set(['content-type', 'content-length']) });
    return {
      url,
      method: 'PUT',
      headers: { 'content-type': options.contentType },
      expiresAt: new Date(Date.now() + options.expiresInSeconds * 1000),
    };
  }

  async downloadRequest(key: string, options: { fileName: string; contentType: string; expiresInSeconds: number }): Promise<SignedRequest> {
    const command = new GetObjectCommand({
      Bucket: this.options.bucket,
      Key: this.key(key),
      ResponseContentDisposition: contentDisposition(options.fileName),
      ResponseContentType: options.contentType,
    });
    const url = await getSignedUrl(this.client, command, { expiresIn: options.expiresInSeconds });
    return { url, method: 'GET', headers: {}, expiresAt: new Date(Date.now() + options.expiresInSeconds * 1000) };
  }

  async stat(key: string) {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      return { size: Number(head.ContentLength ?? 0) };
    } catch (error) {
      if (error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey')) {
        return undefined;
      }
      throw error;
    }
  }

  async sha256(key: string): Promise<string> {
    return sha256Of(await this.read(key));
  }

  async read(key: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
    return object.Body as Readable;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

/** `attachment; filename="…"` with a plain fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const plain = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
