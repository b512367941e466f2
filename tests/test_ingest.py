"""Ingest: every format, every reject reason, nothing dropped silently."""

import datetime as dt
import gzip
import hashlib
import json
from pathlib import Path

import pytest

from conftest import DATA, write_jsonl
from earnings_events import ingest
from earnings_events.errors import ConfigError, InputError
from earnings_events.ingest import ding
from earnings_events.records import Article, Reject, RejectReason

GOOD = {
    "id": "a1",
    "url": "https://example.com/a1",
    "published": "2024-01-25",
    "title": "T",
    "text": "Body.",
    "extra": "ignored",
}


def read(*paths: Path) -> list[Article | Reject]:
    return list(ingest.run(paths))


def test_jsonl_record_with_unknown_keys(tmp_path):
    (item,) = read(write_jsonl(tmp_path / "a.jsonl", [GOOD]))
    assert item == Article(
        "a1", "Body.", "T", "https://example.com/a1", dt.date(2024, 1, 25), str(tmp_path / "a.jsonl"), 1, "example.com"
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x", "text": "unterminated', RejectReason.MALFORMED_JSON),
        ('["a", "list"]', RejectReason.NOT_AN_OBJECT),
        ('{"id": true, "text": "a boolean id"}', RejectReason.MISSING_ID),
        ('{"id": ["x"], "text": "a list id"}', RejectReason.MISSING_ID),
        ('{"id": "x"}', RejectReason.MISSING_TEXT),
        ('{"id": "x", "text": "   "}', RejectReason.MISSING_TEXT),
        ('{"id": "x", "text": "t", "published": "25/01/2024"}', RejectReason.BAD_DATE),
        ('{"id": "x", "text": "t", "published": "2024-02-30"}', RejectReason.BAD_DATE),
        ('{"id": "x", "text": "t", "url": 5}', RejectReason.BAD_FIELD),
    ],
)
def test_each_bad_record_is_rejected_with_file_line_and_reason(tmp_path, line, reason):
    path = write_jsonl(tmp_path / "bad.jsonl", [GOOD, line])
    good, bad = read(path)
    assert isinstance(good, Article)
    assert isinstance(bad, Reject)
    assert (bad.reason, bad.source, bad.line) == (reason, str(path), 2)
    assert bad.detail


def test_undecodable_line_binary_empty_and_unsupported_files(tmp_path):
    (tmp_path / "latin.jsonl").write_bytes(b'{"id": "x", "text": "caf\xe9"}\n')
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    (tmp_path / "notes.xml").write_text("<a>b</a>\n")
    (tmp_path / "header-only.csv").write_text("id,text\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "blank.txt").write_text("\x1c \u3000\n")  # white space, though not ASCII
    reasons = {Path(r.source).name: r.reason for r in read(tmp_path)}
    assert reasons == {
        "latin.jsonl": RejectReason.UNDECODABLE,
        "blob.txt": RejectReason.BINARY_FILE,
        "empty.jsonl": RejectReason.EMPTY_FILE,
        "notes.xml": RejectReason.UNSUPPORTED_FILE,
        "header-only.csv": RejectReason.EMPTY_FILE,
        "bad.txt": RejectReason.UNDECODABLE,
        "blank.txt": RejectReason.EMPTY_FILE,
    }


def test_duplicate_ids_keep_the_first(tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [GOOD, {**GOOD, "text": "Second."}])
    first, second = read(path)
    assert first.text == "Body."
    assert isinstance(second, Reject) and second.reason is RejectReason.DUPLICATE_ID


def test_seed_form_txt_and_plain_txt(tmp_path):
    (tmp_path / "seed.txt").write_text("  date 2024-01-24 Headline here\n\nFirst paragraph.\n\nSecond.\n")
    (tmp_path / "plain.txt").write_text("\nJust a body.\n")
    (tmp_path / "baddate.txt").write_text("date 2024-13-01 Headline\nBody\n")
    items = {i.article_id: i for i in read(tmp_path)}
    seed = items["seed"]
    assert (seed.published, seed.title, seed.text) == (
        dt.date(2024, 1, 24),
        "Headline here",
        "First paragraph.\n\nSecond.",
    )
    assert items["plain"].text == "Just a body." and items["plain"].published is None
    assert isinstance(items["baddate"], Reject) and items["baddate"].reason is RejectReason.BAD_DATE


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "g1", "text": "Zipped."}\n'))
    (item,) = read(path)
    assert item.article_id == "g1" and item.text == "Zipped."


def test_html_goes_through_trafilatura(tmp_path):
    body = " ".join(["Harbor Freightways reported higher third-quarter profit on Thursday."] * 3)
    html = f"""<html><head><title>Harbor profit rises</title>
    <meta property="og:url" content="https://example.com/harbor"/>
    <meta name="date" content="2023-10-26"/></head>
    <body><nav>Home | Markets | Login</nav><article><h1>Harbor profit rises</h1>
    <p>{body}</p><p>“Volumes recovered faster than we planned,” Chief Executive Maria Lopez said.</p>
    </article><footer>Copyright footer text</footer></body></html>"""
    (tmp_path / "harbor.html").write_text(html)
    (item,) = read(tmp_path / "harbor.html")
    assert isinstance(item, Article)
    assert "Volumes recovered faster" in item.text and "Login" not in item.text
    assert item.title == "Harbor profit rises"
    assert item.published == dt.date(2023, 10, 26)


def test_missing_path_is_an_error_with_its_name(tmp_path):
    with pytest.raises(InputError, match=r"nope\.jsonl"):
        read(tmp_path / "nope.jsonl")


def _page(title: str, body: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in [body] * 3)
    return (
        f"<html><head><title>{title}</title></head><body><nav>Menu | Login</nav><article><h1>{title}</h1>"
        f"{paras}</article></body></html>"
    ).encode()


def test_warc_html_responses_through_trafilatura(tmp_path):
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        pages = [
            ("https://example.com/a", "Northwind profit rises", "Northwind Inc. reported higher profit."),
            ("https://example.com/b", "Pinecrest sales climb", "Pinecrest Foods said sales rose."),
        ]
        for url, title, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=BytesIO(_page(title, body)), http_headers=headers)
            )
        writer.write_record(writer.create_warc_record("https://example.com/a", "request", payload=BytesIO(b"GET /")))
    items = read(path)
    assert [type(i) for i in items] == [Article, Article]
    assert [i.url for i in items] == ["https://example.com/a", "https://example.com/b"]
    assert "Northwind Inc. reported higher profit." in items[0].text and "Login" not in items[0].text
    assert items[0].title == "Northwind profit rises" and items[0].article_id != items[1].article_id
    assert items[0].published is not None  # from the WARC-Date header


def test_parquet_article_table_with_news_dataset_columns(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "title": ["A", "B", "C"],
            "text": ["Body one.", "Body two.", ""],
            "date": ["2024-01-25 10:00:00", None, "2024-01-26"],
            "url": ["https://example.com/1", None, "https://example.com/3"],
        }
    )
    pq.write_table(table, tmp_path / "news.parquet")
    a, b, c = read(tmp_path / "news.parquet")
    assert (a.article_id, a.published, a.title) == ("https://example.com/1", dt.date(2024, 1, 25), "A")
    assert b.article_id == "text-" + hashlib.sha256(b"Body two.").hexdigest()[:16] and b.published is None
    assert isinstance(c, Reject) and (c.reason, c.line) == (RejectReason.MISSING_TEXT, 3)


def test_large_jsonl_is_streamed_and_a_bad_gzip_is_rejected(tmp_path):
    (tmp_path / "bad.jsonl.gz").write_bytes(b"this is not gzip data")
    (reject,) = read(tmp_path / "bad.jsonl.gz")
    assert reject.reason is RejectReason.UNDECODABLE


# --- the Ding layout, compressed streams, CSV, field maps, dates, Hugging Face datasets -------------------

WIRE = DATA / "wire_corpus.jsonl"


def wire_records() -> list[dict]:
    return [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines()]


def write_ding(records: list[dict], root: Path) -> Path:
    """A folder per day, a file per article: what a clone of the corpus holds."""
    for r in records:
        _, _, day, name = r["id"].split("-", 3)
        path = root / day / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ding.render(r["title"], r["author"], r["date_line"], r["url"], r["text"]), encoding="utf-8")
    return root


def as_read(item: Article) -> tuple:
    return (item.article_id, item.text, item.title, item.url, item.published, item.outlet)


def test_ding_folder_reads_back_the_records_it_was_written_from(tmp_path):
    records = wire_records()
    from_jsonl = [as_read(a) for a in read(WIRE)]
    from_ding = read(write_ding(records, tmp_path / "ReutersNews106521"))
    assert all(isinstance(a, Article) for a in from_ding)
    assert sorted(as_read(a) for a in from_ding) == sorted(from_jsonl)
    first = next(a for a in from_ding if a.article_id == records[0]["id"])
    assert first.text.startswith("\n \n\n SEATTLE  (Reuters) - ")  # everything after the fourth header line
    assert first.published == dt.date(2024, 1, 25) and first.outlet == "reuters.com"


def test_ding_layout_bad_headers_dates_and_bodies_are_rejects_with_file_and_line(tmp_path):
    root = write_ding(wire_records()[:1], tmp_path / "news")
    day = root / "20240125"
    (day / "no-header").write_text("Just a body, no header lines.\n")
    (day / "short-header").write_text("-- A title\n-- By Someone\nThe body starts too early.\n")
    (day / "bad-date").write_text("-- T\n-- A\n-- sometime in spring\n-- http://x.com/a\nBody.\n")
    (day / "no-body").write_text("-- T\n-- A\n-- Thu Jan 25, 2024 7:51am EST\n-- http://x.com/b\n \n")
    (day / "no-date").write_text("-- T\n-- A\n--\n-- http://x.com/c\nBody of an undated article.\n")
    items = {Path(i.source).name: i for i in read(root)}
    assert (items["no-header"].reason, items["no-header"].line) == (RejectReason.BAD_HEADER, 1)
    assert "header line 1 must be '-- title'" in items["no-header"].detail
    assert (items["short-header"].reason, items["short-header"].line) == (RejectReason.BAD_HEADER, 3)
    assert (items["bad-date"].reason, items["bad-date"].line) == (RejectReason.BAD_DATE, 3)
    assert items["no-body"].reason is RejectReason.MISSING_TEXT
    undated = items["no-date"]
    assert isinstance(undated, Article) and undated.published == dt.date(2024, 1, 25)  # the day folder's date
    assert undated.article_id == "reuters-ding-20240125-no-date"


def test_ding_layout_can_be_named_and_a_single_file_is_recognised(tmp_path):
    root = write_ding(wire_records()[:1], tmp_path / "news")
    (path,) = (root / "20240125").iterdir()
    renamed = path.with_name("story.txt")  # a .txt would be read as the seed's form
    path.rename(renamed)
    (auto,) = read(renamed)
    assert auto.text.startswith("-- ")  # read as plain text
    (named,) = ingest.run([root], ingest.IngestOptions(layout="ding"))
    assert named.article_id == "reuters-ding-20240125-story.txt" and named.title == wire_records()[0]["title"]
    with pytest.raises(ConfigError, match="unknown layout"):
        ingest.IngestOptions(layout="bloomberg")


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Mon Apr 2, 2007 7:51am EDT", dt.date(2007, 4, 2)),
        ("Fri Dec 31, 2010 11:59pm EST", dt.date(2010, 12, 31)),
        ("2007-04-02T07:51:00-04:00", dt.date(2007, 4, 2)),
    ],
)
def test_ding_header_dates(line, date):
    assert ding.wire_date(line) == date


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2024-01-25", dt.date(2024, 1, 25)),
        ("2024-01-25T23:30:00-05:00", dt.date(2024, 1, 25)),  # the date it was written with
        ("2024-01-25 07:51:00", dt.date(2024, 1, 25)),
        ("2024-01-25T07:51:00Z", dt.date(2024, 1, 25)),
        ("Thu, 25 Jan 2024 07:51:00 -0500", dt.date(2024, 1, 25)),
        (1706184000, dt.date(2024, 1, 25)),  # epoch seconds, UTC
        ("1706184000", dt.date(2024, 1, 25)),
        (1706184000.5, dt.date(2024, 1, 25)),
        (dt.datetime(2024, 1, 25, 7, 51), dt.date(2024, 1, 25)),
        (None, None),
        ("", None),
    ],
)
def test_dates_in_the_usual_forms(value, date):
    assert ingest.parse_date(value) == date


@pytest.mark.parametrize("value", ["25/01/2024", "2024-02-30", "yesterday", True, "Thu, 32 Jan 2024 07:51:00", 1e20])
def test_dates_that_are_not_dates(value):
    with pytest.raises(ValueError):
        ingest.parse_date(value)


def test_zstd_jsonl_is_streamed_and_a_damaged_zst_is_a_reject(tmp_path):
    import zstandard

    data = WIRE.read_bytes()
    (tmp_path / "wire.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    assert [as_read(a) for a in read(tmp_path / "wire.jsonl.zst")] == [as_read(a) for a in read(WIRE)]
    (tmp_path / "bad.jsonl.zst").write_bytes(b"this is not zstd at all")
    (reject,) = read(tmp_path / "bad.jsonl.zst")
    assert reject.reason is RejectReason.UNDECODABLE and "zstd" in reject.detail
    many = "".join(
        json.dumps({"id": f"n{i}", "text": hashlib.sha256(str(i).encode()).hexdigest() * 20}) + "\n"
        for i in range(2000)
    )
    whole = zstandard.ZstdCompressor().compress(many.encode())
    (tmp_path / "cut.jsonl.zst").write_bytes(whole[: len(whole) // 2])
    items = read(tmp_path / "cut.jsonl.zst")
    *articles, last = items
    assert len(articles) > 100 and all(isinstance(a, Article) for a in articles)
    assert isinstance(last, Reject) and last.reason is RejectReason.UNDECODABLE and "truncated" in last.detail
    assert last.line is not None


def test_csv_with_a_field_map_and_derived_ids(tmp_path):
    import csv

    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["headline", "body", "link", "pub_date", "source"])
        w.writerow(["A", "First body,\nwith a newline.", "https://www.example.com/a", "1706184000", "Example Wire"])
        w.writerow(["B", "Second body.", "", "Thu, 25 Jan 2024 07:51:00 -0500", ""])
        w.writerow(["C", "", "https://example.com/c", "", ""])
        w.writerow(["D", "Fourth body.", "https://example.com/d", "not a date", ""])
    fields = ingest.FieldMap.parse(["text=body", "title=headline", "url=link", "published=pub_date", "outlet=source"])
    a, b, c, d = ingest.run([path], ingest.IngestOptions(fields))
    assert (a.article_id, a.text, a.line, a.published, a.outlet) == (
        "https://www.example.com/a",  # no id mapped: the URL is the id
        "First body,\nwith a newline.",
        2,
        dt.date(2024, 1, 25),
        "Example Wire",
    )
    assert b.article_id == "text-" + hashlib.sha256(b"Second body.").hexdigest()[:16] and b.line == 4
    assert b.url is None and b.outlet is None
    assert (c.reason, c.line) == (RejectReason.MISSING_TEXT, 5)
    assert (d.reason, d.line) == (RejectReason.BAD_DATE, 6)


def test_a_mapped_column_that_does_not_exist_names_the_columns_that_do(tmp_path):
    (tmp_path / "a.csv").write_text("headline,body\nT,Text.\n")
    options = ingest.IngestOptions(ingest.FieldMap.parse(["text=maintext"]))
    with pytest.raises(
        InputError, match=r"a\.csv:1: --field text=maintext: no column 'maintext' \(columns: headline, body\)"
    ):
        list(ingest.run([tmp_path / "a.csv"], options))
    write_jsonl(tmp_path / "b.jsonl", [{"id": "x", "body": "Text."}])
    with pytest.raises(InputError, match=r"b\.jsonl:1: .*no column 'maintext' \(columns: id, body\)"):
        list(ingest.run([tmp_path / "b.jsonl"], options))
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"body": ["Text."]}), tmp_path / "c.parquet")
    with pytest.raises(InputError, match=r"c\.parquet: .*\(columns: body\)"):
        list(ingest.run([tmp_path / "c.parquet"], options))


@pytest.mark.parametrize(
    ("spec", "message"),
    [("text", "expected NAME=COLUMN"), ("body=text", "unknown field 'body'"), ("text=", "expected NAME=COLUMN")],
)
def test_malformed_field_specs(spec, message):
    with pytest.raises(ConfigError, match=message):
        ingest.FieldMap.parse([spec])


def test_save_to_disk_and_hub_style_folders_read_as_datasets(tmp_path):
    import datasets

    records = wire_records()
    columns = {
        "article_id": [r["id"] for r in records],
        "maintext": [r["text"] for r in records],
        "title": [r["title"] for r in records],
        "url": [r["url"] for r in records],
        "date_publish": [dt.datetime.fromisoformat(r["published"] + "T12:00:00") for r in records],
    }
    datasets.Dataset.from_dict(columns).save_to_disk(str(tmp_path / "saved"))
    datasets.DatasetDict({"train": datasets.Dataset.from_dict(columns)}).save_to_disk(str(tmp_path / "saved-dict"))
    hub_style = tmp_path / "hub-style"
    (hub_style / "data").mkdir(parents=True)
    datasets.Dataset.from_dict(columns).to_parquet(str(hub_style / "data" / "train-00000-of-00001.parquet"))
    (hub_style / "README.md").write_text(
        "---\nconfigs:\n- config_name: default\n  data_files:\n  - split: train\n    path: data/*.parquet\n---\n"
    )
    want = sorted(as_read(a) for a in read(WIRE))
    for folder in ("saved", "saved-dict", "hub-style"):
        items = read(tmp_path / folder)
        assert sorted(as_read(a) for a in items) == want, folder
        assert [a.line for a in items] == [1, 2, 3, 4]
    with pytest.raises(InputError, match=r"no split 'test' \(splits: train\)"):
        list(ingest.run([tmp_path / "saved-dict"], ingest.IngestOptions(hf_split="test")))
