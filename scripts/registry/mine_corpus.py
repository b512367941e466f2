"""Mine a news corpus for registry evidence: the codes printed after each company's name, and fiscal-period
statements near it, with their dates and article ids.

For each company of a companies table (``company,articles,ticker,first,last,example``, as
``companies-top500.csv``) with at least ``--min-articles`` articles, the script collects

* **codes**: every Reuters-style code printed right after one of the company's names (``Exxon Mobil Corp
  ( XOM.N )``, ``UBS AG ( UBSN.VX )``), with its count, first and last date and an example article id;
  the names printed before the table's own ticker count as the company's names too;
* **fiscal statements** in sentences naming the company (or printing its code): "fiscal second quarter ended
  Oct. 28" (a quarter ending in October: a year ending in January), "the year ending March 31", "the
  April-June quarter, the first quarter of its fiscal year", and "fiscal 2009 ... ended Oct. 28, 2008" (the
  year naming);

and proposes a ticker history (codes in the order they were first printed; a US venue's code as the bare
symbol) and a fiscal calendar (the month most statements give, and the naming). The proposals are evidence
for a person to check, never registry data on their own: ``scripts/registry/wire_companies.csv`` records
what was checked, with its source. The output holds facts and article ids only, never the corpus's text.

Usage:
    python scripts/registry/mine_corpus.py --corpus wire.jsonl --companies companies-top500.csv \\
        --out scripts/registry/evidence.csv
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from earnings_events.pipeline.mentions import _name_before, canonical, codes_in, ticker_of

ROOT = Path(__file__).resolve().parents[2]
HAND_CSVS = (ROOT / "scripts" / "fiscal_calendars.csv", ROOT / "scripts" / "registry" / "wire_companies.csv")

# Reuters codes as wire copy prints them, lower-case share-class letters included ("DAIGn.DE", "ERICb.ST",
# "VOWG_p.DE"), which the pipeline's own code pattern leaves out; kept in capitals, as the guide writes tickers.
_CODE = re.compile(r"\(\s*(?P<code>(?:[A-Z][A-Za-z0-9_\-]{0,9}|\d{3,6})\.[A-Z]{1,3})\s*\)")
_MONTHS = {
    m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)
}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
# "fiscal second quarter ended Oct. 28", "second quarter to Sept. 30", "Q3 ending in March"
_QUARTER_ENDED = re.compile(
    rf"\b(?P<fiscal>fiscal\s+(?:(?P<fy>20\d\d|19\d\d)\s+)?)?(?:(?P<ord>first|second|third|fourth)[\s-]+quarter|Q(?P<q>[1-4]))"
    rf"\b[^.;:]{{0,40}}?\b(?:ended|ending|ends|to|through)\s+(?:on\s+|in\s+)?(?P<month>{_MONTH})"
    rf"(?:\s*(?P<day>\d{{1,2}}))?(?:,?\s+(?P<year>20\d\d))?",
    re.I,
)
# "the year ending March 31", "financial year to March", "fiscal year ended Sept. 30"
_YEAR_ENDED = re.compile(
    rf"\b(?:fiscal|financial|business|full|its)[\s-]+year\s+(?:that\s+)?(?:ending|ended|ends|to|through)\s+(?:on\s+|in\s+)?"
    rf"(?P<month>{_MONTH})",
    re.I,
)
# "the April-June quarter, its fiscal first quarter" / "... the first quarter of its fiscal year"
_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{_MONTH})\s*-\s*(?P<m2>{_MONTH})\s+(?:quarter|period)\b[^.;]{{0,60}}?\b(?:fiscal\s+)?"
    rf"(?P<ord>first|second|third|fourth)[\s-]+(?:quarter|fiscal\s+quarter)(?:\s+of\s+(?:its|the)\s+fiscal\s+year)?",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def printed_codes(text: str) -> list[tuple[int, str]]:
    """(start, code in capitals) of every code printed in ``text``: the pipeline's codes (bracketed, bare,
    exchange-prefixed, angle-bracketed) and the bracketed ones with lower-case class letters it leaves out."""
    found = {c.start: c.raw.upper() for c in codes_in(text)}
    for m in _CODE.finditer(text):
        found.setdefault(m.start(), m.group("code").upper())
    return sorted(found.items())


def month_of(word: str) -> int:
    """1-12 for a month name or abbreviation ("Sept." -> 9)."""
    return _MONTHS[word[:3].lower()]


def fy_end_from_quarter(quarter: int, month: int) -> int:
    """The fiscal year's last month when fiscal quarter ``quarter`` ends in ``month``."""
    return (month + 3 * (4 - quarter) - 1) % 12 + 1


@dataclass
class Evidence:
    """What the corpus says about one company."""

    name: str
    articles: int
    terms: set[str] = field(default_factory=set)
    codes: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # raw code -> "date id"
    fy_votes: Counter[int] = field(default_factory=Counter)
    fy_examples: dict[int, str] = field(default_factory=dict)
    naming_votes: Counter[str] = field(default_factory=Counter)
    naming_examples: dict[str, str] = field(default_factory=dict)


def clean_name(extracted: str) -> str:
    """A table name as extraction left it ("Merrill Lynch &", "Alcoa Inc's", "South Korea's LG Display") ->
    the company's name."""
    name = re.sub(r"^(?:South Korea|Japan|China|Germany|France|Britain|Rupert Murdoch)['’]s\s+", "", extracted)
    name = re.sub(r"['’]s$", "", name.strip())
    return canonical(re.sub(r"\s*(?:&|and)$", "", name)) or name


def hand_aliases(paths: tuple[Path, ...] = HAND_CSVS) -> dict[str, set[str]]:
    """Name or alias (case-folded) -> all names and aliases of that hand row, from the hand tables present."""
    out: dict[str, set[str]] = {}
    for path in paths:
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(line for line in handle if not line.startswith("#")):
                names = {row["name"], *(a for a in row.get("aliases", "").split(";") if a)}
                names |= {seg.split("@")[0] for seg in (row.get("names") or "").split(";") if seg.split("@")[0]}
                for n in names:
                    out.setdefault(n.casefold(), set()).update(names)
    return out


def read_table(path: Path, min_articles: int) -> list[tuple[Evidence, str]]:
    """(evidence holder, the table's most printed ticker) for each company with enough articles."""
    out = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if int(row["articles"]) >= min_articles:
                out.append((Evidence(clean_name(row["company"]), int(row["articles"])), row["ticker"]))
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans: a break after ``.``, ``!`` or ``?`` before a capital, or a line break ("Oct. 28"
    stays whole; "Corp. Chief" splits, which costs nothing here)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    return [*spans, (start, len(text))]


def fiscal_facts(sentence: str, published: dt.date) -> list[tuple[int, str | None, str]]:
    """(fiscal year end month, naming or None, what was said) for each fiscal-period statement."""
    out: list[tuple[int, str | None, str]] = []
    for m in _QUARTER_ENDED.finditer(sentence):
        q = _ORDINAL[m.group("ord").lower()] if m.group("ord") else int(m.group("q"))
        month = month_of(m.group("month"))
        end_month = fy_end_from_quarter(q, month)
        naming = None
        if m.group("fy"):
            year = int(m.group("year")) if m.group("year") else published.year - (month > published.month)
            end_year = year + (month + 3 * (4 - q) > 12)
            label = int(m.group("fy"))
            naming = "end" if label == end_year else "start" if label == end_year - 1 else None
        said = f"{'fiscal ' if m.group('fiscal') else ''}Q{q}{' FY' + m.group('fy') if m.group('fy') else ''} ended {m.group('month').rstrip('.')}"
        out.append((end_month, naming, said))
    for m in _YEAR_ENDED.finditer(sentence):
        out.append((month_of(m.group("month")), None, f"year ending {m.group('month').rstrip('.')}"))
    for m in _MONTH_RANGE.finditer(sentence):
        q, month = _ORDINAL[m.group("ord").lower()], month_of(m.group("m2"))
        out.append((fy_end_from_quarter(q, month), None, f"{m.group('m1')}-{m.group('m2')} quarter is fiscal Q{q}"))
    return out


def mine(corpus: Path, companies: list[tuple[Evidence, str]]) -> None:
    """Fill each company's evidence from the corpus (two passes: codes and names, then fiscal statements)."""
    aliases = hand_aliases()
    by_ticker: dict[str, list[Evidence]] = defaultdict(list)
    for ev, ticker in companies:
        ev.terms = {ev.name, *aliases.get(ev.name.casefold(), set())}
        if ticker:
            by_ticker[ticker].append(ev)
    articles = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    printed: list[tuple[str, str, str, str]] = []  # (canonical name, raw code, date, id)
    for a in articles:
        for text in (a.get("title") or "", a.get("text") or ""):
            for start, raw in printed_codes(text):
                hit = _name_before(text, start)
                if hit is not None:
                    printed.append((canonical(hit[1]), raw, a["published"][:10], a["id"]))
    # names printed before a company's own ticker are its names too (once printed twice)
    seen = Counter((n, ticker_of(raw)) for n, raw, _, _ in printed)
    for (name, ticker), n in seen.items():
        if n >= 2 and len(by_ticker.get(ticker, [])) == 1 and len(name) > 2:
            by_ticker[ticker][0].terms.add(name)
    term_owner: dict[str, Evidence] = {}
    for ev, _ in companies:
        for t in ev.terms:
            term_owner.setdefault(t.casefold(), ev)
    for name, raw, day, aid in printed:
        ev = term_owner.get(name.casefold())
        if ev is not None:
            ev.codes[raw].append(f"{day} {aid}")
    # fiscal statements: sentences that name a company or print its code
    code_owner: dict[str, Evidence] = {}
    for ev, _ in companies:
        for raw, hits in ev.codes.items():
            if len(hits) >= 2:
                code_owner.setdefault(raw, ev)
    terms = sorted(term_owner, key=lambda t: (-len(t), t))
    names_rx = re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(t) for t in terms if len(t) > 2) + r")(?![\w&])", re.I)
    for a in articles:
        text = a.get("text") or ""
        if not (_QUARTER_ENDED.search(text) or _YEAR_ENDED.search(text) or _MONTH_RANGE.search(text)):
            continue
        published = dt.date.fromisoformat(a["published"][:10])
        for s, e in _sentences(text):
            sentence = text[s:e]
            facts = fiscal_facts(sentence, published)
            if not facts:
                continue
            owners = {id(o): o for m in names_rx.finditer(sentence) if (o := term_owner.get(m.group(0).casefold()))}
            owners |= {id(o): o for _, raw in printed_codes(sentence) if (o := code_owner.get(raw))}
            if len(owners) != 1:
                continue  # no company, or several: the statement cannot be told apart
            ev = next(iter(owners.values()))
            for end_month, naming, said in facts:
                ev.fy_votes[end_month] += 1
                ev.fy_examples.setdefault(end_month, f"{said} in {a['id']}")
                if naming:
                    ev.naming_votes[naming] += 1
                    ev.naming_examples.setdefault(naming, f"{said} in {a['id']}")


def ticker_history(ev: Evidence, min_share: float = 0.05) -> str:
    """Proposed ticker history, ``CODE@-last date;...;CODE@``: the codes printed for the company at least twice
    and in at least ``min_share`` of its coded mentions, US venues folded into the bare symbol, ordered by when
    they were last printed (the last one left open)."""
    spans: dict[str, list[str]] = defaultdict(list)
    for raw, hits in ev.codes.items():
        spans[ticker_of(raw)] += [h.split()[0] for h in hits]
    total = sum(len(v) for v in spans.values())
    kept = sorted(((max(v), min(v), t) for t, v in spans.items() if len(v) >= 2 and len(v) >= min_share * total))
    return ";".join(f"{t}@-{last}" if i < len(kept) - 1 else f"{t}@" for i, (last, _, t) in enumerate(kept))


def write(path: Path, companies: list[tuple[Evidence, str]]) -> None:
    """The evidence table, one row per company, sorted by name."""
    cols = ["company", "articles", "codes", "ticker_proposal", "fy_votes", "fy_proposal", "fy_example"]
    cols += ["naming_votes", "naming_example"]
    rows = []
    for ev, _ in sorted(companies, key=lambda x: x[0].name.casefold()):
        codes = sorted(ev.codes.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        top = ev.fy_votes.most_common(1)[0][0] if ev.fy_votes else None
        naming = ev.naming_votes.most_common(1)[0][0] if ev.naming_votes else ""
        rows.append(
            {
                "company": ev.name,
                "articles": ev.articles,
                "codes": " | ".join(f"{c}:{len(h)}:{min(h)[:10]}:{max(h)[:10]}:{min(h)[11:]}" for c, h in codes[:6]),
                "ticker_proposal": ticker_history(ev),
                "fy_votes": ";".join(f"{m}:{n}" for m, n in sorted(ev.fy_votes.items(), key=lambda x: (-x[1], x[0]))),
                "fy_proposal": top or "",
                "fy_example": ev.fy_examples.get(top, "") if top else "",
                "naming_votes": ";".join(f"{k}:{n}" for k, n in sorted(ev.naming_votes.items())),
                "naming_example": ev.naming_examples.get(naming, ""),
            }
        )
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, cols, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True, help="JSONL articles: id, published, title, text")
    parser.add_argument("--companies", type=Path, required=True, help="company,articles,ticker,... table")
    parser.add_argument("--min-articles", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "scripts" / "registry" / "evidence.csv")
    args = parser.parse_args(argv)
    companies = read_table(args.companies, args.min_articles)
    mine(args.corpus, companies)
    write(args.out, companies)
    found = sum(1 for ev, _ in companies if ev.codes)
    fiscal = sum(1 for ev, _ in companies if ev.fy_votes)
    print(f"{len(companies)} companies: codes for {found}, fiscal statements for {fiscal}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
