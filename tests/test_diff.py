"""diff between real releases: label changes by id and as a matrix, rows added/removed, splits, schema."""

import json
import os
import shutil
import subprocess
import sys

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATA, make_release, write_jsonl
from earnings_events import diff, schema
from earnings_events.errors import UserError

LABELS = list(schema.load("statements").field("label").classes)
EXTRA = {
    "id": "t-harbor-q4",
    "url": "https://example.com/harbor-q4",
    "published": "2024-01-25",
    "title": "Harbor Freightways tops fourth-quarter forecasts",
    "text": "Harbor Freightways Inc. (NASDAQ: HBFW) reported fourth-quarter profit above estimates on Thursday.\n\n"
    "“Our network ran at full capacity through the holidays,” Chief Executive Maria Lopez said.",
}


def cli(*args):
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "COLUMNS": "200"}
    cmd = [sys.executable, "-m", "earnings_events.cli", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture
def relabelled(small_release, tmp_path):
    """The small release rebuilt as 1.0.1 with human labels changing three rows (train and test)."""
    st = {s: pl.read_parquet(small_release / f"statements/{s}.parquet") for s in ("train", "test")}
    picked = [*st["train"].head(2).iter_rows(named=True), *st["test"].head(1).iter_rows(named=True)]
    changes = {r["id"]: [LABELS[r["label"]], LABELS[(r["label"] + 2) % 4]] for r in picked}
    folder = tmp_path / "fixes"
    write_jsonl(folder / "fixes.jsonl", [{"id": k, "label": new} for k, (_, new) in changes.items()])
    out = tmp_path / "v101"
    make_release([DATA / "articles.jsonl"], out, version="1.0.1", annotations=folder)
    return out, changes


def test_identical_releases(small_release, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(small_release, copy)
    report = diff.compare(small_release, copy)
    assert report.identical and report.level is None
    st = report.configs["statements"]
    assert not (st.added or st.removed or st.changed or st.moved)
    assert sum(v["new"] for v in st.rows_per_split.values()) == 9
    assert all(report.label_matrix[a][b] == 0 for a in LABELS for b in LABELS if a != b)
    assert sum(report.label_matrix[a][a] for a in LABELS) == 9


def test_label_changes_by_id_and_as_a_matrix(small_release, relabelled):
    new, changes = relabelled
    report = diff.compare(small_release, new)
    assert report.label_changes == changes
    st = report.configs["statements"]
    assert set(st.changed) == set(changes)  # label_source stays "rules"->"human": also reported per row
    assert st.changed_columns == {"label": 3, "label_source": 3}
    assert not (st.added or st.removed or st.moved)
    assert report.label_names == LABELS
    for a in LABELS:
        for b in LABELS:
            want = sum(1 for old, new_ in changes.values() if (old, new_) == (a, b))
            if a != b:
                assert report.label_matrix[a][b] == want, (a, b)
    assert sum(sum(row.values()) for row in report.label_matrix.values()) == 9
    assert report.level == "patch" and report.version_ok is True
    assert report.configs["articles"].changed == {} and all(s.empty for s in report.schemas.values())
    lines = "\n".join(report.changelog_lines())
    assert "labels changed: 3" in lines and "3 changed" in lines


def test_rows_added_and_removed_need_a_minor_release(small_release, tmp_path):
    extra = write_jsonl(tmp_path / "extra.jsonl", [EXTRA])
    bigger = tmp_path / "bigger"
    make_release([DATA / "articles.jsonl", extra], bigger, version="1.0.1", annotations=tmp_path / "none")
    report = diff.compare(small_release, bigger)
    st = report.configs["statements"]
    new_ids = set(pl.read_parquet(bigger / "statements/*.parquet")["id"]) - set(
        pl.read_parquet(small_release / "statements/*.parquet")["id"]
    )
    assert new_ids and set(st.added) == new_ids and not st.removed
    assert report.configs["articles"].added == ["t-harbor-q4"]
    assert report.level == "minor" and report.version_ok is False  # 1.0.1 is only a patch bump
    assert any("rows added" in r for r in report.changes().additions)
    back = diff.compare(bigger, small_release)
    assert set(back.configs["statements"].removed) == new_ids and back.level == "minor"


def test_schema_changes_are_reported_and_need_a_major_release(small_release, tmp_path):
    new = tmp_path / "renamed"
    shutil.copytree(small_release, new)
    path = new / "statements/train.parquet"
    table = pq.read_table(path)
    meta = json.loads(table.schema.metadata[b"huggingface"])
    meta["info"]["features"]["label"]["names"] = ["guidance", "performance", "risk", "other"]
    table = table.drop_columns(["label_source"]).append_column("note", pa.array([None] * table.num_rows, pa.string()))
    table = table.replace_schema_metadata({b"huggingface": json.dumps(meta).encode()})
    pq.write_table(table, path)
    report = diff.compare(small_release, new)
    s = report.schemas["statements"]
    assert s.added == ["note"] and s.removed == ["label_source"]
    assert s.classes == {"label": [LABELS, ["guidance", "performance", "risk", "other"]]}
    assert report.level == "major"
    assert any("label_source removed" in r for r in report.changes().schema_breaking)
    # rows whose class index stayed the same but whose class name changed show as label changes
    outlook_rows = pl.read_parquet(small_release / "statements/train.parquet").filter(pl.col("label") == 0)
    assert set(report.label_changes) == set(outlook_rows["id"])
    assert all(v == ["outlook", "guidance"] for v in report.label_changes.values())


def test_cli_diff_json_and_table(small_release, relabelled):
    new, changes = relabelled
    res = cli("diff", str(small_release), str(new), "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["label_changes"] == changes
    assert data["required_bump"] == "patch" and data["version_ok"] is True
    assert data["old"]["version"] == "1.0.0" and data["new"]["version"] == "1.0.1"
    assert data["configs"]["statements"]["rows_per_split"]["train"] == {"old": 5, "new": 5}
    assert data["label_matrix"]["labels"] == LABELS
    res = cli("diff", str(small_release), str(new))
    assert res.returncode == 0, res.stderr
    assert "changes need a patch release" in res.stdout and "label changes: 3 rows" in res.stdout
    for rid, (old, new_) in changes.items():
        assert f"~ {rid} label: '{old}' -> '{new_}'" in res.stdout


def test_cli_diff_user_errors(tmp_path, small_release):
    res = cli("diff", str(tmp_path / "nowhere"), str(small_release))
    assert res.returncode == 2 and "no such folder" in res.stderr and "Traceback" not in res.stderr
    (tmp_path / "empty").mkdir()
    with pytest.raises(UserError, match="not a release folder"):
        diff.compare(tmp_path / "empty", small_release)
