import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import http from 'node:http';
import https from 'node:https';
import { pipeline } from 'node:stream/promises';
import type {
  ArtifactUploadBeginMutation,
  ArtifactUploadBeginMutationVariables,
  ArtifactUploadCompleteMutation,
  ArtifactUploadCompleteMutationVariables,
} from '../generated/graphql.ts';
import type { ObjectiveArtifact } from '../objectives/run-objective.ts';
import { ARTIFACT_BEGIN, ARTIFACT_COMPLETE } from './documents.ts';
import type { Request } from './graphql-client.ts';

/** Most files one trial uploads; the rest are named in its log. */
export const maxArtifactFiles = 200;

const contentTypes: Record<string, string> = {
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.pt': 'application/octet-stream',
  '.onnx': 'application/octet-stream',
};

export function contentTypeOf(file: string): string {
  return contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Uploads a trial's files: `artifactUploadBegin` with the lease token, one PUT of the file to the URL it answers
 * (the object store's presigned URL, or the API's own upload route, resolved against the API's address), then
 * `artifactUploadComplete`, which checks the SHA-256.
 */
export class ArtifactUploader {
  constructor(
    private readonly request: Request,
    /** The API's GraphQL URL: a relative upload URL is on its origin. */
    private readonly apiUrl: string,
  ) {}

  async upload(ids: { trialId: string; leaseToken: string }, artifact: ObjectiveArtifact, signal?: AbortSignal): Promise<void> {
    const info = await stat(artifact.path);
    const sha256 = await sha256File(artifact.path);
    const begin: ArtifactUploadBeginMutationVariables = {
      input: { ...ids, name: artifact.name, size: info.size, sha256, contentType: contentTypeOf(artifact.path), kind: artifact.kind },
    };
    const { artifactUploadBegin: begun } = await this.request<ArtifactUploadBeginMutation>(ARTIFACT_BEGIN, begin, signal);
    if (begun.userErrors.length > 0 || !begun.upload || !begun.artifact) {
      throw new Error(begun.userErrors.map((e) => `${e.code}: ${e.message}`).join('; ') || 'no upload URL in the reply');
    }
    await putFile(new URL(begun.upload.url, this.apiUrl), begun.upload.headers, artifact.path, info.size, signal);
    const complete: ArtifactUploadCompleteMutationVariables = { input: { id: begun.artifact.id, leaseToken: ids.leaseToken } };
    const { artifactUploadComplete: done } = await this.request<ArtifactUploadCompleteMutation>(ARTIFACT_COMPLETE, complete, signal);
    if (done.userErrors.length > 0) throw new Error(done.userErrors.map((e) => `${e.code}: ${e.message}`).join('; '));
  }
}

/**
 * One PUT of a file with its exact Content-Length, streamed from disk: S3's presigned PUT refuses chunked bodies,
 * and `fetch` will not send a Content-Length with a streamed body.
 */
export async function putFile(url: URL, headers: { name: string; value: string }[], file: string, size: number, signal?: AbortSignal): Promise<void> {
  const client = url.protocol === 'https:' ? https : http;
  await new Promise<void>((resolve, reject) => {
    const request = client.request(
      url,
      { method: 'PUT', headers: { ...Object.fromEntries(headers.map((h) => [h.name, h.value])), 'content-length': String(size) }, signal },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`the store answered ${status}: ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`));
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    pipeline(createReadStream(file), request).catch(reject);
  });
}
