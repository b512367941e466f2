"""Component 2, quotes: every quotation span in the text, where it opens, closes, and what its statement is.

Reads the ``paragraphs`` layer; adds ``quotes``. Handles straight, curly, single and guillemet marks, ``''`` and
````` openers/closers, quotes running over several paragraphs, a missing closing
mark, and apostrophes that are not quotes (``OPEC"s``, ``'90s``, ``rock 'n' roll``).
Offsets are exact: ``text[span.start:span.end] == span.statement``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .document import ArticleDoc, QuoteSpan

_DOUBLE_OPEN = "“„«‟"
_MARK = re.compile(r"[\"“”„‟«»‘’'`]")
_DOUBLE_CLOSE = "”»"
# A paragraph starts after a blank line, or after a line break followed by indentation (wire layout).
_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*|\n[ \t]{2,}|\n\t")
# Where an unclosed quote visibly ends: a comma handing over to an attribution (", he said", or a name and a
# title between commas: ", Jane Roe, an analyst at Quillon, said")
_HANDOVER = re.compile(
    r",\s+(?=[^,.\"“”]{0,80}?\b(?:said|says|added|adds|told|noted|explained|continued(?!\s+to\b)|stated|wrote)\b"
    r"|[A-Z][\w'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3},[^,.\"“”]{1,80},\s+(?:said|says|added|told|noted)\b)"
)
# An unclosed quote whose paragraph ends with its attribution: "We expect more, he said.
_HANDOVER_AT_END = re.compile(
    r",\s+(?:[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}|he|she)\s+(?:said|says|added|told\s+\w+|noted|explained)[^\"“”]{0,40}?[.!?]?\s*$"
)
_SENT_END_BEFORE_REOPEN = re.compile(r"[.!?]\s*$")
_SENT_END_BEFORE_STRAY = re.compile(r"[.!?](?=['’]?\s)")
_MARK_CHARS = "\"“”„‟«»‘’'`"
# The reporter's words, never a speaker's about himself: a quote whose words run into them lost its closing mark
# ("... willing to pay. Caterpillar shares were up 2 percent, according to Reuters Estimates ...").
_NARRATIVE = re.compile(
    r"\b(?:[Hh]e|[Ss]he) (?:said|added|says|adds|told|noted)\b"
    r"|\b[A-Z][a-z]+ (?:said|added)\.(?=\s|$)"
    # (its closing mark after the attribution: '"... cost control, Fay said"')
    r"|, [A-Z][a-z]+ (?:said|added)$"
    r"|, (?:said|added) (?:[A-Z][a-z]+|he|she)\b"
    r"|\btold Reuters\b|\bsaid in a statement\b|\(Reporting by\b|\[ID:"
    r"|\baccording to (?:Thomson Reuters|Reuters|analysts polled by|a Reuters)\b"
)
# ... and, in a quote whose closing mark never comes, a source the reporter cites by name or trade ("..., according
# to options data firm Quillon"): the quote's words ended before it (not the speaker's own "according to some")
# ("... the Quillon, Ohio-based company warned ...", "Harbor Inc ( HRB.N )": a printed code or a company described by
# its home town is the reporter's, never a speaker's words)
_NARRATIVE_UNCLOSED = re.compile(
    r"\baccording to (?:[a-z]+\s+){0,4}?(?:firm|data|[A-Z][\w&]+)\b|\(\s*[A-Z0-9]{1,6}[a-z]?\.[A-Z]{1,2}\s*\)"
    r"|\b[A-Z][a-z]+-based\s+(?:company|firm|group|bank|retailer|maker|chain|insurer|lender)\b"
)
# The reporter's apposition after a place or product in a quote that lost its closing mark ("... weak demand in
# Quillonia, the group's biggest market abroad"): the words ended at its comma, within the sentence
_APPOSITION_UNCLOSED = re.compile(
    r",\s+(?:the|its)\s+(?:group|company|firm|bank|retailer|insurer|lender|carmaker|automaker|chain)['’]s?\s+"
    r"(?:[\w\-]+\s+){0,3}?(?:market|unit|business|division|brand|subsidiary|rival|customer|supplier)s?\b"
)
_SENT_END_NEXT = re.compile(r"[.!?](?=\s+[\"“A-Z(])")
# A sentence in the reporter's voice that opens the run of narrative a lost closing mark let into a quote: the
# market's verdict ("Shares of Quillon rose 4 percent"), a company's figures in the third person ("Quillon
# forecast a third-quarter profit of ...", "Analysts had expected ..."); never one in the first person
_REPORTING_START = re.compile(
    r"\s*(?:Shares\s+(?:of|in)\s+[A-Z]|(?:Its|The\s+company['’]s|[A-Z][\w&.\-]*['’]s)\s+shares\s+(?:rose|fell|jumped|climbed|"
    r"slid|dropped|gained|were)\b|[A-Z][\w&.'’\-]*(?:\s+[A-Z][\w&.'’\-]*){0,3}\s+(?:forecast|reported|posted|issued|"
    r"reiterated|earned)\s+(?:a|an|its|net|quarterly|first|second|third|fourth|\$)|Analysts\s+(?:had\s+)?(?:on\s+average\s+)?"
    r"(?:expected|were\s+expecting|had\s+forecast)"
    # (a figure's move: "Net bookings, leaving out travel, dropped 6 percent"; a company's word in the third
    # person: "Quillon said on Tuesday that ...")
    r"|[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}\s+(?:also\s+)?said\s+(?:on\s+[A-Z]\w+\s+)?that\b"
    r"|[A-Z][\w\-]*(?:,?\s+[\w'’\-]+){0,16}?,?\s+(?:rose|fell|jumped|climbed|slid|dropped|gained|declined|increased|"
    r"decreased|tightened|widened|tumbled|surged|slipped)\s+(?:by\s+)?\d[\d.]*\s*(?:percent|%|basis\s+points))"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|we|We|we['’]re|We['’]re|our|Our|us|my|me)\b")


def annotate(doc: ArticleDoc) -> ArticleDoc:
    """Add the ``quotes`` layer; quotation marks inside layout blocks (credit lines, headings) are not quotes."""
    stops = tuple(b.start for b in doc.blocks if b.kind in ("speaker", "subhead", "credit"))
    doc.quotes = [q for q in find_spans(doc.text, doc.paragraphs, stops) if doc.in_block(q.start) is None]
    return doc


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _words_end(text: str, s: int, e: int) -> int:
    """Where the quoted words between ``s`` and ``e`` end: before trailing space and the comma that hands over to
    "he said" (also before a missing closing mark)."""
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and text[e - 1] == ",":
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return e


def _make(text: str, open_: int, cstart: int, cend: int, close_end: int, closed: bool, para: int) -> QuoteSpan | None:
    s = cstart
    while s < cend and text[s].isspace():
        s += 1
    e = _words_end(text, s, cend)
    if e <= s:
        return None
    apposition = None if closed else _APPOSITION_UNCLOSED.search(text, s, e)
    if apposition is not None and not _FIRST_PERSON.search(text, apposition.start(), e):
        e = cend = close_end = _words_end(text, s, apposition.start())
        closed = True  # read on as if its mark stood at the comma
    narrative = _NARRATIVE.search(text, s, e)
    cited = None if closed else _NARRATIVE_UNCLOSED.search(text, s, e)
    if cited and (narrative is None or cited.start() < narrative.start()):
        narrative = cited
    if narrative:
        # The quote's words end with the sentence before the reporter's (where the lost mark stood); a first
        # sentence already the reporter's means the marks were misread (a closing mark taken for an opening one)
        hand = _HANDOVER.search(text, s, narrative.end())
        ends = [m.end() for m in _SENT_END_NEXT.finditer(text, s, narrative.start() + 1)]
        if hand is not None:  # "... again, Nakada said. Nomura announced ...": its attribution ends the words
            cut = hand.start()
            ends = [x for x in ends if x < cut]
            ends.append(cut)  # (unless the reporter's run began before it, below)
        elif ends:
            cut = ends[-1]
        else:
            return None
        # (where the reporter's run began, if an earlier sentence is plainly the reporter's: "... keep adding
        # volume. Quillon forecast a third-quarter profit of ... Analysts had expected ..., according to ...")
        for end in ends[:-1]:
            sentence_end = _SENT_END_NEXT.search(text, end, cut)
            sentence = text[end : sentence_end.end() if sentence_end else cut]
            if _REPORTING_START.match(sentence) and not _FIRST_PERSON.search(sentence):
                cut = end
                break
        cend = close_end = cut
        e = _words_end(text, s, cut)
        if e <= s:
            return None
        closed = True  # read on as if its mark stood there: a continuation or an attribution may follow
    return QuoteSpan(open_, cstart, cend, close_end, s, e, text[s:e], closed, para)


def find_spans(text: str, paras: list[tuple[int, int]] | None = None, stops: tuple[int, ...] = ()) -> list[QuoteSpan]:
    """Every top-level quotation span in ``text``, in order (``paras``: the layout's paragraphs; ``stops``:
    where layout that no quotation runs across begins, such as an instant-view heading: an open quote ends
    there, unclosed).

    A state machine that visits only the places where something can happen (quotation marks and
    paragraph starts), so its cost follows the number of marks, not the length of the text.
    """
    if paras is None:
        from .layout import paragraphs

        paras = paragraphs(text)
    starts = [a for a, _ in paras]
    stop_set = set(stops)
    events = sorted({m.start() for m in _MARK.finditer(text)} | set(starts) | stop_set)
    spans: list[QuoteSpan] = []
    n = len(text)
    inside = False
    open_at = cstart = open_para = cur_para = 0

    def prev_ch(k: int) -> str:
        return text[k - 1] if k > 0 else " "

    def next_ch(k: int) -> str:
        return text[k] if k < n else " "

    def add(span: QuoteSpan | None) -> None:
        if span is not None:
            spans.append(span)

    k = 0
    i = 0
    while k < len(events):
        if events[k] < i:  # skip what a step already consumed
            k += 1
            continue
        i = events[k]
        ch = text[i] if i < n else ""
        p = bisect_right(starts, i) - 1
        step = 1
        if inside and i in stop_set:
            end = _visible_end(text, cstart, i)
            add(_make(text, open_at, cstart, end, end, False, open_para))
            inside = False
        if i in stop_set and ch not in _MARK_CHARS:
            k += 1
            continue
        if inside and p != cur_para:
            # A new paragraph while inside: a continuation (it opens with a mark) or an unclosed quote.
            handover = _HANDOVER_AT_END.search(text, cstart, paras[cur_para][1])
            if i == starts[p] and not handover and (ch in _DOUBLE_OPEN or ch == '"' or text.startswith("``", i)):
                cur_para = p
                i += 2 if text.startswith("``", i) else 1
                continue
            end = handover.start() if handover else paras[cur_para][1]
            add(_make(text, open_at, cstart, end, end, False, open_para))
            inside = False
        cur_para = p
        if not inside:
            opener = 0
            if ch in _DOUBLE_OPEN:
                opener = 1
            elif text.startswith("``", i):
                opener = 2
            elif ch == '"' and not (_is_letter(prev_ch(i)) and _is_letter(next_ch(i + 1))):
                # (a mark after a sentence's end and before a space closes what never opened: '... he said." For
                # the fourth quarter': a stray, opening nothing)
                opener = 0 if prev_ch(i) in ".!?" and next_ch(i + 1).isspace() else 1
            elif ch == "”" and prev_ch(i).isspace() and _is_letter(next_ch(i + 1)):
                opener = 1  # a closing mark used to open
            elif ch in "‘'" and (prev_ch(i).isspace() or prev_ch(i) in "([—–-") and next_ch(i + 1).isalpha():
                single = _single_quote(text, i, paras, p)
                if single:
                    add(_make(text, i, i + 1, single, single + 1, True, p))
                    step = single + 1 - i
            if opener:
                inside, open_at, cstart, open_para, cur_para = True, i, i + opener, p, p
                step = opener
            i += step
            continue
        # inside a double quote
        close = 0
        if ch in _DOUBLE_CLOSE:
            close = 1
        elif text.startswith("''", i):
            close = 2
        elif ch == '"' or ch in _DOUBLE_OPEN:
            if prev_ch(i).isspace() and _is_letter(next_ch(i + 1)) and i > cstart + 1:
                if _flattened_paragraph(text, max(cstart, starts[p]), i):
                    i += 1  # a later paragraph of the same quote, its line break lost: the quote goes on
                    continue
                inner = _nested_close(text, i, paras[p][1])
                if inner is not None:
                    i = inner + 1  # a quotation inside the quote ('... from the "cloud shift" among ...')
                    continue
                # An opening mark while inside: the previous quote lost its closing mark.
                end = _unclosed_end(text, cstart, i)
                add(_make(text, open_at, cstart, end, end, False, open_para))
                open_at, cstart, open_para = i, i + 1, p
                i += 1
                continue
            if ch == '"':
                close = 1
            elif ch == "“" and not prev_ch(i).isspace() and not _is_letter(next_ch(i + 1)):
                close = 1  # an opening mark used to close: ”It’s fun,“ Darrell said (printed backwards)
        if close:
            add(_make(text, open_at, cstart, i, i + close, True, open_para))
            inside = False
            step = close
        i += step
    if inside:
        end = paras[cur_para][1]
        add(_make(text, open_at, cstart, end, end, False, open_para))
    return spans


_NESTED_RUN_ON = re.compile(r"[ \t]+[a-z]")  # the outer quote's words go on after the inner closing mark
_INNER_MARK = re.compile(r"[\"”]")


def _nested_close(text: str, i: int, para_end: int) -> int | None:
    """Where a short quotation nested in an open quote with the same marks closes, or None: a phrase of at most
    six words and no sentence end ('the "cloud shift"'), after which the outer quote's words run on in
    lower case to its own closing mark later in the paragraph, within the sentence. An opening mark with no such
    shape means the open quote lost its closing mark."""
    close = _INNER_MARK.search(text, i + 1, min(para_end, i + 80))
    if close is None:
        return None
    inner = text[i + 1 : close.start()]
    if not inner.strip() or len(inner.split()) > 6 or re.search(r"[.!?;,]", inner):
        return None
    if not _NESTED_RUN_ON.match(text, close.end()):
        return None
    outer = _INNER_MARK.search(text, close.end(), para_end)
    if outer is None:
        return None
    if text[outer.start() - 1].isspace() or _is_letter(text[outer.end() : outer.end() + 1] or " "):
        return None  # the next mark opens a quote of its own ('... loans once safe. "Demand ...'): no outer close
    rest = text[close.end() : outer.start()]
    if re.search(r"[.!?]\s+[\"“A-Z]", rest) or _MARK.search(rest):
        return None
    return close.start()


def _single_quote(text: str, i: int, paras: list[tuple[int, int]], p: int) -> int | None:
    """Closing index of a single-quoted span opening at ``i`` (in paragraph ``p``), or None when ``i`` is an
    apostrophe. A curly quote runs on over paragraphs the British way: a paragraph that ends a sentence, the next
    reopening with "‘"."""
    closer = "’" if text[i] == "‘" else "'"
    if re.match(r"[a-z]\s", text[i + 1 : i + 3]):
        return None  # an elision: "Pots 'n Pans", "rock 'n roll"
    j = i + 1
    para_end = paras[p][1]
    while True:
        if j >= para_end:
            if (
                closer == "’"
                and p + 1 < len(paras)
                and text.startswith("‘", paras[p + 1][0])
                and text[paras[p][0] : para_end].rstrip()[-1:] in tuple(".!?")
            ):
                p += 1
                j, para_end = paras[p][0] + 1, paras[p][1]
                continue
            return None
        c = text[j]
        if c == '"' or c in _DOUBLE_OPEN:
            return None
        if c == closer or (closer == "’" and c == "'"):
            after = text[j + 1] if j + 1 < len(text) else " "
            if not after.isalnum() and not text[j - 1].isspace():
                # One word in single quotes is an apostrophe pair or a scare quote, never a statement.
                return j if " " in text[i + 1 : j].strip() else None
        j += 1


def _visible_end(text: str, cstart: int, stop: int) -> int:
    """Where the quoted words of a quote cut short by layout visibly end: at the last sentence end before
    ``stop``, else at ``stop``."""
    segment = text[cstart:stop]
    # (a single mark after the last sentence is a closing mark misprinted: '"... of the group.' JANE ROE')
    ends = [m.end() for m in _SENT_END_BEFORE_STRAY.finditer(segment)]
    return cstart + (ends[-1] if ends else len(segment.rstrip()))


def _flattened_paragraph(text: str, start: int, reopen: int) -> bool:
    """An opening mark right after a sentence the open quote ends (``start``: where the quote's words in this
    paragraph begin), with no attribution handing over: the next paragraph of a quote over several paragraphs
    whose paragraph break the text lost ("... handily. "The overall ..."), which the guide reads as one quote,
    not as a closing mark gone missing."""
    segment = text[start:reopen]
    return (
        _SENT_END_BEFORE_REOPEN.search(segment) is not None
        and _HANDOVER.search(segment) is None
        and _HANDOVER_AT_END.search(segment) is None
    )


def _unclosed_end(text: str, cstart: int, reopen: int) -> int:
    """Where the words of a quote with no closing mark end, given the next opening mark."""
    segment = text[cstart:reopen]
    m = _HANDOVER.search(segment)
    if m:
        return cstart + m.start()
    m = _SENT_END_BEFORE_REOPEN.search(segment)
    return cstart + (m.end() if m else len(segment))
