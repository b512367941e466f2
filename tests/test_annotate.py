"""annotate: rows out as CSV, labels back in, consensus, Cohen's kappa, and the build applying them."""

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from conftest import DATA, make_release, write_jsonl
from earnings_events import annotate
from earnings_events.errors import InputError
from earnings_events.pipeline.label import RULES_VERSION, labeler_name

LABELS = ["outlook", "performance", "risk", "other"]


@pytest.fixture
def release(tmp_path) -> Path:
    out = tmp_path / "release"
    make_release([DATA / "articles.jsonl"], out, annotations=tmp_path / "none")
    return out


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "earnings_events.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_export_writes_every_row_with_context_and_blank_labels(release, tmp_path):
    n = annotate.export_rows(release, tmp_path / "rows.csv")
    rows = read_csv(tmp_path / "rows.csv")
    assert n == len(rows) == 9  # 5 train + 2 validation + 2 test
    assert list(rows[0]) == list(annotate.CSV_COLUMNS)
    assert all(r["label"] == "" and r["annotator"] == "" for r in rows)
    assert all(f"[[{' '.join(r['statement'].split())}]]" in r["context"] for r in rows)
    assert annotate.export_rows(release, tmp_path / "t.csv", splits=("test",), with_current=True) == 2
    test_rows = read_csv(tmp_path / "t.csv")
    assert {r["current_source"] for r in test_rows} == {"rules" if labeler_name() == RULES_VERSION else "model"} and {
        r["split"] for r in test_rows
    } == {"test"}


def test_two_annotators_give_kappa_and_a_consensus_the_build_applies(release, tmp_path):
    annotate.export_rows(release, tmp_path / "rows.csv")
    rows = read_csv(tmp_path / "rows.csv")[:4]
    ann = release / "annotations"
    # Annotator a: outlook, outlook, risk, risk; annotator b: outlook, risk, risk, risk.
    # po = 3/4; a: outlook 2 risk 2, b: outlook 1 risk 3 -> pe = (2*1 + 2*3)/16 = 1/2 -> kappa = 1/2.
    a = [
        {**r, "label": lab, "annotator": "a"}
        for r, lab in zip(rows, ["outlook", "outlook", "risk", "risk"], strict=True)
    ]
    b = [{**r, "label": lab, "annotator": ""} for r, lab in zip(rows, ["Outlook", "risk", "risk", "risk"], strict=True)]
    first = annotate.import_labels(write_csv(tmp_path / "a.csv", a), ann)
    assert first.agreement == [] and first.consensus == 4
    report = annotate.import_labels(write_csv(tmp_path / "b.csv", b), ann, annotator="b")
    (pair,) = report.agreement
    assert (pair.a, pair.b, pair.n) == ("a", "b", 4)
    assert pair.agreement == pytest.approx(0.75) and pair.kappa == pytest.approx(0.5)
    # Row 2 is a tie (outlook vs risk): not imported, listed for adjudication.
    assert report.consensus == 3
    assert report.disagreements == [{"id": rows[1]["id"], "labels": {"a": "outlook", "b": "risk"}}]
    imported = {json.loads(line)["id"]: json.loads(line) for line in (ann / "imported.jsonl").open()}
    assert rows[1]["id"] not in imported and imported[rows[2]["id"]]["annotators"] == ["a", "b"]
    # The next build (a patch release: labels changed) applies the consensus labels as human labels.
    make_release([DATA / "articles.jsonl"], release, version="1.0.1")
    df = pl.concat([pl.read_parquet(p) for p in (release / "statements").glob("*.parquet")])
    human = df.filter(pl.col("label_source") == "human")
    assert set(human["id"].to_list()) == {rows[0]["id"], rows[2]["id"], rows[3]["id"]}
    by_id = dict(zip(human["id"].to_list(), human["label"].to_list(), strict=True))
    assert LABELS[by_id[rows[0]["id"]]] == "outlook" and LABELS[by_id[rows[3]["id"]]] == "risk"


def test_reimport_replaces_an_annotators_labels_and_other_files_count_as_annotators(release, tmp_path):
    annotate.export_rows(release, tmp_path / "rows.csv")
    rows = read_csv(tmp_path / "rows.csv")[:2]
    ann = release / "annotations"
    write_jsonl(ann / "sample-gold.jsonl", [{"id": rows[0]["id"], "label": "risk"}])
    annotate.import_labels(write_csv(tmp_path / "x.csv", [{**r, "label": "outlook"} for r in rows]), ann, "x")
    again = annotate.import_labels(write_csv(tmp_path / "y.csv", [{**rows[0], "label": "risk"}]), ann, "x")
    lines = (ann / "annotators" / "x.jsonl").read_text().splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["label"] in ("risk", "outlook")
    assert {json.loads(ln)["id"]: json.loads(ln)["label"] for ln in lines}[rows[0]["id"]] == "risk"
    (pair,) = again.agreement
    assert (pair.a, pair.b, pair.n, pair.agreement) == ("sample-gold.jsonl", "x", 1, 1.0)
    assert pair.kappa is None  # one row, one label each: chance agreement is 1, kappa undefined


def test_jsonl_gold_rows_keyed_by_offsets(release, tmp_path):
    test_rows = pl.read_parquet(release / "statements" / "test.parquet").to_dicts()
    gold = [
        {
            "article_id": r["article_id"],
            "char_start": r["char_start"],
            "char_end": r["char_end"],
            "statement": r["statement"],
            "speaker": "Someone Else",
            "company": r["company"],
            "quarter": r["quarter"],
            "label": "other",
            "note": "ignored",
        }
        for r in test_rows
    ]
    annotate.import_labels(write_jsonl(tmp_path / "gold.jsonl", gold), release / "annotations", "gold")
    records = annotate.read_records(release / "annotations")
    assert set(records) == {r["id"] for r in test_rows}
    rec = records[test_rows[0]["id"]]
    assert rec["speaker"] == "Someone Else" and rec["label"] == "other" and "note" not in rec


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "0123456789abcdef", "label": "bullish", "annotator": "a"}, r"'bullish' is not one of"),
        ({"id": "0123456789abcdef", "label": "risk", "annotator": ""}, r"no annotator"),
        ({"id": "", "label": "risk", "annotator": "a"}, r"needs an 'id', or 'article_id'"),
        ({"id": "0123456789abcdef", "label": "risk", "annotator": "a b"}, r"annotator 'a b'"),
    ],
)
def test_import_mistakes_name_file_and_line(tmp_path, record, message):
    path = write_csv(tmp_path / "labels.csv", [record])
    with pytest.raises(InputError, match=message) as err:
        annotate.import_labels(path, tmp_path / "ann")
    assert f"{path}:2" in str(err.value)


def test_blank_labels_only_is_an_error_and_other_formats_are_refused(tmp_path):
    path = write_csv(tmp_path / "labels.csv", [{"id": "0123456789abcdef", "label": "", "annotator": "a"}])
    with pytest.raises(InputError, match="no labelled rows"):
        annotate.import_labels(path, tmp_path / "ann")
    (tmp_path / "labels.xlsx").write_bytes(b"PK")
    with pytest.raises(InputError, match=r"\.csv or a \.jsonl"):
        annotate.import_labels(tmp_path / "labels.xlsx", tmp_path / "ann")


def test_cli_round_trip(release, tmp_path):
    res = cli("annotate", "export", str(release), "--out", str(tmp_path / "rows.csv"), "--split", "test")
    assert res.returncode == 0, res.stderr
    rows = read_csv(tmp_path / "rows.csv")
    write_csv(tmp_path / "a.csv", [{**r, "label": "risk", "annotator": "a"} for r in rows])
    write_csv(tmp_path / "b.csv", [{**r, "label": "risk", "annotator": "b"} for r in rows])
    into = str(release / "annotations")
    assert cli("annotate", "import", str(tmp_path / "a.csv"), "--into", into).returncode == 0
    res = cli("annotate", "import", str(tmp_path / "b.csv"), "--into", into)
    assert res.returncode == 0, res.stderr
    assert "agreement a vs b: 2 rows, 100.0% the same, Cohen's kappa undefined" in res.stdout
    res = cli("annotate", "import", str(tmp_path / "missing.csv"), "--into", into)
    assert res.returncode == 2 and "missing.csv" in res.stderr and "Traceback" not in res.stderr
    res = cli("annotate", "export", str(release), "--out", str(tmp_path / "x.csv"), "--split", "dev")
    assert res.returncode == 2 and "unknown split" in res.stderr
