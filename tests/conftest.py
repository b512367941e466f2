"""Shared fixtures: builds are real (real Parquet, real load_dataset), only small."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from earnings_events import build, pipeline
from earnings_events.fiscal import FiscalCalendar
from earnings_events.pipeline import label
from earnings_events.pipeline.document import ArticleDoc, Attribution, Person, QuoteSpan
from earnings_events.records import Article
from earnings_events.registry import Company, Registry

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    """A JSONL file; a str item is written as a raw line (for malformed input)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sample_version() -> str:
    """The version of the committed sample release (a rebuild must use it to give the same files)."""
    return json.loads((REPO / "dataset" / "MANIFEST.json").read_text())["dataset_version"]


def make_release(inputs: list[Path], out: Path, **kw) -> build.BuildResult:
    return build.run(build.BuildOptions(tuple(inputs), out, **kw))


@pytest.fixture(scope="session")
def sample_release(tmp_path_factory) -> Path:
    """The bundled sample corpus built once, with the committed human annotations."""
    out = tmp_path_factory.mktemp("sample") / "release"
    if (REPO / "dataset" / "results").is_dir():  # as a maintainer rebuilds: the evaluated release's results
        shutil.copytree(REPO / "dataset" / "results", out / "results")
    # README's first command installs no torch, so the committed dataset/ names the linear labeler; every sample
    # row carries a human label, so the labeler changes only that name.
    before = os.environ.get(label.LABELER_ENV)
    os.environ[label.LABELER_ENV] = "lr"
    try:
        make_release([build.SAMPLE_CORPUS], out, annotations=REPO / "dataset" / "annotations", version=sample_version())
    finally:
        if before is None:
            del os.environ[label.LABELER_ENV]
        else:
            os.environ[label.LABELER_ENV] = before
    return out


@pytest.fixture
def small_release(tmp_path) -> Path:
    """A release of the hand-written test articles in tests/data/articles.jsonl."""
    out = tmp_path / "release"
    make_release([DATA / "articles.jsonl"], out, annotations=tmp_path / "no-annotations")
    return out


def registry_of(companies: set[str] | dict[str, dict] | None) -> Registry:
    """A registry that knows just these companies (a name, or a name and its registry entry)."""
    entries = []
    for name in companies or ():
        extra = companies[name] if isinstance(companies, dict) else {}
        entries.append({"name": name, "ticker": None, "source": "hand", **extra})
    return Registry(entries)


STAGES = ("scope", "speakers", "company", "quarter", "label")


def doc_until(
    text: str,
    last: str,
    title: str = "",
    published: dt.date | None = dt.date(2024, 1, 25),
    companies: set[str] | dict[str, dict] | None = None,
    url: str | None = None,
) -> ArticleDoc:
    """A hand-written article analysed by the pipeline's components up to the stage ``last`` (one of
    ``STAGES``; the layers before scope are always there), whatever its scope decision. ``companies`` is the
    registry the mentions and company stages see."""
    registry = registry_of(companies)
    # the build's view: scope reads the opening's layers only, the later stages every layer
    doc = pipeline.prepare(Article("t", text, title or None, url, published), registry, whole=False)
    steps = {
        "scope": lambda d: pipeline.extend(pipeline.scope.annotate(d), registry),
        "speakers": pipeline.speakers.annotate,
        "company": lambda d: pipeline.company.annotate(d, registry),
        "quarter": pipeline.quarter.annotate,
        "label": pipeline.label.annotate,
    }
    for name in STAGES[: STAGES.index(last) + 1]:
        steps[name](doc)
    return doc


# A release of the Reuters release's shape: no article bodies, human judgements of its test rows by offsets.

LATER = {  # later results stories, written for this test, so the test split holds two articles
    "id": "reuters-ding-20240801-quill-paper-idUSQUILL20240801",
    "url": "http://www.reuters.com/article/2024/08/01/us-quillpaper-results-idUSQUILL20240801",
    "published": "2024-08-01",
    "title": "Quill Paper second-quarter profit rises as packaging demand holds",
    "text": "\n \n\n CHICAGO  (Reuters) - Quill Paper Co ( QPC.N ) said second-quarter profit rose 8 percent\n"
    "as demand for packaging held up.\n\n"
    ' "Our mills ran full through the whole quarter," Chief Executive Ruth Okafor said in a statement.\n\n'
    ' "Pulp costs will weigh on margins in the second half," said analyst Tom Brandt of Fictive Securities.\n',
}
LATEST = {  # a second story on the same event (company, quarter), so both go to test
    "id": "reuters-ding-20240802-quill-paper-shares-idUSQUILL20240802",
    "url": "http://www.reuters.com/article/2024/08/02/us-quillpaper-shares-idUSQUILL20240802",
    "published": "2024-08-02",
    "title": "Quill Paper shares climb after quarterly profit beats forecasts",
    "text": "\n \n\n CHICAGO  (Reuters) - Shares of Quill Paper Co ( QPC.N ) rose 6 percent on Friday, a day after\n"
    "the packaging maker reported second-quarter profit above analysts' forecasts.\n\n"
    ' "Packaging volumes were better than anyone expected," said analyst Mia Castell of Northway Capital.\n',
}


def bodiless_release(tmp_path: Path, judged: bool = True) -> tuple[Path, Path]:
    """A release built with --no-article-text from the wire test corpus plus one later article, with human
    judgements of its test rows keyed by offsets only (as the Reuters release ships them): one article's rows
    judged rows (one quarter corrected), the other's judged not rows. Returns (release, corpus)."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        (DATA / "wire_corpus.jsonl").read_text(encoding="utf-8") + json.dumps(LATER) + "\n" + json.dumps(LATEST) + "\n"
    )
    out = tmp_path / "release"
    make_release([corpus], out, article_text=False, annotations=tmp_path / "none")
    test = pq.read_table(out / "statements" / "test.parquet").to_pylist()
    by_article: dict[str, list[dict]] = {}
    for r in test:
        by_article.setdefault(r["article_id"], []).append(r)
    assert len(by_article) == 2, "the test split should hold the two latest articles"
    (kept, kept_rows), (dropped, dropped_rows) = sorted(by_article.items(), key=lambda kv: kv[0] != LATER["id"])
    records = []
    for i, r in enumerate(kept_rows):
        quarter = "2023Q1" if i == 0 else r["quarter"]  # the judges corrected one quarter
        fields = {k: r[k] for k in ("speaker", "company", "ticker")}
        records.append(
            {
                "article_id": kept,
                "char_start": r["char_start"],
                "char_end": r["char_end"],
                "is_row": True,
                **fields,
                "speaker_role": "executive" if i == 0 else "analyst",
                "quarter": quarter,
                "label": "performance",
            }
        )
    records += [
        {"article_id": dropped, "char_start": r["char_start"], "char_end": r["char_end"], "is_row": False}
        for r in dropped_rows
    ]
    if judged:
        notes = tmp_path / "annotations"
        notes.mkdir()
        write_jsonl(notes / "human-test.jsonl", records)
        out = tmp_path / "judged"
        make_release([corpus], out, article_text=False, annotations=notes)
    return out, corpus


def statements_doc(*statements: str) -> ArticleDoc:
    """An article of hand-written quotes, each attributed to Jane Roe of Acme: what the label component reads."""
    text = " ".join(f"“{s}” Jane Roe said." for s in statements)
    doc = ArticleDoc(Article("art-1", text, "Acme profit", None, None))
    person = Person("Jane Roe", 0, "executive")
    pos = 0
    for s in statements:
        start = text.index(s, pos)
        end = start + len(s)
        q = QuoteSpan(start - 1, start, end, end + 1, start, end, s, True, 0)
        doc.attributions.append(Attribution(q, person, "executive"))
        doc.companies.append(Company("Acme", "ACME", FiscalCalendar()))
        pos = end
    doc.quarters = {"Acme": (2009, 2)}
    return doc
