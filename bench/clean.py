#!/usr/bin/python3
"""Evaluates `lede clean` on text rendered the way naive extractors render pages.

Each dev page's visible text is rendered with every block element on its own
line (script, style and the head dropped), as Common Crawl WET files and
similar corpora hold it. `lede clean --jsonl` then cleans the rendered
corpus of each dataset twice: each document alone (--no-site), and in site
mode (lines counted across the pages of each host, the host taken from the
page's own canonical or og:url address). C4's line rules are the baseline.

Scoring (the only code here that reads the gold): a rendered line is article
when most of its word trigrams (or, for short lines, its whole word
sequence, when the gold has it as a line of its own) occur in the gold text. Reported per dataset: the share of article
words kept, the share of chrome words removed, and the mean per-page word F1
of the cleaned text against the gold (lowercase \\w+ tokens, as score.py).

usage: bench/clean.py [--lede build/lede] [--sets wcxb-dev,dragnet] [--work /tmp/lede-clean]
"""
import argparse
import gzip
import html.parser
import json
import os
import re
import subprocess
import sys
from collections import Counter

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "data")
SETS = ["wcxb-dev", "cleaneval", "cleanportaleval", "dragnet", "l3s-gn1", "newspaper4k"]
TOKEN = re.compile(r"\w+", re.UNICODE)

BLOCKS = set("""address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure
footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table td th tr ul option
button label caption center text""".split())
HIDDEN = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "select", "textarea"}


class NaiveRenderer(html.parser.HTMLParser):
    """Visible text with a line break at every block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.hidden, self.url = [], [], 0, ""

    def break_line(self):
        line = " ".join("".join(self.current).split())
        if line:
            self.lines.append(line)
        self.current = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and (attrs.get("rel") or "").lower() == "canonical" and not self.url:
            self.url = attrs.get("href") or ""
        if tag == "meta" and attrs.get("property") == "og:url" and not self.url:
            self.url = attrs.get("content") or ""
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.break_line()

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCKS:
            self.break_line()

    def handle_data(self, data):
        if not self.hidden:
            self.current.append(data)


def decode(raw):
    head = raw[:4096].decode("ascii", "replace").lower()
    found = re.search(r"charset=[\"']?([a-z0-9_-]+)", head) or re.search(r"encoding=[\"']?([a-z0-9_-]+)", head)
    for name in ([found.group(1)] if found else []) + ["utf-8", "cp1252"]:
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


def render(path):
    renderer = NaiveRenderer()
    try:
        renderer.feed(decode(gzip.open(path).read()))
        renderer.close()
    except Exception:  # html.parser gives up on some broken markup: keep what it read
        pass
    renderer.break_line()
    return "\n".join(renderer.lines), renderer.url


def rendered_corpus(data, work, name):
    out = os.path.join(work, name + ".rendered.jsonl")
    if os.path.exists(out):
        return out
    folder = os.path.join(data, "html")
    with open(out + ".tmp", "w") as f:
        for file in sorted(os.listdir(folder)):
            text, url = render(os.path.join(folder, file))
            page_id = re.sub(r"\.html?(\.gz)?$", "", file)
            f.write(json.dumps({"id": page_id, "url": url, "text": text}) + "\n")
    os.replace(out + ".tmp", out)
    return out


def tokens(text):
    return TOKEN.findall(text.lower())


def c4_keeps(line):
    """C4's line rules: terminal punctuation, three words, no javascript or policy lines."""
    lower = line.lower()
    if not line.rstrip().endswith((".", "!", "?", '"')) or line.rstrip().endswith("..."):
        return False
    if len(line.split()) < 3 or "javascript" in lower:
        return False
    return not any(p in lower for p in ("terms of use", "privacy policy", "cookie policy", "uses cookies",
                                        "use of cookies", "use cookies"))


class Gold:
    def __init__(self, text):
        self.tokens = tokens(text)
        self.trigrams = set(zip(self.tokens, self.tokens[1:], self.tokens[2:]))
        self.lines = {" ".join(tokens(line)) for line in text.split("\n")}

    def is_article(self, line_tokens):
        # A word or two ("About", "Share") occurs in most texts: such a line is
        # article only when the gold has it as a line of its own (a heading).
        if len(line_tokens) < 3:
            return " ".join(line_tokens) in self.lines
        grams = list(zip(line_tokens, line_tokens[1:], line_tokens[2:]))
        return sum(g in self.trigrams for g in grams) * 2 >= len(grams)


def word_f1(pred, ref):
    p, r = Counter(tokens(pred)), Counter(tokens(ref))
    if not p and not r:
        return 1.0
    common = sum((p & r).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(r.values())
    return 2 * precision * recall / (precision + recall)


class Tally:
    def __init__(self):
        self.article = self.article_kept = self.chrome = self.chrome_removed = 0
        self.f1 = []

    def add(self, lines, kept, gold, cleaned_text):
        for line, keep in zip(lines, kept):
            t = tokens(line)
            if gold.is_article(t):
                self.article += len(t)
                self.article_kept += len(t) if keep else 0
            else:
                self.chrome += len(t)
                self.chrome_removed += 0 if keep else len(t)
        self.f1.append(word_f1(cleaned_text, " ".join(gold.tokens)))

    def row(self):
        return {"article_kept": self.article_kept / max(1, self.article),
                "chrome_removed": self.chrome_removed / max(1, self.chrome),
                "word_f1": sum(self.f1) / max(1, len(self.f1))}


def run_lede(lede, corpus, out, site):
    args = [lede, "clean", "--jsonl", "-q", "-j2", corpus, "-o", out] + ([] if site else ["--no-site"])
    subprocess.run(args, check=True)
    return {r["id"]: r for r in map(json.loads, open(out))}


def evaluate(lede, name, work):
    data = os.path.join(EVAL, name)
    corpus = rendered_corpus(data, work, name)
    docs = {d["id"]: d for d in map(json.loads, open(corpus))}
    runs = {"single": run_lede(lede, corpus, os.path.join(work, name + ".single.jsonl"), False),
            "site": run_lede(lede, corpus, os.path.join(work, name + ".site.jsonl"), True)}
    tallies = {"c4": Tally(), "single": Tally(), "site": Tally()}
    for truth in map(json.loads, open(os.path.join(data, "truth.jsonl"))):
        doc = docs.get(truth["id"])
        if doc is None or not (truth.get("text") or "").strip():
            continue
        gold = Gold(truth["text"])
        lines = [l.strip() for l in doc["text"].split("\n")]
        kept = [c4_keeps(l) for l in lines]
        tallies["c4"].add(lines, kept, gold, "\n".join(l for l, k in zip(lines, kept) if k))
        for mode in ("single", "site"):
            record = runs[mode][truth["id"]]
            removed = {r["line"] for r in record["removed"]}
            kept = [i + 1 not in removed for i in range(len(lines))]
            text = "\n".join(filter(None, [record.get("title"), record.get("subtitle"), record["text"]]))
            tallies[mode].add(lines, kept, gold, text)
    return {mode: t.row() for mode, t in tallies.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lede", default="build/lede")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--work", default="/tmp/lede-clean")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    print("| set | method | article words kept | chrome words removed | word F1 |")
    print("|---|---|---|---|---|")
    for name in args.sets.split(","):
        for mode, row in evaluate(args.lede, name, args.work).items():
            print(f"| {name} | {mode} | {row['article_kept']:.1%} | {row['chrome_removed']:.1%} | "
                  f"{row['word_f1']:.3f} |")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
