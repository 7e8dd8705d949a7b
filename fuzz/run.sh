#!/bin/sh
# Builds a fuzzer (clang, libFuzzer, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs it for SECONDS, in FUZZ_JOBS processes.
# It builds into build-fuzz/ of this checkout; everything else it makes lives
# outside the repository, in $FUZZ_WORK: the seeds, the corpus it grows and
# its findings (crash-*, leak-*, timeout-*, oom-*).
#
# Usage: fuzz/run.sh [SECONDS] [TARGET]   (default 60 seconds, target parse)
# Targets: parse  the HTML5 parser; seeds: html5lib-tests inputs and a few
#                 evaluation pages; corpus in $FUZZ_WORK/corpus
#          warc   the WARC reader and the HTTP response parser; seeds: small
#                 WARC files of evaluation pages, plain, gzip (per record and
#                 whole), zstd, with chunked and encoded HTTP bodies; corpus in
#                 $FUZZ_WORK/warc-corpus
#          jsonl  the JSONL line and record readers; seeds: small JSONL files,
#                 plain and gzip; corpus in $FUZZ_WORK/jsonl-corpus
# Environment: FUZZ_WORK (default /tmp/lede-fuzz), FUZZ_JOBS (default 1),
#              FUZZ_MAX_LEN (default 65536 bytes), FUZZ_BUILD (default
#              build-fuzz/ of this checkout).
# Needs: clang, libclang-rt-14-dev (libFuzzer), cmake, ninja, libuchardet-dev,
#        libisal-dev, libzstd-dev, libbrotli-dev, libsimdjson-dev; zstd for
#        the warc seeds.
set -eu

seconds=${1:-60}
target=${2:-parse}
case "$target" in
  parse | warc | jsonl) ;;
  *) echo "fuzz/run.sh: unknown target '$target' (parse, warc or jsonl)" >&2; exit 2 ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
shared=$(dirname "$root")/shared
work=${FUZZ_WORK:-/tmp/lede-fuzz}
jobs=${FUZZ_JOBS:-1}
max_len=${FUZZ_MAX_LEN:-65536}

build=${FUZZ_BUILD:-$root/build-fuzz}
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
ninja -C "$build" -j2 "${target}_fuzzer"

# Several jobs log to fuzz-N.log in $work.
parallel=""
if [ "$jobs" -gt 1 ]; then parallel="-jobs=$jobs -workers=$jobs"; fi

if [ "$target" = warc ]; then
  seeds=$work/warc-seeds
  if [ ! -d "$seeds" ]; then
    mkdir -p "$seeds.tmp"
    for kind in none gzip gzip-whole; do
      /usr/bin/python3 "$root/bench/make_warc.py" --out "$seeds.tmp/crawl-$kind.warc" \
        --compression "$kind" --records 3 --max-page-bytes 1500 >/dev/null
    done
    /usr/bin/python3 - "$seeds.tmp" <<'PY'
import gzip, os, shutil, subprocess, sys, zlib
seeds = sys.argv[1]

def record(block, kind=b"response"):
    return (b"WARC/1.0\r\nWARC-Type: " + kind + b"\r\nWARC-Target-URI: http://example.org/\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % len(block) + block + b"\r\n\r\n")

page = b"<html><head><title>Seed</title></head><body><p>A page for the fuzzer.</p></body></html>"
def http(body, headers):
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + headers + b"\r\n" + body
def chunked(body):
    return b"".join(b"%x\r\n" % len(body[i:i + 20]) + body[i:i + 20] + b"\r\n"
                    for i in range(0, len(body), 20)) + b"0\r\n\r\n"
records = [
    record(http(chunked(page), b"Transfer-Encoding: chunked\r\n")),
    record(http(gzip.compress(page), b"Content-Encoding: gzip\r\n")),
    record(http(zlib.compress(page), b"Content-Encoding: deflate\r\n")),
    record(http(zlib.compress(page)[2:-4], b"Content-Encoding: deflate\r\n")),
    record(http(page, b"Content-Encoding: br\r\n")),
    record(http(chunked(gzip.compress(page)), b"Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n")),
    record(b"<html>a resource</html>", b"resource"),
]
with open(os.path.join(seeds, "http.warc"), "wb") as out:
    out.write(b"".join(records))
with open(os.path.join(seeds, "http.warc.gz"), "wb") as out:
    out.write(b"".join(gzip.compress(r, mtime=0) for r in records))
if shutil.which("zstd"):
    frames = [subprocess.run(["zstd", "-q", "-c", "--check"], input=r, stdout=subprocess.PIPE,
                             check=True).stdout for r in records[:3]]
    with open(os.path.join(seeds, "http.warc.zst"), "wb") as out:
        out.write(b"".join(frames))
# The first byte of an input configures the fuzzer (buffer size, block limit).
for name in os.listdir(seeds):
    path = os.path.join(seeds, name)
    data = open(path, "rb").read()
    for config in (b"\x02", b"\x87"):
        with open(path + "-%02x" % config[0], "wb") as out:
            out.write(config + data)
    os.remove(path)
PY
    mv "$seeds.tmp" "$seeds"
  fi
  corpus=$work/warc-corpus
  mkdir -p "$corpus"
  cd "$work"
  exec "$build/warc_fuzzer" "$corpus" "$seeds" -dict="$here/warc.dict" -max_len="$max_len" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    $parallel
fi

if [ "$target" = jsonl ]; then
  seeds=$work/jsonl-seeds
  if [ ! -d "$seeds" ]; then
    mkdir -p "$seeds.tmp"
    /usr/bin/python3 - "$seeds.tmp" <<'PY'
import gzip, json, os, sys
seeds = sys.argv[1]
lines = [json.dumps({"id": i, "url": "https://example.org/%d" % i,
                     "html": "<p>Page \u00e9 %d</p>" % i}) for i in range(3)]
lines += ['{"html": "\\ud83d\\ude00 <b>x</b>", "id": "a"}', '{"html": 5}', "[1, 2]", "{bad"]
text = ("\n".join(lines) + "\r\n").encode()
for name, data in (("pages.jsonl", text), ("pages.jsonl.gz", gzip.compress(text, mtime=0)),
                   ("lines.jsonl.gz", b"".join(gzip.compress(l.encode() + b"\n", mtime=0) for l in lines))):
    with open(os.path.join(seeds, name), "wb") as out:
        out.write(b"\x00" + data)
PY
    mv "$seeds.tmp" "$seeds"
  fi
  corpus=$work/jsonl-corpus
  mkdir -p "$corpus"
  cd "$work"
  exec "$build/jsonl_fuzzer" "$corpus" "$seeds" -max_len="$max_len" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 $parallel
fi

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

cd "$work"
exec "$build/parse_fuzzer" "$corpus" "$seeds" -dict="$here/html.dict" -max_len="$max_len" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
  $parallel
