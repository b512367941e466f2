"""``ArticleDoc``: one article analysed once, as layers of offsets into its one text.

The per-article pipeline builds a doc from an ``Article`` and runs its components in order
(``pipeline.COMPONENTS``); each component reads the layers before it and adds its own. Every layer is a
list of small records holding ``start``/``end`` offsets into ``doc.text`` (the article body; the headline
is ``doc.title``, a separate string), so a later stage asks "which sentence holds this quote" or "which
organisation is named right before this code" without splitting the text again.

Layers, in the order the components add them:

============  ==========================  =====================================================
layer         component                   what it holds
============  ==========================  =====================================================
paragraphs    layout                      (start, end) of each paragraph
sentences     layout                      ``Sentence``: (start, end, paragraph)
dateline      layout                      ``Block`` "NEW YORK (Reuters) -" at the top, or None
blocks        layout                      ``Block``: subheads (ALL-CAPS lines), bylines, credit lines,
                                          speaker headings ("PATRICK WANG, ANALYST, EVERCORE")
quotes        quotes                      ``QuoteSpan``: every quotation, multi-paragraph ones whole
codes         mentions                    ``Code``: printed instrument codes (``XOM.N``, ``(NYSE: TRV)``)
orgs          mentions                    ``OrgMention``: organisations with their kind
periods       periods                     ``Period``: "fourth quarter", "fiscal 2024", "six months to June"
scope         scope                       ``ScopeDecision``: in scope or not, and why
people        speakers                    ``Person``: people named, with titles, firm and role
attributions  speakers                    ``Attribution`` per row-worthy quote: who said it
companies     company                     the ``Company`` of each attribution (same order)
quarters      quarter                     (fiscal year, quarter) per company name
labels        label                       the statement type of each attribution
============  ==========================  =====================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from ..records import Article
from ..registry import Company

_WORD = re.compile(r"[\w$€£%]+(?:['’.,-]\w+)*")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


class BlockKind(StrEnum):
    SUBHEAD = "subhead"  # a section heading in capitals: "PROFIT TOPS STREET"
    BYLINE = "byline"  # "By Jane Doe" / "(Corrects title ...)" before the dateline
    CREDIT = "credit"  # "(Reporting by ...; Editing by ...)", "Keywords: ...", "(($1 = 0.7 euros))"
    SPEAKER = "speaker"  # an instant-view heading: "PATRICK WANG, ANALYST, EVERCORE PARTNERS"
    COMPANY = "company"  # an instant-view heading naming the company the quotes below are about: "INTEL"
    DATELINE = "dateline"


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of text that is layout, not prose: never part of a name, a company or a statement."""

    start: int
    end: int
    kind: BlockKind


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation: mark positions and the trimmed statement's offsets."""

    open: int  # index of the opening mark
    content_start: int  # first index after the opening mark
    content_end: int  # index of the closing mark (or where an unclosed quote ends)
    close_end: int  # first index after the closing mark (== content_end when unclosed)
    start: int  # statement offsets, after trimming
    end: int
    statement: str
    closed: bool
    paragraph: int  # index of the paragraph the quote opens in

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.statement))


class OrgKind(StrEnum):
    """What an organisation is, as far as the stages care."""

    COMPANY = "company"  # a company (the reporting one or another)
    AGENCY = "agency"  # a news agency or data provider: Reuters, Thomson Reuters I/B/E/S, Bloomberg
    MARKET = "market"  # an exchange or an index: Nasdaq, the Dow, S&P 500, NYSE
    BROKER = "broker"  # a broker, bank research desk or analyst firm, when named as a speaker's firm
    FUND = "fund"  # a fund or asset manager named as an investor
    REGULATOR = "regulator"  # a regulator, central bank, government body, court or ministry


@dataclass(frozen=True, slots=True)
class Code:
    """An instrument code the article prints: ``XOM.N`` / ``( XOM.N )`` / ``<XOM>`` / ``(NYSE: TRV)``."""

    start: int
    end: int
    raw: str  # as printed, without brackets: "XOM.N", "NYSE: TRV"
    ticker: str  # the dataset's form: bare symbol for US venues ("XOM"), whole code elsewhere ("7203.T")
    in_title: bool = False  # printed in the headline (offsets then index ``doc.title``)


@dataclass(frozen=True, slots=True)
class OrgMention:
    start: int
    end: int
    name: str  # canonical short name ("Dean Foods" for "Dean Foods Co.")
    kind: OrgKind
    company: Company | None = None  # the registry's entry, or one made from the text, for companies
    code: Code | None = None  # a code printed right after the name
    in_title: bool = False


@dataclass(frozen=True, slots=True)
class Period:
    """A mention of a reporting period, before any fiscal calendar is applied."""

    start: int
    end: int
    kind: str  # "quarter" | "half" | "month_quarter" | "month_half" | "nine" | "year" | "current_quarter" | "horizon"
    number: int | None = None  # the quarter (1-4) or half (1-2)
    year: int | None = None  # the year as printed ("fiscal 2024", "1986"), None when not printed
    month: int | None = None  # the month a period ends in ("three months to December")
    fiscal: bool = False  # the text says "fiscal"
    tense: str | None = None  # "past" ("ended"), "future" ("ending"), None
    in_title: bool = False
    which: str | None = None  # for relative periods: "this", "next", "the current" ...
    unit: str | None = None  # for relative periods: "year", "quarter", "fiscal year"
    compared: bool = False  # the base of a comparison: "from ... in 1986", "a year earlier"
    estimate: bool = False  # followed by estimates or targets of it
    # a kind the scope model was trained without, so its features leave it out: what a forecast is for ("an
    # outlook for 2010"), the year just ended, the horizons added after it ("by 2013", "over the next three years")
    scope_blind: bool = False


@dataclass(frozen=True, slots=True)
class ScopeDecision:
    in_scope: bool
    reason: str  # a reason code: results_reported, preview, guidance, roundup, ...; economy, markets, deal, ...
    score: float = 0.0  # the model's probability that the article is in scope


@dataclass
class Person:
    """A person named in the article: the fullest form seen, where first named, titles, firm and role."""

    name: str
    first: int
    role: str | None = None
    company_hint: str | None = None  # a company the title names: "Apple's CFO", "chief executive of Apple"
    org: str | None = None  # the firm "of"/"at" names: "of Weil and Associates", "at Morgan Stanley"
    title: str = ""  # the titles the article gives this person, joined (lower case)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A row-worthy quote and the person who said it."""

    quote: QuoteSpan
    person: Person
    role: str
    heading: int | None = None  # offset of the instant-view company heading the quote sits under


@dataclass
class ArticleDoc:
    """One article and every layer the pipeline's components add to it."""

    article: Article
    # The layers before scope are first built for what scope reads: the layout for the article's opening, the
    # mentions and periods for its headline and first sentence; an article in scope then has them extended to the
    # whole text. ``analysed`` and ``mentioned`` are how far they reach.
    analysed: int = 0
    mentioned: int = 0
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    dateline: Block | None = None
    blocks: list[Block] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    # where the text's evidence ends a fiscal year and in which month, ``(offset, month)`` in the text's order ("its
    # fiscal third quarter ended Oct. 28"; a story on two companies can give two)
    fiscal_years: list[tuple[int, int]] = field(default_factory=list)
    scope: ScopeDecision | None = None
    people: dict[str, Person] = field(default_factory=dict)  # by surname key
    attributions: list[Attribution] = field(default_factory=list)
    companies: list[Company] = field(default_factory=list)  # one per attribution
    primary: Company | None = None  # the company whose event the article is
    quarters: dict[str, tuple[int, int] | None] = field(default_factory=dict)
    labels: list[str] = field(default_factory=list)  # one per attribution
    labeler: str = ""

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def title(self) -> str:
        return self.article.title or ""

    @cached_property
    def body_start(self) -> int:
        """Where the prose begins: after the dateline, or the first paragraph's start."""
        if self.dateline is not None:
            return self.dateline.end
        return self.paragraphs[0][0] if self.paragraphs else 0

    @cached_property
    def lede(self) -> tuple[int, int]:
        """The first sentence of the prose (after any byline and dateline)."""
        for s in self.sentences:
            if s.end > self.body_start and not self.in_block(max(s.start, self.body_start)):
                return max(s.start, self.body_start), s.end
        return self.body_start, len(self.text)

    @cached_property
    def lede_paragraph(self) -> tuple[int, int]:
        start = self.lede[0]
        for a, b in self.paragraphs:
            if a <= start < b:
                return start, b
        return self.lede

    def in_block(self, pos: int) -> Block | None:
        """The layout block (subhead, byline, credit, heading, dateline) holding ``pos``, if any."""
        for b in self.blocks:
            if b.start <= pos < b.end:
                return b
        if self.dateline is not None and self.dateline.start <= pos < self.dateline.end:
            return self.dateline
        return None

    @property
    def fiscal_year_ends(self) -> list[int]:
        """Every month the text's evidence ends a fiscal year in, in the text's order (whoever's year it is)."""
        return [month for _, month in self.fiscal_years]

    @property
    def fiscal_year_end(self) -> int | None:
        """The month the fiscal year ends in, when the text says: its first evidence (whoever's year it is)."""
        return self.fiscal_years[0][1] if self.fiscal_years else None

    def lede_end(self, after: int = 0) -> int:
        """Where the lede and the ``after`` sentences that follow it end (at the text's last sentence when it has
        fewer): the opening each stage reads ("the first two sentences" is ``lede_end(1)``)."""
        if not self.sentences:
            return self.lede[1]
        return self.sentences_end(self.lede[0], after)

    def sentences_end(self, pos: int, after: int = 0) -> int:
        """Where the sentence holding ``pos`` and the ``after`` sentences that follow it end (at the text's last
        sentence when it has fewer); the text has sentences."""
        return self.sentences[min(len(self.sentences) - 1, self.sentence_at(pos) + after)].end

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (the last one starting at or before it)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def paragraph_at(self, pos: int) -> int:
        for i, (a, b) in enumerate(self.paragraphs):
            if a <= pos < max(b, a + 1):
                return i
        return max(0, len(self.paragraphs) - 1)

    def in_quote(self, pos: int) -> bool:
        return any(q.open <= pos < q.close_end for q in self.quotes)
