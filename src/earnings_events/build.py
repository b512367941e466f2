"""Stage 5, build: article files in, a release folder out.

Two phases. The per-article phase streams the inputs in shards of ``shard_size``
records through ``pipeline.process`` (layout, quotes, mentions, periods, scope, speakers, company,
quarter, label), in
``workers`` processes or on datatrove's executors (scale.py), and writes each
shard to a work folder (shards.py); ``--resume`` keeps the shards already done.
The global phase reads the shards back: human labels, exact duplicates kept once
(earliest article wins), splits by event (company, quarter) in time order,
Parquet with the schema's explicit Arrow schema, the card (README.md),
MANIFEST.json and rejects.jsonl. Only the rows, which are small, are held in
memory; articles are streamed. Output is written to a temporary folder beside
``out`` and moved into place only when complete; the same inputs and version
give byte-identical files whatever the number of workers.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import multiprocessing
import shutil
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__, card, croissant, human_labels, ingest, pipeline, results, schema, versions
from .errors import InputError, UserError
from .records import Article, Reject, Row
from .registry import load as load_registry
from .rowid import duplicate_key
from .shards import ShardStats, WorkFolder, reject_record

SAMPLE_CORPUS = Path(__file__).resolve().parent / "data" / "sample"
DEFAULT_VERSION = "1.0.0"
DEFAULT_SHARD_SIZE = 1000
SPLIT_SHARES = {"train": 0.70, "validation": 0.15, "test": 0.15}
# Files of a release that build does not make and carries over from the previous release.
CARRIED = ("annotations", "CHANGELOG.md", "results")


def sample_annotations() -> Path:
    """The sample corpus's human labels: ``dataset/annotations`` of a checkout, else the packaged copy."""
    here = Path(__file__).resolve().parent
    checkout = here.parents[1] / "dataset" / "annotations"
    return checkout if checkout.is_dir() else here / "data" / "sample_annotations"


@dataclass(frozen=True)
class BuildOptions:
    inputs: tuple[ingest.Input, ...]  # files, folders, hf://datasets/OWNER/NAME[@REVISION]
    out: Path
    version: str = DEFAULT_VERSION
    annotations: Path | None = None
    strict: bool = False
    workers: int = 1
    shard_size: int = DEFAULT_SHARD_SIZE
    resume: bool = False
    engine: str = "local"  # "local" | "datatrove"
    executor: str = "local"  # datatrove's executor: "local" | "slurm" | "ray"
    partition: str | None = None  # Slurm partition (--executor slurm)
    time_limit: str = "04:00:00"  # Slurm time limit per task
    reading: ingest.IngestOptions = field(default_factory=ingest.IngestOptions)  # field map, layout, hf config/split
    article_text: bool = True  # False: the articles config keeps every field but the body (--no-article-text)
    card_notes: Path | None = None  # Markdown the card carries after DATASET_CARD.md (--card-notes)


@dataclass
class BuildResult:
    out: Path
    version: str
    articles_read: int = 0
    articles_accepted: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    articles_out_of_scope: int = 0
    articles_with_rows: int = 0
    quotes_found: int = 0
    duplicates_dropped: int = 0
    rows_per_split: dict[str, int] = field(default_factory=dict)
    rows_per_label: dict[str, dict[str, int]] = field(default_factory=dict)
    human_labels: int = 0
    annotations_unmatched: int = 0
    rows_judged_not_rows: int = 0  # rows people judged not to be rows, left out
    shards_reused: int = 0
    scope_reasons: Counter[str] = field(default_factory=Counter)  # articles per scope reason code
    rows_rejected: Counter[str] = field(default_factory=Counter)  # rows the build's checks refused, per check
    row_rejects: list[dict] = field(default_factory=list)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def input_fingerprint(
    inputs: Iterable[ingest.Input], annotations: Path | None, reading: ingest.IngestOptions | None = None
) -> str:
    """sha256 over every input file's name (relative to its argument) and content (for a Hub dataset: its
    repo, the commit its revision points at, config and split), how they are read, and the annotations."""
    h = hashlib.sha256()
    if reading is not None and reading != ingest.IngestOptions():
        h.update(f"reading\0{reading!r}\n".encode())
    for root in inputs:
        if ingest.hub.is_uri(root):
            ds = ingest.hub.parse_uri(str(root))
            sha = ingest.hub.revision_sha(ds)
            h.update(f"{ds.repo_id}@{sha}\0{reading and reading.hf_config}\0{reading and reading.hf_split}\n".encode())
            continue
        root = Path(root)
        for f in ingest.expand([root]):
            rel = f.relative_to(root).as_posix() if root.is_dir() else f.name
            h.update(f"{rel}\0{_sha256(f)}\n".encode())
    if annotations and annotations.is_dir():
        for f in sorted(annotations.glob("*.jsonl")):
            h.update(f"annotations/{f.name}\0{_sha256(f)}\n".encode())
    return h.hexdigest()


# --- phase 1: the per-article work, in shards --------------------------------------------------------


def process_shard(
    items: list[Article | dict],
) -> tuple[list[Row], list[pipeline.Processed], list[dict], ShardStats]:
    """Rows, articles, reject records and counts of one shard (``dict`` items are reject records)."""
    registry = load_registry()
    rows: list[Row] = []
    articles: list[pipeline.Processed] = []
    rejects: list[dict] = []
    stats = ShardStats(read=len(items))
    for item in items:
        if isinstance(item, dict):
            rejects.append(item)
            stats.rejected[item["reason"]] += 1
    for done in pipeline.run((item for item in items if not isinstance(item, dict)), registry):
        articles.append(done)
        stats.count(done)
        rows.extend(done.rows)
    return rows, articles, rejects, stats


def _work_on_shard(args: tuple[str, list[Article | dict], str]) -> int:
    name, items, root = args
    WorkFolder(Path(root)).write(name, *process_shard(items))
    return len(items)


def _shards(options: BuildOptions) -> Iterator[list[Article | dict]]:
    """The input stream cut into shards of ``shard_size`` records (articles and rejects), in input order."""
    shard: list[Article | dict] = []
    for item in ingest.run(options.inputs, options.reading):
        if isinstance(item, Reject):
            if options.strict:
                where = f"{item.source}:{item.line}" if item.line else item.source
                raise InputError(f"rejected ({item.reason.value}): {item.detail}", where)
            item = reject_record(item, _rel_source(item.source, options))
        shard.append(item)
        if len(shard) >= options.shard_size:
            yield shard
            shard = []
    if shard:
        yield shard


def extract_local(
    options: BuildOptions, work: WorkFolder, result: BuildResult, progress: Callable[[int], None] | None
) -> None:
    """Phase 1 on this machine: shards processed in ``workers`` processes, at most two each in flight."""
    shards = _shards(options)
    first = list(itertools.islice(shards, 2))
    todo = ((f"{k:06d}", items) for k, items in enumerate(itertools.chain(first, shards)))
    advance = progress or (lambda n: None)
    if options.workers <= 1 or len(first) < 2:  # one shard: starting processes would cost more than it saves
        for name, items in todo:
            if work.done(name):
                result.shards_reused += 1
            else:
                work.write(name, *process_shard(items))
            advance(len(items))
        return
    # spawn, not fork: polars and pyarrow keep thread pools that a forked child can deadlock on
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(options.workers) as pool:
        pending: deque = deque()
        for name, items in todo:
            if work.done(name):
                result.shards_reused += 1
                advance(len(items))
                continue
            pending.append(pool.apply_async(_work_on_shard, ((name, items, str(work.root)),)))
            while len(pending) >= 2 * options.workers:  # back-pressure: memory stays flat
                advance(pending.popleft().get())
        while pending:
            advance(pending.popleft().get())


# --- phase 2: the global steps ------------------------------------------------------------------------


def kept_rows(df: pl.DataFrame, prefer: Collection[str] = ()) -> pl.Series:
    """Row numbers of the rows a release keeps, earliest first: of exact duplicates (same speaker, normalised
    statement, company and quarter) one that people judged a row (its id in ``prefer``: a story filed twice
    keeps the copy the human test rows hold, whichever copy a fix of the extractor made a row first), else the
    one from the earliest article.

    Works on a row order and one 64-bit hash per row, not on copies of the rows: the global phase's memory is
    what limits a large build. Rows whose hashes agree are compared in full before one is dropped."""
    judged = pl.col("id").is_in(pl.Series(sorted(prefer), dtype=pl.String)) if prefer else pl.lit(False)
    ranked = (
        df.select("published", "article_id", "char_start", _judged=judged)
        .with_row_index("_i")
        .sort(["published", "article_id", "char_start"], nulls_last=False, maintain_order=True)
        .with_row_index("_t")  # the time order
        .sort("_judged", descending=True, maintain_order=True)  # judged rows first, each group in time order
    )
    order = ranked.get_column("_i")
    hashes = df.select(duplicate_key().hash()).to_series().gather(order)
    first = hashes.is_first_distinct()
    if not first.all():
        # a 64-bit collision between different keys would drop a row silently: check the dropped ones exactly
        dropped = pl.DataFrame({"_h": hashes.filter(~first), "_i": order.filter(~first)})
        kept = pl.DataFrame({"_h": hashes.filter(first), "_j": order.filter(first)}).join(dropped, on="_h")
        a, b = (df[kept[c]].select(duplicate_key()) for c in ("_i", "_j"))
        if not a.equals(b):
            first = _first_exact(df, order)
    return ranked.filter(first).sort("_t").get_column("_i")


def drop_judged_duplicates(df: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """Rows with a split that judged values made exact duplicates (the same story filed on two days, each copy's
    speaker or quarter corrected to the same value) lose their split, the earliest kept as ``kept_rows`` keeps
    it; and how many were dropped. A release never holds two rows ``validate`` calls duplicates."""
    placed = df.with_row_index("_r").filter(pl.col("split").is_not_null())
    kept = kept_rows(placed)
    if len(kept) == placed.height:
        return df, 0
    dropped = placed.get_column("_r").filter(~pl.arange(0, placed.height, eager=True).is_in(kept.implode()))
    df = (
        df.with_row_index("_r")
        .with_columns(split=pl.when(pl.col("_r").is_in(dropped.implode())).then(None).otherwise(pl.col("split")))
        .drop("_r")
    )
    return df, dropped.len()


def check_rows(df: pl.DataFrame) -> tuple[pl.DataFrame, list[dict]]:
    """The rows that pass every check a row can fail on its own (``validate.row_conditions``: the schema's field
    checks, quarter agreement, trimmed statements), and a reject record for each one that does not: build checks
    its rows before it writes them, so that what it writes is what ``validate`` accepts. (The pipeline mends what
    it can as it makes rows; a row here is one it could not.)"""
    from . import validate

    conds = validate.row_conditions(labels_as="name")
    failing = pl.any_horizontal([cond for _, _, cond in conds])
    bad = df.filter(failing)
    if bad.is_empty():
        return df, []
    rejects = []
    for row in bad.sort("article_id", "char_start").iter_rows(named=True):
        one = pl.DataFrame([row], schema=df.schema)
        check, column = next((c, col) for c, col, cond in conds if one.select(cond).item())
        rejects.append(
            {
                "stage": "build",
                "reason": "failed_check",
                "source": "",
                "line": None,
                "article_id": row["article_id"],
                "detail": f"{check}: {column}={row[column]!r} (chars {row['char_start']}-{row['char_end']})",
            }
        )
    return df.filter(~failing), rejects


def dedupe(df: pl.DataFrame) -> pl.DataFrame:
    """The rows a release keeps (``kept_rows``), earliest first."""
    return df[kept_rows(df)]


def _first_exact(df: pl.DataFrame, order: pl.Series) -> pl.Series:
    """Which rows, taken in ``order``, are the first of their exact duplicate key (the hash's fallback)."""
    return df.select(duplicate_key()).to_series().gather(order).is_first_distinct()


def assign_splits(
    df: pl.DataFrame, kept: pl.Series | None = None, pinned: Mapping[str, str] | None = None
) -> pl.DataFrame:
    """A ``split`` column: whole events (company, quarter) in time order, the latest in test. Only the rows
    ``kept`` (row numbers; default all) count and get a split; the others get null. ``pinned`` (row id ->
    split) holds rows judged by people in the split they were drawn from: their events stay in that split
    whatever else a later build changes, and the others share out the rest."""
    rows = df.select("id", "company", "quarter", "published")
    if kept is not None:
        rows = rows[kept]
    pins = (
        rows.filter(pl.col("id").is_in(list(pinned)))
        .with_columns(pin=pl.col("id").replace_strict(pinned, return_dtype=pl.String))
        .group_by(["company", "quarter"])
        .agg(pl.col("pin").min())
        if pinned
        else pl.DataFrame(schema={"company": pl.String, "quarter": pl.String, "pin": pl.String})
    )
    events = (
        rows.group_by(["company", "quarter"])
        .agg(pl.col("published").min().alias("first"), pl.len().alias("n"))
        .sort(["first", "company", "quarter"], nulls_last=False)
    )
    total = events["n"].sum()
    names, cum, split_of = list(SPLIT_SHARES), 0, []
    bounds = [SPLIT_SHARES["train"], SPLIT_SHARES["train"] + SPLIT_SHARES["validation"]]
    n_events = events.height
    for i, n in enumerate(events["n"].to_list()):
        share = cum / total if total else 0
        s = 0 if share < bounds[0] else 1 if share < bounds[1] else 2
        # With three events or more, validation and test each get at least one.
        if n_events >= 3 and i == n_events - 1:
            s = 2
        elif n_events >= 3 and i == n_events - 2:
            s = max(s, 1) if s < 2 else 2
        split_of.append(names[s])
        cum += n
    events = events.with_columns(split=pl.Series(split_of, dtype=pl.String))
    if not pins.is_empty():
        events = (
            events.join(pins, on=["company", "quarter"], how="left", nulls_equal=True, maintain_order="left")
            .with_columns(split=pl.coalesce("pin", "split"))
            .drop("pin")
        )
    split = (
        df.select("company", "quarter")
        .join(
            events.select("company", "quarter", "split"),
            on=["company", "quarter"],
            how="left",
            nulls_equal=True,
            maintain_order="left",
        )
        .get_column("split")
    )
    if kept is not None:
        split = pl.repeat(None, df.height, dtype=pl.String, eager=True).alias("split").scatter(kept, split.gather(kept))
    return df.with_columns(split)


def _parquet_options() -> dict:
    return {"compression": "zstd", "compression_level": 9, "use_dictionary": True, "write_statistics": True}


def _table(df: pl.DataFrame, config: str) -> pa.Table:
    """The Arrow table of a config, class-label names turned into their ints."""
    target = schema.arrow_schema(config)
    encode = [
        pl.col(f.name).replace_strict(list(f.classes), list(range(len(f.classes))), return_dtype=pl.Int64)
        for f in schema.load(config).fields
        if f.type == "class_label"
    ]
    return df.with_columns(encode).select(target.names).to_arrow().cast(target)


class ContentHash:
    """sha256 over a table's rows as canonical JSON: the same rows give the same hash whichever pyarrow wrote
    the file (the file's own sha256 changes with the writer's version), so versions compare content."""

    def __init__(self) -> None:
        self._h = hashlib.sha256()

    def update(self, table: pa.Table) -> None:
        for batch in table.to_batches(max_chunksize=10_000):
            for row in batch.to_pylist():
                self._h.update(json.dumps(row, sort_keys=True, default=str, ensure_ascii=False).encode())
                self._h.update(b"\n")

    def hexdigest(self) -> str:
        return self._h.hexdigest()


ROW_GROUP_ROWS = 64_000  # a row group is also what the writer holds in memory


def _write_split(df: pl.DataFrame, split: str, path: Path) -> tuple[int, int, str, dict[str, int]]:
    """One split's rows into ``path``, in (published, article_id, char_start) order, a row group at a time, so
    that only one row group is ever converted to Arrow; (rows, in-memory bytes, content hash, rows per label)."""
    order = ["published", "article_id", "char_start"]
    idx = (
        df.select(*order, "split")
        .with_row_index("_i")
        .filter(pl.col("split") == split)
        .sort(order, nulls_last=False, maintain_order=True)
        .get_column("_i")
    )
    content = ContentHash()
    nbytes = 0
    with pq.ParquetWriter(path, schema.arrow_schema("statements"), **_parquet_options()) as writer:
        for start in range(0, max(len(idx), 1), ROW_GROUP_ROWS):  # an empty split still gets its schema
            table = _table(df[idx[start : start + ROW_GROUP_ROWS]], "statements")
            writer.write_table(table, row_group_size=ROW_GROUP_ROWS)
            content.update(table)
            nbytes += table.nbytes
    labels = df.select("split", "label").filter(pl.col("split") == split).group_by("label").len().sort("label")
    return len(idx), nbytes, content.hexdigest(), dict(labels.iter_rows())


def _write_articles(files: list[Path], path: Path, with_text: bool = True) -> tuple[int, int, str]:
    """Stream the shards' articles into one Parquet file; (rows, in-memory bytes, content hash). Without
    ``with_text`` every body is null (licensed news: statements and provenance without the articles)."""
    target = schema.arrow_schema("articles")
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = nbytes = 0
    content = ContentHash()
    with pq.ParquetWriter(path, target, **_parquet_options()) as writer:
        for f in files:
            if with_text:
                table = pq.read_table(f).cast(target)
            else:
                table = pq.read_table(f, columns=[n for n in target.names if n != "text"])
                table = table.append_column("text", pa.nulls(table.num_rows, pa.string())).select(target.names)
                table = table.cast(target)
            writer.write_table(table, row_group_size=max(1, table.num_rows))
            content.update(table)
            rows += table.num_rows
            nbytes += table.nbytes
    return rows, nbytes, content.hexdigest()


def write_release(
    tmp: Path, work: WorkFolder, df: pl.DataFrame, options: BuildOptions, result: BuildResult, fingerprint: str
) -> None:
    """Every file of a release into ``tmp``."""
    files: dict[str, dict[str, str]] = {"statements": {}, "articles": {}}
    info: dict[str, dict[str, dict[str, int]]] = {"statements": {}, "articles": {}}
    content: dict[str, str] = {}
    for split in schema.load("statements").splits:
        rel = f"statements/{split}.parquet"
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        rows, nbytes, content[rel], labels = _write_split(df, split, tmp / rel)
        files["statements"][split] = rel
        info["statements"][split] = {"num_bytes": nbytes, "num_examples": rows}
        result.rows_per_split[split] = rows
        result.rows_per_label[split] = labels
    (split,) = schema.load("articles").splits
    files["articles"][split] = f"articles/{split}.parquet"
    n, nbytes, content[files["articles"][split]] = _write_articles(
        work.article_files(), tmp / files["articles"][split], options.article_text
    )
    info["articles"][split] = {"num_bytes": nbytes, "num_examples": n}
    n_rejects = 0
    with (tmp / "rejects.jsonl").open("w", encoding="utf-8") as f:
        for line in work.rejects():
            f.write(line)
            n_rejects += 1
        for rec in result.row_rejects:  # rows the build's own checks refused
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
            n_rejects += 1
    manifest_files: dict[str, dict[str, int | str]] = {}
    for config in files:
        for split, rel in files[config].items():
            manifest_files[rel] = {
                "sha256": _sha256(tmp / rel),
                "rows": info[config][split]["num_examples"],
                "content_sha256": content[rel],
            }
    manifest_files["rejects.jsonl"] = {"sha256": _sha256(tmp / "rejects.jsonl"), "rows": n_rejects}
    manifest = {
        "dataset_version": options.version,
        "schema_version": schema.schema_version(),
        "package_version": __version__,
        **pipeline.component_versions(),
        "input_fingerprint": fingerprint,
        "article_text": options.article_text,
        "files": dict(sorted(manifest_files.items())),
        "stats": _stats(result),
    }
    (tmp / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    header = card.card_yaml(files, info)
    # the leaderboard `evaluate` left in the release being replaced, if it was computed on this very content
    board = results.card_section(options.out, options.version, fingerprint)
    notes = release_notes(result, options.version, options.article_text) + ("\n" + board if board else "")
    extra = options.card_notes.read_text(encoding="utf-8").rstrip() + "\n\n" if options.card_notes else ""
    (tmp / "README.md").write_text(card.render(header, extra + notes), encoding="utf-8")


def _rel_source(source: str, options: BuildOptions) -> str:
    """Reject sources relative to their input argument, so the rejects file does not depend on where inputs sit."""
    if ingest.hub.is_uri(source):
        return source
    p = Path(source)
    for root in options.inputs:
        if ingest.hub.is_uri(root):
            continue
        root = Path(root)
        try:
            return (root.name + "/" + p.relative_to(root).as_posix()) if root.is_dir() else p.name
        except ValueError:
            continue
    return p.name


def _stats(result: BuildResult) -> dict[str, object]:
    return {
        "articles_read": result.articles_read,
        "articles_accepted": result.articles_accepted,
        "articles_rejected": dict(sorted(result.rejects.items())),
        "articles_out_of_scope": result.articles_out_of_scope,
        "articles_with_rows": result.articles_with_rows,
        "quotes_found": result.quotes_found,
        "duplicates_dropped": result.duplicates_dropped,
        "rows_per_split": result.rows_per_split,
        "rows_per_label": result.rows_per_label,
        "human_labels": result.human_labels,
        "annotations_unmatched": result.annotations_unmatched,
        "rows_judged_not_rows": result.rows_judged_not_rows,
        "scope_reasons": dict(sorted(result.scope_reasons.items())),
        "rows_rejected": dict(sorted(result.rows_rejected.items())),
    }


BODIES_LEFT_OUT = (
    "**Article bodies are left out of this release.** It was built with `--no-article-text` from licensed news, "
    "which cannot be republished: the `articles` config keeps each article's id, URL, date, title, outlet and "
    "scope decision, but its `text` is null. Every statement keeps its article id and character offsets; to "
    "check or use them, rebuild from your own copy of the articles (`earnings-events build`), which gives the "
    "same ids and offsets."
)


def release_notes(result: BuildResult, version: str, article_text: bool = True) -> str:
    """The generated section at the end of the card."""
    labels = sorted({k for v in result.rows_per_label.values() for k in v})
    lines = [
        f"## This release: v{version}",
        "",
        f"Built by earnings-events {__version__} from {result.articles_accepted} articles "
        f"({result.articles_with_rows} with rows; {sum(result.rejects.values())} input records rejected).",
        "",
        "| split | rows | " + " | ".join(labels) + " |",
        "|---|---:|" + "---:|" * len(labels),
    ]
    for split, n in result.rows_per_split.items():
        per = result.rows_per_label.get(split, {})
        lines.append(f"| {split} | {n} | " + " | ".join(str(per.get(k, 0)) for k in labels) + " |")
    lines += [
        "",
        f"{result.human_labels} rows carry a human label (`label_source = human`); "
        f"the rest are labelled by `{pipeline.component_versions()['labeler']}` (`label_source = model` for the "
        "trained labeler, `rules` for the rule labeler): silver labels, not human gold.",
    ]
    if not article_text:
        lines += ["", BODIES_LEFT_OUT]
    return "\n".join(lines) + "\n"


def _swap_into_place(tmp: Path, out: Path) -> None:
    if out.exists():
        for name in CARRIED:
            src = out / name
            if src.exists() and not (tmp / name).exists():
                (shutil.copytree if src.is_dir() else shutil.copy2)(src, tmp / name)
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
        old.rmdir()
        out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old)
    else:
        tmp.rename(out)


def _read_manifest(release: Path | None) -> dict | None:
    if release is None:
        return None
    try:
        return json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # an unreadable manifest guards nothing; validate reports it


def work_folder(options: BuildOptions) -> WorkFolder:
    return WorkFolder(options.out.parent / f".{options.out.name}.work")


def run(options: BuildOptions, progress: Callable[[int], None] | None = None) -> BuildResult:
    """Build a release of ``options.inputs`` into ``options.out``."""
    if not options.inputs:
        raise UserError("no inputs given")
    if options.shard_size < 1 or options.workers < 1:
        raise UserError("--shard-size and --workers must be at least 1")
    versions.parse(options.version)  # a bad --version fails before any work
    if options.card_notes is not None and not options.card_notes.is_file():
        raise InputError("no such file (--card-notes)", str(options.card_notes))
    annotations = options.annotations if options.annotations is not None else options.out / "annotations"
    if options.annotations is None and not annotations.is_dir() and options.inputs == (SAMPLE_CORPUS,):
        annotations = sample_annotations()
    human = human_labels.load_judgements(annotations)  # read first: a bad annotation file fails before any work
    options.out.parent.mkdir(parents=True, exist_ok=True)
    result = BuildResult(options.out, options.version)
    fingerprint = input_fingerprint(options.inputs, None, options.reading)
    work = work_folder(options)
    key = {
        "inputs": fingerprint,
        "package": __version__,
        **pipeline.component_versions(),
        "shard_size": options.shard_size,
        "engine": options.engine,
    }
    work.prepare(key, options.resume)
    if options.engine == "datatrove":
        from . import scale  # optional: pip install earnings-events[scale]

        scale.extract(options, work)
    elif options.engine == "local":
        extract_local(options, work, result, progress)
    else:
        raise UserError(f"unknown engine {options.engine!r} (known: local, datatrove)")
    totals = work.stats()
    result.articles_read, result.articles_accepted = totals.read, totals.accepted
    result.rejects = totals.rejected
    result.articles_out_of_scope, result.articles_with_rows, result.quotes_found = (
        totals.out_of_scope,
        totals.with_rows,
        totals.quotes,
    )
    result.scope_reasons = totals.scope_reasons
    if result.articles_read != result.articles_accepted + sum(result.rejects.values()):
        raise AssertionError("article counts do not add up")  # a bug, not a user error
    rows = work.rows()
    known = set(rows["id"].to_list())
    df, result.row_rejects = check_rows(rows)
    # Duplicates are not copied out: they get no split, and the writers take each split's rows. One frame of
    # rows is alive at a time, since the global phase's memory is the build's peak.
    kept = kept_rows(df, prefer=set(human.splits) - human.not_rows)
    result.duplicates_dropped = df.height - len(kept)
    # Splits come from the extractor's values, before any human judgement: a judged row stays in the split it
    # was drawn from (a corrected quarter or a row judged not a row never moves other rows between splits).
    df = assign_splits(df, kept, human.splits)
    df, result.rows_judged_not_rows = human_labels.apply_judgements(df, human)
    df, judged_dups = drop_judged_duplicates(df)
    result.duplicates_dropped += judged_dups
    df, judged_rejects = check_rows(df)
    result.row_rejects += judged_rejects
    result.rows_rejected = Counter(r["detail"].split(":", 1)[0] for r in result.row_rejects)
    matched = set(df.filter((pl.col("label_source") == "human") & pl.col("split").is_not_null())["id"].to_list())
    result.human_labels = len(matched)
    result.annotations_unmatched = len({*human.labels, *human.not_rows} - known)
    tmp = Path(tempfile.mkdtemp(prefix=f".{options.out.name}.tmp-", dir=options.out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; a release is an ordinary folder
    try:
        write_release(tmp, work, df, options, result, input_fingerprint(options.inputs, annotations, options.reading))
        if annotations.is_dir() and annotations.resolve() != (options.out / "annotations").resolve():
            shutil.copytree(annotations, tmp / "annotations")
        previous = options.out if (options.out / "MANIFEST.json").is_file() else None
        versions.guard(_read_manifest(previous), json.loads((tmp / "MANIFEST.json").read_text(encoding="utf-8")))
        versions.update_changelog(previous, tmp)  # before croissant.json, which takes its date from it
        croissant.write(tmp)
        _swap_into_place(tmp, options.out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    work.remove()
    return result
