"""Component 7, company: the company whose earnings event each quote belongs to, its ticker, and final roles.

Reads ``orgs``, ``codes``, ``blocks`` and ``attributions``; adds ``primary`` and ``companies`` (one per
attribution) and settles each attribution's role.

The organisations the mentions layer found are grouped into entities (the same company named as "H.J. Heinz
Co.", "Heinz" and "HNZ.N"). The article's company is the entity its headline and first sentence are about:
named in the headline, the first sentence's subject, printed with its code, named often; never a news agency
or data provider, an exchange or index, a public body, a fund, or a firm the article names only as a
speaker's employer ("Morgan Keegan analyst ..."), an editor's name in a credit line, or a dateline. In an
article about several companies' results each quote goes to the company whose event it speaks to: the
speaker's own company, the company heading it stands under, the one company the statement or its sentence
names, an executive's company named last before him; else the article's company.

The ticker: a code the article prints for the company wins (the first one printed); the registry fills in
only what the text does not print, with the ticker the company had on the article's date.

Roles: ``executive`` only for officers and directors of the quote's company; an executive of another
company, an official, an academic or a union leader is ``other``; a speaker at a broker, bank research desk
or fund is ``analyst``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from ..fiscal import FiscalCalendar
from ..registry import Company, Registry
from .document import ArticleDoc, Attribution, BlockKind, Code, OrgKind, OrgMention, Sentence
from .mentions import canonical, financial_firm, initials, kind_of, lede_subject, us_venue
from .people import role_from_title
from .rx import compiled, literal_spans

# Words too common in company names to identify one on their own.
_GENERIC = {
    "the",
    "and",
    "corp",
    "inc",
    "co",
    "company",
    "group",
    "holdings",
    "international",
    "bank",
    "financial",
    "american",
    "general",
    "national",
    "united",
    "first",
    "new",
    "global",
    "capital",
    "industries",
    "systems",
    "technologies",
    "energy",
    "motors",
    "services",
    "resources",
    "communications",
    "brands",
    "airlines",
    "foods",
    "pharmaceuticals",
    "of",
    "&",
}
_ANALYST_CONTEXT = re.compile(
    r"(?:\banalysts?\b|\bstrategists?\b|\beconomists?\b|\bportfolio\s+managers?\b|\bfund\s+managers?\b|\bsaid\s+in\s+a\s+(?:research\s+)?note\b)",
    re.I,
)
_DATA_CONTEXT = re.compile(
    r"\b(?:according\s+to|data\s+from|compiled\s+by|polled\s+by|survey\s+by|estimates\s+from)\s*$", re.I
)
_POSSESSIVE = re.compile(r"['’]s?$")
# a mention right after "analyst at" names the analyst's firm ("said Jane Roe, analyst at Quillon Brokers")
_ANALYST_AT = re.compile(r"\b(?:analysts?|economists?|strategists?)\s+(?:at|with|from)\s+$")
# A word of a headline or a heading, in lower case (apostrophes and hyphens kept).
_HEADING_WORD = re.compile(r"[a-z0-9&'’\-]+")


@dataclass
class Entity:
    """One organisation however the article names it."""

    names: list[str]
    mentions: list[OrgMention] = field(default_factory=list)
    company: Company | None = None
    kind: OrgKind = OrgKind.COMPANY
    score: float = 0.0
    as_firm: int = 0  # mentions as a speaker's or a data provider's firm

    @property
    def name(self) -> str:
        if self.company is not None and self.company.known:
            return self.company.name
        # a headline in capitals names it as "DEAN WIDGETS": the text's own spelling is the name
        spelled = [n for n in self.names if not n.isupper()] or self.names
        return max(spelled, key=lambda n: (len(n.split()), len(n)))

    def words(self) -> set[str]:
        return {w for n in self.names for w in _words(n)}

    @property
    def ticker(self) -> str | None:
        """The code the article prints for it (the headline's first, else the first in the text)."""
        return next((c.ticker for c in self.codes()), None)

    def codes(self) -> list[Code]:
        """Every code the article prints for it, headline first."""
        return [m.code for m in sorted(self.mentions, key=lambda m: (not m.in_title, m.start)) if m.code]


@lru_cache(maxsize=65536)
def _words(name: str) -> frozenset[str]:
    return (
        frozenset(w for w in re.findall(r"[a-z0-9][a-z0-9&'’\-]*", canonical(name).lower()) if len(w) >= 2) - _GENERIC
    )


# A company's name with a place added names its unit: "Shell Australia", "Shell U.K.", "Ford of Europe".
_PLACE_WORDS = {
    "australia",
    "uk",
    "u k",
    "canada",
    "europe",
    "america",
    "usa",
    "us",
    "japan",
    "china",
    "india",
    "germany",
    "france",
    "italy",
    "spain",
    "mexico",
    "brazil",
    "korea",
    "asia",
    "pacific",
    "international",
    "britain",
    "deutschland",
    "nederland",
    "holland",
    "ireland",
    "scotland",
    "argentina",
    "chile",
    "hong",
    "kong",
}


def same_entity(a: str, b: str) -> bool:
    """ "H.J. Heinz" and "Heinz"; "Merrill Lynch" and "Merrill"; "ICI" and "Imperial Chemical Industries";
    not "General Motors" and "General Electric", nor "Shell" and its unit "Shell Australia"."""
    na, nb = (re.sub(r"[^a-z0-9&]+", " ", canonical(x).lower()).strip() for x in (a, b))
    if not na or not nb:
        return False
    if na == nb:
        return True
    for short_name, long_name in ((a, b), (b, a)):  # an initialism in capitals: "ICI"
        bare = canonical(short_name).replace(".", "")
        if bare.isupper() and 2 <= len(bare) <= 5 and " " not in bare and bare == initials(long_name):
            return True
    # (a hyphenated name's parts are words of it: "Ingersoll" names "Ingersoll-Rand Plc")
    wa, wb = ({p for w in _words(x) for p in w.split("-") if len(p) >= 2} for x in (a, b))
    short, long_ = sorted((na.split(), nb.split()), key=len)
    if wa and wb and (wa <= wb or wb <= wa):
        extra = " ".join(w for w in long_ if w not in short)
        if extra in _PLACE_WORDS or all(w in _PLACE_WORDS for w in extra.split()):
            return False  # a unit named for its country is not its parent
        # the shorter is a run of the longer's words, starting at its first distinctive word
        return " ".join(short) in " ".join(long_)
    return False


def _longer_unknown(m: OrgMention, e: Entity) -> bool:
    """A company the registry knows and a longer name it does not are two companies: "Honeywell" and
    "Honeywell Bull Inc", "Tyco" (Tyco International) and "Tyco Electronics" (not "Merrill Lynch & Co" and its
    short form "Merrill", which carry the same company, nor "Tesla" and "Tesla Motors Inc")."""
    a, b = m.company, e.company
    if a is None or b is None or a.known == b.known:
        return False
    unknown_name, known_name, printed = (m.name, b.name, e.name) if not a.known else (e.name, a.name, m.name)
    if initials(unknown_name) in {canonical(known_name).replace(".", ""), canonical(printed).replace(".", "")}:
        return False  # spelled out, even misspelled: "International Business Machine Corp" is IBM
    n = len(canonical(unknown_name).split())
    # ... and "Tyco Electronics" is not the "Tyco" the registry reads as Tyco International: a longer name than the
    # one printed for the known company, and not a form of that company's own name
    return n > len(canonical(known_name).split()) or (
        n > len(canonical(printed).split()) and not same_entity(unknown_name, known_name)
    )


def entities(doc: ArticleDoc) -> list[Entity]:
    """The article's organisations, grouped; in order of first mention."""
    out: list[Entity] = []
    names = {p.name for p in doc.people.values() if " " in p.name}
    for m in doc.orgs:
        if not m.in_title and any(
            n.endswith(" " + m.name) and doc.text[max(0, m.end - len(n)) : m.end] == n for n in names
        ):
            continue  # the surname of a person the article names ("CEO Lewis Campbell"), not Campbell Soup
        hit = None
        for e in out:
            if (
                (m.company is not None and e.company is not None and m.company.name == e.company.name)
                or (
                    m.code is not None
                    and any(x.code is not None and x.code.ticker == m.code.ticker for x in e.mentions)
                )
                or (any(same_entity(m.name, n) for n in e.names) and not _longer_unknown(m, e))
            ):
                hit = e
                break
        if hit is None:
            hit = Entity([m.name], kind=m.kind)
            out.append(hit)
        hit.mentions.append(m)
        if m.name not in hit.names:
            hit.names.append(m.name)
        if m.company is not None and (hit.company is None or (m.company.known and not hit.company.known)):
            hit.company = m.company
        if m.kind == OrgKind.COMPANY or m.code is not None:
            hit.kind = OrgKind.COMPANY
    return out


def _headline_names(doc: ArticleDoc, e: Entity) -> bool:
    """Does the headline name this entity (in any case: wire headlines are often in capitals)?"""
    if any(m.in_title for m in e.mentions):
        return True
    title = doc.title
    if not title:
        return False
    low = re.sub(r"['’]s\b", "", title.lower())
    words = set(re.findall(r"[a-z0-9][a-z0-9&'’\-]*", low))
    words |= {p for w in words for p in w.split("-")}  # "3-Cardinal", "Bristol" of "Bristol-Myers"
    for n in e.names:
        w = _words(n)
        if (
            w
            and w <= words
            and not (len(w) == 1 and _longer_name_of_another(doc, words, min(w), e))
            and not (len(w) == 1 and _lower_case_in(title, min(w)))
            # (one distinctive word that is another company's whole name names that one: "Northwind" is not
            # Northwind International, its listed unit, when the article calls its parent "Northwind")
            and not (len(w) == 1 and len(canonical(n).split()) > 1 and _own_name_of_another(doc, min(w), n))
        ):
            return True
        first = canonical(n).split()[0].lower() if canonical(n).split() else ""
        # the first word alone (or its first part: "Bristol" of "Bristol-Myers"), unless it is another company's
        # whole name ("Nokia" names Nokia, not its joint venture Nokia Siemens; "Coca-Cola" not Coca-Cola
        # Enterprises)
        part = first.split("-")[0]
        if (
            len(part) >= 4
            and part not in _GENERIC
            and (first in words or part in words)
            and not _own_name_of_another(doc, first, n)
            and not _own_name_of_another(doc, part, n)
            and not _longer_name_of_another(doc, words, first, e)
        ):
            return True
        # the first part of a name run together ("Conoco" of "ConocoPhillips"), capitalised as in the name ("solar"
        # is not "SolarWorld")
        joined = re.match(r"([A-Z][a-z]{3,})[A-Z][a-z]", canonical(n))
        if (
            joined
            and re.search(rf"(?<![\w&]){joined.group(1)}(?![\w&])", title)
            and not _own_name_of_another(doc, joined.group(1).lower(), n)
        ):
            return True
        ini = initials(n)
        # (initials of words, not of an acronym's run: "PC Client" is not the headline's "PC")
        spelled = all(not (w.isupper() and len(w) > 1) for w in canonical(n).split())
        if len(ini) >= 2 and spelled and ini in title.replace(".", "").split():
            return True
    return False


def _lower_case_in(title: str, word: str) -> bool:
    """Does a headline in mixed case use ``word`` only in lower case ("Quillon expects a slow steel rebound"
    does not name Nippon Steel, whose one distinctive word is "steel")?"""
    if title.upper() == title:
        return False
    found = [m.group(0) for m in compiled(rf"(?<![\w&]){re.escape(word)}(?![\w&])", re.I).finditer(title)]
    return bool(found) and all(f[:1].islower() for f in found)


def _own_name_of_another(doc: ArticleDoc, word: str, name: str) -> bool:
    """Is ``word`` the whole name of a company the article names, other than ``name``?"""
    return any(o.kind == OrgKind.COMPANY and o.name.lower() == word and o.name != name for o in doc.orgs)


def _longer_name_of_another(doc: ArticleDoc, title_words: set[str], word: str, e: Entity) -> bool:
    """Does the headline spell out another company whose name starts with ``word`` ("Tyco Electronics reports ..."
    names Tyco Electronics, not Tyco International, which the article also calls "Tyco")?"""
    for o in doc.orgs:
        w = canonical(o.name).lower().split()
        if (
            o.kind == OrgKind.COMPANY
            and len(w) >= 2
            and w[0] == word
            and set(w) <= title_words
            and o.name not in e.names
            and not (o.company and e.company and o.company.name == e.company.name)
        ):
            return True
    return False


# "Boeing seat maker trims outlook", "Quillon supplier Harbor ...": a company named to say who another is
_MODIFIES = re.compile(
    r"(?:['’]s?)?\s+(?:[a-z][\w\-]*\s+){0,2}?(?:supplier|\w*maker|partner|rival|customer|unit|parent|client|"
    r"contractor|vendor|dealer|subsidiary|affiliate|bottler|franchisee|assembler)s?\b"
)


# "unveils Quillon deal", "selling Quillon stake", "weighs Quillon bid": a company named for a deal with it (not
# a bank's "deal fees" or "deal revenue"; no plurals: "Quillon bids $6 billion" is a verb)
_DEAL_WITH = re.compile(
    r"(?:['’]s?)?\s+(?:deal|stake|bid|offer|takeover|merger|tie-up|alliance|partnership|venture|buyout)\b"
    r"(?!\s+(?:fees|revenues?|income|flow|activity|making|advisory)\b)"
)


_NAME_EDGE = re.compile(r"[\w&]")  # what may not touch a name's word for it to be that word


def _headline_modifier(doc: ArticleDoc, e: Entity, say: re.Pattern[str] = _MODIFIES) -> bool:
    """The headline names the company only to say who another one is ("Boeing battery maker ..."), or with
    ``say=_DEAL_WITH`` only to name a deal with it ("unveils Quillon deal")."""
    title = doc.title
    found = False
    for n in e.names:
        words = canonical(n).split()
        for _, end in (literal_spans(title, words[0], _NAME_EDGE, _NAME_EDGE) or []) if words else ():
            if not say.match(title, end):
                return False
            found = True
    return found


def _opening(doc: ArticleDoc) -> tuple[int, int]:
    """Where the story names its lead: the lede, and the sentence after it when the lede names no organisation
    ("Fuel costs lowered airline earnings.")."""
    lede_start, lede_end = doc.lede
    if (
        doc.sentences
        and not any(not o.in_title and lede_start <= o.start < lede_end for o in doc.orgs)
        and lede_subject(doc) is None
    ):
        return lede_start, doc.lede_end(1)
    return lede_start, lede_end


def _score(doc: ArticleDoc, e: Entity, opening: tuple[int, int]) -> None:
    lede_start, lede_end = opening
    text = doc.text
    first_in_lede = next((m for m in e.mentions if not m.in_title and lede_start <= m.start < lede_end), None)
    e.score = 0.0
    if _headline_names(doc, e) and not _headline_modifier(doc, e) and not _headline_modifier(doc, e, _DEAL_WITH):
        e.score += 4
    if first_in_lede is not None:
        e.score += 3
        if not any(
            o.kind == OrgKind.COMPANY and not o.in_title and lede_start <= o.start < first_in_lede.start
            for o in doc.orgs
        ):
            e.score += 1  # the first company the lede names: usually its subject
    if any(m.code is not None and not m.in_title for m in e.mentions[:3]):
        e.score += 1.5
    body = [m for m in e.mentions if not m.in_title]
    e.score += 0.4 * min(5, len(body))
    for m in body:
        before = text[max(0, m.start - 40) : m.start]
        after = text[m.end : m.end + 40]
        if (
            _DATA_CONTEXT.search(before)
            or (_ANALYST_CONTEXT.match(after.lstrip(" '’s")) and not _headline_names(doc, e))
            or re.match(r"\s*,?\s+(?:an?\s+)?analysts?\b", after)
            or _ANALYST_AT.search(before)
        ):
            e.as_firm += 1
    if body and e.as_firm >= len(body):
        e.score -= 6


_RESULTS_WORDS = re.compile(
    r"\b(?:results?|earnings|profits?|net\s+(?:income|loss)|revenues?|quarterly|quarter|forecasts?|outlook|guidance|"
    r"reported|posted|per\s+share|a\s+share|estimates?|expectations|loss(?:es)?|margins?)\b",
    re.I,
)


# a company named as another's customer or supplier: "counts Quillon Inc (QLN.O) as its biggest customer"
_TRADE_PARTNER = re.compile(
    r"(?:\s*\([^()]{1,24}\))?\s+as\s+(?:its|a|their|one\s+of\s+its)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:customers?|clients?|suppliers?|partners?)\b"
)


def _has_event(doc: ArticleDoc, e: Entity) -> bool:
    """Does the article report or forecast this company's results (headline, or a sentence naming it with
    results words, not as a speaker's firm)? Not a company the headline names only to say who another is ("Apple
    supplier Quillon tops estimates")."""
    if _headline_names(doc, e) and not _headline_modifier(doc, e):
        return True
    for m in e.mentions:
        if m.in_title or doc.in_quote(m.start):
            continue
        s = doc.sentences[doc.sentence_at(m.start)] if doc.sentences else None
        if s is not None and _RESULTS_WORDS.search(doc.text, s.start, s.end):
            after = doc.text[m.end : m.end + 30]
            before = doc.text[max(0, m.start - 30) : m.start]
            if not (
                re.match(r"\s*(?:['’]s\s+)?(?:\w+\s+)?(?:analysts?|economists?|strategists?)\b", after)
                or _ANALYST_AT.search(before)
                or _TRADE_PARTNER.match(doc.text, m.end)
            ):
                return True  # (not as an analyst's firm: "said X, analyst at Quillon Brokers Group")
    return False


# a company as the subject (or owner) of its results: "Northwind Inc reported a wider loss", "Quillon Foods Inc
# ( QFD.N ) posted", "Northwind's quarterly profit", "Harbor Motion, which also forecast ..."; or what results are
# of: "stronger-than-expected results at Harbor Motion"
_REPORTS_AFTER = re.compile(
    r"(?:['’]s?)?(?:\s+(?:Inc|Corp|Co|Ltd|Plc|PLC|AG|SA|NV|SE|LLC|Group|Holdings)\b\.?)*(?:\s*\(\s*[^()]{1,24}\),?)?"
    r"(?:\s+and\s+[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}(?:\s*\(\s*[^()]{1,24}\))?)?"  # "X and Y, ..., are expected to report"
    r"(?:\s*,(?:[^,.;]|\.(?=\d)){1,80},|\s*,\s*(?:which|that|whose)\s+(?:also\s+|own\s+)?)?\s*"
    r"(?:(?!(?:said|says|told|tells)\b)[\w\-]+\s+){0,3}?"  # (not past a verb of saying: "X's thinking said the results")
    r"(?:said\s+(?:that\s+)?its\s+(?:[\w\-]+\s+){0,2}?(?:profits?|earnings|revenues?|sales|income|loss(?:es)?)\b|"
    r"report(?:ed|s)?|post(?:ed|s)?|published|earn(?:ed|s)?|lost|swung|beat|beats|missed|misses|topped|tops|forecast|forecasts|"
    r"raised|raises|cut|cuts|lifted|lowered|trimmed|doubled|tripled|halved|warned|warns|expects?|sees|results?|"
    r"earnings|profits?|net|income|loss(?:es)?|revenues?|"
    r"rev|sales|quarterly|quarter|(?:first|second|third|fourth)[\s\-]quarter|outlook|guidance)\b",
    re.I,
)
_REPORTS_BEFORE = re.compile(r"\b(?:results?|earnings|profits?|revenues?|sales|loss)\s+(?:at|of|from)\s+$", re.I)
# a headline that names a company as an object: "Northwind costs rise; fending off Quillon", "cites Quillon deal"
_HEADLINE_OBJECT = re.compile(
    r"\b(?:off|for|over|against|vs\.?|versus|from|with|to|on|than|cites?|beating|beats|buys?|bids?|sues|joins)\s+$",
    re.I,
)


# a headline's clauses: "Northwind results improve; Quillon shrugs", "Northwind profit up, not seen moving Quillon"
_HEADLINE_CLAUSE = re.compile(r";|,\s+(?=[a-z])")
_HEADLINE_RESULTS = re.compile(rf"{_RESULTS_WORDS.pattern}|\b(?:Q[1-4]|net|sales|EPS|rev|earns?)\b", re.I)


def _aside(doc: ArticleDoc, e: Entity, at: int) -> bool:
    """Is the headline's clause at ``at`` an aside about ``e`` in a headline whose results are another company's:
    the clause says nothing of results, and another clause reports them for a company it names?"""
    title = doc.title
    cuts = [0, *(m.end() for m in _HEADLINE_CLAUSE.finditer(title)), len(title) + 1]
    clauses = list(pairwise(cuts))
    own = next((c for c in clauses if c[0] <= at < c[1]), None)
    if own is None or _HEADLINE_RESULTS.search(title, own[0], own[1]):
        return False
    others = {canonical(o.name).split()[0] for o in doc.orgs if o.kind == OrgKind.COMPANY and o.name not in e.names}
    return any(
        c != own
        and _HEADLINE_RESULTS.search(title, c[0], c[1])
        and any(re.search(rf"(?<![\w&]){re.escape(w)}(?![\w&])", title[c[0] : c[1]], re.I) for w in others if w)
        for c in clauses
    )


def _reports(doc: ArticleDoc, e: Entity) -> bool:
    """Does the article report or forecast this company's own results: the headline names it other than as an
    object, or a sentence outside quotes has it as the subject of a results verb or the owner of a result?"""
    if _headline_names(doc, e):
        at = [
            f.start()
            for n in e.names
            for f in re.finditer(rf"(?<![\w&]){re.escape(canonical(n).split()[0])}", doc.title, re.I)
            if canonical(n).split()
        ]
        if not at or any(not _HEADLINE_OBJECT.search(doc.title[:a]) and not _aside(doc, e, a) for a in at):
            return True
    for m in e.mentions:
        if m.in_title or doc.in_quote(m.start):
            continue
        end = doc.sentences[doc.sentence_at(m.start)].end if doc.sentences else len(doc.text)
        if _REPORTS_AFTER.match(doc.text[m.end : end]) or _REPORTS_BEFORE.search(
            doc.text[max(0, m.start - 30) : m.start]
        ):
            return True
    return False


_OTHERS_IN_TITLE = re.compile(r"\band\s+(?:\d+|two|three|four|five|several|other)?\s*(?:others|rivals|peers)\b", re.I)


def _event_entities(doc: ArticleDoc, ents: list[Entity], best: Entity | None) -> tuple[list[Entity], list[Entity]]:
    """The companies whose results the article is about: the article's company, and others only when the
    article covers several (its headline names two or more, or its opening sentences report two or more); and
    of those, the ones its headline names or its opening reports (the story's leads)."""
    if best is None:
        return [], []
    named = [e for e in ents if _headline_names(doc, e)]
    # (not one the headline names only for a deal with it, when it names another: "Northwind profit falls; unveils
    # Quillon deal". A unit, a parent or a supplier it names may be the event's: "Quillon unit turns a profit")
    named = [e for e in named if not _headline_modifier(doc, e, _DEAL_WITH)] or named
    opening_end = doc.lede_end(4) if doc.sentences else 0
    reported = [
        e for e in ents if any(not m.in_title and m.start < opening_end for m in e.mentions) and _has_event(doc, e)
    ]
    # a headline that names one company is about it; one that names none ("Manufacturers rebounding") may be a
    # round-up, when its opening reports several (not when only the body does: a headline's "Coke" is Coca-Cola,
    # whose rivals' results the body cites; read blind, counting the body's companies was as often wrong as right)
    # (a headline that names one and counts the others, "Northwind and 3 others cut targets", is a round-up too)
    several = len(named) >= 2 or ((not named or _OTHERS_IN_TITLE.search(doc.title)) and len(reported) >= 2)
    if not several:
        return [best], [best]
    lead = [e for e in ents if e is best or e in named or e in reported]
    return [e for e in ents if e is best or e in named or _has_event(doc, e)], lead


def annotate(doc: ArticleDoc, registry: Registry) -> ArticleDoc:
    """Add ``primary`` and one company per attribution; settle each attribution's role."""
    ents = [e for e in entities(doc) if e.kind == OrgKind.COMPANY]
    subject = _lede_subject(doc)
    same = [e for e in ents if any(same_entity(subject.name, n) for n in e.names)] if subject is not None else []
    if (
        subject is not None
        and len(same) == 1
        and subject.name not in same[0].names
        and _words(subject.name) <= set(_HEADING_WORD.findall(doc.title.lower()))
    ):
        same[0].names.append(subject.name)  # the lede's "Virgin Atlantic" (the headline's) names the body's "Virgin"
    if subject is not None and not same:
        a = doc.lede[0] + doc.text[doc.lede[0] :].find(subject.name.split()[0])
        known = registry.lookup(subject.name) or subject  # (a name no pattern caught may still be a listed one's)
        ents.append(
            Entity([subject.name], [OrgMention(a, a + len(subject.name), subject.name, OrgKind.COMPANY, known)], known)
        )
    opening = _opening(doc)
    for e in ents:
        _score(doc, e, opening)
    ranked = sorted(ents, key=lambda e: -e.score)
    best = ranked[0] if ranked and ranked[0].score > 0 else None
    doc.primary = _company(best, doc, registry) if best else None
    event, lead = _event_entities(doc, ents, best)
    doc.companies = []
    by_person: dict[str, Entity | None] = {}
    for a in doc.attributions:
        e = _quote_entity(doc, a, ents, event, lead, best, by_person)
        doc.companies.append(_company(e, doc, registry) if e is not None else doc.primary)  # type: ignore[arg-type]
    firms = entities(doc) if doc.attributions else []  # every kind, for the roles: read once, not per quote
    doc.attributions = [
        replace(a, role=_role(a, c, firms, doc)) for a, c in zip(doc.attributions, doc.companies, strict=True)
    ]
    return doc


def _company(e: Entity, doc: ArticleDoc, registry: Registry) -> Company:
    base = e.company or Company(e.name, None, FiscalCalendar.default(), known=False)
    ticker = e.ticker  # a printed code wins; the registry fills in only what the text does not print
    listed = registry.ticker_on(base, doc.article.published) if base.known else None
    if ticker is None:
        ticker = listed
    else:  # "UBS ( UBS.N ) ... ( UBSN.VX )": of the codes printed, the home listing's, not the US one's
        home = [c.ticker for c in e.codes() if not us_venue(c.raw)]
        if home and us_venue(next(c.raw for c in e.codes())):
            ticker = listed if listed in home else home[0]
    if ticker and listed and ticker.replace(".", "") == listed.replace(".", ""):
        ticker = listed  # "NWSa.O" printed, NWSA listed: the same share class, in the exchange's own notation
    ticker = ticker or None  # a printed "GM.UL": unlisted
    name = base.name_on(doc.article.published) if base.known else _short_name(e.name, doc.title, registry)
    return replace(base, name=name, ticker=ticker)


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
    "stores",
    "laboratories",
}


def _short_name(name: str, title: str, registry: Registry) -> str:
    """The run of a company's name its headline uses ("Citroen" for "Automobiles Citroen", "Shell U.K." for
    "Shell U.K. Oil"), unless that drops a word that belongs to the name ("Dean Foods", not "Dean") or the run is
    another company's name ("Nokia Siemens" is not "Nokia")."""
    toks = name.split()
    # a possessive goes on both sides alike: "Men's Wearhouse" runs as "men wearhouse" in its headline
    norm = [re.sub(r"[^a-z0-9&]", "", re.sub(r"['’]s$", "", t.lower())) for t in toks]
    # (a hyphen inside a word joins it, as in ``norm``: "Coca-Cola Enterprises" runs as "cocacola enterprises")
    # (between letters only: "UPDATE 2-First Data" keeps "first" a word)
    low = re.sub(r"(?<=[a-z])[\-‐](?=[a-z])", "", re.sub(r"['’]s\b", "", title.lower()))
    words = re.findall(r"[a-z0-9&]+", low.replace(".", ""))
    caps = _capitalised(title)
    for k in range(len(toks), 0, -1):
        for i in range(len(toks) - k + 1):
            run = norm[i : i + k]
            dropped = set(norm[:i] + norm[i + k :])
            if (
                len("".join(run)) >= 3
                and not dropped & _KEEP_TAIL
                and not (k == 1 and (run[0] in _KEEP_TAIL or run[0] in _GENERIC))  # not "Enterprises" alone
                and any(words[j : j + k] == run for j in range(len(words)))
                and not (k < len(toks) and registry.lookup(" ".join(toks[i : i + k])))
                # (nor a common noun of the headline: "Home Retail" is not "Retail" in "... buck retail gloom")
                and not (k == 1 < len(toks) and not (title.isupper() or run[0] in caps))
            ):
                return " ".join(toks[i : i + k])
    return name


def _capitalised(title: str) -> set[str]:
    """The headline's capitalised words, in lower case: those it may use as a name."""
    # (a hyphen between letters joins a word, as in ``_short_name``: "Smurfit-Stone"; "UPDATE 2-Quillon" is two)
    words = re.findall(r"[A-Za-z0-9&]+", re.sub(r"(?<=[A-Za-z])[\-‐](?=[A-Za-z])", "", title.replace(".", "")))
    return {w.lower() for w in words if w[:1].isupper()}


def _lede_subject(doc: ArticleDoc) -> Company | None:
    """A lede that opens with a name no pattern caught ("Publix Super Markets, the grocery chain, said ...")."""
    found = lede_subject(doc)
    if found is None:
        return None
    name, trade = found
    if not name or name.split()[0] in {
        "Analysts",
        "Investors",
        "Shares",
        "The",
        "U.S.",
        "Officials",
        "It",
        "He",
        "She",
    }:
        return None
    kind = kind_of(name)
    # a news or data company whose own results are the news opens the headline and is described as a business in
    # the lede ("Business-data group Thomson Reuters kept its yearly forecast")
    if kind != OrgKind.COMPANY and not (kind == OrgKind.AGENCY and trade and doc.title.startswith(name)):
        return None
    if (
        not trade
        and re.fullmatch(r"[A-Z][a-z]+\s+[A-Z][a-z]+", name)
        and not any(w.upper() in doc.title.upper() for w in name.split())
    ):
        return None  # "Jane Roe said": a person, unless the headline names the company by one of its words
    return Company(name, None, FiscalCalendar.default(), known=False)


def _quote_entity(
    doc: ArticleDoc,
    a: Attribution,
    ents: list[Entity],
    event: list[Entity],
    lead: list[Entity],
    best: Entity | None,
    by_person: dict[str, Entity | None],
) -> Entity | None:
    """The entity whose event a quote speaks to. In an article about several companies' results: under an
    instant-view heading, its company; the one reporting company the statement names (or the speaker's other
    quotes in its paragraph name); else the speaker's: an executive's own company, the one reporting company the
    attributing sentence names, for an executive the lead company named last before he is first named. Otherwise
    the article's company."""
    heading = _heading_company(
        doc, a, event if len(event) >= 2 else [e for e in ents if e is best or _has_event(doc, e)], ents
    )
    if heading is not None:  # an instant view's company heading ("INTEL", "YAHOO")
        return heading
    if len(event) < 2:
        return _own_event(doc, a, ents, best) or _sentence_event(doc, a, ents, best) or best
    covered = event  # (the story's companies, before any is set aside as the speaker's firm)
    q = a.quote
    person = a.person
    executive = a.role == "executive" and not _investor(doc, a)
    hint = person.company_hint
    own = next((e for e in event if any(same_entity(hint, n) for n in e.names)), None) if hint and executive else None
    if own is None and hint and executive:
        # a listed company of the story whose results it does not report ("Harbor Stores' chief executive" in a
        # round-up of others' results): still his own company's quote, not the lead's
        own = next(iter(_titled_companies(a, [e for e in ents if e.ticker is not None])), None)
    if own is not None:  # "Quillon Chief Executive Jo Fay" on Northwind's shareholders: Quillon's quote
        return own
    named = _reporting(doc, _named_in(doc, [a], event), best)
    if len(named) == 1:
        # the speaker's other quotes speak to it too, unless they name another ("(Quillon's) results confirm
        # what we feared ..." then "Nobody there seems to have planned ahead ...")
        by_person.setdefault(person.name, named[0])
        return named[0]
    # a quote naming no company speaks to the one the same speaker's other quotes in its paragraph name ("We've
    # grumbled about chipmakers for months ...," ... "At last one (Quillon) has ...")
    siblings = [
        b for b in doc.attributions if b is not a and b.person.name == person.name and b.quote.paragraph == q.paragraph
    ]
    named = _reporting(doc, _named_in(doc, siblings, event), best) if not named and siblings else []
    if len(named) == 1:
        return named[0]
    if not executive and len(before := _remark_subjects(doc, a, event)) == 1:
        # an outsider's fragment whose own sentence names one reporting company before it speaks to it, whatever
        # the speaker's other quotes spoke to ("Roe sees more lenders selling stock, with Quillon "first in line
        # for ..."")
        return before[0]
    if person.name in by_person:
        return by_person[person.name]
    found: Entity | None = None
    if executive and not hint and re.match(r"\s*(?:the\s+)?company(?:['’]s)?\s", person.title or ""):
        found = best  # "company president Bert Nordberg": the company the article is about
    own = person.org or person.company_hint
    if own and not executive:  # an analyst's firm is never the company ("said Ridgeline Bank's Sam Poe")
        event = [e for e in event if not any(same_entity(own, n) for n in e.names)] or event
    if not executive:  # nor the firm the description names (", who runs $2 billion for Quillon Trust";
        # not what the speaker comments on or covers: ", commenting on Quillon's forecast", "who covers Quillon")
        desc = re.split(
            r"(?:^|,)\s*(?:commenting|referring|speaking|writing|talking)\b|\bwho\s+(?:covers|follows|tracks|rates)\b|"
            r"\bcovering\b|\b(?:which|that|whose\s+[\w\s\-]{1,40}?)\s+(?:owns?|holds?)\b|\bholdings\s+include\b",
            _described(doc, a),
        )[0]
        event = [e for e in event if not any(n in desc for n in e.names)] or event
    if found is None:
        lo, hi = _attribution_span(doc, a)
        named = {
            id(e): e
            for e in event
            for m in e.mentions
            if not m.in_title and lo <= m.start < hi and not (q.start <= m.start < q.end) and not _firm_of(doc, m)
        }
        # (an executive speaks for one of the story's leads: "..., referring to systems gained in the Adelphia
        # deal" does not make him Adelphia's)
        if len(named) == 1 and (not executive or next(iter(named.values())) in lead):
            found = next(iter(named.values()))
    if found is None and executive and not hint:
        # "CEO Sam Poe said" right after two sentences on one reporting company, or introduced by a sentence it
        # opens: that company's chief, lead or not
        found = _introduced_by(doc, a, covered) or _just_reported(doc, a, covered, refers=False, subject=True)
    if found is None and executive:
        # "Chief Executive Richard Davis": the lead company the story was last about, however far back (not one
        # named in passing: "firms like Nokia")
        anchor = min(person.first, q.open) if person.first >= 0 else q.open
        before = [
            (m.start, e)
            for e in lead
            for m in e.mentions
            if not m.in_title
            and m.start < anchor
            and not doc.in_quote(m.start)
            and not _TRADE_PARTNER.match(doc.text, m.end)  # (another's customer: "counts Quillon as its customer")
        ]
        found = max(before, key=lambda x: x[0])[1] if before else best
    if found is None and not executive:
        # a remark that refers to the company the story has turned to, or whose neighbour in the speaker's run of
        # quotes does ("It was long overdue," ... "They are cleaning up their business.")
        run = [b for b in siblings if b is not a and abs(doc.sentence_at(b.quote.open) - doc.sentence_at(q.open)) <= 2]
        found = _just_reported(doc, a, covered) or next(
            (e for b in run if (e := _just_reported(doc, b, covered, subject=True)) is not None), None
        )
    if found is None:
        # an analyst's or an investor's remark that names no company ("Shoppers are spending cautiously") speaks to
        # the round-up's lead company, not to whichever was named last before it
        found = best
    by_person[person.name] = found
    return found


# a remark that refers to a company without naming it ("They have hired more bodies", "the company's guidance")
_REFERS = re.compile(
    r"\b(?:they|them|their|its|the\s+(?:company|firm|bank|group|retailer|carrier|airline|insurer|lender))\b", re.I
)


def _just_reported(
    doc: ArticleDoc, a: Attribution, event: list[Entity], refers: bool = True, subject: bool = False
) -> Entity | None:
    """In a round-up, an outsider's remark that names no company but refers to one ("They have hired more
    bodies") speaks to the one reporting company the two sentences before it name outside quotes ("Quillon relies
    more on late fees. The new law caps them." then "This hits them hardest"): the company the story has turned
    to. Two or more named, or none, and it is not this; nor for a remark with no such reference ("Shoppers are
    cautious"), which speaks to the round-up's lead. Without ``refers`` no reference word is asked for (an
    executive whose title names no company: "CEO Sam Poe said"). With ``subject`` (that executive, a neighbour in an
    analyst's run of quotes, and any company accepted on its printed code) the company must open one of those
    sentences: the story's subject then, not a rival in an aside ("... while Quillon's unit lags")."""
    q = a.quote
    if not doc.sentences or (refers and not _REFERS.search(q.statement)):
        return None
    # (nor for a remark that names one of them, even in a form no mention caught: "American Home's guidance")
    if any(re.search(rf"(?<![\w&]){re.escape(canonical(n).split()[0])}", q.statement) for e in event for n in e.names):
        return None
    k = doc.sentence_at(a.quote.open)
    lo = doc.sentences[max(0, k - 2)].start
    # (not across a subhead: "A LIFT FROM REFORM?" before the remark starts another topic)
    lo = max([lo, *(b.end for b in doc.blocks if lo <= b.start and b.end <= a.quote.open)])
    named: dict[int, Entity] = {}
    opens = opens_today = False  # the company opens one of its sentences (one not dated before the day's news)
    for e in event:
        for m in e.mentions:
            if (
                not m.in_title
                and lo <= m.start < a.quote.open
                and not doc.in_quote(m.start)
                and not doc.in_block(m.start)
                and not _not_the_subject(doc, a, m)
            ):
                named.setdefault(id(e), e)
                s = doc.sentences[doc.sentence_at(m.start)]
                if _opens_sentence(doc, a, m, s):
                    opens = True
                    opens_today = opens_today or not _EARLIER.search(doc.text, s.start, s.end)
    if len(named) != 1:
        return None
    e = next(iter(named.values()))
    # (a listed or printed company: "Mortgage" of a trade group's name taken for a company is not one; one whose
    # code is printed needs only a sentence on its results, as a theme round-up's list gives: "costs hit Quillon")
    if e.ticker is None and not (e.company is not None and e.company.known):
        return None
    if subject and not opens:
        return None
    if _reports(doc, e):
        return e
    # (a printed code and a sentence on its results of the day: the company opens that sentence)
    return e if _printed(e) and _has_event(doc, e) and opens_today else None


SUBJECT_WORDS = 3  # words before a company that still opens its sentence ("Shares of Quillon", "In Japan, Quillon")


def _opens_sentence(doc: ArticleDoc, a: Attribution, m: OrgMention, s: Sentence) -> bool:
    """Is the mention the subject of its sentence ``s`` (at most ``SUBJECT_WORDS`` words before it, the dateline not
    counted), or in the sentence that introduces the speaker ("Sam Poe, chief executive of car dealer Quillon, ...")?"""
    if a.person.first >= 0 and s.start <= a.person.first < s.end:
        return True
    return _subject_of(doc, m, s)


def _subject_of(doc: ArticleDoc, m: OrgMention, s: Sentence) -> bool:
    """Is the mention the subject of its sentence ``s``: at most ``SUBJECT_WORDS`` words before it, the dateline and
    a description not counted?"""
    start = s.start
    if doc.dateline is not None and s.start <= doc.dateline.end <= m.start:
        start = doc.dateline.end
    before = doc.text[start : m.start]
    # (a description before the name is not counted: "Shares of Ohio-based pump maker Quillon", "Last week, chip
    # maker Quillon")
    d = _DESCRIBED.search(before)
    return len(before[: d.end(1) if d else len(before)].split()) <= SUBJECT_WORDS


# the words of a company's description right before its name, after the sentence's start, a comma or "Shares of"
_DESCRIBED = re.compile(r"(^|,|\b[Ss]hares\s+(?:of|in))\s*(?:(?:[a-z][\w\-]*|[\w.]+-based)\s+)+$")
# a sentence dated before the day's news: "Last week, Quillon cut its forecast"
_EARLIER = re.compile(r"\b(?:last|earlier\s+this|the\s+previous)\s+(?:week|month)\b", re.I)


# a sentence that goes on about the company the one before it named: "It also cut its outlook.", "That is down ..."
_CARRIES_ON = re.compile(
    r"\s*(?:It|Its|That|This|The\s+(?:company|firm|bank|group|retailer|carrier|airline|insurer|lender))\b"
)


def _introduced_by(doc: ArticleDoc, a: Attribution, covered: list[Entity]) -> Entity | None:
    """In a round-up, an executive whose title names no company belongs to the one reporting company that opens
    the sentence introducing him ("Quillon, which makes pumps, cut its forecast, with Chief Executive Sam Poe citing
    ...") or, when that sentence names none, the sentence a run of sentences going on about it leads back to
    ("Quillon will take a charge. It also cut its outlook. Chief Executive Sam Poe said ..."). Not across a subhead;
    another company named on the way, or a sentence on something else, and it is not this."""
    first = a.person.first
    if first < 0 or not doc.sentences:
        return None
    k = doc.sentence_at(first)
    floor = max([0, *(b.end for b in doc.blocks if b.end <= first)])
    for j in range(k, max(-1, k - 4), -1):
        s = doc.sentences[j]
        if s.start < floor:
            return None
        end = first if j == k else s.end
        named = [
            (m, e)
            for e in covered
            for m in e.mentions
            if not m.in_title and s.start <= m.start < end and not doc.in_quote(m.start) and not _firm_of(doc, m)
        ]
        if named:
            m, e = min(named, key=lambda x: x[0].start)
            return e if len({id(x) for _, x in named}) == 1 and _subject_of(doc, m, s) else None
        start = doc.dateline.end if doc.dateline is not None and s.start <= doc.dateline.end < s.end else s.start
        if j < k and not _CARRIES_ON.match(doc.text, start):
            return None
    return None


def _printed(e: Entity) -> bool:
    """Does the article print one of this company's codes?"""
    return any(m.code is not None for m in e.mentions)


def _firm_of(doc: ArticleDoc, m: OrgMention) -> bool:
    """A mention that names an analyst's firm ("Harbor/Pike Securities analyst Jo Fay", "Ridgeline
    Bank's Sam Poe"), not a company the attribution speaks of."""
    after = doc.text[m.end : m.end + 40]
    return bool(
        re.match(
            r"(?:/[\w&.'’\- ]{1,30}?)?(?:['’]s)?\s+(?:[\w\-]+\s+){0,2}?(?:analysts?|economists?|strategists?)\b", after
        )
    )


def _titled_companies(a: Attribution, ents: list[Entity]) -> list[Entity]:
    """The companies (of ``ents``, in order) the speaker's title names exactly as the article does ("Harbor Stores
    Chief Executive Sam Poe"), not as a past post ("the former head of Harbor Bank"): a looser match took
    "Nokia" for Nokia Siemens Networks."""
    hint = a.person.company_hint
    title = a.person.title or ""
    at = title.find(hint.lower()) if hint else -1
    if hint is None or at < 0 or "former" in title[max(0, at - 30) : at]:
        return []
    bare = canonical(hint).lower()
    return [e for e in ents if any(canonical(n).lower() == bare for n in e.names)]


def _own_event(doc: ArticleDoc, a: Attribution, ents: list[Entity], best: Entity | None) -> Entity | None:
    """In a story about one company, an executive of another listed company the body reports on speaks to his own
    company's event ("Northwind Chief Financial Officer Sam Poe" after "Northwind Air Inc ( NWD.N ) ... said it
    saw a fourth-quarter profit", in a story led by Quillon's outlook). His title must name the company
    exactly as the article does: a looser match took "Nokia" for Nokia Siemens Networks."""
    hint = a.person.company_hint
    if a.role != "executive" or not hint or _investor(doc, a):
        return None
    for e in _titled_companies(a, [e for e in ents if e is not best]):
        if (
            not (best is not None and any(same_entity(hint, n) for n in best.names))
            # (listed: a code printed, or a registry company the body reports on ("Quillon Corp ... tripled its
            # profit forecast"), not one named near results words as a strategist's bank)
            and (
                _has_event(doc, e)
                if e.ticker is not None
                else e.company is not None and e.company.known and _reports(doc, e)
            )
        ):
            return e
    return None


_SPOKEN_OF = re.compile(
    r"\b(?:said|says|wrote|writes|added|told\s+\w+)\b[^.;\"“”]{0,30}?\b(?:of|about|on)\s+(?:the\s+)?$"
)
# a company named as a yardstick or an example ("below that of rivals like Quillon", "peers such as Quillon")
_IN_PASSING = re.compile(
    r"\b(?:like|such\s+as|than|including|versus|vs\.?|rivals?|peers?|competitors?)\s+(?:[\w.'’&\-]+\s+){0,2}$", re.I
)


def _sentence_event(doc: ArticleDoc, a: Attribution, ents: list[Entity], best: Entity | None) -> Entity | None:
    """In a story about one company, an outsider's remark whose own sentence names, outside the quote, one other
    company the body reports on and not the story's company speaks to that one ("Quill Mills, whose stock had
    doubled, slipped on sales that looked "soft next to spring," said an analyst" in a story on Northwind's
    results)."""
    q = a.quote
    if a.role == "executive" or best is None:
        return None
    if any(not m.in_title and q.start <= m.start < q.end for m in best.mentions):
        return None  # the remark names the story's company
    named = _remark_subjects(doc, a, ents, about_after=True)
    if len(named) != 1:
        return None
    e = named[0]
    if e is best or e.ticker is None or not _reports(doc, e):
        return None
    return e


def _remark_subjects(
    doc: ArticleDoc, a: Attribution, candidates: list[Entity], about_after: bool = False
) -> list[Entity]:
    """The candidates the quote's own sentence names, outside layout blocks, as what the remark is about: before the
    quote opens or, with ``about_after``, after it as what the attribution says the remark is about ("wrote in a note
    about Quillon"; not "..., he said once Quillon's figures were out": an occasion). Never a yardstick ("rivals
    like ...") nor the speaker's own firm."""
    if not doc.sentences:
        return []
    q = a.quote
    lo = min(doc.sentences[doc.sentence_at(q.open)].start, q.open)
    hi = doc.sentences[doc.sentence_at(max(q.close_end - 1, q.open))].end if about_after else q.open
    named: dict[int, Entity] = {}
    for e in candidates:
        for m in e.mentions:
            if m.in_title or not lo <= m.start < hi or doc.in_block(m.start):
                continue
            if m.start < q.open and doc.in_quote(m.start):
                continue  # named in an earlier quote of the sentence, not as what this remark is about
            if m.start >= q.open and not (
                q.end <= m.start and _SPOKEN_OF.search(doc.text, max(0, m.start - 40), m.start)
            ):
                continue
            if _not_the_subject(doc, a, m):
                continue
            named.setdefault(id(e), e)
    return list(named.values())


def _not_the_subject(doc: ArticleDoc, a: Attribution, m: OrgMention) -> bool:
    """Does the mention name the speaker's own firm or a yardstick ("rivals like Quillon"), not a company the
    remark is about?"""
    return _speakers_firm(doc, a, m) or bool(_IN_PASSING.search(doc.text, max(0, m.start - 40), m.start))


# a firm named after a speaker's post: "an analyst at Quill, Harbor, Lake & Co", "a partner with Quill"
_POST_AT = re.compile(
    r"\b(?:analysts?|economists?|strategists?|managers?|director|partner|principal|officer|president|head)\s+"
    r"(?:at|with|from|of)\s+(?:[A-Z][\w&.'’\-]*,?\s+){0,4}$"
)


def _speakers_firm(doc: ArticleDoc, a: Attribution, m: OrgMention) -> bool:
    """Does the mention name the speaker's own firm ("said Ridgeline's Jane Roe", "Jane Roe, an analyst at Quill,
    Harbor, Lake & Co"), not a company the remark is about?"""
    if _firm_of(doc, m) or _POST_AT.search(doc.text, max(0, m.start - 60), m.start):
        return True
    first = a.person.name.split()[0]
    if re.match(rf"['’]s\s+(?:[\w\-]+\s+){{0,3}}?{re.escape(first)}\b", doc.text[m.end : m.end + 60]):
        return True
    own = a.person.org or a.person.company_hint
    return bool(own) and same_entity(own, m.name)


def _named_in(doc: ArticleDoc, attributions: list[Attribution], event: list[Entity]) -> list[Entity]:
    """The event companies named inside these attributions' quotes, each once."""
    named: dict[int, Entity] = {}
    for b in attributions:
        q = b.quote
        for e in event:
            if any(not m.in_title and q.start <= m.start < q.end for m in e.mentions):
                named.setdefault(id(e), e)
    return list(named.values())


def _reporting(doc: ArticleDoc, named: list[Entity], best: Entity | None) -> list[Entity]:
    """The one company quotes name, unless the article does not report its results: a rival, a bidder's target or
    a supplier the speaker names is not the company he speaks to. (Of several named, none is dropped: that would
    make a unit's name, a parent's US arm in the parent's results, the one left.)"""
    if len(named) == 1 and named[0] is not best and not _reports(doc, named[0]):
        return []
    return named


def _attribution_span(doc: ArticleDoc, a: Attribution) -> tuple[int, int]:
    """The sentence that holds the quote, outside the quote itself (where "..., said X of Y, which holds
    Z shares" names what the speaker comments on)."""
    if not doc.sentences:
        return a.quote.close_end, a.quote.close_end
    first = doc.sentences[doc.sentence_at(a.quote.open)]
    last = doc.sentences[doc.sentence_at(max(a.quote.close_end - 1, a.quote.open))]
    end = last.end
    k = doc.sentence_at(max(a.quote.close_end - 1, a.quote.open))
    introduced = re.search(r":\s*$", doc.text[min(first.start, a.quote.open) : a.quote.open])
    if k + 1 < len(doc.sentences) and doc.sentences[k].end <= a.quote.close_end + 2 and not introduced:
        # the attribution after a quote that ends a sentence (not after one a colon introduced: "X said: "...".")
        end = doc.sentences[k + 1].end
    return min(first.start, a.quote.open), end


# the title in a speaker's heading of someone who speaks about the company from outside it
_ANALYST_HEADING = re.compile(
    r"\b(?:analysts?|strategists?|economists?|(?:portfolio|fund|money)\s+managers?|investors?)\b"
)


def _heading_company(doc: ArticleDoc, a: Attribution, event: list[Entity], ents: list[Entity]) -> Entity | None:
    """The company named by the instant-view heading the quote stands under ("INTEL", "YAHOO"); a speaker's
    heading that opens with a company's name ("QUILLON JO FAY, ANALYST, HARBOR SECURITIES") names it even
    when the story's opening reported its results without a results word beside its name."""
    heads = [
        b
        for b in doc.blocks
        if b.kind in (BlockKind.SPEAKER, BlockKind.SUBHEAD, BlockKind.COMPANY) and b.end <= a.quote.open
    ]
    # An instant view heads each company's reactions with its name; a news story's subhead ("BEST BUY WINNING")
    # is a theme, not a change of company, unless it is the company's name alone.
    instant = any(b.kind == BlockKind.SPEAKER for b in doc.blocks) or "instant view" in doc.title.lower()
    for b in reversed(heads):
        heading = doc.text[b.start : b.end].lower()
        lead_in, _, person = heading.rpartition(":")  # "QUILL, HARBOR: JANE ROE, ANALYST, RIDGELINE"
        name, comma, rest = person.partition(",")
        if b.kind == BlockKind.SPEAKER and comma and _ANALYST_HEADING.search(rest):
            # "JANE ROE, EQUITY OPTIONS ANALYST AT QUILLON BROKERS GROUP": her firm is not the company
            heading = f"{lead_in} {name}"
        words = set(_HEADING_WORD.findall(heading))
        hit = [e for e in event if any(w in words for w in e.words())]
        if b.kind == BlockKind.SPEAKER and comma:
            # after the name come the speaker's title and firm: a company there is named whole, never by one
            # shared word ("..., MANAGING DIRECTOR, QUILLON RESEARCH" is not Research Northwind)
            named = set(_HEADING_WORD.findall(f"{lead_in} {name}"))
            whole = set(_HEADING_WORD.findall(rest))
            hit = [e for e in hit if any(w in named for w in e.words()) or any(_words(n) <= whole for n in e.names)]
        if not hit and b.kind == BlockKind.SPEAKER:  # the words before the name's comma: "PALM MATTHEW THORNTON"
            lead = set(_HEADING_WORD.findall(heading.split(",")[0]))
            hit = [e for e in ents if any(w in lead for w in e.words())]
        elif not hit and b.kind == BlockKind.COMPANY:
            # a company heading names the company of the reactions below it, even one the opening reports only
            # in its second sentence ("Separately, Quillon reported ..."), or by a first word that alone is generic
            # ("American" over American Airlines Group's section)
            first = next(iter(heading.split()), "")
            hit = [e for e in ents if any(w in words for w in e.words())] or [
                e for e in ents if any(canonical(n).lower().split()[:1] == [first] for n in e.names)
            ]
            if not hit:
                break  # a section of its own, whose company is not one of the story's
        if len(hit) == 1:
            if b.kind == BlockKind.SUBHEAD and not instant and not words <= hit[0].words() | _GENERIC:
                continue
            return hit[0]
    return None


# What an investor's description holds: a fund, a portfolio, assets managed ("portfolio manager at Quillon Capital
# Management", ", who runs $2 billion for Quillon Trust", "a partner at Roe, Poe & Vale")
_INVESTOR = re.compile(
    r"\b(?:funds?|portfolios?|invest(?:ment|ments|ing|s)?|assets?|wealth|capital|securities|research|brokerage|hedge|"
    r"advis[eo]rs?|manages?|oversees?|partners?|principal)\b"
    # (whether it holds the company's shares or not: "which does not own Northwind shares")
    r"|\bown(?:s|ed)?\s+(?:[\w\-'’]+\s+){0,3}(?:shares|stock|stakes?)\b",
    re.I,
)
_FUND_CLAUSE = re.compile(r"\b(?:which|that|including|counts|among|such\s+as)\b", re.I)
_HOLDING_IN = re.compile(r"\b(?:positions?|stakes?|shares|holdings?|bets?)\s+(?:in|on|against|of)\b", re.I)
# a title before the name with no firm in it ("Chief Executive Jo Fay")
_BARE_OFFICER = re.compile(
    r"\s*(?:chief\s+(?:executive|financial|operating)(?:\s+officer)?|ceo|cfo|coo|chairman|chairwoman|president|"
    r"finance\s+director)\s*",
    re.I,
)
_OWN_UNIT = re.compile(r"\b(?:the\s+(?:company|bank|firm|group|insurer|lender)|its|our)\b", re.I)


def _described(doc: ArticleDoc, a: Attribution) -> str:
    """What the article says of a person right after first naming them, up to a speech verb or the sentence's end
    (", who runs $2 billion for Quillon Trust Co", " at aerospace specialists Harbor Research")."""
    person = a.person
    last = person.name.split()[-1]
    at = doc.text.find(last, person.first)
    if at < 0 or not doc.sentences:
        return ""
    at += len(last)
    end = min(doc.sentences[doc.sentence_at(at)].end, at + 160)
    tail = doc.text[at:end]
    if not re.match(r"\s*(?:,|(?:at|of|from|with)\b)", tail):
        return ""
    cut = re.search(r"\b(?:said|says|told|added|wrote|noted)\b|[\"“”]", tail)
    return tail[: cut.start() if cut else len(tail)]


def _investor(doc: ArticleDoc, a: Attribution, company: Company | None = None) -> bool:
    """A person the article describes as an investor (a fund, a portfolio, assets managed), not as an officer of
    the company (its name, or "the company's", in the description)."""
    if _BARE_OFFICER.fullmatch(a.person.title or ""):
        return False  # "Chief Executive Jo Fay, who built its investment bank": the wire's way to name its own chief
    said = f"{a.person.title} {_described(doc, a)}"
    # what a relative clause adds about the fund is not whose officer the person is (", which owns the bank's
    # shares", "including Motorola shares"), nor a holding in the company (", who has a short position in it")
    head = said[: m.start()] if (m := _FUND_CLAUSE.search(said)) else said
    head = head[: m.start()] if (m := _HOLDING_IN.search(head)) else head
    if not _INVESTOR.search(said) or _OWN_UNIT.search(head):
        return False
    return company is None or not _names_company(head, company)


def _names_company(text: str, company: Company) -> bool:
    """Does ``text`` name the company: one of its name's words, or its initials ("GE Capital" names General
    Electric's unit)?"""
    ini = initials(company.name).lower()
    return bool(_words(company.name) & _words(text)) or (len(ini) >= 2 and ini in _words(text))


# The title and firm a description after a name gives: ", of Quillon Research in Boston", ", a retail specialist
# with Quillon Group", ", president, Roe & Associates Inc."
_FIRM_RUN = r"(?P<firm>[A-Z][\w&.'’\-]*+(?:\s+(?:&\s+)?[A-Z][\w&.'’\-]*+)*+)"  # (possessive: no shorter name)
_DESCRIBED_FIRM = re.compile(
    rf"\s*,\s+(?:(?P<title>(?:an?\s+|the\s+)?[a-z][a-z\s\-]{{0,60}}?)\s+(?:of|at|with|from|for)\s+"
    # (the firm's trade between: "chief executive at turnaround specialists Quillon Partners")
    r"(?P<trade>(?:(?!(?:the|a|an|its|his|her|another|other)\b)[a-z][\w\-]*\s+){0,2})|(?:of|at|with|from)\s+|"
    rf"(?P<title2>[a-z][a-z\s\-]{{0,40}}?),\s+){_FIRM_RUN}"
    # (not a part of the company: "treasurer for Northland operations", "head of its Asia unit")
    r"(?!\s+(?:operations|unit|units|division|divisions|business|businesses|arm|region|subsidiary)\b)"
)


def _described_firm(description: str) -> tuple[str, str, bool] | None:
    """The title (possibly empty) and the firm the description right after a person's name (``description``, from
    ``_described``) gives, if it names a firm, and whether that firm is a financial one (by its name, or by the
    trade the description gives it: "investment firm Roe")."""
    m = _DESCRIBED_FIRM.match(description)
    if m is None:
        return None
    firm = m.group("firm")
    financial = financial_firm(firm) or bool(_MONEY_TRADE.search(m.group("trade") or ""))
    return m.group("title") or m.group("title2") or "", firm, financial


_MONEY_TRADE = re.compile(r"\b(?:investment|asset|wealth|fund|brokerage|securities|capital|advisory|hedge|money)\b")


def _entity_named(firms: list[Entity], name: str) -> Entity | None:
    """The organisation of the article that ``name`` names, if any."""
    return next((e for e in firms if any(same_entity(name, n) for n in e.names)), None)


# a credit rating agency, whose people comment on a company's results as analysts do
_RATING_AGENCY = re.compile(
    r"\b(?:[A-Z][\w&\-]*\s+)*Ratings?\b|\bFitch\b|\bMoody['’]s\b|\bStandard\s*(?:&|and)\s*Poor['’]s\b|\bDBRS\b|"
    r"\bEgan-Jones\b"
)

# management consultancies: the guide's consultants are ``other``, whatever their title ("a partner at Booz & Co"),
# unless it says analyst
_CONSULTANCY = re.compile(
    r"\b(?:Booz|McKinsey|Bain\s*&\s*Co|Boston\s+Consulting|Accenture|A\.\s?T\.\s?Kearney|Kearney|Oliver\s+Wyman|"
    r"Roland\s+Berger|AlixPartners|Deloitte|PricewaterhouseCoopers|PwC|KPMG|Ernst\s*(?:&|and)\s*Young|Arthur\s+D\.?\s*Little|"
    r"Monitor\s+Group|L\.?E\.?K\.?\s+Consulting)\b|\b(?i:Consulting|Consultancy|Consultants)\b"
)


def _consultant(title: str | None, firm: str) -> bool:
    """A consultancy's partner or director (not its analyst) speaking of the company: ``other``."""
    return bool(_CONSULTANCY.search(firm)) and not (title and role_from_title(title) == "analyst")


def _role(a: Attribution, company: Company | None, firms: list[Entity], doc: ArticleDoc) -> str:
    """The final role: an executive of another company (or of no company) is ``other``; a person described as
    an investor ("portfolio manager at ...", "who helps manage $9 billion") is ``analyst``, and so is one the
    article places only at an outside firm (", of Quillon Research", ", a specialist with Quillon Group"), the
    wire's way of naming who comments on results. ``firms``: the article's organisations of every kind."""
    role = a.role
    person = a.person
    firm = person.company_hint or person.org
    description = _described(doc, a)  # (read once: what the article says of the person, and the firm it names)
    described = _described_firm(description)
    outside = firm or (described[1] if described else "")
    if outside and company is not None and not _words(company.name) & _words(outside):
        if _RATING_AGENCY.search(outside):
            return "analyst"  # "Fitch Ratings Managing Director Jo Fay": a credit analyst, not the company's officer
        title = person.title if firm else (described[0] if described else None)
        if role == "executive" and _consultant(title, f"{outside} {person.org or ''}"):
            return "other"  # "partner at Booz & Co": a consultant, before the investor reading of "partner"
    if role == "executive" and company is not None and _investor(doc, a, company):
        return "analyst"
    if role == "executive" and not firm and company is not None and described:
        title, outside_firm, financial = described
        entity = _entity_named(firms, outside_firm)
        if not _words(company.name) & _words(outside_firm) and (
            entity is None or not any(same_entity(n, company.name) for n in entity.names)
        ):
            said = role_from_title(title) if title else None
            if said == "other" or (said == "executive" and not financial):
                return "other"  # "an attorney at Roe & Poe", "a lecturer at Quillon University": not the company's
            if financial or not person.title:
                return "analyst"
    if role == "executive" and firm and company is not None:
        firm_entity = _entity_named(firms, firm)
        if firm_entity is not None and firm_entity.kind in (OrgKind.REGULATOR,):
            return "other"
        if firm_entity is not None and firm_entity.kind in (OrgKind.BROKER, OrgKind.FUND):
            return "analyst"
        if (
            firm_entity is not None
            and not same_entity(firm_entity.name, company.name)
            and not any(same_entity(n, company.name) for n in firm_entity.names)
            and not _words(company.name) & _words(firm)
        ):
            return "other"
        # "founder of Holland Capital": an investor, not an officer of the company; the description's whole name
        # tells when the hint is cut short ("managing director at Roe & Poe Securities")
        if (
            firm_entity is None
            and not _words(company.name) & _words(firm)
            and (financial_firm(firm) or (described is not None and firm in described[1] and described[2]))
        ):
            return "analyst"
        if firm_entity is None and (
            elsewhere := _officer_elsewhere(doc, person.title or "", firm, company, description)
        ):
            return elsewhere  # ", Chief Medical Officer at Riverbend Health System, which expanded its contract"
    if role == "executive" and company is not None and _of_another_body(description, company):
        return "other"
    appos = _APPOSITIVE.match(description) if role == "executive" and not person.title else None
    if appos and role_from_title(appos.group("title").lower()) == "other":
        return "other"  # "U.S. Sen. Jo Fay, a Vermont Democrat, ...", quoted later by surname
    return role


def _officer_elsewhere(doc: ArticleDoc, title: str, firm: str, company: Company, description: str = "") -> str | None:
    """The role of an officer whose title names a firm the article knows nothing else of: ``analyst`` for a market
    firm's ("a managing director at Ridgeline Equity Markets", "head of options trading at Harbor Trading"),
    ``other`` for a body's whose name says it is neither the company's nor the markets' ("chief medical officer at
    Riverbend Health System", "head of the Harbor Pilots Association"); None when the firm may
    be the company's (it shares the company's first word, or the article makes it the company's part: "its Otis
    unit"), is not what the title names (a department: "Director of Finance"; a place) or names no trade."""
    low = title.lower()
    names = (company.name, *(n for _, n in company.names))
    if (
        not firm[:1].isupper()  # ("boss of America's biggest toolmaker": a description, no firm)
        or firm.lower() in _DEPARTMENT_WORDS | _PLACE_WORDS  # ("Audi of America president": a unit)
        or not any(f"{p} {firm.lower()}" in low for p in ("at", "of", "with"))
    ):
        return None  # (a firm read from elsewhere than the title: no claim on the person's office)
    if re.search(rf"\b{re.escape(firm)},\s+(?:[A-Z][\w.]*\s+){{0,2}}[A-Z][\w.]*[\-–]based\b", doc.text):
        return None  # "chairman of Lakewood, Ohio-based Quillon Value Partners": a town
    # (their first words, not any: "Lumora Health Technologies" and "Riverbend Health System" share a trade)
    first = firm.split()[0].lower()
    if any(first in _words(n) or n.split()[0].lower() in _words(firm) or same_entity(n, firm) for n in names):
        return None
    name = re.escape(firm)
    if re.search(
        rf"\b(?:its|the\s+company['’]s|{re.escape(company.name)}['’]s?)\s+(?:[\w\-]+\s+){{0,2}}?{name}\b"
        rf"|\b{name}(?:['’]s)?,?\s+(?:(?:its|the|a)\s+)?(?:[\w\-]+\s+){{0,2}}?{_UNIT_WORDS}\b"
        rf"|\b{_UNIT_WORDS}\s+(?:[\w\-]+\s+){{0,2}}?{name}\b",
        doc.text,
    ):
        return None
    if _MARKET_FIRM.search(f"{firm} {title}"):
        return "analyst"
    # (the body's whole name as the description prints it, where the firm read from the title is cut short:
    # "Labor" of ", a deputy director at the Michigan Department of Labor")
    whole = re.match(r"[^,;.]*(?:[,;.]|$)", description.lstrip(", ")).group(0)
    if _OTHER_BODY.search(firm) or _OTHER_BODY.search(whole):
        return "other"
    return None  # (a firm of unknown trade: the title's own reading)


# the words of a body whose officers are neither the company's nor the markets': a union (and its numbered local,
# "IAM District 751", "Local 600"), a trade body, a hospital, a government's department
_OTHER_BODY = re.compile(
    r"\b(?:Association|Union|Federation|Council|Institute|University|College|Hospital|Health\s+System|Clinic|"
    r"Foundation|Commission|Authority|Ministry|Chamber|Society|Media|Agency|Department|Bureau|Government|"
    r"Parliament|Congress|Senate|(?:Local|District|Lodge)\s+\d+)\b"
)


# the words of a firm or a title in the markets: its people comment on companies as analysts do
_MARKET_FIRM = re.compile(
    r"\b(?:[Ee]quit(?:y|ies)|[Mm]arkets|[Tt]rading|[Ss]ecurities|[Bb]rokerage|[Ii]nvestments?|[Aa]sset|[Ww]ealth|"
    r"[Vv]alue|[Ff]unds?|[Cc]apital|[Aa]dvis[eo]rs|[Pp]artners|[Mm]anagement|[Rr]esearch|[Ss]trateg\w+|[Pp]ortfolio)\b"
)
_DEPARTMENT_WORDS = frozenset(
    {"finance", "marketing", "operations", "sales", "engineering", "communications", "planning", "investor relations"}
)
_UNIT_WORDS = r"(?:unit|units|division|subsidiary|subsidiaries|arm|business|brand|segment|affiliate)"


# a description that places a person at an organisation of its own, which the article then says what it is: "of
# Quillon Home, a housewares maker", "for the Unite union", "who owns a road building company"
# (a title of up to four words and its preposition: ", chief executive of ", ", a regional officer for ")
_TITLE_AT = r"^,?\s*(?:an?\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}\s+(?:of|at|for|with)\s+"
_OWN_BODY = re.compile(
    rf"{_TITLE_AT}(?P<firm>(?:the\s+)?[A-Z][^,]{{1,60}}?),\s+"
    r"(?:an?|the)\s+(?:[\w\-]+\s+){0,4}?(?:maker|manufacturer|producer|insurer|supplier|retailer|distributor|"
    r"builder|contractor|operator|developer|group|association|lobby|federation|union|charity|customer|client|"
    r"competitor|rival|company|firm|business|exporter|importer|processor|grower|wholesaler|vendor)\b"
    rf"|{_TITLE_AT}(?P<union>(?:the\s+)?(?:[A-Z][\w&\-]*\s+){{1,4}})"
    r"union\b"
    # a union's officer: ", a national officer at the union", ", who leads the machinists' union at ...", ", who chairs
    # the Quillon chapter of the Flight Crews Association"
    r"|(?P<labour>^,?\s*(?:an?\s+)?[\w\-]+(?:\s+[\w\-]+){0,3}\s+(?:of|at|for|with)\s+(?:the|its|their|a)\s+(?:[\w'’\-]+\s+){0,3}?"
    r"(?:union|guild)\b"
    r"|^,\s*who\s+(?:leads|heads|chairs|runs|represents)\s+(?:the\s+|a\s+)?(?:[\w'’&\-]+\s+){0,7}?"
    r"(?:union|guild|(?-i:Association|Federation|Brotherhood))\b)"
    r"|^,\s*who\s+(?:owns|runs|heads|founded)\s+an?\s+(?:[\w\-]+\s+){0,3}?(?:company|business|firm|chain)\b"
    # ", who runs the appliance business at a national electronics chain": a unit of another, unnamed company
    r"|^,\s*who\s+(?:runs|heads|leads|manages|oversees)\s+(?:the\s+|its\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:business|division|unit|operations?)\s+(?:at|of|for)\s+an?\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:company|business|firm|chain|retailer|maker|group)\b"
)
# a person the article first describes with an office, not a firm: ", a Vermont Democrat who sits on ...", ", the
# state's attorney general,"
_APPOSITIVE = re.compile(r"^,\s*(?:an?|the)\s+(?P<title>[^,;]{2,60}?)(?=\s+who\b|,|$)")
# what makes that organisation part of the company after all ("a unit of", "the company's")
_PART_OF = re.compile(r"\b(?:unit|division|subsidiary|arm|segment|brand|owned|part\s+of|company['’]s)\b")


def _of_another_body(described: str, company: Company) -> bool:
    """Does the description after a person's name place them at another organisation, one the article says is
    a maker, an insurer, a union, a business group ("president of Quillon Home, a housewares maker that sells
    through Northwind"), not the company nor a part of it? Such a person's title is not the company's office."""
    m = _OWN_BODY.match(described)
    if m is not None and m.group("labour"):
        return True  # a union is never part of the company ("who chairs the Quillon unit of the pilots' union")
    # (nor a financial firm's: "..., a risk advisory firm" comments as an analyst does)
    if m is None or _PART_OF.search(described[: m.end()]) or _MONEY_TRADE.search(described[: m.end()]):
        return False
    body = m.group("firm") or m.group("union") or ""
    return not _words(company.name) & _words(body)
