"""Stage 3, normalize: an article's quotes in, ``Row``s (without label) out.

Decides, per article, which company's earnings event each quote belongs to
(registry, tickers printed in the text, corporate names in the lede), its
ticker, and the fiscal quarter the article is about, per the guide: the
period whose results it reports; failing that, the one it forecasts or
previews; failing that, the latest fiscal quarter ended 14 days or more
before publication.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, replace

import polars as pl

from .fiscal import FiscalCalendar
from .people import SENTENCE_STARTERS
from .quotes import paragraphs
from .records import Article, Quote, Row
from .registry import Company, Registry

_SUFFIX = (
    r"(?:Inc|Incorporated|Corp|Corporation|Co|Cos|Company|Ltd|Limited|PLC|plc|LLC|LP|L\.P|AG|SE|SA|S\.A|"
    r"NV|N\.V|BV|AB|ASA|Oyj|SpA|GmbH|KGaA|Holdings?|Group)\.?"
)
_NAME_RUN = r"(?:The\s+)?[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&|de))*?"
# a suffix ends the word: "S.A." but not the "S.A" of an initialism such as "S.A.Y."
_CORP = re.compile(rf"(?P<name>{_NAME_RUN})\s*,?\s+(?P<suffix>{_SUFFIX})(?!\w|\.\w)")
_TICKER = re.compile(
    r"(?P<name>[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,6})\s*,?\s*"
    r"(?:<(?P<reuters>[A-Z0-9][A-Z0-9.\-]{0,11})>"
    r"|\((?:(?:NYSE|NASDAQ|Nasdaq|NYSE\s?American|AMEX|LSE|TSX|TSE|ASX|NYSEArca|OTC)\s*:\s*)(?P<exch>[A-Z0-9.\-]{1,10})\)"
    r"|\((?P<ric>[A-Z0-9]{1,6}\.[A-Z]{1,3})\))"
)
_BRACKETED = re.compile(r"<([A-Z][\w&'’.\-]*(?:\s+[\w&'’.\-]+){1,6})>")
_UNIT_BEFORE = re.compile(r"\b(?:unit|subsidiary|affiliate|arm|division)\s*,?\s*(?:of\s+)?<?$", re.I)
_US_RIC = {"N", "O", "OQ", "A", "K", "P", "NYSE", "OB"}
_STRIP = re.compile(rf"(?:\s*,)?\s+{_SUFFIX}$")

_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_MONTHS = {
    m.lower(): i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        start=1,
    )
}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?:19|20)\d\d"
_FY = rf"(?:fiscal(?:\s+year)?\s*|FY\s?)?(?P<y1>{_YEAR}|'\d\d)"
_MENTIONS = [
    # fiscal 2024 first quarter / 1986 fourth-quarter
    (
        "q",
        re.compile(
            rf"\b{_FY}\s+(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s\-]+(?:fiscal\s+)?(?:quarter|qtr|period)",
            re.I,
        ),
    ),
    # fourth-quarter (of fiscal 2024 | 2023)
    (
        "q",
        re.compile(
            rf"\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s\-]+(?:fiscal[\s\-]+)?(?:quarter|qtr)s?\b(?:\s+(?:of\s+|ended\s+|ending\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)?(?P<y2>{_YEAR})\b)?",
            re.I,
        ),
    ),
    # Q4 2023, Q4'23, 2023 Q4, FY24 Q1, Q1 FY2024
    (
        "q",
        re.compile(
            rf"(?:\b(?:FY\s?)?(?P<y1>{_YEAR})\s+|\bFY(?P<y3>\d\d)\s+)?\bQ(?P<num>[1-4])\b(?:\s*(?:of\s+)?(?:FY\s?|fiscal\s+)?(?P<y2>{_YEAR}|'\d\d|\d\d\b))?"
        ),
    ),
    # the December quarter / three months ended December 31, 2023 / quarter ended March 31
    (
        "month",
        re.compile(
            rf"\b(?:the\s+(?P<mon1>{_MON})[\s\-]quarter|(?:three|3)\s+months\s+(?:ended|ending|to)\s+(?P<mon2>{_MON})(?:\s+\d{{1,2}})?(?:,?\s+(?P<y2>{_YEAR}))?|quarter\s+(?:that\s+)?(?:ended|ending|ends|to)\s+(?P<mon3>{_MON})(?:\s+\d{{1,2}})?(?:,?\s+(?P<y3>{_YEAR}))?)",
            re.I,
        ),
    ),
    # first half / H1 / six months ended June 30
    (
        "half",
        re.compile(
            rf"\b(?:(?P<ord>first|second)[\s\-]half|H(?P<num>[12])\b|(?P<six>six|6)\s+months\s+(?:ended|ending|to)\s+(?P<mon>{_MON}))(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<y2>{_YEAR}))?",
            re.I,
        ),
    ),
    # nine months ended ...
    ("nine", re.compile(rf"\b(?:nine|9)\s+months\s+(?:ended|ending|to)\s+(?P<mon>{_MON})", re.I)),
    # full year / fiscal 2023 / 1986 results / year ended May 31
    (
        "year",
        re.compile(
            rf"\b(?:(?:full|whole)[\s\-]year(?:\s+(?P<y2>{_YEAR}))?|(?:fiscal(?:\s+year)?|FY)\s?(?P<y1>{_YEAR}|\d\d)\b(?![\s\-]+(?:first|second|third|fourth|1st|2nd|3rd|4th|Q[1-4]))|(?P<y3>{_YEAR})\s+(?:(?:per[\s\-]share|operating|fiscal)\s+)?(?:results|earnings|profits?|net|annual|loss)|(?:earned|lost|reported|posted)\b(?:[^.;\"“”]|\.\d){{0,60}}?\b(?:in|for)\s+(?:the\s+)?(?:fiscal\s+(?:year\s+)?)?(?P<y5>{_YEAR})\b|(?:fiscal\s+)?year\s+(?:ended|ending)\s+(?:in\s+)?(?:(?:early|late|mid)[\s\-]+)?(?P<mon>{_MON})(?:\s+\d{{1,2}})?(?:,?\s+(?P<y4>{_YEAR}))?|annual\s+results)",
            re.I,
        ),
    ),
]
_ORDS = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
# Words without which a quarter-mention pattern cannot match (lower case): a pattern whose words a text lacks
# is not run on it. (The year pattern has no such word: it always runs.)
_MENTION_CUES: list[tuple[str, ...] | None] = [
    ("quarter", "qtr", "period"),
    ("quarter", "qtr"),
    ("q1", "q2", "q3", "q4"),
    ("quarter", "months"),
    ("half", "h1", "h2", "months"),
    ("months",),
    None,
]
# Evidence of a fiscal calendar in the text: (regex, months from the matched month to the year end).
_FY_EVIDENCE_CUE = re.compile(r"\bend|yearend", re.I)
_FY_EVIDENCE = [
    (
        re.compile(
            rf"\b(?:fiscal\s+)?year(?:[\s\-]?end)?,?\s+\(?(?:that\s+)?(?:ended|ending|ends|to\s+end)\s+(?:in\s+)?(?:(?:early|late|mid)[\s\-]+)?(?P<mon>{_MON})",
            re.I,
        ),
        None,
    ),
    (
        re.compile(
            rf"\bfiscal\s+(?:year\s+)?(?:{_YEAR}|'\d\d)\s*,?\s+(?:which\s+)?(?:ended|ending|ends)\s+(?:in\s+)?(?P<mon>{_MON})",
            re.I,
        ),
        None,
    ),
    (
        re.compile(
            rf"\b(?P<mon>{_MON})\s+\d{{1,2}},?\s+(?:{_YEAR},?\s+)?the\s+(?:company's\s+)?fiscal\s+year[\s\-]?end", re.I
        ),
        None,
    ),
    (
        re.compile(
            rf"\b{_ORDS}[\s\-]+(?:fiscal\s+)?(?:quarter|qtr)(?:\s+of\s+fiscal\s+(?:{_YEAR}|'\d\d))?\s*,?\s+(?:ended|ending|ends|to\s+end)\s+(?P<mon>{_MON})",
            re.I,
        ),
        "q",
    ),
    (
        re.compile(
            rf"\b(?P<half>first|second)[\s\-]half(?:\s+(?:of\s+)?fiscal\s+(?:{_YEAR}|'\d\d))?\s*,?\s+(?:ended|ending|ends)\s+(?:in\s+)?(?P<mon>{_MON})",
            re.I,
        ),
        "h",
    ),
]
_COMPARED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:a\s+year\s+(?:ago|earlier)|year[\s\-]ago|year[\s\-]earlier)\b", re.I)
_COMPARISON = re.compile(
    r"(?:year[\s\-]ago|year[\s\-]earlier|a\s+year\s+(?:ago|earlier)|prior[\s\-]year|same\s+period|last\s+year'?s|"
    r"compared\s+with|versus|vs\.?|from|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped)?|beat(?:s|ing)?|"
    r"over|above|below|than(?:\s+(?:in|for))?|repeat(?:s|ed|ing)?|match(?:es|ed|ing)?)\s*$",
    re.I,
)
# a period followed by estimates of it ("analysts' fourth-quarter earnings estimates") is forecast, not reported
_ESTIMATES_AFTER = re.compile(
    r"[\w\-]*(?:\s+(?:[\w'’]+|per\s+share)){0,5}?\s+(?:estimates?|forecasts?|projections?|targets?|guidance)\b",
    re.I,
)


@dataclass
class ArticleContext:
    """What normalize decided for one article."""

    primary: Company | None
    companies: list[Company]
    quarters: dict[str, tuple[int, int] | None]  # company name -> (fiscal year, quarter)


def canonical(name: str) -> str:
    """A company name without corporate suffixes or a leading "The": ``Dean Foods Co`` -> ``Dean Foods``."""
    name = " ".join(name.split()).strip(" ,")
    name = re.sub(r"^The\s+", "", name)
    prev = None
    while prev != name:
        prev, name = name, _STRIP.sub("", name).strip(" ,")
    return name or prev


def _ticker_code(m: re.Match[str]) -> str:
    if m.group("reuters"):
        code = m.group("reuters")
    elif m.group("exch"):
        code = m.group("exch")
    else:
        code = m.group("ric")
    base, _, suffix = code.partition(".")
    return base if suffix in _US_RIC else code


def _printed_tickers(text: str) -> list[tuple[int, str, str]]:
    """(position, name before the code, ticker) for every ticker code printed in text."""
    return [(m.start(), canonical(m.group("name")), _ticker_code(m)) for m in _TICKER.finditer(text)]


def _same(a: str, b: str) -> bool:
    a, b = (re.sub(r"[^a-z0-9&]+", " ", canonical(x).lower()).strip() for x in (a, b))
    return bool(a) and a == b


# before a company's name: sentence starters, and words that lead into one ("Rival Pepsi")
_LEAD_STOP = SENTENCE_STARTERS | {"After", "Both", "Earlier", "Parent", "Rival", "Rivals", "When", "While"}


def _trim_lead(name: str) -> str:
    toks = name.split()
    while toks and (toks[0] in _LEAD_STOP or toks[0] in {"of", "and", "&", "de"}):
        toks.pop(0)
    return " ".join(toks)


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", canonical(name).lower().replace("'s", "")) if len(w) >= 3}


def _title_match(title_name: str, company: Company) -> bool:
    """Does a headline's (often capitalised) name segment name this company?"""
    t = title_name.lower().replace("'s", "").replace("’s", "")
    words = _words(company.name)
    initials = "".join(w[0] for w in canonical(company.name).split() if w[:1].isalpha()).lower()
    return bool(words & set(re.findall(r"[a-z0-9]+", t))) or (len(initials) >= 2 and initials in t.split())


_SUBJECT = re.compile(
    r"^\s*(?:The\s+)?(?P<name>[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&)){0,5})"
    r"(?=,|\s+(?:said|says|reported|posted|expects|expected|announced|raised|lowered|cut|forecast|sees|earned|lost)\b)"
)


def _lede_subject(lede: str) -> Company | None:
    """The company a lede opens with ("Publix Super Markets, the grocery chain, said ..."), when no other sign
    of a company was found."""
    m = _SUBJECT.match(lede)
    if not m:
        return None
    name = canonical(_trim_lead(m.group("name")))
    if not name or name.split()[0] in _LEAD_STOP:
        return None
    return Company(name, None, FiscalCalendar.default(), known=False)


_KEEP_TAIL = {
    "industries",
    "enterprises",
    "systems",
    "technologies",
    "technology",
    "international",
    "pacific",
    "bancorp",
    "bancorporation",
    "financial",
    "bank",
    "trust",
    "motors",
    "airlines",
    "foods",
}


def _short_name(name: str, title: str) -> str:
    """The longest run of a company's name that the headline uses ("Publix" for "Publix Super Markets",
    "Citroen" for "Automobiles Citroen"), unless that drops a word that belongs to the name ("Industries")."""
    toks = name.split()
    norm = [re.sub(r"[^a-z0-9&]", "", t.lower()) for t in toks]
    words = re.findall(r"[a-z0-9&]+", title.lower().replace("'s", "").replace("’s", ""))
    for k in range(len(toks), 0, -1):
        for i in range(len(toks) - k + 1):
            run = norm[i : i + k]
            dropped = set(norm[:i] + norm[i + k :])
            if (
                len("".join(run)) >= 4
                and not dropped & _KEEP_TAIL
                and any(words[j : j + k] == run for j in range(len(words)))
            ):
                return " ".join(toks[i : i + k])
    return name


@dataclass(frozen=True)
class ArticleCompanies:
    """The companies of one article: the primary (earnings) company, all of them, and every mention."""

    primary: Company | None
    companies: list[Company]
    mentions: list[tuple[int, Company]]

    @property
    def names(self) -> set[str]:
        """Names known to be organisations, so extract does not take them for people."""
        return {c.name for c in self.companies}


def companies_in(article: Article, registry: Registry) -> ArticleCompanies:
    """Every company an article names, computed once and shared by extract and normalize."""
    return ArticleCompanies(*_companies(article, registry))


def companies_of(article: Article, registry: Registry) -> tuple[Company | None, list[Company]]:
    """The article's primary (earnings) company and every company it names, registry or text-derived."""
    primary, companies, _ = _companies(article, registry)
    return primary, companies


def _companies(article: Article, registry: Registry) -> tuple[Company | None, list[Company], list[tuple[int, Company]]]:
    """Primary company, all companies, and (position, company) of every mention in the text.

    The primary company is the first one named in the lede; a name in the registry that is only part of a
    longer corporate name (``Honeywell`` in ``Honeywell Bull Inc``) gives way to the longer one.
    """
    text = article.text
    paras = paragraphs(text)
    lede_end = paras[0][1] if paras else len(text)
    title = article.title or ""
    tickers = _printed_tickers(text)
    derived: list[tuple[int, int, Company]] = []
    for m in _CORP.finditer(text):
        raw = _trim_lead(m.group("name"))
        name = canonical(raw + " " + m.group("suffix"))
        if name and not registry.lookup(name) and name.split()[0] not in _LEAD_STOP:
            start = m.start("name") + m.group("name").find(raw[:1] or " ")
            derived.append((start, m.end("name"), Company(name, None, FiscalCalendar.default(), known=False)))
    for m in _TICKER.finditer(text):
        name = canonical(_trim_lead(m.group("name")))
        if name and not registry.lookup(name):
            derived.append((m.start("name"), m.end("name"), Company(name, None, FiscalCalendar.default(), known=False)))
    for m in _BRACKETED.finditer(text):  # Reuters brackets the names of unlisted companies: <Shell Australia Ltd>
        name = canonical(m.group(1))
        if name and not registry.lookup(name):
            derived.append((m.start(1), m.end(1), Company(name, None, FiscalCalendar.default(), known=False)))
    found: list[tuple[int, Company]] = [(s, c) for s, _, c in derived]
    for s, e, c in registry.find(text):
        inside = any(ds <= s and e <= de and (de - ds) > (e - s) for ds, de, _ in derived)
        if not inside:
            found.append((s, c))
    found.sort(key=lambda x: x[0])
    companies: list[Company] = []
    for _, c in found:
        if not any(_same(c.name, k.name) for k in companies):
            companies.append(c)
    companies = [_with_ticker(c, tickers) for c in companies]
    in_lede = [(pos, c) for pos, c in found if pos < lede_end]
    # "Royal Dutch/Shell Group unit <Shell Australia Ltd> said ...": the unit is the one reporting.
    unit = next((c for pos, c in in_lede if _UNIT_BEFORE.search(text[max(0, pos - 30) : pos])), None)
    primary = unit or (in_lede[0][1] if in_lede else None)
    title_codes = _printed_tickers(title)
    if primary is None and title:
        hits = registry.find(title) or registry.find(title.title())
        primary = hits[0][2] if hits else None
        if primary is None and title_codes:
            _, name, code = title_codes[0]
            primary = registry.by_ticker.get(code) or Company(
                _headline_name(name, text), code, FiscalCalendar.default(), known=False
            )
    if primary is None:
        primary = _lede_subject(text[:lede_end])
    if primary is None and companies:
        primary = companies[0]
    origin = primary
    if primary is not None:
        primary = next((c for c in companies if _same(c.name, primary.name)), _with_ticker(primary, tickers))
        if primary.ticker is None or not primary.known:
            # A code the headline prints next to this company's name is the article's own evidence.
            code = next((code for _, name, code in title_codes if _title_match(name, primary)), None)
            if code:
                companies = [c for c in companies if c is not primary]
                primary = replace(primary, ticker=code)
        if not primary.known and title:
            short = _short_name(primary.name, title)
            if short != primary.name:
                companies = [c for c in companies if c is not primary]
                primary = replace(primary, name=short)
        if primary not in companies:
            companies.insert(0, primary)

    def final(c: Company) -> Company:  # the company a raw mention ended up as
        if primary is not None and origin is not None and _same(c.name, origin.name):
            return primary
        return next((k for k in companies if _same(k.name, c.name)), c)

    mentions = [(pos, final(c)) for pos, c in found]
    return primary, companies, mentions


def _headline_name(name: str, text: str) -> str:
    """The company a headline names before its code, as the text spells it: "AUDITORS GIVE FIRST CITY <FBT>"
    names "First City" when the text says "First City"; title case when the text never names it."""
    words = name.split()
    for i in range(len(words)):
        m = re.search(rf"(?<![\w&]){re.escape(' '.join(words[i:]))}(?![\w&])", text, re.I)
        if m and any(c.isupper() for c in m.group(0)):
            return " ".join(m.group(0).split())
    return name.title() if name.isupper() else name


def _with_ticker(c: Company, tickers: list[tuple[int, str, str]]) -> Company:
    """A printed code next to the company's name wins (it is the article's own evidence)."""
    for _, name, code in tickers:
        if _same(name, c.name):
            return replace(c, ticker=code)
    return c


def infer_calendar(text: str) -> FiscalCalendar | None:
    """A fiscal calendar the text gives away: "year ending June 30", "second quarter ended March 31",
    "first half ended Feb 28", "July 31, the fiscal year-end"; None when it gives none."""
    if not _FY_EVIDENCE_CUE.search(text):  # every pattern needs an "end" word; most texts have none
        return None
    for rx, kind in _FY_EVIDENCE:
        m = rx.search(text)
        if not m:
            continue
        month = _month(m.group("mon"))
        assert month is not None
        if kind == "q":
            month += 3 * (4 - _ORD[m.group("ord").lower()])
        elif kind == "h" and m.group("half").lower() == "first":
            month += 6
        return FiscalCalendar.default((month - 1) % 12 + 1)
    return None


def _calendar(c: Company, text: str) -> FiscalCalendar:
    """The registry's hand-checked calendar; else what the text gives away ("the year ending April 30": the
    article's own evidence beats the December the index data assumes for every company); else the registry's."""
    if c.known and c.calendar_checked:
        return c.calendar
    return infer_calendar(text) or c.calendar


def _year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.strip("'")
    y = int(raw)
    return y if y > 100 else (2000 + y if y < 70 else 1900 + y)


def _month(raw: str | None) -> int | None:
    return _MONTHS[next(k for k in _MONTHS if k.startswith(raw[:3].lower()))] if raw else None


def quarter_mentions(text: str, cal: FiscalCalendar, on: dt.date | None) -> list[tuple[int, int, int]]:
    """(position, fiscal year, quarter) of every quarter mention whose year can be known."""
    out: list[tuple[int, int, int]] = []
    low = text.lower()
    for (kind, rx), cues in zip(_MENTIONS, _MENTION_CUES, strict=True):
        if cues is not None and not any(c in low for c in cues):
            continue
        for m in rx.finditer(text):
            g = m.groupdict()
            year = _year(g.get("y1") or g.get("y2") or g.get("y3") or g.get("y4") or g.get("y5"))
            if kind == "q" and g.get("y3") and not g.get("y1"):
                year = _year(g.get("y3")) if g.get("num") else year
            if kind == "q":
                q = _ORD[g["ord"].lower()] if g.get("ord") else int(g["num"])
            elif kind == "half":
                q = 2 if (g.get("ord") or "").lower() == "first" or g.get("num") == "1" or g.get("six") else 4
                if g.get("six") and g.get("mon"):
                    fy, q = _month_quarter(cal, _month(g["mon"]), year, on, _tense(m.group(0)))
                    if fy:
                        out.append((m.start(), fy, q))
                    continue
            elif kind == "nine":
                fy, q = _month_quarter(cal, _month(g["mon"]), year, on, _tense(m.group(0)))
                if fy:
                    out.append((m.start(), fy, q))
                continue
            elif kind == "month":
                mon = _month(g.get("mon1") or g.get("mon2") or g.get("mon3"))
                fy, q = _month_quarter(cal, mon, year, on, _tense(m.group(0)))
                if fy:
                    out.append((m.start(), fy, q))
                continue
            else:  # year
                q = 4
                if g.get("mon"):
                    fy, _ = _month_quarter(cal, _month(g["mon"]), year, on, _tense(m.group(0)))
                    if fy:
                        out.append((m.start(), fy, 4))
                    continue
            if year is None:
                if on is None:
                    continue
                year = cal.nearest(q, on)
            out.append((m.start(), year, q))
    return sorted(set(out))


def _month_quarter(
    cal: FiscalCalendar, month: int | None, year: int | None, on: dt.date | None, tense: str | None = None
) -> tuple[int | None, int]:
    """The fiscal quarter that ends in ``month``; without a year, the occurrence the tense points to
    ("ended" the latest past one, "ending" the next one, else the nearest to ``on``)."""
    if month is None or (year is None and on is None):
        return None, 0
    if year is None:
        assert on is not None
        ends = {y: dt.date(y, month, calendar.monthrange(y, month)[1]) for y in (on.year - 1, on.year, on.year + 1)}
        if tense == "past":
            year = max(y for y, d in ends.items() if d <= on + dt.timedelta(days=3))
        elif tense == "future":
            year = min(y for y, d in ends.items() if d >= on - dt.timedelta(days=7))
        else:
            year = min(ends, key=lambda y: abs((ends[y] - on).days))
    return cal.quarter_of_month(year, month)


def _tense(phrase: str) -> str | None:
    low = phrase.lower()
    if "ended" in low:
        return "past"
    if "ending" in low or "ends" in low:
        return "future"
    return None


def article_quarter(article: Article, cal: FiscalCalendar) -> tuple[int, int] | None:
    """The fiscal (year, quarter) the article's earnings news is about, per the guide."""
    text = article.text
    on = article.published
    paras = paragraphs(text)
    lede_end = paras[0][1] if paras else len(text)

    def ended(fy: int, q: int) -> bool:
        return on is None or cal.quarter_end(fy, q) <= on

    def recent(fy: int, q: int) -> bool:  # results come out weeks after a period ends, not a year
        return on is None or (on - cal.quarter_end(fy, q)).days <= 135

    def usable(src: str, pos: int) -> bool:  # not a year-ago comparison
        return not (_COMPARISON.search(src[max(0, pos - 30) : pos]) or _COMPARED_AFTER.match(src, pos))

    def reported(src: str, pos: int) -> bool:  # not a comparison, nor estimates of the period
        return usable(src, pos) and not _ESTIMATES_AFTER.match(src, pos)

    head = [
        (src, pos, fy, q)
        for src in (article.title or "", text[:lede_end])
        for pos, fy, q in quarter_mentions(src, cal, on)
        if usable(src, pos)
    ]
    for src, pos, fy, q in head:  # the results the headline or lede reports
        if ended(fy, q) and recent(fy, q) and reported(src, pos):
            return fy, q
    body = quarter_mentions(text, cal, on)
    for pos, fy, q in body:  # results reported further down
        if reported(text, pos) and ended(fy, q) and recent(fy, q):
            return fy, q
    for _, _, fy, q in head:  # failing that, what the headline or lede forecasts or previews
        if not ended(fy, q):
            return fy, q
    for pos, fy, q in body:  # ... or, when they name none, the first period the article forecasts
        if not ended(fy, q) and usable(text, pos):
            return fy, q
    return cal.latest_ended(on) if on else None


ID_SEPARATOR = "\x1f"


QUOTE_MARKS = "\"“”‘’'«»"  # what the duplicate key ignores, with white space and EDGE_PUNCTUATION
EDGE_PUNCTUATION = ".,;:"


def duplicate_key() -> pl.Expr:
    """What makes two rows duplicates (build keeps one, validate refuses two): the same speaker, company and
    quarter, and the same statement once case, white space, quote marks and edge punctuation are ignored."""
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


def _company_for_hint(hint: str, primary: Company, companies: list[Company], registry: Registry) -> Company:
    """The article company a speaker's title names ("Apple's CFO"); the primary company when it names none."""
    hint_words = _words(hint)
    if not hint_words or hint_words <= _words(primary.name) or _same(hint, primary.name):
        return primary
    known = registry.lookup(hint)
    for c in companies:
        if _same(hint, c.name) or (known is not None and known.name == c.name) or hint_words <= _words(c.name):
            return c
    return primary


def _company_of_quote(
    q: Quote,
    article: Article,
    primary: Company,
    companies: list[Company],
    mentions: list[tuple[int, Company]],
    registry: Registry,
) -> Company:
    """The company whose event a quote speaks to.

    The speaker's own company when a title names it ("Apple's CFO"); in an article about several companies'
    results, the one named last before the speaker is first named (same or previous paragraph); for analysts
    and others, the one company the statement itself names; else the article's primary company.
    """
    if q.company_hint and q.speaker_role == "executive":  # an analyst's firm is not the company
        hinted = _company_for_hint(q.company_hint, primary, companies, registry)
        if hinted is not primary or _words(q.company_hint) & _words(primary.name):
            return hinted
    paras = paragraphs(article.text)
    head = article.title or re.split(r"(?<=[.!?])\s+", article.text, maxsplit=1)[0]
    headline = {c.name for c in companies if _title_match(head, c)}
    if len(headline) < 2:
        return primary
    if q.speaker_role != "executive":
        named = {c.name for pos, c in mentions if c.name in headline and q.char_start <= pos < q.char_end}
        if len(named) == 1:
            return next(c for c in companies if c.name in named)
    if q.speaker_at >= 0:
        para = next((i for i, (a, b) in enumerate(paras) if a <= q.speaker_at < max(b, a + 1)), 0)
        floor = paras[max(0, para - 1)][0]
        before = [c for pos, c in mentions if floor <= pos < q.speaker_at and c.name in headline]
        if before:
            return before[-1]
    return primary


def normalize_article(
    article: Article, quotes: list[Quote], registry: Registry, found: ArticleCompanies | None = None
) -> list[Row]:
    """Rows (label still empty) for one article's quotes."""
    if not quotes:
        return []
    found = found or companies_in(article, registry)
    primary, companies, mentions = found.primary, found.companies, found.mentions
    if primary is None:
        return []
    quarters: dict[str, tuple[int, int] | None] = {}
    rows = []
    for q in quotes:
        company = _company_of_quote(q, article, primary, companies, mentions, registry)
        if company.name not in quarters:
            quarters[company.name] = article_quarter(article, _calendar(company, article.text))
        fq = quarters[company.name]
        rows.append(
            Row(
                id=row_id(article.article_id, q.char_start, q.char_end),
                company=company.name,
                ticker=company.ticker,
                quarter=f"{fq[0]}Q{fq[1]}" if fq else None,
                fiscal_year=fq[0] if fq else None,
                fiscal_quarter=fq[1] if fq else None,
                statement=q.statement,
                speaker=q.speaker,
                speaker_role=q.speaker_role,
                label="",
                label_source="",
                article_id=article.article_id,
                url=article.url,
                published=article.published,
                char_start=q.char_start,
                char_end=q.char_end,
            )
        )
    return rows
