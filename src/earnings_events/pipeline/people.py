"""Person names, titles and roles in article text (used by extract).

A *mention* is a place where a person is named (``Tim Cook``, ``Cook``,
``Lord Catto``) or referred to (``he``). Per article, surnames and pronouns
resolve to the fullest name the article gives.
"""

from __future__ import annotations

import re

# One capitalised name token: Cook, O'Reilly, McDonald, Jean-Pierre, initials J. / J.F. ("Jr." is a suffix); never
# the end of a code or an abbreviation ("S." of "I/B/E/S. Colin Gillis", "T." of ".IELEC.T. Mitsushige Akino") or of
# a word in capitals ("P" of "BNP Paribas", "N" of "NWSa.N Rupert Murdoch") nor the start of a longer word ("Mc" of
# "McGranahan" when the first alternative stops there)
# (letters with accents too, as the web prints them: "Bjørn Gulden", "François-Xavier Roger", "Ángel Cano", and
# those of Latin Extended-A and -B, "Ōkubo Rie", "Łukasz Nowak", "Şule Demir")
_EXTENDED = [chr(c) for c in range(0x100, 0x250)]
_UP = "A-ZÀ-ÖØ-Þ" + "".join(c for c in _EXTENDED if c.isupper())
_LO = "a-zß-öø-ÿ" + "".join(c for c in _EXTENDED if c.islower())
_TOK = (
    rf"(?<![A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ/.])(?!(?:Jr|Sr)\b)(?:[{_UP}][{_LO}]+(?:(?:['’](?![sS]\b)|\-)[{_UP}]?[{_LO}]+)*|"
    rf"[{_UP}]['’][{_UP}][{_LO}]+(?:\-[{_UP}][{_LO}]+)?|"  # "O'Neal", "D'Amelio": one capital, an apostrophe, a name
    rf"[{_UP}][{_LO}]*[{_UP}][{_LO}]+|(?:[A-Z]\.){{1,3}}|[A-Z](?=\s[{_UP}][{_LO}]))(?![A-Za-zÀ-ÖØ-öø-ÿĀ-ɏ])"
)
_PARTICLE = r"(?:de|del|della|der|den|van|von|da|di|du|le|la|bin|al|dos|das|ten|ter)"
_SUFFIX = r"(?:Jr\.?|Sr\.?|II|III|IV)"
# a nickname in quotation marks between the names: Myron "Mike" Ullman (part of the fullest name)
_NICK = r"[\"“][A-Z][a-z]+[\"”]"
# an Arabic article joined to the family name: Majid al-Gurair, Akbar al-Baker
JOINED = r"(?:(?:al|el)[\-‐])?"
NAME = rf"(?:{_TOK}(?:\s+(?:{_PARTICLE}\s+)*{JOINED}{_TOK}|\s+{_NICK}(?=\s+[A-Z]))*(?:,?\s+{_SUFFIX})?)"
NAME_RE = re.compile(NAME)

HONORIFICS_DROPPED = (
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Rep.",
    "Sen.",
    "Gov.",
    "Gen.",
    "Adm.",
    "Lt.",
    "Col.",
    "Capt.",
    "Rev.",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Prof",
)
HONORIFICS_KEPT = ("Lord", "Lady", "Sir", "Dame", "Baroness", "Baron")

EXEC_TITLES = (
    "chief executive",
    "chief financial",
    "chief operating",
    "chief technology",
    "chief",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "cio",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "vice president",
    "vp",
    "director",
    "managing director",
    "treasurer",
    "controller",
    "officer",
    "executive",
    "founder",
    "co-founder",
    "general manager",
    "head of",
    "board member",
    "secretary",
    "partner",
    "manager",
)
ANALYST_TITLES = (
    "analyst",
    "strategist",
    "portfolio manager",
    "fund manager",
    "money manager",
    "investor",
    "economist",
    "shareholder",
    "research",
    "trader",
    "equities",  # "head of U.S. equities at Hargreaves Lansdown"
    "investment officer",  # "chief investment officer": before the executive titles, "chief" would win
)
OTHER_TITLES = (
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "official",
    "regulator",
    "professor",
    "lecturer",
    "consultant",
    "publisher",  # of a trade newsletter ("Beverage Digest publisher John Sicher")
    "editor",
    "host",  # a TV programme's ("host Jo Fay said as she opened the interview"), "co-host"
    "co-host",
    "anchor",  # a news programme's, as "host"; "co-anchor"
    "co-anchor",
    "presenter",
    "correspondent",
    "interviewer",
    "anchor",
    "columnist",
    "journalist",
    "attorney",
    "lawyer",
    "union leader",  # not bare "union": "General Mining Union Corp chairman"
    "union official",
    "union president",
    "union chief",
    "union head",
    "senator",
    "democrat",
    "republican",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "representative",
    "rep",
    "sen",
    "governor",
    "majority leader",
    "minority leader",
    "house speaker",
    "prime minister",
    "treasury secretary",
    "secretary of",
    "commissioner",
    "mayor",
    "president of the united states",
)
# Capitalised words that open a sentence or clause before a name ("On Tuesday Apple ...", "Analysts
# at ..."): neither a person's nor a company's name starts with them.
SENTENCE_STARTERS = frozenset(
    {
        "A",
        "An",
        "Analysts",
        "And",
        "As",
        "At",
        "But",
        "For",
        "Friday",
        "In",
        "Investors",
        "Its",
        "Meanwhile",
        "Monday",
        "On",
        "Saturday",
        "Shares",
        "Sunday",
        "The",
        "Thursday",
        "Tuesday",
        "Unit",
        "Wednesday",
        # conjunctions and adverbs that open a clause: "While Apple said ...", "Separately, Dell ..."
        "While",
        "Although",
        "Though",
        "Whereas",
        "When",
        "If",
        "Because",
        "Since",
        "After",
        "Before",
        "Unlike",
        "Despite",
        "However",
        "Separately",
        "Still",
        "Yet",
        # adverbs that open a sentence before its subject: "Even Ackman, who ..., said"
        "Even",
        "Also",
        "Indeed",
        "Instead",
        "Likewise",
        "Similarly",
        "Moreover",
    }
)
# Words that look like names but are titles, organisations or sentence starters.
NOT_NAME_WORDS = SENTENCE_STARTERS | {
    # a public office before the name ("House Majority Leader Steny Hoyer", "Treasury Secretary Timothy Geithner")
    "Leader",
    "Majority",
    "Minority",
    "Senator",
    "Representative",
    "Speaker",
    "Ambassador",
    "Congressman",
    "Congresswoman",
    "Governor",
    "Secretary",
    "Minister",
    "Treasury",
    "Commissioner",
    "Chancellor",
    "Mayor",
    "Premier",
    "Prime",
    "Senate",
    "Or",
    "It",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "Our",
    "His",
    "Her",
    "Chief",
    "Chair",
    "Co-Chief",
    "Executive",
    "Officer",
    "Financial",
    "Operating",
    "Chairman",
    "Chairwoman",
    "President",
    "Vice",
    "Senior",
    "Director",
    "Managing",
    "Analyst",
    "Company",
    "Corp",
    "Corporation",
    "Inc",
    "Co",
    "Ltd",
    "Group",
    "Reuters",
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
    "CEO",
    "CFO",
    "COO",
    "CTO",
    "Treasurer",
    "Controller",
    "Founder",
    "Co-founder",
    "Co-Founder",
    "Cofounder",
    "Democrat",
    "Republican",
    "Postmaster",
    "Head",
    "Street",
    "Wall",
    "Securities",
    "Capital",
    "Research",
    "Partners",
    "Management",
    "Investments",
    "Associates",
    "Strategist",
    "Economist",
    "Portfolio",
    "Manager",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "General",
    "Deputy",
    "Acting",
    "Interim",
    "Former",
    "Then",
    "Sales",
    "Revenue",
    "Earnings",
    "Net",
    "Profit",
    "Results",
    "Us",  # Toys "R" Us
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Lord",
    "Sir",
    "Lady",
    "Dame",
    "Asked",
    "Speaking",
    "According",
    "Still",
    "Also",
    "However",
    "Now",
    "Last",
    "Next",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Officials",
    "Executives",
    "Board",
    "Division",
    "Division's",
}


_FIRM_POSSESSIVE = re.compile(r"^(?:[\w&.\-]+\s+){0,4}[\w&.\-]+['’]s?\s+(?=[A-Z][\w.'’\-]+\s+[A-Z])")


def clean_name(raw: str) -> str:
    """A name without dropped honorifics, with white space folded."""
    name = " ".join(raw.split())
    # A firm's possessive glued before the name ("Goldman Sachs' Anthony Noto", "RBC Capital's Stephen Ju").
    name = _FIRM_POSSESSIVE.sub("", name)
    name = re.sub(r"^(?:[\w.]+-elect\s+)+", "", name)  # "CEO-elect Hikmet Ersek": a title, not a name
    for h in HONORIFICS_DROPPED:
        if name.startswith(h + " "):
            name = name[len(h) + 1 :]
    return re.sub(r"['’]s?$", "", name.rstrip(","))  # "Marissa Mayer's" is Marissa Mayer


_SUFFIX_RE = re.compile(_SUFFIX)
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")


def name_tokens(name: str) -> list[str]:
    return [t for t in name.replace(",", " ").split() if not _SUFFIX_RE.fullmatch(t)]


# a Korean or Chinese given name in its romanised, hyphenated form ("Young-soo", "Chung-mou"): the family name
# comes first ("Kwon Young-soo" is "Kwon" on second mention)
EAST_ASIAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
_JOINED_START = re.compile(rf"^{JOINED}(?=[A-Z])")


def surname(name: str) -> str:
    toks = [t for t in name_tokens(name) if not _INITIALS_RE.fullmatch(t)]
    if len(toks) == 2 and EAST_ASIAN_GIVEN.fullmatch(toks[1]):
        return toks[0]
    # (the article joined to a family name is dropped on second mention: "al-Baker" is "Baker")
    return _JOINED_START.sub("", toks[-1]) if toks else name


# what a relative clause says an investor or an analyst does: "who helps manage $12 billion at PNC Capital
# Advisors", "who oversees $800 million including Berkshire stock", "who follows brokers for Sanford Bernstein"
_MANAGES_MONEY = re.compile(
    r"\b(?:helps?\s+(?:to\s+)?)?(?:manages?|managing|oversees?|overseeing|runs|invests?)\s+(?:about\s+|some\s+|"
    r"roughly\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?(?:US)?[$€£]\s?\d",
    re.I,
)
_COVERS = re.compile(r" (?:follows|covers|tracks|rates) (?:the )?(?:[a-z\-]+ ){1,3}(?:for|at) ")


def role_from_title(title: str) -> str | None:
    """``executive``, ``analyst`` or ``other`` from a title phrase, or None when it names no role."""
    t = " " + " ".join(re.sub(r"[^a-z\- ]+", " ", title.lower()).split()) + " "  # ("fund  manager" is one title)
    t = t.replace(" investor relations ", " relations ")  # an executive function, not an investor
    # "analyst at", not "told analysts": an audience is not a title
    if any(f" {w} " in t or f" {w}-" in t for w in ANALYST_TITLES):
        return "analyst"
    if _MANAGES_MONEY.search(title) or _COVERS.search(t):
        return "analyst"  # "who helps manage $12 billion at ...", "who follows brokers for Sanford Bernstein"
    if any(f" {w} " in t or f" {w}s " in t for w in OTHER_TITLES):
        return "other"
    if any(f" {w} " in t or f" {w}-" in t for w in EXEC_TITLES):
        return "executive"
    return None
