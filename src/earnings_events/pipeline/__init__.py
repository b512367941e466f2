"""The per-article pipeline: an ``Article`` in, its rows out, through one ``ArticleDoc``.

``process(article)`` builds the article's doc once and runs the components in order; each reads the layers
before it and adds its own (see ``document.py``)::

    layout -> quotes -> mentions -> periods -> scope -> speakers -> company -> quarter -> label

An article out of scope stops after ``scope``. Every engine (the local one, its worker processes, the datatrove
step) calls ``process``, so every engine yields the same rows; build's global steps (human labels, dedupe,
splits, writing) run afterwards on the rows of every article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..records import Article, Row
from ..registry import Registry
from ..registry import load as load_registry
from ..rowid import row_id
from . import company, label, layout, mentions, periods, quarter, quotes, scope, speakers
from .document import ArticleDoc

EXTRACTOR_VERSION = speakers.ExtractOptions().version


def component_versions() -> dict[str, str]:
    """The versioned names of the components whose output a release depends on (its manifest records them)."""
    return {
        "extractor": EXTRACTOR_VERSION,
        "labeler": label.labeler_name(),
        "scope": f"{scope.SCOPE_VERSION}+{scope.SCOPE_RULES}",
    }


@dataclass
class Processed:
    """What one article gave: its rows (labelled), its scope decision and its counts."""

    article: Article
    rows: list[Row] = field(default_factory=list)
    in_scope: bool = True
    quotes: int = 0
    scope_reason: str = ""


def prepare(article: Article, registry: Registry | None = None, whole: bool = True) -> ArticleDoc:
    """The article's doc with the layers before scope: for all of it (``whole``, the quotes included), or for
    what scope reads only (the layout of its opening, the mentions and periods of its first two sentences)."""
    registry = registry or load_registry()
    doc = ArticleDoc(article)
    layout.annotate(doc, layout.opening_end(doc.text))
    # through the sentence after the lede (a feature's kicker line, a forecast's); all of a lede no sentence holds
    _mention(doc, registry, max(doc.lede[1], doc.lede_end(1)))
    if whole:
        extend(doc, registry)
    return doc


def _mention(doc: ArticleDoc, registry: Registry, end: int) -> None:
    if end > doc.mentioned or doc.mentioned == 0:
        mentions.annotate(doc, registry, doc.mentioned, end)
        periods.annotate(doc, doc.mentioned, end)
        doc.mentioned = end


def extend(doc: ArticleDoc, registry: Registry) -> ArticleDoc:
    """The layers before scope extended to the whole text, and the quotes."""
    end = len(doc.text)
    if doc.analysed < end:
        layout.annotate(doc, end)
        doc.analysed = end
    _mention(doc, registry, end)
    if not doc.quotes:
        quotes.annotate(doc)
    return doc


def analyse(article: Article, registry: Registry | None = None) -> ArticleDoc:
    """The article's doc with every layer; an article out of scope stops after the scope decision, its layers
    built for its opening only (what scope reads)."""
    doc = _unlabelled(article, registry or load_registry())
    return label.annotate(doc) if _in_scope(doc) else doc


def _unlabelled(article: Article, registry: Registry) -> ArticleDoc:
    """The doc with every layer but the labels (the scope decision's layers only, out of scope)."""
    doc = prepare(article, registry, whole=False)
    scope.annotate(doc)
    if _in_scope(doc):
        extend(doc, registry)
        speakers.annotate(doc)
        company.annotate(doc, registry)
        quarter.annotate(doc)
    return doc


def _in_scope(doc: ArticleDoc) -> bool:
    assert doc.scope is not None
    return doc.scope.in_scope


def attribute(article: Article, registry: Registry | None = None) -> list[tuple[int, int, str]]:
    """(start, end, speaker) of every attributed quote, whatever the article's scope (the speaker-attribution
    baseline asks who said a given span)."""
    registry = registry or load_registry()
    doc = prepare(article, registry)
    speakers.annotate(doc)
    return [(a.quote.start, a.quote.end, a.person.name) for a in doc.attributions]


def rows(doc: ArticleDoc) -> list[Row]:
    """The dataset rows of an analysed doc (one per attribution that has a company)."""
    art = doc.article
    out = []
    for a, c, lab in zip(doc.attributions, doc.companies, doc.labels, strict=True):
        if c is None:
            continue
        fq = doc.quarters.get(c.name)
        out.append(
            Row(
                id=row_id(art.article_id, a.quote.start, a.quote.end),
                company=c.name,
                ticker=c.ticker,
                quarter=f"{fq[0]}Q{fq[1]}" if fq else None,
                fiscal_year=fq[0] if fq else None,
                fiscal_quarter=fq[1] if fq else None,
                statement=a.quote.statement,
                speaker=a.person.name,
                speaker_role=a.role,
                label=lab,
                label_source="rules" if doc.labeler.startswith("label_rules") else "model",
                article_id=art.article_id,
                url=art.url,
                published=art.published,
                char_start=a.quote.start,
                char_end=a.quote.end,
            )
        )
    return out


def process(article: Article, registry: Registry | None = None) -> Processed:
    """Rows of one article, or none when it is not about an earnings event."""
    return _processed(analyse(article, registry))


def _processed(doc: ArticleDoc) -> Processed:
    assert doc.scope is not None
    if not doc.scope.in_scope:
        return Processed(doc.article, in_scope=False, scope_reason=doc.scope.reason)
    return Processed(doc.article, rows(doc), True, len(doc.attributions), doc.scope.reason)


LABEL_BATCH = 512  # statements the labeler reads together in ``run`` (about 180 in-scope wire articles)


def run(articles: Iterable[Article], registry: Registry | None = None) -> Iterator[Processed]:
    """``process`` over a stream of articles, in input order, with the same results; the docs wait until their
    statements number ``LABEL_BATCH`` (or the stream ends) to be labelled together."""
    registry = registry or load_registry()
    waiting: list[ArticleDoc] = []
    statements = 0
    for article in articles:
        doc = _unlabelled(article, registry)
        waiting.append(doc)
        statements += len(doc.attributions) if _in_scope(doc) else 0
        if statements >= LABEL_BATCH:
            yield from _labelled(waiting)
            waiting, statements = [], 0
    yield from _labelled(waiting)


def _labelled(docs: list[ArticleDoc]) -> Iterator[Processed]:
    """The docs' results once their in-scope ones are labelled together."""
    label.annotate_all([d for d in docs if _in_scope(d)])
    return map(_processed, docs)
