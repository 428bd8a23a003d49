#!/usr/bin/env bash
# Builds Tuneboard's images with Podman (or Docker: CONTAINER_ENGINE=docker) from this checkout, no registry needed:
#
#   deploy/images/build.sh [--base debootstrap|IMAGE] [--tag TAG] [--only api,web,runner,postgres,runner-gpu]
#
# --base debootstrap (default): a Debian bookworm base made here with `debootstrap --variant=minbase` and imported
#   once (localhost/tuneboard-base:bookworm); Node is the host's binary (it must satisfy package.json's engines).
# --base IMAGE: any image with Node (e.g. docker.io/library/node:22-bookworm-slim) where a registry is reachable.
# The API and runner images hold the git-tracked sources of their workspaces and, copied from this checkout's
# node_modules (run `npm ci` first), only the packages their production dependencies need (stage.mjs); the
# dashboard's image holds Next.js's standalone output (built here with TUNEBOARD_WEB_STANDALONE=1).
# Images: localhost/tuneboard-{api,web,runner,postgres}:TAG (default: the short commit), also tagged :latest.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
engine=${CONTAINER_ENGINE:-podman}
base=debootstrap
only=api,web,runner,postgres
tag=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo dev)
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=$2; shift 2 ;;
    --tag) tag=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
version=$(node -p "require('$root/apps/api/package.json').version")
revision=$(git -C "$root" rev-parse HEAD 2>/dev/null || echo unknown)
work=${TUNEBOARD_IMAGE_WORK:-$(mktemp -d)}
# Removing the staged trees takes long on a busy disk: it goes on in the background once the images are built.
trap '[ -n "${TUNEBOARD_IMAGE_WORK:-}" ] || (rm -rf "$work" >/dev/null 2>&1 &)' EXIT
wants() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
t0=$(date +%s)
say() { printf '[build %3ss] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }
build() { # build NAME CONTAINERFILE CONTEXT [--build-arg …]
  local name=$1 file=$2 ctx=$3; shift 3
  "$engine" build -q --layers -f "$file" -t "localhost/tuneboard-$name:$tag" -t "localhost/tuneboard-$name:latest" \
    --build-arg VERSION="$version" --build-arg REVISION="$revision" "$@" "$ctx" >/dev/null
  say "localhost/tuneboard-$name:$tag ($("$engine" image inspect --format '{{.Size}}' "localhost/tuneboard-$name:$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
}

# 1. The Debian base.
if [ "$base" = debootstrap ]; then
  base_image=localhost/tuneboard-base:bookworm
  if ! "$engine" image exists "$base_image" 2>/dev/null; then
    command -v debootstrap >/dev/null || { echo 'build.sh: debootstrap is not installed (apt-get install debootstrap)' >&2; exit 1; }
    say "debootstrap --variant=minbase bookworm"
    cache=${TUNEBOARD_DEBOOTSTRAP_CACHE:-/var/cache/tuneboard-debootstrap}
    mkdir -p "$cache"
    debootstrap --variant=minbase --cache-dir="$cache" bookworm "$work/rootfs" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$work/debootstrap.log" 2>&1 \
      || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" -c . | "$engine" import --change 'CMD ["/bin/bash"]' - "$base_image" >/dev/null
    rm -rf "$work/rootfs"
    say "$base_image imported"
  fi
else
  base_image=$base
fi

# 2. The Node layer.
if wants api || wants web || wants runner || wants runner-gpu; then
  mkdir -p "$work/node/node-dist"
  if [ "$base" = debootstrap ]; then
    node -e "
      const range = require('$root/package.json').engines.node;
      const [maj, min] = process.versions.node.split('.').map(Number);
      const ok = range.split('||').some((part) => {
        const m = part.trim().match(/^(\\^|>=)(\\d+)\\.(\\d+)/);
        return m && (m[1] === '>=' ? maj > +m[2] || (maj === +m[2] && min >= +m[3]) : maj === +m[2] && min >= +m[3]);
      });
      if (!ok) { console.error('build.sh: the host Node ' + process.version + ' is outside engines ' + range + ': install a supported Node or use --base'); process.exit(1); }"
    mkdir -p "$work/node/node-dist/bin"
    cp "$(command -v node)" "$work/node/node-dist/bin/node"
  fi
  tini=$(command -v tini-static || true)
  [ -n "$tini" ] || { echo 'build.sh: tini-static is not installed (apt-get install tini)' >&2; exit 1; }
  cp "$tini" "$work/node/tini-static"
  cp /etc/ssl/certs/ca-certificates.crt "$work/node/ca-certificates.crt"
  build node "$here/node.Containerfile" "$work/node" --build-arg BASE="$base_image"
fi
node_image="localhost/tuneboard-node:$tag"

# 3. The images.
if wants api; then
  mkdir -p "$work/api"
  # The API uses the runner's objective schema only (a zod module): not TensorFlow.js nor the datasets.
  node "$here/stage.mjs" "$work/api/ctx" @tuneboard/api --without @tensorflow/tfjs,@tensorflow/tfjs-backend-wasm,mnist >/dev/null
  build api "$here/api.Containerfile" "$work/api" --build-arg NODE_IMAGE="$node_image"
fi
if wants runner || wants runner-gpu; then
  mkdir -p "$work/runner"
  node "$here/stage.mjs" "$work/runner/ctx" @tuneboard/runner >/dev/null
  build runner "$here/runner.Containerfile" "$work/runner" --build-arg NODE_IMAGE="$node_image"
fi
if wants runner-gpu; then
  build runner-gpu "$here/runner-gpu.Containerfile" "$here" --build-arg RUNNER_IMAGE="localhost/tuneboard-runner:$tag"
fi
if wants web; then
  dist=.next-image
  (cd "$root/apps/web" && TUNEBOARD_WEB_STANDALONE=1 NEXT_DIST_DIR=$dist NEXT_TELEMETRY_DISABLED=1 npx next build >"$work/web-build.log" 2>&1) \
    || { tail -30 "$work/web-build.log" >&2; exit 1; }
  mkdir -p "$work/web/ctx"
  cp -a "$root/apps/web/$dist/standalone/." "$work/web/ctx/"
  mkdir -p "$work/web/ctx/apps/web/$dist"
  cp -a "$root/apps/web/$dist/static" "$work/web/ctx/apps/web/$dist/static"
  [ ! -d "$root/apps/web/public" ] || cp -a "$root/apps/web/public" "$work/web/ctx/apps/web/public"
  say "dashboard built (next build, standalone)"
  build web "$here/web.Containerfile" "$work/web" --build-arg NODE_IMAGE="$node_image"
fi
if wants postgres; then
  build postgres "$here/postgres.Containerfile" "$here" --build-arg BASE="$base_image"
fi
say "done"
