"""Component 1, layout: paragraphs, sentences, the dateline and the blocks that are not prose.

Three layouts are common. Wire copy of the 1980s is hard-wrapped at ~70 columns, a paragraph opening with
an indented line. Wire copy of the 2000s (the Ding et al. corpus) has a lede paragraph, then the body as one
long paragraph, subheads in capitals inline ("... Senatore said. PROFIT TOPS STREET McDonald's global
sales ..."). Web text has one paragraph a line, summary bullets and a "(Reuters) -" dateline. The layout
stage finds, as offsets into the text: paragraphs, sentences, the dateline, and blocks that are layout
rather than prose (subheads, bylines, credit lines, instant-view speaker and company headings), which the
later stages never take for a name, a company or a statement.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import ArticleDoc, Block, BlockKind, Sentence
from .rx import absent, compiled

# A paragraph starts after a blank line, or after a line break followed by indentation (wire layout).
_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*|\n[ \t]{2,}|\n\t")
_LINE_BREAK = re.compile(r"[ \t]*\n\s*")
_MID_OR_END = re.compile(r"(\S)[ \t]*\n(?=[ \t]*\S)")  # a line break and the last character before it
_AGENCIES = (
    r"Reuters(?:\s+Breakingviews)?|IFR|AP|AFP|Bloomberg|Dow\s+Jones|Market\s?Watch|CNBC|"
    r"Business\s+Wire|BUSINESS\s+WIRE|PRNewswire|PR\s+Newswire|GLOBE\s+NEWSWIRE|Globe\s+Newswire|Marketwired"
)
# "NEW YORK (Reuters) -", "CHARLOTTE, North Carolina  (Reuters) -", "LONDON, Jan 23 (Reuters) -",
# "Jan 4 (Reuters) -", "SAN JOSE, Calif., Jan. 25, 2018 /PRNewswire/ --"
_DATELINE = re.compile(
    r"(?P<place>(?:[A-Z][A-Za-z.'’\-]*\.?(?:[ ,]+|$)){0,6}?)"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?\s*)?"
    rf"(?:\((?:{_AGENCIES})\)|/\s*(?:{_AGENCIES})\s*/)\s*(?:[-—–]+|:)\s*"
)
# A newspaper's dateline: a place in capitals at a line's start, its state or country after a comma, then a dash
# ("BENTONVILLE, Ark. — Walmart Inc. said", "VEVEY, Switzerland – Nestlé raised")
# (a date may follow: "NEW YORK, Dec 10 — Target Corp."; a spaced hyphen may stand for the dash: "AMSTERDAM - Royal
# Philips", the place in capitals then)
_PAPER_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’\-]{2,}(?:\s+[A-Z][A-Z.'’\-]+){0,3}"
    r"(?:,\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)(?:[A-Z][\w.'’\-]*\s?){1,3})?)"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"(?:[ \t]*(?:—|–|--)|[ \t]+-)[ \t]*(?=[A-Z0-9\"“])"
)
OPENING_CHARS = 1000  # the opening scope reads: headline, dateline, first sentences
# Lines before the dateline: a correction note, a byline, summary bullets.
_PRE_DATELINE_MAX = 900
# Credit lines and notes: "(Reporting by ...)", "(Additional reporting ...)", "(Editing by ...)", "Keywords:".
_CREDIT = re.compile(
    r"\((?:[Aa]dditional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Ee]dited|[Cc]ompiled|[Rr]esearch)\b[^()]*(?:\([^()]*\)[^()]*)*\)"
    r"|\(\([^()]*\)\)"
    r"|\((?:[Cc]orrects|[Aa]dds|[Uu]pdates|[Rr]efiles|[Rr]epeats|[Rr]ecasts|[Ee]xpands)\b[^()]*\)"
    r"|\b(?:Keywords|Reuters\s+[Mm]essaging|Our\s+Standards):[^\n]*"
    r"|\n\s*(?:Reporting|Editing|Additional\s+reporting)\s+by\b[^\n]*"
    r"|\n\s*Reuter\s*$"
)
# Web-crawl furniture at the top of a page: "January 23, 2018 / 9:11 AM / Updated 11 minutes ago <headline>
# <author> 3 Min Read", "5 Hours Ago | 03:07", a photo credit "Mark Ralston | AFP | Getty Images".
_WEB_PREAMBLE = re.compile(
    r"\A\s*(?:"
    r"(?:[A-Z][a-z]+\s+\d{1,2},\s+\d{4}\s*/\s*\d{1,2}:\d{2}\s*[AP]M\s*/\s*Updated[^\n]*)"
    r"|(?:\d+\s+(?:Hours?|Mins?|Minutes?|Days?)\s+Ago\s*\|\s*\d{1,2}:\d{2})"
    r"|(?:[^\n|]{2,60}\|\s*(?:AFP|Reuters|AP|Bloomberg|CNBC)?[^\n|]{0,40}\|?\s*Getty\s+Images)"
    r")[ \t]*"
)
_BYLINE = re.compile(r"\A\s*By\s+[A-Z][\w.'’\-]*(?:\s+(?:and\s+)?[A-Z][\w.'’\-]*){0,7}(?=\s)")
# An ALL-CAPS token: "PROFIT", "U.S.", "AT&T", "Q3", "3M", "10-K"; a run of them is a subhead.
# "&": "HOLLAND & CO"; "(HANK)": a nickname, "(OWNS CISCO IN A GROWTH FUND)": a remark; "$15": "WHICH MANAGES $15 BILLION"; "vFINANCE"
# "at": a connector left in lower case between capitals ("ANALYST at JMP SECURITIES")
_CAP_TOKEN = (
    r"(?:[A-Z0-9][A-Z0-9&.'’/\-]*[A-Z]|[A-Z]|&|\([A-Z][A-Z.'’\- ]*\)|\$?\d+(?:[.,/]\d+)*%?|[a-z][A-Z]{2}[A-Z&'’\-]*"
    r"|(?:at|of|with|for)(?=\s[A-Z0-9][A-Z0-9&.'’\-]*[A-Z]))"
)
# a run starts at a word of three capitals or more (most capitalised words are not in capitals: a cheap start), or
# at a word of one or two letters before one ("ED SNYDER, ANALYST", "A YEAR TO FORGET", "NO QUICK FIX"); ". "
# joins a heading's name to its title ("BRIAN MARSHALL. ANALYST, GLEACHER & CO") and follows an abbreviation
# ("CO-MANAGER, U.S. GLOBAL INVESTORS")
_CAPS_RUN = re.compile(
    rf"(?<![\w.&'’\-])(?:[A-Z]{{1,2}}\s(?=[A-Z]{{3}}))?[A-Z0-9][A-Z0-9&.'’/\-]*[A-Z]{{2}}[A-Z0-9&.'’/\-]*"
    rf"(?:(?:[ ,:;]+|\.\s(?=[A-Z]{{2}}[A-Z&'’\-]*,)|(?<=\.[A-Z])\.\s)(?:{_CAP_TOKEN}))*"
)
_SENT_END = re.compile(r"[.!?][\"”’')\]]*(?=\s)")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Co|Cos|Inc|Corp|Ltd|Jr|Sr|No|Nos|vs|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Gov|"
    r"Jan|Feb|Mar|Apr|Aug|Sep|Sept|Oct|Nov|Dec|Ave|Blvd|Dept|Fig|approx|est|Bros|Mt|Ft|etc|al)"
    # (an initial, but not a printed code's one-letter venue: "Goodrich Corp GR.N. Rockwell ..." ends a sentence)
    r"|(?<![/\w])(?<![A-Z]{2}\.)[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:a\.m|p\.m|U\.S|U\.K|U\.N|E\.U))\.$"
)
# An instant-view speaker heading: "PATRICK WANG, ANALYST, EVERCORE PARTNERS" / "BEN SCHACHTER, MACQUARIE".
HEADING_TITLE = re.compile(
    r"\b(?:ANALYST|ECONOMIST|STRATEGIST|PORTFOLIO\s+MANAGER|FUND\s+MANAGER|MANAGING\s+DIRECTOR|PARTNER|"
    r"PRESIDENT|CHIEF|CEO|CFO|DIRECTOR|HEAD|TRADER|BROKER|MANAGER|OFFICER|INVESTOR|FUND|CHAIRMAN|FOUNDER|PRINCIPAL|"
    r"VICE|SENIOR|RESEARCH|"
    r"SECURITIES|CAPITAL|PARTNERS|GROUP|ADVISORS|ADVISERS|MANAGEMENT|INVESTMENTS|ASSOCIATES|BANK|MARKETS)\b"
)


def annotate(doc: ArticleDoc, end: int | None = None) -> ArticleDoc:
    """Add ``paragraphs`` and the ``dateline`` (on the first call), and ``blocks`` and ``sentences`` up to
    ``end`` (default: the whole text), continuing from where an earlier call stopped."""
    text = doc.text
    end = len(text) if end is None else end
    start = doc.analysed
    if start == 0:
        doc.paragraphs = paragraphs(text)
        doc.dateline, pre = _dateline(text, doc.title)
        if doc.dateline is None and not hard_wrapped(text):
            top = _page_top_end(text, doc.paragraphs)
            if top > max((b.end for b in pre), default=0):
                pre = [Block(0, top, BlockKind.BYLINE)]
        doc.blocks = list(pre)
    if end <= start:
        return doc
    doc.analysed = end
    blocks = [Block(m.start(), m.end(), BlockKind.CREDIT) for m in _CREDIT.finditer(text, start, end)]
    floor = max(start, doc.dateline.end if doc.dateline else 0)
    blocks += _caps_blocks(text, floor, end)
    if not hard_wrapped(text):
        blocks += _line_subheads(text, doc.paragraphs, floor, end)
    blocks.sort(key=lambda b: (b.start, -b.end))
    doc.blocks = _non_overlapping([*doc.blocks, *blocks])
    doc.sentences += sentences(text, doc.paragraphs, doc.blocks, start, end)
    return doc


def opening_end(text: str, chars: int = OPENING_CHARS) -> int:
    """Where an article's opening ends: the first sentence end after ``chars`` characters (all of a short
    text). The scope stage reads no further."""
    if len(text) <= chars + 200:
        return len(text)
    for m in _SENT_END.finditer(text, chars):
        if not _ABBREV.search(text[max(0, m.start() - 12) : m.start() + 1]):
            return m.end()
    return len(text)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph. Text that is not hard-wrapped (web text, one paragraph a line) breaks
    at every line; hard-wrapped wire text at blank lines and indented lines only."""
    rx = _PARA_BREAK if hard_wrapped(text) else _LINE_BREAK
    out, pos = [], 0
    for m in rx.finditer(text):
        if text[pos : m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out or [(0, len(text))]


@lru_cache(maxsize=32)
def hard_wrapped(text: str) -> bool:
    """Wire copy broken into lines of ~70 characters: most line breaks (of its first 3,000 characters) fall
    inside a sentence. (Cached: the layout and mentions stages each ask of the same text, several times.)"""
    breaks = list(_MID_OR_END.finditer(text, 0, 3000))
    if len(breaks) < min(len(text), 3000) / 400:
        # (wrapped copy breaks every 70 characters or so, a few lost; a web page's short list between blank
        # lines, "Revenue: $90.1 billion vs. $88.9 billion expected", is no wrap)
        return False
    # (a short line before a capital is no wrap, whatever it ends with: a web page's heading, a live blog's
    # "12:05 p.m. ET")
    mid = sum(
        1
        for m in breaks
        if m.group(1) not in '.!?"”:'
        and (text[m.end() : m.end() + 12].lstrip()[:1].islower() or m.start() - text.rfind("\n", 0, m.start()) > 40)
    )
    return mid >= 0.4 * len(breaks)


def _dateline(text: str, title: str = "") -> tuple[Block | None, list[Block]]:
    """The dateline near the top, and the blocks before it (correction notes, bylines, summary bullets, web
    furniture, the headline a web page repeats over the story)."""
    web = _WEB_PREAMBLE.match(text)
    head = text[:_PRE_DATELINE_MAX]
    for m in [*_DATELINE.finditer(head), *_PAPER_DATELINE.finditer(head)]:
        start = m.start("place") if m.group("place") else m.start()
        # the place is in capitals or a short run of capitalised words, right after a line start or a block
        before = text[:start]
        if before.strip() and not _only_preamble(before, title):
            continue
        pre = [Block(0, start, BlockKind.BYLINE)] if before.strip() else []
        return Block(start, m.end(), BlockKind.DATELINE), pre
    if web:
        return None, [Block(0, web.end(), BlockKind.BYLINE)]
    m = _WEB_TOP.match(text) or _BYLINE.match(text)
    return None, ([Block(m.start(), m.end(), BlockKind.BYLINE)] if m else [])


# A web page's top with no dateline: the headline repeated over a byline line ("By Jo Fay, Staff reporter"), and
# a date line under it ("Jan. 31, 2024", "31 January 2024 | 10:42 am")
_WEB_TOP = re.compile(
    r"\A(?:[ \t]*[^\n.!?]{5,150}\n(?=[ \t]*By\s+[A-Z]))?[ \t]*By\s+[A-Z][^\n]{0,100}"
    r"(?:\n[ \t]*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})[^\n.!?]{0,40}(?=\n))?"
)


# the lines a web page puts over its story ("Semiconductors", the headline repeated, "Jo Fay · February 5, 2025",
# "Key points:" and its bullets): the first paragraph of prose is one that ends a sentence, or a long one
_PROSE_END = re.compile(r"[.!?\"”’)]\s*$")
_BULLET = re.compile(r"\s*[*•▪\-–]\s")
_SEPARATOR = re.compile(r"\s[|·•]\s")  # "Jan 5, 2025 | Source: Quillon Inc."
_PAGE_TOP_LINES = 8


# a photo's caption ends in its credit: "(Photo by Jo Fay/Getty Images)", "(AP Photo/Jo Fay)", "REUTERS/Jo Fay",
# "Image: Quillon"
_PHOTO_CREDIT = re.compile(
    r"(?:\((?:[A-Z]{2,}\s+)?Photos?\b[^()\n]*\)|\bGetty\s+Images\)?|\bREUTERS/[^\n]*|\b(?:Photo(?:graph)?|Image|Picture|Credit):\s[^\n]*)\s*$"
)
_BYLINE_LINE = re.compile(r"[ \t]*By\s+[A-Z]")


def _page_top_end(text: str, paras: list[tuple[int, int]]) -> int:
    """Where the prose starts on a web page with no dateline: after the lines of page furniture above it (none
    when no paragraph of the first few is prose). A photo's caption is furniture, and so is a standfirst: a
    sentence with a byline in one of the two lines under it."""
    top = paras[:_PAGE_TOP_LINES]
    for k, (a, b) in enumerate(top):
        line = text[a:b]
        words = len(line.split())
        furniture = _BULLET.match(line) or _SEPARATOR.search(line) or _PHOTO_CREDIT.search(line)
        furniture = furniture or any(_BYLINE_LINE.match(text, c) for c, _ in top[k + 1 : k + 3])
        if not furniture and words >= 5 and (_PROSE_END.search(line) or words >= 20):
            return a
    return 0


def _only_preamble(before: str, title: str = "") -> bool:
    """Text before a dateline that is a byline, a note in brackets, summary bullets, web furniture or the headline
    repeated, not prose."""
    web = _WEB_PREAMBLE.match(before)
    rest = before[web.end() :] if web else before
    if title.strip() and rest.lstrip().startswith(title.strip()):
        rest = rest.lstrip()[len(title.strip()) :]
    rest = re.sub(r"\([^()]*\)", " ", rest)
    rest = re.sub(r"(?m)^\s*[*•\-]\s.*$", " ", rest)
    rest = re.sub(r"(?m)^[ \t]*[A-Z][^\n.!?:;\"“”/]{0,30}\n", " ", rest)  # a page's "Key takeaways" line over bullets
    rest = re.sub(r"(?m)^[^\n]*\s[|·•]\s[^\n]*$", " ", rest)  # "Listen to this article · 5 min", "Jo Fay | Reuters"
    rest = re.sub(r"\bBy\s+[A-Z][\w.'’\-]*(?:\s+(?:and\s+)?[A-Z][\w.'’\-]*){0,7}", " ", rest)
    return not rest.strip()


# A label an instant-view page puts before a heading at a line start or after a sentence ("Commentary: JANE ROE").
_HEADING_LABEL = re.compile(r"(?:^|\n|[.!?\"”]\s)\s*(?:Comments?|Commentary|Reaction|Quotes?):\s+$")


def _caps_blocks(text: str, floor: int, end: int) -> list[Block]:
    """Runs of capitals that are layout: section subheads and instant-view headings.

    A run counts when it holds two words or more of three letters or more (or one such word standing on its
    own line), starts a line or follows a sentence end, and is followed by a sentence that starts or by a
    quotation. Known short forms (U.S., AT&T, IBM) alone are not subheads."""
    out: list[Block] = []
    for m in _CAPS_RUN.finditer(text, floor, end):
        run = m.group(0).rstrip(" ,:;")
        if _PRINTED_CODE.search(text, m.start(), m.end() + 16):
            continue  # "UBS (UBSG.SW)" over a round-up's section: a company with its code, not a subhead
        words = [w for w in re.findall(r"[A-Z][A-Z&'’\-]{2,}", run)]
        start, end = m.start(), m.start() + len(run)
        if text[end : end + 1] == "?" and len(words) >= 2:  # a subhead that asks: "WHAT COMES NEXT?"
            run, end = run + "?", end + 1
        ini = _INITIALS_BEFORE.search(text, max(floor, start - 12), start)
        if ini and (
            _line_start(text, ini.start()) or _AFTER_SENTENCE.search(text, max(0, ini.start() - 4), ini.start())
        ):
            start, run = ini.start(), text[ini.start() : end]  # "J.R. ROE, ANALYST": the initials open the name
        # (a colon may end the line: "JANE ROE, STRATEGIST, HARBOR BANK, NEW YORK:" over the quotation's paragraph)
        line_alone = _line_start(text, start) and _line_end(text, end + (text[end : end + 1] == ":"))
        # a one-word subhead that lost its line break is echoed by the sentence after it ("NORTHWIND Northwind,
        # based in Ohio too, said ...", "QUILLON At Quillon, sales rose")
        w_end = start + len(words[0]) if len(words) == 1 and run.startswith(words[0]) else -1
        after = text[w_end : w_end + len(words[0]) + 12] if w_end > 0 else ""
        echoed = (
            w_end > 0
            and not absent(words[0].title(), after)
            and compiled(rf"\s+(?:(?:At|For|In|As\s+for)\s+)?{re.escape(words[0].title())}\b").match(after)
        )
        if len(words) < 2 and not (line_alone and words) and not echoed:
            continue
        if not (
            _line_start(text, start)
            # ":": "reaction from analysts: JANE ROE"; "<", ">": markup left in the text
            or _AFTER_SENTENCE.search(text, max(0, start - 4), start)
            or _SEPARATOR_BEFORE.search(text[max(0, start - 12) : start])
            or _HEADING_LABEL.search(text, max(0, start - 40), start)
        ):
            continue
        if echoed:
            out.append(Block(start, w_end, BlockKind.SUBHEAD))
            continue
        # a heading's last word may be the first word of the sentence ("... STREET McDonald's"): the run ends
        # where lower case begins, and the capital of the next word is not part of it
        if text[end : end + 1].isalpha():
            cut = run.rfind(" ")
            if cut <= 0:
                continue
            run, end = run[:cut].rstrip(" ,"), start + len(run[:cut].rstrip(" ,"))
            if len(re.findall(r"[A-Z][A-Z&'’\-]{2,}", run)) < 2:
                continue
        nxt = text[end : end + 4].lstrip(" .:,;")  # "JEFFERIES & CO. \"...", "NEW YORK: \"...", "ALBANY, NY; \"..."
        if nxt[:1].islower() and not line_alone and len(words) >= 3 and run.endswith(words[-1]):
            # the sentence's first word is a name in capitals that the copy runs on from the subhead ("STRONG
            # CHIPS LIFT QUILLON QUILLON beat forecasts"): the run ends before it
            cut = run.rfind(" ")
            run, end = run[:cut].rstrip(" ,"), start + len(run[:cut].rstrip(" ,"))
            nxt = words[-1]
        if not (line_alone or nxt[:1].isupper() or nxt[:1] in '"“' or nxt[:1].isdigit()):
            # a name in capitals whose title and firm go on in mixed case up to a colon and the quotation:
            # 'JANE ROE, senior analyst, Quillon Partners, Boston: "...'
            tail = _MIXED_TAIL.match(text, end)
            if tail and len(words) in (2, 3) and "," not in run and HEADING_TITLE.search(tail.group("body").upper()):
                out.append(Block(start, tail.end("body"), BlockKind.SPEAKER))
            continue
        kind = BlockKind.SPEAKER if "," in run and HEADING_TITLE.search(run) else BlockKind.SUBHEAD
        if kind == BlockKind.SUBHEAD and "," in run and _looks_like_name_heading(run, text, end):
            kind = BlockKind.SPEAKER
        if kind == BlockKind.SPEAKER and (label := _COMPANY_LABEL.search(text, max(floor, start - 60), start)):
            out.append(Block(label.start("name"), label.end("name"), BlockKind.COMPANY))
        out.append(Block(start, end, kind))
    return out


# A web page's section heading in mixed case, a line of its own between two paragraphs of prose ("What Management
# Said", "Q&A Highlights", "Bottom Line"): a few words, no closing punctuation, its content words capitalised.
_SMALL_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs", "with"]
)
_HEADING_LINE = re.compile(r"[A-Z0-9][^\n.!?:;,\"“”«»()*|]{1,60}")


def _line_subheads(text: str, paras: list[tuple[int, int]], floor: int, end: int) -> list[Block]:
    """Lines of web text that are section headings in mixed case: a paragraph of one to eight words, no
    punctuation, each word but the small ones capitalised, after a paragraph that ends a sentence and before one
    that starts with a capital or a quotation mark."""
    out: list[Block] = []
    for i in range(1, len(paras) - 1):
        a, b = paras[i]
        if not floor <= a < end:
            continue
        line = text[a:b].rstrip()
        words = line.split()
        before = text[paras[i - 1][0] : paras[i - 1][1]].rstrip()
        after = text[paras[i + 1][0] : paras[i + 1][0] + 1]
        between = bool(_PROSE_END.search(before)) and (after.isupper() or after in "\"“‘'")
        # a round-up's section "Southwest: Boeing sets the schedule": the company's label, then the theme
        if between and len(words) <= 10 and (labelled := _LABELLED_LINE.fullmatch(line)):
            out.append(Block(a, a + labelled.end("label"), BlockKind.COMPANY))
            out.append(Block(a + labelled.start("theme"), a + len(line), BlockKind.SUBHEAD))
            continue
        # (one word too, a round-up's company section: "Citigroup"; not an initialism or a stray short word)
        one = len(words) == 1 and len(line) >= 4 and any(c.islower() for c in line)
        if not ((one or 2 <= len(words) <= 8) and _HEADING_LINE.fullmatch(line)):
            continue
        if not all(w[:1].isupper() or w[:1].isdigit() or w in _SMALL_WORDS for w in words):
            continue
        if between:
            out.append(Block(a, a + len(line), BlockKind.SUBHEAD))
    return out


_LABELLED_LINE = re.compile(
    r"(?P<label>[A-Z][\w&'’.\-]*(?:\s+[A-Z][\w&'’.\-]*){0,2}):\s+(?P<theme>[A-Za-z0-9][^\n.!?:;\"“”]{2,70})"
)


_PRINTED_CODE = re.compile(r"\(\s*(?:[A-Z0-9]{1,6}\.[A-Z]{1,3}|(?:NYSE|NASDAQ|Nasdaq|TSX|LSE|ASX):\s?[A-Z.]{1,6})\s*\)")
# a separator left of a line break the copy lost ('... economy." - - - - FUJIO ANDO, SENIOR ...'), or a rule of
# dashes or stars ('... expected." ------- COMMENTARY ON QUILLON: JANE ROE, ANALYST')
_SEPARATOR_BEFORE = re.compile(r"(?:(?:^|\s)(?:-\s+){3,}|[-*=_]{3,}\s+)$")
_INITIALS_BEFORE = re.compile(r"(?<!\S)(?:[A-Z]\.\s?){1,3}\s*$")
_AFTER_SENTENCE = re.compile(r"(?:[.!?:\"”’)<>]|[.!?]')\s+$")  # (".' JANE ROE": a single mark closing a quote)
_MIXED_TAIL = re.compile(r",\s+(?P<body>[a-z][^\"“”\n:]{2,120}?)\s*:\s*[\"“]")


# An instant view's company label before a speaker's heading: "Commentary: Amazon: DAN GEIMAN, ANALYST, ...",
# '..." Microsoft: SID PARAKH, ANALYST, ...'
_COMPANY_LABEL = re.compile(
    r"(?:^|\n|[.!?:\"”]\s+)(?P<name>(?!(?:Comments?|Commentary|Reaction|Quotes?)\b)[A-Z][\w&'’.\-]*"
    r"(?:\s+[A-Z][\w&'’.\-]*){0,2}):\s+$"
)


def _looks_like_name_heading(run: str, text: str, end: int) -> bool:
    """ "BEN SCHACHTER, MACQUARIE RESEARCH" followed by a quotation (the firm's name may go on in mixed case:
    "JANE ROE, QRX Insight: "...", or a colon end the heading: "JANE ROE, QRX: "..."): a speaker heading."""
    return bool(
        re.match(r"\s*(?::\s*)?(?:[A-Z][\w&.'’\-]*\s+){0,3}?(?:[A-Z][\w&.'’\-]*:\s*)?[\"“]", text[end : end + 60])
    ) and len(run.split(",")[0].split()) in (2, 3)


def _line_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def _line_end(text: str, pos: int) -> bool:
    j = pos
    while j < len(text) and text[j] in " \t":
        j += 1
    return j >= len(text) or text[j] == "\n"


def _non_overlapping(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        if out and b.start < out[-1].end:
            continue
        out.append(b)
    return out


def sentences(
    text: str,
    paras: list[tuple[int, int]],
    blocks: list[Block] = (),
    start: int = 0,
    end: int | None = None,  # type: ignore[assignment]
) -> list[Sentence]:
    """Sentences between ``start`` and ``end`` (cut points the caller chose at sentence ends): cut after ``.``,
    ``!`` or ``?`` (and closing marks) followed by white space, unless the word before is an abbreviation or an
    initial; also at paragraph ends and around layout blocks."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    cuts_at_blocks = sorted({p for b in blocks for p in (b.start, b.end)})
    for i, (a, b) in enumerate(paras):
        a, b = max(a, start), min(b, end)
        if a >= b:
            continue
        pos = a
        cuts = [
            m.end()
            for m in _SENT_END.finditer(text, a, b)
            if not _ABBREV.search(text[max(a, m.start() - 12) : m.start() + 1])
        ]
        cuts += [c for c in cuts_at_blocks if a < c < b]
        for c in sorted(set(cuts)):
            if text[pos:c].strip():
                out.append(Sentence(_skip_space(text, pos, c), c, i))
            pos = c
        if text[pos:b].strip():
            out.append(Sentence(_skip_space(text, pos, b), b, i))
    return out


def _skip_space(text: str, a: int, b: int) -> int:
    while a < b and text[a].isspace():
        a += 1
    return a
