#!/usr/bin/env bash
# Rewrites tests/golden/expected/*.json with what the current extractor
# returns for the golden pages. Run it when a change to the output is
# intended, then review the diff before it is committed.
#   tools/update-golden.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target lede_tests
LEDE_UPDATE_GOLDEN=1 "$build/tests/lede_tests" --gtest_filter='Golden.*' --gtest_brief=1
git --no-pager diff --stat -- tests/golden/expected 2>/dev/null || true
