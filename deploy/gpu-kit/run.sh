#!/usr/bin/env bash
# Tuneboard GPU device check (built by `npm run gpu:kit`; docs/runners.md, "The GPU kit"). Runs on a bare x86-64
# Linux host: no Node, no internet. ./run.sh [--cpu-only] — GPU mode when nvidia-smi lists a GPU, else CPU-only.
# Exits non-zero when a study did not complete or, in GPU mode, when any trial did not train on the GPU.
set -uo pipefail
kit="$(cd "$(dirname "$0")" && pwd)"
work="${TUNEBOARD_KIT_WORK:-$kit/.work}"
payload="$(ls "$kit"/payload.tar.* 2>/dev/null | head -n 1)"
[ -n "$payload" ] || { echo "run.sh: no payload.tar.* beside run.sh" >&2; exit 2; }

stamp="$(stat -c '%s %Y' "$payload")"
if [ ! -f "$work/.stamp" ] || [ "$(cat "$work/.stamp")" != "$stamp" ]; then
  echo "== unpacking $(basename "$payload") into $work"
  rm -rf "$work" && mkdir -p "$work"
  case "$payload" in
    *.xz) if command -v xz >/dev/null; then tar -C "$work" -xJf "$payload"
          else python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' "$payload" "$work"; fi ;;
    *) tar -C "$work" -xzf "$payload" ;;
  esac || { echo "run.sh: unpacking failed (needs tar with xz, or python3)" >&2; exit 2; }
  echo "$stamp" > "$work/.stamp"
fi

echo "== (a) GPU and Vulkan environment"
uname -srm
if command -v nvidia-smi >/dev/null; then
  nvidia-smi -L
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null
else
  echo "nvidia-smi: not found"
fi
# NVIDIA's container toolkit mounts the Vulkan driver's manifest here rather than in /usr/share/vulkan/icd.d.
if [ -z "${VK_DRIVER_FILES:-}" ] && [ -z "${VK_ICD_FILENAMES:-}" ]; then
  for icd in /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json /usr/share/vulkan/icd.d/nvidia_icd.json /etc/vulkan/icd.d/nvidia_icd.json; do
    if [ -f "$icd" ]; then export VK_DRIVER_FILES="$icd"; break; fi
  done
fi
echo "VK_DRIVER_FILES=${VK_DRIVER_FILES:-<unset>} VK_ICD_FILENAMES=${VK_ICD_FILENAMES:-<unset>}"
for folder in /usr/share/vulkan/icd.d /etc/vulkan/icd.d /usr/local/share/vulkan/icd.d /usr/local/nvidia/share/vulkan/icd.d; do
  [ -d "$folder" ] && echo "Vulkan driver manifests in $folder: $(ls "$folder" | tr '\n' ' ')"
done
if ldconfig -p 2>/dev/null | grep -q 'libvulkan.so.1 '; then
  echo "Vulkan loader: the host's ($(ldconfig -p | grep 'libvulkan.so.1 ' | head -n 1 | sed 's/.*=> //'))"
elif [ -f "$work/lib/libvulkan.so.1" ]; then
  export LD_LIBRARY_PATH="$work/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "Vulkan loader: the kit's (Debian libvulkan1, $work/lib)"
else
  echo "Vulkan loader: none (the host has no libvulkan.so.1 and the kit carries none)"
fi
echo "glibc: $(ldd --version 2>/dev/null | head -n 1) (the kit's Node needs 2.28, webgpu's dawn.node 2.34)"
host_cxx="$(ldconfig -p 2>/dev/null | grep 'libstdc++.so.6 (libc6,x86-64)' | head -n 1 | sed 's/.*=> //')"
if [ -f "$work/lib/compat/libstdc++.so.6" ] && ! { [ -n "$host_cxx" ] && grep -q GLIBCXX_3.4.30 "$host_cxx"; }; then
  export LD_LIBRARY_PATH="$work/lib/compat${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  echo "libstdc++: the host's lacks GLIBCXX_3.4.30 (dawn.node needs it): using the kit's"
fi
if command -v vulkaninfo >/dev/null; then vulkaninfo --summary 2>&1 | sed -n '1,40p'; else echo "vulkaninfo: not found"; fi
if command -v python3 >/dev/null; then
  python3 -c 'import torch; print("python3", __import__("sys").version.split()[0], "torch", torch.__version__, "CUDA", torch.cuda.is_available(), torch.cuda.get_device_name(0) if torch.cuda.is_available() else "")' 2>&1 | tail -n 1
else
  echo "python3: not found"
fi

exec "$work/bin/node" "$work/app/dist/kit.mjs" --kit "$work" "$@"
