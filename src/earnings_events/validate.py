"""Validate a built release: every check runs, failures come back as a table.

Field checks are derived from ``schema/`` (type, nullability, allowed values,
patterns, ranges, class-label ints in range). Cross-row and file checks are
the named functions in ``CHECKS``. The result is a polars DataFrame with one
row per failing value: (check, file, column, row_id, failure_case).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import polars as pl
import pyarrow.parquet as pq

from . import card, schema
from .rowid import EDGE_PUNCTUATION, ID_SEPARATOR, QUOTE_MARKS, duplicate_key, ids_of_keys

FAILURE_SCHEMA = {
    "check": pl.String,
    "file": pl.String,
    "column": pl.String,
    "row_id": pl.String,
    "failure_case": pl.String,
}


@dataclass
class Release:
    """A release folder, read once for every check."""

    root: Path
    manifest: dict
    header: dict
    files: dict[str, dict[str, str]]  # config -> split -> relative path
    frames: dict[str, pl.DataFrame]  # relative path -> data
    problems: list[dict[str, str | None]]  # failures found while reading

    @cached_property
    def statements(self) -> pl.DataFrame:
        """Every split's rows, with a ``split`` column (built once, shared by the checks)."""
        parts = [
            self.frames[p].with_columns(split=pl.lit(s))
            for s, p in self.files.get("statements", {}).items()
            if p in self.frames
        ]
        return pl.concat(parts, how="vertical_relaxed") if parts else pl.DataFrame()

    @cached_property
    def articles(self) -> pl.DataFrame:
        parts = [self.frames[p] for p in self.files.get("articles", {}).values() if p in self.frames]
        return pl.concat(parts, how="vertical_relaxed") if parts else pl.DataFrame()


def _fail(
    check: str, file: str | None = None, column: str | None = None, row: str | None = None, case: object = None
) -> dict[str, str | None]:
    return {
        "check": check,
        "file": file,
        "column": column,
        "row_id": row,
        "failure_case": None if case is None else str(case)[:200],
    }


def read_release(root: Path) -> Release:
    problems: list[dict[str, str | None]] = []
    manifest: dict = {}
    header: dict = {}
    mpath, rpath = root / "MANIFEST.json", root / "README.md"
    if mpath.is_file():
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            problems.append(_fail("manifest_readable", "MANIFEST.json", case=exc.msg))
    else:
        problems.append(_fail("files_present", "MANIFEST.json", case="missing"))
    if rpath.is_file():
        header = card.read_header(rpath)
        if not header:
            problems.append(_fail("readme_yaml", "README.md", case="no YAML header"))
    else:
        problems.append(_fail("files_present", "README.md", case="missing"))
    files: dict[str, dict[str, str]] = {}
    for cfg in header.get("configs", []) or []:
        files[cfg.get("config_name")] = {d["split"]: d["path"] for d in cfg.get("data_files", [])}
    for config in schema.CONFIGS:
        files.setdefault(config, {s: f"{config}/{s}.parquet" for s in schema.load(config).splits})
    frames: dict[str, pl.DataFrame] = {}
    for splits in files.values():
        for rel in splits.values():
            path = root / rel
            if not path.is_file():
                problems.append(_fail("files_present", rel, case="missing"))
                continue
            try:
                frames[rel] = pl.read_parquet(path)
            except Exception as exc:
                problems.append(_fail("parquet_readable", rel, case=exc))
    return Release(root, manifest, header, files, frames, problems)


# --- field checks, derived from schema/ -------------------------------------------------------


def check_schema(rel: Release) -> list[dict]:
    """Every file's Arrow schema (names, types, nullability, HF features metadata) is the derived one."""
    out = []
    for config, splits in rel.files.items():
        if config not in schema.CONFIGS:
            out.append(_fail("schema", None, None, None, f"unknown config {config!r}"))
            continue
        want = schema.arrow_schema(config)
        for rel_path in splits.values():
            path = rel.root / rel_path
            if not path.is_file():
                continue
            got = pq.read_schema(path)
            if got.names != want.names:
                out.append(_fail("schema", rel_path, None, None, f"columns {got.names} != {want.names}"))
                continue
            for f in want:
                g = got.field(f.name)
                if g.type != f.type or g.nullable != f.nullable:
                    out.append(
                        _fail(
                            "schema",
                            rel_path,
                            f.name,
                            None,
                            f"{g.type}{'' if g.nullable else ' not null'} != "
                            f"{f.type}{'' if f.nullable else ' not null'}",
                        )
                    )
            if (got.metadata or {}).get(b"huggingface") != want.metadata[b"huggingface"]:
                out.append(_fail("schema", rel_path, None, None, "huggingface features metadata differs"))
    return out


def _field_conditions(f: schema.FieldSpec) -> list[tuple[str, pl.Expr]]:
    """(check name, failing-row condition) for one field, derived from its declaration in schema/."""
    c = pl.col(f.name)
    conds: list[tuple[str, pl.Expr]] = []
    if not f.nullable:
        conds.append(("not_null", c.is_null()))
    if f.allowed is not None:
        conds.append(("allowed_values", c.is_not_null() & ~c.is_in(list(f.allowed))))
    if f.pattern:
        conds.append(("pattern", c.is_not_null() & ~c.cast(pl.String).str.contains(f.pattern)))
    if f.min is not None:
        conds.append(("range", c.is_not_null() & (c < f.min)))
    if f.max is not None:
        conds.append(("range", c.is_not_null() & (c > f.max)))
    if f.min_length is not None:
        conds.append(("non_empty", c.is_not_null() & (c.str.strip_chars().str.len_chars() < f.min_length)))
    if f.type == "class_label":
        conds.append(("class_label_range", c.is_not_null() & ((c < 0) | (c >= len(f.classes)))))
    return conds


def check_fields(rel: Release) -> list[dict]:
    """Nullability, allowed values, patterns, ranges, non-empty strings, class-label ints in range."""
    out = []
    for config, splits in rel.files.items():
        if config not in schema.CONFIGS:
            continue
        spec = schema.load(config)
        for rel_path in splits.values():
            df = rel.frames.get(rel_path)
            if df is None:
                continue
            key = spec.primary_key if spec.primary_key in df.columns else None
            conds = [
                (f, name, cond) for f in spec.fields if f.name in df.columns for name, cond in _field_conditions(f)
            ]
            if not conds:
                continue
            # one vectorised pass counts every condition; only the failing ones are looked at row by row
            counts = df.select([cond.sum().alias(str(i)) for i, (_, _, cond) in enumerate(conds)]).row(0)
            for (f, name, cond), count in zip(conds, counts, strict=True):
                if not count:
                    continue
                bad = df.filter(cond)
                for r in bad.head(1000).iter_rows(named=True):
                    out.append(_fail(name, rel_path, f.name, r.get(key) if key else None, r[f.name]))
                if bad.height > 1000:
                    out.append(_fail(name, rel_path, f.name, None, f"... and {bad.height - 1000} more"))
    return out


# --- cross-row checks ------------------------------------------------------------------------


def _rows_failing(check: str, df: pl.DataFrame, cond: pl.Expr, column: str | None, case: str) -> list[dict]:
    bad = df.filter(cond)
    return [_fail(check, r.get("split"), column, r.get("id"), r.get(case)) for r in bad.iter_rows(named=True)]


def _quarter_disagrees() -> pl.Expr:
    composed = pl.col("fiscal_year").cast(pl.String) + pl.lit("Q") + pl.col("fiscal_quarter").cast(pl.String)
    nulls = (
        pl.col("quarter").is_null().cast(pl.Int8)
        + pl.col("fiscal_year").is_null().cast(pl.Int8)
        + pl.col("fiscal_quarter").is_null().cast(pl.Int8)
    )
    return ((nulls != 0) & (nulls != 3)) | (pl.col("quarter").is_not_null() & (pl.col("quarter") != composed))


def _untrimmed() -> pl.Expr:
    s = pl.col("statement")
    return (s != s.str.strip_chars()) | s.str.ends_with(",")


def row_conditions(labels_as: str = "int") -> list[tuple[str, str, pl.Expr]]:
    """(check, column, failing-row condition) of every check one statements row can fail on its own: the field
    checks of schema/statements.yaml, ``quarter_agreement`` and ``statement_trimmed``. Build runs them on its
    rows before it writes a release (class labels as names: ``labels_as="name"``); validate on a release."""
    out = []
    for f in schema.load("statements").fields:
        for name, cond in _field_conditions(f):
            if f.type == "class_label" and labels_as == "name":
                if name == "class_label_range":
                    cond = pl.col(f.name).is_not_null() & ~pl.col(f.name).is_in(list(f.classes))
                elif name != "not_null":
                    continue
            out.append((name, f.name, cond))
    out.append(("quarter_agreement", "quarter", _quarter_disagrees()))
    out.append(("statement_trimmed", "statement", _untrimmed()))
    return out


def check_quarter_agreement(rel: Release) -> list[dict]:
    """``quarter`` is null exactly when ``fiscal_year`` and ``fiscal_quarter`` are, and agrees with them."""
    df = rel.statements
    if df.is_empty():
        return []
    return _rows_failing("quarter_agreement", df, _quarter_disagrees(), "quarter", "quarter")


def check_statement_trimmed(rel: Release) -> list[dict]:
    """Statements carry no surrounding white space and no handover comma."""
    df = rel.statements
    if df.is_empty():
        return []
    return _rows_failing("statement_trimmed", df, _untrimmed(), "statement", "statement")


def check_offsets(rel: Release) -> list[dict]:
    """The article exists, and ``article_text[char_start:char_end] == statement`` for every row. Rows whose
    article has no body (``--no-article-text``) get the checks that need none: a span of the statement's
    length (``char_end - char_start == len(statement)``, ``char_end > char_start``); ``skipped`` lists the
    comparison with the text as skipped."""
    df, arts = rel.statements, rel.articles
    if df.is_empty():
        return []
    if arts.is_empty():
        return [_fail("offsets", None, "article_id", None, "no articles file")]
    j = df.join(arts.select("article_id", "text").with_columns(_article=pl.lit(True)), on="article_id", how="left")
    missing = j.filter(pl.col("_article").is_null())
    out = [
        _fail("article_exists", r["split"], "article_id", r["id"], r["article_id"])
        for r in missing.iter_rows(named=True)
    ]
    j = j.filter(pl.col("_article").is_not_null())
    span = pl.col("char_end") - pl.col("char_start")
    sliced = pl.col("text").str.slice(pl.col("char_start"), span)
    with_text = pl.col("text").is_not_null() & (sliced != pl.col("statement"))
    without = pl.col("text").is_null() & (span != pl.col("statement").str.len_chars())
    cond = (pl.col("char_end") <= pl.col("char_start")) | with_text | without
    out += _rows_failing("offsets", j, cond, "char_start", "statement")
    return out


def check_article_text(rel: Release) -> list[dict]:
    """Article bodies are there exactly when MANIFEST.json says so (``article_text``; true when absent): a release
    built with ``--no-article-text`` carries no body, and any other release carries every one."""
    arts = rel.articles
    if arts.is_empty() or "text" not in arts.columns:
        return []
    kept = rel.manifest.get("article_text", True) is not False
    bad = arts.filter(pl.col("text").is_null() if kept else pl.col("text").is_not_null())
    why = "no text, though the release keeps article bodies" if kept else "a body in a release built without them"
    return [_fail("article_text", None, "text", r["article_id"], why) for r in bad.head(1000).iter_rows(named=True)]


def skipped(rel: Release) -> list[str]:
    """The checks that could not run on this release, and why."""
    df, arts = rel.statements, rel.articles
    if df.is_empty() or arts.is_empty() or "text" not in arts.columns:
        return []
    bodiless = arts.filter(pl.col("text").is_null()).select("article_id")
    n = df.join(bodiless, on="article_id", how="semi").height
    if not n:
        return []
    return [
        f"offsets: article_text[char_start:char_end] == statement for {n} rows, whose articles' bodies were "
        "left out (--no-article-text); their spans were checked against the statements' lengths"
    ]


def check_unique_ids(rel: Release) -> list[dict]:
    """Ids are unique across splits."""
    df = rel.statements
    if df.is_empty():
        return []
    # ids are 16 hex digits: as 64-bit integers the common case (all unique) is one cheap count
    ints = df.select(pl.col("id").str.to_integer(base=16, dtype=pl.UInt64, strict=False)).to_series()
    if ints.null_count() == 0 and ints.n_unique() == df.height:
        return []
    dup = df.filter(pl.col("id").is_duplicated())
    return [_fail("unique_ids", r["split"], "id", r["id"], r["id"]) for r in dup.iter_rows(named=True)]


def check_id_recipe(rel: Release) -> list[dict]:
    """Every id is the hash of its article id and span."""
    df = rel.statements
    if df.is_empty():
        return []
    keys = df.select(
        pl.concat_str(
            [pl.col("article_id"), pl.col("char_start").cast(pl.String), pl.col("char_end").cast(pl.String)],
            separator=ID_SEPARATOR,
        )
    ).to_series()
    expected = pl.Series(ids_of_keys(keys.to_list()), dtype=pl.String)
    wrong = df.select("id", "split").with_columns(_ok=pl.col("id") == expected).filter(~pl.col("_ok"))
    return [
        _fail("id_recipe", r["split"], "id", r["id"], "id is not sha256(article_id, span)[:16]")
        for r in wrong.iter_rows(named=True)
    ]


# what duplicate_key turns into spaces: quote marks and every Unicode white-space character
_SQUEEZE = [
    *QUOTE_MARKS,
    *"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000",
    *map(chr, range(0x2000, 0x200B)),
]


def check_no_duplicate_statements(rel: Release) -> list[dict]:
    """No two rows with the same speaker, normalised statement, company and quarter."""
    df = rel.statements
    if df.is_empty():
        return []
    # Rows equal under the duplicate key are equal once white space and quote marks are removed, which is much
    # cheaper to compute: only rows that collide on that are given the full key.
    squeezed = (
        pl.col("statement")
        .str.to_lowercase()
        .str.replace_many(_SQUEEZE, [""] * len(_SQUEEZE))
        .str.strip_chars(EDGE_PUNCTUATION)
    )
    d = df.filter(pl.struct("speaker", "company", "quarter", squeezed).is_duplicated())
    d = d.filter(duplicate_key().is_duplicated())
    return [
        _fail("duplicate_statements", r["split"], "statement", r["id"], r["statement"]) for r in d.iter_rows(named=True)
    ]


def check_event_splits(rel: Release) -> list[dict]:
    """No event (company, quarter) has rows in two splits."""
    df = rel.statements
    if df.is_empty():
        return []
    leak = (
        df.group_by("company", "quarter")
        .agg(pl.col("split").n_unique().alias("n"), pl.col("split").unique().alias("s"), pl.col("id").first())
        .filter(pl.col("n") > 1)
    )
    return [
        _fail("event_in_two_splits", None, "company", r["id"], f"{r['company']} {r['quarter']}: {sorted(r['s'])}")
        for r in leak.iter_rows(named=True)
    ]


def check_manifest(rel: Release) -> list[dict]:
    """MANIFEST.json hashes and row counts match the files; every data file is listed."""
    files = rel.manifest.get("files")
    if not isinstance(files, dict):
        return [_fail("manifest", "MANIFEST.json", None, None, "no 'files' table")] if rel.manifest else []
    out = []
    for name, meta in files.items():
        path = rel.root / name
        if not path.is_file():
            out.append(_fail("manifest", name, None, None, "listed in MANIFEST.json but missing"))
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != meta.get("sha256"):
            out.append(
                _fail("manifest_sha256", name, None, None, f"sha256 {digest[:12]}… != {str(meta.get('sha256'))[:12]}…")
            )
        rows = (
            rel.frames[name].height
            if name in rel.frames
            else (
                sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
                if name.endswith(".jsonl")
                else None
            )
        )
        if rows is not None and rows != meta.get("rows"):
            out.append(_fail("manifest_rows", name, None, None, f"{rows} rows != {meta.get('rows')}"))
    for splits in rel.files.values():
        for rel_path in splits.values():
            if rel_path not in files:
                out.append(_fail("manifest", rel_path, None, None, "data file not listed in MANIFEST.json"))
    for path in rel.root.rglob("*.parquet"):
        name = path.relative_to(rel.root).as_posix()
        if name not in files and not name.startswith("results/"):
            out.append(_fail("manifest", name, None, None, "Parquet file not listed in MANIFEST.json"))
    return out


def check_readme_yaml(rel: Release) -> list[dict]:
    """The card's YAML matches the files: configs, split counts, and every feature a file column
    (a README column missing from a file silently loads as None in ``datasets``)."""
    if not rel.header:
        return []
    out = []
    infos = rel.header.get("dataset_info")
    if not isinstance(infos, list):
        return [_fail("readme_yaml", "README.md", None, None, "dataset_info must be a list keyed by config_name")]
    configs = {c.get("config_name") for c in rel.header.get("configs", [])}
    defaults = [c.get("config_name") for c in rel.header.get("configs", []) if c.get("default")]
    if defaults != ["statements"]:
        out.append(
            _fail("readme_yaml", "README.md", None, None, f"default config is {defaults}, expected ['statements']")
        )
    for info in infos:
        config = info.get("config_name")
        if config not in configs:
            out.append(_fail("readme_yaml", "README.md", None, None, f"dataset_info for unknown config {config!r}"))
            continue
        if config in schema.CONFIGS and info.get("features") != schema.card_features(config):
            out.append(_fail("readme_yaml", "README.md", None, None, f"{config}: features differ from schema/"))
        names = [f.get("name") for f in info.get("features", [])]
        for split in info.get("splits", []):
            rel_path = rel.files.get(config, {}).get(split.get("name"))
            df = rel.frames.get(rel_path) if rel_path else None
            if df is None:
                out.append(_fail("readme_yaml", "README.md", None, None, f"{config}/{split.get('name')}: no data file"))
                continue
            missing = [n for n in names if n not in df.columns]
            if missing:
                out.append(_fail("readme_yaml", rel_path, ",".join(missing), None, "README feature missing from file"))
            if split.get("num_examples") != df.height:
                out.append(
                    _fail(
                        "readme_yaml",
                        rel_path,
                        None,
                        None,
                        f"num_examples {split.get('num_examples')} != {df.height} rows",
                    )
                )
    return out


CHECKS: dict[str, Callable[[Release], list[dict]]] = {
    "schema": check_schema,
    "fields": check_fields,
    "quarter_agreement": check_quarter_agreement,
    "statement_trimmed": check_statement_trimmed,
    "offsets": check_offsets,
    "article_text": check_article_text,
    "unique_ids": check_unique_ids,
    "id_recipe": check_id_recipe,
    "duplicate_statements": check_no_duplicate_statements,
    "event_splits": check_event_splits,
    "manifest": check_manifest,
    "readme_yaml": check_readme_yaml,
}


@dataclass
class Report:
    """What ``validate`` found: the failures (empty: valid) and the checks it had to skip, with why."""

    failures: pl.DataFrame
    skipped: list[str]


def run(root: Path) -> pl.DataFrame:
    """Every check on the release at ``root``; an empty table means valid."""
    return report(root).failures


def report(root: Path) -> Report:
    """Every check on the release at ``root``, and the checks it skipped."""
    rel = read_release(root)
    _ = rel.statements, rel.articles  # built once, before the checks share them
    failures = list(rel.problems)
    # Two threads: id_recipe's hashing (Python, holding the GIL) runs beside the polars checks, which release
    # it. Results are read back in CHECKS order, so the report does not depend on timing.
    first = sorted(CHECKS, key=lambda name: name != "id_recipe")
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {name: pool.submit(CHECKS[name], rel) for name in first}
    for name in CHECKS:
        failures.extend(futures[name].result())
    return Report(pl.DataFrame(failures, schema=FAILURE_SCHEMA), skipped(rel))


def summary(failures: pl.DataFrame, first: int = 5) -> pl.DataFrame:
    """Per check: how many rows fail it and the first few row ids (or files)."""
    if failures.is_empty():
        return pl.DataFrame(schema={"check": pl.String, "failures": pl.UInt32, "examples": pl.String})
    return (
        failures.with_columns(ex=pl.coalesce("row_id", "file", "failure_case"))
        .group_by("check", maintain_order=True)
        .agg(
            pl.len().alias("failures"),
            pl.col("ex").drop_nulls().unique(maintain_order=True).head(first).str.join(", ").alias("examples"),
        )
    )
