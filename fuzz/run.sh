#!/bin/sh
# Builds the parser fuzzer (clang, libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs it for SECONDS, in FUZZ_JOBS processes.
# It builds into build-fuzz/ of this checkout; everything else it makes lives
# outside the repository, in $FUZZ_WORK: the seeds (html5lib-tests inputs and a few evaluation pages), the corpus it
# grows and its findings (crash-*, leak-*, timeout-*, oom-*).
#
# Usage: fuzz/run.sh [SECONDS] (default 60)
# Environment: FUZZ_WORK (default /tmp/lede-fuzz), FUZZ_JOBS (default 1),
#              FUZZ_MAX_LEN (default 65536 bytes).
# Needs: clang, libclang-rt-14-dev (libFuzzer), cmake, ninja, libuchardet-dev.
set -eu

seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=$(dirname "$root")/shared
work=${FUZZ_WORK:-/tmp/lede-fuzz}
jobs=${FUZZ_JOBS:-1}
max_len=${FUZZ_MAX_LEN:-65536}

build=$root/build-fuzz
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
ninja -C "$build" -j2 parse_fuzzer

# Seeds, kept apart from the corpus the fuzzer grows: the input of every
# html5lib tokenizer and tree-construction test, and the first pages of each
# evaluation set.
seeds=$work/seeds
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds.tmp"
  /usr/bin/python3 - "$shared/html5lib-tests" "$seeds.tmp" <<'PY'
import glob, json, os, sys
tests, seeds = sys.argv[1], sys.argv[2]
inputs = set()
for path in glob.glob(os.path.join(tests, "tree-construction", "*.dat")):
    lines = open(path, "rb").read().split(b"\n")
    for i, line in enumerate(lines):
        if line == b"#data":
            end = lines.index(b"#errors", i)
            inputs.add(b"\n".join(lines[i + 1:end]))
for path in glob.glob(os.path.join(tests, "tokenizer", "*.test")):
    for test in json.load(open(path, encoding="utf-8")).get("tests", []):
        inputs.add(test["input"].encode("utf-8", "surrogatepass"))
for number, data in enumerate(sorted(inputs)):
    with open(os.path.join(seeds, "html5lib-%05d" % number), "wb") as out:
        out.write(data)
PY
  for set in "$shared"/eval/data/*/html; do
    name=$(basename "$(dirname "$set")")
    for page in $(ls "$set" | head -n 5); do
      gzip -dc "$set/$page" | head -c "$max_len" > "$seeds.tmp/eval-$name-${page%.html.gz}"
    done
  done
  mv "$seeds.tmp" "$seeds"
fi
corpus=$work/corpus
mkdir -p "$corpus"

# Several jobs log to fuzz-N.log in $work.
parallel=""
if [ "$jobs" -gt 1 ]; then parallel="-jobs=$jobs -workers=$jobs"; fi

cd "$work"
exec "$build/parse_fuzzer" "$corpus" "$seeds" -dict="$here/html.dict" -max_len="$max_len" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  $parallel
