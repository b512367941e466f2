"""Benchmark metrics and their seeded bootstrap confidence intervals.

Classification (pairs of predicted and gold labels): accuracy, macro-F1 over the classes seen in gold
or prediction (as scikit-learn's ``f1_score(average="macro")``), per-class precision, recall and F1,
and the confusion matrix. Extraction (per-article counts from ``score.py``): quote and tuple
precision, recall and F1, micro-averaged over rows. Agreement: Cohen's kappa. Proportions judged by
hand (``audit.py``): the Wilson score interval, exact from the counts, with no resampling.

Intervals are percentile bootstraps: ``RESAMPLES`` resamples of the units (rows, or articles for
extraction) drawn with ``random.Random(seed)``, the statistic recomputed on each, and the 2.5th and
97.5th percentiles taken with linear interpolation. Pure Python, so the same inputs and seed give the
same floats on every machine. A value that is undefined on a resample (the recall of a class the
resample does not contain) is left out of that value's percentiles.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

SEED = 20240229
RESAMPLES = 1000
CONFIDENCE = 0.95
METRICS = {
    "row": ("accuracy", "macro_f1", "per_class", "confusion_matrix"),
    "article": ("quote_f1", "tuple_f1", "field_accuracy"),
}
# The fields ``field_accuracy`` scores on matched rows (a prediction without the field counts as wrong).
ROW_FIELDS = ("speaker", "speaker_role", "company", "ticker", "quarter", "label")
DIGITS = 6  # results are rounded to this many decimals, so JSON files stay readable and stable

Pair = tuple[Hashable, Hashable]  # (predicted, gold)


@dataclass(frozen=True)
class Estimate:
    """A point value with its bootstrap interval (``None`` where undefined)."""

    value: float | None
    low: float | None = None
    high: float | None = None

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, DIGITS)

        return {"value": r(self.value), "ci95": [r(self.low), r(self.high)]}


def accuracy(pairs: Sequence[Pair]) -> float | None:
    """Share of pairs whose prediction equals the gold value; None for no pairs."""
    return sum(p == g for p, g in pairs) / len(pairs) if pairs else None


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float | None, float | None, float | None]:
    """Precision, recall, F1 from counts. Precision is undefined with no prediction, recall with no
    gold; F1 is 0 when one of them is undefined and the other 0, and undefined when both are."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    if p is None and r is None:
        return None, None, None
    if not p or not r:
        return p, r, 0.0
    return p, r, 2 * p * r / (p + r)


def per_class(pairs: Sequence[Pair], classes: Sequence[Hashable]) -> dict[Hashable, dict[str, Any]]:
    """Precision, recall, F1 and support (gold count) of each class."""
    tp: Counter[Hashable] = Counter(g for p, g in pairs if p == g)
    n_pred: Counter[Hashable] = Counter(p for p, _ in pairs)
    n_gold: Counter[Hashable] = Counter(g for _, g in pairs)
    out = {}
    for c in classes:
        p, r, f = prf(tp[c], n_pred[c], n_gold[c])
        out[c] = {"precision": p, "recall": r, "f1": f, "support": n_gold[c]}
    return out


def macro_f1(pairs: Sequence[Pair]) -> float | None:
    """Mean F1 over the classes that occur in gold or prediction; None for no pairs."""
    if not pairs:
        return None
    seen = sorted({c for pair in pairs for c in pair}, key=str)
    f1s = [v["f1"] for v in per_class(pairs, seen).values()]
    return sum(f1s) / len(f1s)


def confusion_matrix(pairs: Sequence[Pair], classes: Sequence[Hashable]) -> list[list[int]]:
    """Counts with gold classes as rows and predicted classes as columns, in ``classes`` order."""
    index = {c: i for i, c in enumerate(classes)}
    m = [[0] * len(classes) for _ in classes]
    for p, g in pairs:
        if p in index and g in index:
            m[index[g]][index[p]] += 1
    return m


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two annotators' labels for the same items; None when undefined (no items, or
    both annotators gave every item one and the same label)."""
    if len(a) != len(b):
        raise ValueError("both annotators must label the same items")
    n = len(a)
    if not n:
        return None
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[c] * cb[c] for c in set(ca) | set(cb)) / (n * n)
    if math.isclose(pe, 1.0):
        return None
    return (po - pe) / (1 - pe)


def wilson(k: int, n: int, confidence: float = CONFIDENCE) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion of ``k`` successes in ``n`` trials; None for n = 0.

    Unlike the normal (Wald) interval it stays inside [0, 1] and is not zero-width at k = 0 or k = n,
    which matters for the small samples people judge by hand (Newcombe 1998, method 3).
    """
    if not 0 <= k <= n:
        raise ValueError(f"need 0 <= k <= n, got k={k}, n={n}")
    if n == 0:
        return None
    z = NormalDist().inv_cdf(1 - (1 - confidence) / 2)
    p = k / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    low = 0.0 if k == 0 else max(0.0, centre - half)  # exact at the ends, where rounding could stray
    high = 1.0 if k == n else min(1.0, centre + half)
    return low, high


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th quantile (0..1) of ``values`` with linear interpolation (numpy's default method)."""
    xs = sorted(values)
    h = (len(xs) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


def resample_indices(n: int, resamples: int, seed: int) -> list[list[int]]:
    """``resamples`` lists of ``n`` indices drawn with replacement, the same for the same seed."""
    rng = random.Random(seed)
    population = range(n)
    return [rng.choices(population, k=n) for _ in range(resamples)]


def bootstrap(
    n: int,
    statistic: Callable[[Sequence[int]], dict[str, float | None]],
    resamples: int = RESAMPLES,
    seed: int = SEED,
    confidence: float = CONFIDENCE,
) -> dict[str, Estimate]:
    """Point values of ``statistic`` over all ``n`` units, with percentile bootstrap intervals."""
    point = statistic(range(n))
    draws: dict[str, list[float]] = {k: [] for k in point}
    if n:
        for idx in resample_indices(n, resamples, seed):
            for k, v in statistic(idx).items():
                if v is not None:
                    draws[k].append(v)
    tail = (1 - confidence) / 2
    out = {}
    for k, v in point.items():
        d = draws[k]
        if v is None or not d:
            out[k] = Estimate(v)
        else:
            out[k] = Estimate(v, percentile(d, tail), percentile(d, 1 - tail))
    return out


def classification(
    pairs: Sequence[Pair],
    classes: Sequence[Hashable],
    wanted: Sequence[str],
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> dict[str, Any]:
    """The metrics of a classification task (``wanted`` out of ``METRICS["row"]``), with intervals.

    ``classes`` orders the per-class table and the confusion matrix; a class outside it that occurs
    in the pairs is appended (a prediction that is no class at all, for instance).
    """
    extra = sorted({c for pair in pairs for c in pair} - set(classes), key=str)
    order = [*classes, *extra]

    def stat(idx: Sequence[int]) -> dict[str, float | None]:
        sample = [pairs[i] for i in idx]
        values: dict[str, float | None] = {}
        if "accuracy" in wanted:
            values["accuracy"] = accuracy(sample)
        if "macro_f1" in wanted:
            values["macro_f1"] = macro_f1(sample)
        if "per_class" in wanted:
            for c, m in per_class(sample, order).items():
                for k in ("precision", "recall", "f1"):
                    values[f"{c}\x1f{k}"] = m[k]
        return values

    est = bootstrap(len(pairs), stat, resamples, seed)
    out: dict[str, Any] = {}
    for name in ("accuracy", "macro_f1"):
        if name in wanted:
            out[name] = est[name].to_dict()
    if "per_class" in wanted:
        support = Counter(g for _, g in pairs)
        out["per_class"] = {
            str(c): {
                **{k: est[f"{c}\x1f{k}"].to_dict() for k in ("precision", "recall", "f1")},
                "support": support[c],
            }
            for c in order
        }
    if "confusion_matrix" in wanted:
        out["confusion_matrix"] = {
            "labels": [str(c) for c in order],
            "rows": "gold",
            "columns": "predicted",
            "counts": confusion_matrix(pairs, order),
        }
    return out


@dataclass(frozen=True)
class ArticleCounts:
    """One article's extraction counts (``score.score`` on that article alone)."""

    n_pred: int
    n_gold: int
    matched: int
    tuple_tp: int
    field_ok: tuple[int, ...] = ()  # per ``ROW_FIELDS``: matched rows whose field is right


def extraction(
    counts: Sequence[ArticleCounts], wanted: Sequence[str], resamples: int = RESAMPLES, seed: int = SEED
) -> dict[str, Any]:
    """Quote and tuple precision, recall and F1 (micro over rows) and, with ``field_accuracy``, each of
    ``ROW_FIELDS``' accuracy on the matched rows; resampling whole articles."""

    def stat(idx: Sequence[int]) -> dict[str, float | None]:
        n_pred = sum(counts[i].n_pred for i in idx)
        n_gold = sum(counts[i].n_gold for i in idx)
        values: dict[str, float | None] = {}
        for name, tp in (
            ("quote", sum(counts[i].matched for i in idx)),
            ("tuple", sum(counts[i].tuple_tp for i in idx)),
        ):
            if f"{name}_f1" in wanted:
                p, r, f = prf(tp, n_pred, n_gold)
                values.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f})
        if "field_accuracy" in wanted:
            matched = sum(counts[i].matched for i in idx)
            for k, name in enumerate(ROW_FIELDS):
                ok = sum(counts[i].field_ok[k] for i in idx if counts[i].field_ok)
                values[f"{name}_accuracy"] = ok / matched if matched else None
        return values

    return {k: v.to_dict() for k, v in bootstrap(len(counts), stat, resamples, seed).items()}
