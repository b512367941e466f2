"""Component 6, speakers: who said each quotation, and what kind of speaker they are.

Reads ``quotes``, ``paragraphs``, ``blocks`` and ``orgs``; adds ``people`` and ``attributions``. Each quotation
span of four words or more is attributed to a named person, in this order: an attribution right after the
closing mark (``," Musk said``, ``," said Jo Fay, Quillon's chief executive``), one right before the opening
mark (``Fay said:``, ``told analysts``, ``according to X,``), a speech verb elsewhere in the same sentence
(quoted fragments in reported speech), the speaker of the quote before it in the same or previous paragraph
(continuation), an instant-view heading above it ("SAM POE, ANALYST, HARBOR PARTNERS"), and a person
named in the next sentence. Surnames and pronouns resolve to the fullest name in the article. Quotes
attributed to an organisation or an unnamed person give no row. Names are read from the prose with layout
blocks blanked out, so a subhead or a dateline is never glued to a name ("WORKING TOGETHER Girsky").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from . import people
from .document import ArticleDoc, Attribution, BlockKind, OrgKind, Person
from .document import QuoteSpan as Span
from .layout import HEADING_TITLE
from .mentions import DIGIT_NAME, TRADE, financial_firm, lede_subject
from .people import NAME, NAME_RE, clean_name, name_tokens, role_from_title, surname
from .rx import compiled

MIN_WORDS = 4
VERBS = (
    r"said|says|say|added|adds|told|tells|explained|explains|continued|continues|noted|notes|"
    r"stated|states|commented|remarked|wrote|writes|repeated|reiterated|predicted|predicts|"
    r"forecast|projected|estimated|warned|warns|cautioned|cautions|insisted|argued|asserted|"
    r"acknowledged|conceded|admitted|declared|emphasized|emphasised|stressed|observed|quipped|"
    r"joked|replied|responded|answered|recalled|concluded|maintained|contended|agreed|"
    r"complained|boasted|pointed out|went on|summed up|put it|announced|claimed|believes|"
    r"expects|expected|hopes|thinks|feels|wrote in|described|"
    # only right before the quote it cites ("Sam Poe cited "soft orders ..."", the text read up to the mark), not
    # "X cited Poe as saying"
    r"cited(?=\s*(?:[\"“]|$))|"
    # a question's asker, before the quote only with a colon ("Sam Poe asked: "..."", not "when Poe asked Roe why
    # ..., she said "..."", whose speaker is Roe); after it, see _HANDOVER
    r"asked(?=\s*:)"
)
# The verbs that hand a quote over to who follows or precedes it right after the closing mark: VERBS and "asked"
# (""... new customers?" asked Jo Fay", ""...?" Poe asked reporters").
_HANDOVER = rf"{VERBS}|asked"
# "Soleil/Nelson Alpha Research"; "J.P.Morgan" run together; "TrueCar.com analyst Jesse Toprak"
# ("Étienne", "Ørsted": a capital with an accent opens a name too)
_CAP = rf"(?:(?:[A-Z]\.)+(?=\s)|(?:[A-Z]\.)+[A-Z][a-z][\w'’&\-]*|[{people._UP}][\w'’&\-]*(?:/[A-Z][\w'’&\-]*|\.com\b)?)"
# Lower-case title words inside a name phrase: "PaineWebber analyst Stephen Smith", "Sand president Jerry Shattner".
_LOWER_TITLES = (
    r"analyst|chairman|chairwoman|president|vice|chief|executive|officer|director|managing|senior|"
    r"financial|operating|treasurer|controller|spokesman|spokeswoman|strategist|economist|head|founder|"
    r"consultant|adviser|advisor|publisher|editor|trader|partner|principal|owner|manager"
)
# ... as a press release capitalises them: ", Chief Medical Officer at Riverbend Health", ", Senior Analyst at ..."
_CAPITAL_TITLES = (
    r"Chief|Officer|Executive|Chairman|Chairwoman|President|Director|Analyst|Strategist|Manager|Economist|Founder"
)
_WHO = (
    # a capitalised run ("Chief Executive Tim Cook", "Ridgeline Ventures payments consultant Jo Fay", "FTN Midwest
    # business services analyst Kartik Mehta"), a pronoun, or a common noun phrase ("the company")
    # (a firm's name with commas at its start runs on to its "&" or "and": "Hale, Quint & Marsh analyst Sam
    # Poe", "Roe, Pike and Lund analyst Jo Fay";
    # not "Peter Nesvold, Jefferies & Co. analyst"); a firm opening with a digit before the name, never its last
    # word ("said 3M Chief Executive Sam Poe")
    rf"\b(?:(?:{_CAP},\s+){{1,2}}(?=(?:[A-Z][\w'’\-]*\s+){{0,2}}(?:&|and)\s))?"
    rf"(?:(?:(?:Mr|Mrs|Ms|Dr|Prof|Rep|Sen|Gov|Gen|Adm|Lt|Col|Capt|Rev)\.\s+)?(?:(?:{_CAP}|{DIGIT_NAME}|of|at|from|{people._PARTICLE}|and|&|{_LOWER_TITLES}"
    rf"|[a-z][\w\-]*(?=\s+(?:[a-z][\w\-]*\s+)?(?:{_LOWER_TITLES})\b))\s+){{0,9}}{people.JOINED}{_CAP}"
    r"(?:,?\s+(?:Jr|Sr)\.|,?\s+(?:Jr|Sr|II|III|IV)\b)?"  # "Fred Lyons Jr. said"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e"
    r"|(?:the|a|an|one|another|its|their|his|her)\s+(?:[\w\-]+\s+){0,3}?[\w\-]+)"
)
_ADV = r"(?:\s+(?:also|later|then|again|recently|further|previously|once|\w+ly))?"
# "Mark Mason, Citi's finance chief, told reporters"; "Romilly Humphries, S.A.Y. president said"
# "Mark Mason, Citi's finance chief, told", or without commas "Jo Fay analyst at Harbor Research said"
_APPOS = (
    r"(?:,\s(?P<appos>(?:[^,\"“”]|[\"“][\w\-]+(?:\s[\w\-]+)?[\"”]){1,90}?(?:,\s[^,\"“”]{1,50}?)?),?|\s+(?P<appos2>(?:an?\s+)?(?:senior\s+)?(?:analyst|economist|strategist|"
    r"portfolio\s+manager|fund\s+manager|trader|partner|director)\s+(?:at|with|of|for)\s+(?:[A-Z][\w&.'’\-]*\s*){1,5}))?"
)
# (a stray comma before the verb: '...," CEO Jo Fay, told Reuters')
_AFTER_WHO_VERB = re.compile(
    rf"^[\s,;:—–\-]*(?P<who>{_WHO}){_APPOS}(?P<stray>,)?{_ADV}\s+(?P<verb>{_HANDOVER})\b(?P<rest>[^.;!?\"“”]*)"
)
# a dotted abbreviation inside a title, no sentence's end: "chief U.S. economist at ...", "head of U.K. equities"
_DOTTED = r"(?<![\w.])(?:[A-Z]\.){2,}(?!\s+[A-Z][a-z]+\s+[A-Z])"
_AFTER_VERB_WHO = re.compile(
    rf"^[\s,;:—–\-]*(?P<verb>{_HANDOVER})\s+(?P<who>{_WHO})(?P<rest>(?:,\s+(?:{_DOTTED}|[^.;!?\"“”])*|\s+(?:of|at|from)\s+(?:{_DOTTED}|[^.;!?\"“”,])*)?)"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+(?P<who>{_WHO})(?P<rest>(?:,\s+[^,.;\"“”]*)?)")
# (the reported speech before a fragment may hold figures: "said its growth target is about 8.5 pct a year for
# 1988 and 1989, "given an economic environment that ...")
_OBJ = r"(?P<obj>(?:[^\"“”.;]|\.\d){0,160}?)[\s,:]*$"
_BEFORE_WHO_VERB = re.compile(rf"(?P<who>{_WHO})(?P<rest>,\s[^,\"“”]{{1,80}},)?{_ADV}\s+(?P<verb>{VERBS})\b{_OBJ}")
# a person's long appositive, commas and all, ending at the speech verb: "Charles Blackburn, president of Diamond
# Shamrock and the new company, which will emphasize exploration, said, "..."", "Paul E. Lego, senior executive
# vice president told the analysts "..."", "Jo van Fay, a fund manager at Harbor, which holds the shares, said"
_PERSON_LONG_TITLE_VERB = (
    rf"(?P<who>{_CAP}(?:\s+(?:[A-Z]\.|{people._PARTICLE}(?=\s+[A-Z])|{_CAP}))*\s+{_CAP})(?P<rest>,\s[^\"“”]{{1,150}}?,?){_ADV}"
    rf"\s+(?P<verb>{VERBS})\b"
)
_BEFORE_PERSON_LONG_TITLE = re.compile(_PERSON_LONG_TITLE_VERB + _OBJ)
# ... anywhere in a sentence, for the quote that follows it (no object to end the sentence at)
_PERSON_LONG_TITLE_SAYS = re.compile(_PERSON_LONG_TITLE_VERB)
# (not "told" or "tells": who follows them is the listener, "a spokesperson told Retail Weekly:")
_BEFORE_VERB_WHO = re.compile(
    rf"\b(?!told\b|tells\b)(?P<verb>{VERBS})\s+(?P<who>{_WHO})(?P<rest>,[^\"“”]{{0,80}}?)?\s*[,:]\s*$"
)
# a speech verb that is the second of two coordinated verbs, right before the quote; its speaker is the subject
_COORDINATED_VERB = re.compile(rf"\s(?:and|but)\s+(?:\w+ly\s+)?(?:{VERBS})[\s,:]*$")
_SUBJECT = re.compile(rf"\s*(?P<who>{_WHO})")
_CALLED = re.compile(rf"(?P<who>{_WHO}){_APPOS}\s+called\s+(?!for\b|on\b)(?:[\w'’\-]+\s+){{1,5}}$")
# ("Another analyst, Jo Fay of Ridgeline, called ...": the name set off by commas)
_CALLED_SET_OFF = re.compile(
    rf",\s+(?P<who>{NAME})(?:\s+(?:of|at|from)\s+[A-Z][^,\"“”]{{0,60}})?,\s+called\s+(?!for\b|on\b)(?:[\w'’\-]+\s+){{1,5}}$"
)
_COLON_SUBJECT = re.compile(rf"\s*(?:Here['’]s\s+|Here\s+is\s+)?(?P<who>{_WHO})(?=\s+[a-z][^\"“”]*:\s*$)")
# ... or named in apposition to the subject: "Another analyst, Jo Fay of Ridgeline, was more cautious: "...""
_COLON_SET_OFF = re.compile(
    rf"\s*(?:An?|Another|One)\s+(?:[\w\-'’]+\s+){{0,3}}?[a-z]+,\s+(?P<who>{NAME})"
    rf"(?:\s+(?:of|at|from|with)\s+[A-Z][^,\"“”]{{0,60}})?,\s+[a-z][^\"“”]*:\s*$"
)
_DETERMINER = re.compile(r"(?:An?|Another|One|The|Some|Many|Several|Other|Two|Three)\b")
_SPEECH_BEFORE_COLON = re.compile(
    r"\b(?:asked|answered|replied|responded|said|added|explained|wrote|told\s+\w+)\b[^\"“”]{0,30}:\s*$"
)
_PARTICIPLE_CLAUSE = re.compile(
    r"\s*(?:Asked|Pressed|Speaking|Talking|Commenting|Responding|Referring)\b[^,.;\"“”]{0,100},"
)
# "...," Anthony O'Reilly, Heinz's newly elected chairman.  (attribution with no verb)
_AFTER_NAME_TITLE = re.compile(rf"^[\s,]*(?P<who>{_WHO}),\s+(?P<appos>[^.;\"“”]{{1,90}}?)\s*\.")
# ... but a sentence with a predicate of its own is news, not a caption ('... ." Jane Roe, an analyst at Ridgeline
# was pleased by the cost cuts.'); a relative clause in the title ("who has covered it") is the title's
_APPOS_PREDICATE = re.compile(r"^(?:(?!\b(?:who|whose|which|that)\b).)*?\s(?:was|were|is|are|has|had|have)\s", re.S)
# a speech verb that opens what a sentence's subject said ("..., saying that", "said that"), before a later name
_REPORTED_BETWEEN = re.compile(
    r"\b(?:saying|said|says|adding|added|arguing|argued|noting|noted)\s+(?:[\w\-]+\s+){0,4}?that\b"
    r"(?![^;]*?\b(?:but|while|whereas|although)\b)"
)
# ... or the name opens what the subject said, with no "that" ("Roe, an analyst, said Poe should go.")
# (or a name joined to the subject's own pronoun: "Poe said he and Chief Executive Jo Fay would run it")
_REPORTED_SUBJECT = re.compile(
    r"\b(?:saying|said|says|arguing|argued|adding|added)\s+(?:that\s+)?(?:(?:he|she)\s+and\s+(?:[\w\-]+\s+){0,3}?)?$"
)
# ... or what the subject said runs on, with no "that", to a later name that does not speak itself ("Roe said
# investors are happy Poe is planning for it", "Roe said the board has added Jo Fay")
# (not a verb before its own subject: "..., said Chief Executive Jo Fay" names the speaker)
_REPORTED_CONTENT = re.compile(
    r"\b(?:said|says|argued|noted|told\s+[\w\-]+)\s+(?![^;]*?\b(?:but|while|whereas|although)\b)"
    rf"(?!(?:(?:[A-Z][\w.'’\-]*|{_LOWER_TITLES}|of|at|the|and|&)\s+)*$)[^;]*$"
)
# a sentence that opens on its subject's officer: "Its chief executive, "
_ITS_TITLE = re.compile(rf"\s*Its\s+(?:(?:{_LOWER_TITLES}|of|and)\s+)*(?:{_LOWER_TITLES}),?\s*")
# a name set off by commas after the title an attribution gives: '"...," said the chief executive, Jo Fay.'
_SET_OFF_NAME = re.compile(r"(?P<more>(?:['’]s)?(?:\s+[a-z][\w\-]*){0,3}?),\s+(?P<name>[^,.;!?]+?)\s*(?:,|[.!?]?\s*$)")
# one who speaks for the person named after it, unnamed: "a spokesperson for", "an aide to", "a lawyer for"
_SPEAKS_FOR = re.compile(
    r"\b(?:spokes(?:man|woman|person)|aides?|advis[eo]rs?|lawyers?|attorneys?|representatives?|assistants?)\s+"
    r"(?:for|to|of)\s+$",
    re.I,
)
# a name followed by its own verb of speech ("Poe, the finance chief, said"), in the sentence's text
_NAME_SPEAKS = re.compile(rf"(?:[A-Z][\w'’.\-]*\s+)*?[A-Z][\w'’\-]*(?:,[^,.;\"“”]{{1,80}},)?{_ADV}\s+(?:{VERBS})\b")
# verbs of belief, which VERBS holds for "Poe believes "..."", but which report a view, not speech
_BELIEF_VERB = re.compile(r"expects|expected|believes|hopes|thinks|feels")
# a preposition before a name: the name is no subject ("met with Roe", "pressure from Roe")
# (or after a verb whose object is the one spoken to: "Poe told Roe."; not "asked Roe", who answers)
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|to|from|by|about|of|for|than|against|on|at|into|toward|towards|told|tells|thanked)\s+$"
)
# a sentence's closing attribution: "..., Shattner said." (a short tail after the verb: "said on Tuesday.")
_TAIL_WHO_VERB = re.compile(rf",\s+(?P<who>{_WHO}){_ADV}\s+(?P<verb>{VERBS})\b[^,;\"“”]{{0,30}}?[.!?]?\s*$")
_VERB_IN_APPOS = re.compile(rf",\s+(?:{VERBS})\b")
_A_SPEECH_VERB = re.compile(rf"\b(?:{VERBS})\b")
_ANY_WHO_VERB = re.compile(rf"(?P<who>{_WHO}){_ADV}\s+(?P<verb>{VERBS})\b")
# "said Fiat Auto looked to ...", "said Apple expects ...": reported speech whose subject is no speaker
_CLAUSE_VERB_AFTER = r"(?!\s+(?:[a-z]+(?:ed|es)|would|will|could|should|can|may|might|must|is|was|were|are|had|has|have|did|does|expects|sees|plans|wants|needs|remains|looks)\b)"
_ANY_VERB_WHO = re.compile(rf"\b(?P<verb>{VERBS})\s+(?P<who>(?>{_WHO})){_CLAUSE_VERB_AFTER}")  # (no shorter name)


def _listener(m: re.Match[str]) -> bool:
    """A verb-then-name match whose name is who was told ("told Retail Weekly"), not who spoke."""
    return m.re is _ANY_VERB_WHO and m.group("verb") in ("told", "tells")


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Co|Inc|Corp|Ltd|Jr|Sr|No|vs|Gen|Sen|Rep|Gov|Adm|Lt|Col|Capt|Sgt|Rev|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)|(?<![/\w])[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+")
_PRONOUNS = {"he", "she"}
_PLACE_BEFORE = re.compile(r"\b(?:in|near|outside)\s+$")
# ... or a state or country after the town a firm is based in ("an adviser based in Morristown, New Jersey, which
# ..., said"; not a place that ends an opening phrase: "Particularly in Asia, he said", "in Europe, Poe said")
_TOWN_BEFORE = re.compile(r"\b(?:based|headquartered|located)\s+in\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*)?,\s+$")
_SHOUTED = re.compile(r"[A-Z][A-Z&'’\-]{2,}")
# words that make an appositive a title (", Apple's chief executive"), anywhere in it
_APPOSITIVE_TITLES = (
    r"chief|officer|executive|chairman|chairwoman|chair|president|director|analyst|strategist|manager|treasurer|"
    r"controller|founder|economist|investor|spokes\w+|head|partner|minister|official|leader|secretary|member|"
    r"consultant|advis[eo]r|professor|lecturer|CEO|CFO|COO|CTO"
)
_TITLE_AFTER = re.compile(
    r",\s+(?P<title>(?:the\s+|an?\s+|its\s+|their\s+|[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*)*['’]s\s+)?"
    rf"(?:{_DOTTED}|[^,.;\"“”]){{0,80}}?(?:{_APPOSITIVE_TITLES}|{_CAPITAL_TITLES})(?:{_DOTTED}|[^,.;\"“”]){{0,60}})"
)
_TITLE_WORD = re.compile(
    r"\b(?:[Cc]hief|[Oo]fficer|[Ee]xecutive|[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Pp]resident|[Dd]irector|"
    r"[Aa]nalyst|[Ss]trategist|[Mm]anager|[Tt]reasurer|[Cc]ontroller|[Ff]ounder|[Ee]conomist|"
    r"[Ss]pokes\w+|CEO|CFO|COO|CTO|VP|[Hh]ead|[Pp]artner|[Ll]eader|[Mm]inister|[Oo]fficial|Democrat|Republican|"
    r"[Ll]awmaker|[Cc]ongress(?:wo)?man|[Ss]enator|[Pp]rofessor|[Ll]ecturer|[Tt]rader|[Cc]onsultant|[Aa]dvis[eo]r|"
    r"(?:[Cc]o-)?(?:host|anchor)|[Pp]resenter|[Cc]orrespondent|[Ii]nterviewer)\b"
)


# the last word of a firm's name right before a person's ("Harbor Capital Markets Jo Fay said")
_FIRM_WORDS = {
    "Markets",
    "Capital",
    "Securities",
    "Partners",
    "Research",
    "Group",
    "Management",
    "Advisors",
    "Advisers",
    "Investments",
    "Associates",
    "Holdings",
    "Equities",
    "Brothers",
}
# ... and the last word of a name that is a firm's or a fund's, not a person's ("... Advisors Growth Fund said",
# "Moody's Investors Service", "Swiss Re": a reinsurer)
_FIRM_END = (
    _FIRM_WORDS
    | {"Fund", "Funds", "Trust", "Service", "Services", "Re"}
    | {
        # ... or a company's, by its trade ("Northwind Wireless added 584,000 customers": no person)
        "Wireless",
        "Airlines",
        "Airways",
        "Motors",
        "Telecom",
        "Communications",
        "Technologies",
        "Pharmaceuticals",
        "Industries",
        "Entertainment",
        "Networks",
        "Semiconductor",
        "Foods",
        "Stores",
        "Brands",
        "Bancorp",
        "Petroleum",
        "Electronics",
        "Furniture",
        "Newsletter",
    }
)


# a trade that opens a firm's name in the wire's style ("Brokerage Ridgeline Lake said the quarter was ...")
_TRADE_BEFORE_FIRM = ("Brokerage", "Broker")

_DEPARTMENTS = {
    "finance",
    "marketing",
    "operations",
    "engineering",
    "communications",
    "planning",
    "strategy",
    "technology",
    "investor",
    "relations",
    "human",
    "resources",
    "corporate",
    "affairs",
    "legal",
    "treasury",
    "accounting",
    "administration",
    "international",
    "global",
    "products",
    "services",
    "retail",
    "consumer",
    "business",
    "development",
    "sales",
    "research",
    "manufacturing",
    "production",
    "exploration",
    "refining",
    "enforcement",
    "compliance",
    "risk",
    "supervision",
    "audit",
}


# What may stand between an organisation and the name of its officer: titles, "'s", commas, codes blanked out.
_TITLE_RUN = re.compile(
    rf"(?:['’]s)?[\s,]*(?:(?:[A-Z][\w\-]*|{_LOWER_TITLES}|[a-z]+-(?:chief|president)|group|global|&|of|the|and|its)[\s,]*){{1,8}}"
)
# honorifics and sentence words that are surnames after a first name ("Chief Executive Albert Lord")
_SURNAME_TOO = frozenset({"Lord", "Still", "March", "May"})  # "Kevin March", "Theresa May"
_KEPT_HONORIFIC = r"\b(?:Lord|Lady|Sir|Dame|Baroness)"  # part of the name: "Lord Catto"
_TITLED = re.compile(rf"(?P<pre>(?:{_TITLE_WORD.pattern}[\w\-]*\s+){{1,4}}|{_KEPT_HONORIFIC}\s+)(?P<name>{NAME})")
_APPOSITIVE = re.compile(rf"(?P<name>{NAME}){_TITLE_AFTER.pattern}")
# an officer's title as the comma patterns below read it ("chief executive", "Chief Financial Officer", "CFO")
_OFFICER_TITLE = r"(?i:chief\s+(?:executive|financial|operating)(?:\s+officer)?|chairman|chairwoman|president|CEO|CFO)"
# a title, a comma, the name, the speech verb: "Another analyst, Jo Fay of Harbor, said ...", "The
# company's Chief Executive, Sam Poe, said ...", "Quillon's finance chief, Jane Roe said"
_TITLE_COMMA_NAME = re.compile(
    rf"\b(?P<pre>analyst|economist|strategist|portfolio\s+manager|fund\s+manager|investor|trader|{_OFFICER_TITLE}),\s+"
    r"(?P<owner>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}['’]s\s+)?"  # "analyst, Roe Bank's Sam Poe, said"
    rf"(?P<name>{NAME})"
    r"(?P<firm>\s+(?:of|at|with|from)\s+[A-Z][\w&.'’\-]*(?:\s+[A-Z][\w&.'’\-]*){0,4})?,?\s+"  # (", Sam Poe said")
    rf"(?:{VERBS})\b"
)
_AFTER_TITLE_COMMA_NAME = re.compile(rf"[\s,]*(?:[\w'’.&\-]+\s+){{0,4}}?{_TITLE_COMMA_NAME.pattern}")
# A name set off by commas after a title, whatever verb follows ("The company's chief executive, Sam Poe, spoke on
# the call"): a person whom a later "he said" names.
_TITLE_COMMA_NAME_COMMA = re.compile(
    rf"\b(?P<pre>analyst|economist|strategist|{_OFFICER_TITLE}),\s+(?P<name>{NAME}),\s"
)
_OWNER_BEFORE = re.compile(r"(?:[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}|[Tt]he\s+company)['’]s?\s+$")
# Cheap tests that tell which paragraphs the person patterns below can match at all (each is a superset of
# where its patterns match, so skipping a paragraph that fails one changes nothing but the time taken).
# Every person they add has a name of two words or more ("Tim Cook", "Ludwig van Beethoven", "Lord Catto").
_TWO_NAME_WORDS = re.compile(rf"[A-Z][\w'’&\-.]*\s+(?:{people._PARTICLE}\s+)*[A-Z]")
_PLURAL_TITLED_PAIR = re.compile(
    rf"(?P<pre>\b(?:[Aa]nalysts|[Ee]conomists|[Ss]trategists))\s+(?P<name>{NAME})\s+and\s+(?P<name2>{NAME})"
)
_TITLE_CUE = re.compile(rf"{_TITLE_WORD.pattern}|{_KEPT_HONORIFIC}\s")
_VERB_CUE = re.compile(rf"\b(?:{VERBS})\b")
_APPOSITIVE_CUE = re.compile(f"{_APPOSITIVE_TITLES}|{_CAPITAL_TITLES}")
# a name, a relative clause, the speech verb: "Bill Mott, who manages $2 billion at Fenwick Capital, said ..."
# (her firm may come between: "Jo Fay of Ridgeline Securities, who kept her rating, said ...")
_WHO_CLAUSE_VERB = re.compile(
    rf"(?P<name>{NAME})(?P<firm>\s+(?:of|at|from|with)\s+[A-Z][\w&.'’\-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’\-]*){{0,4}})?,"
    rf"\s+who\s+(?P<clause>[^\"“”;.]{{1,150}}?),\s+(?:{VERBS})\b"
)


# leading title words, a qualifier before one included ("retail analyst Jo Park", "aerospace analyst ...")
_LEADING_TITLES = re.compile(
    rf"^(?:(?:{_LOWER_TITLES}|and|[a-z][\w\-]*(?=\s+(?:[a-z][\w\-]*\s+)?(?:{_LOWER_TITLES})\b))\s+)+(?=[A-Z])"
)
_THE_TITLE = re.compile(rf"the\s+(?:[A-Z][\w.&'’\-]*\s+){{0,3}}(?P<t>(?:{_LOWER_TITLES}|[\s\-])+)")
_PARTICLE_WORD = re.compile(people._PARTICLE)
_PARTICLE_NAME = re.compile(rf"(?:{people._PARTICLE}\s+)+[A-Z]")
_OF_AT_FROM = re.compile(r"\s+(?:of|at|from)\s+")
# "Sam Poe chairman and chief investment officer": a name, then lower-case words that hold a title
_NAME_THEN_LOWER = re.compile(r"((?:[A-Z][\w'’\-]*\s+){1,3}[A-Z][\w'’\-]*)((?:\s+(?:[a-z][\w\-]*|&))+)")
_A_LOWER_TITLE = re.compile(rf"\b(?:{_LOWER_TITLES})\b")
# "... Ridgeline analyst Thomas Roe": a title, then a name of two words or more
# (not a firm's trade and name: "Jo Fay at money manager North Pike Capital Group")
_TITLE_THEN_NAME = re.compile(
    rf"\b(?:{_LOWER_TITLES})\s+[A-Z][\w'’\-]*\s+[A-Z](?!.*\b(?:{'|'.join(sorted(_FIRM_END))})\b)"
)
# '"...," Said Derek Lin, manager of ...': a speech verb a typo capitalised, before a full name
_CAPITAL_VERB = re.compile(r"^(?:Said|Says)\s+(?=\S+\s+\S)")
# "at", "with" or "from" and a firm's trade before a name: "analysts at boutique research house Northwind",
# "Jo Fay at brokerage Harbor"; who speaks comes before: a group of the firm's people, or a person
_AT_FIRM = re.compile(r"\b(?:at|with|from)\s+(?:[a-z][\w\-]*\s+){0,3}$")
# a firm's people, as a group
_GROUP_NOUNS = r"analysts|economists|strategists|researchers|experts|traders|officials"
_GROUP_END = re.compile(rf"\b(?:{_GROUP_NOUNS}|those|people|staff)\s*$", re.I)
# a group of a firm's people as the subject ("Analysts at Ridge Harbor Holt", "Two economists with Quillon Bank")
_GROUP_AT = re.compile(rf"(?:[\w\-]+\s+){{0,2}}(?:{_GROUP_NOUNS})\s+(?:at|of|with|from)\s", re.I)
_NAME_TITLE_END = re.compile(
    rf"(?:^|[.;,:\s])(?P<name>{people.NAME}),?\s+(?:(?:an?|the)\s+)?(?P<title>(?:[a-z][\w\-]*\s+){{0,3}}?"
    rf"(?:{_LOWER_TITLES}|analysts?|economist|strategist))?\s*$"
)
_CORPORATE_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|PLC|plc|Group|Bank|Bancorp|Bancorporation|LLC|AG|SA|NV)\.?$")


@dataclass(frozen=True)
class ExtractOptions:
    """Knobs of the extractor (versioned: a changed behaviour gets a new name)."""

    min_words: int = MIN_WORDS
    version: str = "extract_rules_v48"


@dataclass
class _Who:
    """What an attribution names: a person (name set), a pronoun, or a non-person."""

    kind: str  # "person" | "pronoun" | "titled" | "nonperson"
    name: str = ""
    title: str = ""
    at: int = 0


# months that are also first names, kept when a title follows the name in apposition
_MONTH_FIRST_NAMES = frozenset({"April", "May", "June"})
_BROKERS = (
    r"Wedbush|Stifel|Nicolaus|Jefferies|Oppenheimer|Cowen|Jaffray|Sterne|Agee|Janney|Keefe|Bruyette|Evercore|"
    r"Canaccord|Needham|Macquarie|Bernstein|Morningstar|Wunderlich|Ladenburg|Thalmann|Securities|Research|"
    # research firms and European brokers quoted by their one-word names ("Numis wrote to its clients")
    r"Numis|Cazenove|Investec|Panmure|Liberum|Exane|Vontobel|Wegelin|Equinet|CreditSights|WestLB|Berenberg|Oddo|"
    r"Redburn|Helvea|MainFirst|Cheuvreux|Petercam|Sarasin|Mirabaud|Natixis|Mediobanca"
)
_BROKER_WORD = re.compile(_BROKERS)
# brokers whose names read as a person's ("Collins Stewart said")
_PERSON_LIKE_BROKER = re.compile(r"Collins\s+Stewart|Charles\s+Stanley|Brewin\s+Dolphin")
# a firm's trade right before a capitalised name makes the name a firm's ("French brokerage Quillon Roe")
_FIRM_TRADES = frozenset({"brokerage", "bank", "firm", "lender", "insurer", "agency", "unit", "subsidiary"})
_JOINED_NAME = re.compile(rf"{people.JOINED}[A-Z][\w'’\-]*")  # "al-Gurair"
# a broker's name (one word of it known, the rest capitalised) that can run into its analyst's name
_BROKER_PREFIX = re.compile(rf"(?=.*\b(?:{_BROKERS})\b)(?:[A-Z][\w&.'’\-]*\s?)+")
# Title words that end a capitalised run before a name: "Chief Merchandising Officer Susan McGalla"
_NAME_TITLE_WORDS = frozenset(
    {
        "officer",
        "office",  # "Chief Financial Office Peter Oppenheimer": the wire's typo
        "co-ceo",
        "ceo-designate",
        "vice-president",
        "executive",
        "president",
        "chairman",
        "chairwoman",
        "director",
        "analyst",
        "ceo",
        "cfo",
        "coo",
        "founder",
        "treasurer",
        "controller",
        "strategist",
        "economist",
        "spokesman",
        "spokeswoman",
    }
)
# ... and, inside a quotation, the words of a title before a name ("AIG Chief Executive Martin Sullivan")
_QUOTED_TITLE_WORDS = frozenset(
    {
        "chief",
        "executive",
        "officer",
        "president",
        "chairman",
        "chairwoman",
        "director",
        "analyst",
        "financial",
        "operating",
        "founder",
        "head",
        "manager",
        "minister",
        "secretary",
        "senator",
        "governor",
        "ceo",
        "cfo",
        "coo",
        "vice",
        "deputy",
        "managing",
        "general",
        "chair",
    }
)


# a town before its state in a company's description, opening a sentence: "The Glen Falls, New York-based
# company stood by ...", "Lakewood, Ohio-based Quillon expects ..." (not a person's description: "said Thomas
# Lake, Ohio-based Northwind's chairman", "Jo Fay, Atlanta-based bank analyst")
_PLACE_OF_BASE = re.compile(
    r",\s+(?:[A-Z][\w.'’]*\s+){0,2}[A-Z][\w.'’]*[\-–]based\s+(?P<what>(?:[\w&.'’\-]+\s+){0,3}[\w&.'’\-]+)"
)
# a company's description before its name, a word no person's name holds: "Minneapolis-based Cargill", "London-listed
# Xstrata said", "state-owned Petrobras"
_COMPANY_DESCRIPTOR = re.compile(r"[\w.]+[\-–](?:based|listed|owned|controlled|headquartered|registered|domiciled),?")
_PERSON_DESCRIBED = re.compile(
    r"['’]s?\b|\b(?:analysts?|economists?|strategists?|chairman|chairwoman|chief|president|executive|director|"
    r"managers?|officer|spokes\w+|founder|partner|head|investors?|consultants?|professor|trader)\b",
    re.I,
)


# a firm's analysts speaking as a group after the quote ('"...," Quillon analysts said in a note'): no one's words,
# and no continuation of the speaker before (when the quote hands over to them with its comma, not when it ends a
# sentence and the next begins "Several analysts noted ...")
_HANDED_OVER = re.compile(r",\s*(?:[\"”»]|'')$")
# a quote handed over to a titled name that closes the sentence with no verb, the "said" dropped in the copy
# ('"...," Quillon Securities analyst Jo Fay.'): the name is the speaker
_VERBLESS_AFTER = re.compile(rf"^\s*(?P<who>(?:{_CAP}\s+){{0,5}}?(?:(?:{_LOWER_TITLES})\s+)+{NAME})\s*\.\s*$")
_GROUP_SAYS = re.compile(
    r"\s*,?\s*(?:[A-Z][\w&.'’\-]*\s+){1,4}(?:analysts|economists|strategists|researchers|"
    # ... or a firm by its trade (", Ridgeline bank wrote to its clients")
    r"bank|brokerage|firm|house)\s+(?:said|say|says|wrote|write|writes|noted|added)\b"
)


def _same_person(a: str, b: str) -> bool:
    """Two names of one person: one's words are the other's ("Kwon" and "Kwon Young-soo"; a heading's "MCDONALD"
    is McDonald)."""
    wa, wb = {t.lower() for t in name_tokens(a)}, {t.lower() for t in name_tokens(b)}
    return wa <= wb or wb <= wa


def _place_of_base(text: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` a town before its state in a company's description opening a sentence, or in
    a person's description after "the" or "a" ("Jo Fay, the Ann Arbor, Michigan-based manager of ...")?"""
    m = _PLACE_OF_BASE.match(text, end)
    if m is None:
        return False
    before = text[max(0, start - 12) : start]
    if re.search(r"\b(?:the|a|an)\s+$", before) or re.match(r"(?:the|a|an)\s", text[start:end]):
        return True  # no one's name follows a lower-case article and precedes a state's "-based"
    if _PERSON_DESCRIBED.search(m.group("what")):
        return False
    return bool(re.search(r"(?:^|[.!?\"”]\s+|\n\s*|\bThe\s+)$", before))


_FIRM_WORD = re.compile(
    r"\b(?:Bank|Banque|Banco|Group|Capital|Holdings?|Partners|Fund|Securities|Investments?|Financial|Insurance|"
    r"Trust|Research|Data|Markets?)\b"
)
_FIRM_AFTER_NAME = re.compile(r",?\s+(?:at|with|of|from)\s+(?P<firm>[A-Z][\w&.'’\-]*(?:\s+[A-Z][\w&.'’\-]*){0,4})")
# what opens a sentence right before a word: the text's start, a sentence's end, a line break
_OPENS = r"(?:^|[.!?\"”]\s+|\n\s*)"
_SENTENCE_OPENS = re.compile(_OPENS + "$")
_PREDICATE = re.compile(
    r"\s+(?:is|was|has|had|remains|sounded|struck|took|sees|saw|thinks|expects|warned|wrote|argued)\b"
)
_BRACKETED_FIRST = re.compile(
    r"[(\[](?:[A-Za-z.&\-]+\s+){0,4}?(?P<first>[A-Z][a-z]+)[)\]]\s+(?P<last>[A-Z][a-z][\w'’\-]+)(?![\w\-])"
)


class _ArticleIndex:
    """People named in one article, with their fullest names, roles and first mentions."""

    def __init__(
        self,
        text: str,
        spans: list[Span],
        org_words: set[str],
        paras: list[tuple[int, int]],
        orgs: list[tuple[int, int, str]] = (),  # type: ignore[assignment]
    ):
        self.text = text
        self.org_words = org_words
        self.paras = paras
        self.para_starts = [a for a, _ in paras]
        self.orgs = orgs
        self.quoted = [(s.open, s.close_end) for s in spans]
        # the quotations' union as disjoint sorted intervals: ``in_quote`` is asked of every name the scan finds
        self._quoted_union: list[tuple[int, int]] = []
        for a, b in sorted(x for x in self.quoted if x[0] < x[1]):
            if self._quoted_union and a <= self._quoted_union[-1][1]:
                self._quoted_union[-1] = (self._quoted_union[-1][0], max(b, self._quoted_union[-1][1]))
            else:
                self._quoted_union.append((a, b))
        self._quoted_starts = [a for a, _ in self._quoted_union]
        self.people: dict[str, Person] = {}  # keyed by surname
        self.mentions: list[tuple[int, str]] = []  # (position, surname key)
        self.plain_names: dict[str, tuple[str, int]] = {}  # names seen without a title, by surname
        # full names only a quotation gives ("They just handed Quillon Chief Executive Jo Fay a strong
        # endorsement"): the fullest name when the article names the speaker nowhere else
        self.quoted_names: dict[str, tuple[str, int]] = {}
        self.firm_before: dict[str, str] = {}  # a broker's name run into a name: the person's firm
        # In a text of mixed case a word in capitals is a subhead's or an acronym, never part of a person's name.
        self.mixed_case = sum(c.islower() for c in text[:3000]) > sum(c.isupper() for c in text[:3000])
        self._title_roles: dict[str, str | None] = {}
        self._scan()

    def title_of(self, person: Person) -> str | None:
        """The role a title before the person's surname elsewhere gives ("Analyst Roe said she ...", of a Jane Roe
        first named with her firm alone), outside quotations; None when no title does."""
        key = surname(person.name)
        if key not in self._title_roles:  # (asked once per person, however many quotes have no role)
            self._title_roles[key] = next(
                (
                    role
                    for m in compiled(rf"\b(?P<title>[a-z]{{2,}})\s+{re.escape(key)}\b", re.I).finditer(self.text)
                    if not self.in_quote(m.start()) and (role := role_from_title(m.group("title"))) is not None
                ),
                None,
            )
        return self._title_roles[key]

    def in_quote(self, pos: int) -> bool:
        k = bisect_right(self._quoted_starts, pos) - 1
        return k >= 0 and pos < self._quoted_union[k][1]

    def _scan(self) -> None:
        # The person patterns are costly: each runs only on paragraphs its cue says it can match in (a name
        # with no title or speech verb is caught by the plain-name pass below).
        text = self.text
        for a, b in self.paras:
            if not _TWO_NAME_WORDS.search(text, a, b):
                continue
            titled = _TITLE_CUE.search(text, a, b) is not None
            verb = _VERB_CUE.search(text, a, b) is not None
            if not (titled or verb):
                continue
            for m in _TITLED.finditer(self.text, a, b) if titled else ():
                if self.in_quote(m.start("name")):
                    continue
                kept = m.group("pre").strip() if m.group("pre").strip() in people.HONORIFICS_KEPT else ""
                name = self._trim(m.group("name"))
                if name and (len(people.name_tokens(name)) >= 2 or kept):
                    full = f"{kept} {name}".strip()
                    self._add(full, m.start("name"), self.title_before(m.start()) + " " + m.group("pre"))
            for m in _PLURAL_TITLED_PAIR.finditer(self.text, a, b) if "sts " in text[a:b] else ():
                # "Ridgeline analysts Jo Fay and Sam Poe wrote": the plural title is each one's (in the singular:
                # "told analysts" after a name is an audience, no title)
                for group in ("name", "name2"):
                    name = self._trim(m.group(group))
                    if name and len(people.name_tokens(name)) >= 2 and not self.in_quote(m.start(group)):
                        self._add(name, m.start(group), f"{self.title_before(m.start())} {m.group('pre')[:-1]}")
            for m in _APPOSITIVE.finditer(self.text, a, b) if _APPOSITIVE_CUE.search(text, a, b) else ():
                name = self._trim(m.group("name"), appositive=True)
                if name and len(people.name_tokens(name)) >= 2 and not self.in_quote(m.start()):
                    self._add(name, m.start("name"), m.group("title"))
            for m in _TITLE_COMMA_NAME.finditer(self.text, a, b) if titled and verb else ():
                name = self._trim(m.group("name"))
                if name and len(people.name_tokens(name)) >= 2 and not self.in_quote(m.start()):
                    # (with the words before the title: "the company's co-chairman, Sam Poe, said")
                    title = f"{self.title_before(m.start())} {m.group('owner') or ''} {m.group('pre')} {m.group('firm') or ''}"
                    self._add(name, m.start("name"), " ".join(title.split()))
            for m in _WHO_CLAUSE_VERB.finditer(self.text, a, b) if verb else ():
                # (a speaker introduced by a relative clause is a person whom "he said" can name later)
                name = self._trim(m.group("name"))
                if name and len(people.name_tokens(name)) >= 2 and not self.in_quote(m.start()):
                    self._add(name, m.start("name"), f"{(m.group('firm') or '').strip()} {m.group('clause')}".strip())
            for rx in (_ANY_WHO_VERB, _ANY_VERB_WHO) if verb else ():
                for m in rx.finditer(self.text, a, b):
                    if _listener(m):
                        continue
                    who = self.classify(m.group("who"), m.start("who"))
                    if who.kind == "person" and len(people.name_tokens(who.name)) >= 2 and not self.in_quote(m.start()):
                        self._add(who.name, m.start("who"), who.title)
        # a name set off by commas after a title, with no speech verb: only someone no pattern above found, titled
        # by the title and its owner alone ("Delta's chief executive", not "One analyst asked Delta's ...")
        for m in _TITLE_COMMA_NAME_COMMA.finditer(text):
            name = self._trim(m.group("name"))
            if not name or len(people.name_tokens(name)) < 2 or self.in_quote(m.start()):
                continue
            if self._key_for(name) in self.people:
                continue
            owner = _OWNER_BEFORE.search(text, max(0, m.start() - 60), m.start())
            self._add(name, m.start("name"), f"{owner.group(0) if owner else ''}{m.group('pre')}".strip())
        for m in NAME_RE.finditer(self.text):
            if len(m.group(0).split()) < 2:  # one word stays one word: not a full name
                continue
            name = self._trim(m.group(0))
            quoted = self.in_quote(m.start())
            if quoted:  # "AIG Chief Executive Martin Sullivan": the name is what follows the title
                toks = name.split()
                cut = max((i + 1 for i, t in enumerate(toks) if t.lower().strip(",") in _QUOTED_TITLE_WORDS), default=0)
                name = " ".join(toks[cut:])
            if len(people.name_tokens(name)) >= 2 and surname(name) not in self.people:
                names = self.quoted_names if quoted else self.plain_names
                names.setdefault(surname(name), (name, m.start()))
        # a full name given without a title ("said fund manger Sam Poe at Quillon", a misspelt title; "Sam Poe" in a
        # story about him) whose surname later opens a sentence with a speech verb ("Poe said he would ..."): a
        # person, whom later pronouns can name
        for key, (full, first) in list(self.plain_names.items()):
            if (
                key in self.people
                or not self._new_surname(key)
                or any(a <= first < b for a, b, _ in self.orgs)
                or full.split()[0] in people.NOT_NAME_WORDS | self.org_words
                or _FIRM_WORD.search(full)  # "Banque Saudi Fransi"
            ):
                continue
            firm = _FIRM_AFTER_NAME.match(self.text, first + len(full))
            # (or a name set off with its firm, "Sam Poe, of Ridgeline Research, kept his rating": a person, whom
            # a later "he wrote" names)
            placed = firm is not None and (
                (self.text.startswith(",", first + len(full)) and self.text.startswith(",", firm.end()))
                # (or opening a sentence with a broker's name and a verb: "Sam Poe of Ridgeline Research is more
                # skeptical.")
                or (
                    _SENTENCE_OPENS.search(self.text, max(0, first - 3), first) is not None
                    and financial_firm(firm.group("firm"))
                    and _PREDICATE.match(self.text, firm.end()) is not None
                )
            )
            # (the surname opening a later sentence: its pattern, long with the speech verbs, is compiled only when
            # the surname occurs again at all)
            later = first + len(full)
            if placed or (
                self.text.find(key, later) >= 0
                and any(
                    not self.in_quote(m.start("key"))
                    for m in compiled(rf"{_OPENS}(?P<key>{re.escape(key)})\s+(?:{VERBS})\b").finditer(self.text, later)
                )
            ):
                # (the title: the three words before the name at most, "former trader and Glencore boss" is a boss;
                # and a firm after it)
                title = " ".join(self.title_before(first).split()[-3:])
                self._add(full, first, f"{title} of {firm.group('firm')}" if firm else title)
        # an editor's bracket in a quotation that completes a name ("(Chief Executive Sam) Poe needed to ..."): a
        # full name as a quotation gives it
        for m in _BRACKETED_FIRST.finditer(self.text):
            name = f"{m.group('first')} {m.group('last')}"
            if self.in_quote(m.start()) and surname(name) not in self.people:
                self.quoted_names.setdefault(surname(name), (name, m.start()))
        self._index_mentions()

    def _index_mentions(self) -> None:
        """Every mention of a known surname (outside quotes), for pronoun resolution: after the scan, and again
        when an attribution names someone the scan did not know ("Bartz said", then "she said later")."""
        if not self.people:
            return
        keys = re.compile(  # (never a part of a hyphenated name: "Chang" in "Lim Chang-gue")
            rf"(?<![\w\-]){people.JOINED}(?P<key>"  # ("al-Tawari" is a mention of Tawari)
            + "|".join(re.escape(k) for k in sorted(self.people, key=len, reverse=True))
            + r")(?![\w\-])"
        )
        # a family name that opens a full name is that person's mention ("Lee" of "Lee Min-hee" when the
        # article's other "Lee" is Lee Seung-woo)
        full = sorted(((p.name, k) for k, p in self.people.items() if " " in p.name), key=lambda x: -len(x[0]))
        self.mentions = [
            (m.start(), next((k for n, k in full if self.text.startswith(n, m.start())), m.group("key")))
            for m in keys.finditer(self.text)
            if not self.in_quote(m.start()) and not _company_use(self.text, m.start(), m.end())
        ]

    def _new_surname(self, name: str) -> bool:
        """A surname alone that names someone no full name of the article holds ("Bartz said"): whose later
        mentions count for pronouns. (Other names an attribution brings, "New Jersey", "E" of "E*Trade", or a
        word of a known person's name, do not.)"""
        return self._surname_like(name) and not any(
            name in p.name.split() for p in self.people.values() if p.name != name
        )

    def _surname_like(self, word: str) -> bool:
        """A capitalised word of three letters or more that names no organisation of the article."""
        return re.fullmatch(r"[A-Z][a-z][\w'’\-]+", word) is not None and word not in self.org_words

    def title_before(self, pos: int) -> str:
        """Up to 40 characters before a title, within its clause: "..., an analyst with Harbor Inc. Quillon
        Chief Financial Officer Sam Poe" gives " Quillon ", not the analyst's title."""
        # (never across the start of the paragraph: a web page's heading line above is not a title)
        i = bisect_right(self.para_starts, pos) - 1
        before = self.text[max(0, self.para_starts[i] if i >= 0 else 0, pos - 40) : pos]
        # (a dash or a bracket opens another clause too: "... whose assets under management -- grown
        # after Chief Executive Jo Fay bought ..." gives " grown after ", not the fund words an investor's title has)
        return re.split(r"[.,;:\"“”()]|\s--\s|[–—]", before)[-1]

    def _trim(self, raw: str, appositive: bool = False) -> str:
        toks = raw.split()
        if appositive and len(toks) == 2 and toks[0] in _MONTH_FIRST_NAMES and toks[1] not in self.org_words:
            return clean_name(raw)  # "April Fay, an analyst with Harbor Partners": a first name, not a date
        while (
            toks
            and (toks[0].rstrip(",") in people.NOT_NAME_WORDS or _COMPANY_DESCRIPTOR.fullmatch(toks[0]))
            and not (toks[0] == "An" and len(toks) == 2 and people.EAST_ASIAN_GIVEN.fullmatch(toks[1]))
        ):
            toks.pop(0)  # "Minneapolis-based Cargill", "London-listed Xstrata": a company, not a person's name
        # a broker's name run into its analyst's ("Wedbush Morgan Michael Pachter", "Stifel Nicolaus Jordan Rohan")
        firm = next((k for k in range(len(toks) - 2, 0, -1) if _BROKER_PREFIX.fullmatch(" ".join(toks[:k]))), 0)
        if firm:
            self.firm_before[clean_name(" ".join(toks[firm:]))] = " ".join(toks[:firm])
            toks = toks[firm:]
        if toks and toks[-1].rstrip(",") in _FIRM_END and all(t[:1].isupper() for t in toks):
            return ""  # "money manager North Pike Capital Group": a firm, not a person named North Pike
        if len(toks) > 1 and toks[0] in _TRADE_BEFORE_FIRM:
            return ""  # "Brokerage Ridgeline Lake said": a firm, its trade before its name
        while (
            toks
            and toks[-1].rstrip(",") in people.NOT_NAME_WORDS
            and not (len(toks) > 1 and toks[-1].rstrip(",") in _SURNAME_TOO)
        ):
            toks.pop()
        # "Chief Merchandising Officer Susan McGalla": capitalised title words before the name are not part of it
        cut = max((i + 1 for i, t in enumerate(toks[:-2]) if t.lower() in _NAME_TITLE_WORDS), default=0)
        toks = toks[cut:]
        name = clean_name(" ".join(toks))
        if not name or name in self.org_words:
            return ""
        return name

    def org_before(self, pos: int) -> str | None:
        """The organisation named right before a person's name with only title words between ("Northwind
        Corp ( NWD.N ) Chief Financial Officer Sam Poe", "Quillon's chief executive Jo
        Fay")."""
        # ("Its" is the last one before the name: the title words after it hold none; scanning the sentence ends
        # from the text's start is left to the few names it precedes)
        its = self.text.rfind("Its", 0, pos)
        start = _sentence_start(self.text, pos, 0) if its >= 0 and _ITS_TITLE.fullmatch(self.text, its, pos) else -1
        if start >= 2 and _ITS_TITLE.fullmatch(self.text, start, pos):
            # "Micron, which reported last month, was upbeat. Its chief executive, Jo Fay, said": the company
            # opening the sentence before
            before = _sentence_start(self.text, start - 2, 0)
            lead = len(self.text[before:start]) - len(self.text[before:start].lstrip())
            return next((name for a, _, name in self.orgs if a == before + lead), None)
        for _start, end, name in reversed(self.orgs):
            if end > pos:
                continue
            if pos - end > 70:
                break
            between = self.text[end:pos]
            if re.match(r"\s*,\s*its\b", between):
                break  # "... including Northwind NV, its president, Sam Poe, told Reuters": the subject's
            if _TITLE_RUN.fullmatch(between) and _TITLE_WORD.search(between):
                return name
            break
        return None

    def _key_for(self, name: str) -> str:
        """The key a full name goes under: its surname, unless another person of that family name holds it. A
        family name given first ("Kim Yung-min") then yields to the other (keyed by his given name instead), so that
        "Kim said" stays with "Jay Kim", as it did before family names were read first."""
        key = surname(name)
        cur = self.people.get(key)
        if cur is None or _same_person(cur.name, name):
            return key
        given = name_tokens(name)[-1]
        if key != given:
            return given  # "Lee Seung-woo" after another Lee: his own key
        cur_given = name_tokens(cur.name)[-1]
        if surname(cur.name) != cur_given and cur_given not in self.people:
            self.people[cur_given] = self.people.pop(key)  # "Jay Kim" after "Kim Yung-min": Kim is Jay Kim
            self.mentions = [(pos, cur_given if k == key else k) for pos, k in self.mentions]
        return key

    def _add(self, name: str, pos: int, title: str) -> None:
        if m := _CAPITAL_VERB.match(name):
            name, pos = name[m.end() :], pos + m.end()
        if _place_of_base(self.text, pos, pos + len(name)):
            return  # "Lakewood, Ohio-based Quillon", "The Glen Falls, New York-based company": a town
        key = self._key_for(name)
        cur = self.people.get(key)
        role = role_from_title(title) if title else None
        if cur is None:
            hint = _company_hint(title) or self.firm_before.get(name) or self.org_before(pos)
            self.people[key] = Person(name, pos, role, hint, title=title.lower())
            return
        cur.title = f"{cur.title} {title.lower()}".strip()
        if len(people.name_tokens(name)) > len(people.name_tokens(cur.name)) and name.endswith(key):
            cur.name = name
        if cur.role is None and role:
            cur.role = role
        if cur.company_hint is None:
            cur.company_hint = _company_hint(title) or self.org_before(pos)

    def classify(self, who: str, at: int) -> _Who:
        """What a WHO phrase names."""
        if _place_of_base(self.text, at, at + len(who)):
            return _Who("nonperson", at=at)  # "Lakewood, Ohio-based Quillon": a town
        if _SPEAKS_FOR.search(self.text, max(0, at - 40), at):
            return _Who("nonperson", at=at)  # "A spokesperson for Finance Minister Jo Fay said": not Jo Fay
        who = " ".join(who.split())
        if at and self.text[at - 1] in "/." and (glued := re.match(r"[A-Z]\.\s+", who)):
            who, at = who[glued.end() :], at + glued.end()  # "I/B/E/S. Quillon said": the end of a data set's name
        if firm := self._at_firm(who, at):
            return firm
        if _GROUP_AT.match(who):
            return _Who("nonperson", at=at)  # "Analysts at Ridge Harbor Holt said": a firm's people, no one of them
        who = _LEADING_TITLES.sub("", who)  # "chairman John Akers"
        who = _CAPITAL_VERB.sub("", who)
        low = who.lower()
        if " " not in who and _PLACE_BEFORE.search(self.text, max(0, at - 8), at):
            return _Who("nonperson", at=at)  # "..., general manager at Meiji Yasuda in Tokyo said": a place
        if len(who.split()) <= 2 and _TOWN_BEFORE.search(self.text, max(0, at - 40), at):
            return _Who("nonperson", at=at)  # "..., based in Morristown, New Jersey, ..., said": a state
        if low in _PRONOUNS:
            return _Who("pronoun", at=at)
        if re.match(r"(?:at|of|from|with|for)\s", low):
            return _Who("nonperson", at=at)  # '"...," those at MainFirst Bank said': a firm, not its surname
        titled = _THE_TITLE.fullmatch(who)
        if titled and titled.group("t").strip() not in {"head", "executive", "senior"}:
            return _Who("titled", title=titled.group("t").strip(), at=at)  # "the K Mart chairman said"
        last = who.split()[-1] if who.split() else ""
        if not who[:1].isupper() and last[:1].isupper() and (last in self.people or last in self.plain_names):
            if low.startswith("the ") and last not in self.people:
                return _Who("pronoun", at=at)  # "the China-born Australian said": a description of the last named
            return _Who("person", last, "", at)  # "a relaxed Mayer said": a known surname
        if not (who[:1].isupper() or _PARTICLE_NAME.match(who)) or low in {"they", "it", "we"}:
            return _Who("nonperson", at=at)  # ("van Schaik said" names a person)
        org = ""
        cut = _OF_AT_FROM.search(who)
        trailing = ""
        if cut:
            head, tail = who[: cut.start()], who[cut.end() :]
            words = head.split()
            while words and (
                re.fullmatch(_LOWER_TITLES + r"|analysts?|economist|strategist|an?|the", words[-1])
                or (trailing and re.fullmatch(r"[a-z][\w\-]*", words[-1]))  # "Sam Poe bank analyst at"
            ):
                trailing = f"{words.pop()} {trailing}".strip()  # "Robert Routh analyst at Jefferies"
            head = " ".join(words)
            # "Sam Poe chairman and chief investment officer of Poe Funds": the name, then his title
            lead = _NAME_THEN_LOWER.fullmatch(head)
            if lead and _A_LOWER_TITLE.search(lead.group(2)):
                return _Who("person", lead.group(1), f"{lead.group(2).strip()} {trailing} of {tail}".strip(), at)
            head_name = [t for t in words if t[:1].isupper() and t not in people.NOT_NAME_WORDS]
            # (not when the part after "of" ends with a title and a name: "Bank of Ridgeline analyst Thomas Roe",
            # "University of Harbor media analyst Jo Fay")
            titled_name = _TITLE_THEN_NAME.search(tail)
            if head_name and words and words[-1] == head_name[-1] and not titled_name:
                who, org = head, tail  # "Ulric Weil of Weil and Associates"
        toks = who.split()
        # Leading title words (and a company before them) are the title; the trailing run is the name.
        name_toks: list[str] = []
        for t in reversed(toks):
            bare = t.rstrip(",")
            if name_toks and _PARTICLE_WORD.fullmatch(bare):  # "Gerard van Schaik", "Ana de la Cruz"
                name_toks.insert(0, bare)
                continue
            if bare == "An" and len(name_toks) == 1 and people.EAST_ASIAN_GIVEN.fullmatch(name_toks[0]):
                name_toks.insert(0, bare)  # "An Sung-ho": a family name, not an article
                break
            if (
                bare in people.NOT_NAME_WORDS
                or (len(name_toks) >= 2 and bare in _FIRM_WORDS)  # "Harbor Capital Markets Jo Fay"
                or (len(name_toks) >= 2 and bare.lower() in _NAME_TITLE_WORDS)  # "Co-CEO Jim Balsillie"
                or "/" in bare  # "estimates from I/B/E/S": a data set, not a name
                or (len(name_toks) >= 2 and _BROKER_WORD.fullmatch(bare))  # "Stifel Nicolaus Jordan Rohan"
                or (self.mixed_case and _SHOUTED.fullmatch(bare))  # a subhead in capitals: "LOOKING ABROAD UPS said"
                or bare.endswith(("'s", "’s", "'", "’"))
                or _COMPANY_DESCRIPTOR.fullmatch(bare)
                or not (bare[:1].isupper() or (name_toks == [] and _JOINED_NAME.fullmatch(bare)))
                or bare.lower() in _DEPARTMENTS
            ):
                break
            name_toks.insert(0, bare)
        title = " ".join(toks[: len(toks) - len(name_toks)])
        if "," in who and title.split()[-1:] in (["and"], ["&"]):
            return _Who("nonperson", at=at)  # "Hale, Quint and Marsh said": a firm's name
        if not org and title and _BROKER_PREFIX.fullmatch(title):
            title, org = "", title  # "said Stifel Nicolaus Jordan Rohan": the analyst's firm
        possessive = re.fullmatch(r"(?:the\s+)?(.+?)['’]s?", title)
        if possessive and not org and possessive.group(1)[:1].isupper():
            title, org = "", possessive.group(1)  # "Goldman Sachs' Anthony Noto": the firm is the person's
        if title.split()[-1:] and title.split()[-1] in people.HONORIFICS_KEPT:
            name_toks.insert(0, title.split()[-1])
        name = clean_name(" ".join(name_toks))
        if name.split()[-1:] and name.split()[-1] in _FIRM_END:
            return _Who("nonperson", at=at)  # "... Advisors Growth Fund said": a fund, not a person
        if len(name.split()) > 1 and name.split()[0] in _TRADE_BEFORE_FIRM:
            return _Who("nonperson", at=at)  # "Brokerage Ridgeline Lake said": a firm, its trade first
        if all(people._INITIALS_RE.fullmatch(t) for t in name.split()):
            return _Who("nonperson", at=at)  # "U.S.": initials with no name
        if " " not in name and _BROKER_WORD.fullmatch(name) and name not in self.people:
            return _Who("nonperson", at=at)  # "Numis wrote to its clients": a broker by its one-word name
        trade = (title.split() or self.title_before(at).split())[-1:]
        if _PERSON_LIKE_BROKER.fullmatch(name) or (trade and trade[0] in _FIRM_TRADES):
            return _Who("nonperson", at=at)  # "Collins Stewart said", "French brokerage Quillon Roe wrote": a firm
        if len(name.split()) > 2 and any(name.startswith(f"{o} ") for o in self.org_words if " " in o):
            return _Who("nonperson", at=at)  # "said Quillon Quay Smith Barney, a venture ...": a firm's unit
        if not name or (name in self.org_words and surname(name) not in self.people):
            return _Who("nonperson", at=at)  # "Wynn said" is Steve Wynn when the article names him
        if _CORPORATE_END.search(name) and not (name.endswith("Bank") and _TITLE_WORD.search(title)):
            return _Who("nonperson", at=at)  # ("RBC analyst David Bank" is a person)
        if (
            " " not in name
            and name not in self.people
            and name not in self.plain_names
            and (
                any(name in org.split() for org in self.org_words)
                # "TI said": a company's initials (Texas Instruments), not a surname
                or (len(name) >= 2 and name.isupper() and any(_initials(org) == name for org in self.org_words))
            )
        ):
            return _Who("nonperson", at=at)  # "First City said": a word of a company's name, not a surname
        return _Who("person", name, f"{title} {trailing} {'of ' + org if org else ''}".strip(), at)

    def _at_firm(self, who: str, at: int) -> _Who | None:
        """A name right after "at", "with" or "from" is a firm's ("analysts at boutique research house
        Northwind said"): nobody when a group of its people speaks, the person named before it when there is
        one ("Sam Poe bank analyst at Harbor said"), nobody otherwise."""
        before = self.text[max(0, at - 160) : at]
        prep = _AT_FIRM.search(before)
        if prep is None:
            return None
        pre = before[: prep.start()]
        if _GROUP_END.search(pre):
            return _Who("nonperson", at=at)
        if len(who.split()) > 1 and not _CORPORATE_END.search(who):
            return None  # (a full name after "from": "... said, quoting from Tom Lee")
        named = _NAME_TITLE_END.search(pre)
        if named is None or self.in_quote(at - len(before) + named.start()):
            return _Who("nonperson", at=at)
        name = self._trim(named.group("name"))  # (a title before it: "Analyst Martin Possienke")
        if not name:
            return _Who("nonperson", at=at)
        title = " ".join(f"{named.group('title') or ''} {prep.group(0).strip()} {who}".split())
        return _Who("person", name, title, at - len(before) + named.start())

    def _unnamed_speaks(self, lo: int, at: int) -> bool:
        """Does an unnamed person the pronoun at ``at`` can be speak between ``lo`` and it ("A spokesman said")? Not
        one of the other sex (a spokeswoman before "he"), nor one in a possessive ("one analyst's question")."""
        other = {"he": "spokeswoman", "she": "spokesman"}.get(self.text[at : at + 3].lower().strip())
        return any(m.group("noun") != other for m in self.unnamed_speakers(lo, at))

    def unnamed_speakers(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The unnamed people who speak between ``lo`` and ``hi`` ("A spokesman said"): not a description set off
        after a named person ("Jo Fay, an analyst at Ridgeline, said": Fay speaks, named)."""
        found = list(_UNNAMED_SPEAKS.finditer(self.text, lo, hi))
        if not found:
            return found  # (the common case: no index of surnames to build)
        surnames = {people.name_tokens(p.name)[-1] for p in self.people.values() if people.name_tokens(p.name)}
        return [
            m
            for m in found
            if (named := _NAME_SET_OFF.search(self.text, max(lo, m.start() - 40), m.start())) is None
            or named.group(1) not in surnames
        ]

    def resolve(self, who: _Who) -> Person | None:
        """The person a WHO names: a surname or full name via the index, a pronoun via the nearest mention."""
        if who.kind == "person":
            key = self._key_for(who.name) if " " in who.name else surname(who.name)
            person = self.people.get(key)
            named = self.plain_names.get(key) or self.quoted_names.get(key)
            if person is None and named and len(people.name_tokens(who.name)) == 1:
                full, first = named
                person = Person(
                    full,
                    first,
                    role_from_title(who.title) if who.title else None,
                    _company_hint(who.title) or self.firm_before.get(full) or self.org_before(first),
                )
                self.people[key] = person
                self._index_mentions()
            if person is None and not named and len(people.name_tokens(who.name)) == 1:
                # a family name written first before a given name with no hyphen ("Yang" of "Yang Jianhua"): the
                # one person of the article whose name it opens
                opens = {p.name: p for p in self.people.values() if people.name_tokens(p.name)[:1] == [who.name]}
                if len(opens) == 1 and len(people.name_tokens(next(iter(opens)))) == 2:
                    person = self.people[key] = next(iter(opens.values()))
            if person is None and not named and " " not in who.name:
                # a stray "s" ("Roes also said"): the Roe already named; a dropped one ("Owen" for the Owens named)
                person = self.people.get(who.name[:-1] if who.name.endswith("s") else f"{who.name}s")
            if person is None and not named and " " not in who.name and len(who.name) >= 5:
                # a surname the copy misspelt by a letter left out or put in ("Muster asked" after "Gene Munster"):
                # the one person named whose surname it is, give or take that letter
                near = {p.name: p for k, p in self.people.items() if _one_letter_apart(who.name, k)}
                person = next(iter(near.values())) if len(near) == 1 else None
            if person is None:
                person = Person(
                    who.name,
                    who.at,
                    role_from_title(who.title) if who.title else None,
                    _company_hint(who.title) or self.firm_before.get(who.name) or self.org_before(who.at),
                )
                self.people[key] = person
                if self._new_surname(who.name) or (" " in who.name and self._surname_like(key)):
                    # ("Bartz said", then "she said later": she is Bartz; '"...?" asked Harbor & Co Jane Roe', then
                    # "Roe said she ...", "she said": she is Jane Roe)
                    self._index_mentions()
            elif who.title and person.role is None:
                person.role = role_from_title(who.title)
            org = re.search(r"\bof\s+(.+)$", who.title)
            if org and person.org is None:
                # "Ulric Weil of Weil and Associates"; not the relative clause after the firm (", which owns
                # Quillon": what the fund holds is not the speaker's firm)
                person.org = re.split(r",\s*(?:which|that|who|whose|where)\b", org.group(1))[0]
            return person
        if who.kind == "pronoun":
            before = [(pos, key) for pos, key in self.mentions if pos < who.at]
            if not before:
                return None
            pos, key = before[-1]
            if self._unnamed_speaks(_sentence_end(self.text, pos, who.at), who.at):
                return None  # 'A spokesman said output rose. "...," he said': the unnamed one, not the last named
            # the pronoun continues the last name's sentence's subject, not a name after a preposition ("Poe would
            # not say if he had met with Roe, but said ...") nor one inside what the subject said ("Roe spoke ...,
            # arguing that ... Poe should go. She added, ...", "Roe said Poe should go") nor one in a relative clause
            # on the subject ("Chief Executive Sam Poe, who retires in June and leaves the job to Jo Fay, said")
            start = _sentence_start(self.text, pos, 0)
            subject = [(p, k) for p, k in before if start <= p < pos and k != key]
            if (
                subject
                and not _OBJECT_BEFORE.search(self.text, max(0, subject[0][0] - 12), subject[0][0])
                and (
                    _OBJECT_BEFORE.search(self.text, max(0, pos - 12), pos)
                    or _REPORTED_BETWEEN.search(self.text, subject[0][0], pos)
                    or _REPORTED_SUBJECT.search(self.text, max(0, pos - 45), pos)
                    or _RELATIVE_ON_SUBJECT.search(self.text[subject[0][0] : pos])
                    or (
                        _REPORTED_CONTENT.search(self.text, subject[0][0], pos)
                        and not _NAME_SPEAKS.match(self.text, pos)
                    )
                )
            ):
                key = subject[0][1]
            return self.people[key]
        if who.kind == "titled":  # the most recently named person who holds that title
            holders = [(pos, key) for pos, key in self.mentions if pos < who.at and who.title in self.people[key].title]
            if not holders:
                return None
            pos, key = holders[-1]
            # '..." said an analyst at a Canadian bank. "...," the analyst added': the unnamed one, after the
            # holder's own sentence ("Jo Fay, an analyst at Ridgeline, said")
            since = self.text[_sentence_end(self.text, pos, who.at) : who.at]
            if re.search(rf"\b(?:an?|one|another)\s+(?:[\w\-]+\s+){{0,3}}{re.escape(who.title)}\b", since, re.I):
                return None
            return self.people[key]
        return None


# the kinds of people the wire quotes without a name
_UNNAMED_NOUN = r"spokes(?:man|woman|person)|official|executive|analyst|trader|source|insider|shareholder|investor"
# an unnamed person who speaks ("A spokesman said", "one senior executive told reporters")
_UNNAMED_SPEAKS = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w\-'’.&]+\s+){0,3}?"
    rf"(?P<noun>{_UNNAMED_NOUN}|(?<=portfolio\s)manager|(?<=fund\s)manager)\b(?!['’]s)"
    r"(?:[^.;\"“”]{0,80}?|[^.;\"“”,]{0,80}?,\s+who\b[^.;\"“”]{0,160}?)\b(?:said|says|told|added|noted|"
    r"explained|declined|wrote|replied|confirmed|insisted|stressed)\b"
)
# an unnamed person right after a quote's closing mark, who speaks it
_UNNAMED_AFTER = re.compile(
    r"[\s,]*(?:(?:said|says|added)\s+)?(?:an?|one|another)\s+(?:[\w\-'’.&]+\s+){0,3}?"
    rf"(?:{_UNNAMED_NOUN})\b(?!['’]s)"
)
# a sentence whose subject is an unnamed person, ending in a colon before the quote
_UNNAMED_COLON = re.compile(
    r"\s*(?:An?|One|Another)\s+(?:[\w\-'’]+\s+){0,3}?"
    # (not one named in apposition: "Another analyst, Jo Fay of Quillon Research, was more cautious:")
    rf"(?:{_UNNAMED_NOUN}|manager|employee|worker|customer|banker)\b(?!,\s+[A-Z][\w'’\-]+\s+[A-Z])[^\"“”]*:\s*"
)
# a name with a comma after it, ending where a description of that person starts ("Jo Fay, ")
_NAME_SET_OFF = re.compile(r"([A-Z][\w'’\-]+),\s*$")
# the text from a sentence's subject to a later name inside a relative clause on it: "Poe, who retires in June and
# leaves the job to "
_RELATIVE_ON_SUBJECT = re.compile(r"^[^,.;]*,\s+(?:who|whom|whose)\b[^,.;]*$")


def _company_hint(title: str) -> str | None:
    """The company a title phrase names: ``Apple's chief executive``, ``Apple CFO``, ``chief executive of Apple``."""
    hint = _raw_company_hint(title) if title else None
    if hint:
        toks = hint.split()
        while toks and toks[-1] in people.NOT_NAME_WORDS:
            toks.pop()
        hint = " ".join(toks) or None
    return hint


def _raw_company_hint(title: str) -> str | None:
    # ("Northwind's chief executive"; a name ending in s takes the bare mark: "Quill Mills' chief executive")
    m = re.search(r"([A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3})(?:['’]s\b|(?<=s)['’](?!\w))", title)
    if m:
        return m.group(1)
    m = re.search(r"\b(?:of|at)\s+([A-Z][\w.&\-]*(?:\s+(?:&\s+)?[A-Z][\w.&\-]*){0,3})", title)
    if m:
        return m.group(1)
    m = re.match(r"\s*([A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,2}?)\s+" + _TITLE_WORD.pattern, title)
    if m and m.group(1) not in people.NOT_NAME_WORDS:
        return m.group(1)
    return None


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos`` (not before ``floor``)."""
    start = floor
    for m in _SENT_END.finditer(text, floor, pos):
        head = text[max(floor, m.start() - 12) : m.start() + 1]
        if not _ABBREV.search(head):
            start = m.end()
    return start


def _sentence_end(text: str, pos: int, ceil: int) -> int:
    for m in _SENT_END.finditer(text, pos, ceil):
        head = text[max(pos, m.start() - 12) : m.start() + 1]
        if not _ABBREV.search(head):
            return m.start() + 1
    return ceil


# a firm whose name holds a comma, then a title and a name: "said Hale, Quint & Marsh analyst Jo Fay",
# "said Roe-Pike, Lund analyst Sam Poe" (the comma does not end the speaker's phrase)
_COMMA_FIRM = re.compile(
    rf"^,\s+[A-Z][\w\-]*(?:,?\s+(?:&|and)\s+[A-Z][\w\-]*|,\s+[A-Z][\w\-]*)*(?:\s+&\s+Co\.?)?\s+"
    rf"(?:analyst|economist|strategist|portfolio\s+manager|fund\s+manager)\s+{_CAP}(?:\s+(?:[A-Z]\.|{_CAP})){{1,3}}"
)


_NAME_AFTER_TITLE = re.compile(rf",\s+(?P<name>{NAME})\s*$")
_ENDS_WITH_TITLE = re.compile(rf"(?:{_TITLE_WORD.pattern}|\bCIO)\s*$")


def _who_from(m: re.Match[str], base: int, index: _ArticleIndex, extra_title: str = "") -> _Who:
    raw = m.group("who")
    firm = _COMMA_FIRM.match(m.groupdict().get("rest") or "")
    if firm and " " not in raw.strip():
        raw = f"{raw} {firm.group(0)[1:].strip()}".replace(",", "")
        return index.classify(raw, base + m.start("who"))
    joint = re.search(r"\s+and\s+(?=[A-Z])", raw)  # people are joined by "and"; "&" joins a firm's name
    head = raw[: joint.start()] if joint else ""
    # one quote attributed to two people is spoken by the first named (not "X of Weil and Associates")
    # (nor "Harbor and Pike's analyst Jo Fay": a firm's name, its second part in the possessive, nor
    # "Roe, Pike and Lund analyst Sam Poe": a firm's name, commas before its "and")
    if (
        joint
        and "," not in head
        and head.split()[-1] not in people.NOT_NAME_WORDS
        and not _OF_AT_FROM.search(head)
        and not re.match(r"[A-Z][\w\-]*['’]s?\s", raw[joint.end() :])
    ):
        raw = head
    who = index.classify(raw, base + m.start("who"))
    named = _NAME_AFTER_TITLE.match(m.groupdict().get("rest") or "")
    if who.kind != "person" and named and _ENDS_WITH_TITLE.search(raw):
        # a press release's 'said Northwind CEO, Jane Roe.': the title, a comma, then the name
        who = index.classify(f"{raw} {named.group('name')}", base + m.start("who"))
    office = re.match(r"\s*(Rep|Sen|Gov)\.", raw)  # "Rep. Ed Marlow": an office, not a dropped courtesy
    if office and who.kind == "person":
        who.title = f"{who.title} {dict(Rep='representative', Sen='senator', Gov='governor')[office.group(1)]}".strip()
    rest = (m.groupdict().get("rest") or "").strip(" ,")
    appos = (m.groupdict().get("appos") or m.groupdict().get("appos2") or "").strip()
    if appos and _TITLE_WORD.search(appos):
        rest = f"{appos} {rest}".strip()
    if who.kind == "person" and rest and _TITLE_WORD.search(rest):
        who.title = f"{who.title} {rest}".strip()
    if extra_title and who.kind == "person":
        who.title = f"{who.title} {extra_title}".strip()
    return who


def _attribution(
    text: str, span: Span, nxt: Span | None, prev: Span | None, para_start: int, index: _ArticleIndex
) -> _Who | None:
    """The attribution of one span, or None when it has none of its own."""
    # (the paragraph the quote closes in: a quote over several paragraphs hands over to its verb after the last)
    close = max(span.open, span.close_end - 1)
    para_end = next(b for a, b in index.paras if a <= close < b or b >= close)
    ceil = min(nxt.open if nxt else len(text), max(para_end, span.close_end))
    after_end = _sentence_end(text, span.close_end, ceil) if span.closed else ceil
    after = text[span.close_end : after_end]
    if not span.closed:
        after = text[span.end : after_end]
    floor = max(para_start, prev.close_end if prev and prev.close_end <= span.open else para_start)
    sent_start = _sentence_start(text, span.open, floor)
    before = text[sent_start : span.open]
    base_after = span.close_end if span.closed else span.end
    ends_sentence = _ends_own_sentence(span)
    runs_on = nxt is not None and after_end >= nxt.open
    for rx in (_AFTER_WHO_VERB, _AFTER_VERB_WHO):
        m = rx.match(after)
        if m and m.groupdict().get("stray") and not m.group("who")[:1].isupper():
            m = None  # ('"...," the estimate, said Jo Fay': the stray comma only after a name)
        appos = (m.groupdict().get("appos") or "") if m else ""
        if ", " in appos and not _TITLE_WORD.search(appos.split(", ")[0]):
            # a second comma in the appositive is a title's tail ("Jo Fay, general manager of ..., Quillon's biggest
            # holder, said"), not a list of names ("Hale, Quint, Marsh & Co. analyst Sam Poe said") or
            # a place ("Lakewood, Ohio-based Quillon, which held ..., forecast")
            continue
        # after a quote that ends its own sentence, "Executives said they were charting ..." is a new sentence
        # of reported speech, not this quote's attribution ("... ." Smith said on Tuesday.); so is one that runs
        # on into the next quote ('... ." Chief Executive Sam Poe said Quillon is "well on track"')
        if m and not (ends_sentence and _new_clause(m.group("rest"), runs_on)):
            who = _who_from(m, base_after, index)
            if ends_sentence and who.kind == "nonperson" and m.group("rest").strip():
                continue  # '... for now." MARGINS WIDEN Quillon said it made ...': the next sentence's news
            if who.kind == "nonperson" and re.match(r"\s*(?:and|but)\s", after):
                continue  # 'Tucker said the company had "..." and Vontobel warned that ...': the next clause's
            set_off, set_at = appos.strip(), m.start("appos") if appos else -1
            title_end = m.end("who")
            if not set_off and (tail := _SET_OFF_NAME.match(after, m.end("who"))):
                # '"...," said the chief executive, Jo Fay.' (the title's words the lazy WHO left, then the name)
                set_off, set_at, title_end = tail.group("name"), tail.start("name"), tail.end("more")
            if (
                who.kind in ("nonperson", "titled")
                and set_off
                and _TITLE_WORD.search(after, m.start("who"), title_end)
                and NAME_RE.fullmatch(set_off)
            ):
                # '"...," its managing director, Bader al-Saad, told reporters', '"...," said the chief executive,
                # Jo Fay.': the name set off after the title
                named = index.classify(set_off, base_after + set_at)
                if named.kind == "person" and len(name_tokens(named.name)) >= 2:
                    named.title = f"{named.title} {after[m.start('who') : title_end]}".strip()
                    return named
            if who.kind == "nonperson":
                # 'After "a disastrous first quarter," Sand hopes to break even this year, Shattner said.': the
                # company's clause is reported speech; the sentence's closing attribution governs the fragment
                tail = _TAIL_WHO_VERB.search(after)
                closing = _who_from(tail, base_after, index) if tail else None
                if closing is not None and closing.kind in ("person", "pronoun"):
                    return closing
            return who
    # '...," Toyota's chief financial officer, Sam Poe, told a news conference': the name between the title's commas
    m = _AFTER_TITLE_COMMA_NAME.match(after)
    if m and ends_sentence and _new_clause(after[m.end() :], runs_on):
        m = None  # ('... in 2009." Capital One's chief executive, Sam Poe, said, "...': the next sentence's
    if m and surname(m.group("name")) in index.people:
        return _Who("person", index.people[surname(m.group("name"))].name, m.group("pre"), base_after + m.start("name"))
    m = _AFTER_NAME_TITLE.match(after)
    # (not a new sentence whose subject has a title: '... Europe." Jo Fay, banking analyst at Harbor
    # Pike, said last week's alert softened the blow': the same test as above)
    verb = _VERB_IN_APPOS.search(m.group("appos")) if m else None
    if m and verb and ends_sentence and _new_clause(m.group("appos")[verb.end() :], runs_on):
        m = None
    if m and ends_sentence and _APPOS_PREDICATE.match(m.group("appos")):
        m = None
    if m and _TITLE_WORD.search(m.group("appos")):
        who = _who_from(m, base_after, index)
        if who.kind == "person":
            return who
    m = _VERBLESS_AFTER.match(after)
    if m and span.closed and _HANDED_OVER.search(text, max(0, span.close_end - 4), span.close_end):
        who = _who_from(m, base_after, index)
        if who.kind == "person" and len(name_tokens(who.name)) >= 2:
            return who
    m = _BEFORE_VERB_WHO.search(before)
    if m and m.group("rest") and _A_SPEECH_VERB.search(m.group("rest")):
        m = None  # 'said analyst Sam Poe, while Jo Fay at Harbor said: "...': the nearer verb's
    m = m or _BEFORE_WHO_VERB.search(before)
    first = _who_from(m, sent_start, index) if m else None
    while m is not None and m.re is _BEFORE_WHO_VERB:
        # the speech verb nearest the fragment governs it: "TI said it was cutting jobs, which analyst Doug Freeman
        # said would "signal a recovery""; not a belief reported in what the subject said: "Fay said, adding
        # that Quarrie expects charges "which may ..."" (Fay's words; Quarrie is the company, or at most its
        # founder's view as Fay reports it)
        said = m
        m = _BEFORE_WHO_VERB.search(before, m.end("verb"))
        if (
            m is not None
            and _BELIEF_VERB.fullmatch(m.group("verb"))
            and _REPORTED_BETWEEN.search(before, said.start("verb"), m.start())
        ):
            continue
        nearer = _who_from(m, sent_start, index) if m else None
        if nearer is not None and nearer.kind == "person":
            first = nearer
    if first is None or first.kind == "nonperson":
        # "Northwind's chief financial officer, Jane Roe, said ... and that the bank "...":
        # the name between a title's commas before the verb
        titled = [t for t in _TITLE_COMMA_NAME.finditer(before) if surname(t.group("name")) in index.people]
        if titled:
            t = titled[-1]
            return _Who(
                "person", index.people[surname(t.group("name"))].name, t.group("pre"), sent_start + t.start("name")
            )
        # "Poe, who hands the job to Jo Fay in May and stays on as chairman, said the company "...": the
        # subject before the relative clause, not a name inside it
        if (clause := _clause_subject(before, index)) is not None:
            return _Who("person", clause.name, "", sent_start)
        # ("the new company, which will ..., said": a long title's tail)
        m = _BEFORE_PERSON_LONG_TITLE.search(before)
        if m and _TITLE_WORD.search(m.group("rest")):
            who = _who_from(m, sent_start, index)
            if who.kind == "person":
                return who
    if first is not None and first.kind != "nonperson":
        return first
    # "Smith declined to give a forecast, but said, "..."" (and "... would not give a forecast but said:", where
    # "a forecast but" reads as a non-person speaker); after an opening participle's clause too: "Pressed on
    # margins, Smith would not ... but said: "...""
    if _COORDINATED_VERB.search(before):
        lead = _PARTICIPLE_CLAUSE.match(before)
        m = _SUBJECT.match(before, lead.end() if lead else 0)
        if m:
            who = _who_from(m, sent_start, index)
            if who.kind in ("person", "pronoun"):
                return who
    # a sentence whose subject is someone the article named, ending in a colon that hands over to the quote
    # ("Fay also flagged the PC market: "...", "Here's Chief Executive Jo Fay in the release: "...")
    if before.rstrip().endswith(":") and (m := _COLON_SET_OFF.match(before) or _COLON_SUBJECT.match(before)):
        set_off = m.re is _COLON_SET_OFF
        who = _who_from(m, sent_start, index, before[: m.start("who")] if set_off else "")
        # (a full name new to the article will do when the set-off form or a verb of speech hands over: "Jo Fay of
        # Quillon Securities asked first:")
        new_name = (
            len(name_tokens(who.name)) >= 2
            and not _DETERMINER.match(who.name)  # ("Another London based analyst said:" names no one)
            and (set_off or _SPEECH_BEFORE_COLON.search(before, m.end("who")))
        )
        if who.kind == "pronoun" or (who.kind == "person" and (surname(who.name) in index.people or new_name)):
            return who
    # a full name that "called" something the quote right after ("Analyst Jo Fay called the forecast "a clear
    # signal""): not "called for", and not a place ("an investor from Leeds, England, who ..., called")
    for rx in (_CALLED, _CALLED_SET_OFF):
        m = rx.search(before)
        if m is None:
            continue
        # (the set-off name's title is before it and its firm after: "Another analyst, Jo Fay of Ridgeline,")
        title = before[max(0, m.start() - 40) : m.end()] if rx is _CALLED_SET_OFF else ""
        who = _who_from(m, sent_start, index, title)
        if who.kind == "person" and len(name_tokens(who.name)) >= 2:
            return who
    if first is not None:
        return first
    # A quote that ends its own sentence ("... persist.") is followed by a new sentence, not by more of its own:
    # only an attribution right after the closing mark (above) belongs to it.
    own_after = "" if _ends_own_sentence(span) else after
    for ctx, base in ((own_after, base_after), (before, sent_start)):
        m = _ACCORDING.search(ctx)
        if m:
            return _who_from(m, base, index)
    # A speech verb elsewhere in the sentence: quoted fragments inside reported speech. The outermost
    # clause with a person as its subject governs ("He said the company expected ...").
    for ctx, base in ((before, sent_start), (own_after, base_after)):
        found = sorted([*_ANY_WHO_VERB.finditer(ctx), *_ANY_VERB_WHO.finditer(ctx)], key=lambda x: x.start())
        # (who is told is no speaker, but still a clause whose subject the sentence does not name: no one's)
        whos = [
            _Who("nonperson", at=base + m.start("who")) if _listener(m) else _who_from(m, base, index) for m in found
        ]
        person = next((w for w in whos if w.kind != "nonperson"), None)
        if person or whos:
            return person or whos[0]
    return None


def _one_letter_apart(a: str, b: str) -> bool:
    """Is one word the other with a single letter added ("Muster", "Munster")?"""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _new_clause(rest: str, runs_on: bool = False) -> bool:
    """Words after a speech verb that make a clause of their own ("they were plotting a way back"), not the
    tail of an attribution (" on Tuesday", ", adding ...", " in a statement"). ``runs_on``: the sentence goes on
    into the next quote, so any words that are no such tail open the clause that quote belongs to."""
    if runs_on and not rest.strip(" ,:—–-"):
        return True  # '... loan." Roe, the Ridgeline analyst, added, "...': the verb introduces the next quote
    rest = rest.strip()
    clause = re.match(
        r"(?:(?:on|late|earlier|last|this|next)\s+(?:\w+\s+)?(?:week|month|year|day|morning|afternoon|evening|\w+day)\s+|"
        r"(?:in|on|at|during|to)\s+(?:a|an|the|its|his|her)\s+(?:[\w\-'’]+\s+){1,8}?)?(?:that|he|she|it|they|we)\s",
        rest,
    )
    if clause and len(rest.split()) > 4:
        # "... said this week that iPhone sales boosted ...", "... said in a statement that demand
        # held up well", "... said in a note to partners he added to his stake": reported speech of its own
        return True
    if (
        not rest
        or rest[0] in ",;:"
        or re.match(r"(?:on|in|at|during|to|after|before|via|from|yesterday|today)\b", rest)
        # ("said last week", not "said last week's alert softened the blow": an object begins)
        or re.match(r"(?:late|earlier|last|this)\b(?!\s+(?:\w+\s+)?\w+['’]s\b)", rest)
    ):
        return False
    # "... more fees." Harbor Pike analyst Jo Fay said the purchase "fits well ...": an object begins
    return (
        runs_on
        or len(rest.split()) > 3
        or bool(re.match(r"(?:the|a|an|its|their|his|her|it|they|he|she|we)\s+\w", rest))
    )


# A surname that is also a company's name, used for the company: "owns Wynn shares", "Dell's profit".
_COMPANY_AFTER = re.compile(
    r"(?:['’]s\s+(?:shares?|stock|profits?|earnings|results|revenues?|sales|quarter|net|outlook|forecast)\b|"
    # ("Ford's pretax results", "Wynn's senior vice president for hotels")
    r"['’]s\s+(?:[\w\-]+\s+){1,2}?(?:profits?|earnings|results|revenues?|sales|shares|stock|bonds|debt)\b|"
    r"['’]s\s+(?:(?:senior|executive|group|global)\s+)*(?:vice\s+president|president|chief|chairman|spokes\w+|"
    r"director|treasurer|controller|head)\b|"
    r"\s+(?:shares?|stock|Inc|Corp|Co\b|Resorts|Motors?|Group|Holdings|Ltd|executives?|officials?|spokes\w+)\b)"
)
_COMPANY_BEFORE = re.compile(
    r"\b(?:owns?|owned|of|at|in|from|rival|buy|buying|sell|selling|holds?|held|shares\s+of)\s+$"
)


# an organisation (or unnamed people) speaking: "The unit said", "Apple executives said", "The company blamed"
_ORG_VERB = (
    r"(?:also\s+)?(?:said|says|added|told|blamed|cited|cautioned|warned|noted|highlighted|attributed|forecast|"
    r"predicted|projected)\b"
)
_ORG_SPEAKS = re.compile(
    r"\b(?:[Tt]he\s+(?:company|unit|bank|central\s+bank|group|firm|retailer|insurer|lender|carrier|automaker|"
    # (a union, a ministry, a regulator, a board: bodies whose statements no one of their people signs)
    r"maker|statement|report|union|government|ministry|regulator|agency|board|commission|association|council)|"
    rf"[Ee]xecutives|[Oo]fficials|[Mm]anagement)\s+{_ORG_VERB}"
)
# (after a relative clause on the organisation too: "Quillon, which owns two papers, forecast ...")
_ORG_VERB_AFTER = re.compile(rf"(?:,\s+which\s[^\"“”;.]{{1,200}}?,)?\s+{_ORG_VERB}")


def _org_speaks(text: str, index: _ArticleIndex, lo: int, hi: int, people_aside: bool = False) -> bool:
    """Does an organisation speak between ``lo`` and ``hi`` ("The company blamed", "AB InBev cautioned that")?
    With ``people_aside``, not one named like a person of the article ("Toll said" is Robert Toll)."""
    return _ORG_SPEAKS.search(text, lo, hi) is not None or any(
        lo <= a < hi and _ORG_VERB_AFTER.match(text, b) and not (people_aside and text[a:b].split()[-1] in index.people)
        for a, b, _ in index.orgs
    )


# a sentence's subject that is a group of unnamed people ("Many", "Some analysts", "Wall Street investors", a firm's
# "Ridgeline analysts"), its verb next
_GROUP_SUBJECT = re.compile(
    r"\s*(?:(?:But|And|Yet|Still|Now|Indeed),?\s+)?"
    r"(?:(?:Many|Some|Several|Others|Most|Few)\b"  # a pronoun-like quantifier alone, or a group noun after ...
    r"|(?:(?:Many|Some|Several|Other|Most|Few|Wall\s+Street|Skeptical|Sceptical|Worried|Nervous)\s+"  # ... a modifier
    r"|(?:[A-Z][\w&'’\-]*\s+){1,3})?"  # ... or a firm's name, or nothing
    r"(?i:analysts|investors|critics|traders|economists|observers|shareholders|skeptics|sceptics|bankers|experts|"
    r"rivals|customers|consumers|executives)\b)"
    r"(?=\s+[a-z])"
)


def _org_spoke_before(text: str, span: Span, floor: int, index: _ArticleIndex) -> bool:
    """'The company said sales rose on two new games. "..."': a quote opening its sentence right after a whole
    sentence, after the last quote's own (which ends at ``floor``), in which an organisation speaks. Another speaker
    intervenes: the guide's continuation does not reach past it, and the organisation's words are no row. (Not an
    organisation named like a person of the article: "Toll said" is Robert Toll.)"""
    start = _sentence_start(text, span.open, floor)
    if start <= floor or text[start : span.open].strip():
        return False
    # (the sentence before: from the last end of a sentence before its own, read up to its last word)
    lo = _sentence_start(text, floor + len(text[floor:start].rstrip()), floor)
    if lo == floor:
        return False  # the sentence before is the last quote's ('"...," Poe told Reuters. "..."')
    return _org_speaks(text, index, lo, start, people_aside=True)


def _company_use(text: str, start: int, end: int) -> bool:
    return bool(_COMPANY_AFTER.match(text, end) or _COMPANY_BEFORE.search(text, max(0, start - 20), start))


def _intervening_person(index: _ArticleIndex, start: int, end: int, speaker: Person) -> bool:
    # (the speaker's own key: a second "Kim" is keyed by his given name)
    own = {k for k, p in index.people.items() if p is speaker} or {surname(speaker.name)}
    return any(start <= pos < end and k not in own for pos, k in index.mentions)


def _previous_sentence_speaker(text: str, span: Span, para_start: int, index: _ArticleIndex) -> Person | None:
    """``Smith said costs rose. "We expect ..."``: a quote that starts a sentence, with no attribution of its
    own, right after a sentence of the same paragraph in which a person speaks."""
    start = _sentence_start(text, span.open, para_start)
    if text[start : span.open].strip() or start <= para_start:
        return None
    prev = text[_sentence_start(text, start - 1, para_start) : start]
    return _speaker_of_sentence(prev, start - len(prev), index)


def _colon_paragraph_speaker(
    text: str, span: Span, paras: list[tuple[int, int]], index: _ArticleIndex
) -> Person | None:
    """``Sam Poe, who took over in May, said:`` closing a paragraph, the quote opening the next: the person who
    speaks in the sentence the colon ends."""
    if text[paras[span.paragraph][0] : span.open].strip():
        return None
    return _closing_sentence_speaker(text, span.paragraph - 1, ":", paras, index)


def _previous_paragraph_speaker(
    text: str, span: Span, paras: list[tuple[int, int]], index: _ArticleIndex
) -> Person | None:
    """``Sam Poe said the group would press on.`` closing a paragraph, and the next paragraph a quote and nothing
    else: the person who speaks in that last sentence."""
    a, b = paras[span.paragraph]
    if not span.closed or text[a : span.open].strip() or text[span.close_end : b].strip():
        return None
    return _closing_sentence_speaker(text, span.paragraph - 1, ".", paras, index)


def _closing_sentence_speaker(
    text: str, i: int, mark: str, paras: list[tuple[int, int]], index: _ArticleIndex
) -> Person | None:
    """The person who speaks in paragraph ``i``'s last sentence, when that sentence ends with ``mark``."""
    if i < 0:
        return None
    a, b = paras[i]
    end = a + len(text[a:b].rstrip())
    if text[end - 1 : end] != mark:
        return None
    start = _sentence_start(text, end - 1, a)
    return _speaker_of_sentence(text[start:end], start, index)


def _clause_subject(text: str, index: _ArticleIndex) -> Person | None:
    """A person the article named, subject of a speech verb after a relative clause on him ("Sam Poe, who hands
    the job to Jo Fay in May and stays on as chairman, said"): not a name inside the clause."""
    m = _WHO_CLAUSE_VERB.search(text)
    key = surname(clean_name(m.group("name"))) if m else ""
    return index.people.get(key) if key else None


def _speaker_of_sentence(prev: str, base: int, index: _ArticleIndex) -> Person | None:
    """The person who speaks in the sentence ``prev`` (at ``base``) that leads into a quote."""
    if any(c in prev for c in '"“”'):
        return None  # a quote there has its own speaker, and continuation decides
    titled = _TITLE_COMMA_NAME.search(prev)  # "Another analyst, Jo Fay of Harbor, said ..."
    if titled and surname(titled.group("name")) in index.people:
        return index.people[surname(titled.group("name"))]
    if (clause := _clause_subject(prev, index)) is not None:
        return clause  # "Sam Poe, who took over in May and ..., said:"
    for m in sorted([*_ANY_WHO_VERB.finditer(prev), *_ANY_VERB_WHO.finditer(prev)], key=lambda x: x.start()):
        if _listener(m):
            continue
        who = _who_from(m, base, index)
        if who.kind in ("person", "pronoun"):
            return index.resolve(who)
        if who.kind == "nonperson":
            # "Jo Fay, general manager ... at Harbor Asset Management in Osaka said ...": the person
            # the long appositive describes; else "The company said ...": an organisation speaks
            return _long_title_speaker(prev, base, index)
    # "Sam Poe, head of equities at Ridgeline Securities, said Quillon seemed ...": no short pattern
    long = _long_title_speaker(prev, base, index)
    if long is None and (m := _STANCE.match(prev)):
        who = _who_from(m, base, index)
        if who.kind == "person":
            return index.resolve(who)
    return long


# a short sentence giving its subject's stance, the quote after it the subject's: "Analyst Jo Fay, of Ridgeline
# Research, was doubtful."
_STANCE = re.compile(
    rf"\s*(?P<who>{_WHO}){_APPOS}\s+(?:was|were|is|remained|sounded|seemed|appeared)\s+[^.;\"“”]{{1,40}}[.:]\s*$"
)


def _long_title_speaker(prev: str, base: int, index: _ArticleIndex) -> Person | None:
    """The person a long appositive describes before the speech verb, if any."""
    long = _PERSON_LONG_TITLE_SAYS.search(prev)
    if long and _TITLE_WORD.search(long.group("rest")):
        who = _who_from(long, base, index)
        if who.kind == "person":
            return index.resolve(who)
    return None


def _next_sentence_person(text: str, span: Span, index: _ArticleIndex, ceil: int) -> Person | None:
    """``"..." That was the view of Chief Executive Jane Smith.``: a person named in the next sentence."""
    end = _sentence_end(text, span.close_end, ceil)
    nxt = text[span.close_end : _sentence_end(text, end, ceil)]
    for pos, key in index.mentions:
        if span.close_end <= pos < span.close_end + len(nxt):
            return index.people[key]
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


# "Quillon, the world's biggest tin miner, posted ...": a name the lede describes by its trade is a firm's
# (the trade ends the description: not "..., the company's chief executive", "..., an analyst at the firm")
_FIRM_APPOSITIVE = re.compile(
    rf",\s+(?:the|a|an)\s+(?:(?!(?:at|of|with|for|from|in|who)\b)[\w'’.\-]+\s+){{0,5}}?(?:{TRADE})s?"
    r"(?=\s*[,;]|\s+(?:on|that|which|whose|said|says|posted|reported|forecast|expects|sees)\b)"
)


def _described_as_firm(doc: ArticleDoc, name: str) -> bool:
    a, b = doc.lede
    at = doc.text.find(name, a, b)
    return at >= 0 and bool(_FIRM_APPOSITIVE.match(doc.text, at + len(name), b))


def _ends_own_sentence(span: Span) -> bool:
    """The quote closes on its own sentence's end ('"... for now."'), not on a comma that hands over to its verb."""
    return span.closed and span.statement[-1:] in ".!?"


def _next_boundary(text: str, spans: list[Span], i: int) -> Span | None:
    """The quote after span ``i`` that bounds its attribution: not a word or two in quotation marks inside the same
    sentence's tail ('"...," Poe, who rates the shares a "buy," said')."""
    span = spans[i]
    if not span.closed or _ends_own_sentence(span):
        return spans[i + 1] if i + 1 < len(spans) else None  # a quote that ends its sentence hands over to the next
    for nxt in spans[i + 1 :]:
        short = len(nxt.statement.split()) < 3 and nxt.closed
        if not (short and not re.search(r"[.!?]", text[span.close_end : nxt.open])):
            return nxt
    return None


def annotate(doc: ArticleDoc, options: ExtractOptions = ExtractOptions()) -> ArticleDoc:
    """Add ``people`` and ``attributions``: the row-worthy quotes of the article and who said each."""
    text = prose(doc)
    spans = doc.quotes
    org_words = {o.name for o in doc.orgs} | {o.company.name for o in doc.orgs if o.company}
    subject = lede_subject(doc)
    if subject is not None and (subject[1] or _described_as_firm(doc, subject[0])):
        org_words.add(subject[0])  # "Irish airline Ryanair Monday posted ...": '"...," Ryanair said' is no person
    orgs = [(o.start, o.end, o.company.name if o.company else o.name) for o in doc.orgs if not o.in_title]
    index = _ArticleIndex(text, spans, org_words, doc.paragraphs, orgs)
    headings = _headings(doc, index)
    paras = doc.paragraphs
    out: list[Attribution] = []
    last: tuple[Span, Person | None] | None = None  # the previous span and who spoke it
    prev: Span | None = None  # the last span that can be a row (a scare quote before does not end the sentence)
    for i, span in enumerate(spans):
        nxt = _next_boundary(text, spans, i)
        para_start = paras[span.paragraph][0]
        who = _attribution(text, span, nxt, prev, para_start, index)
        person: Person | None = None
        heading = next(
            (h for at, h in reversed(headings) if at <= span.open and (last is None or at >= last[0].close_end)), None
        )
        # no one's: 'The group also noted ... "while buyers stay cautious."' (an organisation's words),
        # or '..." TRADER "...' (an instant view's heading that names no one; read in the doc's text, since prose()
        # blanks layout blocks)
        sent_start = _sentence_start(text, span.open, para_start)
        nobody = who is None and (
            _org_speaks(text, index, sent_start, span.open)
            # 'A Northwind spokeswoman said the firm stayed "in touch with its regulator"': an unnamed one's
            or bool(index.unnamed_speakers(sent_start, span.open))
            # 'One longtime shareholder, unnamed at his request, put it bluntly: "..."': an unnamed subject
            # handing over with a colon
            or _UNNAMED_COLON.fullmatch(text, sent_start, span.open) is not None
            # '"...," a Poe's Stores spokeswoman said': an unnamed one after the quote, the company's name a
            # possessive
            or (span.closed and _UNNAMED_AFTER.match(text, span.close_end) is not None)
            # 'Many have complained that Northwind was "spending like there is no tomorrow"': a fragment in a
            # sentence whose subject is an unnamed group is the group's words, no continuation of the last speaker
            or (sent_start < span.open and _GROUP_SUBJECT.match(text, sent_start) is not None)
            or (
                _HANDED_OVER.search(text, max(0, span.close_end - 4), span.close_end) is not None
                and _GROUP_SAYS.match(text, span.close_end) is not None
            )
            or (last is not None and bool(_NAMELESS_HEADING.match(doc.text, last[0].close_end, span.open)))
        )
        if who is not None:
            person = index.resolve(who)
        elif heading is not None:  # the first quote under an instant-view heading is the heading's speaker's
            person = heading
        elif nobody:
            pass
        elif (
            last is not None
            and last[1] is not None
            # (the paragraph the quote before ends in: a quote over several paragraphs hands over from its last)
            and bisect_right(index.para_starts, max(last[0].open, last[0].content_end - 1)) - 1 >= span.paragraph - 1
            and not _intervening_person(index, last[0].close_end, span.open, last[1])
            and not _org_spoke_before(text, span, last[0].close_end, index)
        ):
            person = last[1]
        if who is None and person is None and not nobody:
            person = (
                _previous_sentence_speaker(text, span, para_start, index)
                or _colon_paragraph_speaker(text, span, paras, index)
                or _previous_paragraph_speaker(text, span, paras, index)
            )
        if who is None and person is None and last is None and span.closed and not nobody:
            person = _next_sentence_person(text, span, index, nxt.open if nxt else len(text))
        # Short spans (scare quotes) and names of works or products neither make rows nor break a continuation.
        if span.words >= options.min_words and not _is_title(span.statement):
            last = (span, person)
            prev = span
            if person is not None:
                role = person.role or _org_role(person) or _outsider_role(person, doc) or index.title_of(person)
                if role is None and _in_a_note(text, span, sent_start, index):
                    # a research note is an analyst's: so are the person's quotes before it that had no role
                    person.role = role = "analyst"
                    out = [replace(a, role=role) if a.person is person else a for a in out]
                out.append(Attribution(span, person, role or "executive"))
        elif who is not None and person is not None and span.closed and "," in text[span.end : span.close_end + 1]:
            # (a short quote handed to its speaker with a comma, '"It's broad-based," he said', is no row, but the
            # next quote continues its speaker, not the one quoted before it; a scare quote does not: 'signals a
            # "well-capitalized" bank')
            last = (span, person)
    _complete_from_captions(doc, out)
    doc.people = index.people
    doc.attributions = out
    return doc


def _complete_from_captions(doc: ArticleDoc, attributions: list[Attribution]) -> None:
    """A speaker the prose names by surname alone gets the full name a byline-like block above the story gives
    (a photo's caption: "Quillon CEO Jo Fay speaks in Austin. (Photo: ...)", then '"...," Fay said'), when the
    blocks give one full name with that surname only."""
    short = {a.person.name: a.person for a in attributions if len(name_tokens(a.person.name)) == 1}
    if not short:
        return
    full: dict[str, set[str]] = {}
    for b in doc.blocks:
        if b.kind == BlockKind.BYLINE:
            for m in NAME_RE.finditer(doc.text, b.start, b.end):
                toks = name_tokens(m.group(0))
                if len(toks) >= 2 and toks[-1] in short and not _BYLINE_BY.search(doc.text, b.start, m.start()):
                    full.setdefault(toks[-1], set()).add(" ".join(toks))
    for key, names in full.items():
        if len(names) == 1:
            short[key].name = next(iter(names))


# a byline's own name is the writer's, never a speaker's: "By Jo Fay"
_BYLINE_BY = re.compile(r"\bBy\s+$")


# A heading in capitals with a kind of market person and no name ("TRADER", "ONE CREDIT TRADER", "GOLDMAN SACHS
# ANALYSTS", "UNNAMED LONDON-BASED ANALYST"), alone between two quotes.
_NAMELESS_HEADING = re.compile(
    r"[\s.;:]*(?:[A-Z][A-Z&.'’\-]+\s+){0,3}(?:TRADER|ANALYST|DEALER|ECONOMIST|STRATEGIST|BROKER|INVESTOR|MANAGER|"
    r"ADVIS[EO]R)S?[\s:\-]*$"
)
_SECTION_WORDS = {"commentary", "comments", "comment", "reaction", "reactions", "on", "to"}


_HEADING_SUFFIXES = {"inc", "corp", "co", "cos", "ltd", "plc", "llc", "ag", "sa", "nv", "group"}


# An instant view's heading of the reporting company's own officer: an officer's title ("NORTHWIND CHAIRMAN AND CEO"), no
# word of the market's people ("FIXED INCOME MANAGER ..., AND AN OWNER OF NORTHWIND BONDS", "(OWNS NORTHWIND)")
_OFFICER_HEADING = re.compile(
    r"\b(?:chairman|chairwoman|ceo|cfo|coo|president|chief\s+(?:executive|financial|operating)(?:\s+officer)?)\b"
)
_MARKET_HEADING = re.compile(
    r"\b(?:analysts?|strategists?|economists?|managers?|funds?|investors?|investments?|owns?|owners?|portfolio|trader|"
    r"capital|securities|research|partners|advisers|advisors|asset|assets)\b"
)
# words of a company's name that name no company in particular ("Bank" of a bank's name in another bank's "NORDIC BANK")
_GENERIC_NAME_WORDS = {"bank", "group", "corp", "inc", "company", "holdings", "financial", "america", "american"}
_GENERIC_NAME_WORDS |= {"international", "general", "united", "national", "first", "global", "the", "and"}


_NAME_OF_FIRM = re.compile(
    r"(?P<name>(?:[A-Z][A-Z.'’\-]*\s+){1,2}[A-Z][A-Z'’\-]+)\s+(?:OF|AT|WITH|FROM)\s+(?P<firm>[A-Z].*)"
)


# one syllable of a romanised Korean or Chinese given name ("Seung", "ho", "Hyung", "joon"): a hyphenated given name
# of two keeps its second in lower case ("LEE MIN-HEE" is Lee Min-hee; "JEREMY BATSTONE-CARR" is Batstone-Carr)
_SYLLABLE = re.compile(r"(?:[bcdghjkmnprstwy]|ch|sh|ph|kk|tt|pp|ss|jj)?[aeiouwy]{1,3}(?:ng|n|m|k|l|p|t|b|ck)?", re.I)
_WESTERN_JOINED = frozenset({"jean", "marie", "anne", "pierre", "paul", "jose", "juan", "maria", "hans", "karl", "luc"})


def _heading_word(tok: str) -> str:
    """One word of a name an instant view's heading prints in capitals, in the case a name is written in."""
    if re.fullmatch(r"(?:[A-Z]\.)+", tok):
        return tok  # initials
    if tok[:1] == "(":
        return "(" + _heading_word(tok[1:])
    parts = tok.split("-")
    syllables = (
        len(parts) == 2 and parts[0].lower() not in _WESTERN_JOINED and all(_SYLLABLE.fullmatch(p) for p in parts)
    )
    if len(parts) > 1 and not syllables:
        return "-".join(part.capitalize() for part in parts)  # "Heinz-Gerd", "Batstone-Carr"
    return tok.capitalize()


def _headings(doc: ArticleDoc, index: _ArticleIndex) -> list[tuple[int, Person]]:
    """The people of instant-view headings ("QUILLON SAM POE, ANALYST, HARBOR PARTNERS"), each with the
    offset where the heading ends; a company name leading the heading ("QUILLON") is not part of the person's."""
    org_words = {w.lower() for o in doc.orgs for w in re.findall(r"[A-Za-z&]+", o.name)} | {
        w.lower() for w in re.findall(r"[A-Za-z&]+", doc.title) if w[:1].isupper()
    }
    headline_words = {
        w.lower()
        for o in doc.orgs
        if o.in_title and o.kind == OrgKind.COMPANY
        for w in re.findall(r"[A-Za-z&]{3,}", o.name)
        if w.lower() not in _GENERIC_NAME_WORDS
    }
    out = []
    for b in doc.blocks:
        if b.kind != "speaker":
            continue
        # "BRIAN MARSHALL. ANALYST, GLEACHER & CO": a full stop after a name ends it too, not an initial's
        raw = doc.text[b.start : b.end]
        _, colon, tail = raw.rpartition(":")  # "QUILL, HARBOR: JANE ROE, ANALYST, RIDGELINE": the name after the label
        if colon and re.search(r"[A-Z]{2}", tail):
            raw = tail
        parts = [p.strip() for p in re.split(r",|(?<=[A-Z]{2})\.\s", raw)]
        # "JANE ROE OF QUILLON PARTNERS IN BOSTON": the firm after "OF", "AT" or "WITH" is no part of the name
        if of_firm := _NAME_OF_FIRM.fullmatch(parts[0]):
            parts[:1] = [of_firm.group("name"), of_firm.group("firm")]
        if HEADING_TITLE.search(parts[0].rsplit(":", 1)[-1]):
            continue  # a firm or a title where the name should be ("GLOBAL INVESTORS GLOBAL RESOURCES FUND, ...")
        toks = parts[0].rsplit(":", 1)[-1].split()  # a label before the name: "COMMENTARY ON IBM: ANDY MIEDLER"
        while len(toks) > 2 and toks[0].lower() in _SECTION_WORDS:  # "COMMENTARY ON NORTHWIND LABS JO FAY"
            toks.pop(0)
        # (with its suffix, and a name's parts: "MICROSOFT CORP ANDY MIEDLER", "AMAZON.COM INC SCOTT TILGHMAN")
        while (
            len(toks) > 2
            and (
                all(p in org_words for p in re.findall(r"[a-z&]+", toks[0].lower()))
                or toks[0].lower().rstrip(".") in _HEADING_SUFFIXES
            )
            and not re.fullmatch(people._PARTICLE, toks[1].lower())
        ):
            toks.pop(0)
        if len(toks) < 2:
            continue
        name = " ".join(_heading_word(t) for t in toks)
        title = " ".join(parts[1:]).lower()
        # The people an instant view asks for their reaction are market people (analysts, fund managers, a
        # firm's president or chief investment officer), not the reporting company's officers, unless the title
        # names the headline's company or a release ("SAM POE, NORTHWIND CEO, IN A RELEASE").
        role = role_from_title(title)
        own = (
            _OFFICER_HEADING.search(title) is not None
            and _MARKET_HEADING.search(title) is None
            and (bool(set(re.findall(r"[a-z&]+", title)) & headline_words) or re.search(r"\brelease\b", title))
        )
        role = "analyst" if role is None or (role == "executive" and not own) else role
        person = index.people.get(surname(name))
        if person is not None and not _same_person(person.name, name):
            person = None  # "PARK JI-HOON" is not the Park Min-soo named earlier (a family name first)
        person = person or Person(name, b.start, role, title=title)
        if len(parts) > 1:
            person.org = person.org or parts[-1].title()
        index.people.setdefault(surname(name), person)
        out.append((b.end, person))
    return out


def prose(doc: ArticleDoc) -> str:
    """The text with every layout block (subheads, bylines, credits, dateline) blanked out, offsets kept."""
    text = doc.text
    blocks = [*doc.blocks, *([doc.dateline] if doc.dateline else []), *(c for c in doc.codes if not c.in_title)]
    if not blocks:
        return text
    chars = list(text)
    for b in blocks:
        for k in range(b.start, b.end):
            if chars[k] not in "\n":
                chars[k] = " "
    return "".join(chars)


_FUNCTION_WORDS = {"a", "an", "the", "of", "for", "and", "in", "on", "to", "at", "with", "by"}
_FUNCTION_WORDS |= {"&", "-", "–", "--", "—", ":"}  # what joins a title's parts


def _is_title(statement: str) -> bool:
    """A quoted title of a work or product name ("Copilot for Microsoft 365", "Taylor Swift: The Eras Tour"; "Ice
    Age: Dawn of the Dinosaurs." where the sentence ends with it), or a subhead in capitals set in quotation marks:
    every word capitalised, a number, or a short function word, with no question or exclamation."""
    words = statement.split()
    end = statement.rstrip()
    if end[-1:] in "!?" or end.endswith("..") or len(words) > 10:
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _FUNCTION_WORDS for w in words)


# "..., Jo Fay wrote in a note" or a "research note": how the wire quotes brokers' analysts;
# not an executive's note to staff, nor his letter to shareholders
_IN_A_NOTE = re.compile(
    r"\b(?:wrote|writes|said|says|added|noted)\b[^.;\"“”]{0,60}?\bin\s+(?:a|an|their|his|her)\s+"
    r"(?:(?:research|client|morning|weekly)\s+)?note\b(?!\s+(?:to|for)\s+(?:staff|employees|workers|shareholders))"
)


def _in_a_note(text: str, span: Span, sent_start: int, index: _ArticleIndex) -> bool:
    """Is the quote given as written or said in a note: its verb after it, in its sentence and paragraph, or
    before it? (A quote that ends its paragraph has no verb after it: the next paragraph's "Jo Fay wrote in a
    note" is hers.)"""
    para_end = index.paras[max(0, bisect_right(index.para_starts, span.close_end - 1) - 1)][1]
    end = _sentence_end(text, span.close_end, min(len(text), span.close_end + 160, max(para_end, span.close_end)))
    return bool(_IN_A_NOTE.search(text, span.close_end, end) or _IN_A_NOTE.search(text, sent_start, span.open))


def _org_role(person: Person) -> str | None:
    """``analyst`` when the firm a person is "of", "at" or "from" is a broker, research firm or fund by its name
    ("Ridgeline Securities", "Edward Jones", "Harbor Asset Management")."""
    org = person.org
    if org is None:
        m = re.search(r"\b(?:of|at|from)\s+(.+)$", person.title)  # titles are kept in lower case
        org = m.group(1).title() if m else None
    return "analyst" if org and financial_firm(org) else None


def _outsider_role(person: Person, doc: ArticleDoc) -> str | None:
    """``analyst`` for a person given no title but a firm that is not one the headline or the lede reports on
    ("said Harbor Financial's Jo Fay", "Ridgeline Bank's Sam Poe"): the wire's way of naming the
    analysts who comment on a company's results."""
    firm = person.org or person.company_hint
    if person.role is not None or not firm:
        return None
    a, b = doc.lede
    opening = f"{doc.title} {doc.text[a:b]}"
    words = [w for w in re.findall(r"[A-Z][\w&'’\-]{2,}", firm) if w not in people.NOT_NAME_WORDS]
    if not words or any(re.search(rf"\b{re.escape(w)}\b", opening) for w in words):
        return None
    return "analyst"
