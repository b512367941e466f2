"""Human judgements: read from an annotations folder, applied over the pipeline's values in build's global phase.

An annotation record names a row by ``id``, or by ``article_id`` with ``char_start`` and ``char_end``, and
carries a human ``label``; a record of a judged row (the benchmark's human test rows) may also carry
``is_row`` and the judged ``speaker``, ``speaker_role``, ``company``, ``ticker`` and ``quarter``, and the
``split`` it was drawn from. The build keeps a judged row's event in that split, gives the row the judged values
(``label_source = human``), and leaves out a row judged not to be one (counted in the manifest). Later files
win, in name order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from . import jsonl
from .errors import InputError
from .schema import load as load_schema

JUDGED_FIELDS = ("speaker", "speaker_role", "company", "ticker", "quarter")


@dataclass
class Judgements:
    """What people said of rows, by row id."""

    labels: dict[str, str] = field(default_factory=dict)
    fields: dict[str, dict[str, str | None]] = field(default_factory=dict)  # judged values other than the label
    not_rows: set[str] = field(default_factory=set)
    splits: dict[str, str] = field(default_factory=dict)  # the split a judged row was drawn from (its ``split``)

    def __len__(self) -> int:
        return len(set(self.labels) | set(self.fields) | self.not_rows)


def load_judgements(folder: Path | None) -> Judgements:
    """Every judgement in the ``*.jsonl`` files of ``folder``; a record the build cannot use stops with its file
    and line."""
    out = Judgements()
    if folder is None or not folder.is_dir():
        return out
    spec = load_schema("statements")
    labels = set(spec.field("label").classes)
    roles = set(spec.field("speaker_role").classes)
    from .rowid import row_id  # the id recipe lives with the rows

    for path in sorted(folder.glob("*.jsonl")):
        for lineno, rec in jsonl.objects(path, ()):
            try:
                rid = rec.get("id") or row_id(rec["article_id"], int(rec["char_start"]), int(rec["char_end"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(
                    f"an annotation needs 'id', or 'article_id' with offsets ({exc})", str(path), lineno
                ) from exc
            if rec.get("split") is not None:
                if rec["split"] not in spec.splits:
                    raise InputError(f"split {rec['split']!r} is not one of {list(spec.splits)}", str(path), lineno)
                out.splits[rid] = rec["split"]
            if rec.get("is_row") is False:
                out.not_rows.add(rid)
                out.labels.pop(rid, None)
                out.fields.pop(rid, None)
                continue
            if "label" not in rec:
                raise InputError("an annotation needs a 'label' (or 'is_row': false)", str(path), lineno)
            if rec["label"] not in labels:
                raise InputError(f"label {rec['label']!r} is not one of {sorted(labels)}", str(path), lineno)
            if rec.get("speaker_role") is not None and rec["speaker_role"] not in roles:
                raise InputError(
                    f"speaker_role {rec['speaker_role']!r} is not one of {sorted(roles)}", str(path), lineno
                )
            if rec.get("quarter") is not None and not re.fullmatch(r"\d{4}Q[1-4]", str(rec["quarter"])):
                raise InputError(f"quarter {rec['quarter']!r} is not YYYYQn", str(path), lineno)
            out.not_rows.discard(rid)
            out.labels[rid] = rec["label"]
            judged = {k: rec[k] for k in JUDGED_FIELDS if k in rec}
            if judged:
                out.fields[rid] = judged
    return out


def load_annotations(folder: Path | None) -> dict[str, str]:
    """Human labels by row id (``load_judgements``'s labels)."""
    return load_judgements(folder).labels


def apply_judgements(df: pl.DataFrame, judged: Judgements) -> tuple[pl.DataFrame, int]:
    """The rows with their human values (``label_source = human``), without the rows judged not to be rows;
    and how many rows were left out so."""
    if not len(judged):
        return df, 0
    keep = ~pl.col("id").is_in(list(judged.not_rows))
    n_out = df.height - df.filter(keep).height
    df = df.filter(keep)
    df = apply_human_labels(df, judged.labels)
    if judged.fields:
        cols = {"id": list(judged.fields)}
        for k in JUDGED_FIELDS:
            cols[f"_{k}"] = [v.get(k, "\x00") for v in judged.fields.values()]  # \x00: the field was not judged
        values = pl.DataFrame(cols, schema={c: pl.String for c in cols}).with_columns(_judged=pl.lit(True))
        df = df.join(values, on="id", how="left", maintain_order="left")
        judged_row = pl.col("_judged").fill_null(False)
        updates = []
        for k in JUDGED_FIELDS:
            given = judged_row & (pl.col(f"_{k}").is_null() | (pl.col(f"_{k}") != "\x00"))  # null: judged as none
            updates.append(pl.when(given).then(pl.col(f"_{k}")).otherwise(pl.col(k)).alias(k))
        df = df.with_columns(updates)
        q = pl.col("quarter")
        df = df.with_columns(
            fiscal_year=pl.when(judged_row).then(q.str.slice(0, 4).cast(pl.Int16)).otherwise(pl.col("fiscal_year")),
            fiscal_quarter=pl.when(judged_row)
            .then(q.str.slice(5, 1).cast(pl.Int8))
            .otherwise(pl.col("fiscal_quarter")),
        ).drop([*(f"_{k}" for k in JUDGED_FIELDS), "_judged"])
    return df, n_out


def apply_human_labels(df: pl.DataFrame, human: dict[str, str]) -> pl.DataFrame:
    """Human labels (by row id) override the pipeline's labels of a frame of rows."""
    if not human:
        return df
    labels = pl.DataFrame(
        {"id": list(human), "_human": list(human.values())}, schema={"id": pl.String, "_human": pl.String}
    )
    return (
        df.join(labels, on="id", how="left", maintain_order="left")
        .with_columns(
            label=pl.coalesce("_human", "label"),
            label_source=pl.when(pl.col("_human").is_not_null())
            .then(pl.lit("human"))
            .otherwise(pl.col("label_source")),
        )
        .drop("_human")
    )
