"""Score the labelers on the gold statements of the shared development sets and the whole-stream audit.

    python scripts/score_labeler.py [../shared] [--json]

For each gold set it labels every gold statement with ``label_minilm_v2`` (when the embeddings extra is installed;
an article's statements in one batch, as the build labels them), ``label_lr_v4`` and ``label_rules_v1`` (the
labeler's own accuracy, apart from extraction: the statement is the gold one) and prints accuracy, macro-F1 and the risk
class's recall with 95% bootstrap intervals (``metrics.classification``: 1,000 resamples of the statements,
seeded). The sets: ``devwire``, ``devweb``, ``devcorpus`` (``gold.jsonl``: ``statement`` and ``label``) and the
audit's judged rows (``audit/rows-*.jsonl``: ``statement`` and ``judged.label_gold``, rows judged not to be rows
left out). These sets measure only: the labeler was neither trained nor tuned on them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from earnings_events import metrics
from earnings_events.pipeline import label, label_minilm, label_model

CLASSES = ("outlook", "performance", "risk", "other")
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def gold_sets(shared: Path) -> dict[str, list[tuple[str, str, str]]]:
    """(statement, gold label, article id) of each set found under ``shared``."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    for name in ("devwire", "devweb", "devcorpus"):
        path = shared / name / "gold.jsonl"
        if path.is_file():
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            out[name] = [(r["statement"], r["label"], r["article_id"]) for r in rows]
    for path in sorted((shared / "audit").glob("rows-*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        out[f"audit:{path.stem}"] = [
            (r["statement"], r["judged"]["label_gold"], r["article_id"])
            for r in rows
            if r["judged"].get("is_row", True) and r["judged"].get("label_gold") in CLASSES
        ]
    return out


def score(pairs: list[tuple[str, str]]) -> dict[str, list[float]]:
    """Accuracy, macro-F1 and risk recall as [value, low, high]."""
    m = metrics.classification(pairs, CLASSES, ("accuracy", "macro_f1", "per_class"))
    out = {k: m[k] for k in ("accuracy", "macro_f1")}
    out["risk_recall"] = m["per_class"]["risk"]["recall"]
    return {k: [round(v["value"], 3), *(round(x, 3) for x in v["ci95"])] for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("shared", type=Path, nargs="?", default=SHARED)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    model = label_model.load()
    labelers: dict[str, Callable[[list[str]], list[str]]] = {}
    try:
        minilm = label_minilm.load()
        labelers[minilm.version] = minilm.label_all
    except (ModuleNotFoundError, FileNotFoundError, ValueError) as exc:
        print(f"score_labeler: {label_minilm.MODEL_VERSION} skipped ({exc})", file=sys.stderr)
    labelers[model.version] = lambda xs: [model.label(x) for x in xs]
    labelers[label.RULES_VERSION] = lambda xs: [label.rule_label(x) for x in xs]
    results = {}
    for name, gold in gold_sets(args.shared).items():
        by_article: dict[str, list[int]] = {}
        for i, (_, _, art) in enumerate(gold):
            by_article.setdefault(art, []).append(i)
        for lab, fn in labelers.items():
            pred = [""] * len(gold)
            for idx in by_article.values():
                for i, p in zip(idx, fn([gold[i][0] for i in idx]), strict=True):
                    pred[i] = p
            results[f"{name} {lab}"] = {"n": len(gold), **score([(p, g[1]) for p, g in zip(pred, gold, strict=True)])}
    if args.json:
        print(json.dumps(results, indent=2, sort_keys=True))
        return
    print("| set | labeler | n | accuracy [95%] | macro-F1 [95%] | risk recall [95%] |")
    print("|---|---|---:|---|---|---|")
    for key, r in results.items():
        name, lab = key.split(" ")
        cells = [f"{r[k][0]:.3f} [{r[k][1]:.3f}, {r[k][2]:.3f}]" for k in ("accuracy", "macro_f1", "risk_recall")]
        print(f"| {name} | {lab} | {r['n']} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
