"""Export the benchmark tasks as lm-evaluation-harness tasks, and the functions those tasks call.

``export(release, out)`` writes, for every task with an ``lm_eval`` block:

    OUT/<lm task>.yaml   dataset (the release folder, or a Hub repo), splits, prompt, target, metrics
    OUT/utils.py         a few lines: per-task functions that call this module
    OUT/README.md        how to run it

so that ``lm_eval --include_path OUT --tasks earnings_statement_type ...`` runs a model on the task
(``--tasks earnings_events`` runs all of them). The documents come from the dataset as lm-eval loads
it: rows of the scored split (the human-labelled ones whenever the split has any, as ``evaluate``
prefers), joined with their article where the task reads article fields, or whole articles (those
whose rows all lie in the split) with their rows as gold. Targets are the dataset's columns.
Classification is scored by accuracy and macro-F1, the speaker by normalised exact match, the rows by
the project's scorer (quote F1, tuple F1), so the numbers compare with ``evaluate``'s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from . import __version__, tasks
from .errors import ConfigError, InputError
from .tasks import TaskSpec

TAG = "earnings_events"
_HUB_REPO = re.compile(r"^[\w.\-]+/[\w.\-]+$")

# The article metrics lm-eval gets (field accuracies on matched rows stay with `evaluate`).
_ARTICLE_METRICS = ("quote_f1", "tuple_f1")


class _Function(str):
    """A ``!function utils.name`` reference in the exported YAML."""


def _function_representer(dumper: yaml.SafeDumper, value: _Function) -> yaml.Node:
    return dumper.represent_scalar("!function", str(value))


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Function, _function_representer)


def _info(spec: TaskSpec) -> dict[str, Any]:
    """What the runtime functions need to know of a task (kept in utils.py, so an export does not
    depend on the task files of whichever earnings-events is installed)."""
    return {
        "name": spec.name,
        "unit": spec.unit,
        "inputs": list(spec.inputs),
        "target": list(spec.target),
        "gold_source": spec.gold_source,
        "classes": list(spec.classes),
        "normalize": spec.normalize,
    }


def _jinja(prompt: str) -> str:
    return re.sub(r"\{(\w+)\}", r"{{\1}}", prompt)


def _version(v: str) -> float | str:
    try:
        return float(v)
    except ValueError:
        return v


def task_config(spec: TaskSpec, dataset_path: str, revision: str | None, manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The lm-eval YAML of one task."""
    assert spec.lm_eval is not None
    name = spec.lm_eval.task
    cfg: dict[str, Any] = {
        "task": name,
        "tag": [TAG],
        "dataset_path": dataset_path,
        "dataset_name": spec.config,
    }
    if revision:
        cfg["dataset_kwargs"] = {"revision": revision}
    cfg.update(
        {
            "training_split": spec.splits.fit,
            "validation_split": spec.splits.select,
            "test_split": spec.splits.score,
            "fewshot_split": spec.splits.fit,
            "process_docs": _Function(f"utils.process_docs_{name}"),
            "doc_to_text": _jinja(spec.lm_eval.prompt),
        }
    )
    if spec.unit == "row" and spec.classes:
        cfg.update(
            {
                "output_type": "multiple_choice",
                "doc_to_choice": list(spec.classes),
                "doc_to_target": spec.target_field,
                "process_results": _Function(f"utils.process_results_{name}"),
                "metric_list": [
                    {"metric": "acc", "aggregation": "mean", "higher_is_better": True},
                    {"metric": "macro_f1", "aggregation": _Function("utils.macro_f1"), "higher_is_better": True},
                ],
            }
        )
    elif spec.unit == "row":
        cfg.update(
            {
                "output_type": "generate_until",
                "doc_to_target": spec.target_field,
                "generation_kwargs": {"until": ["\n"], "max_gen_toks": 48, "do_sample": False},
                "process_results": _Function(f"utils.process_results_{name}"),
                "metric_list": [{"metric": "acc", "aggregation": "mean", "higher_is_better": True}],
            }
        )
    else:
        cfg.update(
            {
                "output_type": "generate_until",
                "doc_to_target": "gold_jsonl",
                "target_delimiter": "",
                "generation_kwargs": {"until": ["\n\n"], "max_gen_toks": 2048, "do_sample": False},
                "process_results": _Function(f"utils.process_results_{name}"),
                "metric_list": [
                    {"metric": m, "aggregation": _Function(f"utils.{m}"), "higher_is_better": True}
                    for m in spec.metrics
                    if m in _ARTICLE_METRICS
                ],
            }
        )
    cfg["metadata"] = {
        "version": _version(spec.version),
        "earnings_events_task": spec.name,
        "earnings_events_version": __version__,
        "dataset_version": manifest.get("dataset_version"),
        "input_fingerprint": manifest.get("input_fingerprint"),
    }
    return cfg


_UTILS_HEAD = '''"""Functions of the earnings-events lm-eval tasks (written by `earnings-events export lm-eval`).

They call the installed earnings-events package (pip install earnings-events), which scores the
answers exactly as `earnings-events evaluate` does.
"""

from earnings_events import lmeval_export as _ee

DATASET = {dataset!r}
REVISION = {revision!r}
macro_f1 = _ee.macro_f1_aggregation
quote_f1 = _ee.quote_f1_aggregation
tuple_f1 = _ee.tuple_f1_aggregation
'''

_UTILS_TASK = """

_{name} = {info!r}


def process_docs_{name}(dataset):
    return _ee.process_docs(dataset, _{name}, DATASET, REVISION)


def process_results_{name}(doc, results):
    return _ee.process_results(doc, results, _{name})
"""

_README = """# earnings-events tasks for lm-evaluation-harness

Written by `earnings-events export lm-eval` (earnings-events {version}) for dataset v{dataset_version}
(input fingerprint `{fingerprint}`), reading `{dataset_path}`.

```bash
pip install earnings-events lm-eval
lm_eval --include_path {out} --tasks {first} --model hf --model_args pretrained=MODEL
lm_eval --include_path {out} --tasks {tag} ...   # every task
```

| lm-eval task | earnings-events task | scored on | metrics |
|---|---|---|---|
{rows}

Documents are the `test` rows (the human-labelled ones whenever the split has any), or the articles
whose rows all lie in `test`; targets are the dataset's columns. The functions in `utils.py` call the
installed earnings-events, which scores answers as `earnings-events evaluate` does.
"""


def export(
    release: Path,
    out: Path,
    hub: str | None = None,
    revision: str | None = None,
    task_names: Sequence[str] = (),
    tasks_dir: Path | None = None,
) -> list[Path]:
    """Write the lm-eval tasks of ``release`` (or of the Hub repo ``hub``) into ``out``."""
    manifest_path = release / "MANIFEST.json"
    if not manifest_path.is_file():
        raise InputError("no MANIFEST.json: not a release folder", str(release))
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if hub is not None and not _HUB_REPO.match(hub):
        raise ConfigError(f"--hub must be OWNER/NAME, not {hub!r}")
    if revision and not hub:
        raise ConfigError("--revision applies only with --hub")
    specs = [tasks.get(t, tasks_dir) for t in task_names] if task_names else list(tasks.load_all(tasks_dir).values())
    specs = [s for s in specs if s.lm_eval is not None]
    if not specs:
        raise ConfigError("none of the chosen tasks has an lm_eval block")
    dataset_path = hub or str(release.resolve())
    out.mkdir(parents=True, exist_ok=True)
    written = []
    utils = _UTILS_HEAD.format(dataset=dataset_path, revision=revision)
    for spec in specs:
        assert spec.lm_eval is not None
        name = spec.lm_eval.task
        cfg = task_config(spec, dataset_path, revision, manifest)
        path = out / f"{name}.yaml"
        text = yaml.dump(cfg, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
        path.write_text(f"# {spec.name}: written by earnings-events export lm-eval\n{text}", encoding="utf-8")
        written.append(path)
        utils += _UTILS_TASK.format(name=name, info=_info(spec))
    (out / "utils.py").write_text(utils, encoding="utf-8")
    rows = "\n".join(
        f"| `{s.lm_eval.task}` | `{s.name}` | `{s.splits.score}` {s.unit}s | "
        f"{', '.join(m for m in s.metrics if s.unit != 'article' or m in _ARTICLE_METRICS)} |"
        for s in specs
        if s.lm_eval
    )
    readme = _README.format(
        version=__version__,
        dataset_version=manifest.get("dataset_version"),
        fingerprint=str(manifest.get("input_fingerprint"))[:12],
        dataset_path=dataset_path,
        out=out,
        first=specs[0].lm_eval.task if specs[0].lm_eval else "",
        tag=TAG,
        rows=rows,
    )
    (out / "README.md").write_text(readme, encoding="utf-8")
    return [*written, out / "utils.py", out / "README.md"]


# ---------------------------------------------------------------- run time (called from utils.py)


def _load(dataset_path: str, config: str, revision: str | None, split: str | None = None) -> Any:
    import datasets

    kwargs = {"revision": revision} if revision else {}
    return datasets.load_dataset(dataset_path, config, split=split, **kwargs)


def _articles(dataset_path: str, revision: str | None) -> dict[str, dict[str, Any]]:
    from . import schema

    (split,) = schema.load("articles").splits
    corpus = _load(dataset_path, "articles", revision, split)
    out = {}
    for r in corpus:
        published = r.get("published")
        out[r["article_id"]] = {
            **r,
            "published": published.isoformat() if hasattr(published, "isoformat") else published,
        }
    return out


def _class_names(dataset: Any, field: str) -> list[str] | None:
    feature = dataset.features.get(field)
    return list(feature.names) if hasattr(feature, "names") else None


def process_docs(dataset: Any, info: Mapping[str, Any], dataset_path: str, revision: str | None) -> Any:
    """The documents of one split: rows (human-labelled first) or whole articles with their rows."""
    import datasets

    rows = list(dataset)
    if info["unit"] == "article":
        return datasets.Dataset.from_list(_article_docs(dataset, rows, info, dataset_path, revision))
    if info["gold_source"] == "label_source" and any(r.get("label_source") == "human" for r in rows):
        keep = [i for i, r in enumerate(rows) if r.get("label_source") == "human"]
        dataset = dataset.select(keep)
        rows = [rows[i] for i in keep]
    joined = [c.split(".", 1)[1] for c in info["inputs"] if c.startswith("article.")]
    if not joined:
        return dataset
    articles = _articles(dataset_path, revision)
    docs = [{**r, **{c: articles.get(r["article_id"], {}).get(c) for c in joined}} for r in rows]
    return datasets.Dataset.from_list(docs, features=None)


def _article_docs(
    dataset: Any, rows: list[dict[str, Any]], info: Mapping[str, Any], dataset_path: str, revision: str | None
) -> list[dict[str, Any]]:
    """Articles whose rows all lie in this split, each with its rows as gold (JSON lines)."""
    full = _load(dataset_path, "statements", revision)
    ids = {r["id"] for r in rows}
    splits_of: dict[str, set[str]] = {}
    for split, part in full.items():
        for r in part.select_columns(["article_id"]):
            splits_of.setdefault(r["article_id"], set()).add(split)
    in_split = {r["article_id"] for r in rows}
    other = {a for a in in_split if len(splits_of.get(a, set())) > 1}
    articles = _articles(dataset_path, revision)
    keys = [*info["target"], "ticker"]
    docs = []
    for article_id in sorted(in_split - other):
        gold = sorted(
            (r for r in rows if r["article_id"] == article_id and r["id"] in ids), key=lambda r: r["char_start"]
        )
        art = articles.get(article_id, {})
        gold_rows = [{k: r.get(k) for k in keys} for r in gold]
        docs.append(
            {
                "article_id": article_id,
                "title": art.get("title"),
                "published": art.get("published"),
                "url": art.get("url"),
                "text": art.get("text", ""),
                "gold_rows": json.dumps(gold_rows, ensure_ascii=False),
                "gold_jsonl": "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold_rows),
            }
        )
    return docs


def parse_rows(text: str) -> list[dict[str, Any]]:
    """Rows from a model's answer: one JSON object a line (a JSON list of objects also works);
    lines that are not an object with a string ``statement`` are ignored."""
    text = text.strip()
    candidates: Iterable[Any]
    try:
        whole = json.loads(text)
        candidates = whole if isinstance(whole, list) else [whole]
    except json.JSONDecodeError:
        candidates = []
        for line in text.splitlines():
            try:
                candidates.append(json.loads(line.strip().rstrip(",")))
            except json.JSONDecodeError:
                continue
    return [r for r in candidates if isinstance(r, dict) and isinstance(r.get("statement"), str)]


def process_results(doc: Mapping[str, Any], results: Sequence[Any], info: Mapping[str, Any]) -> dict[str, Any]:
    """One document's contribution to each metric."""
    from . import score

    if info["unit"] == "article":
        pred = parse_rows(results[0] if results else "")
        item = (doc["article_id"], pred, json.loads(doc["gold_rows"]))
        return {"quote_f1": item, "tuple_f1": item}
    target = info["target"][0]
    if info["classes"]:
        lls = [r[0] if isinstance(r, (tuple, list)) else r for r in results]
        pred = max(range(len(lls)), key=lambda i: (lls[i], -i))
        gold = doc[target]
        return {"acc": float(pred == gold), "macro_f1": (pred, gold)}
    answer = (results[0] if results else "").strip().splitlines()
    said = answer[0].strip() if answer else ""
    norm = score.norm_speaker if info["normalize"] == "speaker" else (lambda s: s)
    return {"acc": float(norm(said) == norm(doc[target]))}


def macro_f1_aggregation(items: Sequence[tuple[Any, Any]]) -> float:
    from .metrics import macro_f1

    return macro_f1(list(items)) or 0.0


def _extraction(items: Sequence[tuple[str, list[dict], list[dict]]], kind: str) -> float:
    from . import score

    pred, gold = [], []
    for article_id, p, g in items:
        pred += [{**r, "article_id": article_id} for r in p]
        gold += [{**r, "article_id": article_id} for r in g]
    keep = ("article_id", "statement", "speaker", "company", "ticker", "quarter")
    s = score.score([{k: r.get(k) for k in keep} for r in pred], [{k: r.get(k) for k in keep} for r in gold])
    return (s.quote if kind == "quote" else s.tuple)["f1"]


def quote_f1_aggregation(items: Sequence[tuple[str, list[dict], list[dict]]]) -> float:
    return _extraction(items, "quote")


def tuple_f1_aggregation(items: Sequence[tuple[str, list[dict], list[dict]]]) -> float:
    return _extraction(items, "tuple")
