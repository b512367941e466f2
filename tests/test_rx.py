"""The fast ways of matching in ``pipeline/rx.py`` give what the plain patterns give: folded case-insensitive
patterns (lower-cased pattern on lower-cased text), the literal test that spares compiling a name's pattern, and
the short-form test of the mentions stage."""

import random
import re

import pytest

from conftest import doc_until
from earnings_events.pipeline import mentions, periods, rx, scope


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), {k: (v or "").lower() for k, v in m.groupdict().items()}) for m in matches]


def _folded_patterns() -> list[rx.Folded]:
    """Every folded pattern of the scope and periods stages."""
    found = []
    for module in (scope, periods):
        for value in vars(module).values():
            items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
            for item in items:
                for x in item if isinstance(item, tuple) else (item,):
                    p = getattr(x, "rx", x)
                    if isinstance(p, rx.Folded):
                        found.append(p)
    return found


# words the patterns look for, in every case, and the four characters re.I folds onto ASCII letters
_VOCAB = (
    "Fourth-Quarter FOURTH quarter Q4 4Q 2008 '09 fiscal FY2009 Fiscal year ended March 31 the October-December "
    "quarter first half H1 six months to June net profit PROFITS rose fell earnings Results forecast Outlook for "
    "2010 sees year net annual loss sales revenues per share cents a share said Tuesday analysts estimates beat "
    "raised its guidance through 2012 over the next three years panel as soon as 2011 profit Panel core CORE "
    "this year next quarter the current fiscal year holiday quarter nine months ended September 2007 results "
    "dividend merger lawsuit court chief executive told Reuters"
)
_WORDS = [*_VOCAB.split(), "\u212aelvin", "\u0130stanbul", "\u017fales", "prof\u0131t", ",", ".", "\n", '"', "’", "-"]


def test_folded_patterns_match_as_re_i_on_random_text():
    patterns = _folded_patterns()
    assert len(patterns) >= 60  # the scope and periods stages fold most of theirs
    rng = random.Random(20261207)
    for _ in range(400):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 40)))
        for p in patterns:
            assert _spans(p.finditer(text)) == _spans(p.slow.finditer(text)), (p.pattern[:60], text)
            m, s = p.search(text, 3, len(text) - 2), p.slow.search(text, 3, len(text) - 2)
            assert (m and m.span()) == (s and s.span())


def test_folded_groups_and_the_slow_way():
    p = rx.folded(r"\b(?P<ord>first|second)[\s\-]QUARTER\b")
    m = p.search("Its Second-Quarter profit")
    assert m.span() == (4, 18) and m.group("ord") == "second"  # the lower-cased text's group
    # a character re.I folds onto an ASCII letter and str.lower does not: the text is matched the slow way
    kelvin = "\u212a"
    q = rx.folded(r"\bkeep\b")
    assert q.search(f"we {kelvin}EEP it").span() == (3, 7) == re.search(r"\bkeep\b", f"we {kelvin}EEP it", re.I).span()
    assert p.findall("first quarter and SECOND quarter") == ["first", "second"]


def test_folded_exact_group_keeps_its_case():
    p = rx.folded(r"(?P<y>\d{4})\s+(?:(?P<seg>(?-i:[a-z]+))\s+)?profit", exact=("seg",))
    slow = re.compile(p.pattern, re.I)
    for text in ("2008 panel profit", "2008 Panel profit", "its 2008 PANEL PROFIT and 2009 core profit"):
        assert _spans(p.finditer(text)) == _spans(slow.finditer(text)), text
    assert p.search("2008 Panel profit") is None  # "Panel" is no segment word: nothing between year and profit
    assert p.search("2008 panel profit").group("seg") == "panel"


def test_folded_refuses_what_it_cannot_fold():
    for pattern in (r"(?-i:[A-Z])\w+", r"(?i)x", r"\x41", r"(?P<Name>x)"):
        with pytest.raises(ValueError, match="cannot fold"):
            rx.folded(pattern)
    with pytest.raises(ValueError):
        rx.folded(r"(?P<seg>(?-i:[a-z]+))")  # an exact group not declared


def test_absent_is_sure():
    assert rx.absent("Quillon", "Quillon Inc said") is False
    assert rx.absent("Quillon", "QUILLON INC SAID") is True
    assert rx.absent("Quillon", "QUILLON INC SAID", ignore_case=True) is False
    assert rx.absent("Dell", "Apple rises", ignore_case=True) is True
    # where re.I could match through a special character, it never says absent
    assert rx.absent("kind", "\u212aIND words", ignore_case=True) is False
    assert re.search("kind", "\u212aIND words", re.I)


def test_literal_spans_are_the_patterns_spans():
    rng = random.Random(7)
    alphabet = ["Quill", "quill", "QUILL", "on", "'s", "-", ".", "&", " ", "x", "\n", "\u212a", ".", " Vale"]
    edges = [  # (what may not precede, what may not follow)
        (r"[\w&.'’\-]", r"[\w&]"),
        (r"[\w&.'’\-]", r"[\w&]|\.\w|-\w|\s+[A-Z][a-z]"),
        (r"\w", r"\w"),
    ]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        pos, endpos = rng.randint(0, 5), rng.randint(max(0, len(text) - 5), len(text) + 2)
        for literal in ("Quill", "Quillon", "quill", "x"):
            for before, after, flags in ((b, a, f) for b, a in edges for f in (0, re.I)):
                form = re.compile(rf"(?<!{before}){re.escape(literal)}(?!{after})", flags)
                want = [m.span() for m in form.finditer(text, pos, endpos)]
                got = rx.literal_spans(
                    text, literal, re.compile(before, flags), re.compile(after, flags), bool(flags), pos, endpos
                )
                assert (got is None and flags and "\u212a" in text) or got == want, (text, literal, after, flags)


def test_short_form_spans_are_its_patterns_spans():
    text = "Quillon Inc said Quillon Government shares rose. Quillon's unit and Quillon-based Quillon.com\nQuillon Vale"
    aliases = [
        re.escape("Quillon"),
        re.escape("Quillon") + r"(?!\s+[A-Z][a-z])",
        re.escape("Quillon") + r"(?!\s+(?!of\b)[A-Z][a-z]+(?:,|\s+(?:said|says)))",
        r"Quill\s+Gov[a-z]*",  # a pattern, not a literal: compiled
        re.escape("Quillon Vale"),
    ]
    for alias in aliases:
        for start, end in ((0, len(text)), (10, 60), (49, len(text) - 3)):
            want = [m.span() for m in mentions._alias_rx(alias).finditer(text, start, end)]
            assert mentions._alias_spans(alias, text, start, end) == want, (alias, start, end)
    assert mentions._lookahead(r"(?!\s+(?!of\b)[A-Z])") == r"\s+(?!of\b)[A-Z]"
    assert mentions._lookahead(r"(?!x)y") is None and mentions._lookahead(r"(?![)])") == "[)]"


def test_short_forms_still_found_by_the_mentions_stage():
    # (a short form inside the full name is skipped without compiling; the one after it is found)
    doc = doc_until(
        "OSLO (Reuters) - Quillon Inc posted higher earnings for its third quarter and kept its dividend.\n\n"
        "Quillon shares gained 2 percent, and Quillon Inc kept its outlook.",
        "scope",
        title="Quillon profit tops forecasts",
    )
    quillon = [doc.text[o.start : o.end] for o in doc.orgs if o.name.startswith("Quillon") and not o.in_title]
    assert quillon == ["Quillon Inc", "Quillon", "Quillon Inc"]


def test_in_quote_is_any_quotation_holding_the_position():
    from types import SimpleNamespace

    from earnings_events.pipeline.speakers import _ArticleIndex

    marks = [(5, 20), (12, 30), (40, 40), (45, 60), (60, 61), (90, 99)]  # overlapping, empty and touching quotes
    spans = [SimpleNamespace(open=a, close_end=b) for a, b in marks]
    index = _ArticleIndex("x" * 100, spans, set(), [(0, 100)])
    assert [p for p in range(100) if index.in_quote(p)] == [p for p in range(100) if any(a <= p < b for a, b in marks)]
