"""Build: the worked example, rejects, determinism, splits, dedupe, atomic replacement."""

import dataclasses
import json
from pathlib import Path

import polars as pl
import pytest

from conftest import DATA, SHARED, make_release, write_jsonl
from earnings_events import build, validate
from earnings_events.errors import InputError, UserError
from earnings_events.records import Row
from earnings_events.rowid import duplicate_key

SPLITS = ("train", "validation", "test")
WORKED_EXAMPLE = [
    ("Think of Dojo as a long shot, a long shot worth taking… a high risk, high payoff program", "risk"),
    ("Dojo is working and it is doing training programs", "performance"),
    (
        "It's possible with the right architectural decisions that Tesla may have more compute than everyone "
        "else combined.",
        "outlook",
    ),
]


def rows(release: Path) -> pl.DataFrame:
    parts = [pl.read_parquet(release / f"statements/{s}.parquet").with_columns(split=pl.lit(s)) for s in SPLITS]
    return pl.concat(parts).sort("published", "article_id", "char_start")


def check_worked_example(release: Path, article_id: str, labels_too: bool = True) -> None:
    df = rows(release).filter(pl.col("article_id") == article_id)
    labels = ["outlook", "performance", "risk", "other"]
    got = [(r["statement"], labels[r["label"]]) for r in df.iter_rows(named=True)]
    if labels_too:
        assert got == WORKED_EXAMPLE
    else:
        assert [s for s, _ in got] == [s for s, _ in WORKED_EXAMPLE]
    for r in df.iter_rows(named=True):
        assert (r["company"], r["ticker"], r["quarter"], r["fiscal_year"], r["fiscal_quarter"]) == (
            "Tesla",
            "TSLA",
            "2023Q4",
            2023,
            4,
        )
        assert (r["speaker"], r["speaker_role"]) == ("Elon Musk", 0)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not beside the checkout")
def test_seed_gives_the_guides_worked_example(tmp_path, monkeypatch):
    """The guide's worked example, every field: the extractor's, and the labels of the rule labeler."""
    monkeypatch.setenv("EARNINGS_EVENTS_LABELER", "rules")
    make_release([SHARED / "seeds"], tmp_path / "seed")
    check_worked_example(tmp_path / "seed", "tesla-dojo-q4-2023")
    assert rows(tmp_path / "seed").height == 3


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not beside the checkout")
def test_seed_with_the_linear_labeler(tmp_path, monkeypatch):
    """The linear labeler (label_lr_v4) gives the worked example's rows; its labels are checked below."""
    monkeypatch.setenv("EARNINGS_EVENTS_LABELER", "lr")
    make_release([SHARED / "seeds"], tmp_path / "seed")
    check_worked_example(tmp_path / "seed", "tesla-dojo-q4-2023", labels_too=False)
    labels = ["outlook", "performance", "risk", "other"]
    got = [labels[r["label"]] for r in rows(tmp_path / "seed").iter_rows(named=True)]
    assert [got[0], got[1]] == [WORKED_EXAMPLE[0][1], WORKED_EXAMPLE[1][1]]


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not beside the checkout")
@pytest.mark.xfail(
    strict=True,
    reason='known defect: label_lr_v4 reads the hedged forecast "It\'s possible ... may have more compute" as '
    "risk where the guide says outlook (its training labels read hedges more strictly than the guide; see README)",
)
def test_the_linear_labeler_reads_the_guides_hedged_forecast_as_outlook(tmp_path, monkeypatch):
    monkeypatch.setenv("EARNINGS_EVENTS_LABELER", "lr")
    make_release([SHARED / "seeds"], tmp_path / "seed")
    check_worked_example(tmp_path / "seed", "tesla-dojo-q4-2023")


def _minilm_installed() -> bool:
    try:
        from earnings_events.pipeline import label_minilm

        label_minilm.load()
    except (ImportError, FileNotFoundError, ValueError):
        return False
    return True


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not beside the checkout")
@pytest.mark.skipif(not _minilm_installed(), reason="the embeddings extra is not installed")
def test_seed_with_the_default_labeler_gives_the_worked_examples_rows(tmp_path, monkeypatch):
    """The default labeler (label_minilm_v2) leaves every other field as the worked example has it; it gets the
    second row's label right (and the first two wrong: the strict expected failure below)."""
    monkeypatch.setenv("EARNINGS_EVENTS_LABELER", "minilm")
    make_release([SHARED / "seeds"], tmp_path / "seed")
    check_worked_example(tmp_path / "seed", "tesla-dojo-q4-2023", labels_too=False)
    labels = ["outlook", "performance", "risk", "other"]
    got = [labels[r["label"]] for r in rows(tmp_path / "seed").iter_rows(named=True)]
    assert got[1] == WORKED_EXAMPLE[1][1]


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not beside the checkout")
@pytest.mark.skipif(not _minilm_installed(), reason="the embeddings extra is not installed")
@pytest.mark.xfail(
    strict=True,
    reason='known defect: label_minilm_v2 reads "Think of Dojo as a long shot ... a high risk, high payoff program" '
    'as performance and "It\'s possible ... may have more compute" as risk, where the guide says risk and outlook '
    "(see README, Statement types)",
)
def test_the_default_labeler_gives_the_worked_examples_labels(tmp_path, monkeypatch):
    monkeypatch.setenv("EARNINGS_EVENTS_LABELER", "minilm")
    make_release([SHARED / "seeds"], tmp_path / "seed")
    check_worked_example(tmp_path / "seed", "tesla-dojo-q4-2023")


def test_sample_corpus_tesla_article_gives_the_worked_example(sample_release):
    check_worked_example(sample_release, "tesla-dojo-q4-2023")


def test_rejects_are_written_and_counts_add_up(tmp_path):
    inp = tmp_path / "in"
    write_jsonl(
        inp / "a.jsonl",
        [json.loads(line) for line in (DATA / "articles.jsonl").read_text().splitlines()]
        + [
            '{"id": "broken"',
            '{"id": true, "text": "no usable id"}',
            '{"id": "d", "text": "x", "published": "yesterday"}',
        ],
    )
    (inp / "blob.txt").write_bytes(b"\x00\x00")
    (inp / "empty.jsonl").write_text("")
    result = make_release([inp], tmp_path / "out")
    assert result.articles_read == result.articles_accepted + sum(result.rejects.values())
    assert dict(result.rejects) == {
        "malformed_json": 1,
        "missing_id": 1,
        "bad_date": 1,
        "binary_file": 1,
        "empty_file": 1,
    }
    rejects = [json.loads(x) for x in (tmp_path / "out/rejects.jsonl").read_text().splitlines()]
    assert {(r["source"], r["line"], r["reason"]) for r in rejects} == {
        ("in/a.jsonl", 6, "malformed_json"),
        ("in/a.jsonl", 7, "missing_id"),
        ("in/a.jsonl", 8, "bad_date"),
        ("in/blob.txt", None, "binary_file"),
        ("in/empty.jsonl", None, "empty_file"),
    }
    manifest = json.loads((tmp_path / "out/MANIFEST.json").read_text())
    assert manifest["stats"]["articles_read"] == 10


def test_strict_stops_at_the_first_reject_and_leaves_no_output(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", ['{"id": "x", "text": "ok"}', "not json"])
    with pytest.raises(InputError, match=r"a.jsonl:2"):
        make_release([path], tmp_path / "out", strict=True)
    assert not (tmp_path / "out").exists()
    assert not list(tmp_path.glob(".out.tmp-*"))


def test_same_inputs_give_byte_identical_files(tmp_path):
    make_release([DATA / "articles.jsonl"], tmp_path / "one")
    make_release([DATA / "articles.jsonl"], tmp_path / "two")
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file())
    assert files
    for rel in files:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes(), rel


def test_splits_follow_events_in_time_order(sample_release):
    df = rows(sample_release)
    per_event = df.group_by("company", "quarter").agg(pl.col("split").n_unique().alias("n"))
    assert per_event["n"].max() == 1
    first = df.group_by("split").agg(pl.col("published").min().alias("lo"), pl.col("published").max().alias("hi"))
    span = {r["split"]: (r["lo"], r["hi"]) for r in first.iter_rows(named=True)}
    assert all(df.filter(pl.col("split") == s).height > 0 for s in SPLITS)
    assert span["train"][0] <= span["validation"][0] <= span["test"][0]
    assert span["train"][1] <= span["test"][1]


def one_story_filed_twice(tmp_path: Path) -> Path:
    """A corpus of one story filed on two days, the later copy first."""
    text = (
        "Harbor Freightways Inc. (NASDAQ: HBFW) reported third-quarter profit.\n\n"
        "“Volumes recovered faster than we planned for,” Chief Executive Maria Lopez said."
    )
    return write_jsonl(
        tmp_path / "a.jsonl",
        [
            {"id": "later", "published": "2023-10-27", "text": text},
            {"id": "earlier", "published": "2023-10-26", "text": text},
        ],
    )


def test_exact_duplicates_kept_once_earliest_wins(tmp_path):
    path = one_story_filed_twice(tmp_path)
    result = make_release([path], tmp_path / "out")
    df = rows(tmp_path / "out")
    assert df["article_id"].to_list() == ["earlier"]
    assert result.duplicates_dropped == 1


def test_dedupe_by_hash_matches_the_exact_comparison(sample_release):
    # build dedupes through one 64-bit hash per row; the plain sort-and-unique gives the same rows, in order
    df = pl.concat([rows(sample_release).drop("split")] * 2).with_columns(
        statement=pl.when(pl.int_range(pl.len()) % 3 == 0)
        .then(pl.col("statement").str.to_uppercase() + " ")
        .otherwise(pl.col("statement"))
    )
    df = df.with_columns(label=pl.col("label").cast(pl.String), speaker_role=pl.col("speaker_role").cast(pl.String))
    exact = (  # the plain way: sort by time, keep the first of each exact key
        df.with_columns(_k=duplicate_key())
        .sort(["published", "article_id", "char_start"], nulls_last=False, maintain_order=True)
        .unique(subset=["_k"], keep="first", maintain_order=True)
        .drop("_k")
    )
    fast = build.dedupe(df)
    assert fast.height == rows(sample_release).height
    assert fast.equals(exact)


def test_a_version_number_is_never_reused_for_other_content(tmp_path):
    out = tmp_path / "out"
    make_release([DATA / "articles.jsonl"], out)
    make_release([DATA / "articles.jsonl"], out)  # same content, same version: fine
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    fewer = write_jsonl(tmp_path / "fewer.jsonl", (DATA / "articles.jsonl").read_text().splitlines()[:3])
    with pytest.raises(UserError, match=r"version 1\.0\.0 is already built with different content.*--version 1\.1\.0"):
        make_release([fewer], out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    make_release([fewer], out, version="1.1.0")
    assert "## [1.1.0]" in (out / "CHANGELOG.md").read_text()


def test_a_failed_build_leaves_the_previous_release_intact(tmp_path):
    out = tmp_path / "out"
    make_release([DATA / "articles.jsonl"], out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with pytest.raises(InputError):
        make_release([write_jsonl(tmp_path / "bad.jsonl", ["nope"])], out, strict=True)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # no half-written release beside it; only the work folder that --resume uses
    assert sorted(x.name for x in tmp_path.iterdir()) == [".out.work", "bad.jsonl", "out"]


def test_rebuild_carries_annotations_over(tmp_path):
    out = tmp_path / "out"
    make_release([DATA / "articles.jsonl"], out)
    first = rows(out).row(0, named=True)
    (out / "annotations").mkdir()
    (out / "annotations/mine.jsonl").write_text(json.dumps({"id": first["id"], "label": "other"}) + "\n")
    result = make_release([DATA / "articles.jsonl"], out, version="1.0.1")  # new labels: a new version
    again = rows(out).filter(pl.col("id") == first["id"]).row(0, named=True)
    assert (again["label"], again["label_source"]) == (3, "human")
    assert result.human_labels == 1
    assert (out / "annotations/mine.jsonl").is_file()


def test_sample_corpus_test_split_is_human_labelled(sample_release):
    test = pl.read_parquet(sample_release / "statements/test.parquet")
    assert test.height > 0
    assert test["label_source"].unique().to_list() == ["human"]


def test_default_corpus_is_packaged():
    assert len(build.ingest.expand([build.SAMPLE_CORPUS])) >= 2


def test_build_refuses_the_rows_its_own_checks_fail_and_lists_them_in_rejects(tmp_path):
    from earnings_events.build import check_rows
    from earnings_events.shards import rows_frame

    good = Row(
        id="0" * 16,
        company="Northwind",
        ticker="NWD",
        quarter="2024Q1",
        fiscal_year=2024,
        fiscal_quarter=1,
        statement="Orders were strong in every region",
        speaker="Jane Roe",
        speaker_role="executive",
        label="performance",
        label_source="rules",
        article_id="a",
        url=None,
        published=None,
        char_start=0,
        char_end=34,
    )
    bad = dataclasses.replace(good, id="1" * 16, statement="We will grow again next year ", char_end=30)
    worse = dataclasses.replace(good, id="2" * 16, quarter="2024Q2")
    kept, rejects = check_rows(rows_frame([good, bad, worse]))
    assert kept["id"].to_list() == ["0" * 16]
    assert [(r["reason"], r["detail"].split(":")[0]) for r in rejects] == [
        ("failed_check", "statement_trimmed"),
        ("failed_check", "quarter_agreement"),
    ]


def test_scope_decisions_are_recorded_with_their_reasons(small_release):
    import polars as pl

    arts = pl.read_parquet(small_release / "articles" / "corpus.parquet")
    assert set(arts.columns) >= {"in_scope", "scope_reason"}
    assert arts["scope_reason"].null_count() == 0
    manifest = json.loads((small_release / "MANIFEST.json").read_text())
    counts = manifest["stats"]["scope_reasons"]
    assert sum(counts.values()) == arts.height
    assert counts == dict(arts.group_by("scope_reason").len().sort("scope_reason").iter_rows())


def test_human_judgements_set_fields_and_leave_out_rows_judged_not_rows(tmp_path):
    first = tmp_path / "first"
    make_release([DATA / "articles.jsonl"], first, annotations=tmp_path / "none")
    rows = pl.concat([pl.read_parquet(f) for f in sorted((first / "statements").glob("*.parquet"))]).sort("id")
    a, b = rows.row(0, named=True), rows.row(1, named=True)
    folder = tmp_path / "annotations"
    write_jsonl(
        folder / "human-test.jsonl",
        [
            {"article_id": a["article_id"], "char_start": a["char_start"], "char_end": a["char_end"], "is_row": False},
            {
                "article_id": b["article_id"],
                "char_start": b["char_start"],
                "char_end": b["char_end"],
                "is_row": True,
                "speaker": "Judged Person",
                "speaker_role": "analyst",
                "company": "Judged Co",
                "ticker": None,
                "quarter": "2020Q2",
                "label": "other",
            },
        ],
    )
    second = tmp_path / "second"
    result = make_release([DATA / "articles.jsonl"], second, annotations=folder)
    again = pl.concat([pl.read_parquet(f) for f in sorted((second / "statements").glob("*.parquet"))])
    assert a["id"] not in again["id"].to_list()
    judged = again.filter(pl.col("id") == b["id"]).row(0, named=True)
    labels = build.schema.load("statements").field("label").classes
    roles = build.schema.load("statements").field("speaker_role").classes
    assert (judged["speaker"], roles[judged["speaker_role"]], judged["company"], judged["ticker"]) == (
        "Judged Person",
        "analyst",
        "Judged Co",
        None,
    )
    assert (judged["quarter"], judged["fiscal_year"], judged["fiscal_quarter"]) == ("2020Q2", 2020, 2)
    assert (labels[judged["label"]], judged["label_source"]) == ("other", "human")
    assert result.rows_judged_not_rows == 1
    assert json.loads((second / "MANIFEST.json").read_text())["stats"]["rows_judged_not_rows"] == 1
    from earnings_events import validate

    assert validate.run(second).is_empty()


def test_a_judgement_without_a_label_is_refused_with_file_and_line(tmp_path):
    folder = tmp_path / "annotations"
    write_jsonl(folder / "bad.jsonl", [{"article_id": "a", "char_start": 0, "char_end": 5, "speaker": "X"}])
    with pytest.raises(InputError, match=r"bad\.jsonl:1: an annotation needs a 'label'"):
        make_release([DATA / "articles.jsonl"], tmp_path / "out", annotations=folder)


def test_judged_rows_keep_their_events_in_the_split_they_were_drawn_from(tmp_path):
    """A judgement that names its split pins the row's event there, even when a later build would draw the
    split boundary elsewhere; a row judged not a row still leaves the release."""
    first = tmp_path / "first"
    make_release([DATA / "wire_corpus.jsonl"], first, annotations=tmp_path / "none")
    train = pl.read_parquet(first / "statements" / "train.parquet").sort("published", "char_start")
    row, other = train.row(0, named=True), train.row(1, named=True)
    notes = tmp_path / "annotations"
    notes.mkdir()
    write_jsonl(
        notes / "judged.jsonl",
        [
            {
                "article_id": row["article_id"],
                "char_start": row["char_start"],
                "char_end": row["char_end"],
                "split": "test",
                "is_row": True,
                "speaker": row["speaker"],
                "speaker_role": "executive",
                "company": row["company"],
                "ticker": row["ticker"],
                "quarter": row["quarter"],
                "label": "risk",
            },
        ],
    )
    second = tmp_path / "second"
    make_release([DATA / "wire_corpus.jsonl"], second, annotations=notes)
    test = pl.read_parquet(second / "statements" / "test.parquet")
    assert row["id"] in test["id"].to_list()
    same_event = train.filter((pl.col("company") == row["company"]) & (pl.col("quarter") == row["quarter"]))
    assert set(same_event["id"].to_list()) <= set(test["id"].to_list())  # the whole event moved with it
    if (other["company"], other["quarter"]) != (row["company"], row["quarter"]):
        assert other["id"] not in test["id"].to_list()
    write_jsonl(notes / "bad.jsonl", [{"id": row["id"], "split": "holdout", "label": "risk"}])
    with pytest.raises(InputError, match="split 'holdout' is not one of"):
        make_release([DATA / "wire_corpus.jsonl"], tmp_path / "third", annotations=notes)


def test_rows_that_judgements_make_duplicates_are_kept_once(tmp_path):
    """The same story filed on two days: the extractor gives its quote two quarters, so both rows are kept; the
    judges give both the same quarter, and the release keeps the earliest once (validate would call them
    duplicates), counting the other as a duplicate dropped."""
    story = (
        "NEW YORK (Reuters) - Northwind Corp ( NWD.O ) posted higher {q} profit on Tuesday. "
        '"Margins held up nicely and the cloud unit finally pulled its weight this time," said analyst '
        "Thomas Roe."
    )
    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(
        corpus,
        [
            {
                "id": "a",
                "published": "2013-01-22",
                "title": "Northwind profit rises",
                "text": story.format(q="fourth-quarter"),
            },
            {
                "id": "b",
                "published": "2013-04-23",
                "title": "Northwind profit rises",
                "text": story.format(q="first-quarter"),
            },
        ],
    )
    first = make_release([corpus], tmp_path / "first", annotations=tmp_path / "none")
    rows = pl.concat([pl.read_parquet(f) for f in sorted((tmp_path / "first" / "statements").glob("*.parquet"))])
    assert rows.height == 2 and first.duplicates_dropped == 0 and rows["quarter"].n_unique() == 2
    judged = {"is_row": True, "speaker": "Thomas Roe", "speaker_role": "analyst", "company": "Northwind"}
    judged |= {"ticker": "NWD", "quarter": "2012Q4", "label": "performance"}
    write_jsonl(
        tmp_path / "notes" / "judged.jsonl",
        [
            {"article_id": r["article_id"], "char_start": r["char_start"], "char_end": r["char_end"], **judged}
            for r in rows.iter_rows(named=True)
        ],
    )
    second = make_release([corpus], tmp_path / "second", annotations=tmp_path / "notes")
    again = pl.concat([pl.read_parquet(f) for f in sorted((tmp_path / "second" / "statements").glob("*.parquet"))])
    assert again["article_id"].to_list() == ["a"] and second.duplicates_dropped == 1
    assert second.human_labels == 1  # the judged rows the release holds
    assert validate.run(tmp_path / "second").is_empty()


def test_of_duplicates_the_copy_people_judged_is_kept(tmp_path):
    """The same story filed on two days: the release keeps the earlier copy's row, unless people judged the later
    copy's (a human test row never gives way to a copy a later fix of the extractor made a row)."""
    corpus = one_story_filed_twice(tmp_path)
    first = make_release([corpus], tmp_path / "first", annotations=tmp_path / "none")
    assert rows(tmp_path / "first")["article_id"].to_list() == ["earlier"] and first.duplicates_dropped == 1
    row = rows(tmp_path / "first").row(0, named=True)
    judged = {"is_row": True, "speaker": "Maria Lopez", "speaker_role": "executive", "company": "Harbor Freightways"}
    judged |= {"ticker": "HBFW", "quarter": row["quarter"], "label": "performance", "split": row["split"]}
    write_jsonl(
        tmp_path / "notes" / "judged.jsonl",
        [{"article_id": "later", "char_start": row["char_start"], "char_end": row["char_end"], **judged}],
    )
    second = make_release([corpus], tmp_path / "second", annotations=tmp_path / "notes")
    kept = rows(tmp_path / "second")
    assert kept["article_id"].to_list() == ["later"] and kept["label_source"].to_list() == ["human"]
    assert second.duplicates_dropped == 1 and second.human_labels == 1
