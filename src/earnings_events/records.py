"""The plain records passed between pipeline stages; nothing else crosses a stage boundary."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class RejectReason(StrEnum):
    """Why an input record or a candidate quote was dropped. One enum for every stage."""

    MALFORMED_JSON = "malformed_json"
    NOT_AN_OBJECT = "not_an_object"
    MISSING_ID = "missing_id"
    MISSING_TEXT = "missing_text"
    BAD_DATE = "bad_date"
    BAD_FIELD = "bad_field"
    UNDECODABLE = "undecodable"
    BINARY_FILE = "binary_file"
    EMPTY_FILE = "empty_file"
    UNSUPPORTED_FILE = "unsupported_file"
    DUPLICATE_ID = "duplicate_id"
    BAD_HEADER = "bad_header"  # a file of the Ding layout without its four `-- ` header lines
    MALFORMED_CSV = "malformed_csv"
    FAILED_CHECK = "failed_check"  # a row the build's own checks (validate's row checks) refuse and cannot mend


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, as read from an input file."""

    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    source: str = ""
    line: int | None = None
    outlet: str | None = None  # the publisher: a mapped column, else the URL's host without www.


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation span attributed to a named person (output of extract)."""

    article_id: str
    char_start: int
    char_end: int
    statement: str
    speaker: str
    speaker_role: str
    company_hint: str | None = None  # a company named in the speaker's title ("Apple's CFO")
    speaker_at: int = -1  # where the article first names the speaker


@dataclass(frozen=True, slots=True)
class Row:
    """One dataset row of the ``statements`` config (fields as in schema/statements.yaml)."""

    id: str
    company: str
    ticker: str | None
    quarter: str | None
    fiscal_year: int | None
    fiscal_quarter: int | None
    statement: str
    speaker: str
    speaker_role: str
    label: str
    label_source: str
    article_id: str
    url: str | None
    published: dt.date | None
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Reject:
    """An input item that was dropped, with where it came from and why."""

    stage: str
    reason: RejectReason
    source: str
    line: int | None = None
    article_id: str | None = None
    detail: str = ""
