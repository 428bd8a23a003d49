/** What npm run test:deploy (run.ts, compose.ts) takes from its environment (test-deploy.sh sets the tag). */
export function readDeployTestEnv(source: Record<string, string | undefined> = process.env) {
  return {
    /** podman (default) or docker. */
    engine: source.CONTAINER_ENGINE || 'podman',
    /** The Compose command for compose.ts: `podman-compose` with Podman, `docker compose` with Docker. */
    compose: (source.CONTAINER_ENGINE || 'podman') === 'docker' ? ['docker', 'compose'] : ['podman-compose'],
    /** The images' tag (test-<commit> from test-deploy.sh; latest by default). */
    tag: source.TB_DEPLOY_TAG || 'latest',
    /** Leave the pods (or the Compose project) and the network up after the run, to look around. */
    keep: Boolean(source.TB_DEPLOY_KEEP),
    /** Podman's settings (test-deploy.sh sets it); compose.ts passes it on, defaulting to containers.conf here. */
    containersConf: source.CONTAINERS_CONF || '',
  };
}

/** The environment of the engine and Compose commands the tests run: this process's, with `extra` on top. */
export function commandEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
