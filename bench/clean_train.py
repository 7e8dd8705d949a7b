#!/usr/bin/python3
"""Trains the line model of `lede clean` and writes src/clean/line_model_res.h.

The inputs of every line come from lede itself (bench_clean_features, built
with the benchmarks), computed on the dev pages rendered as bench/clean.py
renders them; each line is labelled article or chrome against the gold by
bench/clean.py's own rule. The model is two stages of shallow regression
trees (gradient boosting on the logistic loss, Newton leaves, row
subsampling), fitted with every line weighted by its words, each dataset
weighing the same in total, so that no one set's pages make the model. The
first stage reads the line's inputs; the second reads them and the first
stage's verdicts on the lines around (context_columns, as
src/clean/line_context.cc computes them), taken from first-stage models that
did not see the line's document (two folds), as it meets them at run time.
Lines whose own words already flag them are cut before the model and are
left out of its training. The threshold is the one that keeps ARTICLE_KEPT
of the article's words on the training sets (on average over the sets),
since losing article text is the worse error. Each page moves the threshold
DOCUMENT_BEST_WEIGHT of the way towards the score of its own best line.

Figures: in-sample (trained on the six sets, scored on each) and held out
(leave one dataset out: both stages trained on the other five, threshold
included, scored on the sixth), for the model's decision alone: a line is cut when its own
words flag it (as lede does) or its score is below the page's threshold. lede also
cuts the lines above a recognised headline and, in site mode, the site's
repeated lines: bench/clean.py measures the whole. Held out, also the chrome
removed at thresholds keeping 97 / 98 / 98.5% of the held-out set's article,
to compare models at the same article kept, and the same for the first stage
alone. The row subsampling's seed alone moves those by up to 1.5 points
(--seed).

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

ARTICLE_KEPT = 0.98
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


CONTEXT_INPUTS = ("log_odds", "previous", "next", "near_mean", "wide_mean", "article_before", "article_after",
                  "below_best", "article_share_before")  # as src/clean/line_context.h
CONTEXT_LOG_ODDS_LIMIT = 6.0


def context_columns(x, documents, scores, names):
    """The second stage's inputs (src/clean/line_context.cc, line for line):
    the first stage's log-odds of the line and its neighbours, window means,
    the best runs of article weight either side, the gap to the document's
    best line and the share of its article weight before the line."""
    flagged = x[:, names.index("flagged")] > 0
    words = np.maximum(np.rint(np.expm1(x[:, names.index("log_words")])), 1)
    score = np.where(flagged, -CONTEXT_LOG_ODDS_LIMIT, np.clip(scores, -CONTEXT_LOG_ODDS_LIMIT, CONTEXT_LOG_ODDS_LIMIT))
    article = (1 / (1 + np.exp(-score)) - 0.5) * words
    out = np.zeros((len(score), len(CONTEXT_INPUTS)))
    column = {name: k for k, name in enumerate(CONTEXT_INPUTS)}
    starts = np.flatnonzero(np.r_[True, documents[1:] != documents[:-1]])
    for a, b in zip(starts, np.r_[starts[1:], len(score)]):
        s, w, v, o = score[a:b], words[a:b], article[a:b], out[a:b]
        n, index = b - a, np.arange(b - a)
        o[:, column["log_odds"]] = s
        o[1:, column["previous"]] = s[:-1]
        o[:-1, column["next"]] = s[1:]
        weighted, total = np.r_[0, np.cumsum(s * w)], np.r_[0, np.cumsum(w)]
        for reach, name in ((2, "near_mean"), (5, "wide_mean")):
            lo, hi = np.maximum(index - reach, 0), np.minimum(index + reach + 1, n)
            mass = total[hi] - total[lo] - w
            o[:, column[name]] = np.where(mass > 0, (weighted[hi] - weighted[lo] - s * w) / np.maximum(mass, 1e-300), 0)
        whole = 1e-9 + np.maximum(v, 0).sum()
        for name, order in (("article_before", index), ("article_after", index[::-1])):
            run = 0.0
            for i in order:
                o[i, column[name]] = run / whole
                run = max(0.0, run + v[i])
        open_lines = ~flagged[a:b]
        o[:, column["below_best"]] = s - (s[open_lines].max() if open_lines.any() else 0)
        o[:, column["article_share_before"]] = (np.cumsum(np.maximum(v, 0)) - np.maximum(v, 0)) / whole
    return out


def cross_fitted_scores(sets, candidates, flagged_column, seed):
    """First-stage log-odds of every line from a model that did not see its
    document (two folds by document), as the second stage meets them at run
    time: scores of lines the first stage was trained on would look surer."""
    scores = {name: np.zeros(len(s[1])) for name, s in sets.items()}
    for fold in (0, 1):
        part = {name: tuple(a[s[3] % 2 != fold] for a in s) for name, s in sets.items()}
        model, _ = train(part, {name: binned(p[0], candidates) for name, p in part.items()}, candidates,
                         flagged_column, seed)
        for name, s in sets.items():
            rows = s[3] % 2 == fold
            scores[name][rows] = model.log_odds(binned(s[0][rows], candidates))
    return scores


class TwoStages:
    """The first stage (each line alone) and the second (with its neighbours' first-stage verdicts)."""

    def __init__(self, sets, binned_inputs, candidates, names, seed):
        flagged_column = names.index("flagged")
        self.names, self.candidates = names, candidates
        self.first, _ = train(sets, binned_inputs, candidates, flagged_column, seed)
        fitted = cross_fitted_scores(sets, candidates, flagged_column, seed)
        second = {name: self.second_inputs(s[0], s[3], fitted[name]) for name, s in sets.items()}
        self.second_candidates = split_candidates(np.vstack(list(second.values())))
        self.second, self.threshold = train(
            {name: (second[name],) + s[1:] for name, s in sets.items()},
            {name: binned(x, self.second_candidates) for name, x in second.items()},
            self.second_candidates, flagged_column, seed)

    def second_inputs(self, x, documents, first_scores):
        return np.hstack([x, context_columns(x, documents, first_scores, self.names)])

    def log_odds(self, x, documents, binned_inputs):
        """Both stages' log-odds of a set's lines."""
        first = self.first.log_odds(binned_inputs)
        second = self.second_inputs(x, documents, first)
        return first, self.second.log_odds(binned(second, self.second_candidates))


def tree_lines(model, candidates, input_name):
    """The trees as C++ initialisers."""
    def threshold_of(t, k):
        b = model.bins[t][k]
        column = candidates[model.inputs[t][k]]
        return f"{column[b]:.9g}" if b < len(column) else "kNeverRight"

    lines = []
    for t in range(len(model.leaves)):
        used = ", ".join(input_name(i) for i in model.inputs[t])
        thresholds = ", ".join(threshold_of(t, k) for k in range((1 << DEPTH) - 1))
        values = ", ".join(f"{v:.6f}" for v in model.leaves[t])
        lines.append(f"    {{{{{used}}}, {{{thresholds}}}, {{{values}}}}},")
    return lines


def header(names, stages, figures):
    def second_input(i):
        return f"input::{names[i]}" if i < len(names) else f"kLineModelInputs + context::{CONTEXT_INPUTS[i - len(names)]}"

    nodes, leaves = (1 << DEPTH) - 1, 1 << DEPTH
    lines = ["// Generated by bench/clean_train.py from the six dev sets (see its docstring);",
             "// do not edit: retrain. The line model: two stages of boosted regression trees",
             "// summing to the log-odds of the line being the article's, the first over the",
             "// inputs of line_model.h, the second over those and line_context.h's; and the",
             "// threshold on the second below which a line is chrome. Held-out figures when",
             "// trained (article kept / chrome removed):"]
    lines += [f"//   {name}: {kept:.1%} / {removed:.1%}" for name, (kept, removed) in figures.items()]
    lines += ["#pragma once", "", "#include <array>", "#include <cstdint>", "", "#include \"clean/line_context.h\"",
              "#include \"clean/line_model.h\"", "",
              "namespace lede::clean {", "",
              f"inline constexpr size_t kTreeDepth = {DEPTH};",
              "// Each tree's splits in level order (node k's children are 2k+1, 2k+2), sending",
              "// a line right when its input exceeds the threshold; then its leaves' values.",
              "// The second stage's inputs number the context ones after the line's.",
              "struct LineTree {",
              f"  std::array<uint8_t, {nodes}> input;",
              f"  std::array<double, {nodes}> threshold;",
              f"  std::array<double, {leaves}> leaf;",
              "};",
              "inline constexpr double kNeverRight = 1e300;",
              f"inline constexpr std::array<LineTree, {len(stages.first.leaves)}> kLineTrees = {{{{"]
    lines += tree_lines(stages.first, stages.candidates, lambda i: f"input::{names[i]}")
    lines += ["}};", f"inline constexpr double kLineModelBias = {stages.first.bias:.6f};", "",
              f"inline constexpr std::array<LineTree, {len(stages.second.leaves)}> kContextTrees = {{{{"]
    lines += tree_lines(stages.second, stages.second_candidates, second_input)
    lines += ["}};", f"inline constexpr double kContextModelBias = {stages.second.bias:.6f};",
              f"inline constexpr double kLineModelThreshold = {stages.threshold:.6f};",
              f"inline constexpr double kDocumentBestWeight = {DOCUMENT_BEST_WEIGHT};", "",
              "}  // namespace lede::clean", ""]
    return "\n".join(lines)


def levels(one, scores, flagged_column):
    return " / ".join(f"{r:.1%}" for r in matched(one, scores, flagged_column))


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
    stages = TwoStages(sets, binned_inputs, candidates, names, args.seed)
    in_sample = {}
    for name, (x, y, words, documents) in sets.items():
        scores = {name: stages.log_odds(x, documents, binned_inputs[name])[1]}
        in_sample[name] = shares({name: sets[name]}, scores, stages.threshold, flagged_column)[name]
    held_out = {}
    for name in clean.SETS:
        one = {name: sets[name]}
        others = {n: s for n, s in sets.items() if n != name}
        stages_out = TwoStages(others, binned_inputs, candidates, names, args.seed)
        first, second = stages_out.log_odds(sets[name][0], sets[name][3], binned_inputs[name])
        held_out[name] = shares(one, {name: second}, stages_out.threshold, flagged_column)[name]
        print(f"held out {name}: {held_out[name][0]:.1%} / {held_out[name][1]:.1%}; chrome removed at "
              f"{' / '.join(f'{k:.1%}' for k in MATCHED_KEPT)} of its article kept: "
              f"{levels(one, {name: second}, flagged_column)} (first stage alone "
              f"{levels(one, {name: first}, flagged_column)})", flush=True)
    print("| set | in-sample article kept | chrome removed | held-out article kept | chrome removed |")
    print("|---|---|---|---|---|")
    for name in clean.SETS:
        (k, r), (hk, hr) = in_sample[name], held_out[name]
        print(f"| {name} | {k:.1%} | {r:.1%} | {hk:.1%} | {hr:.1%} |")
    second_names = list(names) + list(CONTEXT_INPUTS)
    for label, model, model_candidates, model_names in (
            ("first stage", stages.first, candidates, names),
            ("second stage", stages.second, stages.second_candidates, second_names)):
        splits = [i for t in range(len(model.leaves)) for i, b in zip(model.inputs[t], model.bins[t])
                  if b < len(model_candidates[i])]
        uses = np.bincount(splits, minlength=len(model_names))
        print(f"{label} splits per input:", ", ".join(f"{n} {u}" for n, u in zip(model_names, uses) if u))
    print(f"threshold {stages.threshold:+.3f}")
    if args.write:
        with open(args.write, "w") as f:
            f.write(header(names, stages, held_out))

if __name__ == "__main__":
    main()
