#!/usr/bin/python3
"""Per-page time through the Python module (lede.extract) against the command
line (lede extract) on the same pages: what calling lede from Python costs.

  /usr/bin/python3 bench/python.py [--lede build/lede]
      [--pages ../shared/eval/data/wcxb-dev/html] [--limit 500] [--repeat 3]

The module is the one built beside the command line (build/python).

The pages (*.html.gz) are gunzipped once into a scratch folder, so that both
sides read the same plain files from the page cache. The command line gets
all of them in one process (one thread, its start amortised); Python reads
each file and calls lede.extract in a loop. Each side runs --repeat times and
keeps its fastest run; times are CPU seconds (user + system) per page, in
txt and json output. Python's overhead is (python - cli) / cli; the target
is 10% at most.
"""
import argparse
import glob
import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_cli(lede_cli, files, output_format):
    before = child_cpu()
    subprocess.run([lede_cli, "extract", "--format", output_format, *files], stdout=subprocess.DEVNULL, check=True)
    return child_cpu() - before


def time_python(lede, files, output_format):
    sink = 0
    before = time.process_time()
    for path in files:
        with open(path, "rb") as f:
            text = lede.extract(f.read(), output_format=output_format)
        sink += len(text or "")
    return time.process_time() - before


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lede", default=os.path.join(ROOT, "build", "lede"), help="the command line")
    parser.add_argument("--pages", default=os.path.join(ROOT, "..", "shared", "eval", "data", "wcxb-dev", "html"),
                        help="folder of *.html.gz pages")
    parser.add_argument("--limit", type=int, default=500, help="pages to use (0: all)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(args.lede)), "python"))
    import lede

    sources = sorted(glob.glob(os.path.join(args.pages, "*.html.gz")))
    if args.limit:
        sources = sources[:args.limit]
    if not sources:
        sys.exit("bench/python.py: no *.html.gz pages in " + args.pages)
    with tempfile.TemporaryDirectory(prefix="lede-bench-python-") as scratch:
        files = []
        for source in sources:
            path = os.path.join(scratch, os.path.basename(source)[:-3])
            with gzip.open(source, "rb") as f, open(path, "wb") as out:
                out.write(f.read())
            files.append(path)
        # lede.extract must say what the command line says about every page.
        for path in files[:50]:
            with open(path, "rb") as f:
                cli = subprocess.run([args.lede, "extract", path], capture_output=True, check=False).stdout
                ours = lede.extract(f.read())
            if ours is not None and cli.decode("utf-8") != ours + "\n":
                sys.exit("bench/python.py: lede.extract and the command line differ on " + path)
        print("lede %s (%s), %d pages, best of %d runs, CPU ms per page" % (
            lede.__version__, lede.__file__, len(files), args.repeat))
        print("%-6s %8s %8s %9s" % ("format", "cli", "python", "overhead"))
        for output_format in ("txt", "json"):
            # Interleaved, so that a busy spell on the machine hits both sides.
            runs = [(time_cli(args.lede, files, output_format), time_python(lede, files, output_format))
                    for _ in range(args.repeat)]
            cli, python = min(r[0] for r in runs), min(r[1] for r in runs)
            print("%-6s %8.3f %8.3f %+8.1f%%" % (output_format, 1000 * cli / len(files), 1000 * python / len(files),
                                                100 * (python - cli) / cli))


if __name__ == "__main__":
    main()
