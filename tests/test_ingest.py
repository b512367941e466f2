"""Ingest: every format, every reject reason, nothing dropped silently."""

import datetime as dt
import gzip
from pathlib import Path

import pytest

from conftest import write_jsonl
from earnings_events import ingest
from earnings_events.errors import InputError
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
        "a1", "Body.", "T", "https://example.com/a1", dt.date(2024, 1, 25), str(tmp_path / "a.jsonl"), 1
    )


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x", "text": "unterminated', RejectReason.MALFORMED_JSON),
        ('["a", "list"]', RejectReason.NOT_AN_OBJECT),
        ('{"text": "no id"}', RejectReason.MISSING_ID),
        ('{"id": "", "text": "empty id"}', RejectReason.MISSING_ID),
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
    (tmp_path / "notes.csv").write_text("a,b\n")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "blank.txt").write_text("\x1c \u3000\n")  # white space, though not ASCII
    reasons = {Path(r.source).name: r.reason for r in read(tmp_path)}
    assert reasons == {
        "latin.jsonl": RejectReason.UNDECODABLE,
        "blob.txt": RejectReason.BINARY_FILE,
        "empty.jsonl": RejectReason.EMPTY_FILE,
        "notes.csv": RejectReason.UNSUPPORTED_FILE,
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
    assert b.article_id == "news-2" and b.published is None
    assert isinstance(c, Reject) and (c.reason, c.line) == (RejectReason.MISSING_TEXT, 3)


def test_large_jsonl_is_streamed_and_a_bad_gzip_is_rejected(tmp_path):
    (tmp_path / "bad.jsonl.gz").write_bytes(b"this is not gzip data")
    (reject,) = read(tmp_path / "bad.jsonl.gz")
    assert reject.reason is RejectReason.UNDECODABLE
