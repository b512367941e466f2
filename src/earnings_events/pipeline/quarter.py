"""Component 8, quarter: the fiscal quarter each company's earnings news is about, by the guide's three steps.

Reads ``periods``, ``fiscal_year_end``, ``primary`` and ``companies``; adds ``quarters`` (company name ->
(fiscal year, quarter)).

1. The period whose results the article reports as its news: named in the headline or first paragraph (or,
   failing that, further down) as results, ended before publication and recently, and not the base of a
   comparison ("from $2.10 a share in 1986", "a year earlier") nor estimates of it.
2. Failing that, the period it forecasts, pre-announces or previews: the one its headline or first paragraph
   names, else the first the body names; a full-year forecast names that year's fourth quarter.
3. Failing that, the latest fiscal quarter that ended at least 14 days before publication.

The calendar: a fiscal year end the article itself states ("its fiscal third quarter ended Oct. 28", "the
year ending March") wins; then the registry's hand-checked calendar for the article's date; then the
registry's default (December) or the guide's default for a company it does not know.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

from ..fiscal import FiscalCalendar
from ..registry import Company
from .document import ArticleDoc, Period

RECENT_DAYS = 135  # results come out weeks after a period ends, not a year
# A yearless "fourth quarter" names the last one when it ended this many days ago at most (its results are
# about due or out), else the next one; halves and years take longer to report than quarters.
LAG_DAYS = {"quarter": 75, "half": 100, "year": 100}


def annotate(doc: ArticleDoc) -> ArticleDoc:
    """Add ``quarters`` for the primary company and every quote's company."""
    doc.quarters = {}
    for c in [*([doc.primary] if doc.primary else []), *doc.companies]:
        if c is not None and c.name not in doc.quarters:
            doc.quarters[c.name] = article_quarter(doc, calendar_for(doc, c))
    return doc


def calendar_for(doc: ArticleDoc, company: Company) -> FiscalCalendar:
    """The article's own evidence first (for the article's company), then the registry's calendar."""
    if doc.fiscal_year_end is not None and (
        doc.primary is None or company.name == doc.primary.name or not company.known
    ):
        base = company.calendar_on(doc.article.published) if company.known else FiscalCalendar.default()
        if base.end_month == doc.fiscal_year_end:
            return base
        return FiscalCalendar.default(doc.fiscal_year_end)
    return company.calendar_on(doc.article.published)


def resolve(p: Period, cal: FiscalCalendar, on: dt.date | None) -> tuple[int, int] | None:
    """The (fiscal year, quarter) a period mention names under ``cal``; None when its year cannot be known."""
    if p.kind == "quarter":
        q = p.number or 0
    elif p.kind == "half":
        q = 2 if p.number == 1 else 4
    elif p.kind in ("month_quarter", "month_half", "nine"):
        fy, q = _month_quarter(cal, p.month, p.year, on, p.tense)
        return (fy, q) if fy else None
    else:  # year
        if p.month is not None:
            fy, _ = _month_quarter(cal, p.month, p.year, on, p.tense)
            return (fy, 4) if fy else None
        q = 4
    year = p.year
    if year is None:
        if on is None:
            return None
        year = cal.reported_or_next(q, on, LAG_DAYS.get(p.kind, 75))
    return year, q


def _month_quarter(
    cal: FiscalCalendar, month: int | None, year: int | None, on: dt.date | None, tense: str | None = None
) -> tuple[int | None, int]:
    """The fiscal quarter that ends in ``month``; without a year, the occurrence the tense points to
    ("ended" the latest past one, "ending" the next one, else the nearest to ``on``)."""
    if month is None or (year is None and on is None):
        return None, 0
    if year is None:
        assert on is not None
        ends = {y: dt.date(y, month, _calendar.monthrange(y, month)[1]) for y in (on.year - 1, on.year, on.year + 1)}
        if tense == "past":
            year = max(y for y, d in ends.items() if d <= on + dt.timedelta(days=3))
        elif tense == "future":
            year = min(y for y, d in ends.items() if d >= on - dt.timedelta(days=7))
        else:
            year = min(ends, key=lambda y: abs((ends[y] - on).days))
    return cal.quarter_of_month(year, month)


def article_quarter(doc: ArticleDoc, cal: FiscalCalendar) -> tuple[int, int] | None:
    """The fiscal (year, quarter) the article's earnings news is about, per the guide's three steps."""
    on = doc.article.published
    para_end = doc.paragraphs[0][1] if doc.paragraphs else len(doc.text)
    lede_end = max(doc.lede_paragraph[1], para_end)

    def ended(fy: int, q: int) -> bool:
        return on is None or cal.quarter_end(fy, q) <= on

    def recent(fy: int, q: int) -> bool:
        return on is None or (on - cal.quarter_end(fy, q)).days <= RECENT_DAYS

    resolved = [(p, r) for p in doc.periods if (r := resolve(p, cal, on)) is not None]
    head = [(p, r) for p, r in resolved if (p.in_title or p.start < lede_end) and not p.compared]
    body = [(p, r) for p, r in resolved if not p.in_title]
    for p, (fy, q) in head:  # 1. the results the headline or first paragraph reports
        if ended(fy, q) and recent(fy, q) and not p.estimate:
            return fy, q
    for p, (fy, q) in body:  # ... or reported further down
        if not p.compared and not p.estimate and ended(fy, q) and recent(fy, q):
            return fy, q
    for _p, (fy, q) in head:  # 2. what the headline or first paragraph forecasts or previews
        if not ended(fy, q):
            return fy, q
    for p, (fy, q) in body:  # ... or, when they name none, the first period the article forecasts
        if not ended(fy, q) and not p.compared:
            return fy, q
    return cal.latest_ended(on) if on else None  # 3.
