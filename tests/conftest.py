"""Shared fixtures: builds are real (real Parquet, real load_dataset), only small."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from earnings_events import build, pipeline
from earnings_events.pipeline.document import ArticleDoc
from earnings_events.records import Article
from earnings_events.registry import Registry

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
    make_release([build.SAMPLE_CORPUS], out, annotations=REPO / "dataset" / "annotations", version=sample_version())
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
    doc = pipeline.prepare(Article("t", text, title or None, url, published), registry)
    steps = {
        "scope": pipeline.scope.annotate,
        "speakers": pipeline.speakers.annotate,
        "company": lambda d: pipeline.company.annotate(d, registry),
        "quarter": pipeline.quarter.annotate,
        "label": pipeline.label.annotate,
    }
    for name in STAGES[: STAGES.index(last) + 1]:
        steps[name](doc)
    return doc
