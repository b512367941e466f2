"""Fuzzing: arbitrary Unicode, random quote marks and huge inputs never raise, and every offset is exact."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from earnings_events import ingest, pipeline
from earnings_events.pipeline.quotes import find_spans
from earnings_events.records import Article, Reject

MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "''", "``", "\n\n", "\n    ", ", he said. ", " said Tim Cook, "]
WORDS = [
    "Apple",
    "Northwind Inc.",
    "Chief Executive",
    "Laura Chen",
    "said",
    "expects",
    "profit",
    "the",
    "quarter",
    "fourth-quarter",
    "he",
    "she",
    "O'Reilly",
    "'90s",
    'OPEC"s',
    "(NYSE: NWD)",
    "<DF>",
    "Q4",
    "fiscal 2024",
]
texty = st.lists(st.one_of(st.sampled_from(MARKS), st.sampled_from(WORDS), st.text(max_size=12)), max_size=80).map(
    lambda parts: " ".join(parts)
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_spans(text: str) -> None:
    last = -1
    for s in find_spans(text):
        assert text[s.start : s.end] == s.statement
        assert s.statement == s.statement.strip() and s.statement
        assert s.open < s.start <= s.end <= max(s.close_end, s.end) <= len(text)
        assert s.open > last  # in order, no two spans opening at one mark
        last = s.open


@SETTINGS
@given(st.text())
def test_arbitrary_unicode_spans(text):
    check_spans(text)


@SETTINGS
@given(texty)
def test_quote_heavy_text_spans(text):
    check_spans(text)


@SETTINGS
@given(texty, st.one_of(st.none(), st.text(max_size=40)))
def test_the_whole_per_article_path_never_raises_and_offsets_are_exact(text, title):
    art = Article("fuzz", text or "x", title, None, dt.date(2024, 1, 25))
    done = pipeline.process(art)
    for row in done.rows:
        assert art.text[row.char_start : row.char_end] == row.statement
        assert row.quarter is None or row.quarter == f"{row.fiscal_year}Q{row.fiscal_quarter}"


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".jsonl", ".txt", ".html", ".jsonl.gz", ".warc", ".parquet"]))
def test_ingest_of_arbitrary_bytes_never_raises(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    for item in ingest.run([path]):
        assert isinstance(item, Article | Reject)
        if isinstance(item, Article):
            assert item.article_id and item.text.strip()


def test_a_huge_article_is_handled():
    para = (
        "“We expect demand to keep growing through the second half,” Chief Executive Laura Chen said. "
        "Northwind Inc. (NYSE: NWD) reported fourth-quarter profit. " * 40
    )
    text = "\n\n".join([para] * 100)  # ~0.6 MB, 4,000 quotes
    art = Article("huge", text, "Northwind fourth-quarter profit rises", None, dt.date(2024, 1, 25))
    done = pipeline.process(art)
    assert len(done.rows) == 4000  # all of them: duplicates are dropped later, by the global dedupe
    assert all(text[r.char_start : r.char_end] == r.statement for r in done.rows)
