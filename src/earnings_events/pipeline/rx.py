"""Patterns the rules compile: built from an article's own words, or case-insensitive ones run the fast way.

The rules build regular expressions around what they found in an article: a name ("(?<![\\w&])Northwind(?![\\w&])"),
a company's first word, a subhead's word. The standard library keeps the last 512 patterns it compiled, and a
stream of articles brings thousands of names, so it compiled the same names again and again. ``compiled`` keeps
the most recent 16,384 instead: names recur across a stream (companies, their executives), and the bound keeps a
worker's memory flat however long the stream is. On the whole wire corpus the rules build went from 238.6 s to
224.7 s (a profiler had put compiling at a fifth of the time; it overstates pure-Python work).

``folded`` is for the case-insensitive patterns every article meets (results words, the scope model's cues, the
period patterns): ``re.I`` makes the engine fold the case of every character it compares, and runs a pattern 1.8
to 3.7 times slower than the same pattern, lower-cased, on the lower-cased text (1.7 over all of them:
``benchmarks/test_bench_rx.py``). The two match the same spans,
since lower-casing keeps every offset, except on four characters that ``re.I`` matches to ASCII letters and
``str.lower`` does not turn into them (dotted and dotless i, long s, the Kelvin sign): a text holding one is
matched the slow way. A match's groups are then the lower-cased text's, so only patterns whose callers read
positions, counts or lower-cased groups are folded. A group that must match lower case in the original text
(``(?P<seg>(?-i:[a-z]+))``) is named in ``exact``: a match whose group holds a capital there sends the whole text
the slow way.

``literal_spans`` finds a name where a pattern would be built around it (``(?<![\\w&])Northwind(?![\\w&])``) with
``str.find`` and a test of the characters on either side: most names an article brings are new, and compiling a
pattern costs some 200 times the search (200 µs against 1 µs for a name a 900-character text does not hold). ``absent`` says when a name is surely not in a text, so that a
pattern built around it need not be compiled at all. Together they took a quarter off the whole stream's rules
build (CPU 450 s to 339 s; wall 228 s to 174 s, builds alternating), its Parquet byte-identical.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


@lru_cache(maxsize=16384)
def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when the pattern was compiled before."""
    return re.compile(pattern, flags)


# the characters re.I matches to an ASCII letter that str.lower leaves alone or lengthens
_UNFOLDABLE = re.compile("[\u0130\u0131\u017f\u212a]")
# what lower-casing a pattern would break: case-sensitive inline groups, escapes naming a character by its code
_UNSAFE_PATTERN = re.compile(r"\(\?[a-zA-Z]*-[a-zA-Z]*[i:]|\(\?[a-zA-Z]*i|\\[xuUNpP0-9]|\(\?P<[^>]*[A-Z]")
_EXACT_GROUP = re.compile(r"\(\?P<(\w+)>\(\?-i:")


def _lower_pattern(pattern: str) -> str:
    """``pattern`` with its literal letters lower-cased (an escape's letter kept: ``\\S`` is not ``\\s``)."""
    out, i = [], 0
    while i < len(pattern):
        # (an escape keeps its letter: \S is not \s; a named group keeps its P)
        step = 3 if pattern.startswith("(?P", i) else 2 if pattern[i] == "\\" else 1
        out.append(pattern[i : i + step] if step > 1 else pattern[i].lower())
        i += step
    return "".join(out)


# the texts last lower-cased, by identity, with their lower-case form (None when one holds a character that
# cannot fold): the folded patterns scan a few texts (a headline, a lede, a body) in turn, each many times
_LOWERED: dict[int, tuple[str, str | None]] = {}


def _lowered(text: str) -> str | None:
    hit = _LOWERED.get(id(text))
    if hit is None or hit[0] is not text:
        if len(_LOWERED) >= 8:
            _LOWERED.clear()
        hit = _LOWERED[id(text)] = (text, None if _UNFOLDABLE.search(text) else text.lower())
    return hit[1]


class Folded:
    """A case-insensitive pattern matched case-sensitively on lower-cased text (same spans; see the module)."""

    def __init__(self, pattern: str, flags: int = 0, exact: tuple[str, ...] = ()) -> None:
        relaxed = _EXACT_GROUP.sub(lambda m: f"(?P<{m.group(1)}>(?:", pattern)
        if _UNSAFE_PATTERN.search(relaxed) or sorted(set(_EXACT_GROUP.findall(pattern))) != sorted(exact):
            raise ValueError(f"cannot fold {pattern[:60]!r}: it switches case-sensitivity or names a character by code")
        self.pattern, self.flags, self.exact = pattern, flags | re.I, exact
        self.slow = re.compile(pattern, self.flags)
        self.fast = re.compile(_lower_pattern(relaxed), flags & ~re.I)

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        low = _lowered(text)
        return (self.slow, text) if low is None else (self.fast, low)

    def _exact(self, text: str, m: re.Match[str] | None) -> bool:
        """Does the fast match hold no capital of the original text in an ``exact`` group?"""
        return m is None or all(
            not text[m.start(g) : m.end(g)] or text[m.start(g) : m.end(g)].islower() for g in self.exact
        )

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        rx, t = self._pick(text)
        m = rx.search(t, pos, endpos)
        return m if rx is self.slow or self._exact(text, m) else self.slow.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        rx, t = self._pick(text)
        m = rx.match(t, pos, endpos)
        return m if rx is self.slow or self._exact(text, m) else self.slow.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62) -> Iterator[re.Match[str]]:
        rx, t = self._pick(text)
        if rx is self.slow or not self.exact:
            return rx.finditer(t, pos, endpos)
        found = list(rx.finditer(t, pos, endpos))
        return iter(found) if all(self._exact(text, m) for m in found) else self.slow.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = 2**62) -> list:
        if self.exact:
            raise NotImplementedError("findall of a pattern with exact groups")
        rx, t = self._pick(text)
        return rx.findall(t, pos, endpos)


def absent(literal: str, text: str, ignore_case: bool = False) -> bool:
    """Is ``literal`` surely nowhere in ``text`` (``ignore_case``: as ``re.I`` matches it)? A pattern built
    around a name cannot match where the name is absent, and testing that is far cheaper than compiling it."""
    if not ignore_case:
        return literal not in text
    low = _lowered(text)
    return literal.isascii() and low is not None and literal.lower() not in low


def literal_spans(
    text: str,
    literal: str,
    before: re.Pattern[str],
    after: re.Pattern[str],
    ignore_case: bool = False,
    pos: int = 0,
    endpos: int | None = None,
) -> list[tuple[int, int]] | None:
    """The spans ``finditer(text, pos, endpos)`` gives for ``(?<!B)literal(?!A)``, where ``before`` matches the one
    character that may not precede the literal and ``after`` what may not follow it, found by ``str.find``
    instead of compiling a pattern for each name; None where the two could differ (``ignore_case`` with a
    non-ASCII literal or an unfoldable character): the caller compiles the pattern then."""
    hay, needle = (_lowered(text), literal.lower()) if ignore_case else (text, literal)
    if hay is None or (ignore_case and not literal.isascii()):
        return None
    endpos = len(text) if endpos is None else min(endpos, len(text))
    if not needle:
        return None
    out = []
    at = hay.find(needle, pos, endpos)
    while at >= 0:
        end = at + len(needle)
        # (a lookbehind sees before pos; a lookahead sees no further than endpos)
        if (at == 0 or not before.match(text, at - 1)) and not after.match(text, end, endpos):
            out.append((at, end))
            at = hay.find(needle, end, endpos)
        else:
            at = hay.find(needle, at + 1, endpos)
    return out


def folded(pattern: str, flags: int = 0, exact: tuple[str, ...] = ()) -> Folded:
    """A case-insensitive pattern (``re.I`` implied) for text every article brings: see ``Folded``."""
    return Folded(pattern, flags, exact)
