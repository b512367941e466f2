"""Article bodies for a release: from its ``articles`` config, or from the corpus it was built from.

A release built with ``--no-article-text`` (licensed news) holds statements and offsets but no bodies.
The commands that need the text around a statement (``audit sample``, ``evaluate`` on the tasks that read
``article.text``) take ``--articles PATH``, the corpus files the release was built from, and read them
with ``ingest.run``, as the build did. Every row's statement must equal ``text[char_start:char_end]``:
a different corpus (or another edition of it) stops with the first article that does not fit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import polars as pl

from . import ingest, schema
from .errors import InputError
from .records import Article


def article_texts(
    release: Path,
    rows: Iterable[Mapping[str, Any]],
    corpus: tuple[Path, ...] = (),
    progress: Callable[[int], None] | None = None,
    also: Iterable[str] = (),
) -> tuple[dict[str, str], dict[str, str | None]]:
    """Text and headline of every article ``rows`` come from (and of the articles ``also`` names): the
    release's ``articles`` config, or the ``corpus`` files for the articles whose text it does not hold. Each
    text must hold its rows' statements. ``progress`` gets the number of corpus records read (every 10,000)."""
    rows = list(rows)
    wanted = sorted({r["article_id"] for r in rows} | set(also))
    (split,) = schema.load("articles").splits
    path = release / "articles" / f"{split}.parquet"
    texts: dict[str, str] = {}
    titles: dict[str, str | None] = {}
    if path.is_file():
        columns = [c for c in ("article_id", "title", "text") if c in pl.read_parquet_schema(path)]
        frame = pl.scan_parquet(path).select(columns).filter(pl.col("article_id").is_in(wanted)).collect()
        for r in frame.to_dicts():
            titles[r["article_id"]] = r.get("title")
            if r.get("text"):
                texts[r["article_id"]] = r["text"]
    missing = [a for a in wanted if a not in texts]
    source = {a: f"{path}" for a in texts}
    if missing and not corpus:
        raise InputError(
            f"the release holds no text for {len(missing)} of the rows' articles (built with --no-article-text?): "
            "pass --articles PATH, the corpus files it was built from",
            str(release),
        )
    if missing:
        for article in _read_articles(corpus, set(missing), progress):
            texts[article.article_id] = article.text
            titles[article.article_id] = titles.get(article.article_id) or article.title
            source[article.article_id] = article.source
        absent = [a for a in missing if a not in texts]
        if absent:
            where = ", ".join(str(p) for p in corpus)
            more = f" (and {len(absent) - 1} more)" if len(absent) > 1 else ""
            raise InputError(f"article {absent[0]!r}{more} is not in --articles {where}")
    for r in rows:
        text = texts[r["article_id"]]
        if text[r["char_start"] : r["char_end"]] != r["statement"]:
            raise InputError(
                f"article {r['article_id']!r}: text[{r['char_start']}:{r['char_end']}] is not row {r['id']}'s "
                "statement; the articles must be the ones the release was built from",
                source[r["article_id"]],
            )
    return texts, titles


def _read_articles(
    paths: tuple[Path, ...], wanted: set[str], progress: Callable[[int], None] | None
) -> Iterable[Article]:
    left = set(wanted)
    for n, item in enumerate(ingest.run(paths), 1):
        if progress and n % 10_000 == 0:
            progress(n)
        if isinstance(item, Article) and item.article_id in left:
            left.discard(item.article_id)
            yield item
            if not left:  # every wanted article found: stop reading
                return
