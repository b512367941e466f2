"""The Ding et al. layout of the Reuters/Bloomberg financial news corpus: a folder per day (``YYYYMMDD/``),
one file per article, each file four header lines and then the body::

    -- Alaska Air posts quarterly profit
    -- By A. Reporter
    -- Mon Apr 2, 2007 7:51am EDT
    -- http://www.reuters.com/article/...
    <body>

The article's id is ``reuters-ding-<day folder>-<file name>`` (the ids of the corpus's JSONL copy), its text
everything after the fourth header line's newline, exactly as stored, its date the header's (to a day; an
empty date line gives the day folder's date). A file without the four header lines is a ``bad_header``
reject naming the line; an unreadable date a ``bad_date`` on line 3.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..records import Article, Reject, RejectReason
from .fields import STAGE, outlet_of, parse_date
from .formats import decode_whole

ID_PREFIX = "reuters-ding"
HEADER = ("title", "author", "date", "url")
MARK = b"-- "
_LINE = re.compile(r"--(?: (.*)|\s*)\Z")
_DAY = re.compile(r"\d{8}")
# "Mon Apr 2, 2007 7:51am EDT", "Apr 2, 2007", "Monday, April 2, 2007 7:51 AM"
_WIRE_DATE = re.compile(r"(?:[A-Za-z]+,?\s+)?([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b")
_MONTHS = {
    m: i
    for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)
}


def starts_with_header(path: Path) -> bool:
    """Whether a file begins like an article of the layout (``-- ``)."""
    try:
        with path.open("rb") as f:
            return f.read(len(MARK)) == MARK
    except OSError:
        return False


def is_ding_folder(files: Iterable[Path], known_suffix: Callable[[Path], bool]) -> bool:
    """A folder is of the layout when one of its first 20 files without a known suffix starts with ``-- ``."""
    bare = [f for f in files if not known_suffix(f)][:20]
    return any(starts_with_header(f) for f in bare)


def wire_date(value: str) -> dt.date:
    """The date of a header's date line (``Mon Apr 2, 2007 7:51am EDT`` -> 2007-04-02), as written; other forms
    go through ``parse_date`` (ISO 8601, RFC 2822, epoch seconds). ValueError when none fits."""
    m = _WIRE_DATE.match(value)
    if m and m.group(1).lower() in _MONTHS:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
        except ValueError as exc:
            raise ValueError(f"no such date: {value!r}") from exc
    parsed = parse_date(value)
    if parsed is None:
        raise ValueError("empty date")
    return parsed


def _day_folder_date(path: Path) -> dt.date | None:
    name = path.parent.name
    if not _DAY.fullmatch(name):
        return None
    try:
        return dt.date(int(name[:4]), int(name[4:6]), int(name[6:]))
    except ValueError:
        return None


def article_id(path: Path) -> str:
    return f"{ID_PREFIX}-{path.parent.name}-{path.name}"


def read(path: Path) -> Article | Reject:
    """One article file of the layout."""
    src = str(path)
    content = decode_whole(path)
    if isinstance(content, Reject):
        return content
    aid = article_id(path)
    parts = content.split("\n", len(HEADER))  # four header lines, then the body as it is
    values: list[str] = []
    for i, what in enumerate(HEADER):
        line = parts[i] if i < len(parts) else None
        m = _LINE.match(line.rstrip("\r")) if line is not None else None
        if m is None:
            got = "the end of the file" if line is None else repr(line[:60])
            detail = f"header line {i + 1} must be '-- {what}' (four '-- ' lines, then the body); got {got}"
            return Reject(STAGE, RejectReason.BAD_HEADER, src, i + 1, aid, detail)
        values.append((m.group(1) or "").strip())
    title, _author, date_line, url = values
    text = parts[len(HEADER)] if len(parts) > len(HEADER) else ""
    if not text.strip():
        return Reject(STAGE, RejectReason.MISSING_TEXT, src, None, aid, "no body after the header")
    try:
        published = wire_date(date_line) if date_line else _day_folder_date(path)
    except ValueError as exc:
        return Reject(STAGE, RejectReason.BAD_DATE, src, 3, aid, f"header date: {exc}")
    url = url or None
    return Article(aid, text, title or None, url, published, src, None, outlet_of(url))


def render(title: str | None, author: str | None, date_line: str, url: str | None, text: str) -> str:
    """The file of one article in this layout (what ``read`` reads back)."""
    return f"-- {title or ''}\n-- {author or ''}\n-- {date_line}\n-- {url or ''}\n{text}"
