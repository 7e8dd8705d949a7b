#!/usr/bin/env bash
# Installs lede's build dependencies (Debian 12), builds it into build/ and
# installs the Python package `lede` for Debian's python3 (/usr/local).
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(build-essential cmake ninja-build pkg-config python3
          zlib1g-dev libuchardet-dev libgtest-dev libcld2-dev
          libisal-dev libzstd-dev libbrotli-dev libsimdjson-dev   # crawl inputs
          python3-dev python3-pybind11 # the Python module (python/)
          python3-pytest python3-distributed  # its tests; lede.dask
          libgumbo-dev libxml2-dev     # for bench_parse only
          clang libclang-rt-14-dev)    # for the parser fuzzer (fuzz/run.sh)
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
# Into /usr/local/lib/python3.X/dist-packages, on Debian's python3 path and
# outside what apt manages (see README, "Python").
$sudo_cmd cmake --install build --component python >/dev/null
