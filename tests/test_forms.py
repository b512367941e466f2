"""One corpus, every form users hold it in: the same release whatever the form.

The hand-written wire-style corpus in tests/data/wire_corpus.jsonl is written as a Ding folder, a
``.jsonl.zst``, a CSV with its own column names (read with a field map), a ``save_to_disk`` folder and a
dataset on a Hub served on 127.0.0.1 (tests/hub_server.py, read with a real streaming ``load_dataset`` in a
subprocess); each is built and the statement and article Parquet files are compared byte for byte. Then the
bad inputs: a missing mapped column, an unknown Hub dataset, an offline Hub input, a corrupt ``.zst``, a
header-less file in a Ding folder; and a release without article bodies, which ``validate`` accepts.
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATA, make_release
from earnings_events import ingest
from earnings_events.errors import InputError
from earnings_events.ingest import ding
from hub_server import HubServer

WIRE = DATA / "wire_corpus.jsonl"
DATA_FILES = (
    "statements/train.parquet",
    "statements/validation.parquet",
    "statements/test.parquet",
    "articles/corpus.parquet",
)
CSV_FIELDS = ["id=doc_id", "text=body", "title=headline", "url=link", "published=pub_date"]
SAVED_FIELDS = ["id=doc", "text=maintext", "published=date_publish"]


def records() -> list[dict]:
    return [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines()]


def noon_utc(r: dict) -> dt.datetime:
    return dt.datetime.fromisoformat(r["published"] + "T12:00:00+00:00")


def write_ding(root: Path) -> Path:
    for r in records():
        _, _, day, name = r["id"].split("-", 3)
        (root / day).mkdir(parents=True, exist_ok=True)
        text = ding.render(r["title"], r["author"], r["date_line"], r["url"], r["text"])
        (root / day / name).write_text(text, encoding="utf-8")
    return root


def write_zst(path: Path) -> Path:
    import zstandard

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(zstandard.ZstdCompressor(level=19).compress(WIRE.read_bytes()))
    return path


def write_csv(path: Path) -> Path:
    """A vendor export: other column names, dates in RFC 2822, the columns in another order."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["pub_date", "headline", "doc_id", "link", "body"])
        for r in records():
            w.writerow([email.utils.format_datetime(noon_utc(r)), r["title"], r["id"], r["url"], r["text"]])
    return path


def write_saved(path: Path) -> Path:
    """A datasets folder written by save_to_disk: news-please column names, dates as epoch seconds."""
    import datasets

    rs = records()
    datasets.Dataset.from_dict(
        {
            "doc": [r["id"] for r in rs],
            "maintext": [r["text"] for r in rs],
            "title": [r["title"] for r in rs],
            "url": [r["url"] for r in rs],
            "date_publish": [int(noon_utc(r).timestamp()) for r in rs],
        }
    ).save_to_disk(str(path))
    return path


def hub_files() -> dict[str, bytes]:
    """A CC-News-like dataset repo: README with configs, one Parquet file (title, text, domain, date, url, ...)."""
    rs = records()
    table = pa.table(
        {
            "id": [r["id"] for r in rs],
            "title": [r["title"] for r in rs],
            "text": [r["text"] for r in rs],
            "domain": ["reuters.com"] * len(rs),
            "date": [r["published"] + " 12:00:00" for r in rs],
            "description": [None] * len(rs),
            "url": [r["url"] for r in rs],
        }
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    readme = (
        "---\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/train-*.parquet\n"
        "---\n# Wire test corpus\n"
    )
    return {"README.md": readme.encode(), "data/train-00000-of-00001.parquet": buf.getvalue()}


def data_bytes(release: Path) -> dict[str, bytes]:
    return {rel: (release / rel).read_bytes() for rel in DATA_FILES}


def hub_env(hub: HubServer, home: Path, **extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.upper().startswith(("HF_", "HUGGINGFACE")) and "PROXY" not in k.upper()
    }
    env.update(
        HF_ENDPOINT=hub.url,
        HF_HUB_DISABLE_XET="1",
        HF_HUB_OFFLINE="0",
        HF_DATASETS_OFFLINE="0",
        HF_HOME=str(home),
        HF_HUB_DISABLE_TELEMETRY="1",
        NO_PROXY="127.0.0.1,localhost",
        COLUMNS="200",
    )
    env.update(extra)
    return env


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    res = subprocess.run(
        [sys.executable, "-m", "earnings_events.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )
    assert "Traceback" not in res.stderr, res.stderr
    return res


@pytest.fixture(scope="module")
def hub():
    with HubServer() as server:
        server.add_dataset("newsroom/wire", hub_files(), tag="v1.0")
        yield server


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("forms") / "jsonl"
    make_release([WIRE], out)
    return out


def test_the_reference_build_has_rows_in_every_split(reference):
    for split in ("train", "validation", "test"):
        assert pl.read_parquet(reference / f"statements/{split}.parquet").height > 0
    arts = pl.read_parquet(reference / "articles/corpus.parquet")
    assert arts["outlet"].to_list() == ["reuters.com"] * 4  # from the URLs


def test_five_forms_give_byte_identical_releases(reference, hub, tmp_path):
    want = data_bytes(reference)
    reading = ingest.IngestOptions
    forms = {
        "ding": make_release([write_ding(tmp_path / "ReutersNews106521")], tmp_path / "ding"),
        "zst": make_release([write_zst(tmp_path / "wire.jsonl.zst")], tmp_path / "zst"),
        "saved": make_release(
            [write_saved(tmp_path / "saved")],
            tmp_path / "saved-out",
            reading=reading(ingest.FieldMap.parse(SAVED_FIELDS)),
        ),
    }
    for name, result in forms.items():
        assert (result.articles_read, result.articles_accepted) == (4, 4), name
    csv_path = write_csv(tmp_path / "export.csv")
    env = hub_env(hub, tmp_path / "hf-home")
    field_args = [a for f in CSV_FIELDS for a in ("--field", f)]
    res = cli(env, "build", str(csv_path), *field_args, "--out", str(tmp_path / "csv"), "--json")
    assert res.returncode == 0, res.stderr
    res = cli(env, "build", "hf://datasets/newsroom/wire@v1.0", "--out", str(tmp_path / "hub"), "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["articles_accepted"] == 4
    assert ("GET", "/api/datasets/newsroom/wire/revision/v1.0") in hub.requests
    for name in ("ding", "zst", "saved-out", "csv", "hub"):
        got = data_bytes(tmp_path / name)
        for rel in DATA_FILES:
            assert got[rel] == want[rel], f"{name}: {rel}"


def test_datatrove_engine_reads_the_new_forms_as_the_local_engine_does(reference, tmp_path):
    pytest.importorskip("datatrove")
    want = data_bytes(reference)
    ding_root = write_ding(tmp_path / "ding")
    write_zst(tmp_path / "zst" / "wire.jsonl.zst")
    for inputs in ([ding_root], [tmp_path / "zst"]):
        out = tmp_path / f"out-{inputs[0].name}"
        result = make_release(inputs, out, engine="datatrove", workers=1)
        assert result.articles_accepted == 4
        for rel in DATA_FILES[:3]:
            assert (out / rel).read_bytes() == want[rel], (inputs, rel)


# --- bad inputs ---------------------------------------------------------------------------------------------


def test_a_missing_mapped_column_is_one_line_naming_the_columns(tmp_path):
    path = write_csv(tmp_path / "export.csv")
    res = cli(
        dict(os.environ, COLUMNS="200"), "build", str(path), "--field", "text=maintext", "--out", str(tmp_path / "o")
    )
    assert res.returncode == 2
    assert res.stderr.strip().splitlines() == [
        f"error: {path}:1: --field text=maintext: no column 'maintext' "
        "(columns: pub_date, headline, doc_id, link, body)"
    ]
    assert not (tmp_path / "o").exists()
    res = cli(dict(os.environ), "build", str(path), "--field", "body=text", "--out", str(tmp_path / "o"))
    assert res.returncode == 2 and "unknown field 'body'" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_an_unknown_hub_dataset_a_bad_split_and_offline_are_one_line_each(hub, tmp_path):
    env = hub_env(hub, tmp_path / "hf-home")
    res = cli(env, "build", "hf://datasets/newsroom/nothing-here", "--out", str(tmp_path / "o"))
    assert res.returncode == 2
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("error: hf://datasets/newsroom/nothing-here: no dataset newsroom/nothing-here on the Hub")
    res = cli(env, "build", "hf://datasets/newsroom/wire@v9", "--out", str(tmp_path / "o"))
    assert res.returncode == 2 and "no revision 'v9'" in res.stderr
    res = cli(env, "build", "hf://datasets/newsroom/wire", "--hf-split", "test", "--out", str(tmp_path / "o"))
    assert res.returncode == 2
    (line,) = res.stderr.strip().splitlines()
    assert "Bad split: test" in line and "train" in line
    offline = hub_env(hub, tmp_path / "hf-home", HF_HUB_OFFLINE="1", HF_DATASETS_OFFLINE="1")
    res = cli(offline, "build", "hf://datasets/newsroom/wire", "--out", str(tmp_path / "o"))
    assert res.returncode == 2
    (line,) = res.stderr.strip().splitlines()
    assert "offline (HF_HUB_OFFLINE=1)" in line
    nowhere = hub_env(hub, tmp_path / "hf-home", HF_ENDPOINT="http://127.0.0.1:9")  # nothing listens there
    res = cli(nowhere, "build", "hf://datasets/newsroom/wire", "--out", str(tmp_path / "o"))
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1 and "cannot reach the Hub" in res.stderr
    assert not (tmp_path / "o").exists()


def test_a_corrupt_zst_and_a_headerless_ding_file_are_rejects_with_their_reasons(tmp_path):
    inputs = tmp_path / "in"
    write_ding(inputs / "ding")
    (inputs / "ding" / "20240125" / "stray-note").write_text("A file without the four header lines.\n")
    (inputs / "broken.jsonl.zst").write_bytes(b"\x28\xb5\x2f\xfd" + b"not really zstd frames" * 10)
    out = tmp_path / "out"
    result = make_release([inputs], out)
    assert result.articles_accepted == 4
    assert dict(result.rejects) == {"bad_header": 1, "undecodable": 1}
    rejects = {r["reason"]: r for r in map(json.loads, (out / "rejects.jsonl").read_text().splitlines())}
    assert (rejects["bad_header"]["source"], rejects["bad_header"]["line"]) == ("in/ding/20240125/stray-note", 1)
    assert rejects["undecodable"]["source"] == "in/broken.jsonl.zst" and "zstd" in rejects["undecodable"]["detail"]
    with pytest.raises(InputError, match=r"stray-note:1: rejected \(bad_header\)"):
        make_release([inputs / "ding"], tmp_path / "strict", strict=True)


# --- releases without article bodies ------------------------------------------------------------------------


def test_no_article_text_release_keeps_provenance_and_validates(reference, tmp_path):
    out = tmp_path / "no-text"
    res = cli(
        dict(os.environ, COLUMNS="200"),
        "build",
        str(write_zst(tmp_path / "w.jsonl.zst")),
        "--no-article-text",
        "--out",
        str(out),
    )
    assert res.returncode == 0, res.stderr
    for rel in DATA_FILES[:3]:  # the statements do not change
        assert (out / rel).read_bytes() == (reference / rel).read_bytes()
    arts = pl.read_parquet(out / "articles/corpus.parquet")
    full = pl.read_parquet(reference / "articles/corpus.parquet")
    assert arts["text"].null_count() == arts.height == 4
    assert arts.drop("text").equals(full.drop("text"))
    assert json.loads((out / "MANIFEST.json").read_text())["article_text"] is False
    assert "Article bodies are left out of this release" in (out / "README.md").read_text()
    assert "cannot be republished" in (out / "README.md").read_text()
    res = cli(dict(os.environ, COLUMNS="200"), "validate", str(out))
    assert res.returncode == 0, res.stdout + res.stderr
    assert "valid" in res.stdout and "skipped: offsets" in res.stderr and "10 rows" in res.stderr
    res = cli(dict(os.environ, COLUMNS="200"), "validate", str(reference))
    assert res.returncode == 0 and "skipped" not in res.stderr


def test_validate_still_checks_offsets_and_the_text_promise_without_bodies(tmp_path):
    from earnings_events import validate

    out = tmp_path / "no-text"
    make_release([WIRE], out, article_text=False)
    assert validate.run(out).is_empty()
    path = out / "statements/train.parquet"
    table = pq.read_table(path)
    ends = table.column("char_end").to_pylist()
    ends[0] += 1  # a span one character longer than its statement
    pq.write_table(table.set_column(table.schema.get_field_index("char_end"), "char_end", pa.array(ends)), path)
    failures = validate.run(out)
    assert "offsets" in failures["check"].to_list()
    arts = pq.read_table(out / "articles/corpus.parquet")
    bodies = pa.array(["a body"] * arts.num_rows, pa.string())
    pq.write_table(
        arts.set_column(arts.schema.get_field_index("text"), arts.schema.field("text"), bodies),
        out / "articles/corpus.parquet",
    )
    assert "article_text" in validate.run(out)["check"].to_list()  # a release that says it has no bodies has none


def test_evaluate_skips_the_tasks_that_read_article_bodies_on_a_release_without_them(tmp_path):
    from earnings_events import evaluate

    out = tmp_path / "no-text"
    make_release([WIRE], out, article_text=False)
    options = evaluate.EvaluateOptions(release=out, baselines=("majority",), out=tmp_path / "results")
    report = evaluate.run(options)
    assert {r["task"] for r in report.scores} == {"statement-type"}
    skipped = " ".join(report.skipped)
    assert "speaker-attribution skipped" in skipped and "event-extraction skipped" in skipped
