#!/usr/bin/env python3
"""Prints a seeded random sample of evaluation pages as "set/id" lines.

usage: python3 tests/quality/make_sample.py [--eval-dir ../shared/eval] [--size 200] [--seed 1]

Each set gets a share proportional to its number of pages, at least --min-per-set.
The output is checked in as tests/quality/sample.txt and then stays fixed, so that
the quality gate always measures the same pages.
"""
import argparse, random, re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def page_ids(html_dir):
    return sorted(re.sub(r"\.html?(\.gz)?$", "", p.name) for p in html_dir.iterdir()
                  if re.search(r"\.html?(\.gz)?$", p.name))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", default=str(REPO.parent / "shared" / "eval"))
    ap.add_argument("--size", type=int, default=200)
    ap.add_argument("--min-per-set", type=int, default=6)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    data = Path(a.eval_dir) / "data"
    ids = {d.name: page_ids(d / "html") for d in sorted(data.iterdir()) if (d / "html").is_dir()}
    total = sum(len(v) for v in ids.values())
    rng = random.Random(a.seed)
    print("# The quality gate's fixed sample of evaluation pages (set/id); do not edit. Made with:")
    print(f"#   python3 tests/quality/make_sample.py --size {a.size} --min-per-set {a.min_per_set}"
          f" --seed {a.seed} > tests/quality/sample.txt")
    for set_name, set_ids in ids.items():
        count = min(len(set_ids), max(a.min_per_set, round(a.size * len(set_ids) / total)))
        for page_id in sorted(rng.sample(set_ids, count)):
            print(f"{set_name}/{page_id}")


if __name__ == "__main__":
    main()
