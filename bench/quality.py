#!/usr/bin/env python3
"""Run lede over the evaluation sets, score it and its peers, print one table.

usage: python3 bench/quality.py [--lede build/lede] [--sets wcxb-dev,dragnet,...]
           [--out build/quality] [--worst 10] [--peer-wins 0.3] [--jobs 2] [--markdown]
           [--eval-dir ../shared/eval] [--predictions-from PEER]

For every set, lede runs as --jobs parallel processes over interleaved chunks of
the set's pages; its predictions go to OUT/<set>.jsonl and are scored with the
shared score.py (--json), as are the peers' outputs (cached in
OUT/peers-cache.json). All numbers are also written to OUT/summary.json.

lede's ms/page is the CPU time (user + system) of its processes divided by the
number of pages: time on one core, like the peers' mean `ms`, but including
process start, gunzip and JSON output.

--peer-wins GAP lists, per set, the pages where a peer's word F1 beats lede's by
more than GAP: failures of lede's that another tool shows can be avoided, where
the worst pages are often the gold's own convention.

--predictions-from PEER skips lede and scores that peer's output in its place,
to test the harness before the CLI exists.
"""
import argparse, concurrent.futures, gzip, importlib.util, json, os, re, statistics, subprocess, sys, time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PEERS = ("trafilatura", "readability", "resiliparse")
SYSTEMS = ("lede",) + PEERS
# The columns of the main table: header, key in summary.json, path into a
# score.py summary (None: not from score.py).
METRICS = (
    ("word F1", "word_f1", ("word", "f1")),
    ("median", "median_word_f1", ("word", "median_f1")),
    ("shingle F1", "shingle_f1", ("shingle", "f1")),
    ("snippet F1", "snippet_f1", ("snippet", "f1")),
    ("title", "title_exact", ("meta", "title", "match")),
    ("author F1", "author_f1", ("meta", "author_f1", "match")),
    ("date", "date_match", ("meta", "date", "match")),
    ("page type", "page_type_accuracy", ("page_type", "accuracy")),
    ("ms/page", "ms_per_page", None),
)
WORST_LINE = re.compile(r"^\s+(\S+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*$")
PAGE_NAME = re.compile(r"\.html?(\.gz)?$")


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lede", default=str(REPO / "build" / "lede"), help="the lede binary")
    ap.add_argument("--eval-dir", default=str(REPO.parent / "shared" / "eval"),
                    help="holds data/<set>/, peers/<set>/ and score.py")
    ap.add_argument("--sets", help="comma-separated set names (default: all in EVAL_DIR/data)")
    ap.add_argument("--out", default=str(REPO / "build" / "quality"), help="output folder")
    ap.add_argument("--worst", type=int, default=10, help="worst lede pages listed per set")
    ap.add_argument("--peer-wins", type=float, metavar="GAP",
                    help="list the pages where a peer beats lede's word F1 by more than GAP")
    ap.add_argument("--jobs", type=int, default=2, help="parallel lede and scoring processes")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    ap.add_argument("--comments", action="store_true",
                    help="also run lede --comments on the sets whose gold has comments_text, and score them")
    ap.add_argument("--predictions-from", metavar="PEER", choices=PEERS,
                    help="debug: score this peer's output as if it were lede's")
    a = ap.parse_args()
    a.jobs = max(1, a.jobs)
    return a


def dataset_names(eval_dir, requested):
    available = sorted(p.name for p in (eval_dir / "data").iterdir()
                       if (p / "truth.jsonl").is_file())
    if not requested:
        return available
    names = [s.strip() for s in requested.split(",") if s.strip()]
    unknown = [s for s in names if s not in available]
    if unknown:
        sys.exit(f"unknown set(s) {', '.join(unknown)}; available: {', '.join(available)}")
    return names


def load_scorer(score_py):
    spec = importlib.util.spec_from_file_location("lede_eval_score", score_py)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def run_lede(lede, set_dir, out_path, jobs, options=()):
    """Runs lede over the set's pages in `jobs` processes; merges their output into out_path."""
    files = sorted(str(p) for p in (set_dir / "html").iterdir() if PAGE_NAME.search(p.name))
    chunks = [files[k::jobs] for k in range(jobs) if files[k::jobs]]
    parts = [out_path.with_name(f"{out_path.stem}.part{k}.jsonl") for k in range(len(chunks))]
    logs = [p.with_suffix(".err") for p in parts]
    start = time.monotonic()
    procs = []
    for chunk, part, log in zip(chunks, parts, logs):
        with open(log, "wb") as err:
            procs.append(subprocess.Popen([lede, "extract", "--jsonl", *options, "-o", str(part), *chunk],
                                          stdout=subprocess.DEVNULL, stderr=err))
    cpu_seconds, exit_codes = 0.0, []
    for proc in procs:  # wait4 gives each child's own CPU time
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        exit_codes.append(proc.returncode)
        cpu_seconds += usage.ru_utime + usage.ru_stime
    wall_seconds = time.monotonic() - start

    records = []
    for part, log, code in zip(parts, logs, exit_codes):
        if not part.exists():
            sys.exit(f"{lede} wrote no {part} (exit {code}):\n"
                     f"{log.read_text(errors='replace')[-2000:]}")
        records += read_jsonl(part)
        part.unlink()
        if log.stat().st_size == 0:
            log.unlink()
    write_jsonl(out_path, records)
    if any(exit_codes):
        print(f"warning: lede exited with {exit_codes}; see {out_path.stem}.part*.err",
              file=sys.stderr)
    error_ids = [r.get("id") for r in records if "error" in r]
    return {
        "pages": len(files),
        "records": len(records),
        "errors": len(error_ids),
        "error_ids": error_ids[:50],
        "exit_codes": exit_codes,
        "wall_s": round(wall_seconds, 3),
        "cpu_s": round(cpu_seconds, 3),
        "ms_per_page": round(1000 * cpu_seconds / max(1, len(files)), 2),
    }


def copy_peer_predictions(peer_file, out_path):
    records = read_jsonl(peer_file)
    write_jsonl(out_path, records)
    return {"pages": len(records), "records": len(records), "errors": 0,
            "ms_per_page": mean_ms(records), "copied_from": str(peer_file)}


def mean_ms(records):
    values = [r["ms"] for r in records if isinstance(r.get("ms"), (int, float))]
    return round(sum(values) / len(values), 2) if values else None


def score(score_py, set_dir, predictions, worst=0):
    """score.py's JSON summary, plus its `worst` lowest pages by word F1 under "worst"."""
    cmd = [sys.executable, str(score_py), str(set_dir), str(predictions), "--json"]
    if worst:
        cmd += ["--worst", str(worst)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"score.py failed on {predictions}:\n{run.stderr[-2000:]}")
    lines = run.stdout.splitlines()
    summary = json.loads(lines[0])
    summary["worst"] = [
        {"id": m[1], "precision": float(m[2]), "recall": float(m[3]), "f1": float(m[4])}
        for m in map(WORST_LINE.match, lines[1:]) if m]
    return summary


# Gold page types lede does not distinguish: a collection is a listing, a
# service page is "other".
GOLD_PAGE_TYPES = {"collection": "listing", "service": "other"}


def page_type_scores(scorer, set_dir, predictions):
    """lede's page_type against the gold one: accuracy overall and per gold type (no
    page_type counts as wrong), and the precision of the types it did give; None when
    the set has no gold page types."""
    gold = {g["id"]: GOLD_PAGE_TYPES.get(g["page_type"], g["page_type"])
            for g in scorer.load_jsonl(str(set_dir / "truth.jsonl")) if g.get("page_type")}
    if not gold:
        return None
    pred = {p["id"]: p.get("page_type") for p in scorer.load_jsonl(str(predictions)) if "id" in p}
    totals, right = {}, {}
    for page_id, gold_type in gold.items():
        totals[gold_type] = totals.get(gold_type, 0) + 1
        right[gold_type] = right.get(gold_type, 0) + (pred.get(page_id) == gold_type)
    answered = sum(1 for page_id in gold if pred.get(page_id))
    return {"n": len(gold), "accuracy": round(sum(right.values()) / len(gold), 4),
            "precision": round(sum(right.values()) / answered, 4) if answered else None,
            "by_type": {t: round(right[t] / totals[t], 4) for t in sorted(totals)}}


def add_word_counts(scorer, set_dir, predictions, worst):
    """Adds each worst page's token counts (lede's text, gold) to tell empty from wrong."""
    ids = {w["id"] for w in worst}
    gold = {g["id"]: g for g in scorer.load_jsonl(str(set_dir / "truth.jsonl")) if g["id"] in ids}
    pred = {p["id"]: p for p in scorer.load_jsonl(str(predictions)) if p.get("id") in ids}
    for w in worst:
        w["words_out"] = len(scorer.tokens(pred.get(w["id"], {}).get("text") or ""))
        w["words_gold"] = len(scorer.tokens(gold.get(w["id"], {}).get("text") or ""))


def peer_wins(scorer, eval_dir, set_name, predictions, gap):
    """The pages where a peer's word F1 beats lede's by more than `gap`, largest first:
    [{"id", "lede", "peer", "peer_f1"}]."""
    def texts(path):
        return {r["id"]: scorer.as_text(r.get("text")) for r in scorer.load_jsonl(str(path)) if "id" in r}

    gold = texts(eval_dir / "data" / set_name / "truth.jsonl")
    ours = texts(predictions)
    theirs = {peer: texts(eval_dir / "peers" / set_name / f"{peer}.jsonl.gz") for peer in PEERS
              if (eval_dir / "peers" / set_name / f"{peer}.jsonl.gz").exists()}
    wins = []
    for page_id, gold_text in gold.items():
        if not scorer.tokens(gold_text):
            continue
        f1 = scorer.word_prf(ours.get(page_id, ""), gold_text)[2]
        best = max(((scorer.word_prf(t.get(page_id, ""), gold_text)[2], peer)
                    for peer, t in theirs.items()), default=(0.0, None))
        if best[0] - f1 > gap:
            wins.append({"id": page_id, "lede": round(f1, 4), "peer": best[1], "peer_f1": round(best[0], 4)})
    return sorted(wins, key=lambda w: w["lede"] - w["peer_f1"])


def file_stamp(path):
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def peer_scores(eval_dir, names, out, jobs):
    """{(set, peer): {"score", "ms_per_page"}}, from OUT/peers-cache.json when still valid."""
    cache_path = out / "peers-cache.json"
    cache = json.loads(cache_path.read_text()) if cache_path.exists() else {}
    score_py = eval_dir / "score.py"

    def peer_file(set_name, peer):
        return eval_dir / "peers" / set_name / f"{peer}.jsonl.gz"

    def stamp(set_name, peer):
        return file_stamp(peer_file(set_name, peer)) + file_stamp(score_py)

    def compute(key):
        summary = score(score_py, eval_dir / "data" / key[0], peer_file(*key))
        del summary["worst"]
        return {"stamp": stamp(*key), "score": summary,
                "ms_per_page": mean_ms(read_jsonl(peer_file(*key)))}

    wanted = [(s, p) for s in names for p in PEERS if peer_file(s, p).exists()]
    stale = [k for k in wanted if cache.get(f"{k[0]}/{k[1]}", {}).get("stamp") != stamp(*k)]
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for key, entry in zip(stale, pool.map(compute, stale)):
            cache[f"{key[0]}/{key[1]}"] = entry
    if stale:
        cache_path.write_text(json.dumps(cache, indent=1, sort_keys=True))
    return {k: cache[f"{k[0]}/{k[1]}"] for k in wanted}


def dig(summary, path):
    for key in path:
        if not isinstance(summary, dict) or key not in summary:
            return None
        summary = summary[key]
    return summary


def system_entry(summary, ms_per_page):
    metrics = {key: dig(summary, path) if path else ms_per_page for _, key, path in METRICS}
    return {"metrics": metrics, "score": summary}


def format_table(headers, rows, markdown):
    cells = [[fmt(v, h) for v, h in zip(row, headers)] for row in rows]
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in cells])
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]

    def line(r):  # names left, numbers right
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(r, widths)))
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in cells])


def fmt(value, header):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}" if header == "ms/page" else f"{value:.4f}"
    return str(value)


def print_peer_wins(results, markdown):
    for set_name, entry in results.items():
        wins = entry.get("peer_wins")
        if wins is None:
            continue
        print(f"\n{set_name}: {len(wins)} pages where a peer beats lede by more than"
              f" {entry['peer_wins_gap']} word F1\n")
        rows = [[set_name, w["id"], w["lede"], w["peer"], w["peer_f1"]] for w in wins]
        print(format_table(["set", "id", "lede", "peer", "peer F1"], rows, markdown))


def print_report(results, markdown, worst_count):
    rows = [[set_name, s] + [entry["systems"][s]["metrics"][key] for _, key, _ in METRICS]
            for set_name, entry in results.items() for s in SYSTEMS if s in entry["systems"]]
    print(format_table(["set", "system"] + [header for header, _, _ in METRICS], rows, markdown))

    for set_name, entry in results.items():
        by_type = {s: v["score"].get("word_f1_by_type") for s, v in entry["systems"].items()}
        types = sorted({t for v in by_type.values() if v for t in v})
        if types:
            print(f"\n{set_name}: word F1 by page type\n")
            rows = [[set_name, s] + [by_type[s].get(t) for t in types]
                    for s in SYSTEMS if by_type.get(s)]
            print(format_table(["set", "system"] + types, rows, markdown))

    for set_name, entry in results.items():
        page_types = entry["systems"]["lede"]["score"].get("page_type")
        if page_types:
            print(f"\n{set_name}: lede's page_type accuracy by gold type"
                  f" (collection = listing, service = other; precision of its answers:"
                  f" {fmt(page_types['precision'], '')})\n")
            types = list(page_types["by_type"])
            print(format_table(["set", "system"] + types,
                               [[set_name, "lede"] + [page_types["by_type"][t] for t in types]],
                               markdown))

    if not worst_count:
        return
    for set_name, entry in results.items():
        missing = entry["systems"]["lede"]["score"]["missing_predictions"]
        print(f"\n{set_name}: lede's {worst_count} worst pages by word F1"
              f" (errors: {entry['lede_run']['errors']}, missing: {missing})\n")
        rows = [[set_name, w["id"], w["precision"], w["recall"], w["f1"], w["words_out"],
                 w["words_gold"]] for w in entry["lede_worst"]]
        print(format_table(["set", "id", "P", "R", "F1", "words out", "words gold"], rows,
                           markdown))


def comment_scores(scorer, lede, set_dir, out, jobs):
    """lede --comments against the gold's comments_text: word F1 over the pages
    whose gold has comments, and how often lede returns comments where the gold
    has none (forms and notices returned as comments). None if the set has no
    comment gold."""
    gold = {g["id"]: g for g in read_jsonl(set_dir / "truth.jsonl")}
    if not any(g.get("comments_text") for g in gold.values()):
        return None
    predictions = out / f"{set_dir.name}.comments.jsonl"
    run_lede(lede, set_dir, predictions, jobs, ("--comments",))
    f1, spurious, without = [], 0, 0
    for p in read_jsonl(predictions):
        g = gold.get(p.get("id"))
        if g is None:
            continue
        expected = scorer.as_text(g.get("comments_text") or "")
        returned = p.get("comments") or ""
        if scorer.tokens(expected):
            f1.append(scorer.word_prf(returned, expected)[2])
        else:
            without += 1
            spurious += bool(scorer.tokens(returned))
    return {"pages": len(f1), "word_f1": statistics.mean(f1) if f1 else None,
            "median": statistics.median(f1) if f1 else None,
            "returned_without_gold": spurious / max(1, without)}


def print_comment_scores(results, markdown):
    rows = [[set_name, c["pages"], c["word_f1"], c["median"], c["returned_without_gold"]]
            for set_name, entry in results.items() if (c := entry.get("comments"))]
    if rows:
        print("\nlede --comments against the gold's comments_text\n")
        print(format_table(["set", "pages with comments", "word F1", "median",
                            "share returned where the gold has none"], rows, markdown))


def predict_all(a, eval_dir, out, names):
    """Writes OUT/<set>.jsonl for every set; returns each run's statistics."""
    runs = {}
    for set_name in names:
        predictions = out / f"{set_name}.jsonl"
        if a.predictions_from:
            peer_file = eval_dir / "peers" / set_name / f"{a.predictions_from}.jsonl.gz"
            runs[set_name] = copy_peer_predictions(peer_file, predictions)
        else:
            runs[set_name] = run_lede(a.lede, eval_dir / "data" / set_name, predictions, a.jobs)
        run = runs[set_name]
        print(f"{set_name}: {run['records']} records, {run['errors']} errors,"
              f" {run.get('wall_s', 0)} s", file=sys.stderr, flush=True)
    return runs


def main():
    a = parse_args()
    eval_dir, out = Path(a.eval_dir).resolve(), Path(a.out).resolve()
    score_py = eval_dir / "score.py"
    if not score_py.is_file():
        sys.exit(f"no score.py in {eval_dir}")
    a.lede = str(Path(a.lede).resolve())
    if not a.predictions_from and not os.access(a.lede, os.X_OK):
        sys.exit(f"{a.lede} is not an executable; build it or pass --lede")
    out.mkdir(parents=True, exist_ok=True)
    names = dataset_names(eval_dir, a.sets)

    runs = predict_all(a, eval_dir, out, names)
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        lede_scores = dict(zip(names, pool.map(
            lambda s: score(score_py, eval_dir / "data" / s, out / f"{s}.jsonl", a.worst), names)))
    peers = peer_scores(eval_dir, names, out, a.jobs)
    scorer = load_scorer(score_py)

    results = {}
    for set_name in names:
        worst = lede_scores[set_name].pop("worst")
        add_word_counts(scorer, eval_dir / "data" / set_name, out / f"{set_name}.jsonl", worst)
        page_types = page_type_scores(scorer, eval_dir / "data" / set_name, out / f"{set_name}.jsonl")
        if page_types:
            lede_scores[set_name]["page_type"] = page_types
        systems = {"lede": system_entry(lede_scores[set_name], runs[set_name]["ms_per_page"])}
        for peer in PEERS:
            if (set_name, peer) in peers:
                systems[peer] = system_entry(peers[(set_name, peer)]["score"],
                                             peers[(set_name, peer)]["ms_per_page"])
        results[set_name] = {"systems": systems, "lede_run": runs[set_name], "lede_worst": worst}
        if a.comments and not a.predictions_from:
            results[set_name]["comments"] = comment_scores(scorer, a.lede, eval_dir / "data" / set_name, out, a.jobs)
        if a.peer_wins is not None:
            results[set_name]["peer_wins_gap"] = a.peer_wins
            results[set_name]["peer_wins"] = peer_wins(scorer, eval_dir, set_name,
                                                       out / f"{set_name}.jsonl", a.peer_wins)

    summary = {"lede": None if a.predictions_from else a.lede,
               "predictions_from": a.predictions_from, "eval_dir": str(eval_dir), "jobs": a.jobs,
               "generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "sets": results}
    (out / "summary.json").write_text(json.dumps(summary, indent=1))
    if a.predictions_from:
        print(f"NOTE: 'lede' rows are {a.predictions_from}'s output (--predictions-from)\n")
    print_report(results, a.markdown, a.worst)
    print_comment_scores(results, a.markdown)
    print_peer_wins(results, a.markdown)


if __name__ == "__main__":
    main()
