"""The ``earnings-events`` command: one typer command per stage, no logic here."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import JobSubmitted, UserError

app = typer.Typer(
    name="earnings-events",
    help="Turn news articles about company earnings into a validated Hugging Face dataset of executive statements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help prints as written: rich markup would swallow "[scale]" and "[REVISION]"
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
        list[str] | None,
        typer.Argument(
            help="Article files or folders (searched recursively): .jsonl, .jsonl.gz, .jsonl.zst, .csv(.gz|.zst), "
            ".parquet, .txt, .html, .warc(.gz), folders of the Ding layout (a folder per day, four '-- ' header "
            "lines a file), datasets written by save_to_disk, Hub-style dataset folders, or "
            "hf://datasets/OWNER/NAME[@REVISION] (streamed). Default: the bundled sample corpus.",
            show_default=False,
            metavar="ARTICLES",
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
        str, typer.Option(help="'local' (built in) or 'datatrove' (pip install 'earnings-events[scale]').")
    ] = "local",
    executor: Annotated[
        str,
        typer.Option(
            help="datatrove executor: local, slurm or ray. slurm submits a job array and returns; run the same "
            "command with --resume when it has finished to write the release."
        ),
    ] = "local",
    partition: Annotated[str | None, typer.Option(help="Slurm partition (--executor slurm).")] = None,
    time_limit: Annotated[
        str, typer.Option("--time", help="Slurm time limit per task, HH:MM:SS (--executor slurm).")
    ] = "04:00:00",
    field_map: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            metavar="NAME=COLUMN",
            help="NAME=COLUMN: read the article field NAME (id, text, title, url, published, outlet) from the "
            "input's COLUMN, for CSV, Parquet, JSONL and Hugging Face datasets (repeatable), e.g. --field "
            "text=maintext --field published=date_publish. Unmapped fields use the usual column names; without "
            "an id the URL is the id, else a hash of the text.",
            show_default=False,
        ),
    ] = None,
    layout: Annotated[
        str,
        typer.Option(
            help="Folder layout: auto (recognised from the files) or ding (every file is an article "
            "with four '-- ' header lines)."
        ),
    ] = "auto",
    hf_config: Annotated[
        str | None, typer.Option("--hf-config", help="Config of a Hugging Face dataset input.", show_default=False)
    ] = None,
    hf_split: Annotated[str, typer.Option("--hf-split", help="Split of a Hugging Face dataset input.")] = "train",
    article_text: Annotated[
        bool,
        typer.Option(
            "--article-text/--no-article-text",
            help="Keep the article bodies in the articles config. --no-article-text leaves them out (licensed "
            "news cannot be republished): ids, URLs, dates, titles, outlets, scope decisions and the statements' "
            "offsets stay.",
        ),
    ] = True,
    card_notes: Annotated[
        Path | None,
        typer.Option(
            "--card-notes",
            help="A Markdown file whose text the release's card carries after DATASET_CARD.md (what this release "
            "is built from, how its test labels were made, its terms).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Build a release: ingest, analyse each article (scope, quotes, speakers, company, quarter, label), apply
    human judgements, check rows, dedupe, split, write Parquet, card and manifest.

    The per-article work streams through the inputs in shards, in --workers processes (or on datatrove's executors with --engine datatrove); memory stays flat as the corpus grows. An interrupted build leaves the previous release untouched, and --resume picks up from the shards already done.

    Rejected input records (malformed JSON, no id or text, bad date, binary or empty files, ...) go to OUT/rejects.jsonl with file, line and reason; read = accepted + rejected.
    """
    from . import build as build_stage
    from . import ingest

    inputs = tuple(ingest.input_of(a) for a in articles) if articles else (build_stage.SAMPLE_CORPUS,)
    if version is None:
        version = _manifest_version(out_dir) or build_stage.DEFAULT_VERSION
    reading = _guard(lambda: ingest.IngestOptions(ingest.FieldMap.parse(field_map or ()), layout, hf_config, hf_split))
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
        partition,
        time_limit,
        reading,
        article_text,
        card_notes,
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
        try:
            result = _guard(lambda: build_stage.run(options, lambda n: bar.advance(task, n)))
        except JobSubmitted as submitted:
            result = None
            message = str(submitted)
    if result is None:
        out.print(message, soft_wrap=True)
        return
    stats = build_stage._stats(result)
    if as_json:
        out.print_json(json.dumps({"out": str(result.out), "version": result.version, **stats}))
        return
    t = Table(title=f"built {result.out} (v{result.version})", show_header=False)
    t.add_row("articles read", str(result.articles_read))
    t.add_row("accepted", str(result.articles_accepted))
    t.add_row("rejected", ", ".join(f"{k}: {v}" for k, v in sorted(result.rejects.items())) or "0")
    in_scope = result.articles_accepted - result.articles_out_of_scope
    t.add_row(
        "in scope",
        f"{in_scope} (out of scope: {result.articles_out_of_scope}; reasons in MANIFEST.json and the articles config)",
    )
    t.add_row("articles with rows", str(result.articles_with_rows))
    t.add_row("quotes found", str(result.quotes_found))
    t.add_row("duplicates dropped", str(result.duplicates_dropped))
    if result.rows_rejected:
        t.add_row(
            "rows failing checks",
            ", ".join(f"{k}: {v}" for k, v in sorted(result.rows_rejected.items())) + " (in rejects.jsonl)",
        )
    t.add_row("human labels used", f"{result.human_labels} ({result.annotations_unmatched} annotations matched no row)")
    from .pipeline.label import fallback_notes, labeler_name  # resolved (and cached) by the build itself

    t.add_row("labeler", escape("; ".join([labeler_name(), *fallback_notes()])))  # the hint holds "[embeddings]"
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
    checked = validate_stage.report(release)
    failures = checked.failures
    report = validate_stage.summary(failures)
    for line in checked.skipped:
        console.print(f"skipped: {line}", highlight=False, markup=False, soft_wrap=True)
    if failures_out:
        failures.write_parquet(failures_out)
    if as_json:
        out.print_json(
            json.dumps({"valid": failures.is_empty(), "checks": report.to_dicts(), "skipped": checked.skipped})
        )
    elif failures.is_empty():
        but = f" ({len(checked.skipped)} skipped, listed above)" if checked.skipped else ""
        out.print(f"[green]valid[/green]: {release} passes all {len(validate_stage.CHECKS)} checks{but}")
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


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(
            help="The older release: a folder, or OWNER/NAME@REVISION on the Hub "
            "(a tag such as v1.0.0 or 1.0.0, a branch or a commit).",
            show_default=False,
        ),
    ],
    new: Annotated[str, typer.Argument(help="The newer release, in the same forms.", show_default=False)],
    show: Annotated[int, typer.Option("--show", help="List up to N added, removed and changed rows.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole report as JSON.")] = False,
) -> None:
    """Compare two releases: rows added, removed and changed by id, label changes as a matrix,
    rows per split, schema changes, and the version bump the changes need (major: incompatible schema or
    label set; minor: rows or columns added or removed; patch: corrections).
    """
    import tempfile

    from . import diff as diff_stage

    with tempfile.TemporaryDirectory(prefix="earnings-events-diff-") as tmp:
        _quiet_hub()
        old_dir = _guard(lambda: diff_stage.resolve(old, Path(tmp) / "old"))
        new_dir = _guard(lambda: diff_stage.resolve(new, Path(tmp) / "new"))
        report = _guard(lambda: diff_stage.compare(old_dir, new_dir, old, new))
    if as_json:
        out.print_json(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    need = report.level or "none"
    verdict = {True: "enough", False: "NOT enough", None: "unknown"}[report.version_ok]
    out.print(
        f"{old} ({report.old_version}) -> {new} ({report.new_version}): "
        f"{'identical content' if report.identical else 'changes need a ' + need + ' release'}; "
        f"version bump {verdict}",
        highlight=False,
        soft_wrap=True,
    )
    t = Table(title="rows per split")
    for col in ("config", "split", "old", "new"):
        t.add_column(col, justify="right" if col in ("old", "new") else "left")
    for c in report.configs.values():
        for split, n in c.rows_per_split.items():
            t.add_row(c.config, split, str(n["old"]), str(n["new"]))
    out.print(t)
    for c in report.configs.values():
        out.print(
            f"{c.config}: {len(c.added)} added, {len(c.removed)} removed, {len(c.changed)} changed"
            + (f" ({', '.join(f'{k} {v}' for k, v in c.changed_columns.items())})" if c.changed else "")
            + f", {len(c.moved)} moved between splits",
            highlight=False,
        )
    if report.label_changes:
        m = Table(title=f"label changes: {len(report.label_changes)} rows")
        m.add_column("old \\ new label")
        for name in report.label_names:
            m.add_column(name, justify="right")
        for a in report.label_names:
            m.add_row(a, *(str(report.label_matrix[a][b]) for b in report.label_names))
        out.print(m)
    st = report.configs.get("statements")
    if st and show:
        for rid in st.added[:show]:
            out.print(f"+ {rid}", highlight=False)
        for rid in st.removed[:show]:
            out.print(f"- {rid}", highlight=False)
        for rid, cols in list(st.changed.items())[:show]:
            change = "; ".join(f"{k}: {a!r} -> {b!r}" for k, (a, b) in cols.items())
            out.print(f"~ {rid} {change}", highlight=False, soft_wrap=True)
    for s in report.schemas.values():
        if not s.empty:
            out.print(
                f"schema of {s.config}: added {s.added}, removed {s.removed}, retyped {s.retyped}, "
                f"classes {s.classes}, splits added {s.splits_added}, removed {s.splits_removed}",
                highlight=False,
                soft_wrap=True,
            )
    for reason in report.changes().schema_breaking:
        out.print(f"major: {reason}", highlight=False)


@app.command()
def publish(
    release: Annotated[Path, typer.Argument(help="The release folder to publish (as built by `build`).")],
    repo_id: Annotated[str, typer.Option("--repo-id", help="The dataset repo on the Hub, OWNER/NAME.")],
    private: Annotated[
        bool, typer.Option("--private", help="Create the repo private (applies only when it does not exist yet).")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate and print the exact operations; send nothing.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the result as JSON (progress goes to stderr).")
    ] = False,
) -> None:
    """Publish a release to the Hugging Face Hub as the tag vX.Y.Z of its version.

    Refuses an invalid release before any request; creates the dataset repo if needed; commits the files
    that changed to main in one commit; tags it vX.Y.Z; reads the file list at the tag back and checks it
    against MANIFEST.json. A version already published with the same files is left as it is; a tag with
    other files, or a newer version on the Hub, is refused. A failed run can be run again to resume.
    The token comes from HF_TOKEN or `hf auth login` and is never printed; HF_ENDPOINT selects the Hub.
    """
    from . import publish as publish_stage

    _quiet_hub()
    log = console if as_json else out
    result = _guard(
        lambda: publish_stage.publish(
            release,
            repo_id,
            private=private,
            dry_run=dry_run,
            log=lambda line: log.print(line, highlight=False, markup=False, soft_wrap=True),
        )
    )
    if as_json:
        out.print_json(json.dumps(result.to_dict()))
    elif result.status == "published":
        out.print(
            f'published {result.repo_id} {result.tag}: load_dataset("{result.repo_id}", revision="{result.tag}")',
            highlight=False,
            markup=False,
            soft_wrap=True,
        )


@app.command()
def fetch(
    repo_id: Annotated[str, typer.Argument(help="The dataset repo on the Hub, OWNER/NAME.", show_default=False)],
    version: Annotated[str, typer.Option("--version", help="The version X.Y.Z to fetch (the Hub tag vX.Y.Z).")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="A new folder to download the release into.")],
) -> None:
    """Download one published version into a folder and check it, for offline use.

    Offline, load_dataset("OWNER/NAME", revision=...) ignores the revision and returns whichever version
    is cached (datasets issue 7928). Fetch the version once, then load the folder: load_dataset("OUT").
    """
    from . import publish as publish_stage

    _quiet_hub()
    path = _guard(lambda: publish_stage.fetch(repo_id, version, out_dir))
    out.print(
        f'fetched {repo_id} v{version.removeprefix("v")} into {path} (valid); load it with load_dataset("{path}")',
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


def _quiet_hub() -> None:
    """No progress bars or warnings from huggingface_hub: the commands print their own progress."""
    from huggingface_hub.utils import disable_progress_bars, logging

    disable_progress_bars()
    logging.set_verbosity_error()


@app.command()
def evaluate(
    release: Annotated[Path, typer.Argument(help="A release folder (as built by `build`).")],
    task: Annotated[
        list[str] | None,
        typer.Option("--task", "-t", help="A task to evaluate (repeatable). Default: every task in schema/tasks."),
    ] = None,
    baseline: Annotated[
        list[str] | None,
        typer.Option("--baseline", "-b", help="A baseline to run (repeatable). Default: every baseline of each task."),
    ] = None,
    predictions: Annotated[
        Path | None,
        typer.Option(
            "--predictions",
            "-p",
            help='Score your model instead: JSONL of {"id", "prediction"} for every test unit of one --task '
            "(row id and class name or speaker; article_id and a list of rows for event-extraction).",
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="Your model's name for --predictions (default: the file's stem).")
    ] = None,
    seed: Annotated[
        int | None, typer.Option(help="Seed of the trained baselines and of the bootstrap. Default: 20240229.")
    ] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Results folder. Default: RELEASE/results.")] = None,
    tasks_dir: Annotated[
        Path | None, typer.Option("--tasks-dir", help="A folder of task YAMLs. Default: the package's schema/tasks.")
    ] = None,
    articles: Annotated[
        list[Path] | None,
        typer.Option(
            "--articles",
            help="For a release built with --no-article-text: the corpus files it was built from (repeatable), "
            "read for the bodies of the tasks that need them (speaker-attribution, event-extraction).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the results as JSON.")] = False,
) -> None:
    """Score baselines (or your predictions) on the benchmark tasks, with 95% bootstrap intervals.

    Trained baselines fit on train, choose settings on validation and predict test once. Scores on
    human gold and on gold from the project's rules are reported apart; the headline uses the human
    gold. Writes RESULTS/<task>__<system>.json, a confusion-matrix PNG for statement-type and
    RESULTS/leaderboard.md. A baseline whose optional packages are missing is skipped with a message.

    Examples: earnings-events evaluate dataset;
    earnings-events evaluate dataset --task statement-type --predictions preds.jsonl --name my-model;
    earnings-events evaluate REL --articles ../shared/corpora/reuters-2006-2013.jsonl.zst (a release without bodies)
    """
    from . import evaluate as evaluate_stage
    from . import results as results_stage

    options = evaluate_stage.EvaluateOptions(
        release=release,
        tasks=tuple(task or ()),
        baselines=tuple(baseline or ()),
        predictions=predictions,
        name=name,
        out=out_dir,
        tasks_dir=tasks_dir,
        articles=tuple(articles or ()),
        **({"seed": seed} if seed is not None else {}),
    )
    report = _guard(
        lambda: evaluate_stage.run(options, lambda step: console.print(f"evaluating {step}", highlight=False))
    )
    for message in report.skipped:
        console.print(message, highlight=False, markup=False)
    if as_json:
        out.print_json(
            json.dumps(
                {"results": [str(p) for p in report.results], "skipped": report.skipped, "scores": report.scores}
            )
        )
        return
    t = Table(title=f"{release}: scored split, headline gold, [95% bootstrap interval]")
    shown = [
        m
        for m in ("accuracy", "macro_f1", "quote_f1", "tuple_f1")
        if any(m in results_stage.headline(r) for r in report.scores)
    ]
    for col in ("task", "system", "gold"):
        t.add_column(col, no_wrap=True)
    for col in shown:
        t.add_column(col)
    for r in report.scores:
        head = results_stage.headline(r)
        t.add_row(
            r["task"],
            r["system"],
            f"{head['n']} {head['gold']}",
            *(results_stage.format_estimate(head[m]) if m in head else "" for m in shown),
        )
    out.print(t)
    out.print(f"leaderboard: {report.leaderboard}", highlight=False)


annotate_app = typer.Typer(
    help="Human labels: export rows for labelling, import labels and report inter-annotator agreement.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(annotate_app, name="annotate")


@annotate_app.command("export")
def annotate_export(
    release: Annotated[Path, typer.Argument(help="A release folder.")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="The CSV file to write.")],
    split: Annotated[
        list[str] | None, typer.Option("--split", help="Only rows of this split (repeatable). Default: all.")
    ] = None,
    only_rules: Annotated[bool, typer.Option(help="Only rows whose label still comes from the rules.")] = False,
    with_current: Annotated[
        bool, typer.Option(help="Add the current label and its source (annotators then see the rules' answer).")
    ] = False,
) -> None:
    """Write rows as CSV for human labelling: fill `label` (outlook, performance, risk, other) and `annotator`."""
    from . import annotate as annotate_stage

    n = _guard(lambda: annotate_stage.export_rows(release, out_file, tuple(split or ()), only_rules, with_current))
    out.print(
        f"wrote {n} rows to {out_file}; fill 'label' and 'annotator', then: earnings-events annotate import "
        f"{out_file} --into {release / 'annotations'}",
        highlight=False,
        soft_wrap=True,
    )


@annotate_app.command("import")
def annotate_import(
    labels: Annotated[
        Path, typer.Argument(help="A filled CSV from `annotate export`, or JSONL rows in the guide's form.")
    ],
    into: Annotated[Path, typer.Option("--into", help="The annotations folder to merge into.")] = Path(
        "dataset/annotations"
    ),
    annotator: Annotated[
        str | None, typer.Option(help="The annotator of rows whose 'annotator' column is empty.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Merge human labels into an annotations folder; with two annotators or more, report Cohen's kappa.

    Each annotator's labels go to INTO/annotators/<name>.jsonl; INTO/imported.jsonl holds the label a
    strict majority of each row's annotators gave (ties are listed, not imported). Rebuild (a new patch
    version) to apply them.
    """
    from . import annotate as annotate_stage

    report = _guard(lambda: annotate_stage.import_labels(labels, into, annotator))
    if as_json:
        out.print_json(json.dumps(report.to_dict()))
        return
    who = ", ".join(f"{k} {v}" for k, v in sorted(report.by_annotator.items()))
    out.print(
        f"imported {report.labelled} labels ({who}; {report.skipped_blank} blank skipped) into {into}; "
        f"{report.consensus} rows have a consensus label",
        highlight=False,
        soft_wrap=True,
    )
    for a in report.agreement:
        kappa = "undefined" if a.kappa is None else f"{a.kappa:.3f}"
        out.print(
            f"agreement {a.a} vs {a.b}: {a.n} rows, {a.agreement:.1%} the same, Cohen's kappa {kappa}", highlight=False
        )
    if report.disagreements:
        out.print(
            f"{len(report.disagreements)} rows have no majority label (not imported), e.g. "
            f"{report.disagreements[0]['id']}: {report.disagreements[0]['labels']}",
            highlight=False,
        )
    for name, n in report.overridden.items():
        out.print(f"{n} imported labels are overridden by {name} (later files win)", highlight=False)


audit_app = typer.Typer(
    help="Audit a release: draw rows for people to judge, then report the share right per field "
    "with Wilson 95% intervals.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(audit_app, name="audit")


@audit_app.command("sample")
def audit_sample(
    release: Annotated[Path, typer.Argument(help="The release folder to audit (as built by `build`).")],
    out_file: Annotated[
        Path, typer.Option("--out", "-o", help="The sheet to write: SHEET.jsonl, or SHEET.csv for a spreadsheet.")
    ],
    seed: Annotated[int, typer.Option(help="Seed of the draw; record it with the audit (same seed, same rows).")],
    n: Annotated[int, typer.Option("--n", help="Rows to draw (all of them when the release has fewer).")] = 150,
    split: Annotated[
        list[str] | None, typer.Option("--split", help="Draw only from this split (repeatable). Default: all.")
    ] = None,
    blind: Annotated[
        bool,
        typer.Option(
            help="Leave the extracted values out: judges write the right value in each <field>_gold "
            '("none" for no value), and `audit report --release` compares it with the release\'s.'
        ),
    ] = False,
    articles: Annotated[
        list[Path] | None,
        typer.Option(
            "--articles",
            help="The corpus files or folders the release was built from (repeatable); needed only when the "
            "release holds no article text.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite an existing sheet (it may hold judgements).")] = False,
) -> None:
    """Draw N rows of a release at random and write an audit sheet for people to judge.

    Each row of the sheet holds the statement, its article's headline, date and URL, the sentences
    around it (the statement between ⟦ ⟧), the extracted fields, and empty judgements: in_scope (is the
    article about an earnings event), is_row (is this a row under the annotation guide), span_ok, and
    for speaker, role, company, ticker, quarter and label an <field>_ok (true/false) and a <field>_gold
    (the right value), plus error_class and note. The draw orders row ids by sha256(seed, id): the
    same release and seed give the same sheet, and its first k rows are a random sample too.

    Example: earnings-events audit sample dataset --n 150 --seed 7 --out audit.csv
    """
    from . import audit as audit_stage

    options = audit_stage.SampleOptions(
        release, out_file, n, seed, tuple(split or ()), blind, tuple(articles or ()), force
    )
    path = _guard(lambda: audit_stage.sample(options))
    drawn = len(_guard(lambda: audit_stage.read_sheet(path)))
    out.print(
        f"wrote {drawn} rows to {path} (seed {seed}); fill the judged columns, then: "
        f"earnings-events audit report {path}" + (f" --release {release}" if blind else ""),
        highlight=False,
        soft_wrap=True,
    )


@audit_app.command("split")
def audit_split(
    sheet: Annotated[Path, typer.Argument(help="The sheet to cut (.jsonl or .csv), as `audit sample` wrote it.")],
    parts: Annotated[int, typer.Option("--parts", help="How many parts: one per reader.")] = 5,
    force: Annotated[bool, typer.Option(help="Overwrite existing parts (they may hold judgements).")] = False,
) -> None:
    """Cut a sheet into parts of consecutive rows, one per reader, written beside it as SHEET-part1.jsonl,
    SHEET-part2.jsonl, ... in the sheet's format; part sizes differ by one row at most.

    Example: earnings-events audit split audit.jsonl --parts 5
    """
    from . import audit_sheet

    written = _guard(lambda: audit_sheet.split_sheet(sheet, parts, force))
    paths, sizes = [p for p, _ in written], [n for _, n in written]
    out.print(
        f"wrote {len(paths)} parts of {sheet} ({' + '.join(map(str, sizes))} rows): "
        + ", ".join(str(p) for p in paths)
        + f"; once judged: earnings-events audit join {' '.join(str(p) for p in paths)} --sheet {sheet} --out JUDGED",
        highlight=False,
        soft_wrap=True,
    )


@audit_app.command("join")
def audit_join(
    parts: Annotated[list[Path], typer.Argument(help="The judged parts (.jsonl or .csv), in any order.")],
    out_file: Annotated[Path, typer.Option("--out", "-o", help="The joined sheet to write (.jsonl or .csv).")],
    sheet: Annotated[
        Path | None,
        typer.Option(
            "--sheet",
            help="The sheet the parts were cut from: the joined sheet takes its order, and a row missing from "
            "every part (or a row it does not have) stops the join.",
        ),
    ] = None,
    text_free: Annotated[
        bool,
        typer.Option(
            help="Keep row ids, offsets and judgements only, the words a note quotes blanked: a sheet that can "
            "ship without the articles' text (what releases/*/audit/ holds)."
        ),
    ] = False,
    force: Annotated[bool, typer.Option(help="Overwrite an existing --out.")] = False,
) -> None:
    """Join the judged parts of a sheet into one, checking each part as `audit report` does; a row in two
    parts stops the join, naming both files and lines.

    Example: earnings-events audit join audit-part*.jsonl --sheet audit.jsonl --out judged.jsonl
    """
    from . import audit_sheet

    joined = _guard(lambda: audit_sheet.join_sheets(list(parts), out_file, sheet, text_free, force))
    out.print(
        f"joined {joined.rows} rows from {joined.parts} parts into {joined.path} "
        f"({joined.judged} judged, {joined.rows - joined.judged} not yet judged)",
        highlight=False,
        soft_wrap=True,
    )


@audit_app.command("report")
def audit_report(
    sheet: Annotated[Path, typer.Argument(help="A judged sheet (.jsonl or .csv) from `audit sample`.")],
    release: Annotated[
        Path | None,
        typer.Option(
            help="The release the sheet was drawn from: needed for a blind sheet, whose gold values are "
            "compared with the release's values."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    only_in_release: Annotated[
        bool,
        typer.Option(
            "--only-in-release",
            help="Leave out (and count) the sheet's rows that --release no longer holds, as when a later build of "
            "the same release dropped a few; without it such a row stops the report.",
        ),
    ] = False,
) -> None:
    """Report what share of a judged sheet is right, each share with its Wilson 95% interval.

    Of all judged rows: from an in-scope article, a row, tuple right (in scope, a row, span, speaker,
    company and quarter right), every field right (tuple + role, ticker, label). On the judged rows
    from in-scope articles that are rows: each field's share right. Then the counts of error_class.
    Rows with no judgement at all are counted apart; a judgement missing for one field leaves the row
    out of that field's n instead of counting it wrong. Where a judge gave <field>_gold but no
    <field>_ok, the report compares the gold value with the extracted one itself (speakers and
    companies normalised as `score` does, a company also right in another form of its name when the
    gold ticker is the release's; a blind sheet needs --release for that). An empty gold
    value is no judgement; write "none" for "no value" (an unlisted company's ticker).

    Example: earnings-events audit report audit.csv; earnings-events audit report blind.csv --release dataset
    """
    from . import audit as audit_stage

    result = _guard(lambda: audit_stage.report(sheet, release, only_in_release))
    if as_json:
        out.print_json(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    labels = {
        "in_scope": "from an in-scope article",
        "is_row": "a row",
        "tuple": "tuple right",
        "every_field": "every field right",
    }
    out.print(
        f"{sheet}: judged {result.judged} of {result.rows} rows ({result.rows - result.judged} not yet judged, left out)"
        + (f"; {result.not_in_release} rows not in the release left out" if result.not_in_release else ""),
        highlight=False,
        soft_wrap=True,
    )
    for title, shares, names in (
        (f"of the {result.judged} judged rows:", result.overall, labels),
        (f"on the {result.field_rows} judged rows from in-scope articles that are rows:", result.fields, {}),
    ):
        out.print(title, highlight=False)
        t = Table()
        for col in ("measure", "right", "n", "share", "95% interval"):
            t.add_column(col, justify="left" if col == "measure" else "right")
        for name, share in shares.items():
            ci = share.interval
            t.add_row(
                names.get(name, name),
                str(share.right),
                str(share.n),
                "-" if share.value is None else f"{share.value:.1%}",
                "-" if ci is None else f"{ci[0]:.1%}-{ci[1]:.1%}",
            )
        out.print(t)
    if result.error_classes:
        out.print("error classes:", highlight=False)
        t = Table()
        t.add_column("error_class")
        t.add_column("rows", justify="right")
        for name, count in result.error_classes.items():
            t.add_row(name, str(count))
        out.print(t)
    if result.derived:
        out.print(
            f"{result.derived} <field>_ok values were set by comparing <field>_gold with the extracted value",
            highlight=False,
            markup=False,
        )
    for note in result.notes:
        out.print(note, highlight=False, markup=False)


export_app = typer.Typer(help="Export the benchmark tasks to other tools.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(export_app, name="export")


@export_app.command("lm-eval")
def export_lm_eval(
    release: Annotated[Path, typer.Argument(help="A release folder.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="The folder to write the lm-eval tasks into.")],
    hub: Annotated[
        str | None, typer.Option(help="Point the tasks at this Hub repo (OWNER/NAME) instead of the folder.")
    ] = None,
    revision: Annotated[str | None, typer.Option(help="With --hub: the revision (e.g. the tag v1.0.0).")] = None,
    task: Annotated[list[str] | None, typer.Option("--task", "-t", help="Only this task (repeatable).")] = None,
) -> None:
    """Write the tasks as lm-evaluation-harness tasks (YAML + utils.py).

    Then: lm_eval --include_path OUT --tasks earnings_statement_type --model hf --model_args pretrained=MODEL
    (--tasks earnings_events runs every task).
    """
    from . import lmeval_export

    files = _guard(lambda: lmeval_export.export(release, out_dir, hub, revision, tuple(task or ())))
    names = ", ".join(p.stem for p in files if p.suffix == ".yaml")
    out.print(
        f"wrote {names} to {out_dir}; run: lm_eval --include_path {out_dir} --tasks {files[0].stem} ...",
        highlight=False,
        soft_wrap=True,
    )


def _manifest_version(out_dir: Path) -> str | None:
    try:
        return json.loads((out_dir / "MANIFEST.json").read_text(encoding="utf-8")).get("dataset_version")
    except (OSError, ValueError):
        return None


def _fail(message: str) -> None:
    console.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)  # one line, as written
    raise typer.Exit(2)


def _guard(fn):
    """Run ``fn``; a user's mistake becomes one line on stderr and exit 2, never a traceback."""
    try:
        return fn()
    except UserError as exc:
        _fail(str(exc))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
