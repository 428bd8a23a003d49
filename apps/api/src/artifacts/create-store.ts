import type { ApiEnv } from '../env.ts';
import { FilesystemStore } from './fs-store.ts';
import { S3Store } from './s3-store.ts';
import { UrlSigner } from './signing.ts';
import type { ArtifactStore } from './store.ts';

/** The store the environment names: the data folder by default, or an S3-compatible bucket. */
export function createArtifactStore(env: ApiEnv): { store: ArtifactStore; filesystem?: FilesystemStore; signer?: UrlSigner } {
  if (env.TUNEBOARD_ARTIFACT_STORE === 's3') {
    const store = new S3Store({
      bucket: env.TUNEBOARD_S3_BUCKET!,
      prefix: env.TUNEBOARD_S3_PREFIX,
      region: env.TUNEBOARD_S3_REGION,
      endpoint: env.TUNEBOARD_S3_ENDPOINT,
      forcePathStyle: env.TUNEBOARD_S3_FORCE_PATH_STYLE ?? env.TUNEBOARD_S3_ENDPOINT !== undefined,
      credentials:
        env.TUNEBOARD_S3_ACCESS_KEY_ID && env.TUNEBOARD_S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.TUNEBOARD_S3_ACCESS_KEY_ID, secretAccessKey: env.TUNEBOARD_S3_SECRET_ACCESS_KEY }
          : undefined,
    });
    return { store };
  }
  const signer = new UrlSigner(env.TUNEBOARD_ARTIFACT_SIGNING_KEY);
  const filesystem = new FilesystemStore(env.artifactsDir, signer);
  return { store: filesystem, filesystem, signer };
}
