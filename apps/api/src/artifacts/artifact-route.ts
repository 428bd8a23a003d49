import type http from 'node:http';
import type { Logger } from 'pino';
import { contentDisposition } from './s3-store.ts';
import { ARTIFACT_ROUTE, AlreadyStoredError, BodySizeError, type FilesystemStore } from './fs-store.ts';
import type { UrlSigner } from './signing.ts';

function answer(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(text);
}

/**
 * `PUT|GET /artifacts/<signed token>`: the filesystem store's counterpart of S3's presigned URLs. The token
 * (signing.ts) names the operation, the key, the expiry and, for an upload, the exact size; nothing else is
 * trusted from the request. The GraphQL mutations that hand out tokens are where callers are authorised.
 */
export function artifactRoute(
  store: FilesystemStore,
  signer: UrlSigner,
  log: Pick<Logger, 'error'>,
  /** Whether an artifact row still owns the key (service.ts `keyHasArtifact`). */
  owned: (key: string) => Promise<boolean>,
) {
  return (request: http.IncomingMessage, response: http.ServerResponse, path: string): void => {
    const grant = signer.verify(decodeURIComponent(path.slice(ARTIFACT_ROUTE.length)));
    if (!grant) {
      request.resume();
      return answer(response, 403, 'This artifact link is invalid or expired: ask the API for a new one.');
    }
    if (grant.op === 'put' && request.method === 'PUT') {
      const declared = request.headers['content-length'];
      if (declared !== undefined && Number(declared) !== grant.size) {
        response.setHeader('connection', 'close');
        request.resume();
        return answer(response, 413, `The body must have exactly ${grant.size} bytes (the size given when the upload began), got a Content-Length of ${declared}.`);
      }
      const key = grant.key;
      const gone = () => answer(response, 410, 'This upload was replaced or deleted: begin a new one.');
      // A link outlives its artifact (deleted, or replaced by name): bytes put then would belong to no row and count
      // against no limit, so a runner replacing one name over and over could fill the disk. Checked before and
      // after the write: a row removed while the bytes arrived takes them along.
      const put = async () => {
        if (!(await owned(key))) {
          request.resume();
          return gone();
        }
        await store.write(key, request, grant.size ?? 0);
        if (!(await owned(key))) {
          await store.delete(key);
          return gone();
        }
        answer(response, 200, 'stored');
      };
      put().then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof AlreadyStoredError) return answer(response, 409, `This ${error.message}.`);
          if (error instanceof BodySizeError) {
            response.setHeader('connection', 'close');
            return answer(response, 413, `The body ${error.message}.`);
          }
          log.error({ err: error }, 'storing an artifact failed');
          if (!response.headersSent) answer(response, 500, 'Storing the artifact failed.');
        },
      );
      return;
    }
    if (grant.op === 'get' && (request.method === 'GET' || request.method === 'HEAD')) {
      void (async () => {
        const found = await store.stat(grant.key);
        if (!found) return answer(response, 404, 'The artifact is gone.');
        response.writeHead(200, {
          'content-type': grant.contentType,
          'content-length': String(found.size),
          'content-disposition': contentDisposition(grant.fileName ?? 'artifact'),
          'cache-control': 'private, no-store',
          'x-content-type-options': 'nosniff',
          // The type is the uploader's: should a browser render it anyway (text/html, image/svg+xml), it runs in
          // a sandbox with no scripts and no access to the API's origin.
          'content-security-policy': "default-src 'none'; sandbox",
        });
        if (request.method === 'HEAD') return response.end();
        (await store.read(grant.key)).pipe(response);
      })().catch((error: unknown) => {
        log.error({ err: error }, 'reading an artifact failed');
        if (!response.headersSent) answer(response, 500, 'Reading the artifact failed.');
        else response.destroy();
      });
      return;
    }
    request.resume();
    answer(response, 405, `This link allows ${grant.op === 'put' ? 'PUT' : 'GET'} only.`);
  };
}
