#!/usr/bin/env bash
# npm run test:deploy: installs Podman and what the image build needs (Debian packages, as root), builds the images
# (deploy/images/build.sh) and runs deploy/test/run.ts against them. Run it from a checkout after `npm ci`. It also
# installs podman-compose, for npm run test:compose (deploy/test/compose.ts) on the :latest images it leaves.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
export CONTAINERS_CONF=${CONTAINERS_CONF:-$root/deploy/test/containers.conf}
t0=$(date +%s)

need=()
for pair in podman:podman buildah:buildah runc:runc catatonit:catatonit debootstrap:debootstrap tini-static:tini iptables:iptables \
  /usr/lib/podman/netavark:netavark /usr/lib/podman/aardvark-dns:aardvark-dns newuidmap:uidmap podman-compose:podman-compose; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || [ -x "${pair%%:*}" ] || need+=("${pair#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing ${need[*]} (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y --no-install-recommends "${need[@]}"; }
fi
podman --version

tag=test-$(git rev-parse --short HEAD 2>/dev/null || echo dev)
deploy/images/build.sh --tag "$tag" --only api,web,runner,postgres
echo "images built in $(( $(date +%s) - t0 )) s"
status=0
TB_DEPLOY_TAG=$tag node --import tsx deploy/test/run.ts || status=$?
# The :latest tags keep the layers for the next build's cache; this run's own tags go.
for name in api web runner postgres node; do podman rmi "localhost/tuneboard-$name:$tag" >/dev/null 2>&1 || true; done
echo "test:deploy took $(( $(date +%s) - t0 )) s"
exit $status
