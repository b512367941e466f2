"""The per-article path, shared by every engine: scope -> extract -> normalize -> rule label.

``process(article)`` is all a worker runs; build's global steps (human labels, dedupe, splits,
writing) run afterwards on the rows of every article. The local engine, its worker processes and the
datatrove step all call this one function, so every engine yields the same rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import extract, label, normalize, scope
from .records import Article, Row
from .registry import Registry
from .registry import load as load_registry


@dataclass
class Processed:
    """What one article gave: its rows (rule-labelled) and its counts."""

    article: Article
    rows: list[Row] = field(default_factory=list)
    in_scope: bool = True
    quotes: int = 0
    scope_reason: str = ""


def process(article: Article, registry: Registry | None = None) -> Processed:
    """Rows of one article, or none when it is not about an earnings event."""
    registry = registry or load_registry()
    in_scope, reason = scope.is_earnings_article(article)
    if not in_scope:
        return Processed(article, in_scope=False, scope_reason=reason)
    found = normalize.companies_in(article, registry)
    quotes = extract.extract_article(article, found.names)
    rows = normalize.normalize_article(article, quotes, registry, found)
    return Processed(article, list(label.run(rows)), True, len(quotes), reason)


def run(articles: Iterable[Article], registry: Registry | None = None) -> Iterator[Processed]:
    """``process`` over a stream of articles."""
    registry = registry or load_registry()
    for article in articles:
        yield process(article, registry)
