"""Stage 5, build: article files in, a release folder out.

Runs ingest -> extract -> normalize -> label over the inputs, then the global
steps: exact duplicates kept once (earliest article wins), splits by event
(company, quarter) in time order, Parquet with the schema's explicit Arrow
schema, the card (README.md), MANIFEST.json and rejects.jsonl. Output is
written to a temporary folder beside ``out`` and moved into place only when
complete; the same inputs and version give byte-identical files.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__, card, extract, ingest, label, normalize, schema, scope
from .errors import InputError, UserError
from .records import Article, Reject, Row
from .registry import load as load_registry

SAMPLE_CORPUS = Path(__file__).resolve().parent / "data" / "sample"


def sample_annotations() -> Path:
    """The sample corpus's human labels: ``dataset/annotations`` of a checkout, else the packaged copy."""
    here = Path(__file__).resolve().parent
    checkout = here.parents[1] / "dataset" / "annotations"
    return checkout if checkout.is_dir() else here / "data" / "sample_annotations"


DEFAULT_VERSION = "1.0.0"
SPLIT_SHARES = {"train": 0.70, "validation": 0.15, "test": 0.15}
# Files of a release that build does not make and carries over from the previous release.
CARRIED = ("annotations", "CHANGELOG.md", "results")


@dataclass(frozen=True)
class BuildOptions:
    inputs: tuple[Path, ...]
    out: Path
    version: str = DEFAULT_VERSION
    annotations: Path | None = None
    strict: bool = False


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


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def input_fingerprint(inputs: Iterable[Path], annotations: Path | None) -> str:
    """sha256 over every input file's name (relative to its argument) and content, and the annotations."""
    h = hashlib.sha256()
    for root in inputs:
        files = ingest.expand([root])
        for f in files:
            rel = f.relative_to(root).as_posix() if root.is_dir() else f.name
            h.update(f"{rel}\0{_sha256(f)}\n".encode())
    if annotations and annotations.is_dir():
        for f in sorted(annotations.glob("*.jsonl")):
            h.update(f"annotations/{f.name}\0{_sha256(f)}\n".encode())
    return h.hexdigest()


def _process(
    options: BuildOptions, result: BuildResult, rejects: list[Reject], progress: Callable[[int], None] | None
) -> tuple[list[Article], list[Row]]:
    registry = load_registry()
    articles: list[Article] = []
    rows: list[Row] = []
    for item in ingest.run(options.inputs):
        result.articles_read += 1
        if progress:
            progress(1)
        if isinstance(item, Reject):
            if options.strict:
                where = f"{item.source}:{item.line}" if item.line else item.source
                raise InputError(f"rejected ({item.reason.value}): {item.detail}", where)
            rejects.append(item)
            result.rejects[item.reason.value] += 1
            continue
        result.articles_accepted += 1
        articles.append(item)
        in_scope, _ = scope.is_earnings_article(item)
        if not in_scope:
            result.articles_out_of_scope += 1
            continue
        quotes = extract.extract_article(item, normalize.org_names(item, registry))
        result.quotes_found += len(quotes)
        article_rows = normalize.normalize_article(item, quotes, registry)
        if article_rows:
            result.articles_with_rows += 1
        rows.extend(article_rows)
    return articles, rows


def _frame(rows: list[Row]) -> pl.DataFrame:
    return pl.DataFrame([dataclasses.asdict(r) for r in rows], schema=_polars_schema())


def _polars_schema(config: str = "statements") -> dict[str, pl.DataType]:
    """The working schema: as the Arrow schema, but class labels as their names (strings)."""
    spec = schema.load(config)
    types = dict(pl.from_arrow(schema.arrow_schema(config).empty_table()).schema)
    return {f.name: pl.String if f.type == "class_label" else types[f.name] for f in spec.fields}


def dedupe(df: pl.DataFrame) -> pl.DataFrame:
    """Exact duplicates (same speaker, normalised statement, company and quarter) kept once; earliest article wins."""
    key = pl.col("statement").str.to_lowercase().str.replace_all(r"[\s\"“”‘’'«»]+", " ").str.strip_chars(" .,;:")
    return (
        df.with_columns(_key=key)
        .sort(["published", "article_id", "char_start"], nulls_last=False)
        .unique(subset=["speaker", "_key", "company", "quarter"], keep="first", maintain_order=True)
        .drop("_key")
    )


def assign_splits(df: pl.DataFrame) -> pl.DataFrame:
    """A ``split`` column: whole events (company, quarter) in time order, the latest in test."""
    events = (
        df.group_by(["company", "quarter"])
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
    events = events.with_columns(split=pl.Series(split_of))
    return df.join(
        events.select(["company", "quarter", "split"]), on=["company", "quarter"], how="left", nulls_equal=True
    )


def _write_parquet(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        use_dictionary=True,
        write_statistics=True,
        row_group_size=256_000,
    )


def _table(df: pl.DataFrame, config: str) -> pa.Table:
    """The Arrow table of a config, class-label names turned into their ints."""
    target = schema.arrow_schema(config)
    encode = [
        pl.col(f.name).replace_strict(list(f.classes), list(range(len(f.classes))), return_dtype=pl.Int64)
        for f in schema.load(config).fields
        if f.type == "class_label"
    ]
    return df.with_columns(encode).select(target.names).to_arrow().cast(target)


def write_release(
    tmp: Path,
    articles: list[Article],
    df: pl.DataFrame,
    options: BuildOptions,
    result: BuildResult,
    rejects: list[Reject],
    fingerprint: str,
) -> None:
    """Every file of a release into ``tmp``."""
    files: dict[str, dict[str, str]] = {"statements": {}, "articles": {}}
    info: dict[str, dict[str, dict[str, int]]] = {"statements": {}, "articles": {}}
    manifest_files: dict[str, dict[str, int | str]] = {}
    order = ["published", "article_id", "char_start"]
    for split in schema.load("statements").splits:
        part = df.filter(pl.col("split") == split).sort(order, nulls_last=False)
        table = _table(part, "statements")
        rel = f"statements/{split}.parquet"
        _write_parquet(table, tmp / rel)
        files["statements"][split] = rel
        info["statements"][split] = {"num_bytes": table.nbytes, "num_examples": table.num_rows}
        result.rows_per_split[split] = table.num_rows
        result.rows_per_label[split] = dict(sorted(Counter(part["label"].to_list()).items()))
    art = pl.DataFrame(
        [
            {"article_id": a.article_id, "url": a.url, "published": a.published, "title": a.title, "text": a.text}
            for a in sorted(articles, key=lambda a: a.article_id)
        ],
        schema=_polars_schema("articles"),
    )
    table = _table(art, "articles")
    (split,) = schema.load("articles").splits
    files["articles"][split] = f"articles/{split}.parquet"
    _write_parquet(table, tmp / files["articles"][split])
    info["articles"][split] = {"num_bytes": table.nbytes, "num_examples": table.num_rows}
    with (tmp / "rejects.jsonl").open("w", encoding="utf-8") as f:
        for r in rejects:
            f.write(
                json.dumps(
                    {
                        "stage": r.stage,
                        "reason": r.reason.value,
                        "source": _rel_source(r.source, options),
                        "line": r.line,
                        "article_id": r.article_id,
                        "detail": r.detail,
                    },
                    ensure_ascii=False,
                    sort_keys=True,
                )
                + "\n"
            )
    for config in files:
        for split, rel in files[config].items():
            manifest_files[rel] = {"sha256": _sha256(tmp / rel), "rows": info[config][split]["num_examples"]}
    manifest_files["rejects.jsonl"] = {"sha256": _sha256(tmp / "rejects.jsonl"), "rows": len(rejects)}
    manifest = {
        "dataset_version": options.version,
        "schema_version": schema.schema_version(),
        "package_version": __version__,
        "extractor": extract.ExtractOptions().version,
        "labeler": label.RULES_VERSION,
        "input_fingerprint": fingerprint,
        "files": dict(sorted(manifest_files.items())),
        "stats": _stats(result),
    }
    (tmp / "MANIFEST.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    header = card.card_yaml(files, info)
    (tmp / "README.md").write_text(card.render(header, release_notes(result, options.version)), encoding="utf-8")


def _rel_source(source: str, options: BuildOptions) -> str:
    """Reject sources relative to their input argument, so the rejects file does not depend on where inputs sit."""
    p = Path(source)
    for root in options.inputs:
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
    }


def release_notes(result: BuildResult, version: str) -> str:
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
        "the rest are labelled by the rules (`label_source = rules`).",
    ]
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


def run(options: BuildOptions, progress: Callable[[int], None] | None = None) -> BuildResult:
    """Build a release of ``options.inputs`` into ``options.out``."""
    if not options.inputs:
        raise UserError("no inputs given")
    annotations = options.annotations if options.annotations is not None else options.out / "annotations"
    if options.annotations is None and not annotations.is_dir() and options.inputs == (SAMPLE_CORPUS,):
        annotations = sample_annotations()
    result = BuildResult(options.out, options.version)
    rejects: list[Reject] = []
    articles, rows = _process(options, result, rejects, progress)
    human = label.load_annotations(annotations)
    rows = list(label.run(rows, human))
    matched = {r.id for r in rows} & set(human)
    result.human_labels = len(matched)
    result.annotations_unmatched = len(human) - len(matched)
    df = _frame(rows)
    deduped = dedupe(df)
    result.duplicates_dropped = df.height - deduped.height
    df = assign_splits(deduped)
    if result.articles_read != result.articles_accepted + sum(result.rejects.values()):
        raise AssertionError("article counts do not add up")  # a bug, not a user error
    options.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{options.out.name}.tmp-", dir=options.out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; a release is an ordinary folder
    try:
        write_release(tmp, articles, df, options, result, rejects, input_fingerprint(options.inputs, annotations))
        if annotations.is_dir() and annotations.resolve() != (options.out / "annotations").resolve():
            shutil.copytree(annotations, tmp / "annotations")
        _swap_into_place(tmp, options.out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return result
