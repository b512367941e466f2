"""Component 8, quarter: the fiscal quarter each company's earnings news is about, by the guide's three steps.

Reads ``periods``, ``fiscal_years``, ``orgs``, ``primary`` and ``companies``; adds ``quarters`` (company name ->
(fiscal year, quarter)).

1. The period whose results the article reports as its news: named in the headline or first paragraph (or,
   failing that, further down) as results, ended before publication and recently, and not the base of a
   comparison ("from $2.10 a share in 1986", "a year earlier") nor estimates of it.
   In a story whose news is a forecast, a quarter the body reports counts only when it ended recently (a
   quarter reported in October and recalled in a December profit warning is background).
2. Failing that, the period it forecasts, pre-announces or previews: the one its headline or first paragraph
   names ("an outlook for 2010"), else the first the body names; a full-year forecast names that year's fourth
   quarter; a warning on "quarterly earnings" names the quarter that closed days ago if it is not yet reported,
   else the one running.
3. Failing that, the latest fiscal quarter that ended at least 14 days before publication.

The calendar: a fiscal year end the article itself states for the company ("its fiscal third quarter ended
Oct. 28", "the year ending March", in a sentence whose first company is this one, or that names none) wins;
then the registry's hand-checked calendar for the article's date; then the registry's default (December) or the
guide's default for a company it does not know.
"""

from __future__ import annotations

import calendar as _calendar
import dataclasses
import datetime as dt
import re
from functools import lru_cache

from ..fiscal import FiscalCalendar
from ..registry import Company
from .company import same_entity
from .document import ArticleDoc, OrgKind, OrgMention, Period
from .periods import MONTH_NAME
from .periods import month as month_number

RECENT_DAYS = {"year": 135}  # results come out weeks after a period ends (a year's, months), not a year later
RECENT_OTHER = 100
# A yearless "fourth quarter" names the last one when it ended this many days ago at most (its results are
# about due or out), else the next one; halves and years take longer to report than quarters.
LAG_DAYS = {"quarter": 75, "half": 100, "year": 100}
# In an article whose news is a forecast, a quarter's results the body reports are the day's news only when the
# quarter ended this recently by a calendar we trust (filers report a quarter within 40-45 days): a quarter
# reported in October and recalled in a December profit warning is background. A fourth quarter comes out with
# the year's results, which take longer (and so do a half's and a year's, never held to this).
FRESH_DAYS = {1: 45, 2: 45, 3: 45, 4: 75}
# the fewest days between a quarter's end and a report of its results (sales figures, pre-announcements)
REPORT_MIN_DAYS = 10
# a pre-announcement comes in the weeks after a quarter closes, before its report; later, a warning is about the
# quarter running
PREANNOUNCE_DAYS = 30
# ... and not before a few days have passed (a quarter that closed the day before has no news of its own yet)
PREANNOUNCE_MIN_DAYS = 3
# a multi-year plan laid out when this many days or fewer are left of the fiscal year starts with the next year
HORIZON_NEXT_DAYS = 60
# "the coming year" said this many days or fewer after a fiscal year began is the year just begun
COMING_YEAR_BEGUN_DAYS = 45


# the scope stage's reasons for an article whose news is results already out
_RESULTS_NEWS = ("results_reported", "results_via_shares_or_analysts")


def annotate(doc: ArticleDoc) -> ArticleDoc:
    """Add ``quarters`` for the primary company and every quote's company."""
    doc.quarters = {}
    lead = None  # the lead company's calendar (it comes first), against which a round-up's others' are compared
    for c in [*([doc.primary] if doc.primary else []), *doc.companies]:
        if c is not None and c.name not in doc.quarters:
            stated = stated_year_ends(doc, c)
            known = (c.known and c.calendar_checked) or bool(stated)
            cal = calendar_for(doc, c, stated)
            lead = cal if c is doc.primary else lead
            other = doc.primary is not None and c is not doc.primary
            own = _own_results(doc, c, cal) if other else None
            doc.quarters[c.name] = own or article_quarter(doc, cal, known)
            if other and own is None and lead is not None and lead.end_month != cal.end_month:
                # read without the periods another company's sentences number in its own calendar, a quarter this
                # company has ended wins (the lead's "fiscal third and fourth quarters" are not a forecast of this
                # company's); a period still to come does not (a round-up's shared quarter is the better guess)
                alone = article_quarter(_view_of(doc, c), cal, known)
                on = doc.article.published
                if alone is not None and on is not None and cal.quarter_end(*alone) <= on:
                    doc.quarters[c.name] = alone
    return doc


_BY_MONTHS = ("month_quarter", "month_half", "current_quarter")


def _view_of(doc: ArticleDoc, company: Company) -> ArticleDoc:
    """The doc as the quarter of a company other than the article's reads it: the periods that sentences naming
    other companies, and not this one, number in their own calendars set aside (in a round-up of two computer
    makers, the lead's "fiscal third and fourth quarters" are the lead's)."""
    if not doc.sentences:
        return doc
    kept = []
    for p in doc.periods:
        # (months, or "the quarter" with no number, name the same period in every calendar: "the three months to
        # December" is kept)
        if not p.in_title and p.kind not in _BY_MONTHS:
            sentence = doc.sentences[doc.sentence_at(p.start)]
            named = _names_in(doc, sentence.start, sentence.end)
            if named and not any(same_entity(n, company.name) for n in named):
                continue
        kept.append(p)
    return doc if len(kept) == len(doc.periods) else dataclasses.replace(doc, periods=kept)


def _own_results(doc: ArticleDoc, company: Company, cal: FiscalCalendar) -> tuple[int, int] | None:
    """In a story led by another company (a round-up), the quarter or half whose results a sentence naming this
    company, and no other, reports, ended recently by its calendar ("Quillon beat forecasts for its
    fourth-quarter results" under a lead whose news is its own first quarter or its year's outlook); None when
    no such sentence, and the article's quarter holds."""
    on = doc.article.published
    if on is None or not doc.sentences:
        return None
    for p in doc.periods:
        if p.in_title or p.kind not in ("quarter", "half") or p.compared or p.estimate or p.tense == "future":
            continue
        sentence = doc.sentences[doc.sentence_at(p.start)]
        named = _names_in(doc, sentence.start, sentence.end)
        if not named or not all(same_entity(n, company.name) for n in named):
            continue
        r = resolve(p, cal, on)
        if r is None or not 0 <= (on - cal.quarter_end(*r)).days <= FRESH_DAYS[r[1]]:
            continue
        if _results_near(doc, p) and (
            _verdict_in_sentence(doc, p) or (_reported_in_sentence(doc, p) and not _background(doc, p))
        ):
            return r
    # a sentence of the opening naming this company alone that reports its "quarterly" figures, no quarter named
    # ("Separately, Quillon reported lower quarterly revenue"): the quarter just ended by its calendar, not the
    # quarter the lead company's forecast is about
    opening = doc.lede_end(3)  # the lede and the three sentences after it
    for sentence in (s for s in doc.sentences if s.start < opening):
        m = _REPORTED_QUARTERLY.search(doc.text, sentence.start, sentence.end)
        if m is None or any(p.start < sentence.end and p.end > sentence.start for p in doc.periods):
            continue
        named = _names_in(doc, sentence.start, m.start())
        if named and all(same_entity(n, company.name) for n in named):
            fy, q = cal.latest_ended(on, min_days=REPORT_MIN_DAYS)
            return (fy, q) if (on - cal.quarter_end(fy, q)).days <= LAG_DAYS["quarter"] else None
    return None


# a company's own report of its quarterly figures (not a forecast of them: "lowered its quarterly forecasts")
_REPORTED_QUARTERLY = re.compile(
    r"\b(?:reported|posted)\s+(?:an?\s+)?(?:[\w\-]+\s+){0,3}?(?:in|of)?\s*quarterly\s+(?:net\s+)?"
    r"(?:sales|revenues?|profits?|earnings|results|income|loss(?:es)?)\b(?!\s+(?:forecasts?|targets?|estimates?))",
    re.I,
)


def stated_year_ends(doc: ArticleDoc, company: Company) -> list[int]:
    """The months the article's own evidence ends ``company``'s fiscal year in, in the text's order: evidence whose
    sentence names it first, and, for the article's company, evidence whose sentence names no company before it. A
    round-up's "Northwind, whose fiscal year ends in June" is Northwind's alone, not its lead company's."""
    primary = doc.primary.name if doc.primary is not None else None
    checked = company.known and company.calendar_checked
    ends = []
    for pos, month in doc.fiscal_years:
        if checked and not _names_a_fiscal_year(doc, pos):
            continue  # "cash needs over a year ending June 30, 2010": a window, not the checked calendar's year
        owner = _year_owner(doc, pos)
        if (owner is not None and same_entity(owner, company.name)) or (
            owner is None
            and (
                primary is None
                or same_entity(primary, company.name)
                or _THEIR_YEAR.search(doc.text, max(0, pos - 40), pos)
            )
        ):
            ends.append(month)
    return ends


# a round-up's shared calendar: "the banks reported results for their fiscal second quarter, which closed in April" is
# every company's of the article, not only its lead's
_THEIR_YEAR = re.compile(r"\btheir\s+(?:fiscal|financial)\b", re.I)
_FISCAL_WORDING = re.compile(r"\b(?:fiscal|financial|its|their|company['’]s)\b", re.I)


def _names_a_fiscal_year(doc: ArticleDoc, pos: int) -> bool:
    """The evidence at ``pos`` names the company's own year: a quarter's end ("the fourth quarter ended February
    2"), or a year's with "fiscal", "its year" or results of it ("profit for the year ended June") near it."""
    if not doc.sentences or not doc.text.startswith(("year", "Year"), pos):
        return True
    start = max(doc.sentences[doc.sentence_at(pos)].start, pos - 60)
    window = doc.text[start : pos + 40]
    return bool(_FISCAL_WORDING.search(window) or _RESULTS_NOUN.search(window))


def _year_owner(doc: ArticleDoc, pos: int) -> str | None:
    """Whose fiscal year the evidence at ``pos`` states: the first company its sentence names before it, the
    sentence's subject ("Quillon, a smaller Northwind competitor, lost money in its fourth quarter, which ended in
    September"; "Northwind, a lender to Quillon, said the fiscal first quarter it closed in ..."); None when it
    names none before it (then "its" is the article's company's)."""
    if not doc.sentences:
        return None
    sentence = doc.sentences[doc.sentence_at(pos)]
    first = min(_companies_named(doc, sentence.start, pos), key=lambda o: o.start, default=None)
    return None if first is None else _company_name(first, doc.article.published)


def _companies_named(doc: ArticleDoc, start: int, end: int) -> list[OrgMention]:
    """The company mentions of the text between ``start`` and ``end`` (not the headline's)."""
    return [o for o in doc.orgs if o.kind == OrgKind.COMPANY and not o.in_title and start <= o.start < end]


def _names_in(doc: ArticleDoc, start: int, end: int) -> set[str]:
    """The names of the companies the text between ``start`` and ``end`` names."""
    return {_company_name(o, doc.article.published) for o in _companies_named(doc, start, end)}


def _company_name(o: OrgMention, on: dt.date | None) -> str:
    """A company mention's name as the company stage names it: the registry's on the article's day ("General
    Electric" in 2007, not the name it took later), else the one the text gave."""
    return o.company.name_on(on) if o.company is not None else o.name


def _registry_calendar(company: Company, on: dt.date | None) -> FiscalCalendar:
    """The registry's calendar for an article of ``on``: the one in force just after the latest quarter that ended
    two weeks before it (step 3's default) closed. A report of the last quarter under an old calendar, published
    after a change, is named by the old one (a quarter ended May 2 under January years, reported May 21, the day
    after a move to April years); a quarter that closes a transition period (a calendar in force "until" December
    31) is the new calendar's."""
    cal = company.calendar_on(on)
    if on is None or not company.calendars:
        return cal
    ended = cal.quarter_end(*cal.latest_ended(on))
    return company.calendar_on(ended + dt.timedelta(days=1))


# a fiscal year's name beside the date it ends: "fiscal 2023 runs from April 1, 2023 to March 31, 2024", "fiscal
# 2023, ending 31 March 2024", "the year ending March 2024 (fiscal 2023)": whether the company names a year by the
# calendar year it starts or ends in
_YEAR_NAMED = re.compile(
    rf"\bfiscal\s+(?:year\s+)?(?P<fy>(?:19|20)\d\d)\b(?:(?!months|quarter|half|weeks|period)[^.;()]){{0,60}}?\b(?:to|ending|ended|ends|through|until)\s+"
    rf"(?:\d{{1,2}}\s+)?{MONTH_NAME}\.?\s+(?:\d{{1,2}},?\s+)?(?P<end>(?:19|20)\d\d)\b"
    rf"|\byear\s+(?:ending|ended|to)\s+(?:\d{{1,2}}\s+)?{MONTH_NAME}\.?\s+(?:\d{{1,2}},?\s+)?(?P<end2>(?:19|20)\d\d)\s*"
    r"\(\s*(?:fiscal\s+(?:year\s+)?|FY\s?)(?P<fy2>(?:19|20)\d\d)\s*\)",
    re.I,
)


def _stated_naming(doc: ArticleDoc) -> str | None:
    """How the article says the company names its fiscal years: "start", "end", or None when it does not."""
    return _naming_in(doc.text)


@lru_cache(maxsize=32)
def _naming_in(text: str) -> str | None:
    """(Cached: every company of the article whose calendar nobody checked asks of the same text, and each asks
    again for its view of the article.)"""
    for m in _YEAR_NAMED.finditer(text):
        lag = int(m.group("end") or m.group("end2")) - int(m.group("fy") or m.group("fy2"))
        if lag in (0, 1):
            return "end" if lag == 0 else "start"
    return None


def calendar_for(doc: ArticleDoc, company: Company, stated: list[int] | None = None) -> FiscalCalendar:
    """The article's own evidence for the company first (``stated``, from :func:`stated_year_ends` when not
    given), then the registry's calendar; for a company whose calendar nobody checked, the naming the article
    states ("fiscal 2023 runs from April 1, 2023 to March 31, 2024")."""
    cal = _calendar_for(doc, company, stated)
    if company.known and company.calendar_checked:
        return cal
    naming = _stated_naming(doc)
    return dataclasses.replace(cal, naming=naming) if naming and naming != cal.naming else cal


def _calendar_for(doc: ArticleDoc, company: Company, stated: list[int] | None = None) -> FiscalCalendar:
    """The calendar's year end: the article's evidence for the company first, then the registry's calendar (a checked
    one as it is; an unchecked one mended by what the article's periods imply)."""
    stated = stated_year_ends(doc, company) if stated is None else stated
    if stated:
        base = _registry_calendar(company, doc.article.published) if company.known else FiscalCalendar.default()
        checked = company.known and company.calendar_checked
        if base.end_month == stated[0]:
            return base
        if checked and (base.end_month - stated[0]) % 12 in (1, 11):
            return base  # "the year ended March 3" of a year the registry ends in February: a 52/53-week year
        if checked and base.end_month in stated:
            return base  # the first evidence disagrees with the registry, later evidence agrees
        return _named_by_day(doc, FiscalCalendar.default(stated[0]))
    cal = _registry_calendar(company, doc.article.published)
    if company.known and company.calendar_checked:
        return cal
    implied = (
        _span_year_end(doc)
        or _implied_year_end(doc, cal)
        or (_venue_year_end(company) if not company.known or cal.end_month == 12 else None)
    )
    # (the registry's calendar when it ends the year in that month too: its naming, "fiscal 2008" for the year
    # to March 2009, is the company's)
    return _named_by_day(doc, FiscalCalendar.default(implied)) if implied and implied != cal.end_month else cal


def _named_by_day(doc: ArticleDoc, cal: FiscalCalendar) -> FiscalCalendar:
    """A default calendar ending in February, named by the day the printed quarter end puts the year's end on:
    the guide names a year ending in early February by the year before, one ending later by its own ("the
    fiscal third quarter, which ended November 24": the year ends near February 23, so that quarter is the year
    ending February's)."""
    if cal.end_month != 2 or cal.naming != "start":
        return cal
    for p in doc.periods:
        if p.kind != "quarter" or not p.number or p.in_title:
            continue
        printed_on = _printed_end(doc, p)
        if printed_on is None:
            continue
        month, day = printed_on
        year = 2001 if month >= 3 else 2002  # (a non-leap pair: only the day and month of the year's end count)
        if not 1 <= day <= _calendar.monthrange(year, month)[1]:
            continue
        end = dt.date(year, month, day) + dt.timedelta(weeks=13 * (4 - p.number))
        if not dt.date(2002, 1, 20) <= end <= dt.date(2002, 3, 10):
            continue  # (not a quarter of a year ending near February)
        return FiscalCalendar(2, "end") if end > dt.date(2002, 2, 7) else cal
    return cal


# Where most listed companies end their fiscal year, by the exchange suffix of their code: Tokyo and Osaka, India's
# exchanges in March; Australia's in June. Only a default, for a company the registry does not know (or gives only
# the December default, unchecked) and an article that does not state it (a Tokyo company's "July-September
# quarter" is its second).
_VENUE_YEAR_END = {"T": 3, "OS": 3, "NS": 3, "BO": 3, "AX": 6}


def _venue_year_end(company: Company) -> int | None:
    """The usual fiscal year end of the company's home exchange, by its code's suffix (``6674.T``: March; a US
    symbol has none)."""
    _, dot, suffix = (company.ticker or "").rpartition(".")
    return _VENUE_YEAR_END.get(suffix) if dot else None


_SPAN_MONTHS = ("nine", "month_half", "month_quarter")


def _opening_end(doc: ArticleDoc) -> int:
    """Where the first paragraph (the lede's) ends."""
    return max(doc.lede_paragraph[1], doc.paragraphs[0][1] if doc.paragraphs else 0)


def _span_year_end(doc: ArticleDoc) -> int | None:
    """The year end the article's spans of named months imply, for a calendar nobody checked: "the nine months to
    December" (a fiscal year's first nine months) ends it in March; "the six months to December" in an article
    whose half is its first, in June; "the three months to the end of December" when the opening reports its
    third quarter, in March. Spans a forecast or comparison names, and spans not yet ended, say nothing."""
    on = doc.article.published
    if on is None:
        return None
    opening_end = _opening_end(doc)
    numbers = {
        p.number
        for p in doc.periods
        if p.kind == "quarter"
        and p.number
        and p.year is None
        and not (p.compared or p.estimate)
        and (p.in_title or p.start < opening_end)
        and _reported_quarter(doc, p)
    }
    halves = {p.number for p in doc.periods if p.kind == "half" and not p.compared}
    for p in doc.periods:
        if p.month is None or p.compared or p.estimate or p.tense == "future" or p.kind not in _SPAN_MONTHS:
            continue
        if p.kind == "month_half" and not (p.in_title or p.start < max(opening_end, doc.lede_end(2))):
            continue  # (a half the body names may be another company's: another brewer's "six months to September")
        year = p.year if p.year is not None else (on.year if p.month < on.month else on.year - 1)
        ended = dt.date(year, p.month, _calendar.monthrange(year, p.month)[1])
        if not dt.timedelta(0) < on - ended <= dt.timedelta(days=RECENT_OTHER):
            continue  # not the period just reported
        end = None
        if p.kind == "nine":
            end = (p.month + 2) % 12 + 1
        elif p.kind == "month_half" and halves == {1}:
            end = (p.month + 5) % 12 + 1
        elif p.kind == "month_quarter" and len(numbers) == 1:
            (n,) = numbers
            end = (p.month + 3 * (4 - n) - 1) % 12 + 1
        if end is not None:
            # (a year ending in January or February is named by its start or its end year by the day it ends,
            # which a span of months does not tell)
            return end if end not in (1, 2) else None
    return None


# "fourth-quarter net income rose 17 percent": a quarter's results, reported
# how a result moved (both patterns below)
_MOVED = r"rose|fell|jumped|climbed|dropped|declined|increased|decreased|slipped|surged|plunged"
_RESULT_AFTER = r"[\s\-]*(?:net\s+|operating\s+)?(?:income|profit|earnings|loss|revenue|sales)\b[^.;]{0,40}?"
_RESULTS_MOVED = re.compile(rf"{_RESULT_AFTER}\b(?:{_MOVED}|was|were|totaled|totalled)\b", re.I)
# ... and only a move, not a level ("third-quarter sales fell 8 percent", not "... were $3 billion")
_MOVED_AFTER = re.compile(rf"{_RESULT_AFTER}\b(?:{_MOVED})\b", re.I)


# "comparable sales dropped in the second quarter": a quarter's results, reported before the period is named
_MOVED_IN = re.compile(
    rf"\b(?:income|profit|earnings|loss|revenue|sales)\s+(?:{_MOVED})\b[^.;]{{0,30}}?\b(?:in|for)\s+(?:the|its)\s+"
    r"(?:fiscal\s+)?$",
    re.I,
)


def _moved(doc: ArticleDoc, p: Period) -> bool:
    """The period's results moved ("third-quarter sales fell 8 percent"), not merely stated ("... were $3
    billion")."""
    src, start = _sentence_of(doc, p)
    return bool(_MOVED_AFTER.match(src, p.end) or _MOVED_IN.search(src[max(start, p.start - 80) : p.start]))


def _results_moved(doc: ArticleDoc, p: Period) -> bool:
    """The quarter's sentence reports its results: a reporting verb, or a result that moved ("fourth-quarter net
    income rose", "sales fell in the second quarter")."""
    src, start = _sentence_of(doc, p)
    return bool(
        _reported_in_sentence(doc, p)
        or _RESULTS_MOVED.match(src, p.end)
        or _MOVED_IN.search(src[max(start, p.start - 80) : p.start])
    )


# "the fiscal third quarter ended May 14": the day a quarter ended, as printed
_ENDED_ON = re.compile(rf"\s*,?\s*(?:which\s+|that\s+)?ended\s+(?:on\s+)?(?P<mon>{MONTH_NAME})\s+(?P<day>\d{{1,2}})\b")


def _printed_end(doc: ArticleDoc, p: Period) -> tuple[int, int] | None:
    """(month, day) of the end the article prints right after a quarter mention ("..., which ended November 24")."""
    m = _ENDED_ON.match(doc.title if p.in_title else doc.text, p.end)
    month = month_number(m.group("mon")) if m else None
    return (month, int(m.group("day"))) if m and month is not None else None


def _ended_as_printed(doc: ArticleDoc, p: Period, calendar_end: dt.date) -> bool:
    """The article prints the day the quarter ended, on or before publication and in the weeks before the day the
    calendar ends it: a 52/53-week quarter ("ended May 11") that the registry's calendar, which ends quarters at
    month ends, has not closed yet (not a year-old "fourth quarter ended March 31")."""
    on = doc.article.published
    printed_on = _printed_end(doc, p)
    if on is None or printed_on is None or p.kind not in ("quarter", "month_quarter"):
        return False
    month, day = printed_on
    if not 1 <= day <= _calendar.monthrange(calendar_end.year, month)[1]:
        return False
    printed = dt.date(calendar_end.year, month, day)
    return printed <= on and 0 <= (calendar_end - printed).days <= 31


def _reported_quarter(doc: ArticleDoc, p: Period) -> bool:
    """The numbered quarter's sentence reports its results ("posted a third-quarter net loss", "Q3 beats")."""
    src, start = _sentence_of(doc, p)
    return (_results_moved(doc, p) or _verdict_in_sentence(doc, p)) and not _FORECAST_VERB.search(src, start, p.start)


def _implied_year_end(doc: ArticleDoc, cal: FiscalCalendar) -> int | None:
    """For a calendar nobody checked: the year end a numbered quarter implies when the headline or first
    paragraph reports its results before it can have ended ("fourth-quarter net income rose" on Dec. 21: the
    quarter ended in November, so the year ends in November)."""
    on = doc.article.published
    if on is None:
        return None
    first = None  # the first numbered quarter the article names; a later mention of it may report its results
    for p in doc.periods:
        if p.kind != "quarter" or not p.number or p.year is not None or first not in (None, p.number):
            continue
        first = p.number
        src, start = _sentence_of(doc, p)
        if p.compared or p.estimate or _background(doc, p) or _FORECAST_VERB.search(src, start, p.start):
            return None
        if not _results_moved(doc, p):
            continue  # "a second-quarter outlook", "the first quarter held a benefit": not its results;
            # a later sentence may report them ("In its first quarter it lost $8 million")
        fy, q = cal.quarter_of_month(on.year, on.month)
        if q == p.number:
            month = (on.month - 2) % 12 + 1  # the quarter ended at the end of last month
            return (month + 3 * (4 - p.number) - 1) % 12 + 1
        latest = max(e for y in (fy - 1, fy) if (e := cal.quarter_end(y, p.number)) <= on)
        if (on - latest).days <= LAG_DAYS["half"]:
            return None  # the quarter named ended recently under this calendar: no contradiction to mend
        # "fiscal fourth quarter" reported in May, "second quarter" in January: the quarter ended at the last month
        # end at least REPORT_MIN_DAYS before (results take that long; a retailer's month ends early: "Oct. 30")
        last = dt.date(on.year, on.month, 1) - dt.timedelta(days=1)
        if (on - last).days < REPORT_MIN_DAYS:
            last = dt.date(last.year, last.month, 1) - dt.timedelta(days=1)
        return (last.month + 3 * (4 - p.number) - 1) % 12 + 1
    return None


def resolve(p: Period, cal: FiscalCalendar, on: dt.date | None) -> tuple[int, int] | None:
    """The (fiscal year, quarter) a period mention names under ``cal``; None when its year cannot be known."""
    if p.kind == "current_quarter":  # the latest quarter whose results can be out
        if on is None:
            return None
        fy, q = cal.latest_ended(on, min_days=0)
        return (fy, q) if (on - cal.quarter_end(fy, q)).days <= LAG_DAYS["half"] else None
    if p.kind == "horizon":  # "through 1989", said in 1987: a forecast from this year on, named by its first year
        if on is None or (p.year is not None and p.year <= on.year):
            return None
        fy, _ = cal.quarter_of_month(on.year, on.month)
        if (cal.quarter_end(fy, 4) - on).days <= HORIZON_NEXT_DAYS:
            fy += 1  # a plan laid out in its year's last weeks starts with the next one ("through 2009", in December)
        return fy, 4
    if p.kind == "quarter":
        q = p.number or 0
    elif p.kind == "half":
        q = 2 if p.number == 1 else 4
    elif p.kind in ("month_quarter", "month_half", "nine"):
        fy, q = _month_quarter(cal, p.month, p.year, on, p.tense)
        return (fy, q) if fy else None
    elif p.kind == "relative":
        if on is None:
            return None
        fy, q = cal.quarter_of_month(on.year, on.month)
        if "quarter" in (p.unit or ""):
            step = 1 if p.which in ("next", "the coming") else 0
            q += step
            if q > 4:
                fy, q = fy + 1, q - 4
            return fy, q
        if p.which == "the new":
            # the year just begun, or the one about to begin, whichever is nearer: "its new fiscal year" in
            # October, the first month of a September year-end company's year, is the year that has just started
            return fy + (0 if q == 1 else 1), 4
        if p.which == "the coming" and (on - cal.quarter_end(fy - 1, 4)).days <= COMING_YEAR_BEGUN_DAYS:
            return fy, 4  # "the coming year" in a year's first weeks is the year just begun ("upbeat on 2008", January)
        return fy + (1 if p.which in ("next", "the coming") and "fiscal" not in (p.which or "") else 0), 4
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


_WARN_THAT = r"warn(?:s|ed|ing)?\s+(?:on\s+\w+\s+)?that"
# a company's forecast (verbs; "a forecast" or "analysts' estimates" are nouns, not the sentence's forecast)
_FORECAST_VERB = re.compile(
    r"\b(?<!than[\s\-])(?<!as[\s\-])(?:expects?|expected|expecting|sees|predicts?|projects?|anticipates?|will|would|should|could|might|aims?\s+(?:to|for)|"
    rf"{_WARN_THAT}|"  # "warned that its fourth-quarter sales would fall short"
    # a headline's "Northwind seen posting quarterly loss": analysts expect it
    r"seen\s+(?:to\s+)?(?:post(?:ing)?|report(?:ing)?|book(?:ing)?|swing(?:ing)?|return(?:ing)?)|"
    r"looks\s+for|(?<!\ba\s)(?<!\bthe\s)(?<!\bits\s)(?<!['’]\s)forecast(?:s|ing)?)\b",
    re.I,
)
_REPORT_VERB = re.compile(
    r"\b(?:reported|reports|reporting|posted|posts|posting|earned|earns|lost|loses|booked|swung|turned\s+in|"
    r"came\s+in|had\s+(?:a\s+)?(?:net|profit|loss))\b",
    re.I,
)


# a clause's character: no full stop but an abbreviation's ("the No. 2 U.S. sock maker"), which ends no sentence
_IN_CLAUSE = r"(?:[^.;]|(?<=\b[A-Z])\.|(?<=\bNo)\.|(?<=\bCo)\.|(?<=\bInc)\.|(?<=\bCorp)\.)"
_EARLIER_REPORT = re.compile(
    rf"\b(?:last\s+(?:week|month)|earlier\s+this\s+(?:month|year)|previously|(?:weeks?|months?)\s+ago)\b{_IN_CLAUSE}{{0,60}}?"
    rf"\b(?:reported|posted|said|announced|(?:pre-?)?released)\b|\b(?:reported|posted|announced|expressed|predicted|forecast|warned)\b"
    rf"{_IN_CLAUSE}{{0,70}}?\b(?:last\s+(?:week|month)|"
    r"(?:weeks?|months?)\s+ago|previously)\b|\b(?:days|weeks?|a\s+month|months)\s+after\b"
    rf"{_IN_CLAUSE}{{0,60}}?\b(?:reported|posted|missed|beat|topped|announced|results|profits?|earnings|loss)\b"
    # ("Quillon said last month that the quarter's profit fell": said then, not today)
    r"|\bsaid\s+(?:last\s+(?:week|month)|earlier\s+this\s+month|(?:two|three|four|five|six|several|a\s+few)\s+weeks\s+ago)\b",
    re.I,
)


def _sentence_of(doc: ArticleDoc, p: Period) -> tuple[str, int]:
    """The text a period mention is in (the headline or the body) and where its sentence starts."""
    if p.in_title:
        return doc.title, 0
    return doc.text, (doc.sentences[doc.sentence_at(p.start)].start if doc.sentences else 0)


def _sentence_end(doc: ArticleDoc, p: Period) -> int:
    if p.in_title:
        return len(doc.title)
    return doc.sentences[doc.sentence_at(p.start)].end if doc.sentences else len(doc.text)


def _sentence_span(doc: ArticleDoc, p: Period) -> tuple[str, int, int]:
    """The text a period mention is in, and where its sentence starts and ends."""
    src, start = _sentence_of(doc, p)
    return src, start, _sentence_end(doc, p)


# "That compares with net income of ... a year earlier": the whole sentence is the comparison's base
_COMPARES_SENTENCE = re.compile(r"\s*(?:that|this|it|which)\s+(?:compares|compared)\s+(?:with|to)\b", re.I)
# the article's news is results about to come out: "is expected to report sharply higher profit on Wednesday"
_DUE_TO_REPORT = re.compile(
    r"\b(?:expected|due|set|scheduled|slated|poised)\s+to\s+(?:report|post|announce|release)\b|\bwill\s+(?:report|post|announce)\s+"
    r"(?:its\s+)?(?:\w+\s+)?(?:results|earnings)\b|\bahead\s+of\s+(?:its\s+)?(?:\w+\s+)?(?:results|earnings)\b",
    re.I,
)


# "In the most recent fourth quarter, Quillon earned ...": results recalled beside the forecast, not the day's
_MOST_RECENT = re.compile(r"\b(?:most\s+recent|previous|prior)\s+(?:fiscal\s+)?$", re.I)
_QUARTERLY = ("quarter", "half", "month_quarter", "month_half", "current_quarter", "nine")
_REPORTS_SOON = re.compile(
    r"\b(?:reports?|posts?|announces?|releases?)\s+(?:its\s+|their\s+)?(?:[\w\-]+\s+){0,2}?(?:results|earnings)\s+"
    r"(?:(?:later\s+)?(?:this|next)\s+week|later\s+(?:on\s+)?(?:today|\w+day)|after\s+the\s+(?:bell|close))\b",
    re.I,
)


_MEETING = re.compile(
    r"\b(?:said|says|told|tells|speaking|spoke|comments|remarks|presentation)\b[^.;\"“”]{0,60}?"
    r"\b(?:at|during)\s+(?:a|an|its|the|their)\s+(?:[\w\-'’]+\s+){0,3}?(?:(?:investors?|analysts?|(?:share|stock)holders?)['’]?\s+"
    r"(?:day|meeting|conference(?!\s+call)|gathering|briefing)|(?:meeting|conference|briefing|gathering)\s+(?:with|for)\s+"
    r"(?:investors|analysts|(?:share|stock)holders)|annual\s+(?:general\s+)?meeting)\b"
    # "talking to analysts and fund managers during a two-day event on its campus"
    r"|\b(?:speaking|spoke|talking|talked)\s+to\s+(?:analysts|investors)\b[^.;\"“”]{0,50}?\b(?:at|during)\s+"
    r"(?:a|an|its|the)\s+(?:[\w\-'’]+\s+){0,2}?(?:event|meeting|gathering|briefing)\b"
    # "managers used most of the day's gathering with investors to ...", "held a briefing for analysts": the
    # meeting the article tells, with no verb of speech before it
    r"|\b(?:at|during|(?<!ahead\s)(?<!advance\s)of|held|hosted|hosting)\s+(?:a|an|its|the|their)\s+(?:[\w\-'’]+\s+){0,3}?"
    r"(?:meeting|conference(?!\s+call)|briefing|gathering)\s+(?:with|for)\s+(?:investors|analysts|(?:share|stock)holders)\b",
    re.I,
)
# ... the meeting of the day, not one to come or gone ("will lay out the plan at a November investor day",
# "at its analyst gathering next month")
_MONTH_NAME = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_OTHER_MEETING = re.compile(rf"\b(?:will|would|plans?\s+to|to\s+hold|next|later|last|earlier|{_MONTH_NAME})\b", re.I)
_DATED = re.compile(rf"\s*(?:in|on)\s+(?:\w+\s+)?{_MONTH_NAME}\b")  # "... meeting on February 24"


def _at_meeting(doc: ArticleDoc) -> bool:
    """The article reports what was said at an investor, analyst or shareholder meeting ("comments during an investor
    meeting at its headquarters", "spoke at a yearly briefing for investors"), not on a results day's call."""
    for m in _MEETING.finditer(doc.text):
        after = doc.text[m.end() : m.end() + 25]
        if not (_OTHER_MEETING.search(m.group(0)) or _OTHER_MEETING.match(after.lstrip(" ,")) or _DATED.match(after)):
            return True
    return False


def _due_to_report(doc: ArticleDoc, p: Period) -> bool:
    """The period's sentence has its results still to come before naming it ("Quillon is due to report
    second-quarter figures next week")."""
    return _report_due(doc, p)[0] is not None


def _report_due(doc: ArticleDoc, p: Period) -> tuple[re.Match[str] | None, str]:
    """The words saying the period's results are still to come, before it in its sentence, and the sentence's
    words before them (its subject)."""
    src, start = _sentence_of(doc, p)
    m = _DUE_TO_REPORT.search(src, start, p.start)
    return m, src[start : m.start()] if m else ""


def _own_report_due(doc: ArticleDoc, p: Period) -> bool:
    """The period's sentence says the article's own company is still to report it ("The company will report final
    results for the fourth quarter on January 22"), not a rival ("Rival Quillon is due to report ...")."""
    m, subject = _report_due(doc, p)
    if m is None or doc.primary is None:
        return False
    own = re.escape(doc.primary.name.split()[0])
    if re.search(r"\b(?:had|was|were)\b", subject):
        return False  # ("Quillon had been expected to post ...": what analysts looked for, now reported)
    return re.fullmatch(rf"\s*(?:The\s+company|It|{own}\b[^,;]{{0,40}}?)\s+(?:is\s+)?", subject) is not None


def _about_to_report(doc: ArticleDoc) -> bool:
    """The first sentence has results about to come out ("is expected to post ... this week", "as Intel and other
    chipmakers report earnings this week", "after Quillon reports earnings later on Tuesday")."""
    a, b = doc.lede
    return bool(_DUE_TO_REPORT.search(doc.text, a, b) or _REPORTS_SOON.search(doc.text, a, b))


# a sentence that opens on the month its news came out: "In February, Quillney reported a ... decline"
_DATED = re.compile(
    rf"\s*(?:(?:Back|Earlier|Also)\s+)?(?:in|on|last)\s+(?P<mon>{MONTH_NAME})(?:\s+\d{{1,2}})?,?\s", re.I
)


# a relative clause on the sentence's subject that recalls its results, the period inside it
_WHICH_REPORTED = re.compile(
    r"\s*[^,;]{2,80},\s+which\s+(?:\w+\s+){0,2}?(?:posted|reported|recorded|earned|made|had|lost)\b[^,;]*$"
)


# a date whose "when" clause holds a period that names no year: "in May 2001, when a ... quarterly loss"
_PAST_ERA = re.compile(
    rf"\b(?:in|of|since)\s+(?:{MONTH_NAME}\s+)?(?P<year>(?:19|20)\d\d)\s*,?\s+when\b[^.;\"“”]*$", re.I
)


# results announced on a day printed after the period ("the first to announce April-September results, on October
# 28"): that day's report, background when it is days before the article's
_ANNOUNCED_ON = re.compile(
    r"\b(?:announced?|announcing|reported|released|posted|unveiled)\b[^.;\"“”]{0,80}?,?\s+on\s+"
    rf"(?P<mon>{MONTH_NAME})\s+(?P<day>\d{{1,2}})\b(?!\s*(?:-|to|through)\b)",
    re.I,
)


_RESULTS_WORD = re.compile(r"\bresults\b", re.I)


def _announced_days_before(doc: ArticleDoc, p: Period, src: str, start: int, end: int) -> bool:
    """The period's sentence dates its report to a day at least three days before the article's (unless the
    headline is about results: "bullish after record results" over a quarter whose figures came out early)."""
    on = doc.article.published
    if on is None or _RESULTS_WORD.search(doc.title):
        return False
    for m in _ANNOUNCED_ON.finditer(src, start, end):
        mon = month_number(m.group("mon"))
        if mon is None or not (m.start() < p.start < m.start("mon")):
            continue
        try:
            day = dt.date(on.year if mon <= on.month else on.year - 1, mon, int(m.group("day")))
        except ValueError:
            continue
        if (on - day).days >= 3:
            return True
    return False


# reports still to come: "braced for quarterly earnings reports from peers next week", "Canon, which reports
# quarterly results on Monday"
_COMING_REPORTS = re.compile(
    r"\breports?\b[^.;\"“”]{0,60}?\b(?:next\s+week|later\s+this\s+week|next\s+month|in\s+the\s+coming\s+(?:days|weeks))\b"
    r"|\bwhich\s+(?:will\s+)?reports?\b[^.;\"“”]{0,40}?\bon\s+(?:Mon|Tues|Wednes|Thurs|Fri)day\b",
    re.I,
)


def _background(doc: ArticleDoc, p: Period) -> bool:
    """A period named after the forecast its sentence makes ("expects earnings in 1987 to rise from the 2.52 dlrs
    a share recorded in 1986"), with no report of results between: the base of the forecast, not news."""
    src, start, end = _sentence_span(doc, p)
    if _EARLIER_REPORT.search(src, start, end) or _COMPARES_SENTENCE.match(src, start):
        return True  # results "reported last week" are background (the guide's step 1), and so is a comparison's base
    if _details_an_earlier_report(doc, p) or _announced_days_before(doc, p, src, start, end):
        return True
    if p.kind == "current_quarter" and _COMING_REPORTS.search(src, start, end):
        return True  # an unnamed quarter whose reports are still to come (a peer's, or a preview's)
    if p.kind == "year" and _WHICH_REPORTED.match(src, start, p.start):
        return True  # "Northwind, which posted a loss in 2008, said ...": the subject's record, not the news
    on = doc.article.published
    era = _PAST_ERA.search(src, max(start, p.start - 80), p.start)
    if era and p.year is None and on is not None and int(era.group("year")) <= on.year - 2:
        return True  # "a slump in May 2001, when a deep quarterly loss at Quillon ...": a quarter of years ago
    dated = _DATED.match(src, start)
    if dated and on is not None and month_number(dated.group("mon")) != on.month:
        return True  # "In February, Quillney reported ..." in a March story: an earlier report
    if _reported_another_day(doc, src, start, end):
        return True  # "On Tuesday, Northwind reported ..." in a story whose lede dates its news to Wednesday
    f = _FORECAST_VERB.search(src, start, p.start)
    if f is None:
        return False
    # (a clause of its own after the forecast that judges the period's results reports them: "sees margins
    # recovering by December, after it topped forecasts with a smaller second-quarter loss")
    clause = _CLAUSE_AFTER.search(src, f.end(), p.start)
    if clause is not None and _VERDICT.search(src, clause.end(), p.start):
        return False
    return _REPORT_VERB.search(src, f.end(), p.start) is None and not _results_behind(src, end, p, f.end())


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# a lede whose own news is a forecast given on a weekday: "lifted its forecast for the year on Wednesday", "on
# Monday reaffirmed its outlook" (not a share move the day after results: "the stock sank on Friday after the
# results' weak outlook", whose news is the results' reception)
_FORECAST_ACT = (
    r"(?:raised|raises|lifted|lifts|cut|cuts|lowered|lowers|trimmed|affirmed|affirms|reaffirmed|reaffirms|"
    r"reiterated|reiterates|stood\s+by|stands\s+by|boosted|boosts|upped|ups)\s+(?:its\s+|the\s+)?"
    r"(?:[\w'’\-]+\s+){0,4}?(?:forecasts?|outlook|guidance|targets?|goals?|estimates?)\b"
)
_FORECAST_ON_WEEKDAY = re.compile(
    rf"{_FORECAST_ACT}[^.;\"“”]{{0,80}}?\bon\s+(?P<day>{_WEEKDAY})\b|\bon\s+(?P<day2>{_WEEKDAY}),?\s+{_FORECAST_ACT}"
)
# a sentence that dates a report of results to a weekday: "On Tuesday, Northwind reported ...", "Northwind, which
# posted its results on Tuesday, ..."
_REPORTED_ON_WEEKDAY = re.compile(
    rf"^\s*On\s+(?P<day>{_WEEKDAY}),?\s+(?:[^.;\"“”]{{0,60}}?)\b(?:reported|posted|announced|released)\b"
    rf"|\b(?:reported|posted|announced|released)\b[^.;\"“”]{{0,60}}?\bon\s+(?P<day2>{_WEEKDAY})\b"
)


def _reported_another_day(doc: ArticleDoc, src: str, start: int, end: int) -> bool:
    """The sentence dates a report to a weekday other than the one the lede dates its forecast to (results "On
    Tuesday" in a story whose news is a forecast lifted "on Wednesday"): the day before's results, background.
    Read only against the lede's own weekday, never the publication date's (a wire dates an evening's news by
    the next day in UTC)."""
    m = _REPORTED_ON_WEEKDAY.search(src[start:end])
    if m is None:
        return False
    a, b = doc.lede
    news = _FORECAST_ON_WEEKDAY.search(doc.text, a, b)
    if news is None or a <= start < b:
        return False
    return (m.group("day") or m.group("day2")) != (news.group("day") or news.group("day2"))


def _details_an_earlier_report(doc: ArticleDoc, p: Period) -> bool:
    """The sentence before names the same period as reported earlier ("A month ago Northwind released its
    third-quarter sales. Sales in the third quarter climbed 9 percent ..."): the details are of that report, not news."""
    if p.in_title or p.number is None or not doc.sentences:
        return False
    i = doc.sentence_at(p.start)
    if i == 0:
        return False
    before = doc.sentences[i - 1]
    return any(
        o.kind == p.kind
        and o.number == p.number
        and o.year == p.year
        and not o.in_title
        and before.start <= o.start < before.end
        for o in doc.periods
    ) and bool(_EARLIER_REPORT.search(doc.text, before.start, before.end))


# "lifted its 2010 outlook after third-quarter sales climbed": the results behind a forecast are news
_AFTER = re.compile(r"\b(?:after|following)\b", re.I)
_PAST_MOVE = re.compile(
    r"\b(?:rose|fell|climbed|jumped|increased|decreased|declined|dropped|slipped|slid|surged|soared|grew|shrank|"
    r"beat|topped|missed|exceeded|doubled|tripled|tumbled|plunged|rebounded)\b",
    re.I,
)


def _results_behind(src: str, end: int, p: Period, after_forecast: int) -> bool:
    """A forecast made "after" the period's results moved: "lifted its 2010 forecast after third-quarter sales
    climbed" reports the quarter (the day's results), unlike "expects 1987 net to rise from 2.52 dlrs in 1986".
    ``src`` and ``end``: the text the period is in and where its sentence ends."""
    cues = list(_AFTER.finditer(src, after_forecast, p.start))
    cue = cues[-1] if cues else None
    if cue is None or _FORECAST_VERB.search(src, cue.end(), p.start) or p.start - cue.end() > 30:
        return False
    clause_end = min(end, p.end + 90, *(i for c in ",;" if (i := src.find(c, p.end, end)) >= 0))
    return bool(_RESULTS_NOUN.search(src, p.end, clause_end) and _PAST_MOVE.search(src, p.end, clause_end))


_RESULTS_NOUN = re.compile(
    r"\b(?:profits?|earnings|net|income|loss(?:es)?|revenues?|sales|results|reports?|margins?|EPS|turnover|"
    r"gains?|charges?|write[\s\-]?downs?|earned)\b",
    re.I,
)


# the wire's "earlier" for the same day: "General Mining earlier reported that 1986 per share earnings rose"
_EARLIER_TODAY = re.compile(
    r"\bearlier\s+(?:today\s+|on\s+\w+day\s+)?(?:reported|posted|announced)\b|"
    r"\b(?:reported|posted|announced)\b[^.;]{0,60}?\bearlier\s+(?:today|on\s+\w+day)\b",
    re.I,
)


_JUST_ENDED = re.compile(r"\bjust\s+(?:ended|closed|finished)\b", re.I)


def _reported_earlier_today(doc: ArticleDoc, p: Period) -> bool:
    """The period's sentence reports its results as given earlier the same day, with a results word."""
    src, start, end = _sentence_span(doc, p)
    return _EARLIER_TODAY.search(src, start, end) is not None and _RESULTS_NOUN.search(src, start, end) is not None


def _results_near(doc: ArticleDoc, p: Period) -> bool:
    """Results are what the period's sentence says of it ("fourth-quarter profit rose", "net profit was ... in
    2009"), not a market share or a shipment count ("market share fell to 61 percent in the fourth quarter")."""
    src, start, end = _sentence_span(doc, p)
    return _RESULTS_NOUN.search(src, start, end) is not None


_PROJECTION = re.compile(r"\b(?:projections?|estimates?|forecasts?|outlook|guidance|targets?)\b", re.I)


def _projection_near(doc: ArticleDoc, p: Period) -> bool:
    """The period's sentence speaks of a projection (an outlook, a target, guidance)."""
    src, start = _sentence_of(doc, p)
    return _PROJECTION.search(src, start, _sentence_end(doc, p)) is not None


# a warning, a forecast or a trading update in the headline: news of the quarter running
# (or a month's figures: "Sandy dented October revenue")
_WARNING = re.compile(
    r"\b(?:warn\w*|outlooks?|forecasts?|guidance|views?|slash\w*|trading\s+(?:update|statement)|to\s+(?:write|cut)|"
    r"write[\s\-]?downs?|may|could|might|would|will|potential|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def _warning_opening(doc: ArticleDoc) -> bool:
    """The headline warns, forecasts, updates on trading or gives a month's figures (a results day's first sentence
    often cites guidance too: only the headline tells)."""
    return bool(_WARNING.search(doc.title))


_TILL = re.compile(r"(?:through|thru|until)\b", re.I)


def _in_opening(doc: ArticleDoc, p: Period) -> bool:
    """The period is named in the headline or the first paragraph."""
    return p.in_title or p.start < _opening_end(doc)


# A mid-quarter update ("demand so far in the third quarter is running ahead of plan"): the running quarter
# is the one it previews, whatever noun goes with it.
_SO_FAR_IN = re.compile(
    r"\b(?:so\s+far|to\s+date|halfway\s+through)\s+(?:in\s+|into\s+|during\s+)?(?:the|this|its)\s+$", re.I
)


def _so_far_in(doc: ArticleDoc, p: Period) -> bool:
    """The period follows "so far in the", "halfway through the": a mid-quarter update's."""
    return _SO_FAR_IN.search(doc.text, max(0, p.start - 40), p.start) is not None


def _forecasts_results(doc: ArticleDoc, p: Period) -> bool:
    """A period named in the headline, a year, or a quarter or half named in a sentence that speaks of results or
    a projection or forecasts: not "raw milk prices are likely to reach highs by the third quarter"."""
    if p.kind == "horizon" and not (
        _TILL.match(doc.title if p.in_title else doc.text, p.start) and _in_opening(doc, p)
    ):
        # "to cut 4,000 jobs by 2009" is a plan, not a forecast of results (the guide's own "through 1989" in the
        # opening is the article's forecast, whatever words go with it)
        return _results_near(doc, p) or _projection_near(doc, p)
    if p.in_title or p.kind not in ("quarter", "half"):
        return True  # (a year named in the opening is the forecast's, whatever words go with it)
    if _so_far_in(doc, p):
        return True
    return _results_near(doc, p) or _projection_near(doc, p) or _forecast_of(doc, p)


def _forecast_talk(doc: ArticleDoc, p: Period) -> bool:
    """The sentence of an unnamed "the quarter" forecasts ("declined to offer specific projections for the
    quarter"): it is the quarter the article previews, not the one it reports."""
    src, start, end = _sentence_span(doc, p)
    return bool(_FORECAST_VERB.search(src, start, end) or _PROJECTION.search(src, start, end))


_WARNED = re.compile(rf"\b{_WARN_THAT}\b", re.I)


def _warned_of(doc: ArticleDoc, p: Period) -> bool:
    """The period's sentence warns of its results before naming it ("warned on Monday that its 2006 profit
    would miss its target"), with no report of them in between."""
    src, start = _sentence_of(doc, p)
    warnings = list(_WARNED.finditer(src, start, p.start))
    return bool(warnings) and _REPORT_VERB.search(src, warnings[-1].end(), p.start) is None


def _forecast_of(doc: ArticleDoc, p: Period) -> bool:
    """The period's sentence forecasts its results (a forecast verb before it, no report of them in between, no
    earlier report cited)."""
    src, start = _sentence_of(doc, p)
    if _EARLIER_REPORT.search(src, start, _sentence_end(doc, p)):
        return False
    f = _FORECAST_VERB.search(src, start, p.start)
    return f is not None and _REPORT_VERB.search(src, f.end(), p.start) is None


# a verdict on results against expectations: "beat analysts' quarterly profit estimates", "stronger-than-expected
# quarterly earnings", "topped profit expectations" (results out, not a forecast of them)
_VERDICT = re.compile(
    r"\b(?:beat|beats|beating|topped|tops|top|missed|misses|miss|exceeded|exceeds|surpassed|surpasses|outpaced|trumped|"
    r"trumps|disappointed|disappoints|"
    r"fell\s+short\s+of|falls\s+short\s+of|came\s+in\s+(?:above|below|ahead\s+of|short\s+of|under))\b|"
    r"\b(?:better|stronger|weaker|worse|higher|lower|bigger|smaller)[\s\-]than[\s\-](?:expected|forecast|estimated|anticipated)\b",
    re.I,
)
_EXPECTATIONS = re.compile(r"\b(?:estimates?|expectations|forecasts?|consensus|views?|targets?)\b", re.I)
# ... unless a modal or a headline's "to" makes it a forecast of the verdict: "may miss analysts' forecasts", "profit to
# beat forecasts" (not "failed to beat")
_MODAL_BEFORE = re.compile(
    r"\b(?:(?<!failed\s)(?<!fails\s)(?<!managed\s)to|(?-i:may)|might|will|would|could|should|can|cannot)\s+"
    r"(?:(?:not|again|also|likely|still|easily)\s+)?$",
    re.I,
)


def _modal_verdict(src: str, v: re.Match[str]) -> bool:
    """The verdict verb is a modal's or a headline's "to" (a forecast of the verdict, not one on results out)."""
    return _MODAL_BEFORE.search(src, max(0, v.start() - 25), v.start()) is not None


# results that met expectations, a verdict on the period named beside it ("quarterly sales grew in line with
# the consensus"); not in an opening that names no period, where it is as often a month's sales figures
_IN_LINE = re.compile(
    r"\s+(?:was|were|came\s+in|rose|fell|grew|increased|declined)\s+(?:(?:roughly|largely|broadly)\s+)?in\s+line\s+with\b",
    re.I,
)


def _verdict_in_sentence(doc: ArticleDoc, p: Period) -> bool:
    """The period's sentence gives its results' verdict against expectations (before it, or just after it:
    "quarterly profit topped analysts' estimates"), and forecasts nothing before the verdict."""
    src, start = _sentence_of(doc, p)
    v = _VERDICT.search(src, start, p.start) or _VERDICT.search(src, p.end, p.end + 60) or _IN_LINE.match(src, p.end)
    if v is None or _modal_verdict(src, v):
        return False
    f = _FORECAST_VERB.search(src, start, v.start())
    # (a forecast in a clause of its own before the verdict's: "sees margins recovering by December, after it
    # topped forecasts with a smaller second-quarter loss"; not "expects to beat")
    return f is None or _CLAUSE_AFTER.search(src, f.end(), v.start()) is not None


_CLAUSE_AFTER = re.compile(r",\s+(?:after|as|while|but|when|since|though|although)\s+(?:it|the\s+\w+|[A-Z][\w&.\-]*)\s")


def _opening_verdict(doc: ArticleDoc) -> bool:
    """The headline or first sentence gives results' verdict against expectations with no period named ("Estee
    Lauder, Elizabeth Arden top expectations"; "topped profit expectations"): the latest quarter's results."""
    a, b = doc.lede
    for src, start, end in ((doc.title, 0, len(doc.title)), (doc.text, a, b)):
        for v in _VERDICT.finditer(src, start, end):
            if _FORECAST_VERB.search(src, start, v.start()):
                break
            if _modal_verdict(src, v):
                continue
            if _EXPECTATIONS.search(src, v.end(), min(end, v.end() + 50)) or v.group(0).lower().endswith(
                ("expected", "forecast", "estimated", "anticipated")
            ):
                return True
    return False


# a headline's verdict on the results themselves ("Northwind results beat forecast"), not on an outlook
_TITLE_RESULTS_VERDICT = re.compile(
    r"\b(?:results|earnings|profits?|net|quarter)\s+(?:beats?|tops?|miss(?:es)?|exceeds?|trails?|lags?)\b", re.I
)
# a first sentence that reports how results went, in the past tense
_PAST_RESULTS = re.compile(
    r"\b(?:rose|fell|jumped|climbed|dropped|declined|slid|slumped|surged|increased|decreased|grew|reported|posted|"
    r"earned|lost|beat|missed|topped)\b",
    re.I,
)
_REPORTS_RESULTS = re.compile(
    r"\b(?:reported|posted|announced|unveiled)\s+(?:[\w\-]+\s+){0,3}?(?:earnings|profits?|results|net\s+income|losses?)\b",
    re.I,
)


def _opening_reports(doc: ArticleDoc) -> bool:
    """The first sentence reports results ("reported weak earnings on Tuesday"), forecasting nothing before."""
    a, b = doc.lede
    r = _REPORTS_RESULTS.search(doc.text, a, b)
    return r is not None and not _FORECAST_VERB.search(doc.text, a, r.start())


def _reported_in_sentence(doc: ArticleDoc, p: Period) -> bool:
    """The period's sentence reports results before naming it, and forecasts nothing before that."""
    src, start = _sentence_of(doc, p)
    r = _REPORT_VERB.search(src, start, p.start) or _REPORT_VERB.search(src, p.end, p.end + 80)
    f = _FORECAST_VERB.search(src, start, p.start)
    return r is not None and (f is None or r.start() < f.start())


def _warning_on(doc: ArticleDoc, p: Period) -> bool:
    """An unnamed quarter's results forecast, not reported: "warned that its quarterly earnings would lag
    estimates", "may miss its quarterly sales goal"; not "quarterly profit rose faster than forecast"."""
    src, start, end = _sentence_span(doc, p)
    if not (p.estimate or _FORECAST_VERB.search(src, start, end)):
        return False
    return not (_reported_in_sentence(doc, p) or _verdict_in_sentence(doc, p) or _RESULTS_MOVED.match(src, p.end))


def _horizons_last(
    doc: ArticleDoc, periods: list[tuple[Period, tuple[int, int]]]
) -> list[tuple[Period, tuple[int, int]]]:
    """The body's periods in the text's order, a plan over several years after the rest: a nearer period the body
    forecasts is the news, the long-term plan its background. When the body revises the forecast for the current
    year ("trimmed the forecast for its current business year"), that is the news, and next year's
    prospects ("might push profit down again next business year") come after it."""
    revised = any(
        p.kind in ("relative", "year") and p.which not in _NEXT and _REVISED.search(*_sentence_span(doc, p))
        for p, _ in periods
    )
    return sorted(periods, key=lambda x: 2 if x[0].kind == "horizon" else revised and x[0].which in _NEXT)


_REVISED = re.compile(
    r"\b(?:cut|cuts|lowered|lowers|slashed|slashes|reduced|reduces|raised|raises|revised|revises|trimmed|trims)\b"
    r"[^.;]{0,60}?\b(?:forecasts?|outlook|guidance|targets?)\b",
    re.I,
)
_NEXT = ("next", "the coming", "the new")


# a quarter ending more than this after publication is not the one a year-less mention names when the text prints
# that quarter with a year elsewhere (the next quarter, about to begin, still can be: a "fourth quarter" ending in
# May, named in February)
FAR_DAYS = 183


def _years_as_printed(
    resolved: list[tuple[Period, tuple[int, int]]], on: dt.date | None, cal: FiscalCalendar
) -> list[tuple[Period, tuple[int, int]]]:
    """A quarter named without its year that would end more than half a year away takes the year the article prints
    for that quarter elsewhere ("revised its fourth-quarter loss", three months after the quarter, beside "the fourth quarter
    of 2011"): the article's own dating beats the reading by publication lag. (A quarter running now keeps its
    reading: "expects third-quarter revenue to rise" beside last year's "third quarter of 2011" as a base.)"""
    if on is None:
        return resolved
    printed = {
        (p.number, r)
        for p, r in resolved
        if p.kind == "quarter" and p.year is not None and not p.compared and cal.quarter_end(*r) <= on
    }
    out = []
    for p, r in resolved:
        if p.kind == "quarter" and p.year is None and (cal.quarter_end(*r) - on).days > FAR_DAYS:
            dated = {d for n, d in printed if n == p.number}
            if len(dated) == 1:
                r = next(iter(dated))
        out.append((p, r))
    return out


_CALENDAR = FiscalCalendar(12, "end")  # the calendar's own quarters


def _calendar_named(
    doc: ArticleDoc, resolved: list[tuple[Period, tuple[int, int]]], on: dt.date | None, cal: FiscalCalendar
) -> list[tuple[Period, tuple[int, int]]]:
    """A quarter named without its year whose results the sentence reports as out ("fourth-quarter profit jumped")
    but which, read by the company's fiscal calendar, ends more than half a year away, is the calendar's quarter:
    the wire names an off-calendar company's quarters by the calendar too (a September year-end company's
    "fourth quarter", reported in January, is October to December: its fiscal first quarter). Not a quarter the
    text calls fiscal."""
    if on is None:
        return resolved
    out = []
    for p, r in resolved:
        if (
            p.kind == "quarter"
            and p.number
            and p.year is None
            and not p.fiscal
            and not p.compared
            and (cal.quarter_end(*r) - on).days > FAR_DAYS
            and _results_moved(doc, p)
        ):
            end = next(e for y in (on.year, on.year - 1) if (e := _CALENDAR.quarter_end(y, p.number)) <= on)
            fiscal = cal.quarter_of_month(end.year, end.month)
            if (on - end).days <= LAG_DAYS["quarter"] and cal.quarter_end(*fiscal) <= on:
                r = fiscal  # (a fiscal quarter out of step with the calendar's, still running, is not it)
        out.append((p, r))
    return out


def article_quarter(doc: ArticleDoc, cal: FiscalCalendar, calendar_known: bool = True) -> tuple[int, int] | None:
    """The fiscal (year, quarter) the article's earnings news is about, per the guide's three steps
    (``calendar_known``: the calendar is the registry's checked one, or the article's own, not a guess)."""
    on = doc.article.published
    para_end = doc.paragraphs[0][1] if doc.paragraphs else len(doc.text)
    lede_end = max(doc.lede_paragraph[1], para_end)
    two_sentences = doc.lede_end(1) if doc.sentences else 0
    if doc.sentences:  # a text that lost its paragraph breaks is one paragraph: its opening is two sentences
        lede_end = min(lede_end, two_sentences)

    def ended(fy: int, q: int) -> bool:
        return on is None or cal.quarter_end(fy, q) <= on

    def age(fy: int, q: int) -> int:  # days from the quarter's end to publication (``on`` known)
        assert on is not None
        return (on - cal.quarter_end(fy, q)).days

    def recent(fy: int, q: int, kind: str = "quarter") -> bool:
        return on is None or age(fy, q) <= RECENT_DAYS.get(kind, RECENT_OTHER)

    def fresh(p: Period, fy: int, q: int) -> bool:
        if not calendar_known or p.kind not in ("quarter", "month_quarter", "current_quarter"):
            return True
        return on is None or age(fy, q) <= FRESH_DAYS[q]

    resolved = [(p, r) for p in doc.periods if (r := resolve(p, cal, on)) is not None]
    resolved = _calendar_named(doc, _years_as_printed(resolved, on, cal), on, cal)
    named = [(p, r) for p, r in resolved if p.kind != "current_quarter"]
    head = [(p, r) for p, r in named if (p.in_title or p.start < lede_end) and not p.compared]
    body = [(p, r) for p, r in named if not p.in_title]

    def reported(p: Period, fy: int, q: int) -> bool:
        # (estimates after a period the sentence reports are what it beat: "reported a 9 percent gain in
        # third-quarter profit as margins topped forecasts")
        estimate = p.estimate and not (_reported_in_sentence(doc, p) or _verdict_in_sentence(doc, p))
        return (
            not p.compared
            and not estimate
            and (ended(fy, q) or _ended_as_printed(doc, p, cal.quarter_end(fy, q)))
            and recent(fy, q, p.kind)
            and not _background(doc, p)
        )

    current = [(p, r) for p, r in resolved if p.kind == "current_quarter"]
    # 1. the results the headline or first paragraph reports
    for p, (fy, q) in head:
        if reported(p, fy, q):
            return fy, q
    # 1. a verdict on results with no period named in the opening, or "reported weak earnings on Tuesday" in the
    # first sentence with no period named but what an estimate is for ("2007 profit estimates"): the latest
    # quarter's results
    # (a headline's verdict on results beside a year still running that the opening names only as a forecast:
    # "Northwind results beat forecast" over "lifted its 2010 earnings forecast")
    forecast_years_only = bool(head) and all(
        p.estimate or (p.kind in ("year", "horizon") and not ended(*r)) for p, r in head
    )
    if on is not None and (
        ((not head or (forecast_years_only and _TITLE_RESULTS_VERDICT.search(doc.title))) and _opening_verdict(doc))
        or (all(p.estimate for p, _ in head) and _opening_reports(doc))
    ):
        # (the body's "fiscal third quarter ended May 14" is that quarter, which a calendar of month ends has not
        # closed yet)
        dated = [r for p, r in body if _ended_as_printed(doc, p, cal.quarter_end(*r)) and reported(p, *r)]
        fy, q = dated[0] if dated else cal.latest_ended(on, min_days=0)
        if age(fy, q) <= LAG_DAYS["half"]:
            return fy, q
    # 2 before 1 further down when the article's news is a forecast or a preview (the scope stage's reason): its
    # headline or first paragraph forecasting a named period makes the forecast the news, and results the body
    # cites are its background
    # (so is a first sentence that reports nothing and an opening that names only periods still running, a year of
    # them in the headline, with no quarter of the day's results in the body: "Northwind says half of '08 profit to
    # come from abroad", whatever kind scope read)
    forecast_news = (doc.scope is not None and doc.scope.reason in ("guidance", "preview")) or (
        any(p.in_title and p.kind in ("year", "relative", "horizon") and p.unit != "quarter" for p, _ in head)
        and all(not ended(*r) for _, r in head)
        and not any(p.in_title or p.start < lede_end for p, _ in current)
        and not _PAST_RESULTS.search(doc.text, *doc.lede)
        and not any(
            p.kind in _QUARTERLY and reported(p, *r) and fresh(p, *r) for p, r in [*body, *current] if not p.in_title
        )
    )
    # a mid-quarter update in the opening ("so far in the third quarter"): that quarter, before results of
    # the last quarter the body recalls
    for p, (fy, q) in head if forecast_news else ():
        if p.kind == "quarter" and not ended(fy, q) and _so_far_in(doc, p):
            return fy, q
    if forecast_news:  # ... unless the body reports a quarter's or half's results of the day (results-day guidance;
        # at an investor or analyst meeting, results the body recalls came out before it, unless the opening's
        # second sentence reports them with a verb of reporting: "It also reported a higher fourth-quarter
        # profit", not "Its first-quarter sales were down a tenth")
        at_meeting = _at_meeting(doc)
        # (an opening that cuts or warns on the forecast for the quarter running: the last quarter's "sales were
        # $3 billion" in the body is the base it was cut from, unless its sentence reports, judges or moves it)
        mid_quarter = any(
            p.kind == "quarter" and not ended(*r) and (_REVISED.search(*_sentence_span(doc, p)) or _warned_of(doc, p))
            for p, r in head
        )
        # (an opening that forecasts a period of its own: a quarter whose results the body says are still to come
        # is not out yet, and the opening's period is the news; with none, the quarter about to come out is)
        opening_forecast = any(not ended(*r) and _forecasts_results(doc, p) for p, r in head)
        # (... nor is a quarter the body pre-announces and says is still to be reported in full: "its fourth quarter
        # beat its own plan" before "The company will report full results for it on ...")
        due = {r for p, r in body if _own_report_due(doc, p)} - {r for _, r in head} if opening_forecast else set()
        for p, (fy, q) in [*body, *current]:
            if at_meeting and not (not p.in_title and p.start < two_sentences and _reported_in_sentence(doc, p)):
                continue
            if (opening_forecast and (_due_to_report(doc, p) or (fy, q) in due)) or (
                mid_quarter and not (_reported_in_sentence(doc, p) or _verdict_in_sentence(doc, p) or _moved(doc, p))
            ):
                continue
            if (
                p.kind in ("quarter", "half", "month_quarter", "month_half", "current_quarter")
                and reported(p, fy, q)
                and fresh(p, fy, q)
                and (
                    _reported_in_sentence(doc, p) or _verdict_in_sentence(doc, p)
                    if p.kind == "current_quarter"
                    else _results_near(doc, p)
                )
                and not _MOST_RECENT.search(doc.text, max(0, p.start - 30), p.start)
            ):
                return fy, q
            if p.kind == "year" and reported(p, fy, q) and _reported_earlier_today(doc, p):
                return fy, q  # "The company earlier reported 46 pct higher 1986 net profits": the day's results
            if (
                p.kind == "year"
                and reported(p, fy, q)
                and age(fy, q) <= FRESH_DAYS[4]
                and _JUST_ENDED.search(doc.text, p.start, p.end)
            ):
                return fy, q  # a loss "in the year just ended" beside the new year's forecast
        # a preview whose first sentence has the company about to report ("is expected to post ... this week",
        # "report earnings this week") and names no quarter: the quarter just closed, not a year the body forecasts
        if (
            on is not None
            and doc.scope is not None
            and doc.scope.reason == "preview"
            and not any(p.kind in _QUARTERLY for p, _ in head)
            and _about_to_report(doc)
        ):
            fy, q = cal.latest_ended(on, min_days=0)
            if age(fy, q) <= LAG_DAYS["quarter"]:
                return fy, q
        # a warning on "quarterly earnings" or "its quarterly revenue target" in the opening: the quarter that
        # closed days ago and is not yet reported, else the one running now
        warned = any(on is not None and (p.in_title or p.start < lede_end) and _warning_on(doc, p) for p, _ in current)
        for p, (fy, q) in head:  # a warning on a period closed weeks ago: the pre-announced period, before a
            # forecast the same opening gives ("warned that its 2006 profit would miss its target ... and gave a
            # 2007 outlook")
            if ended(fy, q) and recent(fy, q, p.kind) and _warned_of(doc, p) and _forecasts_results(doc, p):
                return fy, q
        for p, (fy, q) in head:
            if not ended(fy, q) and _forecasts_results(doc, p):
                if p.kind in ("horizon", "relative") and warned:
                    break  # a plan over several years, or the year's, beside a warning on the quarter: the quarter is
                    # the news
                return fy, q
        if warned and on is not None:
            fy, q = cal.latest_ended(on, min_days=0)
            return (fy, q) if age(fy, q) <= PREANNOUNCE_DAYS else cal.quarter_of_month(on.year, on.month)
    # 1. "posted quarterly results on Friday" in the headline or first paragraph: the quarter just ended, before
    # any period the body names (a year's results cited further down are background)
    quarters_reported = any(
        p.kind in ("quarter", "half", "month_quarter", "month_half") and reported(p, fy, q) for p, (fy, q) in body
    )
    for p, (fy, q) in current if not quarters_reported else ():  # a quarter the body names and reports wins
        if (p.in_title or p.start < lede_end) and reported(p, fy, q):
            return fy, q
    # 1. results reported further down; or, when no named period is reported, the quarter "quarterly profit" or
    # "for the quarter" reports
    # ("projections for the quarter" when the opening previews a quarter still running are that quarter's)
    running = [hp for hp, r in head if hp.kind in ("quarter", "month_quarter") and not ended(*r)]
    previewed = bool(running)
    # (an opening that forecasts a quarter still running, "expects to take a $900 million charge ... in the fourth
    # quarter", makes a quarter the body recalls from its last report background, as in a forecast story)
    pre_announced = any(_forecast_of(doc, hp) for hp in running)
    # (a year the body recalls before the quarter it reports is that quarter's background: "In fiscal 2011, Apple
    # tacked on $43 billion ..." beside "the stellar fiscal first quarter" of the day)
    later_quarters = [r for p, r in body if p.kind in ("quarter", "month_quarter") and reported(p, *r) and fresh(p, *r)]
    for p, (fy, q) in [*body, *current]:
        if (
            reported(p, fy, q)
            and not (p.kind == "current_quarter" and previewed and _forecast_talk(doc, p))
            and (not (forecast_news or pre_announced) or fresh(p, fy, q))
            and not (p.kind == "year" and any(r > (fy, q) for r in later_quarters))
        ):
            return fy, q
    for p, (fy, q) in head:  # 2. what the headline or first paragraph forecasts or previews (a quarter just
        # ended whose results are forecast, "expects Quillon to swing to a third-quarter loss", included); in
        # the text, a sentence about results ("raw milk prices ... by the third quarter" forecasts no results)
        if (not ended(fy, q) or (recent(fy, q, p.kind) and _forecast_of(doc, p))) and _forecasts_results(doc, p):
            return fy, q
    if on is not None and doc.scope is not None and doc.scope.reason in _RESULTS_NEWS and not _warning_opening(doc):
        # 1. results news (told through the shares or analysts' reactions) that names no period it reports and
        # warns of nothing: the latest quarter ended (a pre-announcement comes days after its end), not a forecast
        # the body cites ("2011 earnings" estimates)
        fy, q = cal.latest_ended(on, min_days=PREANNOUNCE_MIN_DAYS)
        if age(fy, q) <= LAG_DAYS["half"]:
            return fy, q
    # ... or the first period the body forecasts (a quarter closed days ago and forecast, not yet reported,
    # included: "first-quarter earnings will top estimates", said in September), a long-term plan last
    for p, (fy, q) in _horizons_last(doc, body):
        if (
            not p.compared
            and (not ended(fy, q) or (on is not None and age(fy, q) <= PREANNOUNCE_DAYS and _forecast_of(doc, p)))
            and _forecasts_results(doc, p)
        ):
            return fy, q
    return cal.latest_ended(on) if on else None  # 3.
