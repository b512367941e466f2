"""Evaluate: a built release and a task in, scores with bootstrap intervals out.

Reads only a built release (statements, articles, MANIFEST.json, annotations/). For each task
(``tasks.py``) it builds the examples of the fit, select and score splits; a system (a baseline, a
user's callable or a predictions file) gets labelled examples of the fit and select splits only and
input records of the scored split without their targets, and predicts that split once. Every system
is scored by the same function, ``score_predictions``.

The gold of each scored unit says where it came from: ``human`` (an annotator), ``rules`` (the rule
labeler) or ``extractor`` (the project's extractor). Scores are reported per source, and the
headline uses the human gold whenever the split has any: a score against rule labels or extracted
rows measures agreement with the project's own rules, not quality.

Writes (``results.py``) ``results/<task>__<system>.json`` (sorted keys, no timestamps: the same
release, system and seed give byte-identical files), a confusion-matrix PNG for classification tasks,
and ``results/leaderboard.md`` over every result computed on this release.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from . import __version__, annotate, baselines, bodies, jsonl, metrics, results, schema, score, tasks
from .baselines import Baseline, BaselineUnavailable, Example
from .errors import ConfigError, InputError
from .tasks import TaskSpec


@dataclass(frozen=True)
class EvaluateOptions:
    release: Path
    tasks: tuple[str, ...] = ()  # empty: every task
    baselines: tuple[str, ...] = ()  # empty: every baseline of each task
    predictions: Path | None = None  # a JSONL file of {"id", "prediction"} instead of baselines
    name: str | None = None  # the system name of the predictions (default: the file's stem)
    seed: int = metrics.SEED
    resamples: int = metrics.RESAMPLES
    out: Path | None = None  # default: RELEASE/results
    tasks_dir: Path | None = None  # default: schema/tasks
    plots: bool = True
    articles: tuple[Path, ...] = ()  # the corpus files, for a release built without article bodies


@dataclass
class Report:
    results: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    scores: list[dict[str, Any]] = field(default_factory=list)
    leaderboard: Path | None = None


# ---------------------------------------------------------------- the release


@dataclass
class ReleaseData:
    """What evaluate reads from a release folder."""

    root: Path
    version: str
    fingerprint: str
    rows: dict[str, pl.DataFrame]  # split -> statements, class labels as names
    articles: dict[str, dict[str, Any]]  # article_id -> articles row
    annotations: dict[str, dict[str, Any]]  # row id -> annotation record


def read_release(root: Path) -> ReleaseData:
    """A release folder as evaluate needs it; a missing or broken file is an ``InputError``."""
    if not root.is_dir():
        raise InputError("no such release folder", str(root))
    try:
        manifest = json.loads((root / "MANIFEST.json").read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError("no MANIFEST.json: build the release first", str(root)) from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"MANIFEST.json is not valid JSON ({exc.msg})", str(root)) from exc
    spec = schema.load("statements")
    rows = {}
    for split in spec.splits:
        path = root / "statements" / f"{split}.parquet"
        if not path.is_file():
            raise InputError(f"missing statements/{split}.parquet", str(root))
        df = pl.read_parquet(path)
        for f in spec.fields:
            if f.type == "class_label":
                df = df.with_columns(
                    pl.col(f.name).replace_strict(list(range(len(f.classes))), list(f.classes), return_dtype=pl.String)
                )
        rows[split] = df
    (art_split,) = schema.load("articles").splits
    art_path = root / "articles" / f"{art_split}.parquet"
    if not art_path.is_file():
        raise InputError(f"missing articles/{art_split}.parquet", str(root))
    articles = {
        r["article_id"]: {**r, "published": r["published"].isoformat() if r["published"] else None}
        for r in pl.read_parquet(art_path).to_dicts()
    }
    return ReleaseData(
        root=root,
        version=str(manifest.get("dataset_version")),
        fingerprint=str(manifest.get("input_fingerprint")),
        rows=rows,
        articles=articles,
        annotations=annotate.read_records(root / "annotations"),
    )


# ---------------------------------------------------------------- examples of a task


@dataclass
class TaskData:
    """The examples of one task on one release, by split, and what could not be scored."""

    spec: TaskSpec
    examples: dict[str, list[Example]]
    notes: dict[str, int] = field(default_factory=dict)

    def labelled(self, role: str) -> list[Example]:
        """Labelled examples of the fit or select split (never the scored one)."""
        if role not in ("fit", "select"):
            raise ValueError("only the fit and select splits are given with their targets")
        return self.examples[getattr(self.spec.splits, role)]

    def scored(self) -> list[Example]:
        return self.examples[self.spec.splits.score]

    def inputs(self) -> list[dict[str, Any]]:
        """Input records of the scored split: the task's inputs only, no target, no id."""
        return [dict(e.inputs) for e in self.scored()]


def _inputs(spec: TaskSpec, row: Mapping[str, Any], article: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for f in spec.inputs:
        cfg, _, col = f.rpartition(".")
        value = article.get(col) if cfg == "article" else row.get(col)
        out[col] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def task_data(spec: TaskSpec, release: ReleaseData) -> TaskData:
    """The examples of ``spec`` on ``release``, with the gold source of each."""
    if spec.unit == "row":
        return TaskData(spec, {split: _row_examples(spec, release, df) for split, df in release.rows.items()})
    return _article_examples(spec, release)


def _row_examples(spec: TaskSpec, release: ReleaseData, df: pl.DataFrame) -> list[Example]:
    target = spec.target_field
    out = []
    for row in df.to_dicts():
        article = release.articles.get(row["article_id"], {})
        if spec.gold_source == "label_source":
            gold, source = row[target], row["label_source"]
        else:
            record = release.annotations.get(row["id"], {})
            if target in record:
                gold, source = record[target], "human"
            else:
                gold, source = row[target], "extractor"
        out.append(Example(row["id"], _inputs(spec, row, article), gold, source))
    return out


_ROW_KEYS = ("statement", "speaker", "speaker_role", "company", "ticker", "quarter", "label", "char_start", "char_end")


def _gold_row(r: Mapping[str, Any], article_id: str) -> dict[str, Any]:
    return {"article_id": article_id, **{k: r[k] for k in _ROW_KEYS if k in r}}


def _human_rows(release: ReleaseData) -> tuple[dict[str, list[dict[str, Any]]], set[str]]:
    """Per article, the annotation records that are rows (``is_row`` not false), each with its statement
    (from the article's text where the record gives offsets only); and the articles with a record judged
    not to be a row."""
    rows: dict[str, list[dict[str, Any]]] = {}
    judged_out: set[str] = set()
    for rec in release.annotations.values():
        article_id = rec.get("article_id")
        if article_id is None:
            continue
        if rec.get("is_row") is False:
            judged_out.add(article_id)
            continue
        text = release.articles.get(article_id, {}).get("text")
        if "statement" not in rec and text and "char_start" in rec:
            rec = {**rec, "statement": text[int(rec["char_start"]) : int(rec["char_end"])]}
        rows.setdefault(article_id, []).append(rec)
    return rows, judged_out


def _article_examples(spec: TaskSpec, release: ReleaseData) -> TaskData:
    """Articles as units: an article belongs to a split when all its rows are in that split. An article whose
    annotation records give whole rows has human gold (its records that are rows); an article all of whose
    judged rows were judged not to be rows (the build left them out) is a scored example whose gold is no
    rows, so a system's rows there count against its precision."""
    splits_of: dict[str, set[str]] = {}
    dataset_rows: dict[str, list[dict[str, Any]]] = {}
    for split, df in release.rows.items():
        for row in df.sort("article_id", "char_start").to_dicts():
            splits_of.setdefault(row["article_id"], set()).add(split)
            dataset_rows.setdefault(row["article_id"], []).append(row)
    records, judged_out = _human_rows(release)
    human = {a: recs for a, recs in records.items() if all(all(k in r for k in spec.target) for r in recs)}
    partial = {a for a in records if a not in human}
    empty = sorted(a for a in judged_out - set(records) if a not in splits_of and a in release.articles)
    examples: dict[str, list[Example]] = {s: [] for s in release.rows}
    for article_id in sorted(splits_of):
        (split, *more) = sorted(splits_of[article_id])
        if more:
            continue
        article = release.articles.get(article_id, {})
        if article_id in human:
            recs = sorted(human[article_id], key=lambda r: (r.get("char_start", 0), r.get("char_end", 0)))
            gold, source = [_gold_row(r, article_id) for r in recs], "human"
        else:
            gold, source = [_gold_row(r, article_id) for r in dataset_rows[article_id]], "extractor"
        examples[split].append(Example(article_id, _inputs(spec, {}, article), gold, source))
    # Judgements are drawn from the scored split: an article judged to hold no row belongs to it.
    for article_id in empty:
        examples[spec.splits.score].append(
            Example(article_id, _inputs(spec, {}, release.articles[article_id]), [], "human")
        )
    notes = {
        "articles_in_two_splits": sum(1 for s in splits_of.values() if len(s) > 1),
        "human_gold_articles_without_split": sum(1 for a in human if a not in splits_of),
        "human_gold_rows_without_split": sum(len(v) for a, v in human.items() if a not in splits_of),
        "human_records_without_whole_rows": sum(len(records[a]) for a in partial),
    }
    return TaskData(spec, examples, {k: v for k, v in notes.items() if v})


def fill_bodies(release: ReleaseData, corpus: tuple[Path, ...], progress: Callable[[str], None] | None = None) -> int:
    """Put the article bodies of a release built without them back, from the corpus it was built from (each
    row's statement must sit at its offsets); returns how many articles got their text."""
    rows = pl.concat(
        [df.select("id", "article_id", "char_start", "char_end", "statement") for df in release.rows.values()]
    )
    judged = {r["article_id"] for r in release.annotations.values() if "article_id" in r}
    texts, _ = bodies.article_texts(
        release.root,
        rows.to_dicts(),
        corpus,
        (lambda n: progress(f"reading --articles: {n:,} records")) if progress else None,
        also=judged & set(release.articles),
    )
    for article_id, text in texts.items():
        if article_id in release.articles:
            release.articles[article_id]["text"] = text
    return len(texts)


# ---------------------------------------------------------------- scoring


def _check_predictions(spec: TaskSpec, examples: Sequence[Example], predictions: Sequence[Any], where: str) -> None:
    if len(predictions) != len(examples):
        raise InputError(f"{len(predictions)} predictions for {len(examples)} inputs", where)
    classes = set(spec.classes)
    for e, p in zip(examples, predictions, strict=True):
        if spec.unit == "article":
            if not isinstance(p, list) or not all(
                isinstance(r, dict) and isinstance(r.get("statement"), str) for r in p
            ):
                raise InputError(f"prediction for {e.id}: a list of rows, each with a 'statement', is needed", where)
        elif classes and p not in classes:
            raise InputError(f"prediction {p!r} for {e.id} is not one of {sorted(classes)}", where)
        elif not classes and p is not None and not isinstance(p, str):
            raise InputError(f"prediction for {e.id} must be a string, not {type(p).__name__}", where)


def _normalize(spec: TaskSpec, value: Any) -> Any:
    if spec.normalize == "speaker":
        return score.norm_speaker(value)
    return value


_SCORED = ("statement", "speaker", "company", "ticker", "quarter")


def _article_counts(examples: Sequence[Example], predictions: Sequence[Any]) -> list[metrics.ArticleCounts]:
    out = []
    for e, pred in zip(examples, predictions, strict=True):
        # The scorer compares statement, speaker, company (ticker when both have one) and quarter.
        pred_rows = [{k: r.get(k) for k in _SCORED} | {"article_id": e.id} for r in pred]
        gold_rows = [{k: r.get(k) for k in _SCORED} | {"article_id": e.id} for r in e.target]
        pred = [{**r, "article_id": e.id} for r in pred]
        s = score.score(pred_rows, gold_rows)
        tuple_tp = round(s.tuple["recall"] * s.n_gold)  # the scorer's tuple matches: recall = tp / gold
        pairs = score.match(pred, e.target) if pred and e.target else []
        # Each field's right values on matched rows, as the scorer compares them (pairs index pred and gold).
        field_ok = tuple(sum(score.field_equal(f, pred[i], e.target[j]) for i, j in pairs) for f in metrics.ROW_FIELDS)
        out.append(metrics.ArticleCounts(s.n_pred, s.n_gold, s.matched, tuple_tp, field_ok))
    return out


def _subset_metrics(
    spec: TaskSpec, examples: Sequence[Example], predictions: Sequence[Any], seed: int, resamples: int
) -> dict[str, Any]:
    if spec.unit == "article":
        return metrics.extraction(_article_counts(examples, predictions), spec.metrics, resamples, seed)
    pairs = [(_normalize(spec, p), _normalize(spec, e.target)) for e, p in zip(examples, predictions, strict=True)]
    return metrics.classification(pairs, spec.classes, spec.metrics, resamples, seed)


def score_predictions(
    data: TaskData,
    predictions: Sequence[Any],
    system: str,
    kind: str,
    release: ReleaseData,
    settings: Mapping[str, Any] | None = None,
    seed: int = metrics.SEED,
    resamples: int = metrics.RESAMPLES,
    where: str = "predictions",
) -> dict[str, Any]:
    """The result record of one system's predictions for the scored split (in its order)."""
    spec = data.spec
    examples = data.scored()
    _check_predictions(spec, examples, predictions, where)
    by_source: dict[str, list[int]] = {}
    for i, e in enumerate(examples):
        by_source.setdefault(e.source, []).append(i)
    subsets = {}
    for source in sorted(by_source):
        idx = by_source[source]
        subsets[source] = {
            "n": len(idx),
            "note": results.SOURCE_NOTES.get(source, source),
            "metrics": _subset_metrics(
                spec, [examples[i] for i in idx], [predictions[i] for i in idx], seed, resamples
            ),
        }
    headline = "human" if "human" in subsets else (sorted(subsets)[0] if subsets else None)
    return {
        "task": spec.name,
        "task_version": spec.version,
        "system": system,
        "kind": kind,
        "settings": dict(settings or {}),
        "dataset": {
            "version": release.version,
            "input_fingerprint": release.fingerprint,
            "split": spec.splits.score,
            "fit_split": spec.splits.fit,
            "select_split": spec.splits.select,
            "n": len(examples),
            **({"unscored": data.notes} if data.notes else {}),
        },
        "package_version": __version__,
        "seed": seed,
        "bootstrap": {
            "resamples": resamples,
            "confidence": metrics.CONFIDENCE,
            "method": "percentile",
            "unit": spec.unit,
        },
        "headline": headline,
        "subsets": subsets,
    }


def run_baseline(
    data: TaskData,
    baseline: Baseline,
    release: ReleaseData,
    seed: int = metrics.SEED,
    resamples: int = metrics.RESAMPLES,
) -> dict[str, Any]:
    """Fit on the fit split, choose settings on the select split, predict the scored split once."""
    settings = baseline.fit(data.labelled("fit"), data.labelled("select"))
    predictions = baseline.predict(data.inputs())
    return score_predictions(
        data, predictions, baseline.name, "baseline", release, settings, seed, resamples, where=baseline.name
    )


def score_callable(
    release: str | Path | ReleaseData,
    task: str,
    model: Callable[[list[dict[str, Any]]], Sequence[Any]],
    name: str = "model",
    seed: int = metrics.SEED,
    resamples: int = metrics.RESAMPLES,
    out: Path | None = None,
) -> dict[str, Any]:
    """Score a user's model: ``model(inputs)`` gets the scored split's input records (the task's
    inputs, no targets) and returns one prediction per record. With ``out``, the result is written
    there like a baseline's (``out`` is usually ``RELEASE/results``)."""
    rel = release if isinstance(release, ReleaseData) else read_release(Path(release))
    data = task_data(tasks.get(task), rel)
    result = score_predictions(data, list(model(data.inputs())), name, "callable", rel, None, seed, resamples, name)
    if out is not None:
        results.write_result(result, out)
        results.write_leaderboard(out, rel.version, rel.fingerprint)
    return result


def read_predictions(path: Path, data: TaskData) -> list[Any]:
    """Predictions in the scored split's order from a JSONL file of ``{"id": ..., "prediction": ...}``."""
    if not path.is_file():
        raise InputError("no such predictions file", str(path))
    found: dict[str, Any] = {}
    for lineno, rec in jsonl.objects(path, ("id", "prediction")):
        if rec["id"] in found:
            raise InputError(f"a second prediction for id {rec['id']!r}", str(path), lineno)
        found[str(rec["id"])] = rec["prediction"]
    wanted = [e.id for e in data.scored()]
    missing = [i for i in wanted if i not in found]
    extra = sorted(set(found) - set(wanted))
    split = data.spec.splits.score
    if missing:
        raise InputError(
            f"no prediction for {len(missing)} of {len(wanted)} {split} ids (first: {missing[0]})", str(path)
        )
    if extra:
        raise InputError(f"{len(extra)} ids are not in the {split} split of this task (first: {extra[0]})", str(path))
    return [found[i] for i in wanted]


# ---------------------------------------------------------------- the command


def run(options: EvaluateOptions, progress: Callable[[str], None] | None = None) -> Report:
    """Evaluate the chosen baselines (or a predictions file) on the chosen tasks of a release."""
    release = read_release(options.release)
    specs = tasks.load_all(options.tasks_dir)
    chosen = [tasks.get(t, options.tasks_dir) for t in options.tasks] if options.tasks else list(specs.values())
    out = options.out or options.release / results.RESULTS
    report = Report()
    bodiless = bool(release.articles) and all(a.get("text") is None for a in release.articles.values())
    reading = [s for s in chosen if "article.text" in s.inputs]
    if bodiless and reading and options.articles:  # built with --no-article-text: bodies from the corpus
        fill_bodies(release, options.articles, progress)
    elif bodiless:  # the tasks that read article bodies cannot run on it
        for spec in reading:
            report.skipped.append(
                f"{spec.name} skipped: it reads article.text, and this release was built without article bodies "
                "(--no-article-text); pass --articles PATH, the corpus it was built from"
            )
            chosen.remove(spec)
    elif options.articles:
        raise ConfigError("--articles is for a release built without article bodies; this one holds them")
    if options.predictions is not None:
        if len(chosen) != 1:
            raise ConfigError(
                "--predictions needs one --task"
                + (" that needs no article bodies" if bodiless and not options.articles else "")
            )
        if options.baselines:
            raise ConfigError("give --predictions or --baseline, not both")
        data = task_data(chosen[0], release)
        preds = read_predictions(options.predictions, data)
        name = options.name or options.predictions.stem
        result = score_predictions(
            data, preds, name, "predictions", release, None, options.seed, options.resamples, str(options.predictions)
        )
        _emit(result, out, options, report)
    else:
        for b in options.baselines:
            if b not in baselines.REGISTRY:
                known = list(baselines.REGISTRY)
                raise ConfigError(f"unknown baseline {b!r}{tasks._did_you_mean(b, known)}")
        for spec in chosen:
            names = [b for b in spec.baselines if not options.baselines or b in options.baselines]
            if options.baselines and not names:
                if len(chosen) == 1:
                    raise ConfigError(
                        f"task {spec.name} has no baseline {', '.join(options.baselines)} "
                        f"(its baselines: {', '.join(spec.baselines)})"
                    )
                continue
            data = task_data(spec, release)
            for name in names:
                if progress:
                    progress(f"{spec.name}: {name}")
                try:
                    baseline = baselines.REGISTRY[name].make(spec, options.seed)
                    result = run_baseline(data, baseline, release, options.seed, options.resamples)
                except BaselineUnavailable as exc:
                    report.skipped.append(str(exc))
                    continue
                _emit(result, out, options, report)
    report.leaderboard = results.write_leaderboard(out, release.version, release.fingerprint, options.tasks_dir)
    return report


def _emit(result: dict[str, Any], out: Path, options: EvaluateOptions, report: Report) -> None:
    report.scores.append(result)
    report.results.append(results.write_result(result, out))
    spec_metrics = {m for s in result["subsets"].values() for m in s["metrics"]}
    if options.plots and "confusion_matrix" in spec_metrics:
        png = results.write_confusion_png(result, out)
        if png is None:
            report.skipped.append("confusion-matrix PNG skipped: install earnings-events[baselines] (matplotlib)")
        else:
            report.results.append(png)
