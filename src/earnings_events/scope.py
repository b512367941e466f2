"""Is an article about an earnings event? (used by build before extract)

Per the guide, an article is in scope when its main news (headline and lede)
is a company's financial results or its own forecast of them: a results
release, annual report, earnings call, pre-announcement or preview, or
guidance given at a meeting. It is out of scope when the main news is
something else (dividends, splits, offerings, mergers, asset sales,
bankruptcy, industry statistics), even when earnings are mentioned.
"""

from __future__ import annotations

import re

from .quotes import paragraphs
from .records import Article

SCOPE_VERSION = "scope_rules_v1"

_EARNINGS = re.compile(
    r"\b(?:earnings?|profits?|net\s+income|net\s+loss|(?:quarterly|annual|full[\s\-]year|half[\s\-]year|interim|"
    r"first[\s\-]half|fiscal)\s+results|results|revenues?|sales|loss(?:es)?|eps|per\s+share|a\s+share|"
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s\-](?:quarter|qtr)|q[1-4]|quarter|qtr|guidance|forecasts?|"
    r"outlook|sees|expects?|predicts?|projects?|estimates?|margins?|income|net|shr|cts|dlrs)\b",
    re.I,
)
_STRONG = re.compile(
    r"\b(?:earnings?|profits?|net\s+income|net\s+loss|results|(?:first|second|third|fourth|1st|2nd|3rd|4th)"
    r"[\s\-](?:quarter|qtr)|q[1-4]|quarterly|guidance|revenues?|outlook|forecasts?)\b",
    re.I,
)
_OTHER_NEWS = re.compile(
    r"\b(?:dividends?|payout|stock\s+split|split|splits|offering|ipo|merger|merge[sd]?|acqui\w+|takeover|"
    r"buy\s?out|bid|tender|stake|sale\s+of|divest\w*|spin[\s\-]?off|bankruptcy|chapter\s+11|"
    r"lawsuit|settle\w*|strike|layoffs?|recall|industry|sector|fdic|banks'\s+income|authori[sz]\w+\s+shares)\b",
    re.I,
)


def is_earnings_article(article: Article) -> tuple[bool, str]:
    """(in scope, why): the headline and the first paragraphs decide."""
    paras = paragraphs(article.text)
    lede = article.text[: paras[0][1]] if paras else article.text
    opening = article.text[: paras[min(2, len(paras) - 1)][1]] if paras else article.text
    first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", lede, maxsplit=1)[0]
    title = article.title or ""
    head = f"{title}\n{first}"
    other = _OTHER_NEWS.search(title) or (not title and _OTHER_NEWS.search(first))
    if other and not _STRONG.search(f"{title}\n{lede}"):
        return False, f"main news is {other.group(0).lower()!r}, not earnings"
    if _EARNINGS.search(head) or _STRONG.search(opening):
        return True, "earnings news"
    return False, "headline and opening paragraphs name no results or forecast"
