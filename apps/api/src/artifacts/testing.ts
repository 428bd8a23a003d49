import { createHash } from 'node:crypto';
import type { TestApi } from '../testing/harness.ts';

/** GraphQL documents and helpers the artifact tests share. */
export const ARTIFACT_FIELDS = 'id name kind state size sha256 contentType downloadUrl';
export const BEGIN = `mutation($i: ArtifactUploadBeginInput!) { artifactUploadBegin(input: $i) {
  artifact { ${ARTIFACT_FIELDS} } upload { url method headers { name value } expiresAt } userErrors { field message code } } }`;
export const COMPLETE_UPLOAD = `mutation($i: ArtifactUploadCompleteInput!) { artifactUploadComplete(input: $i) {
  artifact { ${ARTIFACT_FIELDS} } userErrors { field message code } } }`;
export const DELETE = `mutation($i: ArtifactDeleteInput!) { artifactDelete(input: $i) { deletedId userErrors { field message code } } }`;
export const LIST = `query($id: ID!) { trial(id: $id) { artifacts { ${ARTIFACT_FIELDS} } } }`;

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** An upload or download URL made absolute: the filesystem store's are paths on the API's address. */
export function absolute(api: TestApi, url: string): string {
  return new URL(url, api.server.url).toString();
}

/** Sends the bytes the way a runner does: one PUT with the signed headers. */
export async function put(api: TestApi, upload: { url: string; headers: { name: string; value: string }[] }, body: Uint8Array | string) {
  return fetch(absolute(api, upload.url), {
    method: 'PUT',
    headers: Object.fromEntries(upload.headers.map((h) => [h.name, h.value])),
    body: typeof body === 'string' ? Buffer.from(body) : body,
  });
}
