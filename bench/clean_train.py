#!/usr/bin/python3
"""Trains the line model of `lede clean` and writes src/clean/line_model_res.h.

The inputs of every line come from lede itself (bench_clean_features, built
with the benchmarks), computed on the dev pages rendered as bench/clean.py
renders them; each line is labelled article or chrome against the gold by
bench/clean.py's own rule. The model is a sum of shallow regression trees
(gradient boosting on the logistic loss, Newton leaves, row subsampling),
fitted with every line weighted by its words, each dataset weighing the same
in total, so that no one set's pages make the model. Lines whose own words
already flag them are cut before the model and are left out of its training.
The threshold is the one that keeps ARTICLE_KEPT of the article's words on
the training sets (on average over the sets), since losing article text is
the worse error. Each page moves the threshold DOCUMENT_BEST_WEIGHT of the
way towards the score of its own best line.

Figures: in-sample (trained on the six sets, scored on each) and held out
(leave one dataset out: trained on the other five, threshold included, scored
on the sixth), for the model's decision alone: a line is cut when its own
words flag it (as lede does) or its score is below the page's threshold. lede also
cuts the lines above a recognised headline and, in site mode, the site's
repeated lines: bench/clean.py measures the whole. Held out, also the chrome
removed at thresholds keeping 97 / 98 / 98.5% of the held-out set's article,
to compare models at the same article kept. The row subsampling's seed alone
moves those by up to 1.5 points (--seed).

usage: bench/clean_train.py --features build/bench_clean_features [--work /tmp/lede-clean]
                            [--write src/clean/line_model_res.h] [--seed N]
Needs python3-numpy (Debian).
"""
import argparse
import json
import os
import subprocess

import numpy as np

import clean

ARTICLE_KEPT = 0.985
# A page whose best line is a confident paragraph can afford a stricter
# threshold than one (a listing, a product page) where no line is sure.
DOCUMENT_BEST_WEIGHT = 0.25
TREES, DEPTH = 150, 3
LEARNING_RATE, LEAF_L2, MIN_LEAF_HESSIAN, SUBSAMPLE = 0.15, 1.0, 2.0, 0.5
MAX_BINS = 48  # candidate thresholds per input


def features(binary, corpus, work, name):
    out = os.path.join(work, name + ".features.tsv")
    with open(out, "w") as f:
        subprocess.run([binary, corpus], check=True, stdout=f)
    return out


def dataset(binary, name, work):
    """Inputs, labels (1: article) and word counts of the set's lines with gold."""
    data = os.path.join(clean.EVAL, name)
    corpus = clean.rendered_corpus(data, work, name)
    texts = {d["id"]: d["text"].split("\n") for d in map(json.loads, open(corpus))}
    golds = {t["id"]: t["text"] for t in map(json.loads, open(os.path.join(data, "truth.jsonl")))
             if (t.get("text") or "").strip()}
    rows, labels, words, documents, parsed = [], [], [], [], {}
    with open(features(binary, corpus, work, name)) as f:
        names = f.readline().rstrip("\n").split("\t")[2:]
        for row in f:
            cells = row.rstrip("\n").split("\t")
            page_id, number = cells[0], int(cells[1])
            if page_id not in golds:
                continue
            if page_id not in parsed:
                parsed[page_id] = clean.Gold(golds[page_id])
            line_tokens = clean.tokens(texts[page_id][number - 1])
            rows.append([float(c) for c in cells[2:]])
            labels.append(1.0 if parsed[page_id].is_article(line_tokens) else 0.0)
            words.append(len(line_tokens))
            documents.append(len(parsed) - 1)
    return names, np.array(rows), np.array(labels), np.array(words, dtype=float), np.array(documents)


def split_candidates(x):
    """Per input, the thresholds a split may use: midpoints between distinct
    values, at most MAX_BINS of them, at the input's quantiles."""
    out = []
    for column in x.T:
        values = np.unique(column)
        if len(values) > MAX_BINS:
            picked = np.quantile(column, np.linspace(0, 1, MAX_BINS + 1)[1:-1], method="lower")
            below = np.unique(picked[picked < values[-1]])
        else:
            below = values[:-1]
        above = values[np.searchsorted(values, below, side="right")]
        out.append((below + above) / 2)
    return out


def binned(x, candidates):
    """Each value as the number of thresholds below it (x > t[b - 1])."""
    return np.stack([np.searchsorted(t, x[:, j], side="left") for j, t in enumerate(candidates)], 1).astype(np.uint8)


class Trees:
    """Complete binary trees of DEPTH levels; a split sends x[input] > threshold right."""

    def __init__(self, bias):
        self.bias, self.inputs, self.bins, self.leaves = bias, [], [], []

    def tree_values(self, xb, t):
        node, rows = np.zeros(len(xb), dtype=np.int64), np.arange(len(xb))
        for level in range(DEPTH):
            first = (1 << level) - 1
            node = node * 2 + (xb[rows, self.inputs[t][first + node]] > self.bins[t][first + node])
        return self.leaves[t][node]

    def log_odds(self, xb):
        return self.bias + sum(self.tree_values(xb, t) for t in range(len(self.leaves)))


def grow_tree(xb, gradient, hessian, limits):
    """One tree on the sample's gradients: per level, the best split of every
    node by histograms of gradient and hessian over the binned inputs."""
    n, width = xb.shape
    bins = 256
    node = np.zeros(n, dtype=np.int64)
    inputs, splits = [], []
    for level in range(DEPTH):
        nodes = 1 << level
        g = np.stack([np.bincount(node * bins + xb[:, j], gradient, nodes * bins) for j in range(width)], 1)
        h = np.stack([np.bincount(node * bins + xb[:, j], hessian, nodes * bins) for j in range(width)], 1)
        g, h = g.reshape(nodes, bins, width), h.reshape(nodes, bins, width)
        g_left, h_left = np.cumsum(g, 1), np.cumsum(h, 1)
        g_all, h_all = g_left[:, -1:, :], h_left[:, -1:, :]
        gain = (g_left ** 2 / (h_left + LEAF_L2) + (g_all - g_left) ** 2 / (h_all - h_left + LEAF_L2)
                - g_all ** 2 / (h_all + LEAF_L2))
        gain[(h_left < MIN_LEAF_HESSIAN) | (h_all - h_left < MIN_LEAF_HESSIAN) | ~limits[None]] = -1
        flat = gain.reshape(nodes, -1)
        best = flat.argmax(1)
        useful = flat[np.arange(nodes), best] > 1e-9
        best_input = np.where(useful, best % width, 0)
        best_bin = np.where(useful, best // width, bins - 1)  # bins - 1: everything goes left
        inputs += list(best_input)
        splits += list(best_bin)
        node = node * 2 + (xb[np.arange(n), best_input[node]] > best_bin[node])
    leaves = 1 << DEPTH
    value = -LEARNING_RATE * np.bincount(node, gradient, leaves) / (np.bincount(node, hessian, leaves) + LEAF_L2)
    return np.array(inputs), np.array(splits), value


def fit(xb, candidates, y, weight, seed=0):
    """Gradient boosting on the weighted logistic loss."""
    rng = np.random.default_rng(seed)
    share = np.clip((weight * y).sum() / weight.sum(), 1e-4, 1 - 1e-4)
    model = Trees(float(np.log(share / (1 - share))))
    limits = np.arange(256)[:, None] < np.array([len(t) for t in candidates])[None, :]
    score = np.full(len(y), model.bias)
    for _ in range(TREES):
        p = 1 / (1 + np.exp(-np.clip(score, -30, 30)))
        sample = rng.random(len(y)) < SUBSAMPLE
        inputs, splits, value = grow_tree(xb[sample], (weight * (p - y))[sample], (weight * p * (1 - p))[sample],
                                          limits)
        model.inputs.append(inputs)
        model.bins.append(splits)
        model.leaves.append(value)
        score += model.tree_values(xb, len(model.leaves) - 1)
    return model


def document_best(scores, documents, open_lines):
    """For each line, the best score of an open line of its document."""
    best = np.full(documents.max() + 1, -np.inf)
    np.maximum.at(best, documents[open_lines], scores[open_lines])
    return best[documents]


def cut_lines(x, documents, scores, threshold, flagged_column):
    """lede's decision: a line's own words flag it, or its score is below the
    threshold moved DOCUMENT_BEST_WEIGHT of the way to its document's best."""
    open_lines = x[:, flagged_column] == 0
    best = document_best(scores, documents, open_lines)
    return ~open_lines | (scores < threshold + DOCUMENT_BEST_WEIGHT * (best - threshold))


def shares(sets, scores, threshold, flagged_column):
    """(article words kept, chrome words removed) per set."""
    out = {}
    for name, (x, y, words, documents) in sets.items():
        cut = cut_lines(x, documents, scores[name], threshold, flagged_column)
        article, chrome = words * y, words * (1 - y)
        out[name] = (1 - (article * cut).sum() / max(1, article.sum()), (chrome * cut).sum() / max(1, chrome.sum()))
    return out


def threshold_for(sets, scores, flagged_column):
    """The highest threshold keeping ARTICLE_KEPT of the article on average over the sets."""
    low, high = -15.0, 15.0
    for _ in range(60):
        middle = (low + high) / 2
        kept = np.mean([k for k, _ in shares(sets, scores, middle, flagged_column).values()])
        low, high = (middle, high) if kept >= ARTICLE_KEPT else (low, middle)
    return low


MATCHED_KEPT = (0.97, 0.98, 0.985)


def matched(one, scores, flagged_column):
    """Chrome removed at the threshold that keeps each of MATCHED_KEPT of
    the article of one set: how well the scores separate, apart from where
    the threshold learnt on other sets falls."""
    out = []
    for level in MATCHED_KEPT:
        low, high = -20.0, 20.0
        for _ in range(50):
            middle = (low + high) / 2
            kept = shares(one, scores, middle, flagged_column).popitem()[1][0]
            low, high = (middle, high) if kept >= level else (low, middle)
        out.append(shares(one, scores, low, flagged_column).popitem()[1][1])
    return out


def train(sets, binned_inputs, candidates, flagged_column, seed=0):
    """The model and its threshold, fitted on the lines no word of their own flags."""
    x = np.vstack([binned_inputs[name] for name in sets])
    y = np.concatenate([s[1] for s in sets.values()])
    weight = np.concatenate([np.maximum(s[2], 1) / np.maximum(s[2], 1).sum() for s in sets.values()])
    weight *= len(y) / weight.sum()
    open_lines = np.concatenate([s[0][:, flagged_column] == 0 for s in sets.values()])
    model = fit(x[open_lines], candidates, y[open_lines], weight[open_lines], seed)
    scores = {name: model.log_odds(binned_inputs[name]) for name in sets}
    return model, threshold_for(sets, scores, flagged_column)


def header(names, model, candidates, threshold, figures):
    def threshold_of(t, k):
        b = model.bins[t][k]
        column = candidates[model.inputs[t][k]]
        return f"{column[b]:.9g}" if b < len(column) else "kNeverRight"

    nodes, leaves = (1 << DEPTH) - 1, 1 << DEPTH
    lines = ["// Generated by bench/clean_train.py from the six dev sets (see its docstring);",
             "// do not edit: retrain. The line model: boosted regression trees over the",
             "// inputs of line_model.h, summing to the log-odds of the line being the",
             "// article's, and the threshold below which a line is chrome. Held-out",
             "// figures when trained (article kept / chrome removed):"]
    lines += [f"//   {name}: {kept:.1%} / {removed:.1%}" for name, (kept, removed) in figures.items()]
    lines += ["#pragma once", "", "#include <array>", "#include <cstdint>", "", "#include \"clean/line_model.h\"", "",
              "namespace lede::clean {", "",
              f"inline constexpr size_t kTreeDepth = {DEPTH};",
              "// Each tree's splits in level order (node k's children are 2k+1, 2k+2), sending",
              "// a line right when its input exceeds the threshold; then its leaves' values.",
              "struct LineTree {",
              f"  std::array<uint8_t, {nodes}> input;",
              f"  std::array<double, {nodes}> threshold;",
              f"  std::array<double, {leaves}> leaf;",
              "};",
              "inline constexpr double kNeverRight = 1e300;",
              f"inline constexpr std::array<LineTree, {len(model.leaves)}> kLineTrees = {{{{"]
    for t in range(len(model.leaves)):
        used = ", ".join(f"input::{names[i]}" for i in model.inputs[t])
        thresholds = ", ".join(threshold_of(t, k) for k in range(nodes))
        values = ", ".join(f"{v:.6f}" for v in model.leaves[t])
        lines.append(f"    {{{{{used}}}, {{{thresholds}}}, {{{values}}}}},")
    lines += ["}};", f"inline constexpr double kLineModelBias = {model.bias:.6f};",
              f"inline constexpr double kLineModelThreshold = {threshold:.6f};",
              f"inline constexpr double kDocumentBestWeight = {DOCUMENT_BEST_WEIGHT};", "",
              "}  // namespace lede::clean", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--features", default="build/bench_clean_features")
    parser.add_argument("--work", default="/tmp/lede-clean")
    parser.add_argument("--write", help="the model file to write")
    parser.add_argument("--seed", type=int, default=0, help="of the row subsampling; vary it to see the noise")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    sets, names = {}, None
    for name in clean.SETS:
        names, x, y, words, documents = dataset(args.features, name, args.work)
        sets[name] = (x, y, words, documents)
    flagged_column = names.index("flagged")
    candidates = split_candidates(np.vstack([s[0] for s in sets.values()]))
    binned_inputs = {name: binned(s[0], candidates) for name, s in sets.items()}
    model, threshold = train(sets, binned_inputs, candidates, flagged_column, args.seed)
    in_sample = shares(sets, {n: model.log_odds(b) for n, b in binned_inputs.items()}, threshold, flagged_column)
    held_out = {}
    for name in clean.SETS:
        others = {n: s for n, s in sets.items() if n != name}
        model_out, threshold_out = train(others, binned_inputs, candidates, flagged_column, args.seed)
        scores = {name: model_out.log_odds(binned_inputs[name])}
        held_out[name] = shares({name: sets[name]}, scores, threshold_out, flagged_column)[name]
        levels = " / ".join(f"{r:.1%}" for r in matched({name: sets[name]}, scores, flagged_column))
        print(f"held out {name}: {held_out[name][0]:.1%} / {held_out[name][1]:.1%}; chrome removed at "
              f"{' / '.join(f'{k:.1%}' for k in MATCHED_KEPT)} of its article kept: {levels}", flush=True)
    print("| set | in-sample article kept | chrome removed | held-out article kept | chrome removed |")
    print("|---|---|---|---|---|")
    for name in clean.SETS:
        (k, r), (hk, hr) = in_sample[name], held_out[name]
        print(f"| {name} | {k:.1%} | {r:.1%} | {hk:.1%} | {hr:.1%} |")
    splits = [i for t in range(len(model.leaves)) for i, b in zip(model.inputs[t], model.bins[t])
              if b < len(candidates[i])]
    uses = np.bincount(splits, minlength=len(names))
    print("splits per input:", ", ".join(f"{n} {u}" for n, u in zip(names, uses) if u))
    print(f"threshold {threshold:+.3f}")
    if args.write:
        with open(args.write, "w") as f:
            f.write(header(names, model, candidates, threshold, held_out))


if __name__ == "__main__":
    main()
