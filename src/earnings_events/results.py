"""Results of evaluate: result files, the confusion-matrix PNG, the leaderboard and its card section.

A result is a plain dict (``evaluate.score_predictions``); it is written as
``results/<task>__<system>.json`` with sorted keys and no timestamps. ``leaderboard.md`` is rebuilt from
every result file of the folder that was computed on the same release (dataset version and input
fingerprint); results of another release are counted as stale and left out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from . import tasks
from .metrics import ROW_FIELDS

RESULTS = "results"
LEADERBOARD = "leaderboard.md"
SOURCE_NOTES = {
    "human": "gold from human annotators",
    "rules": "gold labels from the rule labeler (label_rules_v1): agreement with the rules, not quality",
    "model": "gold labels from the trained labeler (see the manifest's labeler): agreement with that model, not quality",
    "extractor": "gold from the project's extractor: agreement with the extractor, not quality",
}
_SAFE = re.compile(r"[^A-Za-z0-9._\-]+")


def result_name(task: str, system: str) -> str:
    return f"{task}__{_SAFE.sub('-', system)}"


def write_result(result: Mapping[str, Any], out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{result_name(result['task'], result['system'])}.json"
    path.write_text(json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def write_confusion_png(result: Mapping[str, Any], out: Path) -> Path | None:
    """The headline confusion matrix as a PNG; None when matplotlib is missing or there is none."""
    headline = result.get("headline")
    cm = result["subsets"].get(headline, {}).get("metrics", {}).get("confusion_matrix") if headline else None
    if not cm:
        return None
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    labels, counts = cm["labels"], cm["counts"]
    fig, ax = plt.subplots(figsize=(1.1 * len(labels) + 2.2, 1.0 * len(labels) + 1.6), dpi=100)
    ax.imshow(counts, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    top = max((max(r) for r in counts), default=0)
    for i, row in enumerate(counts):
        for j, v in enumerate(row):
            ax.text(j, i, str(v), ha="center", va="center", color="white" if v > top / 2 else "black")
    n = result["subsets"][headline]["n"]
    ax.set_title(f"{result['task']}: {result['system']}\n{n} {headline}-labelled {result['dataset']['split']} rows")
    fig.tight_layout()
    path = out / f"{result_name(result['task'], result['system'])}.confusion.png"
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return path


_COLUMNS = {
    "accuracy": "accuracy",
    "macro_f1": "macro-F1",
    "quote_f1": "quote F1",
    "tuple_f1": "tuple F1",
    **{f"{f}_accuracy": f.replace("speaker_role", "role") for f in ROW_FIELDS},  # field_accuracy's columns
}


def _columns(metric_names: Sequence[str]) -> list[str]:
    """The leaderboard columns of a task's metrics: ``field_accuracy`` is one column per field."""
    out: list[str] = []
    for m in metric_names:
        out += [f"{f}_accuracy" for f in ROW_FIELDS] if m == "field_accuracy" else [m] if m in _COLUMNS else []
    return out


def format_estimate(m: Mapping[str, Any] | None) -> str:
    """``0.708 [0.542, 0.875]``, or ``n/a``."""
    if not m or m.get("value") is None:
        return "n/a"
    lo, hi = m["ci95"]
    ci = f" [{lo:.3f}, {hi:.3f}]" if lo is not None else ""
    return f"{m['value']:.3f}{ci}"


def _settings(s: Mapping[str, Any]) -> str:
    keep = {k: v for k, v in s.items() if k not in ("chosen_on", "validation_macro_f1")}
    return ", ".join(f"{k}={v}" for k, v in sorted(keep.items()))


def _rank(result: Mapping[str, Any], source: str, metric: str) -> tuple[float, str]:
    v = result["subsets"][source]["metrics"].get(metric, {}).get("value")
    return (-(v if v is not None else -1.0), result["system"])


def leaderboard(
    version: str,
    fingerprint: str,
    results: Sequence[Mapping[str, Any]],
    stale: int = 0,
    tasks_dir: Path | None = None,
) -> str:
    """The markdown leaderboard of ``results`` (all computed on the release of this version and input fingerprint): classification tasks first,
    then other row tasks, then article tasks."""
    specs = {s.name: s for s in tasks.load_all().values()}
    if tasks_dir is not None:
        specs.update({s.name: s for s in tasks.load_all(tasks_dir).values()})
    by_task: dict[str, list[Mapping[str, Any]]] = {}
    for r in results:
        by_task.setdefault(r["task"], []).append(r)
    seeds = sorted({r["seed"] for r in results})
    resamples = sorted({r["bootstrap"]["resamples"] for r in results})
    lines = [
        "## Leaderboard",
        "",
        f"Scores on the held-out `test` split of v{version} (input fingerprint "
        f"`{fingerprint[:12]}`), computed by `earnings-events evaluate`. Brackets are 95% bootstrap "
        f"intervals ({', '.join(f'{n:,}' for n in resamples)} resamples, seed {', '.join(map(str, seeds))}); "
        "a small test split gives wide intervals. Trained baselines fit on `train` and chose their "
        "settings on `validation`; every system predicted `test` once. Scores against gold from the project's "
        "labelers (rules or trained model) or its own extractor measure agreement with the project's rules, not quality, "
        "and are shown apart. The project's own baselines (`rules`, `attributor`, `extractor`) are hand-written "
        "rules: on a corpus they were developed on (such as the bundled sample corpus), their scores are in-sample.",
    ]

    def order(task: str) -> tuple[bool, bool, str]:
        spec = specs.get(task)
        return (spec is None or spec.unit == "article", spec is None or not spec.classes, task)

    for task in sorted(by_task, key=order):
        rs = by_task[task]
        spec = specs.get(task)
        metric_names = _columns(spec.metrics if spec else ()) or ["accuracy"]
        lines += ["", f"### {task}", ""]
        if spec and spec.description:
            lines += [spec.description, ""]
        sources = sorted({s for r in rs for s in r["subsets"]}, key=lambda s: (s != "human", s))
        for source in sources:
            with_source = [r for r in rs if source in r["subsets"]]
            n = with_source[0]["subsets"][source]["n"]
            unit = "articles" if (spec and spec.unit == "article") else "rows"
            lines.append(
                f"Gold: {n} {unit} of `{with_source[0]['dataset']['split']}`, {SOURCE_NOTES.get(source, source)}."
            )
            if any(m.endswith("_accuracy") and m != "accuracy" for m in metric_names):
                lines.append(
                    "The columns after tuple F1 are each field's accuracy on the predicted rows matched to gold rows."
                )
            lines += ["", "| system | " + " | ".join(_COLUMNS[m] for m in metric_names) + " | settings |"]
            lines.append("|---|" + "---|" * len(metric_names) + "---|")

            for r in sorted(with_source, key=lambda r, s=source, m=metric_names[0]: _rank(r, s, m)):
                m = r["subsets"][source]["metrics"]
                cells = " | ".join(format_estimate(m.get(name)) for name in metric_names)
                name = r["system"] if r["kind"] == "baseline" else f"{r['system']} ({r['kind']})"
                lines.append(f"| {name} | {cells} | {_settings(r['settings'])} |")
            lines.append("")
        unscored = rs[0]["dataset"].get("unscored")
        if unscored:
            lines.append(
                "Not scored: " + ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in sorted(unscored.items())) + "."
            )
            lines.append("")
        while lines[-1] == "":
            lines.pop()
    if stale:
        lines += ["", f"({stale} result file(s) computed on another release are not shown; run evaluate again.)"]
    return "\n".join(lines) + "\n"


def write_leaderboard(out: Path, version: str, fingerprint: str, tasks_dir: Path | None = None) -> Path:
    """``leaderboard.md`` in ``out`` over every result file there computed on the release of this version
    and input fingerprint; the others are counted as stale."""
    current, stale = [], 0
    for path in sorted(out.glob("*.json")):
        try:
            r = json.loads(path.read_text(encoding="utf-8"))
            same = (r["dataset"]["version"], r["dataset"]["input_fingerprint"]) == (
                version,
                fingerprint,
            )
        except (OSError, ValueError, KeyError, TypeError):
            stale += 1
            continue
        if same:
            current.append(r)
        else:
            stale += 1
    path = out / LEADERBOARD
    out.mkdir(parents=True, exist_ok=True)  # every task may have been skipped: nothing made the folder yet
    path.write_text(leaderboard(version, fingerprint, current, stale, tasks_dir), encoding="utf-8")
    return path


def card_section(release_dir: Path, dataset_version: str, input_fingerprint: str) -> str:
    """The leaderboard for the dataset card: ``results/leaderboard.md`` of ``release_dir`` when it was
    computed on this version and input fingerprint, else ``""`` (results carried over from another
    release are stale). The text starts with its own ``## Leaderboard`` heading."""
    path = release_dir / RESULTS / LEADERBOARD
    if not path.is_file():
        return ""
    text = path.read_text(encoding="utf-8")
    return text if f"v{dataset_version} (input fingerprint `{input_fingerprint[:12]}`)" in text else ""


def headline(result: Mapping[str, Any]) -> dict[str, Any]:
    """The headline metrics of a result: its preferred gold subset, point values and intervals."""
    sub = result["subsets"].get(result["headline"], {})
    return {"gold": result["headline"], "n": sub.get("n", 0), **sub.get("metrics", {})}
