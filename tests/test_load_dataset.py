"""A release opens with a real datasets.load_dataset (offline), and with polars / pandas."""

import datasets
import polars as pl

from earnings_events import schema


def test_load_dataset_statements_with_class_labels(small_release):
    ds = datasets.load_dataset(str(small_release))
    assert set(ds) == {"train", "validation", "test"}
    assert ds["train"].features == schema.features("statements")
    assert isinstance(ds["train"].features["label"], datasets.ClassLabel)
    assert ds["train"].features["label"].names == ["outlook", "performance", "risk", "other"]
    total = sum(ds[s].num_rows for s in ds)
    frames = [pl.read_parquet(small_release / f"statements/{s}.parquet") for s in ds]
    assert total == sum(f.height for f in frames) > 0
    row = ds["train"][0]
    assert row["statement"] == frames[0]["statement"][0]
    assert row["company"] and row["char_end"] > row["char_start"]


def test_load_dataset_articles_config(small_release):
    arts = datasets.load_dataset(str(small_release), "articles", split="corpus")
    assert arts.num_rows == 5
    assert arts.features == schema.features("articles")
    text = {a["article_id"]: a["text"] for a in arts}
    st = datasets.load_dataset(str(small_release), split="train")
    for r in st:
        assert text[r["article_id"]][r["char_start"] : r["char_end"]] == r["statement"]


def test_pandas_reads_the_parquet_directly(small_release):
    import pandas as pd

    df = pd.read_parquet(small_release / "statements/train.parquet")
    assert list(df.columns) == schema.load("statements").names
