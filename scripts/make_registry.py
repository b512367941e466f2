"""Build src/earnings_events/data/companies.json, the company registry.

Sources: every index pytickersymbols ships offline (S&P 100/500/600, NASDAQ 100, DOW JONES, FTSE 100,
DAX family, CAC 40, NIKKEI 225, ...) and the hand-checked scripts/fiscal_calendars.csv, which wins on
every field it fills. An index entry gets its primary listing's ticker (US: the plain symbol; elsewhere
the Yahoo symbol of the home exchange, never a Frankfurt ".F" line) or is skipped. It joins the hand row
with that ticker, else the hand row whose name or alias is its short or listed name, else the tickers
sharing its short name and country. Other companies get the guide's default: December, end-year naming.

Usage: python scripts/make_registry.py [--check]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from pytickersymbols import PyTickerSymbols

ROOT = Path(__file__).resolve().parent.parent
HAND_CSV = ROOT / "scripts" / "fiscal_calendars.csv"
OUT_JSON = ROOT / "src" / "earnings_events" / "data" / "companies.json"

US_INDICES = {"S&P 100", "S&P 500", "S&P 600", "NASDAQ 100", "DOW JONES"}
COUNTRY_SUFFIX = {"Belgium": ".BR", "Finland": ".HE", "France": ".PA", "Germany": ".DE", "Italy": ".MI", "Japan": ".T"}
COUNTRY_SUFFIX |= {"Netherlands": ".AS", "Spain": ".MC", "Sweden": ".ST", "Switzerland": ".SW", "United Kingdom": ".L"}
CORPORATE_SUFFIX = re.compile(
    r"(?:[\s,]+(?:inc|incorporated|corp|corporation|co|company|companies|ltd|limited|plc|ag|se|sa|s\.a|nv"
    r"|n\.v|holdings?|group|kgaa|spa|s\.p\.a|ab|oyj|asa|a/s|sca)\.?|\s*&\s*co\.?)$",
    re.IGNORECASE,
)

# Everyday words that suffix stripping would leave as a whole name ("Hub Group" -> "Hub"): kept unstripped.
GENERIC = {"bancorp", "brady", "cactus", "city", "cooper", "deluxe", "diodes", "disco", "employers", "enact", "everest"}
GENERIC |= {"gates", "harmonic", "hawkins", "hub", "integer", "interface", "investor", "lindsay", "noble", "now"}
GENERIC |= {"partners", "phoenix", "plexus", "pool", "rogers", "sharp", "stride", "universal", "waters"}

Row = dict[str, str]
Entry = dict[str, Any]


def short_name(listed: str) -> str:
    """Strip a leading "The" and corporate suffixes: "The Home Depot, Inc." -> "Home Depot"."""
    name = re.sub(r"^the\s+", "", listed.strip(), flags=re.IGNORECASE)
    while (shorter := CORPORATE_SUFFIX.sub("", name).strip(" ,")) != name and len(shorter) > 1:
        name = shorter
    return listed.strip() if name.casefold() in GENERIC else name


def no_punct(name: str) -> str:
    """The name without punctuation: "J.P. Morgan" -> "JP Morgan", "Coca-Cola" -> "Coca Cola"."""
    return " ".join(re.sub(r"[-–/]", " ", re.sub(r"[.,'’]", "", name)).split())


def primary_ticker(index: str, stock: dict[str, Any]) -> str | None:
    """The home-exchange ticker of one index entry, or None when it cannot be told."""
    symbol = (stock.get("symbol") or "").strip().upper()
    if index in US_INDICES:
        return symbol or None
    if "." in symbol:
        return symbol if symbol[symbol.index(".") :] in COUNTRY_SUFFIX.values() else None
    yahoo = [(s.get("yahoo") or "").upper() for s in stock.get("symbols") or []]
    suffix = COUNTRY_SUFFIX.get(stock.get("country") or "")
    if suffix and (hits := sorted(y for y in yahoo if y.endswith(suffix))):
        return hits[0]
    if stock.get("country") == "Germany" and f"{symbol}.F" in yahoo:
        return f"{symbol}.DE"  # a German share has the same code in Frankfurt and on Xetra
    return None


def load_pytickersymbols() -> tuple[dict[str, list[str]], dict[str, str], int]:
    """Ticker -> listed names (index order, "(Class A)"-style notes cut), ticker -> country; entries skipped."""
    names: dict[str, list[str]] = defaultdict(list)
    country: dict[str, str] = {}
    api, skipped = PyTickerSymbols(), 0
    for index in api.get_all_indices():
        for stock in api.get_stocks_by_index(index):
            if (ticker := primary_ticker(index, stock)) is None:
                skipped += 1
                continue
            name = re.sub(r"\s*\([^)]*\)$", "", stock["name"].strip())
            names[ticker] += [] if name in names[ticker] else [name]
            country.setdefault(ticker, stock.get("country") or "")
    return dict(names), country, skipped


def load_hand(path: Path = HAND_CSV) -> list[Row]:
    """Read the hand table; names and tickers must be unique, calendars valid."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for key in ("name", "ticker"):
        if max(Counter(r[key].casefold() for r in rows if r[key]).values()) > 1:
            raise ValueError(f"{path.name}: duplicate {key}")
    if bad := [r for r in rows if not 1 <= int(r["fy_end_month"]) <= 12 or r["fy_naming"] not in ("end", "start")]:
        raise ValueError(f"{path.name}: bad calendar in {bad}")
    return rows


def build(hand: list[Row], names: dict[str, list[str]], country: dict[str, str]) -> list[Entry]:
    """Group tickers into companies (see the module docstring) and fill in every field."""
    by_ticker = {r["ticker"]: r for r in hand if r["ticker"]}
    by_name = {a.casefold(): r for r in hand for a in r["aliases"].split(";") if a}
    by_name.update({r["name"].casefold(): r for r in hand})
    groups: dict[tuple[str, str], list[str]] = {(r["name"], "hand"): [] for r in hand}
    for ticker in sorted(names):
        listed, short = names[ticker][0], short_name(names[ticker][0])
        row = by_ticker.get(ticker) or by_name.get(short.casefold()) or by_name.get(listed.casefold())
        groups.setdefault((row["name"], "hand") if row else (short, country[ticker]), []).append(ticker)
    entries: list[Entry] = []
    for (name, key), tickers in groups.items():
        row = by_name[name.casefold()] if key == "hand" else None
        home = [t for t in tickers if t.endswith(COUNTRY_SUFFIX.get(country[t], "\0"))]
        best = min(home or tickers, default=None)
        own = [a for a in row["aliases"].split(";") if a] if row else []
        known = {x.casefold() for x in [name, *own]}  # a hand row takes only listed names that agree with it
        found = [n for t in tickers for n in names[t] if not row or {n.casefold(), short_name(n).casefold()} & known]
        aliases = own + [v for n in found for v in (n, no_punct(n), n if row else no_punct(short_name(n)))]
        entries.append(
            {
                "name": name,
                "ticker": (row and row["ticker"]) or best,
                "aliases": aliases,
                "fy_end_month": int(row["fy_end_month"]) if row else 12,
                "fy_naming": row["fy_naming"] if row else "end",
                "source": ("hand+pytickersymbols" if tickers else "hand") if row else "pytickersymbols",
                "_legal": found[0] if found else name,
            }
        )
    for fallback in ("{_legal}", "{_legal} ({ticker})"):  # two companies, one name: use the listed name
        clashes = Counter(e["name"].casefold() for e in entries)
        for e in entries:
            if clashes[e["name"].casefold()] > 1 and e["source"] == "pytickersymbols":
                e["name"] = fallback.format(**e)
    return entries


def clean_aliases(entries: list[Entry]) -> None:
    """Keep an alias only when no other entry has it as its name or an alias."""
    owners: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entries):
        for alias in [e["name"], *e["aliases"]]:
            owners[alias.strip().casefold()].add(i)
    for i, e in enumerate(entries):
        kept = {a.strip() for a in e["aliases"] if owners[a.strip().casefold()] == {i}}
        e["aliases"] = sorted(kept - {"", e["name"]})


def render(entries: list[Entry]) -> str:
    """The JSON text: public fields only, sorted by name then ticker."""
    public = [{k: v for k, v in e.items() if not k.startswith("_")} for e in entries]
    public.sort(key=lambda e: (e["name"].casefold(), e["name"], e["ticker"] or ""))
    return json.dumps(public, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build src/earnings_events/data/companies.json.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    args = parser.parse_args(argv)
    hand, (names, country, skipped) = load_hand(), load_pytickersymbols()
    entries = build(hand, names, country)
    clean_aliases(entries)
    text = render(entries)
    if args.check:
        stale = not OUT_JSON.exists() or OUT_JSON.read_text(encoding="utf-8") != text
        print(f"{OUT_JSON.relative_to(ROOT)} is {'stale' if stale else 'up to date'}", file=sys.stderr)
        return int(stale)
    OUT_JSON.write_text(text, encoding="utf-8")
    print(f"hand {len(hand)}, pytickersymbols {len(names)} (+{skipped} skipped), merged {len(entries)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
