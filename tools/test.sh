#!/usr/bin/env bash
# The test suite: unit, golden and CLI tests plus the quality gate, in the
# release build and again under AddressSanitizer + UndefinedBehaviorSanitizer;
# the Python package's tests against the release build.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
ctest --test-dir build --output-on-failure -j "$jobs"
# The package as built in build/python, not an installed copy.
PYTHONPATH="$PWD/build/python" LEDE_CLI="$PWD/build/lede" \
  /usr/bin/python3 -m pytest -p no:cacheprovider -q python/tests

cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLEDE_SANITIZE=ON >/dev/null
cmake --build build-asan
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -E quality_gate
