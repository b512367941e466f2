"""Human labels: read from an annotations folder, applied over the labeler's in build's global phase."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from . import jsonl
from .errors import InputError
from .schema import load as load_schema


def load_annotations(folder: Path | None) -> dict[str, str]:
    """Human labels by row id from every ``*.jsonl`` in ``folder`` (later files win, in name order)."""
    labels: dict[str, str] = {}
    if folder is None or not folder.is_dir():
        return labels
    allowed = set(load_schema("statements").field("label").classes)
    from .rowid import row_id  # the id recipe lives with the rows

    for path in sorted(folder.glob("*.jsonl")):
        for lineno, rec in jsonl.objects(path, ("label",)):
            try:
                rid = rec.get("id") or row_id(rec["article_id"], int(rec["char_start"]), int(rec["char_end"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise InputError(
                    f"an annotation needs 'id', or 'article_id' with offsets ({exc})", str(path), lineno
                ) from exc
            label = rec["label"]
            if label not in allowed:
                raise InputError(f"label {label!r} is not one of {sorted(allowed)}", str(path), lineno)
            labels[rid] = label
    return labels


def apply_human_labels(df: pl.DataFrame, human: dict[str, str]) -> pl.DataFrame:
    """Human labels (by row id) override the rule labels of a frame of rows."""
    if not human:
        return df
    labels = pl.DataFrame(
        {"id": list(human), "_human": list(human.values())}, schema={"id": pl.String, "_human": pl.String}
    )
    return (
        df.join(labels, on="id", how="left")
        .with_columns(
            label=pl.coalesce("_human", "label"),
            label_source=pl.when(pl.col("_human").is_not_null())
            .then(pl.lit("human"))
            .otherwise(pl.col("label_source")),
        )
        .drop("_human")
    )
