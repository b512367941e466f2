"""Is an article about an earnings event? (used by build between ingest and extract)

Per the guide, an article is in scope when its main news (headline and first
sentence) is a company's financial results or its own forecast of them: a
results release, annual report, earnings call, pre-announcement or preview,
or guidance given at a meeting. It is out of scope when the main news is
something else (dividends, splits, offerings, mergers, asset sales,
bankruptcy, industry statistics), even when earnings are mentioned.
"""

from __future__ import annotations

import re

from .document import ArticleDoc, ScopeDecision

SCOPE_VERSION = "scope_rules_v1"

# Words that make results or a forecast of them the news.
_RESULTS = re.compile(
    r"\b(?:earnings?|profits?|net\s+income|net\s+loss|(?:operating\s+)?loss(?:es)?|lost|results|revenues?|"
    r"sales\s+(?:rose|fell|grew|climbed|increased|decreased|dropped|jumped|slipped)|"
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s\-](?:quarter|qtr|half)|q[1-4]|h[12]|"
    r"(?:fiscal|full[\s\-]year|annual|half[\s\-]year|interim)\s+(?:results|profit|earnings|revenue|sales)|"
    r"guidance|outlook|forecasts?|record\s+year|eps|beats?\s+(?:estimates|expectations|forecasts)|"
    r"misses\s+(?:estimates|expectations)|break[\s\-]?even|profitab\w+|(?:holiday|december|march|june|september)[\s\-]quarter|"
    r"(?:cuts?|lowers?|lowered|raises?|raised|lifts?|lifted|trims?|trimmed|boosts?|boosted|narrow(?:s|ed)?|"
    r"reiterat\w+|confirm\w*)\s+(?:its\s+)?(?:\w+[\s\-]+){0,3}?(?:target|forecast|outlook|guidance|estimates?)|"
    r"(?:sees?|expects?|expected|forecasts?|predicts?|projects?)\s+(?:\w+[\s\-]+){0,3}?"
    r"(?:higher|lower|strong|weak|record|improved|growth|gains?|loss|earnings|profits?|results|sales|revenues?|net))\b",
    re.I,
)
# The results are discussed as the article's occasion (an earnings call, a results release).
_OCCASION = re.compile(
    r"\b(?:earnings|results|quarterly|annual)\s+(?:results\s+)?(?:conference\s+)?call\b|\bconference\s+call\b|"
    r"\bcall\s+with\s+analysts\b|\b(?:reported|posted|announced|released)\s+(?:its\s+|their\s+)?"
    r"(?:\w+[\s\-]){0,3}(?:results|earnings|profit|net\s+income|loss)\b",
    re.I,
)
_OTHER_NEWS = re.compile(
    r"\b(?:dividends?|payout|stock\s+split|(?:reverse\s+)?split|splits|offering|ipo|merger|merge[sd]?|acqui\w+|"
    r"takeover|buy\s?out|tender\s+offer|(?:agree[sd]?|to)\s+(?:to\s+)?(?:buy|purchase)|sale\s+of|sells?\s+(?:its|unit|stake)|"
    r"divest\w*|spin[\s\-]?off|bankruptcy|chapter\s+11|lawsuit|settle\w*|strike|recall|"
    r"authori[sz]\w+\s+(?:shares|an\s+increase)|share\s+increase)\b",
    re.I,
)
_INDUSTRY = re.compile(r"\b(?:industry|sector|industry-wide|nation's\s+[\w\s]{0,20}banks|U\.S\.\s+banks)\b")
_INDUSTRY_CAPS = re.compile(r"\b(?:INDUSTRY|SECTOR|U\.S\.\s+BANKS?)\b")
# Signs that a company, not an industry, is the subject: a ticker code or a corporate suffix.
_COMPANY_SIGN = re.compile(
    r"<[A-Z0-9.]{1,12}>|\((?:NYSE|NASDAQ|Nasdaq|AMEX|LSE|TSX)\s*:|\b(?:Inc|Corp|Co|Ltd|PLC|plc|AG|SA|NV|LLC)\b\.?"
)


def annotate(doc: ArticleDoc) -> ArticleDoc:
    """Add the ``scope`` decision."""
    ok, why = _rules(doc)
    doc.scope = ScopeDecision(ok, why)
    return doc


def _rules(doc: ArticleDoc) -> tuple[bool, str]:
    """(in scope, reason). The headline and first sentence decide; an earnings call or results release named
    in the opening paragraphs also makes an article about it in scope."""
    title = doc.title
    a, b = doc.lede
    first = doc.text[a:b]
    head = f"{title}\n{first}"
    paras = doc.paragraphs
    opening = doc.text[: paras[min(2, len(paras) - 1)][1]] if paras else doc.text
    other = _OTHER_NEWS.search(title) or _OTHER_NEWS.search(first)
    if other and not _RESULTS.search(first):
        return False, "other_news"
    industry = _INDUSTRY.search(first) or _INDUSTRY_CAPS.search(title)
    if industry and not _COMPANY_SIGN.search(head) and not _OCCASION.search(opening):
        return False, "industry"
    if _RESULTS.search(head) or _OCCASION.search(opening):
        return True, "results_reported"
    return False, "no_results_news"
