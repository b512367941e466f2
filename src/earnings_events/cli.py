"""The ``earnings-events`` command: one typer command per stage, no logic here."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import UserError

app = typer.Typer(
    name="earnings-events",
    help="Turn news articles about company earnings into a validated Hugging Face dataset of executive statements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()


def _version(value: bool) -> None:
    if value:
        out.print(f"earnings-events {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the package version and exit.")
    ] = False,
) -> None:
    """Turn news articles about company earnings into a validated Hugging Face dataset of executive statements."""


@app.command()
def build(
    articles: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Article files or folders (searched recursively): .jsonl, .jsonl.gz, .txt, .html, "
            ".warc, .warc.gz, .parquet. Default: the bundled sample corpus.",
            show_default=False,
        ),
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out", "-o", help="Release folder to write (replaced only when complete).")
    ] = Path("dataset"),
    version: Annotated[
        str | None,
        typer.Option("--version", help="Dataset version X.Y.Z. Default: the version in OUT/MANIFEST.json, else 1.0.0."),
    ] = None,
    annotations: Annotated[
        Path | None, typer.Option(help="Folder of human labels (*.jsonl keyed by row id). Default: OUT/annotations.")
    ] = None,
    strict: Annotated[
        bool, typer.Option(help="Stop at the first rejected input record instead of writing it to rejects.jsonl.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(help="Processes for the per-article work. Default: the machine's cores.")
    ] = None,
    shard_size: Annotated[int, typer.Option(help="Input records per shard (the unit of work and of --resume).")] = 1000,
    resume: Annotated[
        bool, typer.Option(help="Continue an interrupted build of the same inputs from the shards already done.")
    ] = False,
    engine: Annotated[
        str, typer.Option(help="'local' (built in) or 'datatrove' (pip install earnings-events[scale]).")
    ] = "local",
    executor: Annotated[str, typer.Option(help="datatrove executor: local, slurm or ray.")] = "local",
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Build a release: ingest, extract, normalize, label, dedupe, split, write Parquet, card and manifest.

    The per-article work streams through the inputs in shards, in --workers processes (or on datatrove's executors with --engine datatrove); memory stays flat as the corpus grows. An interrupted build leaves the previous release untouched, and --resume picks up from the shards already done.

    Rejected input records (malformed JSON, no id or text, bad date, binary or empty files, ...) go to OUT/rejects.jsonl with file, line and reason; read = accepted + rejected.
    """
    from . import build as build_stage

    inputs = tuple(articles) if articles else (build_stage.SAMPLE_CORPUS,)
    if version is None:
        version = _manifest_version(out_dir) or build_stage.DEFAULT_VERSION
    options = build_stage.BuildOptions(
        inputs,
        out_dir,
        version,
        annotations,
        strict,
        workers or os.cpu_count() or 1,
        shard_size,
        resume,
        engine,
        executor,
    )
    with Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("reading articles", total=None)
        result = _guard(lambda: build_stage.run(options, lambda n: bar.advance(task, n)))
    stats = build_stage._stats(result)
    if as_json:
        out.print_json(json.dumps({"out": str(result.out), "version": result.version, **stats}))
        return
    t = Table(title=f"built {result.out} (v{result.version})", show_header=False)
    t.add_row("articles read", str(result.articles_read))
    t.add_row("accepted", str(result.articles_accepted))
    t.add_row("rejected", ", ".join(f"{k}: {v}" for k, v in sorted(result.rejects.items())) or "0")
    t.add_row("articles with rows", str(result.articles_with_rows))
    t.add_row("quotes found", str(result.quotes_found))
    t.add_row("duplicates dropped", str(result.duplicates_dropped))
    t.add_row("human labels used", f"{result.human_labels} ({result.annotations_unmatched} annotations matched no row)")
    for split, n in result.rows_per_split.items():
        per = ", ".join(f"{k} {v}" for k, v in result.rows_per_label[split].items())
        t.add_row(f"rows in {split}", f"{n} ({per})")
    out.print(t)
    if result.rejects:
        out.print(f"rejected records are listed in {result.out / 'rejects.jsonl'}")


@app.command()
def validate(
    release: Annotated[Path, typer.Argument(help="Release folder to check.")],
    failures_out: Annotated[
        Path | None, typer.Option("--failures", help="Write every failing value to this Parquet file.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Check a release: schema, field values, offsets, ids, duplicates, split leakage, manifest, card YAML.

    Exit 0 when valid; 1 with a report naming each failed check, its count and the first row ids.
    """
    from . import validate as validate_stage

    if not release.is_dir():
        _fail(f"{release}: no such folder")
    failures = validate_stage.run(release)
    report = validate_stage.summary(failures)
    if failures_out:
        failures.write_parquet(failures_out)
    if as_json:
        out.print_json(json.dumps({"valid": failures.is_empty(), "checks": report.to_dicts()}))
    elif failures.is_empty():
        out.print(f"[green]valid[/green]: {release} passes all {len(validate_stage.CHECKS)} checks")
    else:
        t = Table(title=f"{release}: {failures.height} failures")
        for col in ("check", "failures", "examples"):
            t.add_column(col)
        for r in report.iter_rows(named=True):
            t.add_row(r["check"], str(r["failures"]), r["examples"])
        out.print(t)
    if not failures.is_empty():
        raise typer.Exit(1)


@app.command()
def score(
    gold: Annotated[
        Path, typer.Argument(help="Gold rows, JSONL in the guide's form (article_id, statement, speaker, ...).")
    ],
    predicted: Annotated[Path, typer.Argument(help="A release folder, or predicted rows as JSONL.")],
    errors: Annotated[int, typer.Option("--errors", help="List up to N missed, invented and mismatched rows.")] = 0,
    only_gold_articles: Annotated[
        bool, typer.Option(help="Ignore predicted rows of articles that have no gold row.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores (and errors) as JSON.")] = False,
) -> None:
    """Compare extracted rows with gold rows: quote P/R/F1, field accuracies, label macro-F1, tuple F1.

    A predicted row matches a gold row of the same article when the statements agree after normalising
    white space, quote marks, case and edge punctuation (ratio >= 0.9, or containment at >= 80% length),
    one-to-one, best first. Tuple F1 counts a row only when statement, speaker, company and quarter are right.
    """
    from . import score as score_stage

    gold_rows = _guard(lambda: score_stage.read_rows(gold))
    pred_rows = _guard(lambda: score_stage.read_rows(predicted))
    result = score_stage.score(pred_rows, gold_rows, only_gold_articles)
    if as_json:
        payload = result.to_dict()
        payload["errors"] = payload["errors"][:errors] if errors else []
        payload["error_counts"] = score_stage.error_counts(result.errors)
        out.print_json(json.dumps(payload, ensure_ascii=False))
        return
    t = Table(title=f"{predicted} vs {gold}: {result.n_pred} predicted, {result.n_gold} gold, {result.matched} matched")
    for col in ("metric", "value"):
        t.add_column(col)
    t.add_row("quote precision", f"{result.quote['precision']:.3f}")
    t.add_row("quote recall", f"{result.quote['recall']:.3f}")
    t.add_row("quote F1", f"{result.quote['f1']:.3f}")
    for name, value in result.accuracy.items():
        t.add_row(f"{name} accuracy", f"{value:.3f}")
    t.add_row("label macro-F1", f"{result.label_macro_f1:.3f}")
    t.add_row("tuple precision", f"{result.tuple['precision']:.3f}")
    t.add_row("tuple recall", f"{result.tuple['recall']:.3f}")
    t.add_row("tuple F1", f"{result.tuple['f1']:.3f}")
    out.print(t)
    for e in result.errors[:errors]:
        out.print(json.dumps(e, ensure_ascii=False))


def _manifest_version(out_dir: Path) -> str | None:
    try:
        return json.loads((out_dir / "MANIFEST.json").read_text(encoding="utf-8")).get("dataset_version")
    except (OSError, ValueError):
        return None


def _fail(message: str) -> None:
    console.print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(2)


def _guard(fn):
    """Run ``fn``; a user's mistake becomes one line on stderr and exit 2, never a traceback."""
    try:
        return fn()
    except UserError as exc:
        _fail(str(exc))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
