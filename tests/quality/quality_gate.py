#!/usr/bin/env python3
"""Quality gate: lede's mean word F1 on a fixed sample of evaluation pages.

usage: quality_gate.py --lede PATH [--eval-dir ../shared/eval] [--sample sample.txt]
                       [--work-dir DIR]

Runs `lede extract --jsonl` on the pages listed in sample.txt (one lede process
per set), scores each page's `text` with score.py's word F1 (lowercase \\w+ bag
of words), and prints the mean per set and overall. Fails (exit 1) when the
overall mean is below FLOOR, when the comments' mean is below COMMENTS_FLOOR or
they come back on more than SPURIOUS_CEILING of the pages without, when a page yields an `error` record or no record,
or when lede does not run. Exits 77 (skipped) when the evaluation data is absent.
"""
import argparse, concurrent.futures, importlib.util, json, statistics, subprocess, sys, tempfile
from collections import defaultdict
from pathlib import Path

# Measured 0.9081 on 2026-11-29 (after the headline-anchor, flat-comments and shop rounds); the
# floor is that minus 0.01. Raise it as quality rises. Later that day 0.9061: raw JSON is no
# longer taken for content, and one sampled category page (wcxb-dev 0655), whose gold is the
# whole page, had matched it by its product names (0.666 to 0.249). 0.9078 after the peer-win
# rounds (their gains are on pages outside the sample but for a few Dragnet and CleanEval ones).
FLOOR = 0.8981
# The run is made with --comments (the text is the same with or without), and the sample's
# comments are scored against the gold's comments_text: 2026-11-29, 24 pages with comments
# gave word F1 0.8567, and comments came back on 21.2% of the 66 pages whose gold has none
# (notices and widgets named for comments). With so few pages the margins are wider: the
# floor is 0.02 below, the ceiling three pages above.
COMMENTS_FLOOR = 0.8367
SPURIOUS_CEILING = 0.26

HERE = Path(__file__).resolve().parent
SKIPPED = 77
LEDE_TIMEOUT_S = 90


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lede", required=True)
    ap.add_argument("--eval-dir", default=str(HERE.parent.parent.parent / "shared" / "eval"))
    ap.add_argument("--sample", default=str(HERE / "sample.txt"))
    ap.add_argument("--work-dir", help="where lede's outputs go (default: a fresh folder in /tmp)")
    return ap.parse_args()


def load_scorer(eval_dir):
    spec = importlib.util.spec_from_file_location("lede_eval_score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_sample(path):
    """{set: [id, ...]} from "set/id" lines, in file order."""
    sample = defaultdict(list)
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            set_name, page_id = line.split("/", 1)
            sample[set_name].append(page_id)
    return sample


def run_lede(lede, eval_dir, set_name, ids, work_dir):
    """lede's records for one set's sampled pages, by id; raises on a failed run."""
    out = work_dir / f"{set_name}.jsonl"
    out.unlink(missing_ok=True)
    files = [str(eval_dir / "data" / set_name / "html" / f"{i}.html.gz") for i in ids]
    # --comments: the text is the same, and the comments are scored too.
    run = subprocess.run([lede, "extract", "--jsonl", "--comments", "-o", str(out), *files],
                         capture_output=True, text=True, timeout=LEDE_TIMEOUT_S)
    if not out.exists():
        raise RuntimeError(f"lede wrote no output for {set_name} (exit {run.returncode}):\n"
                           f"{run.stderr[-2000:]}")
    with open(out, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, filter(str.strip, f))}


def score_sample(scorer, eval_dir, sample, outputs):
    """({set: [word F1 per page]}, [comments' word F1 per page whose gold has
    comments], [whether comments came back, per page whose gold says it has
    none], [problem, ...])."""
    f1_by_set, comments_f1, spurious, problems = {}, [], [], []
    for set_name, ids in sample.items():
        truth = eval_dir / "data" / set_name / "truth.jsonl"
        gold = {g["id"]: g for g in scorer.load_jsonl(str(truth))}
        f1_by_set[set_name] = []
        for page_id in ids:
            record = outputs[set_name].get(page_id, {})
            if not record:
                problems.append(f"{set_name}/{page_id}: no output record")
            elif "error" in record:
                problems.append(f"{set_name}/{page_id}: error: {record['error']}")
            if page_id not in gold:
                problems.append(f"{set_name}/{page_id}: not in truth.jsonl (stale sample?)")
                continue
            # As in score.py, a page without text scores as an empty extraction.
            text = record.get("text") or ""
            f1_by_set[set_name].append(scorer.word_prf(text, gold[page_id]["text"])[2])
            if "comments_text" in gold[page_id]:
                expected = scorer.as_text(gold[page_id]["comments_text"] or "")
                returned = record.get("comments") or ""
                if scorer.tokens(expected):
                    comments_f1.append(scorer.word_prf(returned, expected)[2])
                else:
                    spurious.append(bool(scorer.tokens(returned)))
    return f1_by_set, comments_f1, spurious, problems


def main():
    a = parse_args()
    eval_dir = Path(a.eval_dir).resolve()
    if not (eval_dir / "score.py").is_file() or not (eval_dir / "data").is_dir():
        print(f"skipped: no evaluation data in {eval_dir}")
        return SKIPPED
    sample = read_sample(a.sample)
    work_dir = Path(a.work_dir) if a.work_dir else Path(tempfile.mkdtemp(prefix="lede-quality-"))
    work_dir.mkdir(parents=True, exist_ok=True)

    try:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            outputs = dict(zip(sample, pool.map(
                lambda s: run_lede(a.lede, eval_dir, s, sample[s], work_dir), sample)))
    except (OSError, RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"FAIL {e}")
        return 1
    f1_by_set, comments_f1, spurious, problems = score_sample(load_scorer(eval_dir), eval_dir, sample, outputs)

    print(f"quality gate: {sum(map(len, sample.values()))} pages, outputs in {work_dir}")
    for set_name, values in f1_by_set.items():
        mean = statistics.mean(values) if values else 0.0
        print(f"  {set_name:16} {len(values):4} pages  word F1 {mean:.4f}")
    every_page = [f for values in f1_by_set.values() for f in values]
    overall = statistics.mean(every_page) if every_page else 0.0
    print(f"  {'overall':16} {len(every_page):4} pages  word F1 {overall:.4f}"
          f"  (floor {FLOOR:.4f})")

    comments = statistics.mean(comments_f1) if comments_f1 else 0.0
    spurious_share = statistics.mean(spurious) if spurious else 0.0
    print(f"  {'comments':16} {len(comments_f1):4} pages  word F1 {comments:.4f}  (floor {COMMENTS_FLOOR:.4f}); "
          f"returned on {spurious_share:.1%} of {len(spurious)} pages without (ceiling {SPURIOUS_CEILING:.1%})")

    for problem in problems:
        print("FAIL " + problem)
    failed = bool(problems)
    for ok, what in ((overall >= FLOOR, f"overall word F1 {overall:.4f} is below the floor {FLOOR:.4f}"),
                     (comments >= COMMENTS_FLOOR,
                      f"comments word F1 {comments:.4f} is below the floor {COMMENTS_FLOOR:.4f}"),
                     (spurious_share <= SPURIOUS_CEILING,
                      f"comments returned on {spurious_share:.1%} of the pages without, "
                      f"above the ceiling {SPURIOUS_CEILING:.1%}")):
        if not ok:
            print("FAIL " + what)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
