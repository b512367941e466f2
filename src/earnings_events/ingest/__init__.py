"""Stage 1, ingest: article inputs in, ``Article`` records (or ``Reject``s) out.

Entry point: ``run(inputs, options)``. An input is a file, a folder (searched recursively, in sorted order)
or ``hf://datasets/OWNER/NAME[@REVISION]``. Kinds:
  * ``.jsonl`` / ``.jsonl.gz`` / ``.jsonl.zst``: one JSON object a line, ``{"id", "url", "published", "title",
    "text", "outlet"}``; unknown keys are ignored (formats.py);
  * ``.csv`` / ``.csv.gz`` / ``.csv.zst``: an article table with a header row (formats.py);
  * ``.parquet``: an article table, in batches (formats.py);
  * ``.txt``: the seed's form, a first line ``date YYYY-MM-DD <title>`` then the body; any other ``.txt`` is a
    body whose id is the file stem; ``.html`` / ``.htm``: main text, title, date and URL through trafilatura;
    ``.warc`` / ``.warc.gz``: every HTML response record (formats.py);
  * the Ding layout: a folder per day, a file per article with four ``-- `` header lines (ding.py), recognised
    by its files or named with ``layout="ding"``;
  * Hugging Face datasets: ``hf://`` inputs, ``save_to_disk`` folders and Hub-style dataset folders (hub.py).
Tables (JSONL, CSV, Parquet, datasets) take a field map (``--field text=maintext``, fields.py); dates are ISO
8601, RFC 2822 or epoch seconds; a record without an id gets its URL, else a hash of its text.
Reject reasons: malformed_json, malformed_csv, not_an_object, missing_id, missing_text, bad_date, bad_field,
bad_header, undecodable, binary_file, empty_file, unsupported_file, duplicate_id.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..errors import ConfigError, InputError
from ..records import Article, Reject, RejectReason
from . import ding, formats, hub
from .fields import ARTICLE_FIELDS, STAGE, FieldMap, article_from_record, parse_date
from .formats import article_from_html

__all__ = [
    "ARTICLE_FIELDS",
    "LAYOUTS",
    "STAGE",
    "SUFFIXES",
    "FieldMap",
    "IngestOptions",
    "Input",
    "Part",
    "article_from_html",
    "article_from_record",
    "expand",
    "input_of",
    "parse_date",
    "plan",
    "read_file",
    "read_part",
    "run",
    "suffix",
]

SUFFIXES = (
    ".jsonl",
    ".jsonl.gz",
    ".jsonl.zst",
    ".csv",
    ".csv.gz",
    ".csv.zst",
    ".txt",
    ".html",
    ".htm",
    ".warc",
    ".warc.gz",
    ".parquet",
)
LAYOUTS = ("auto", "ding")
Input = Path | str  # a file or folder, or an hf://datasets/... URI


@dataclass(frozen=True)
class IngestOptions:
    """How to read the inputs: the field map, the layout of folders, and the config and split of datasets."""

    fields: FieldMap = field(default_factory=FieldMap)
    layout: str = "auto"  # "auto": recognised from the files; "ding": every file is a Ding article
    hf_config: str | None = None
    hf_split: str = "train"

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ConfigError(f"unknown layout {self.layout!r} (known: {', '.join(LAYOUTS)})")


class Part(NamedTuple):
    """One unit of reading: a file with the kind it is read as, or a dataset."""

    kind: str  # a suffix in SUFFIXES, "ding", "dataset", "hub" or "unsupported"
    location: Path | hub.HubDataset


def input_of(value: str | Path) -> Input:
    """A command-line input as a path, or (``hf://...``) kept as the URI."""
    return str(value) if hub.is_uri(str(value)) else Path(value)


def suffix(path: Path) -> str:
    """The format suffix of a file (``.jsonl.zst``), or its last suffix when it has none of ours."""
    name = path.name.lower()
    return next((s for s in SUFFIXES if name.endswith(s)), path.suffix.lower())


def _known(path: Path) -> bool:
    return suffix(path) in SUFFIXES


def expand(paths: Iterable[Input]) -> list[Path]:
    """Files named or found below the folders named, in a stable order. Missing paths raise; ``hf://``
    inputs have no files and are skipped."""
    files: list[Path] = []
    for path in paths:
        if hub.is_uri(path):
            continue
        path = Path(path)
        if not path.exists():
            raise InputError("no such file or folder", str(path))
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*")) if p.is_file() and not p.name.startswith("."))
        else:
            files.append(path)
    return files


def plan(inputs: Iterable[Input], options: IngestOptions | None = None) -> list[Part]:
    """What each input is read as, in order. A folder is a dataset when ``save_to_disk`` wrote it or it is a
    Hub-style dataset folder; a folder is of the Ding layout when its files without one of our suffixes start
    with ``-- `` (or ``options.layout == "ding"``: then all its files are)."""
    options = options or IngestOptions()
    parts: list[Part] = []
    for item in inputs:
        if hub.is_uri(item):
            parts.append(Part("hub", hub.parse_uri(str(item))))
            continue
        path = Path(item)
        if path.is_dir() and options.layout == "auto" and hub.is_dataset_folder(path):
            parts.append(Part("dataset", path))
            continue
        files = expand([path])
        is_ding = options.layout == "ding" or ding.is_ding_folder(files, _known)
        for f in files:
            kind = suffix(f)
            if options.layout == "ding" or (is_ding and not _known(f)):
                kind = "ding"
            elif kind not in SUFFIXES:
                kind = "unsupported"
            parts.append(Part(kind, f))
    return parts


def run(inputs: Iterable[Input], options: IngestOptions | None = None) -> Iterator[Article | Reject]:
    """Read every article of ``inputs``; each item is an ``Article`` or a ``Reject`` (a later article with an
    id already seen is a ``duplicate_id`` reject)."""
    options = options or IngestOptions()
    seen: set[str] = set()
    for part in plan(inputs, options):
        for item in read_part(part, options):
            if isinstance(item, Article):
                if item.article_id in seen:
                    item = Reject(
                        STAGE,
                        RejectReason.DUPLICATE_ID,
                        item.source,
                        item.line,
                        item.article_id,
                        "an earlier article has this id",
                    )
                else:
                    seen.add(item.article_id)
            yield item


def read_part(part: Part, options: IngestOptions) -> Iterator[Article | Reject]:
    """The items of one planned part: a dataset (``hub``, ``dataset``) or a file."""
    if part.kind in ("hub", "dataset"):
        yield from hub.read(part.location, options.fields, options.hf_config, options.hf_split)  # type: ignore[arg-type]
    else:
        yield from read_file(part.location, options, part.kind)  # type: ignore[arg-type]


def read_file(path: Path, options: IngestOptions | None = None, kind: str | None = None) -> Iterator[Article | Reject]:
    """Articles of one file, read as ``kind`` (default: by its suffix; a file without one of ours that starts
    with ``-- `` is a Ding article). JSONL, CSV, WARC and Parquet are streamed, never read whole."""
    options = options or IngestOptions()
    src = str(path)
    if kind is None:
        kind = suffix(path)
        if kind not in SUFFIXES:
            kind = "ding" if ding.starts_with_header(path) else "unsupported"
    if kind == "unsupported":
        yield Reject(
            STAGE,
            RejectReason.UNSUPPORTED_FILE,
            src,
            None,
            None,
            f"unsupported file type {suffix(path) or '(none)'}; expected one of {', '.join(SUFFIXES)}",
        )
        return
    if path.stat().st_size == 0:
        yield Reject(STAGE, RejectReason.EMPTY_FILE, src, None, None, "file is empty")
        return
    if kind == "ding":
        yield ding.read(path)
    elif kind.startswith(".jsonl"):
        yield from formats.read_jsonl(path, options.fields)
    elif kind.startswith(".csv"):
        yield from formats.read_csv(path, options.fields)
    elif kind == ".parquet":
        yield from formats.read_parquet(path, options.fields)
    elif kind.startswith(".warc"):
        yield from formats.read_warc(path)
    elif kind == ".txt":
        yield from formats.read_txt(path)
    else:
        yield from formats.read_html(path)
