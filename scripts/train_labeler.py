"""Train the statement-type labeler (``label_lr_v4``) from the project's own statement labels and the wire corpus.

    python scripts/train_labeler.py ../shared/corpora/reuters-2006-2013.jsonl.zst [--check] [--compare] [--curve]

Reads the three labelling rounds of ``scripts/labels/statement-labels.jsonl`` (7,580 statements of 2006-2010
wire articles, 7,460 of them rows; ``label_lr_v3`` was trained on the first round only), each labelled by two
readers under the guide, disagreements settled by a third; article ids, offsets and labels only; 144 of them,
the hedged ones and the risk ones resting on a comparison or speculation that ``scripts/labels/select_hedges.py``
selects, re-read under the guide's worked example and carrying ``reread: true`` and ``reread_label`` beside the
readers' ``label``), trains on ``reread_label`` where a record has one and on ``label`` elsewhere, drops the
spans the readers judged not to be rows, recovers each statement from its article in the corpus
(``text[char_start:char_end]``) and fits a one-vs-rest logistic regression (liblinear) over
``pipeline.label_model.features`` (words, pairs, negated words and the rules' cues, beside the statement's summed
word vectors from ``data/models/label_wordvec_v1.json``, a fixed input made by ``scripts/distill_word_vectors.py``).
C and the class weighting are chosen by grouped 5-fold cross-validation
(folds by article, so no article's statements are on both sides): the pair with the best out-of-fold accuracy,
then macro-F1. The out-of-fold predictions are scored exactly as the build scores (the rounded weights, in pure
Python). It prints the cross-validated accuracy and macro-F1 with 95% bootstrap intervals and the risk class's
recall, beside the rule labeler's on the same statements, then writes the weights, rounded and sorted, to
``src/earnings_events/data/models/label_lr_v4.json``: the same labels, corpus and word vectors give the same bytes.

``--check`` retrains and compares with the shipped file instead of writing it. ``--compare`` also prints the
cross-validated table of the candidate models the shipped one was chosen from (words alone; words and the
rules' cues, ``label_lr_v1``; those and the word vectors, ``label_lr_v2`` and, on the re-read labels,
``label_lr_v3`` (first round) and ``label_lr_v4`` (all three); MiniLM sentence embeddings alone and with
words and cues, which need the ``embeddings`` extra). ``--curve`` prints a learning curve: the chosen
configuration's grouped-CV accuracy when each fold trains on 25, 50, 75 or 100% of its training articles.
Never trained or tuned on a gold set in ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.multiclass import OneVsRestClassifier

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts" / "labels"))
from pools import corpus_records  # noqa: E402

from earnings_events import metrics  # noqa: E402
from earnings_events.ingest import article_from_record  # noqa: E402
from earnings_events.pipeline import label, label_model  # noqa: E402

LABELS = REPO / "scripts" / "labels" / "statement-labels.jsonl"
LABEL_KEYS = {
    "article_id",
    "char_start",
    "char_end",
    "published",
    "label",
    "not_row",
    "not_row_a",
    "not_row_b",
    "reader_a",
    "reader_b",
    "adjudicated",
    "reread",
    "reread_label",
    "round",
}
CLASSES = ("outlook", "performance", "risk", "other")
CS = (0.3, 1.0, 3.0, 10.0)
WEIGHTS: tuple[str | None, ...] = (None, "balanced")
MIN_COUNT = 2  # a feature seen in fewer training statements gets no weight
PRIOR_STEPS, PRIOR_RATE = 400, 0.05  # prior matching (``match_priors``)
DIGITS = 4  # weights are rounded to this many decimals; smaller ones are dropped
SEED = 20261203
FOLDS = 5
ROUNDS = (1, 2, 3)  # the labelling rounds it trains on (label_lr_v3: the first only)


def read_labels(path: Path = LABELS) -> list[dict]:
    """The label records, checked: only ids, offsets, dates and labels (no text), sorted by article and offset."""
    recs = []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            r = json.loads(line)
            if set(r) - LABEL_KEYS:
                raise SystemExit(f"{path}:{n}: unexpected keys {sorted(set(r) - LABEL_KEYS)} (labels hold no text)")
            for key in ("label", "reread_label"):
                if key in r and r[key] not in CLASSES:
                    raise SystemExit(f"{path}:{n}: {key} {r[key]!r} is not one of {CLASSES}")
            if ("reread_label" in r) != (r.get("reread") is True):
                raise SystemExit(f"{path}:{n}: a re-read record needs both reread: true and reread_label")
            recs.append(r)
    return sorted(recs, key=lambda r: (r["article_id"], r["char_start"], r["char_end"]))


def load(corpus: Path, rounds: tuple[int, ...] = (1, 2)) -> tuple[list[str], list[str], list[str]]:
    """(statements, labels, article ids) of the labelled rows of the given labelling rounds (a record without
    ``round`` is of the first), statements read from the corpus."""
    recs = [r for r in read_labels() if not r["not_row"] and r.get("round", 1) in rounds]
    wanted = {r["article_id"] for r in recs}
    texts: dict[str, str] = {}
    for rec in corpus_records(corpus):
        if rec.get("id") in wanted:
            art = article_from_record(rec, str(corpus), None)
            texts[rec["id"]] = art.text  # type: ignore[union-attr]
    missing = sorted(wanted - set(texts))
    if missing:
        raise SystemExit(f"{len(missing)} labelled articles are not in {corpus} (first: {missing[0]})")
    statements = [texts[r["article_id"]][r["char_start"] : r["char_end"]] for r in recs]
    if any(not s.strip() for s in statements):
        raise SystemExit("a label's offsets give an empty statement: is this the corpus the labels were made on?")
    return statements, [training_label(r) for r in recs], [r["article_id"] for r in recs]


def training_label(rec: dict) -> str:
    """The label a record trains on: its re-reading under the guide (``reread_label``) when it has one, else the
    readers' (adjudicated) ``label``."""
    return rec.get("reread_label", rec["label"])


def _csr(x: csr_matrix) -> csr_matrix:
    x = csr_matrix(x)
    x.indices, x.indptr = x.indices.astype(np.int32), x.indptr.astype(np.int32)  # liblinear wants 32-bit indices
    return x


def fit(feats: Sequence[dict[str, float]], y: Sequence[str], c: float, weight: str | None) -> dict:
    """A fitted model in the artefact's form: rounded weights, feature -> class -> weight."""
    counts: dict[str, int] = {}
    for f in feats:
        for k in f:
            counts[k] = counts.get(k, 0) + 1
    vec = DictVectorizer(sort=True)
    x = _csr(vec.fit_transform([{k: v for k, v in f.items() if counts[k] >= MIN_COUNT} for f in feats]))
    clf = OneVsRestClassifier(
        LogisticRegression(C=c, solver="liblinear", class_weight=weight, max_iter=5000, tol=1e-8)
    ).fit(x, np.array(y))
    classes = [str(k) for k in clf.classes_]
    coef = np.vstack([e.coef_[0] for e in clf.estimators_])
    bias = [float(e.intercept_[0]) for e in clf.estimators_]
    weights: dict[str, dict[str, float]] = {}
    for j, name in enumerate(vec.get_feature_names_out()):
        row = {c_: round(float(coef[i, j]), DIGITS) for i, c_ in enumerate(classes)}
        row = {c_: w for c_, w in row.items() if w != 0.0}
        if row:
            weights[str(name)] = row
    return {
        "version": label_model.MODEL_VERSION,
        "classes": classes,
        "bias": {c_: round(b, DIGITS) for c_, b in zip(classes, bias, strict=True)},
        "weights": weights,
    }


def folds(y: Sequence[str], groups: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Grouped, stratified folds: every article's statements fall in one fold."""
    return list(StratifiedGroupKFold(FOLDS, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y, groups))


def out_of_fold(
    predict: Callable[[np.ndarray, np.ndarray], list[str]], splits: list[tuple[np.ndarray, np.ndarray]], n: int
) -> list[str]:
    pred = [""] * n
    for tr, te in splits:
        for i, p in zip(te, predict(tr, te), strict=True):
            pred[i] = p
    return pred


def summary(pred: Sequence[str], gold: Sequence[str]) -> dict[str, tuple[float, float, float]]:
    """Accuracy, macro-F1 and risk recall, each (value, low, high) with a 95% bootstrap interval."""
    m = metrics.classification(list(zip(pred, gold, strict=True)), CLASSES, ("accuracy", "macro_f1", "per_class"))
    out = {k: m[k] for k in ("accuracy", "macro_f1")}
    out["risk_recall"] = m["per_class"]["risk"]["recall"]
    return {k: (v["value"], *v["ci95"]) for k, v in out.items()}


def fmt(s: dict[str, tuple[float, float, float]]) -> str:
    return "  ".join(f"{k} {v:.3f} [{lo:.3f}, {hi:.3f}]" for k, (v, lo, hi) in s.items())


def choose(
    feats: list[dict[str, float]], y: list[str], splits: list[tuple[np.ndarray, np.ndarray]]
) -> tuple[float, str | None, list[str]]:
    """The (C, class weighting) with the best out-of-fold accuracy, then macro-F1; and its predictions."""
    best: tuple[tuple[float, float], float, str | None, list[str]] | None = None
    for c in CS:
        for weight in WEIGHTS:

            def predict(tr: np.ndarray, te: np.ndarray, c: float = c, weight: str | None = weight) -> list[str]:
                model = label_model.from_dict(fit([feats[i] for i in tr], [y[i] for i in tr], c, weight))
                return [_label(model, feats[i]) for i in te]

            pred = out_of_fold(predict, splits, len(y))
            s = summary(pred, y)
            key = (round(s["accuracy"][0], 6), round(s["macro_f1"][0], 6))
            print(f"  C={c:<5} class_weight={weight or 'none':9s} {fmt(s)}")
            if best is None or key > best[0]:
                best = (key, c, weight, pred)
    assert best is not None
    return best[1], best[2], best[3]


def oof_scores(
    feats: list[dict[str, float]],
    y: list[str],
    splits: list[tuple[np.ndarray, np.ndarray]],
    c: float,
    weight: str | None,
) -> np.ndarray:
    """Out-of-fold class scores (columns in ``CLASSES`` order), computed as the build computes them."""
    out = np.zeros((len(y), len(CLASSES)))
    for tr, te in splits:
        model = label_model.from_dict(fit([feats[i] for i in tr], [y[i] for i in tr], c, weight))
        for i in te:
            sc = model.scores(feats[i])
            out[i] = [sc[k] for k in CLASSES]
    return out


def match_priors(scores: np.ndarray, y: Sequence[str]) -> np.ndarray:
    """Per-class offsets (``CLASSES`` order) that make the argmax of ``scores + offsets`` give each class about its
    share of ``y``: an argmax over one-vs-rest scores favours the majority class (risk) beyond its share, and almost
    never picks a rare one (other). 400 fixed steps of a damped proportional update, deterministic."""
    prior = np.array([sum(v == k for v in y) / len(y) for k in CLASSES])
    offsets = np.zeros(len(CLASSES))
    for _ in range(PRIOR_STEPS):
        share = np.bincount(np.argmax(scores + offsets, axis=1), minlength=len(CLASSES)) / len(scores)
        offsets += PRIOR_RATE * (prior - share) / np.sqrt(np.maximum(prior, 1e-3))
    return np.round(offsets - offsets.mean(), DIGITS)


def _pick(scores: np.ndarray) -> list[str]:
    """The argmax class of each row, ties to the guide's precedence (as ``LinearModel.label``)."""
    order = [CLASSES.index(k) for k in label_model.PRECEDENCE]
    return [CLASSES[max(order, key=lambda j, r=row: (r[j], -order.index(j)))] for row in scores]


def nested_prior_cv(
    feats: list[dict[str, float]],
    y: list[str],
    groups: list[str],
    splits: list[tuple[np.ndarray, np.ndarray]],
    c: float,
    weight: str | None,
) -> list[str]:
    """Out-of-fold labels of the whole procedure, prior matching included: each outer fold's offsets come from an
    inner grouped CV on that fold's training statements only."""
    pred = [""] * len(y)
    for tr, te in splits:
        tr_y = [y[i] for i in tr]
        inner = [
            (tr[a], tr[b])
            for a, b in StratifiedGroupKFold(FOLDS - 1, shuffle=True, random_state=SEED).split(
                np.zeros(len(tr)), tr_y, [groups[i] for i in tr]
            )
        ]
        inner_scores = oof_scores(feats, y, inner, c, weight)[np.concatenate([b for _, b in inner])]
        inner_y = [y[i] for i in np.concatenate([b for _, b in inner])]
        offsets = match_priors(inner_scores, inner_y)
        outer = oof_scores(feats, y, [(tr, te)], c, weight)[te]
        for i, p in zip(te, _pick(outer + offsets), strict=True):
            pred[i] = p
    return pred


def _label(model: label_model.LinearModel, feats: dict[str, float]) -> str:
    s = model.scores(feats)
    order = [c for c in label_model.PRECEDENCE if c in s]
    return max(order, key=lambda c: (s[c], -order.index(c)))


def compare(
    statements: list[str], y: list[str], groups: list[str], splits: list[tuple[np.ndarray, np.ndarray]]
) -> None:
    """Cross-validated candidates: sparse words, words + rules' cues, MiniLM embeddings, embeddings + words + cues."""
    words = [_unit(label_model.word_features(s)) for s in statements]
    full = [label_model.sparse_features(s) for s in statements]
    vectors = [label_model.features(s) for s in statements]
    rows: list[tuple[str, dict]] = [
        ("rules (label_rules_v1, no training)", summary([label.rule_label(s) for s in statements], y))
    ]
    for name, feats in (
        ("(a) words, pairs, negated words + LR", words),
        ("(b) (a) + the rules' cues + LR (v1)", full),
        ("(d) (b) + word vectors + LR (v2; v3 on re-read labels)", vectors),
    ):
        print(name)
        c, weight, pred = choose(feats, y, splits)
        rows.append((name, summary(pred, y)))
    # (e): the same model with per-class offsets that match the predicted class shares to the labels' (so risk is
    # not predicted beyond its share); estimated by nested CV. It trades accuracy for macro-F1 and is not shipped.
    pred = nested_prior_cv(vectors, y, groups, splits, c, weight)
    shares = ", ".join(f"{k} {sum(p == k for p in pred) / len(y):.3f}" for k in CLASSES)
    print(f"(e) (d) + prior matching, nested CV: predicted shares {shares}")
    rows.append(("(e) (d) + prior matching (nested CV)", summary(pred, y)))
    try:
        from earnings_events.baselines import BaselineUnavailable, load_minilm

        encoder = load_minilm()
    except (ImportError, BaselineUnavailable) as exc:
        print(f"(c) MiniLM candidates skipped: {exc}")
    else:
        emb = np.round(encoder.encode(statements, batch_size=32, normalize_embeddings=True, show_progress_bar=False), 4)
        for name, sparse in (("(c) MiniLM embeddings + LR", None), ("(c+b) MiniLM + words + cues + LR", full)):
            best = None
            for c in CS:
                for weight in WEIGHTS:

                    def predict(
                        tr: np.ndarray,
                        te: np.ndarray,
                        c: float = c,
                        weight: str | None = weight,
                        sparse: list[dict[str, float]] | None = sparse,
                    ) -> list[str]:
                        xtr, xte = csr_matrix(emb[tr]), csr_matrix(emb[te])
                        if sparse is not None:
                            vec = DictVectorizer(sort=True)
                            xtr = hstack([xtr, vec.fit_transform([sparse[i] for i in tr])])
                            xte = hstack([xte, vec.transform([sparse[i] for i in te])])
                        clf = OneVsRestClassifier(
                            LogisticRegression(C=c, solver="liblinear", class_weight=weight, max_iter=5000, tol=1e-8)
                        ).fit(_csr(xtr), np.array([y[i] for i in tr]))
                        return [str(p) for p in clf.predict(_csr(xte))]

                    s = summary(out_of_fold(predict, splits, len(y)), y)
                    if best is None or (s["accuracy"][0], s["macro_f1"][0]) > (
                        best["accuracy"][0],
                        best["macro_f1"][0],
                    ):
                        best = s
            assert best is not None
            rows.append((name, best))
    print(f"\ncandidates, grouped {FOLDS}-fold CV on {len(y)} statements (best C and class weighting of each):")
    for name, s in rows:
        print(f"  {name:40s} {fmt(s)}")


def curve(
    feats: list[dict[str, float]],
    y: list[str],
    groups: list[str],
    splits: list[tuple[np.ndarray, np.ndarray]],
    c: float,
    weight: str | None,
) -> None:
    """Grouped-CV accuracy when each fold trains on a share of its training articles (3 draws below 100%)."""
    print(f"learning curve (C={c}, class_weight={weight or 'none'}), grouped {FOLDS}-fold CV:")
    for share in (0.25, 0.5, 0.75, 1.0):
        accs = []
        for draw in range(3 if share < 1 else 1):
            rng = np.random.RandomState(SEED + draw)

            def predict(tr: np.ndarray, te: np.ndarray, share: float = share, rng=rng) -> list[str]:
                arts = sorted({groups[i] for i in tr})
                keep = set(rng.choice(arts, round(len(arts) * share), replace=False))
                sub = [i for i in tr if groups[i] in keep]
                model = label_model.from_dict(fit([feats[i] for i in sub], [y[i] for i in sub], c, weight))
                return [_label(model, feats[i]) for i in te]

            pred = out_of_fold(predict, splits, len(y))
            accs.append(sum(p == g for p, g in zip(pred, y, strict=True)) / len(y))
        print(
            f"  {share:4.0%} of the training articles (~{round(len(y) * share * (FOLDS - 1) / FOLDS)} statements): "
            f"accuracy {np.mean(accs):.3f} (draws: {', '.join(f'{a:.3f}' for a in accs)})"
        )


def _unit(f: dict[str, float]) -> dict[str, float]:
    scale = 1.0 / len(f) ** 0.5 if f else 1.0
    return {k: scale for k in f}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--check", action="store_true", help="retrain and compare with the shipped model")
    ap.add_argument("--compare", action="store_true", help="also cross-validate the candidate models")
    ap.add_argument("--curve", action="store_true", help="also print a learning curve of the chosen configuration")
    args = ap.parse_args()
    statements, y, groups = load(args.corpus, rounds=ROUNDS)
    splits = folds(y, groups)
    print(f"{len(y)} labelled statements from {len(set(groups))} articles; {dict(sorted(_counts(y).items()))}")
    if args.compare:
        compare(statements, y, groups, splits)
    feats = [label_model.features(s) for s in statements]
    print(f"choosing C and class weighting by grouped {FOLDS}-fold CV:")
    c, weight, pred = choose(feats, y, splits)
    cv = summary(pred, y)
    rules = summary([label.rule_label(s) for s in statements], y)
    print(f"{label_model.MODEL_VERSION}, grouped {FOLDS}-fold CV (C={c}, class_weight={weight or 'none'}): {fmt(cv)}")
    print(f"{label.RULES_VERSION} on the same statements:            {fmt(rules)}")
    if args.curve:
        curve(feats, y, groups, splits, c, weight)
    model = fit(feats, y, c, weight)
    model["trained_on"] = {
        "labels": LABELS.name,
        "reread": sum(1 for r in read_labels() if not r["not_row"] and r.get("reread")),
        "statements": len(y),
        "articles": len(set(groups)),
        "C": c,
        "class_weight": weight or "none",
        "min_count": MIN_COUNT,
        "word_vectors": label_model.VECTORS_VERSION,
        "cv": {k: [round(x, 4) for x in v] for k, v in cv.items()},
        "cv_folds": f"{FOLDS}, grouped by article, seed {SEED}",
    }
    out = json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
    if args.check:
        same = label_model.MODEL.is_file() and label_model.MODEL.read_text(encoding="utf-8") == out
        print("identical to the shipped model" if same else "DIFFERS from the shipped model")
        raise SystemExit(0 if same else 1)
    label_model.MODEL.parent.mkdir(parents=True, exist_ok=True)
    label_model.MODEL.write_text(out, encoding="utf-8")
    print(f"{len(model['weights'])} features -> {label_model.MODEL} ({len(out) // 1024} KiB)")


def _counts(y: Sequence[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for v in y:
        out[v] = out.get(v, 0) + 1
    return out


if __name__ == "__main__":
    main()
