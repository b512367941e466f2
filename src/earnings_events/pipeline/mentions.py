"""Component 3, mentions: printed instrument codes and organisations, each with its kind.

Reads the layout (blocks are never names); adds ``codes`` and ``orgs``, in the headline (``in_title``,
offsets into ``doc.title``) and in the text.

Codes: Reuters instrument codes printed bare or in brackets (``FDC.N``, ``( XOM.N )``, ``(7203.T)``), the
1980s wire's ``<DF>``, and exchange-prefixed symbols (``(NYSE: TRV)``, ``(NASDAQ:CHKP)``). A code on a US
venue (``.N``, ``.O``, ``.OQ``, ``.A``, ``.K`` ..., or NYSE/Nasdaq/AMEX) gives the bare symbol; any other is
kept whole (``7203.T``, ``VOD.L``; ``(TSX: CP)`` gives ``CP.TO``).

Organisations come from the registry, from a name printed before a code, from a name ending in a corporate
suffix (``Dean Foods Co``), and from the 1980s wire's bracketed names (``<Shell Australia Ltd>``). Each gets
a kind: a company, or a news agency or data provider, an exchange or index, a regulator or other public
body, a broker or analyst firm, a fund. Brokers and funds are named by what they are to a person
("Morgan Keegan analyst", "of NWQ Investment Management"); that is the speakers stage's business, so here
they are kinds only when their names say so (``... Securities``, ``... Asset Management``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..fiscal import FiscalCalendar
from ..registry import Company, Registry
from .document import ArticleDoc, Code, OrgKind, OrgMention
from .layout import hard_wrapped
from .people import SENTENCE_STARTERS
from .rx import compiled, literal_spans

_US_VENUES = {"N", "O", "OQ", "OB", "A", "K", "P", "PK", "Q", "NYSE", "NaE", "OTC"}
# RIC exchange suffixes seen in wire copy (a bare code needs one of these, so "U.S." is never a code).
_RIC_SUFFIX = (
    r"N|O|OQ|OB|A|K|P|PK|L|T|TO|V|PA|DE|F|AS|MI|MC|SW|VX|S|HK|SS|SZ|KS|KQ|AX|BO|NS|SI|TW|TWO|BR|CO|ST|OL|HE|"
    r"VI|LS|AT|IR|I|J|JO|SA|MX|BA|SN|NZ|BK|JK|KL|IS|TA|WA|PR|BU|Z|MU|BE|H|D|EU|DU|HA|CN|NE|CA|"
    r"MM|RTS|KW|PS|KA|LG|CS|LM|LJ|IC|ZI|SE|BY|NR|OS|UL"  # OS: Osaka; UL: Reuters' mark of an unlisted company ("GM.UL")
)
# a share class in lower case is part of the code: "BRKa.N", "VOWG_p.DE"
_CODE_BODY = rf"(?:[A-Z][A-Z0-9\-]{{0,7}}(?:_?[a-z](?=\.))?|\d{{3,6}})\.(?:{_RIC_SUFFIX})"
_BRACKETED_CODES = re.compile(rf"\(\s*(?P<code>{_CODE_BODY})\s*\)")
# a bare code: a one-letter symbol only on a US venue ("F.N", "C.N"), never "U.S" or "U.K"; a share class in lower
# case too ("MPa.TO")
_BARE_CODE = re.compile(
    rf"(?<=[\s,])(?P<code>(?:(?:[A-Z][A-Z0-9\-]{{1,7}}(?:_?[a-z](?=\.))?|\d{{3,6}})\.(?:{_RIC_SUFFIX.replace('|S|', '|')}))(?=[\s,;)]|\.\s|$)"
    r"|[A-Z]\.(?:N|O|OQ|A|K)(?=[\s,;)]|$))"
)
_EXCHANGES = {
    "NYSE": "",
    "NYSE AMERICAN": "",
    "NYSE MKT": "",
    "NYSE ARCA": "",
    "NYSEARCA": "",
    "NASDAQ": "",
    "NASDAQGS": "",
    "NASDAQGM": "",
    "NASDAQCM": "",
    "AMEX": "",
    "OTC": "",
    "OTCQX": "",
    "OTCQB": "",
    "OTCBB": "",
    "TSX": ".TO",
    "TSXV": ".V",
    "TSX-V": ".V",
    "TSX VENTURE": ".V",
    "LSE": ".L",
    "AIM": ".L",
    "ASX": ".AX",
    "HKEX": ".HK",
    "SEHK": ".HK",
    "TSE": ".T",
    "FRA": ".F",
    "XETRA": ".DE",
    "EURONEXT": ".PA",
    "SIX": ".SW",
}
_EXCHANGE_CODE = re.compile(
    r"\(\s*(?P<ex>NYSE(?:\s?American|\s?MKT|\s?Arca)?|NYSEARCA|NASDAQ(?:GS|GM|CM)?|Nasdaq(?:GS|GM|CM)?|AMEX|OTC(?:QX|QB|BB)?|"
    r"TSX(?:-?V|\s?Venture)?|LSE|AIM|ASX|HKEX|SEHK|TSE|FRA|XETRA|Euronext|EURONEXT|SIX)\s*:\s*(?P<sym>[A-Z0-9][A-Z0-9.\-]{0,9})\s*\)"
)
_ANGLE_CODE = re.compile(r"<(?P<code>[A-Z][A-Z0-9.]{0,7})>")
_ANGLE_NAME = re.compile(r"<(?P<name>[A-Z][\w&'’.\-]*(?:\s+[\w&'’.\-]+){1,6})>")

_SUFFIX = (
    r"(?:Inc|Incorporated|Corp|Corporation|Co|Cos|Company|Ltd|Limited|PLC|plc|Plc|LLC|LP|L\.P|AG|SE|SA|S\.A|"
    r"NV|N\.V|BV|AB|ASA|Oyj|SpA|S\.p\.A|GmbH|KGaA|Holdings?|Group|Bancorp|Bancorporation)\.?"
)
_SUFFIX_END = re.compile(rf"(?:\s*,)?\s+{_SUFFIX}$")
# a name that opens with a digit ("3M", "7-Eleven"); not a period's short form ("4Q", "2H")
DIGIT_NAME = r"\d[\d\-]*(?![QH]\d*\b)[A-Z][\w&'’\-]*"
# A name: capitalised words, with the small words names hold ("Bank of America", "Procter & Gamble").
# (a word ending in a full stop is a name's only as an initial: "H.J. Heinz", not "Vivendi. News Corp")
_NAME_TOKEN = (
    r"(?:(?:Inc|Co|Cos|Corp|Ltd|Bros|Plc|PLC|Mfg|Intl|Hldgs|Inds|Svcs|St)\.|(?:[A-Z]\.){1,3}(?![a-z])|"
    rf"[A-Z][\w&'’\-]*(?:\.[A-Za-z][\w&'’\-]*)*|&|[a-z][A-Z][\w&'’\-]*|{DIGIT_NAME})"
)
# (a number inside a name before a code: "Quay 1 Imports Inc ( QIR.N )")
# (and "in the" of "Jill in the Bag Inc ( JBG.N )")
_NAME_SEP = r"(?:\s+(?:of|de|du|des|la|le|the|für|&|in\s+the)\s+|[\s\-]+)"
_NAME_BEFORE = re.compile(
    # (a press release's "Quillon Systems, Inc. (NASDAQ:QLSY)": the suffix after a comma is the name's)
    rf"(?:{_NAME_TOKEN}{_NAME_SEP}(?:(?:{_NAME_TOKEN}|\d{{1,2}}){_NAME_SEP})*)?{_NAME_TOKEN}(?:,\s*{_SUFFIX})?[\s,]*$"
)
_CORP = re.compile(
    # (a name starts at a word's start: "KeyCorp. National City Corp" holds no "Corp. National City")
    rf"(?<![\w&'’\-])(?P<name>(?:{_NAME_TOKEN}(?:\s+(?:of|de|&|and)\s+|\s+))*?{_NAME_TOKEN})\s*,?\s+(?P<suffix>{_SUFFIX})(?![\w&\-]|\.\w)"
)
# the suffix every corporate name ends in: half the openings of a wire stream hold none, and the name pattern, tried at
# every capitalised word, need not run there
_SUFFIX_WORD = re.compile(rf"\s(?:{_SUFFIX})(?![\w&\-]|\.\w)")  # (not "Jo Fay, Co-Founder")
# Words before a company's name that are not part of it ("Rival Pepsi", "Chip maker Intel", "On Tuesday, ...").
_LEAD_STOP = SENTENCE_STARTERS | {
    "After",
    "Both",
    "Earlier",
    "Parent",
    "Rival",
    "Rivals",
    "When",
    "While",
    "Like",
    "Unlike",
    "Including",
    "Shares",
    "U.S.-based",
    "Also",
    "Last",
    "This",
    "That",
    "Chief",
    "Executive",
    # what a sentence says "of" a company, before its name ("Sales of Quillon Corp's tablets ...")
    "Sales",
    "Profit",
    "Profits",
    "Revenue",
    "Revenues",
    "Earnings",
    "Results",
    "Orders",
    "Stock",
    "Investors",
    "Analysts",
    "Executives",
    "Officials",
    "Shareholders",
}
# "China's Lenovo", "Britain's Barclays": a place (or a rival) in the possessive is not part of the name
_PLACES_AND_RIVALS = {
    "America",
    "Britain",
    "China",
    "Japan",
    "Germany",
    "France",
    "India",
    "Italy",
    "Spain",
    "Canada",
    "Korea",
    "South Korea",
    "Taiwan",
    "Australia",
    "Brazil",
    "Russia",
    "Mexico",
    "Sweden",
    "Switzerland",
    "Finland",
    "Norway",
    "Denmark",
    "Netherlands",
    "Holland",
    "Belgium",
    "Ireland",
    "Europe",
    "Asia",
    "Israel",
    "Singapore",
    "Indonesia",
    "Thailand",
    "Malaysia",
    "Philippines",
    "Argentina",
    "Chile",
    "Turkey",
    "Poland",
    "Austria",
    "Greece",
    "Portugal",
    "Africa",
    "Hong Kong",
    "Scotland",
    "Dubai",
    "Qatar",
    "Kuwait",
    "Saudi",
    "Egypt",
    "Nigeria",
    "Kenya",
    "Vietnam",
    "Pakistan",
    "Iran",
    "Iraq",
    "Ukraine",
    "Hungary",
    "Wall",
    "Street",
    "Detroit",
    "Texas",
    "California",
    "Ohio",
    "Michigan",
    "Illinois",
    "Florida",
    "Seattle",
    "Chicago",
    "London",
    "Tokyo",
    "Paris",
    "Frankfurt",
    "Zurich",
    "Toronto",
    "Sydney",
    "Seoul",
    "Beijing",
    "Shanghai",
    "Mumbai",
    "Moscow",
    "Rival",
    "Nation",
    "World",
    "Country",
}
_NOT_NAMES = {"I", "We", "It", "He", "She", "They", "You", "CEO", "CFO", "Reuters", "U.S", "U.S."}

# Kinds that names alone decide. (A registry company with such a name, such as Nasdaq Inc or Thomson Reuters,
# is a company only where the article prints its code or its headline is about it; the company stage asks.)
_AGENCY = re.compile(
    r"^(?:Thomson\s+Reuters(?:\s+(?:I/B/E/S|Estimates|StarMine|Datastream|Lipper))?|Reuters(?:\s+Estimates|\s+Breakingviews)?|"
    r"I/B/E/S|Thomson\s+Financial|Thomson\s+First\s+Call|First\s+Call|Bloomberg(?:\s+News)?|Dow\s+Jones(?:\s+Newswires)?|"
    r"FactSet|Zacks(?:\s+Investment\s+Research)?|StarMine|Capital\s+IQ|S&P\s+Capital\s+IQ|Lipper|Dealogic|Datastream|"
    r"Associated\s+Press|AP|AFP|CNBC|Fox\s+Business|MarketWatch|Wall\s+Street\s+Journal|Financial\s+Times|"
    r"Barron's|Forbes|Fortune|New\s+York\s+Times|Nikkei(?:\s+business\s+daily)?|Business\s+Wire|PR\s?Newswire|GlobeNewswire|"
    r"Globe\s+Newswire|Marketwired|Mad\s+Money|Squawk\s+Box|Squawk\s+on\s+the\s+Street|Closing\s+Bell|Fast\s+Money|"
    r"Power\s+Lunch|Halftime\s+Report|Street\s+Signs|Worldwide\s+Exchange|Yahoo\s+Finance|TheStreet(?:\.com)?|"
    r"Seeking\s+Alpha|Briefing\.com|IHS(?:\s+Markit)?|Nielsen|comScore|IDC|Gartner|Kantar(?:\s+Worldpanel)?)$"
)
_MARKET = re.compile(
    r"^(?:Nasdaq(?:\s+Composite|\s+100|\s+Stock\s+Market)?|NASDAQ|NYSE|New\s+York\s+Stock\s+Exchange|American\s+Stock\s+Exchange|"
    r"AMEX|Amex|Big\s+Board|NYSE\s+Arca|Euronext|London\s+Stock\s+Exchange|Tokyo\s+Stock\s+Exchange|Toronto\s+Stock\s+Exchange|"
    r"TSX|Hong\s+Kong\s+Stock\s+Exchange|Bombay\s+Stock\s+Exchange|National\s+Stock\s+Exchange|Shanghai\s+Stock\s+Exchange|"
    r"Dow(?:\s+Jones(?:\s+(?:industrial|Industrial|transportation|Transportation|U\.S\.|Wilshire)\b.*)?)?|Dow\s+Jones\s+industrials|"
    r"S&P(?:\s+\d+)?|Standard\s+&\s+Poor's\s+\d+|Standard\s+and\s+Poor's\s+\d+|FTSE(?:\s+\d+)?|Nikkei(?:\s+\d+|\s+average|\s+share\s+average)?|"
    r"Topix|TOPIX|DAX|Xetra\s+DAX|CAC(?:\s+40)?|Hang\s+Seng(?:\s+Index)?|Russell(?:\s+\d+)?|Stoxx(?:\s+\d+)?|STOXX(?:\s+\d+)?|"
    r"Euro\s+STOXX(?:\s+\d+)?|DJ\s+Stoxx(?:\s+\d+)?|KOSPI|Kospi|Sensex|Nifty|MSCI(?:\s+[\w\-]+){0,3}|Philadelphia\s+\w+\s+index|"
    r"Chicago\s+Board\s+Options\s+Exchange|CBOE|Chicago\s+Mercantile\s+Exchange|NYMEX|Nymex|COMEX|Comex|ICE|LME|"
    r"London\s+Metal\s+Exchange|Wall\s+Street|Street)$"
)
_REGULATOR = re.compile(
    r"^(?:SEC|Securities\s+and\s+Exchange\s+Commission|Federal\s+Reserve(?:\s+Bank(?:\s+of\s+[A-Z][\w\s]+)?|\s+Board)?|Fed|FDIC|"
    r"Federal\s+Deposit\s+Insurance(?:\s+Corp(?:oration)?)?|Treasury(?:\s+Department)?|Justice\s+Department|Department\s+of\s+\w+(?:\s+\w+)?|"
    r"FDA|Food\s+and\s+Drug\s+Administration|FTC|Federal\s+Trade\s+Commission|FCC|Federal\s+Communications\s+Commission|EPA|"
    r"FAA|FINRA|CFTC|Commodity\s+Futures\s+Trading\s+Commission|OCC|Comptroller\s+of\s+the\s+Currency|Congress|Senate|"
    r"House(?:\s+of\s+Representatives)?|White\s+House|Supreme\s+Court|European\s+Commission|European\s+Union|EU|"
    r"European\s+Central\s+Bank|ECB|Bank\s+of\s+(?:England|Japan|Canada|France|Italy|Spain|Korea|China|Thailand)|"
    r"People's\s+Bank\s+of\s+China|Reserve\s+Bank\s+of\s+\w+|Bundesbank|IMF|International\s+Monetary\s+Fund|World\s+Bank|"
    r"OPEC|Financial\s+Services\s+Authority|FSA|Financial\s+Conduct\s+Authority|FCA|Prudential\s+Regulation\s+Authority|"
    r"Ofcom|Ofgem|Bafin|BaFin|SFC|CSRC|Ministry\s+of\s+[\w\s]+|[\w\s]+\s+Ministry|[\w\s]+\s+Commission|[\w\s]+\s+Authority|"
    r"[\w\s]+\s+Agency|Internal\s+Revenue\s+Service|IRS|Pentagon|Parliament|Bundestag|Kremlin|TARP|"
    r"(?:U\.S\.|UK|British|German|French|Japanese|Chinese|Indian)\s+(?:government|Treasury|regulators?))$"
)
_BROKER_NAME = re.compile(
    r"\b(?:Securities|Capital\s+Markets|Equity\s+Research|Research|Brokerage|Bruyette|Jaffray|Nicolaus|Wunderlich|"
    r"Sterne\s+Agee|Janney|Cowen|Wedbush|Oppenheimer|Jefferies|Raymond\s+James|Robert\s+W\.?\s+Baird|BMO\s+Capital|"
    r"RBC\s+Capital|Sanford\s+(?:C\.\s+)?Bernstein|Bernstein|Evercore|Macquarie|Canaccord|Needham|Piper|Stifel|"
    r"Morningstar|Argus|CFRA|S&P\s+Equity|Edward\s+Jones|Keefe|FBR|KBW|BTIG|Barclays\s+Capital|Nomura\s+Securities)\b"
)
# Brokers, research firms and data providers whose names read like a person's or escape the patterns above.
_FIRM_NAMES = re.compile(
    r"\b(?:Edward\s+Jones|Raymond\s+James|Morgan\s+Keegan|Sanford\s+(?:C\.\s+)?Bernstein|Piper\s+Jaffray|"
    r"Robert\s+W\.?\s+Baird|Janney\s+Montgomery\s+Scott|Keefe,?\s+Bruyette(?:\s+&\s+Woods)?|Stifel\s+Nicolaus|"
    r"Sterne\s+Agee|Dean\s+Witter|Smith\s+Barney|Charles\s+Schwab|Thomas\s+Weisel|Ryan\s+Beck|Wunderlich|"
    r"Brean\s+Murray|Ladenburg\s+Thalmann|Craig-Hallum|Roth\s+Capital|Cowen|Wedbush|Oppenheimer|Jefferies|"
    r"Evercore|Canaccord(?:\s+Genuity)?|Needham|Macquarie|Bernstein|Morningstar|Argus\s+Research|"
    r"Thomson\s+Reuters(?:\s+I/B/E/S)?|Reuters\s+Estimates|I/B/E/S|FactSet|StarMine|Zacks|Capital\s+IQ|Lipper|"
    r"Bloomberg|Dow\s+Jones)\b"
)
_FUND_NAME = re.compile(
    r"\b(?:Asset\s+Management|Investment\s+Management|Capital\s+Management|Fund(?:s)?|Investors?|Advisors|Advisers|"
    r"Wealth\s+Management|Partners|Associates|Investment\s+Counsel|Trust\s+Co|Capital\s+Advisors|Hedge)\b"
)


def annotate(doc: ArticleDoc, registry: Registry, start: int = 0, end: int | None = None) -> ArticleDoc:
    """Add ``codes`` and ``orgs`` of the headline (when ``start`` is 0) and of the text between ``start`` and
    ``end``, after those an earlier call found."""
    end = len(doc.text) if end is None else end
    if start == 0:
        doc.codes = codes_in(doc.title, in_title=True)
        doc.orgs = orgs_in(doc.title, registry, doc.codes, in_title=True)
    codes = [c for c in codes_in(doc.text, start=start, end=end) if not doc.in_block(c.start)]
    doc.codes += codes
    body = orgs_in(_masked(doc, start, end), registry, codes, start=start, end=end, earlier=doc.orgs)
    doc.orgs += [o for o in body if not _in_layout(doc, o)]
    if doc.title.upper() != doc.title:  # (a headline in capitals says nothing of how a word is used)
        _headline_short_forms(doc, start, end)
        _headline_inner_names(doc, registry, start, end)
        _headline_leading_words(doc, registry, start, end)
    _former_names(doc)
    return doc


def _former_names(doc: ArticleDoc) -> None:
    """A company's former name printed after it changed, in an article that names one other company whose name
    begins with it, is that company's short form: "Quillon" in a story on "Quillon Mobile Holdings" the year
    after Quillon Inc spun it off and became Quillon Systems. (Before the change, or with no such company
    named, the former name stays its owner's: the registry's history says whose it was.)"""
    on = doc.article.published
    if on is None:
        return
    day = on.isoformat()
    named = {o.company.name: o.company for o in doc.orgs if o.kind == OrgKind.COMPANY and o.company is not None}
    for k, o in enumerate(doc.orgs):
        c = o.company
        if c is None or not any(until is not None and until < day and name == o.name for until, name in c.names):
            continue
        longer = [f for f in named.values() if f is not c and f.name.startswith(f"{o.name} ")]
        if len(longer) == 1:
            doc.orgs[k] = replace(o, company=longer[0])


# Common first words that a headline uses alone for a company ("Continental, Harbor top forecasts as fuel eases"
# for Continental Airlines), and that stand alone, capitalised and before a lower-case word, for little else.
_HEADLINE_SHORT = {
    w: re.compile(rf"(?<![\w&.'’\-]){w}(?![\w&\-]|\s+[A-Z&]|['’]s\s+[A-Z]|\.\w)")
    for w in ("Allied", "Consolidated", "Continental", "Pacific", "Pioneer", "Standard", "United", "Universal")
}


def _headline_short_forms(doc: ArticleDoc, start: int, end: int) -> None:
    """Mentions of a company's common first word where the headline uses it alone for a company the text names in
    full ("Continental" after "Continental Airlines Inc"), in the headline and in the text between ``start`` and
    ``end``; not before a capitalised word ("United States", "Standard & Poor's")."""
    for word, rx in _HEADLINE_SHORT.items():
        if not rx.search(doc.title):
            continue
        full = {
            o.company.name: o.company
            for o in doc.orgs
            if o.kind == OrgKind.COMPANY
            and o.company is not None
            and canonical(o.name).split()[:1] == [word]
            and len(canonical(o.name).split()) > 1
        }
        if len(full) != 1:
            continue  # none, or two companies it could be
        _add_short_form(doc, rx, word, next(iter(full.values())), start, end)


def _headline_inner_names(doc: ArticleDoc, registry: Registry, start: int, end: int) -> None:
    """Mentions of the distinctive word after a company name's opening initials where the headline uses that word
    alone ("Peugeot sales slip in Europe" for PSA Peugeot Citroen): in the headline and in the text
    between ``start`` and ``end``, capitalised and not before another capitalised word. Only a word the registry
    gives to no other company ("Siemens" of Nokia Siemens Networks is Siemens)."""
    words: dict[str, set[str]] = {}
    for o in doc.orgs:
        toks = canonical(o.name).split()
        if o.kind != OrgKind.COMPANY or len(toks) < 2 or not (toks[0].isupper() and 2 <= len(toks[0]) <= 4):
            continue
        for w in toks[1:]:
            other = registry.lookup(w)
            if (
                len(w) >= 4
                and w[:1].isupper()
                and w[1:].islower()
                and w not in _COMMON_FIRST
                and w not in SENTENCE_STARTERS
                and (other is None or (o.company is not None and other.name == o.company.name))
            ):
                words.setdefault(w, set()).add(o.name)
    for word, names in words.items():
        rx = compiled(rf"(?<![\w&.'’\-])(?<![A-Z]{{2}}\s)(?<![A-Z]{{3}}\s)(?<![A-Z]{{4}}\s){word}(?![\w&\-]|\s+[A-Z])")
        if len(names) != 1 or not rx.search(doc.title) or not any(_alone(doc.text, m) for m in rx.finditer(doc.text)):
            continue  # the headline's word must also stand alone in the body ("Chemical makers ..." is no name)
        full = next(o for o in doc.orgs if o.name in names)
        _add_short_form(doc, rx, word, full.company, start, end)


def _headline_leading_words(doc: ArticleDoc, registry: Registry, start: int, end: int) -> None:
    """Mentions of a long company name's first two words where the headline uses them alone and the body does too
    ("Bed Quill costs rise" for Bed Quill & Beyond): in the headline and in the text between ``start`` and ``end``.
    Only words the registry gives to no other company."""
    forms: dict[str, set[str]] = {}
    for o in doc.orgs:
        toks = canonical(o.name).split()
        if o.kind != OrgKind.COMPANY or len(toks) < 3 or o.company is None or not o.company.known:
            continue  # (a company the registry knows: its name, not the headline's form, is the row's)
        if all(re.fullmatch(r"[A-Z][a-z]{2,}", t) and t not in SENTENCE_STARTERS for t in toks[:2]):
            forms.setdefault(" ".join(toks[:2]), set()).add(o.company.name)
    for form, names in forms.items():
        other = registry.lookup(form)
        if len(names) != 1 or (other is not None and other.name not in names):
            continue
        rx = compiled(rf"(?<![\w&.'’\-])(?<![A-Z][a-z]\s){re.escape(form)}(?![\w&\-]|\s+(?:&|and\b|[A-Z]))")
        if not rx.search(doc.title) or not rx.search(doc.text, start, end):
            continue  # the headline's form must also stand alone in the body
        company = next(o.company for o in doc.orgs if o.company is not None and o.company.name in names)
        _add_short_form(doc, rx, form, company, start, end)


def _add_short_form(
    doc: ArticleDoc, rx: re.Pattern[str], word: str, company: Company | None, start: int, end: int
) -> None:
    """Mentions of a company's short form ``word`` wherever ``rx`` finds it in the headline and in the text between
    ``start`` and ``end`` (outside layout blocks), where no mention stands yet."""
    taken = [(o.start, o.end, o.in_title) for o in doc.orgs]
    found = [(m.start(), m.end(), True) for m in rx.finditer(doc.title)]
    found += [(m.start(), m.end(), False) for m in rx.finditer(doc.text, start, end) if not doc.in_block(m.start())]
    added = [
        OrgMention(a, b, word, OrgKind.COMPANY, company, None, in_title)
        for a, b, in_title in found
        if not any(t == in_title and x < b and a < y for x, y, t in taken)
    ]
    if added:
        doc.orgs = sorted([*doc.orgs, *added], key=lambda o: (not o.in_title, o.start))


def _alone(text: str, m: re.Match[str]) -> bool:
    """The match is not the second word of a longer capitalised name ("PSA Peugeot", "Dow Chemical")."""
    before = re.search(r"([A-Za-z][\w&'’.\-]*)\s+$", text[max(0, m.start() - 40) : m.start()])
    return before is None or not before.group(1)[:1].isupper() or before.group(1) in SENTENCE_STARTERS


def _by_code(registry: Registry, code: Code, name: str) -> Company | None:
    """The registry company with this ticker, when the name printed before the code is one of its names' words or
    initials ("Alcan Inc ( AL.N )" is not Air Lease, whose ticker AL came later)."""
    company = registry.by_ticker.get(code.ticker)
    if company is None:
        return None
    names = (company.name, *(n for _, n in company.names))
    printed = {w.lower() for w in re.findall(r"[A-Za-z][\w&'’\-]{2,}", canonical(name))}
    theirs = {w.lower() for n in names for w in re.findall(r"[A-Za-z][\w&'’\-]{2,}", n)}
    short = canonical(name).replace(".", "")
    initialism = short.isupper() and any(short == "".join(w[0] for w in n.split()).upper() for n in names)
    bare_suffix = not printed - _SUFFIX_WORDS  # "Quillon Mining Ltd/Plc ( QLN.AX )": only "Plc" before the code
    return company if printed & theirs or initialism or bare_suffix else None


def _joint_venture(registry: Registry, text: str, codes: list[Code], code: Code, name: str, first: Company) -> bool:
    """ "Quill Harbor ( QUI.N ) ( HAR.L )": a name that is no registry company's, printed before two codes of two
    different companies, each named by its words (``first``: the company ``code`` names): a joint venture of the
    two, its parents' codes."""
    nxt = next((c for c in codes if c.start > code.start), None)
    if nxt is None or text[code.end : nxt.start].strip(" ()<>"):
        return False
    second = _by_code(registry, nxt, name)
    return second is not None and first.name != second.name


_SUFFIX_WORDS = {"inc", "corp", "ltd", "plc", "co", "cos", "ag", "nv", "llc", "group", "holdings", "company"}


_PREV_WORD = re.compile(r"(?<![\w&'’.\-])([A-Z][\w&'’\-]+) $")


def _masked(doc: ArticleDoc, start: int, end: int) -> str:
    """The text with its layout blocks blanked (same offsets), so that no name runs on from a subhead into the
    sentence after it ("SHOPPERS PULL BACK Ohio-based Quillon Bank, for its part, said")."""
    blocks = [b for b in doc.blocks if b.kind != "company" and b.end > start and b.start < end]
    if not blocks:
        return doc.text
    parts, pos = [], 0
    for b in sorted(blocks, key=lambda b: b.start):
        if b.start < pos:
            continue
        parts += [doc.text[pos : b.start], ";" + " " * (b.end - b.start - 1)]
        pos = b.end
    parts.append(doc.text[pos:])
    return "".join(parts)


def _in_layout(doc: ArticleDoc, org: OrgMention) -> bool:
    block = doc.in_block(org.start)
    return block is not None and block.kind != "company"


def us_venue(code: str) -> bool:
    """A code of a US venue ("XOM.N", "BRKa.N"), or a bare symbol."""
    return code.partition(".")[2] in _US_VENUES or "." not in code


UNLISTED = ""  # the ticker a printed "GM.UL" gives: none, and the registry must not fill one in


def ticker_of(code: str, exchange: str | None = None) -> str:
    """The dataset's ticker for a printed code: the bare symbol on a US venue, else the code kept whole."""
    code = code.strip()
    if exchange is not None:
        ex = " ".join(exchange.upper().split())
        suffix = _EXCHANGES.get(ex, _EXCHANGES.get(ex.replace(" ", ""), ""))
        return code if (not suffix or "." in code) else code + suffix
    base, _, venue = code.partition(".")
    if venue == "UL":
        return UNLISTED
    if venue not in _US_VENUES:
        return code.upper()  # the guide's tickers are in capitals: DAIGn.DE is DAIGN.DE
    cls = re.fullmatch(r"([A-Z]+)([a-z])", base)  # a share class in lower case: BRKa.N is BRK.A
    return f"{cls.group(1)}.{cls.group(2).upper()}" if cls else base


def codes_in(text: str, in_title: bool = False, start: int = 0, end: int | None = None) -> list[Code]:
    """Every instrument code printed in ``text`` (between ``start`` and ``end``), in order."""
    end = len(text) if end is None else end
    found: dict[int, Code] = {}
    for m in _BRACKETED_CODES.finditer(text, start, end):
        found[m.start()] = Code(m.start(), m.end(), m.group("code"), ticker_of(m.group("code")), in_title)
    for m in _EXCHANGE_CODE.finditer(text, start, end):
        raw = f"{m.group('ex')}: {m.group('sym')}"
        found[m.start()] = Code(m.start(), m.end(), raw, ticker_of(m.group("sym"), m.group("ex")), in_title)
    for m in _ANGLE_CODE.finditer(text, start, end):
        found[m.start()] = Code(m.start(), m.end(), m.group("code"), m.group("code"), in_title)
    taken = [(c.start, c.end) for c in found.values()]
    for m in _BARE_CODE.finditer(text, start, end):
        if not any(a <= m.start() < b for a, b in taken) and _bare_code_ok(text, m):
            found[m.start()] = Code(m.start(), m.end(), m.group("code"), ticker_of(m.group("code")), in_title)
    return [found[k] for k in sorted(found)]


def _bare_code_ok(text: str, m: re.Match[str]) -> bool:
    """A bare ``FDC.N`` follows a name (or another code), not a sentence's first word."""
    before = text[max(0, m.start() - 12) : m.start()]
    if re.search(r"\b(?:Inc|Corp|Co|Cos|Ltd|Plc|PLC|Bros|Inds|Hldgs)\.\s+$", before):
        return True  # "J.R. Harbor Co. HBR.N"
    return not re.search(r"[.!?]\s+$", before) and bool(re.search(r"[A-Za-z)\]'’]\s*,?\s*$", before))


def initials(name: str) -> str:
    """The capitals of a name's words, its small words left out: "TI" for "Texas Instruments", "ICI" for "Imperial
    Chemical Industries"."""
    return "".join(
        w[0] for w in canonical(name).split() if w[:1].isalpha() and w.lower() not in {"of", "and", "the"}
    ).upper()


@lru_cache(maxsize=65536)
def canonical(name: str) -> str:
    """A company name without corporate suffixes, a leading "The" or a possessive: ``Dean Foods Co.`` and
    ``DEAN FOODS'S`` -> ``Dean Foods``, ``DEAN FOODS``."""
    name = re.sub(r"['’][sS]?$", "", " ".join(name.split()).strip(" ,"))
    name = re.sub(r"^The\s+", "", name)
    # (a trailing "and" is a word: "Ingersoll-Rand Plc" keeps its "Rand")
    name = re.sub(r"(?:\s*(?:&|\band|,))+$", "", _SUFFIX_END.sub("", name)) if _SUFFIX_END.search(name) else name
    prev = None
    while prev != name:
        prev, name = name, _SUFFIX_END.sub("", name).strip(" ,")
    return name or prev or ""


# A trade descriptor opening a sentence before the name ("Drugmaker Forest Laboratories Inc", "Retailer Target
# Corp"): never the name's first word when a name follows (words that open real names, "Carrier", "Giant", are not here).
_DESCRIPTOR = re.compile(
    r"(?:[A-Z][a-z]*(?:maker|makers|builder|builders)|Retailer|Insurer|Reinsurer|Lender|Brewer|Miner|Refiner|Grocer|"
    r"Conglomerate|Manufacturer|Distributor|Supplier|Broadcaster|Publisher|Airline|Automaker|Drugmaker)s?"
)


# words of a company's name that name no company alone (lower case)
_GENERIC_TAIL = _SUFFIX_WORDS | {
    "international",
    "enterprises",
    "industries",
    "companies",
    "intl",
    "worldwide",
    "global",
}


@lru_cache(maxsize=65536)
def trim_lead(name: str) -> str:
    """A name without the words before it that are not part of it ("Rival Pepsi" -> "Pepsi")."""
    toks = name.split()
    while (
        toks
        and (
            toks[0] in _LEAD_STOP
            or (len(toks) > 1 and _DESCRIPTOR.fullmatch(toks[0]) and toks[1][:1].isupper())
            or (len(toks) > 1 and re.search(r"[\-–](?:based|listed|owned|controlled)$", toks[0]))  # "Minneapolis-based"
            or toks[0].lower() in {"of", "and", "&", "the"}
            or toks[0] == "de"  # "de" between names, never the "De" of "De Beers"
            or not (toks[0][:1].isupper() or re.fullmatch(DIGIT_NAME, toks[0]))
            or (len(toks) > 1 and re.search(r"['’]s$", toks[0]) and toks[0][:-2] in _PLACES_AND_RIVALS)
        )
    ):
        toks.pop(0)
    # a person's full name in the possessive before the company's: "Jo Fay's Quillon Holdings Inc"
    # ("Rupert Murdoch's News" before "Corp": the suffix is not among the tokens)
    # (not a name of that form: "Papa Joe's International Inc", whose words after the possessive name no company)
    if (
        len(toks) > 2
        and toks[0][:1].isupper()
        and re.fullmatch(r"[A-Z][a-z]+['’]s", toks[1])
        and toks[2][:1].isupper()
        and not all(t.rstrip(".,").lower() in _GENERIC_TAIL for t in toks[2:])
    ):
        toks = toks[2:]
    return " ".join(toks)


# A lede that opens with a company's name, or with its trade before it ("Irish airline Ryanair Monday posted ..."),
# and then reports or speaks.
TRADE = (
    r"airline|carrier|\w*maker|brewer|distiller|bank|lender|insurer|reinsurer|retailer|grocer|miner|refiner|brokerage|"
    r"conglomerate|group|firm|company|operator|producer|supplier|distributor|publisher|broadcaster|chain|giant|"
    r"manufacturer|developer|provider|utility|builder|shipper|exporter|explorer|outsourcer|wholesaler|trader"
)
# the lede's subject is followed by a comma or its verb, after a weekday or not
_ON_WEEKDAY = r"(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
_SUBJECT_VERB = (
    r"said|says|reported|posted|expects|expected|announced|raised|lowered|cut|forecast|sees|earned|lost|is|will|has|"
    r"had|may"
)
_LEDE_SUBJECT = re.compile(
    rf"\s*(?:The\s+)?(?:(?P<trade>(?:[A-Z][\w.\-]*\s+|[a-z][\w\-]*\s+){{0,3}}?(?:{TRADE}))\s+)?"
    r"(?P<name>[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&)){0,5}?)"
    rf"(?=,|\s+{_ON_WEEKDAY}(?:{_SUBJECT_VERB})\b)"
)


# ... and a longer description before the name ("Europe's No. 3 kitchen appliances maker Quillon warned",
# "Upmarket fashion store Harbor Lane posted"), taken only when the headline names the company too: a long run
# of words before a capitalised one is otherwise as often a place, a person or a product
_WIDE_LEDE_SUBJECT = re.compile(
    rf"\s*(?:The\s+)?(?P<trade>(?:[\w.'’\-]+\s+){{0,6}}?(?:{TRADE}|stores?|retailer|company|outfit))\s+"
    r"(?P<name>[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&)){0,4}?)"
    rf"(?=,|\s+{_ON_WEEKDAY}(?:{_SUBJECT_VERB}|reports|posts|raises|lowers|cuts|warned|warns|reaffirmed|reaffirms|"
    r"swung|beat|missed)\b)"
)


# ... and a company named before its officer's title, opening the lede ("Quillon Foods CFO Jane Roe on Thursday
# hinted at ...", "Harbor's chief executive, Sam Poe, said"), taken only when the headline names it too
_TITLED_LEDE_SUBJECT = re.compile(
    r"\s*(?:The\s+)?(?P<name>[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&)){0,4}?)(?:['’]s)?\s+"
    r"(?:(?i:chief\s+(?:executive|financial|operating)(?:\s+officer)?|finance\s+chief|chairman|chairwoman|president)|"
    r"CEO|CFO|COO)\b,?\s+[A-Z]"
)


# ... and a company whose shares open the lede ("Shares in Quillon fell by a fifth on Tuesday after ..."), taken only
# when the headline names it too
_SHARES_LEDE_SUBJECT = re.compile(
    r"\s*[Ss]hares\s+(?:of|in)\s+(?P<name>[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&)){0,4}?)"
    r"(?=\s*\(|\s+(?:fell|rose|jumped|slumped|tumbled|plunged|surged|soared|climbed|dropped|slid|sank|gained|"
    r"closed|ended|traded|were|slipped|sagged|rallied|leapt|leaped)\b)"
)


def lede_subject(doc: ArticleDoc) -> tuple[str, bool] | None:
    """The name a first sentence opens with, before it reports or speaks ("Publix Super Markets, the grocery chain,
    said ...", "Irish airline Ryanair Monday posted ..."), and whether its trade came before it."""
    a, b = doc.lede
    if re.search(r"\((?:Reuters|AP|AFP)\)\s*[-—–]", doc.text[a : min(b, a + 120)]):
        return None  # (a dateline the layout left in the lede: "AKRON, Ohio/CHICAGO (Reuters) - Two ...")
    narrow = _LEDE_SUBJECT.match(doc.text, a, b)
    m = (
        narrow
        or _WIDE_LEDE_SUBJECT.match(doc.text, a, b)
        or _TITLED_LEDE_SUBJECT.match(doc.text, a, b)
        or _SHARES_LEDE_SUBJECT.match(doc.text, a, b)
    )
    if m is None:
        return None
    if " and " in m.group("name") and _SUFFIX_END.search(" " + m.group("name").rsplit(" and ", 1)[0]):
        return None  # two companies ("Oracular Corp and Rimrock Ltd posted ..."), each a mention of its own
    if narrow:
        return canonical(trim_lead(m.group("name"))), bool(m.group("trade"))
    name = canonical(trim_lead(m.group("name")))
    title = {w.strip(".,:;'’\"") for w in doc.title.lower().replace("'s ", " ").split()}
    if name and all(w.strip(".,'’").lower() in title for w in name.split()):
        return name, True
    return None


def financial_firm(org: str) -> bool:
    """A broker, research firm or fund by its name ("Ridgeline Securities", "Edward Jones", "BWS Financial"): the
    firm of a person who comments on a company as an analyst or investor."""
    return kind_of(org) in (OrgKind.BROKER, OrgKind.FUND) or bool(
        re.search(
            r"Securities|Capital|Research|Partners|Associates|Sachs|Lynch|Stanley|\bInvest[a-z]*|Management|"
            r"Advisors|Advisers|Advisory|Asset|Brokerage|Funds?\b|Financial\b|Equities|Wealth",
            org,
        )
    )


# an exchange's short name that a headline uses for a company (the body's "NYSE Amex", "the Amex" stay the exchange)
_COMPANY_IN_HEADLINES = {"Amex"}


@lru_cache(maxsize=65536)
def kind_of(name: str) -> OrgKind:
    """The kind a name alone says: a news agency or data provider, an exchange or index, a public body, a
    broker or a fund by their names; a company otherwise."""
    bare = canonical(name)
    if _AGENCY.match(bare):
        return OrgKind.AGENCY
    if _MARKET.match(bare):
        return OrgKind.MARKET
    if _REGULATOR.match(bare):
        return OrgKind.REGULATOR
    if _BROKER_NAME.search(bare):
        return OrgKind.BROKER
    if _FUND_NAME.search(bare):
        return OrgKind.FUND
    return OrgKind.COMPANY


_SHORT_NAME_BEFORE = re.compile(r"\s*\((?:[A-Z][\w&'’.\-]*\s?){1,3}\)\s*$")


def _name_before(text: str, end: int) -> tuple[int, str] | None:
    """The capitalised name that ends right before ``end`` ("... maker J.R. Harbor Co." -> "J.R. Harbor Co."),
    over a short form in brackets ("Quillon and Northwind Bank (QNB) ( QNB.L )")."""
    start = max(0, end - 120)
    short = _SHORT_NAME_BEFORE.search(text, start, end)
    if short:
        end = short.start()
        initials = re.sub(r"[^A-Z]", "", short.group(0))
        spelled = re.search(
            r"([A-Z]\w*(?:\s+(?:and|&)\s+|\s+)(?:[A-Z][\w&'’.\-]*\s+){0,4}[A-Z][\w&'’.\-]*)$", text[start:end]
        )
        if (
            spelled
            and len(initials) >= 2
            and "".join(w[0] for w in spelled.group(1).split() if w[0].isupper()).startswith(initials)
        ):  # "Quillon and Northwind Bank (QNB)": the name its short form spells, "and" included
            return start + spelled.start(1), spelled.group(1)
    m = _NAME_BEFORE.search(text, start, end)
    if not m:
        return None
    raw = m.group(0).rstrip(" ,")
    at = m.start()
    if dash := list(re.finditer(r"\s[\-–—]\s+", raw)):  # a dash is no part of a name: "AMSTERDAM - Royal Philips"
        at += dash[-1].end()
        raw = raw[dash[-1].end() :]
    nl = raw.rfind("\n")
    if nl >= 0 and not text[text.rfind("\n", 0, at) + 1 : at].strip():
        # a name whose first part fills a line of its own is a heading's ("About Quillon Systems" over the
        # boilerplate's "Quillon Systems, Inc. (NASDAQ:QLSY)"), not a name wrapped over two lines
        rest = raw[nl + 1 :]
        at += nl + 1 + len(rest) - len(rest.lstrip())
        raw = rest.lstrip()
    # "Harbor Tire and Rubber Co. ( HTR.N )": an industry word after "and" goes on a name, as in ``orgs_in``
    head = re.search(rf"((?:{_NAME_TOKEN}\s+)*{_NAME_TOKEN})\s+and\s+$", text[start:at])
    if head and canonical(raw).lower() in _INDUSTRY_WORDS:
        at = start + head.start(1)
        raw = text[at : m.end()].rstrip(" ,")
    name = trim_lead(raw)
    if not name or name in _NOT_NAMES:
        return None
    return at + raw.find(name), name


def orgs_in(
    text: str,
    registry: Registry,
    codes: list[Code],
    in_title: bool = False,
    start: int = 0,
    end: int | None = None,
    earlier: list[OrgMention] = (),  # type: ignore[assignment]
) -> list[OrgMention]:
    """Organisations named in ``text`` between ``start`` and ``end``: registry names, names printed before a
    code, names with a corporate suffix, bracketed names, and short forms of the companies found (here or in
    ``earlier``, the mentions an earlier call found); leftmost-longest, each with its kind."""
    end = len(text) if end is None else end
    found: list[OrgMention] = []
    spans: list[tuple[int, int]] = []
    wrapped = hard_wrapped(text)

    def add(s: int, e: int, name: str, company: Company | None, code: Code | None = None) -> None:
        if not wrapped and "\n" in text[s:e]:
            # web text has a paragraph a line: a name never runs over a line break ("... 12:05 p.m. ET" over
            # "JPMorgan Chase & Co. kicked off": the name is the second line's)
            s = text.rfind("\n", s, e) + 1
            name = text[s:e].strip()
            if not name[:1].isupper() and not name[:1].isdigit():
                return
        if any(a <= s < b or a < e <= b for a, b in spans):
            return
        kind = kind_of(name) if company is None or code is None else OrgKind.COMPANY
        if company is not None and kind == OrgKind.AGENCY and _SUFFIX_END.search(name):
            kind = OrgKind.COMPANY  # "The New York Times Co", "Thomson Reuters Corp": the company, not the source
        if (
            company is not None
            and in_title
            and name in _COMPANY_IN_HEADLINES
            and not re.search(r"(?:NYSE|the|sell\w*|buy\w*)\s+$", text[max(0, s - 12) : s], re.I)
        ):
            kind = OrgKind.COMPANY  # a headline's "Amex" that misses forecasts is American Express
        if company is not None and code is None and kind != OrgKind.COMPANY:
            company = None  # "Nasdaq", "Thomson Reuters": the name's kind wins unless a code says company
        elif kind == OrgKind.COMPANY and company is None:
            company = Company(canonical(name), code.ticker if code else None, FiscalCalendar.default(), known=False)
        elif company is not None and code is not None:
            company = replace(company, ticker=code.ticker)
        found.append(
            OrgMention(s, e, canonical(name) if kind == OrgKind.COMPANY else name, kind, company, code, in_title)
        )
        spans.append((s, e))

    # 1. names printed right before a code: the article's own evidence of a listed company
    for code in codes:
        hit = _name_before(text, code.start)
        if hit is None:
            continue
        at, name = hit
        if _MARKET.match(name) or _AGENCY.match(name):
            continue
        # "Quillon and Northwind Bank ( QNB.L )": a name the registry knows with "and" in it
        head = re.search(rf"((?:{_NAME_TOKEN}\s+){{0,2}}{_NAME_TOKEN})\s+and\s+$", text[max(0, at - 60) : at])
        if head:
            words = head.group(1).split()
            for k in range(len(words)):
                longer = f"{' '.join(words[k:])} and {name}"
                if registry.lookup(canonical(longer)) or registry.lookup(longer):
                    at, name = at - len(head.group(0)) + head.group(0).find(longer.split()[0]), longer
                    break
        listed = registry.lookup(canonical(name)) or registry.lookup(name)
        known = listed or _by_code(registry, code, name)
        if listed is None and known is not None and _joint_venture(registry, text, codes, code, name, known):
            add(at, at + len(name), name, None)  # the parents' codes: the venture itself is unlisted
            continue
        # "GM's Opel ( GM.N )": a parent's unit, the code the parent's
        parent = re.match(r"([A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3})['’]s\s+[A-Z]", name)
        if known is None and parent:
            owner = registry.lookup(parent.group(1))
            if owner is not None and owner.ticker == code.ticker:
                name, known = parent.group(1), owner
        add(at, at + len(name), name, known, code)
    # 2. corporate-suffix names ("Dean Foods Co"), 3. registry names, 4. bracketed names (<Shell Australia Ltd>)
    for m in _CORP.finditer(text, start, end) if _SUFFIX_WORD.search(text, start, end) else ():
        raw = trim_lead(m.group("name"))
        if " and " in raw:  # "Goodyear Tire and Rubber Co" is one name; "Time Warner and News Corp" two
            head, right = raw.rsplit(" and ", 1)
            if _two_names(raw, m.group("suffix"), registry) or _left_named(head, right, registry, text):
                raw = right
        if not raw or raw in _NOT_NAMES or raw in _PLACES_AND_RIVALS:
            continue  # (a country with a suffix is its companies: "Japan Inc braces for a strong yen")
        at = m.start("name") + m.group("name").find(raw)
        full = f"{raw} {m.group('suffix')}"
        # "News Corp" is the registry's name itself, where the bare word is not
        known = registry.lookup(canonical(full)) or registry.lookup(raw) or registry.lookup(full.rstrip("."))
        add(at, m.end("suffix"), full, known)
    hits = registry.find(text, start, end)
    k = 0
    while k < len(hits):
        a, b, c = hits[k]
        k += 1
        # two companies' names run together are their joint venture, a company of its own ("Sony Ericsson",
        # "Nokia Siemens Networks"), unlisted unless the text prints its code
        if k < len(hits) and text[b : hits[k][0]] == " ":
            b, c = hits[k][1], None
            k += 1
        elif (prev := _PREV_WORD.search(text, max(0, a - 30), a)) and registry.lookup(prev.group(1)):
            a, c = prev.start(1), None  # "Sony Ericsson", where "Sony" alone was not taken as a name
        add(a, b, text[a:b], c)
    for m in _FIRM_NAMES.finditer(text, start, end):  # firms named like people: "Edward Jones", "Raymond James"
        add(m.start(), m.end(), m.group(0), None)
    for m in _ANGLE_NAME.finditer(text, start, end):
        add(m.start("name"), m.end("name"), m.group("name"), registry.lookup(canonical(m.group("name"))))
    # 5. short forms of the companies found so far ("Merrill" after "Merrill Lynch & Co"), which no pattern
    # above finds on their own
    for alias, company in _short_forms([*earlier, *found], registry).items():
        for s, e in _alias_spans(alias, text, start, end):
            add(s, e, text[s:e], company)
    for sym, (company, code) in _symbol_forms([*earlier, *found], registry).items():
        for s, e in _alias_spans(sym, text, start, end):
            add(s, e, text[s:e], company, code)  # the printed code says it is the company
    found.sort(key=lambda o: o.start)
    return found


def _left_named(head: str, right: str, registry: Registry, text: str) -> bool:
    """Is the part before "and" (or its end: "U.S. Time Warner") a company named on its own, in the registry or
    with a suffix, a bracket or a code in the text?"""
    if not (registry.lookup(right) or len(right.split()) > 1 or right.lower() not in _INDUSTRY_WORDS):
        return False  # "... and Rubber Co": the right part is an industry word of one name
    words = head.split()
    return any(
        registry.lookup(left := " ".join(words[k:]))
        or compiled(rf"{re.escape(left)}(?:\s*,?\s+{_SUFFIX}|\s*\(|\s+[A-Z]{{1,5}}\.[A-Z])").search(text)
        for k in range(len(words))
    )


def _two_names(raw: str, suffix: str, registry: Registry) -> bool:
    """Is "X and Y Inc" two companies? Yes when X ends in its own suffix ("3M Co and Honeywell International
    Inc") or "Y Inc" is a company the registry knows and the whole is not ("Wells and US Bancorp"; not "Barnes
    and Noble Inc")."""
    left, right = raw.rsplit(" and ", 1)
    if _SUFFIX_END.search(f" {left}"):  # ("Co and ..." where the name before was "3M", which no pattern starts)
        return True
    whole = f"{raw} {suffix}"
    if registry.lookup(canonical(whole)) or registry.lookup(canonical(whole.replace(" and ", " & "))):
        return False
    return (
        registry.lookup(f"{right} {suffix}") is not None or registry.lookup(canonical(f"{right} {suffix}")) is not None
    )


def _alias_rx(alias: str) -> re.Pattern[str]:
    return compiled(rf"(?<![\w&.'’\-]){alias}(?![\w&]|\.\w|-\w)")


# a short form that is a literal (re.escape's escapes), and what follows it (at most a lookahead)
_LITERAL_ALIAS = re.compile(r"((?:\\[^A-Za-z0-9]|[^\\()\[\]{}.*+?|^$])+)(.*)", re.S)
_ALIAS_BEFORE = re.compile(r"[\w&.'’\-]")


def _lookahead(rest: str) -> str | None:
    """The pattern inside ``rest`` when ``rest`` is one negative lookahead ("(?!...)"), else None."""
    if not (rest.startswith("(?!") and rest.endswith(")")):
        return None
    depth, k, in_class = 0, 0, False
    while k < len(rest):
        c = rest[k]
        if c == "\\":
            k += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0 and k < len(rest) - 1:
                return None  # the group closes before the end: more pattern follows it
        k += 1
    return rest[3:-1] if depth == 0 else None


def _alias_spans(alias: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where a short form (a pattern) is named between ``start`` and ``end``. A literal one, with at most a
    lookahead after it, is found with ``str.find`` (the same spans as its pattern): a stream brings a new name or
    two an article, and compiling a pattern for each costs some 200 times the search (see ``rx``)."""
    m = _LITERAL_ALIAS.match(alias)
    ahead = _lookahead(m.group(2)) if m and m.group(2) else ""
    if m is None or ahead is None:
        return [x.span() for x in _alias_rx(alias).finditer(text, start, end)]
    literal = re.sub(r"\\(.)", r"\1", m.group(1), flags=re.S)
    after = compiled(r"[\w&]|\.\w|-\w" + (f"|{ahead}" if ahead else ""))
    return literal_spans(text, literal, _ALIAS_BEFORE, after, pos=start, endpos=end) or []


# What "Tire and Rubber", "Iron and Steel" end in: a company's name goes on after them.
_INDUSTRY_WORDS = {
    "rubber",
    "steel",
    "oil",
    "gas",
    "electric",
    "chemical",
    "chemicals",
    "power",
    "light",
    "telegraph",
    "mining",
    "manufacturing",
    "trust",
    "savings",
    "loan",
    "insurance",
    "investment",
    "development",
    "engineering",
    "foods",
    "supply",
    "products",
    "industries",
    "technology",
    "transport",
    "shipping",
    "construction",
    "paper",
    "pulp",
}


# First words too common to stand for a company on their own.
_COMMON_FIRST = {
    "American",
    "General",
    "United",
    "First",
    "National",
    "Royal",
    "New",
    "Great",
    "Southern",
    "Northern",
    "Western",
    "Eastern",
    "Central",
    "International",
    "Global",
    "Standard",
    "Continental",
    "Pacific",
    "Atlantic",
    "Capital",
    "Bank",
    "China",
    "Japan",
    "British",
    "Deutsche",
    "Commonwealth",
    "Federal",
    "Public",
    "Mutual",
    "Pioneer",
    "Universal",
    "Allied",
    "Consolidated",
    "Texas",
    "Florida",
    "Old",
    "Union",
    "Security",
    "Home",
    "Energy",
    "Carolina",
    "Washington",
    "Chicago",
    "Boston",
    "Canadian",
    "Hong",
    "South",
    "North",
    "West",
    "East",
    "Bancorp",
    "Banco",
    "Credit",
    "Midwest",
    "Columbia",
}


def _symbol_forms(found: list[OrgMention], registry: Registry) -> dict[str, tuple[Company | None, Code]]:
    """A company the text calls by the symbol it printed: "IntercontinentalExchange Inc ( ICE.N )" ... "ICE said"
    (a name that alone would read as an exchange's), when the registry does not give the symbol to another."""
    out: dict[str, tuple[Company | None, Code]] = {}
    for o in found:
        sym = o.code.ticker if o.code is not None and o.kind == OrgKind.COMPANY else ""
        if not re.fullmatch(r"[A-Z]{3,5}", sym) or sym in _WORDS_IN_CAPITALS or canonical(o.name) == sym:
            continue
        other = registry.lookup(sym)
        if other is None or o.company is None or other.name == o.company.name:
            out.setdefault(sym, (o.company, o.code))  # type: ignore[arg-type]
    return out


# symbols that are words in a headline or subhead in capitals, never a company's short form
_WORDS_IN_CAPITALS = frozenset(
    [
        "ALL",
        "ARE",
        "BIG",
        "CAR",
        "CAT",
        "DAY",
        "EAT",
        "FOR",
        "FUN",
        "GAS",
        "HOG",
        "HOT",
        "JOB",
        "KEY",
        "LOW",
        "MAN",
        "NEW",
        "NOW",
        "ONE",
        "OUT",
        "OWN",
        "PAY",
        "RUN",
        "SEE",
        "SUN",
        "TWO",
        "WIN",
        "YOU",
        "AND",
        "THE",
        "BUY",
        "CEO",
        "CFO",
        "USA",
        "GDP",
        "IPO",
        "EPS",
    ]
)


# initials that open names without being their short form: places, titles, common abbreviations
_CAPS_NOT_SHORT = frozenset(
    [
        "US",
        "UK",
        "EU",
        "UN",
        "AP",
        "NY",
        "LA",
        "TV",
        "PC",
        "IT",
        "AG",
        "SA",
        "NV",
        "DE",
        "HK",
        "NZ",
        "SF",
        "DC",
        "BP",
        "GE",
        "AB",
        "CA",
        "PT",
        "TI",
        "JP",
        "AA",
        "CEO",
        "CFO",
        "COO",
        "CIO",
        "CTO",
        "EVP",
        "SVP",
        "VP",
        "ADR",
        "IPO",
        "USA",
        "GDP",
    ]
)


# a name's initials that are common abbreviations first ("TI", the opening of "TI Automotive", is Texas
# Instruments' initials where the article names it)
_NOT_INITIALISM = _CAPS_NOT_SHORT - {"TI"}


def _short_forms(found: list[OrgMention], registry: Registry) -> dict[str, Company | None]:
    """ "Merrill" for "Merrill Lynch", "Textron" for "Textron Inc": a company's distinctive first word, when
    the registry does not give it to another company."""
    out: dict[str, Company | None] = {}
    for o in found:
        if o.kind != OrgKind.COMPANY:
            continue
        toks = canonical(o.name).split()
        if not toks:
            continue
        first = re.sub(r"['’]s$", "", toks[0])
        part = first.split("-")[0]
        if (
            part != first
            and first[len(part) + 1 : len(part) + 2].isupper()  # "Bristol-Myers", not "Europe-focused"
            and len(part) >= 4
            and part[:1].isupper()
            and part[1:].islower()
            and part not in _COMMON_FIRST
            and part not in SENTENCE_STARTERS
            and (registry.lookup(part) is None or (o.company is not None and registry.lookup(part) == o.company))
        ):
            # "Bristol" for "Bristol-Myers Squibb", "Colgate" for "Colgate-Palmolive": a hyphenated name's first
            # part (not before a capitalised word: "Kimberly Ross" is no short form of Kimberly-Clark)
            out.setdefault(rf"{re.escape(part)}(?!\s+[A-Z][a-z])", o.company)
        if len(toks) == 1:
            # "Aeropostale" after "Aeropostale Inc ( ARO.N )", "Gap" after "Gap Inc": a one-word name the article
            # gave as a company's is that company wherever it appears alone and capitalised (a word the registry
            # finds only with a suffix, "Gap", included)
            other = registry.lookup(first)
            if (
                o.company is not None
                and len(first) >= 3
                and first[:1].isupper()
                and first not in _COMMON_FIRST
                and first not in SENTENCE_STARTERS
                and (other is None or other.name == o.company.name)
            ):
                out.setdefault(re.escape(first), o.company)
            continue
        ini = initials(o.name)
        if (
            o.company is not None
            and o.company.known
            and len(ini) in (2, 3)
            and all(w[:1].isalpha() or w == "&" for w in toks)  # (not "Quay 1 Imports")
            and ini not in _NOT_INITIALISM
            and registry.lookup(ini) in (None, o.company)
        ):
            # "TI" for "Texas Instruments", where the article names the company in full (not before a capitalised
            # word: "TI Automotive" is another company)
            out.setdefault(rf"{ini}(?!\s+[A-Z][a-z])", o.company)
        if first in _COMMON_FIRST and len(toks[1]) >= 6 and toks[1][:1].isupper():
            # "United Tech" for "United Technologies": the common word and the start of the next
            out.setdefault(rf"{re.escape(first)}\s+{re.escape(toks[1][:4])}[a-z]*", o.company)
            continue
        # a two-letter initialism opening a longer name is its short form too ("XM" for "XM Satellite Radio"),
        # unless it is a place or a common abbreviation ("US Airways" is not "US")
        caps = first.isupper() and len(first) in (2, 3) and first not in _CAPS_NOT_SHORT
        if not caps and (len(first) < 4 or first in _COMMON_FIRST or not first[0].isupper()):
            continue
        other = registry.lookup(first)
        if other is not None and o.company is not None and other.name != o.company.name:
            continue
        # (not a person's given name before the surname: "Thomas Roe said", "Thomas Roe, an analyst", whatever
        # "Thomas Weisel" the article also names)
        # (the name's own next word is no surname: "Quill Mills, whose stock ...")
        own_next = rf"(?!{re.escape(toks[1])}\b)" if len(toks) > 1 else ""
        out.setdefault(
            rf"{re.escape(first)}(?!\s+{own_next}[A-Z][a-z]+(?:,|\s+(?:said|says|told|added|noted|wrote)\b))",
            o.company,
        )
    return out


def _same_name(a: str, b: str) -> bool:
    norm = [re.sub(r"[^a-z0-9&]+", " ", canonical(x).lower()).strip() for x in (a, b)]
    return bool(norm[0]) and norm[0] == norm[1]
