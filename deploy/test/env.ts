/** What npm run test:deploy takes from its environment (deploy/test/test-deploy.sh sets the tag). */
export function readDeployTestEnv(source: Record<string, string | undefined> = process.env) {
  return {
    /** podman (default) or docker. */
    engine: source.CONTAINER_ENGINE || 'podman',
    /** The images' tag (test-<commit> from test-deploy.sh; latest by default). */
    tag: source.TB_DEPLOY_TAG || 'latest',
    /** Leave the pods and the network up after the run, to look around. */
    keep: Boolean(source.TB_DEPLOY_KEEP),
  };
}
