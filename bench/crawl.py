#!/usr/bin/python3
"""The crawl benchmark of issue 5: lede on a WARC file against decompression
alone, one thread against all, and peak memory against the file's size.

  python3 bench/crawl.py --lede build/lede [--mb 500] [--big 5] [--rounds 3] [--work /tmp/lede-crawl]

Builds (once, in --work) a WARC.gz of about --mb MB from the evaluation pages
with bench/make_warc.py, and one --big times larger, then on each measures
the wall time of `gzip -dc FILE > /dev/null`, of `lede extract -j1` and of
`lede extract -jN` (N = all cores), their CPU time and peak RSS, and checks
that -j1 and -jN wrote the same bytes. Prints a Markdown table.

The commands run in turn, --rounds times; each row shows a command's fastest
round (other processes only ever slow a run down, so the minimum is the
closest to its own cost) and, after it, its slowest.
"""
import argparse
import filecmp
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def make_warc(path, mb):
    if os.path.exists(path):
        return
    subprocess.run([sys.executable, os.path.join(HERE, "make_warc.py"), "--out", path + ".part",
                    "--target-mb", str(mb)], check=True)
    os.rename(path + ".part", path)


def measure(argv, stdout=subprocess.DEVNULL):
    """Wall seconds, CPU seconds (user + system), peak RSS (MB) and the last
    line of stderr of one command."""
    start = time.monotonic()
    process = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - start
    stderr = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        sys.exit("%s failed (%d): %s" % (" ".join(argv), process.returncode, stderr))
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024.0, stderr.strip().splitlines()[-1] if stderr.strip() else ""


def run_file(lede, warc, work, cores, rounds):
    """Per command: (name, fastest wall s, slowest wall s, CPU s of the fastest
    round, peak RSS MB, summary); and whether -j1 and -jN wrote the same."""
    commands = [("gzip -dc", ["gzip", "-dc", warc], None)]
    for threads in sorted({1, cores}):
        out = os.path.join(work, "out-j%d.jsonl" % threads)
        commands.append(("lede -j%d" % threads, [lede, "extract", "-j%d" % threads, "-o", out, warc], out))
    runs = {name: [] for name, _, _ in commands}
    for _ in range(rounds):
        for name, argv, _ in commands:
            runs[name].append(measure(argv))
    rows = []
    for name, _, _ in commands:
        fastest = min(runs[name])
        rows.append((name, fastest[0], max(r[0] for r in runs[name]), fastest[1],
                     max(r[2] for r in runs[name]), fastest[3]))
    outputs = [out for _, _, out in commands if out]
    same = all(filecmp.cmp(outputs[0], o, shallow=False) for o in outputs[1:])
    for o in outputs:
        os.remove(o)
    return rows, same


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lede", default=os.path.join(HERE, "..", "build", "lede"))
    ap.add_argument("--mb", type=int, default=500)
    ap.add_argument("--big", type=int, default=5, help="the second file is this many times larger (0: none)")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each command, in turn")
    ap.add_argument("--work", default="/tmp/lede-crawl")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    cores = os.cpu_count() or 1
    files = [os.path.join(args.work, "crawl-%dmb.warc.gz" % args.mb)]
    if args.big:
        files.append(os.path.join(args.work, "crawl-%dmb.warc.gz" % (args.mb * args.big)))
    print("| file | command | wall s (slowest) | CPU s | vs gzip -dc | vs -j1 | peak RSS MB | summary |")
    print("|---|---|---|---|---|---|---|---|")
    for path in files:
        make_warc(path, int(path.rsplit("-", 1)[1].split("mb")[0]))
        rows, same = run_file(args.lede, path, args.work, cores, max(1, args.rounds))
        gzip_s = rows[0][1]
        j1 = rows[1][1]
        name = "%s (%.0f MB)" % (os.path.basename(path), os.path.getsize(path) / 1e6)
        for command, seconds, slowest, cpu, rss, summary in rows:
            print("| %s | %s | %.1f (%.1f) | %.1f | %.2f× | %s | %.0f | %s |" % (
                name, command, seconds, slowest, cpu, seconds / gzip_s,
                "%.2f×" % (j1 / seconds) if command.startswith("lede") else "", rss, summary))
        print("| %s | -j1 and -j%d output identical: %s | | | | | | |" % (name, cores, "yes" if same else "NO"))


if __name__ == "__main__":
    main()
