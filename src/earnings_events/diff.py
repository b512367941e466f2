"""What changed between two releases: rows added, removed and changed by id, label changes, splits, schema.

``compare(old_dir, new_dir)`` reads both release folders (Parquet files named by the card, class labels
decoded with each file's own feature metadata) and returns a ``DiffReport``: plain data, printable as
tables by the CLI, as JSON with ``to_dict()``, and as CHANGELOG lines. ``report.level`` is the smallest
version bump the changes need under the rules in ``versions``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow.parquet as pq

from . import card, schema, versions
from .errors import UserError


@dataclass
class ColumnInfo:
    """A column as a release file stores it."""

    name: str
    type: str  # the Arrow type, e.g. "int64", "string"
    classes: tuple[str, ...] | None = None  # class names of a ClassLabel column


@dataclass
class ConfigDiff:
    """Row-level changes of one config (``statements`` or ``articles``), keyed by its primary key."""

    config: str
    key: str
    rows_per_split: dict[str, dict[str, int]] = field(default_factory=dict)  # split -> {"old": n, "new": m}
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # key -> column -> [old, new]
    moved: dict[str, list[str]] = field(default_factory=dict)  # key -> [old split, new split]

    @property
    def changed_columns(self) -> dict[str, int]:
        """How many rows changed in each column."""
        out: dict[str, int] = {}
        for cols in self.changed.values():
            for c in cols:
                out[c] = out.get(c, 0) + 1
        return dict(sorted(out.items()))


@dataclass
class SchemaDiff:
    """Column and class-label changes of one config, and the manifests' schema versions."""

    config: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    retyped: dict[str, list[str]] = field(default_factory=dict)  # column -> [old type, new type]
    classes: dict[str, list[list[str]]] = field(default_factory=dict)  # column -> [old names, new names]
    splits_added: list[str] = field(default_factory=list)
    splits_removed: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.added or self.removed or self.retyped or self.classes or self.splits_added or self.splits_removed
        )


@dataclass
class DiffReport:
    old: str
    new: str
    old_version: str | None
    new_version: str | None
    old_schema_version: str | None
    new_schema_version: str | None
    configs: dict[str, ConfigDiff]
    schemas: dict[str, SchemaDiff]
    label_names: list[str]
    label_matrix: dict[str, dict[str, int]]  # old label -> new label -> rows (rows in both releases)

    # --- derived ------------------------------------------------------------------------------

    @property
    def label_changes(self) -> dict[str, list[str]]:
        """Statement id -> [old label, new label] for every row whose label changed."""
        st = self.configs.get("statements")
        if st is None:
            return {}
        return {k: v["label"] for k, v in st.changed.items() if "label" in v}

    def changes(self) -> versions.Changes:
        """The changes as the version rules classify them."""
        breaking, additions, corrections = [], [], []
        schema_change = versions.schema_level(self.old_schema_version, self.new_schema_version)
        if schema_change:
            reason = f"schema version {self.old_schema_version} -> {self.new_schema_version}"
            (breaking if schema_change == "major" else additions).append(reason)
        for s in self.schemas.values():
            breaking += [f"{s.config}.{c} removed" for c in s.removed]
            breaking += [f"{s.config}.{c} type {a} -> {b}" for c, (a, b) in s.retyped.items()]
            breaking += [f"{s.config} split {x} removed" for x in s.splits_removed]
            for c, (a, b) in s.classes.items():
                if b[: len(a)] == a:
                    additions.append(f"{s.config}.{c} classes added: {', '.join(b[len(a) :])}")
                else:
                    breaking.append(f"{s.config}.{c} classes {a} -> {b}")
            additions += [f"{s.config}.{c} added" for c in s.added]
            additions += [f"{s.config} split {x} added" for x in s.splits_added]
        for c in self.configs.values():
            if c.added:
                additions.append(f"{len(c.added)} {c.config} rows added")
            if c.removed:
                additions.append(f"{len(c.removed)} {c.config} rows removed")
            if c.moved:
                additions.append(f"{len(c.moved)} {c.config} rows moved to another split")
            for col, n in c.changed_columns.items():
                corrections.append(f"{n} {c.config} {col} values corrected")
        return versions.Changes(tuple(breaking), tuple(additions), tuple(corrections))

    @property
    def level(self) -> str | None:
        """The smallest version bump these changes need (None: same content)."""
        return versions.required_level(self.changes())

    @property
    def version_ok(self) -> bool | None:
        """Whether the new version bumps enough for the changes (None when a version is unknown)."""
        if not (self.old_version and self.new_version):
            return None
        try:
            got = versions.level_of(self.old_version, self.new_version)
        except UserError:
            return None
        return versions.at_least(got, self.level)

    @property
    def identical(self) -> bool:
        return self.level is None

    # --- output --------------------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        ch = self.changes()
        return {
            "old": {"path": self.old, "version": self.old_version, "schema_version": self.old_schema_version},
            "new": {"path": self.new, "version": self.new_version, "schema_version": self.new_schema_version},
            "identical": self.identical,
            "required_bump": self.level,
            "version_ok": self.version_ok,
            "reasons": {"major": list(ch.schema_breaking), "minor": list(ch.additions), "patch": list(ch.corrections)},
            "configs": {
                name: {
                    "key": c.key,
                    "rows_per_split": c.rows_per_split,
                    "added": c.added,
                    "removed": c.removed,
                    "changed": c.changed,
                    "changed_columns": c.changed_columns,
                    "moved": c.moved,
                }
                for name, c in self.configs.items()
            },
            "label_changes": self.label_changes,
            "label_matrix": {"labels": self.label_names, "old_by_new": self.label_matrix},
            "schema": {
                name: {
                    "added": s.added,
                    "removed": s.removed,
                    "retyped": s.retyped,
                    "classes": s.classes,
                    "splits_added": s.splits_added,
                    "splits_removed": s.splits_removed,
                }
                for name, s in self.schemas.items()
            },
        }

    def changelog_lines(self) -> list[str]:
        """The body of a CHANGELOG entry: the bump, row and label changes, schema changes."""
        level = self.level
        head = {
            None: "No data changes.",
            "patch": "Patch release: corrections to existing rows.",
            "minor": "Minor release: rows or columns added or removed, compatible schema.",
            "major": "Major release: incompatible schema or label-set changes.",
        }[level]
        lines = [f"{head} Compared with {self.old_version}:", ""]
        for c in self.configs.values():
            total_old = sum(v["old"] for v in c.rows_per_split.values())
            total_new = sum(v["new"] for v in c.rows_per_split.values())
            per = ", ".join(f"{s} {v['new']}" for s, v in c.rows_per_split.items())
            lines.append(
                f"- {c.config}: {total_new} rows ({per}; was {total_old}); {len(c.added)} added, "
                f"{len(c.removed)} removed, {len(c.changed)} changed, {len(c.moved)} moved between splits"
            )
        changes = self.label_changes
        if changes:
            pairs: dict[tuple[str, str], int] = {}
            for a, b in changes.values():
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
            shown = ", ".join(f"{a} → {b} {n}" for (a, b), n in sorted(pairs.items()))
            lines.append(f"- labels changed: {len(changes)} ({shown})")
        st = self.configs.get("statements")
        other = {k: v for k, v in (st.changed_columns if st else {}).items() if k != "label"}
        if other:
            lines.append("- other statement fields changed: " + ", ".join(f"{k} {v}" for k, v in other.items()))
        for s in self.schemas.values():
            if not s.empty:
                parts = (
                    [f"added {', '.join(s.added)}"] * bool(s.added)
                    + [f"removed {', '.join(s.removed)}"] * bool(s.removed)
                    + [f"{c} {a} -> {b}" for c, (a, b) in s.retyped.items()]
                    + [f"{c} classes {a} -> {b}" for c, (a, b) in s.classes.items()]
                )
                lines.append(f"- schema of {s.config}: " + "; ".join(parts))
        if self.old_schema_version != self.new_schema_version:
            lines.append(f"- schema version: {self.old_schema_version} -> {self.new_schema_version}")
        return lines


# --- reading a release ---------------------------------------------------------------------------


@dataclass
class _Side:
    root: Path
    manifest: dict
    files: dict[str, dict[str, str]]  # config -> split -> relative path


def _side(root: Path) -> _Side:
    if not root.is_dir():
        raise UserError(f"{root}: no such release folder")
    manifest: dict = {}
    mpath = root / "MANIFEST.json"
    if mpath.is_file():
        try:
            manifest = json.loads(mpath.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise UserError(f"{mpath}: not valid JSON ({exc})") from exc
    header = card.read_header(root / "README.md") if (root / "README.md").is_file() else {}
    files: dict[str, dict[str, str]] = {}
    for cfg in header.get("configs", []) or []:
        files[cfg.get("config_name")] = {d["split"]: d["path"] for d in cfg.get("data_files", [])}
    for config in schema.CONFIGS:
        if config not in files:
            files[config] = {s: f"{config}/{s}.parquet" for s in schema.load(config).splits}
    if not any((root / p).is_file() for splits in files.values() for p in splits.values()):
        raise UserError(f"{root}: not a release folder (no data files; build one with `earnings-events build`)")
    return _Side(root, manifest, files)


def _columns(path: Path) -> list[ColumnInfo]:
    arrow = pq.read_schema(path)
    feats: dict[str, Any] = {}
    raw = (arrow.metadata or {}).get(b"huggingface")
    if raw:
        try:
            feats = json.loads(raw).get("info", {}).get("features", {})
        except ValueError:
            feats = {}
    out = []
    for f in arrow:
        meta = feats.get(f.name) or {}
        classes = tuple(meta["names"]) if meta.get("_type") == "ClassLabel" and "names" in meta else None
        out.append(ColumnInfo(f.name, str(f.type), classes))
    return out


def _read(side: _Side, config: str) -> tuple[pl.DataFrame, dict[str, int], list[ColumnInfo]]:
    """All splits of a config, class labels as names, with a ``split`` column; rows per split; columns."""
    parts, counts, columns = [], {}, []
    for split, rel in side.files.get(config, {}).items():
        path = side.root / rel
        if not path.is_file():
            raise UserError(f"{side.root}: {rel} is missing (run `earnings-events validate {side.root}`)")
        cols = _columns(path)
        columns = columns or cols
        df = pl.read_parquet(path)
        decode = [
            pl.col(c.name).replace_strict(list(range(len(c.classes))), list(c.classes), default=None)
            for c in cols
            if c.classes is not None
        ]
        df = df.with_columns(decode).with_columns(split=pl.lit(split))
        parts.append(df)
        counts[split] = df.height
    if not parts:
        return pl.DataFrame(), counts, columns
    return pl.concat(parts, how="diagonal_relaxed"), counts, columns


def _jsonable(v: Any) -> Any:
    return v if v is None or isinstance(v, (str, int, float, bool)) else str(v)


def _config_diff(config: str, old: pl.DataFrame, new: pl.DataFrame, counts: tuple[dict, dict]) -> ConfigDiff:
    key = schema.load(config).primary_key
    splits = list(dict.fromkeys([*counts[0], *counts[1]]))
    out = ConfigDiff(
        config,
        key,
        rows_per_split={s: {"old": counts[0].get(s, 0), "new": counts[1].get(s, 0)} for s in splits},
    )
    if old.is_empty() and new.is_empty():
        return out
    old_keys = set(old[key].to_list()) if not old.is_empty() else set()
    new_keys = set(new[key].to_list()) if not new.is_empty() else set()
    out.added = sorted(new_keys - old_keys)
    out.removed = sorted(old_keys - new_keys)
    if old.is_empty() or new.is_empty():
        return out
    common = [c for c in old.columns if c in new.columns and c != key]
    joined = old.select(key, *common).join(new.select(key, *common), on=key, how="inner", suffix="__new")
    for c in common:
        a, b = pl.col(c), pl.col(f"{c}__new")
        try:
            differs = joined.filter(a.ne_missing(b))
        except pl.exceptions.PolarsError:  # incomparable types after a retype: compare as text
            differs = joined.filter(a.cast(pl.String).ne_missing(b.cast(pl.String)))
        for r in differs.select(key, c, f"{c}__new").iter_rows():
            if c == "split":
                out.moved[r[0]] = [r[1], r[2]]
            else:
                out.changed.setdefault(r[0], {})[c] = [_jsonable(r[1]), _jsonable(r[2])]
    out.changed = dict(sorted(out.changed.items()))
    out.moved = dict(sorted(out.moved.items()))
    return out


def _schema_diff(config: str, old: list[ColumnInfo], new: list[ColumnInfo], splits: tuple[list, list]) -> SchemaDiff:
    o, n = {c.name: c for c in old}, {c.name: c for c in new}
    out = SchemaDiff(config)
    out.added = [c for c in n if c not in o]
    out.removed = [c for c in o if c not in n]
    for name in o.keys() & n.keys():
        if o[name].type != n[name].type:
            out.retyped[name] = [o[name].type, n[name].type]
        if o[name].classes != n[name].classes:
            out.classes[name] = [list(o[name].classes or ()), list(n[name].classes or ())]
    out.retyped = dict(sorted(out.retyped.items()))
    out.classes = dict(sorted(out.classes.items()))
    out.splits_added = [s for s in splits[1] if s not in splits[0]]
    out.splits_removed = [s for s in splits[0] if s not in splits[1]]
    return out


def compare(old_dir: Path, new_dir: Path, old_name: str | None = None, new_name: str | None = None) -> DiffReport:
    """Compare two release folders: rows by id, labels, splits, schema (names: how to call them in reports)."""
    old, new = _side(Path(old_dir)), _side(Path(new_dir))
    configs: dict[str, ConfigDiff] = {}
    schemas: dict[str, SchemaDiff] = {}
    frames: dict[str, tuple[pl.DataFrame, pl.DataFrame]] = {}
    for config in dict.fromkeys([*old.files, *new.files]):
        odf, ocount, ocols = _read(old, config) if config in old.files else (pl.DataFrame(), {}, [])
        ndf, ncount, ncols = _read(new, config) if config in new.files else (pl.DataFrame(), {}, [])
        frames[config] = (odf, ndf)
        configs[config] = _config_diff(config, odf, ndf, (ocount, ncount))
        schemas[config] = _schema_diff(config, ocols, ncols, (list(ocount), list(ncount)))
    names, matrix = _label_matrix(old, new, *frames.get("statements", (pl.DataFrame(), pl.DataFrame())))
    return DiffReport(
        old=old_name or str(old_dir),
        new=new_name or str(new_dir),
        old_version=old.manifest.get("dataset_version"),
        new_version=new.manifest.get("dataset_version"),
        old_schema_version=old.manifest.get("schema_version"),
        new_schema_version=new.manifest.get("schema_version"),
        configs=configs,
        schemas=schemas,
        label_names=names,
        label_matrix=matrix,
    )


def _label_names(side: _Side) -> list[str]:
    """The label class names a release's statement files declare."""
    for rel in side.files.get("statements", {}).values():
        path = side.root / rel
        if path.is_file():
            for c in _columns(path):
                if c.name == "label" and c.classes is not None:
                    return list(c.classes)
    return []


def _label_matrix(
    old: _Side, new: _Side, odf: pl.DataFrame, ndf: pl.DataFrame
) -> tuple[list[str], dict[str, dict[str, int]]]:
    """Old label x new label counts over the statements present in both releases."""
    if odf.is_empty() or ndf.is_empty() or "label" not in odf.columns or "label" not in ndf.columns:
        return [], {}
    pairs = odf.select("id", "label").join(ndf.select("id", pl.col("label").alias("label_new")), on="id")
    counts = list(pairs.group_by("label", "label_new").len().iter_rows())
    seen = [x for a, b, _ in counts for x in (a, b) if x is not None]
    names = list(dict.fromkeys([*_label_names(old), *_label_names(new), *sorted(seen)]))
    matrix = {a: dict.fromkeys(names, 0) for a in names}
    for a, b, n in counts:
        if a is not None and b is not None:
            matrix[a][b] += n
    return names, matrix


_HUB_SPEC = re.compile(r"^(?:hf://datasets/)?(?P<repo>[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*)@(?P<rev>[^@\s]+)$")


def resolve(spec: str, workdir: Path) -> Path:
    """A release folder for ``spec``: an existing folder, or ``OWNER/NAME@REVISION`` downloaded from the Hub
    into ``workdir`` (a revision ``X.Y.Z`` means the tag ``vX.Y.Z``)."""
    path = Path(spec)
    if path.exists():
        return path
    m = _HUB_SPEC.match(spec)
    if m is None:
        raise UserError(f"{spec}: no such folder (a Hub revision is written OWNER/NAME@REVISION, e.g. me/data@v1.0.0)")
    from . import publish

    rev = m.group("rev")
    if re.fullmatch(r"\d+\.\d+\.\d+", rev):
        rev = f"v{rev}"
    return publish.download(m.group("repo"), rev, workdir)
