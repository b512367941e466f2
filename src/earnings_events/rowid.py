"""A row's identity: its stable id, and what makes two rows duplicates (build keeps one, validate refuses two)."""

from __future__ import annotations

import hashlib

import polars as pl

ID_SEPARATOR = "\x1f"
QUOTE_MARKS = "\"“”‘’'«»"  # what the duplicate key ignores, with white space and EDGE_PUNCTUATION
EDGE_PUNCTUATION = ".,;:"


def duplicate_key() -> pl.Expr:
    """What makes two rows duplicates: the same speaker, company and quarter, and the same statement once case,
    white space, quote marks and edge punctuation are ignored."""
    statement = (
        pl.col("statement")
        .str.to_lowercase()
        .str.replace_all(rf"[\s{QUOTE_MARKS}]+", " ")
        .str.strip_chars(" " + EDGE_PUNCTUATION)
    )
    return pl.struct("speaker", "company", "quarter", statement)


def row_id(article_id: str, char_start: int, char_end: int) -> str:
    """Stable row id: the first 16 hex digits of sha256 over article id and span."""
    return id_of_key(ID_SEPARATOR.join((article_id, str(char_start), str(char_end))))


def id_of_key(key: str) -> str:
    """The id of a key ``article_id<US>char_start<US>char_end`` (validate builds the keys vectorised)."""
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def ids_of_keys(keys: list[str]) -> list[str]:
    """``id_of_key`` over many keys (a million in under a second: no call per key)."""
    sha = hashlib.sha256
    return [sha(k.encode()).hexdigest()[:16] for k in keys]
