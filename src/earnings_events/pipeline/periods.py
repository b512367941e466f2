"""Component 4, periods: every mention of a reporting period, and the fiscal calendar the text gives away.

Reads the text and headline; adds ``periods`` (``Period`` records, before any calendar is applied: "fourth
quarter", "fiscal 2024 first quarter", "Q4'23", "the December quarter", "the three months to December",
"first half", "nine months ended September", "fiscal 2023", "1986 results", "the year ending March") and
``fiscal_years``: where the article says a fiscal year ends and in which month ("its fiscal third quarter
ended Oct. 28", "the three months to December, its third quarter", "the year ending March 31"), which the
quarter stage gives to the company the sentence names and prefers over the registry's calendar.

Each period also carries how the text uses it: ``compared`` (a year-ago base: "from $2.10 a share in 1986",
"a year earlier"), ``estimate`` (estimates or targets of it: "fourth-quarter earnings estimates").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .document import ArticleDoc, Period
from .rx import Folded, folded

# ("the final quarter" is the fourth: a March year's "loss in its final quarter" is its January-March quarter)
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
MONTH_NAME = _MON  # a month's name as printed, for the stages that read a date beside a period
_YEAR = r"(?:19|20)\d\d"
# one lowercase word naming a business or a measure between a year and its results ("2008 panel profit", "2009 core
# earnings"); not a word of the sentence's grammar ("in 2008 when profit fell") nor a results word ("2008 net loss")
_SEGMENT = (
    r"(?!(?:when|while|as|and|but|or|its|their|his|her|the|a|an|to|of|with|that|which|because|after|before|"
    r"since|until|so|if|than|then|where|was|were|is|are|had|has|have|will|would|net|results|earnings|profits?|annual|"
    r"loss|revenues?|sales|income)\s)(?P<seg>(?-i:[a-z][a-z\-]{2,}))"
)
_FY = rf"(?P<fiscal1>fiscal(?:\s+year)?\s*|FY\s?)?(?P<y1>{_YEAR}|'\d\d)"
_ORDS = r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)"


@dataclass(frozen=True, slots=True)
class _Pattern:
    kind: str
    rx: re.Pattern[str] | Folded
    cues: tuple[str, ...] | None  # lower-case words without which the pattern cannot match (None: always run)


_PATTERNS = [
    # fiscal 2024 first quarter / 1986 fourth-quarter
    _Pattern(
        "quarter",
        folded(rf"\b{_FY}\s+{_ORDS}[\s\-]+(?P<fiscal2>fiscal\s+)?(?:quarter|qtr|period)"),
        ("quarter", "qtr", "period"),
    ),
    # fourth-quarter (of fiscal 2024 | 2023) / fiscal fourth-quarter
    _Pattern(
        "quarter",
        folded(
            rf"\b(?P<fiscal1>fiscal[\s\-]+)?{_ORDS}[\s\-]+(?P<fiscal2>fiscal[\s\-]+)?(?:quarter|qtr)s?\b"
            rf"(?:\s+(?:of\s+|ended\s+|ending\s+)?(?P<fiscal3>fiscal\s+(?:year\s+)?|FY\s?)?(?P<y2>{_YEAR})\b)?"
        ),
        ("quarter", "qtr"),
    ),
    # Q4 2023, Q4'23, 2023 Q4, FY24 Q1, Q1 FY2024, 4Q 2023, 4Q07
    _Pattern(
        "quarter",
        re.compile(
            rf"(?:\b(?P<fiscal1>FY\s?)?(?P<y1>{_YEAR})\s+|\bFY(?P<y3>\d\d)\s+)?\b(?:Q(?P<num>[1-4])|(?P<num2>[1-4])Q)"
            rf"(?:\s*(?:of\s+)?(?P<fiscal2>FY\s?|fiscal\s+)?(?P<y2>{_YEAR}|'\d\d|\d\d\b))?\b"
        ),
        ("q1", "q2", "q3", "q4", "1q", "2q", "3q", "4q"),
    ),
    # the December quarter / three months ended December 31, 2023 / quarter ended March 31 / a retailer's "13 weeks
    # to June 28" / "the three-month period that ended Oct. 31"
    _Pattern(
        "month_quarter",
        folded(
            rf"\b(?:the\s+(?P<mon1>{_MON})[\s\-]quarter|(?:(?:three|3)[\s\-]+months?|(?:13|14|thirteen|fourteen)[\s\-]+weeks?)(?:\s+period)?\s+(?:(?:that|which)\s+)?(?:ended|ending|to|through)\s+(?:the\s+end\s+of\s+|end[\s\-])?(?P<mon2>{_MON})"
            rf"(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+(?P<y2>{_YEAR}))?|quarter\s+(?:that\s+)?(?:ended|ending|ends|to|through)\s+(?:in\s+|end[\s\-])?(?P<mon3>{_MON})"
            rf"(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+(?P<y3>{_YEAR}))?)"
        ),
        ("quarter", "months", "month", "weeks"),
    ),
    # a span of months, as Asian and European wires name periods: "the October-December quarter", "April-June
    # operating profit", "the January-June period" (three months: a quarter; six: a half; nine: nine months)
    _Pattern(
        "month_range",
        folded(
            rf"\b(?P<mfrom>{_MON})\s?[\-–/]\s?(?P<mon>{_MON})(?![\-–/]\s?{_MON})(?:\s+(?P<y2>{_YEAR})\b)?"
            rf"|\b(?P<mfrom2>{_MON})\s+to\s+(?P<mon2>{_MON})(?:\s+(?P<y3>{_YEAR}))?\s+(?=quarter|period|half)"
        ),
        None,
    ),
    # the holiday quarter: the one that holds December (Apple's fiscal first, a retailer's fourth)
    _Pattern(
        "month_quarter",
        folded(r"\b(?:the\s+)?holiday(?:[\s\-]+season)?[\s\-]+(?P<holiday>quarter)\b"),
        ("holiday",),
    ),
    # first half / H1 / six months ended June 30 / 26 weeks to August 30
    _Pattern(
        "half",
        folded(
            rf"\b(?:(?P<fiscal1>fiscal\s+)?(?P<ord>first|second)[\s\-]half|H(?P<num>[12])\b|(?P<hnum>[12])H\b|(?P<six>(?:six|6)[\s\-]+months?|(?:26|27|28|twenty[\s\-]six|twenty[\s\-]eight)[\s\-]+weeks|(?P<blind>half[\s\-]year))(?:\s+period)?\s+(?:(?:that|which)\s+)?(?:ended|ending|to|through)\s+"
            rf"(?:the\s+end\s+of\s+|end[\s\-]|(?P<day>\d{{1,2}})\s+)?(?P<mon>{_MON}))(?:\s+(?:of\s+)?(?P<fiscal2>fiscal\s+)?(?P<y2>{_YEAR}))?"
        ),
        ("half", "h1", "h2", "1h", "2h", "months", "weeks"),
    ),
    # the quarter being reported, unnamed: "earned $1.48 a share for the quarter", "quarterly profit rose"
    # ("quarterly sales rose", a form the scope model was trained without, is kept from its eyes; "a dip in quarterly
    # sales of its software" is not the quarter's results)
    _Pattern(
        "current_quarter",
        folded(
            r"\b(?:(?:for|in|during|over)\s+the\s+(?:latest|recent|most\s+recent|just[\s\-]ended|reporting)?\s*quarter\b"
            r"(?![\s\-]+(?:ended|ending|to|of\s+\d|that|which))|quarterly\s+(?:(?:net|operating|pretax|pre-tax|core|adjusted|underlying)\s+)?"
            r"(?:profits?|earnings|results|net|loss|income|revenues?|(?P<blind>sales(?=\s+(?:rose|fell|grew|jumped|climbed|slipped|dropped|declined|increased|were|came)\b))))"
        ),
        ("quarter",),
    ),
    # this year / next year / the current fiscal year / this quarter / next quarter ("a bid rebuffed earlier this year"
    # is a date, not a period whose results anyone reports or forecasts)
    _Pattern(
        "relative",
        folded(
            r"(?<!earlier\s)\b(?P<which>this|next|(?:the|its|their)\s+current|(?:the|its|their)\s+coming|(?:the|its|their)\s+new|(?:the|its|their)\s+current\s+fiscal|this\s+fiscal|next\s+fiscal)[\s\-]+"
            r"(?P<unit>year|quarter|fiscal\s+year|financial\s+year|business\s+year)\b(?!,?\s+(?:ending|ended|ends|to\s+end|which|that(?!\s+(?:could|would|will|might|may)\b)))"
        ),
        ("year", "quarter"),
    ),
    # a forecast of "the year": the current one ("SEES HIGHER YEAR NET", "expects year earnings to rise"), as a
    # 1987 headline says it; a bare "YEAR NET" reports the year just ended (the year pattern below)
    _Pattern(
        "relative",
        folded(
            r"\b(?:sees?|expects?|predicts?|forecasts?|projects?|anticipates?)\s+(?:[\w\-]+\s+){0,3}?"
            r"(?P<unit>year)(?:['’]s)?\s+(?:net|earnings|profits?|results|income)\b",
        ),
        ("year",),
    ),
    # a forecast of annual results ("forecast that annual profit would shrink by a third", "predicts higher full-year sales"):
    # the year running when it is made, not the one just reported (unseen by the scope model)
    _Pattern(
        "relative",
        folded(
            r"(?<!beat\s)(?<!beats\s)(?<!topped\s)(?<!missed\s)(?<!than\s)(?<!above\s)(?<!below\s)"
            r"\b(?:forecasts?|forecasted|predicts?|predicted|projects?|projected|expects?|sees|warned\s+of)\s+"
            r"(?:(?!with\b)[\w\-]+\s+){0,7}?(?P<blind>(?P<unit>annual|full[\s\-]year))\s+"
            r"(?:net|earnings|profits?|results|income|operating\s+profits?|revenues?|sales)\b"
        ),
        ("annual", "full"),
    ),
    # a forecast "for the year" ("lowered its guidance for the year", "a view for the whole year"): the current year, as
    # the forecast names it (unseen by the scope model, which was chosen without this form)
    _Pattern(
        "relative",
        folded(
            r"\b(?:outlook|forecasts?|guidance|targets?|view|projections?)\s+for\s+(?P<blind>the\s+(?:(?:full|whole)\s+)?"
            r"(?:fiscal\s+)?(?P<unit>year))\b(?![\s\-]+(?:ending|ended|ends|to\s+end|to\s+[A-Z]|through|which|that|ago|earlier|before))"
        ),
        ("year",),
    ),
    # a target year ("back in the black as soon as 2011"): the year the forecast is for (unseen by the scope model)
    _Pattern(
        "year",
        folded(rf"\bas\s+(?:soon|early)\s+as\s+(?P<blind>(?P<fiscal1>fiscal\s+)?(?P<y1>{_YEAR}))\b"),
        ("soon", "early"),
    ),
    # a multi-year horizon ("double digit growth through 1989", "through '09", "to double by 2013", "over the next
    # three years"; not "its lowest in two years"): the guide names it by its first year
    _Pattern(
        "horizon",
        folded(
            rf"\b(?:(?:through|thru|until|by)\s+(?:the\s+end\s+of\s+)?(?:fiscal\s+)?(?P<y1>{_YEAR}|['’]\d\d(?!\w))(?!\s*[\-–/]\d)|"
            r"(?:over|for|in|during|within)\s+the\s+(?:next|coming)\s+(?:two|three|four|five|six|seven|ten|few|several|[2-9])"
            r"\s+(?:fiscal\s+)?years|in\s+(?:two|three|four|five|[2-5])\s+years['’]?\s+time|"
            # a target "within six years" (a deadline; "within two years of the merger" looks back)
            r"within\s+(?:two|three|four|five|six|seven|eight|ten|[2-9]|10)\s+years(?!\s+(?:of|after|since|from)\b))\b"
        ),
        ("through", "thru", "until", "by", "years"),
    ),
    # nine months ended ...
    _Pattern(
        "nine",
        folded(rf"\b(?:nine|9)[\s\-]+months?\s+(?:ended|ending|to|through)\s+(?P<mon>{_MON})"),
        ("months",),
    ),
    # full year / fiscal 2023 / 1986 results / year ended May 31 / annual results / reported ... for 1986 /
    # an outlook for 2010 / the business year just ended / a retailer's "52 weeks to the end of April 2019"
    _Pattern(
        "year",
        folded(
            rf"\b(?:(?:full|whole)[\s\-]year(?:\s+(?P<y2>{_YEAR}))?|(?P<fiscal1>fiscal(?:\s+year)?|FY)\s?(?P<y1>{_YEAR}|\d\d)\b"
            rf"(?![\s\-]+(?:first|second|third|fourth|1st|2nd|3rd|4th|Q[1-4]))|(?P<y3>{_YEAR}|(?<=['’])\d\d)\s+(?:(?:per[\s\-]share|operating|fiscal|full[\s\-]year|{_SEGMENT})\s+)?"
            rf"(?:results|earnings|profits?|net|annual|loss|revenues?|sales)|(?:earned|lost|(?:reported|posted|recorded|had)\s+(?:\w+\s+){{0,3}}?(?:net|profits?|earnings|income|loss(?:es)?|revenues?|sales)|"
            rf"(?:earnings|profits?|net|income|loss(?:es)?|revenues?|sales))\b(?:[^.;\"“”]|\.\d){{0,60}}?\b(?:in|for)\s+"
            rf"(?:the\s+)?(?P<fiscal4>fiscal\s+(?:year\s+)?)?(?P<y5>{_YEAR})\b|(?:outlook|forecasts?|guidance|targets?)\b(?:\s+of\s+[^.;\"“”]{{1,30}}?)?\s+for\s+"
            rf"(?:the\s+)?(?P<fiscal6>fiscal\s+(?:year\s+)?)?(?P<y6>{_YEAR})\b|(?P<fiscal5>fiscal\s+)?(?:year|(?:52|53|fifty[\s\-]two|fifty[\s\-]three)[\s\-]+weeks?)\s+"
            rf"(?:ended|ending|to)\s+(?:in\s+|the\s+end\s+of\s+)?"
            rf"(?:(?:early|late|mid)[\s\-]+)?(?P<mon>{_MON})(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+(?P<y4>{_YEAR}))?|annual\s+(?:results|profits?|earnings|net|loss(?:es)?)"
            r"|(?P<just>(?:business\s+|fiscal\s+|financial\s+)?year\s+(?:that\s+)?just\s+(?:ended|closed|finished)))",
            exact=("seg",),
        ),
        None,
    ),
]
# Evidence of a fiscal calendar: (regex, how the matched month relates to the year end).
_RELATIVE_YEAR_BEFORE = folded(r"\b(?:last|this|next|previous|prior)\s+$")
_FY_EVIDENCE_CUE = folded(r"\bend|yearend|\bto\s|\bthrough\s")
_FY_EVIDENCE = [
    (
        folded(
            rf"\b(?:(?:fiscal\s+)?year(?:[\s\-]?end)?|(?:52|53|fifty[\s\-]two|fifty[\s\-]three)[\s\-]+weeks?),?\s+\(?(?:that\s+|which\s+)?"
            rf"(?:ended|ending|ends|to\s+end|to)\s+(?:in\s+|on\s+)?"
            rf"(?:(?:early|late|mid)[\s\-]+)?(?:the\s+end\s+of\s+)?(?P<mon>{_MON})"
        ),
        "y",
    ),
    (
        folded(
            rf"\bfiscal\s+(?:year\s+)?(?:{_YEAR}|'\d\d)\s*,?\s+(?:which\s+)?(?:ended|ending|ends)\s+(?:in\s+)?(?P<mon>{_MON})"
        ),
        "y",
    ),
    (
        folded(rf"\b(?P<mon>{_MON})\s+\d{{1,2}},?\s+(?:{_YEAR},?\s+)?the\s+(?:company's\s+)?fiscal\s+year[\s\-]?end"),
        "y",
    ),
    (
        folded(
            rf"\b(?:fiscal\s+){_ORDS}[\s\-]+(?:fiscal\s+)?(?:quarter|qtr)(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|'\d\d))?\s*,?\s+"
            rf"(?:which\s+)?(?:ended|ending|ends|to\s+end|to|through)\s+(?:in\s+)?(?:the\s+end\s+of\s+)?(?P<mon>{_MON})"
        ),
        "q",
    ),
    (
        folded(
            rf"\b{_ORDS}[\s\-]+fiscal[\s\-]+(?:quarter|qtr)(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|'\d\d))?\s*,?\s+(?:which\s+)?"
            rf"(?:ended|ending|ends|to\s+end|to|through)\s+(?:in\s+)?(?:the\s+end\s+of\s+)?(?P<mon>{_MON})"
        ),
        "q",
    ),
    (
        folded(
            rf"\b(?:(?:three|3)[\s\-]+months?|quarter)\s+(?:ended|ending|to|through)\s+(?:the\s+end\s+of\s+)?(?P<mon>{_MON})"
            rf"(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+{_YEAR})?"
            rf"\s*[,(]\s*(?:its|the\s+company's|their|the)\s+(?:fiscal\s+)?{_ORDS}[\s\-]+(?:fiscal\s+)?quarter"
        ),
        "q",
    ),
    (
        folded(
            rf"\b{_ORDS}[\s\-]+(?:fiscal\s+)?(?:quarter|qtr)(?:\s+of\s+(?:fiscal\s+)?(?:{_YEAR}|'\d\d))?\s*,?\s+(?:which\s+|that\s+)?"
            rf"(?:ended|ending|ends|to\s+end)\s+(?:in\s+)?(?P<mon>{_MON})"
        ),
        "q",
    ),
    (
        folded(
            rf"\b(?P<half>first|second)[\s\-]half(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:{_YEAR}|'\d\d))?\s*,?\s+(?:ended|ending|ends|to)\s+(?:in\s+)?"
            rf"(?:the\s+end\s+of\s+)?(?P<mon>{_MON})"
        ),
        "h",
    ),
]
# "the fourth quarter a year earlier" is a comparison's base; "the second quarter ending March 31 against a year ago"
# is compared with one
_COMPARED_AFTER = folded(
    r"(?![^.;]{0,40}?\b(?:against|versus|vs\.?|compared\s+(?:with|to)|from)\s+(?:the\s+)?(?:a\s+)?year[\s\-](?:ago|earlier))"
    r"[^.;]{0,40}?\b(?:a\s+year\s+(?:ago|earlier)|year[\s\-]ago|year[\s\-]earlier)\b"
)
_COMPARISON = folded(
    r"(?:year[\s\-]ago|year[\s\-]earlier|a\s+year\s+(?:ago|earlier)|prior[\s\-]year|same\s+period|last\s+year'?s|"
    r"compared\s+(?:with|to)|versus|vs\.?|from|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped)?|(?<!-)beat(?:s|ing)?|"
    r"over|above|below|than(?:\s+(?:in|for))?|repeat(?:s|ed|ing)?|match(?:es|ed|ing)?|since)\s*(?:the\s+|its\s+)?$"
)
# a period followed by estimates of it ("analysts' fourth-quarter earnings estimates") is not reported
_ESTIMATES_AFTER = folded(
    r"[\w\-]*(?:\s+(?:[\w'’]+|per\s+share)){0,5}?\s+(?:estimates?|forecasts?|projections?|targets?|guidance|outlook|expectations?)\b",
)


# a verdict word before a period its estimates follow: "beat second-quarter sales and profit estimates"
_VERDICT_BEFORE = folded(r"(?:beat|top|exceed|surpass|match|above|below|miss)")


def _compared(text: str, s: int, e: int, estimate: bool) -> bool:
    """The period is the base of a comparison ("profit rose from the third quarter", "a year earlier"), not a
    verdict on it (``estimate``: estimates of it follow; "beat second-quarter sales and profit estimates")."""
    before = _COMPARISON.search(text[max(0, s - 30) : s])
    if before and estimate and _VERDICT_BEFORE.match(before.group(0)):
        before = None
    return bool(before or _COMPARED_AFTER.match(text, e))


def annotate(doc: ArticleDoc, start: int = 0, end: int | None = None) -> ArticleDoc:
    """Add ``periods`` of the headline (when ``start`` is 0) and of the text between ``start`` and ``end``, and
    ``fiscal_years`` (once the whole text is read)."""
    end = len(doc.text) if end is None else end
    if start == 0:
        doc.periods = mentions(doc.title, in_title=True)
    doc.periods += [p for p in mentions(doc.text, start=start, end=end) if not doc.in_block(p.start)]
    if end >= len(doc.text):  # the quarter stage reads it; scope does not
        doc.fiscal_years = fiscal_year_evidence(doc.text)
    return doc


def month(raw: str | None) -> int | None:
    return _MONTHS[raw[:3].lower()] if raw else None


def year(raw: str | None) -> int | None:
    if not raw:
        return None
    raw = raw.strip("'’")
    y = int(raw)
    return y if y > 100 else (2000 + y if y < 70 else 1900 + y)


_EARLY_DAY = re.compile(r"\.?\s+(\d{1,2})(?!\d|,\d)")  # the day after a month (not "May 2008", "May 1,500")
_RANGE_KIND = {3: "month_quarter", 6: "month_half", 9: "nine", 12: "year"}


def _month_end(text: str, m: re.Match[str], group: str) -> int | None:
    """The month a period ends in; a day in the first week means a 52/53-week period of the month before
    ("the quarter ended March 3" is Best Buy's February quarter)."""
    mon = month(m.group(group))
    day = _EARLY_DAY.match(text, m.end(group))
    if mon is not None and day and int(day.group(1)) <= 7:
        return (mon - 2) % 12 + 1
    return mon


def _tense(phrase: str) -> str | None:
    low = phrase.lower()
    if "ended" in low or "through" in low:
        return "past"
    if "ending" in low or "ends" in low:
        return "future"
    return None


# the first year of a range that ends at a year mention ("2023-" of "2023-2026")
_RANGE_FROM = re.compile(rf"({_YEAR})\s?[\-–]\s?$")
# ... or of a headline's list ("2008, " or "2008 and " of "Quillon backs 2008, 2009 margin goals")
_LIST_FROM = re.compile(rf"\b({_YEAR})(?:\s*,\s*|\s+(?:and|&)\s+)$")


def mentions(text: str, in_title: bool = False, start: int = 0, end: int | None = None) -> list[Period]:
    """Every period mention in ``text`` (between ``start`` and ``end``), in order (leftmost-longest: one
    mention per stretch of text)."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    found: list[Period] = []
    for pat in _PATTERNS:
        if pat.cues is not None and not any(c in low for c in pat.cues):
            continue
        for m in pat.rx.finditer(text, start, end):
            g = m.groupdict()
            fiscal = any(g.get(k) for k in ("fiscal1", "fiscal2", "fiscal3", "fiscal4", "fiscal5", "fiscal6"))
            y = year(g.get("y1") or g.get("y2") or g.get("y3") or g.get("y4") or g.get("y5") or g.get("y6"))
            number = mon = None
            kind = pat.kind
            span = (
                _RANGE_FROM.search(text, max(0, m.start() - 5), m.start()) if kind == "year" and g.get("y3") else None
            )
            if span is not None and y is not None and y - int(span.group(1)) >= 2:
                continue  # "2023-2026 profit targets": a multi-year plan, whose first year the body names
            listed = (
                _LIST_FROM.search(text, max(start, m.start() - 12), m.start()) if kind == "year" and in_title else None
            )
            if listed is not None and g.get("y3") and y is not None and 0 < y - int(listed.group(1)) <= 2:
                # "2008, 2009 profit targets": the list's first year is named too, and first (kept from the scope
                # model's eyes, which were chosen without it)
                found.append(
                    Period(
                        listed.start(1),
                        listed.end(1),
                        "year",
                        None,
                        int(listed.group(1)),
                        None,
                        False,
                        None,
                        in_title,
                        estimate=bool(_ESTIMATES_AFTER.match(text, m.end())),
                        scope_blind=True,
                    )
                )
            if kind == "quarter":
                number = _ORD[g["ord"].lower()] if g.get("ord") else int(g.get("num") or g.get("num2"))
                if g.get("y3") and not g.get("y1"):  # FY24 Q1
                    y, fiscal = year(g["y3"]), True
            elif kind == "half":
                if g.get("six"):
                    kind, mon = "month_half", _month_end(text, m, "mon")
                else:
                    number = 1 if (g.get("ord") or "").lower() == "first" or "1" in (g.get("num"), g.get("hnum")) else 2
            elif kind == "nine":
                mon = _month_end(text, m, "mon")
            elif kind == "month_quarter" and g.get("holiday"):
                mon = 12
            elif kind == "month_quarter":
                mon = _month_end(text, m, next((k for k in ("mon1", "mon2") if g.get(k)), "mon3"))
            elif kind == "month_range":
                first, mon = month(g.get("mfrom") or g.get("mfrom2")), month(g.get("mon") or g.get("mon2"))
                assert first is not None and mon is not None
                kind = _RANGE_KIND.get((mon - first) % 12 + 1, "")
                if not kind:
                    continue  # "November-December" holiday sales, "January-February": not a reporting period
            elif kind == "year":
                mon = _month_end(text, m, "mon") if g.get("mon") else None
            which = " ".join(g["which"].lower().split()) if g.get("which") else None
            if which and which.split()[0] in ("its", "their") and which.split()[1] in ("coming", "new"):
                which = "the " + " ".join(which.split()[1:])  # "its new fiscal year" is "the new fiscal year"
            unit = " ".join(g["unit"].lower().split()) if g.get("unit") else None
            s, e = m.start(), m.end()
            estimate = bool(_ESTIMATES_AFTER.match(text, e))
            if kind == "relative" and not g.get("which"):  # "SEES HIGHER YEAR NET": the mention is "YEAR NET"
                s, which = m.start("unit"), "this"
            found.append(
                Period(
                    s,
                    e,
                    kind,
                    number,
                    y,
                    mon,
                    fiscal,
                    _tense(m.group(0)),
                    in_title,
                    which=which,
                    unit=unit,
                    compared=_compared(text, s, e, estimate),
                    estimate=estimate,
                    scope_blind=bool(
                        g.get("y6")
                        or g.get("just")
                        or g.get("blind")
                        or g.get("seg")  # (a year read since the scope model was chosen)
                        or g.get("hnum")  # ("1H FY20", "the half-year ended 31 December", "six months to 30 June")
                        or g.get("day")
                        or (kind == "horizon" and _new_horizon(m, g))
                        or (g.get("ord") or "").lower() == "final"  # (a form the scope model was chosen without)
                    ),
                )
            )
    found.sort(key=lambda p: (p.start, -p.end))
    out: list[Period] = []
    for p in found:  # leftmost-longest
        if out and p.start < out[-1].end:
            continue
        out.append(p)
    return out


def _new_horizon(m: re.Match[str], g: dict[str, str | None]) -> bool:
    """A horizon form the scope model was trained without ("by 2013", "through '09", "over the next three years"):
    kept from its eyes, so that its decisions stay those it was chosen for."""
    y1 = g.get("y1")
    return y1 is None or not y1[0].isdigit() or m.group(0).lower().startswith("by")


def fiscal_year_evidence(text: str) -> list[tuple[int, int]]:
    """Where the text's evidence ends a fiscal year and in which month, ``(offset, month)``, in the text's order
    (a story on two companies can give two: a rival's "third quarter ended November 27" before the company's own
    "first quarter ended November 30"; the quarter stage gives each to the company its sentence names)."""
    if not _FY_EVIDENCE_CUE.search(text):
        return []
    found: list[tuple[int, int]] = []
    for rx, kind in _FY_EVIDENCE:
        for m in rx.finditer(text):
            if kind == "y" and _RELATIVE_YEAR_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "the first quarter last year, which ended in May": a quarter's end, not a year's
            mon = month(m.group("mon"))
            assert mon is not None
            if kind == "q":
                mon += 3 * (4 - _ORD[m.group("ord").lower()])
            elif kind == "h" and m.group("half").lower() == "first":
                mon += 6
            end = (mon - 1) % 12 + 1
            day = _EARLY_DAY.match(text, m.end("mon"))
            if end == 2 and day and int(day.group(1)) <= 7:
                # "the third quarter ended November 1", "the year ended Feb. 2": the 52/53-week year of a US
                # retailer, which ends on the Saturday nearest January 31, so its quarters are the months to January
                # (the quarter stage trusts a checked registry calendar a month away from such evidence)
                end = 1
            found.append((m.start(), end))
    return sorted(found)
