"""Shared fixtures: builds are real (real Parquet, real load_dataset), only small."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from earnings_events import build

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
