"""Build src/earnings_events/data/companies.json, the company registry.

Sources: every index pytickersymbols ships offline (S&P 100/500/600, NASDAQ 100, DOW JONES, FTSE 100,
DAX family, CAC 40, NIKKEI 225, ...) and the hand tables scripts/fiscal_calendars.csv (today's large
companies) and scripts/registry/wire_companies.csv (the companies of the 2006-2013 wire), which win on
every field they fill. Both tables have the same columns, documented in the header of wire_companies.csv:
the current name, ticker and calendar, and their history (``calendars``, ``tickers``, ``names``) as
``VALUE@-UNTIL;...;VALUE@`` with each source. An index entry gets its primary listing's ticker (US: the plain symbol; elsewhere
the Yahoo symbol of the home exchange, never a Frankfurt ".F" line) or is skipped. It joins the hand row
with that ticker, else the hand row whose name or alias is its short or listed name, else the tickers
sharing its short name and country. Other companies get the guide's default: December, end-year naming,
marked unchecked, unless scripts/registry/checked_calendars.csv has a row for their ticker: that table (documented
in its header) holds the checked calendars of index-only companies (December ones included, so a checked December
is told from the default) and sets only an entry's calendar, its history and ``calendar_checked``, never its name,
ticker or aliases. A row whose ticker is not an index-only entry, or whose name is not that entry's, is an error.

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
HAND_CSVS = (ROOT / "scripts" / "fiscal_calendars.csv", ROOT / "scripts" / "registry" / "wire_companies.csv")
CHECKED_CSV = ROOT / "scripts" / "registry" / "checked_calendars.csv"
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


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_history(text: str, what: str) -> list[tuple[str | None, str]]:
    """``VALUE@-UNTIL;...;VALUE@`` -> [(until, value)], oldest first; the last one open (``until`` None).
    An empty value is allowed (a ticker while unlisted). Raises ValueError on a malformed history."""
    out: list[tuple[str | None, str]] = []
    segments = [seg.strip() for seg in text.split(";") if seg.strip()]
    for i, seg in enumerate(segments):
        value, at, until = seg.rpartition("@")
        if not at:
            raise ValueError(f"{what}: no '@' in {seg!r}")
        last = i == len(segments) - 1
        if last != (until == ""):
            raise ValueError(f"{what}: only the last value is open-ended ({text!r})")
        if until and not (until.startswith("-") and _DATE.fullmatch(until[1:])):
            raise ValueError(f"{what}: bad date in {seg!r}")
        out.append((until[1:] or None, value.strip()))
    dates = [u for u, _ in out if u]
    if dates != sorted(dates) or len(set(dates)) != len(dates):
        raise ValueError(f"{what}: dates out of order ({text!r})")
    return out


def calendar_of(value: str, naming: str, what: str) -> tuple[int, str]:
    """``11`` (the row's naming), ``3s`` (start-year naming) or ``1e`` (end-year) -> (month, naming)."""
    m = re.fullmatch(r"(\d{1,2})([es]?)", value)
    if not m or not 1 <= int(m.group(1)) <= 12:
        raise ValueError(f"{what}: bad calendar {value!r}")
    return int(m.group(1)), {"e": "end", "s": "start"}.get(m.group(2), naming)


def read_rows(path: Path) -> list[Row]:
    """A hand table's rows ('#' lines are its documentation); columns missing from an older table are empty."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    cols = ("aliases", "calendars", "tickers", "names", "checked", "source", "note", "codes")
    return [{**{c: "" for c in cols}, **{k: v or "" for k, v in r.items()}} for r in rows]


def check_row(r: Row, where: str) -> None:
    """A row's current values must be its histories' last ones; calendars valid."""
    what = f"{where}: {r['name']}"
    if not 1 <= int(r["fy_end_month"]) <= 12 or r["fy_naming"] not in ("end", "start"):
        raise ValueError(f"{what}: bad calendar")
    if r["calendars"]:
        cals = [calendar_of(v, r["fy_naming"], what) for _, v in parse_history(r["calendars"], what)]
        if cals[-1] != (int(r["fy_end_month"]), r["fy_naming"]):
            raise ValueError(f"{what}: the last calendar is not fy_end_month/fy_naming")
    for col, current in (("tickers", r["ticker"]), ("names", r["name"])):
        if r[col] and parse_history(r[col], what)[-1][1] != current:
            raise ValueError(f"{what}: the last of {col} is not the current value {current!r}")
    if r["checked"] not in ("", "yes", "no"):
        raise ValueError(f"{what}: checked is yes, no or empty")


def load_hand(paths: tuple[Path, ...] = HAND_CSVS) -> list[Row]:
    """Read the hand tables; names and current tickers must be unique across them, histories valid."""
    rows = []
    for path in paths:
        for r in read_rows(path):
            check_row(r, path.name)
            rows.append(r)
    for key in ("name", "ticker"):
        if dup := [k for k, n in Counter(r[key].casefold() for r in rows if r[key]).items() if n > 1]:
            raise ValueError(f"duplicate {key}: {dup}")
    return rows


def history_fields(row: Row) -> Entry:
    """The entry's ``calendars`` (with their source), ``tickers``, ``names`` and ``calendar_checked``."""
    source = row["source"] or f"hand: {row['note']}".strip()
    checked = row["checked"] != "no"
    if not checked:
        source = f"{source} (unchecked)"
    cal_text = row["calendars"] or f"{row['fy_end_month']}@"
    calendars = []
    for until, value in parse_history(cal_text, row["name"]):
        month, naming = calendar_of(value, row["fy_naming"], row["name"])
        calendars.append({"until": until, "fy_end_month": month, "fy_naming": naming, "source": source})
    out: Entry = {"calendars": calendars, "calendar_checked": checked}
    for col, key in (("tickers", "ticker"), ("names", "name")):
        if row[col]:
            out[col] = [{"until": until, key: value or None} for until, value in parse_history(row[col], row["name"])]
    if codes := [c.strip() for c in row["codes"].split(";") if c.strip()]:
        out["codes"] = codes
    return out


def load_checked(path: Path = CHECKED_CSV) -> list[Row]:
    """The checked calendars of index-only entries (ticker unique, calendars valid, ``checked`` yes or no)."""
    if not path.exists():
        return []
    rows = read_rows(path)
    for r in rows:
        check_row(r, path.name)
        if not r["ticker"] or not r["source"]:
            raise ValueError(f"{path.name}: {r['name']}: a row needs a ticker and a source")
    if dup := [t for t, n in Counter(r["ticker"] for r in rows).items() if n > 1]:
        raise ValueError(f"{path.name}: duplicate ticker: {dup}")
    return rows


def apply_checked(entries: list[Entry], rows: list[Row]) -> None:
    """Give each index-only entry the calendar of its row in checked_calendars.csv (joined by ticker)."""
    index_only = {e["ticker"]: e for e in entries if e["source"] == "pytickersymbols"}
    for r in rows:
        e = index_only.get(r["ticker"])
        if e is None:
            raise ValueError(f"{CHECKED_CSV.name}: {r['ticker']} is not an index-only registry entry")
        if e["name"] != r["name"]:
            raise ValueError(f"{CHECKED_CSV.name}: {r['ticker']} is {e['name']!r} in the registry, not {r['name']!r}")
        e["fy_end_month"], e["fy_naming"] = int(r["fy_end_month"]), r["fy_naming"]
        fields = history_fields({**r, "tickers": "", "names": "", "codes": ""})  # a row sets the calendar only
        e["calendars"], e["calendar_checked"] = fields["calendars"], fields["calendar_checked"]


DEFAULT_CALENDAR = {
    "until": None,
    "fy_end_month": 12,
    "fy_naming": "end",
    "source": "pytickersymbols default (unchecked)",
}


def build(hand: list[Row], names: dict[str, list[str]], country: dict[str, str]) -> list[Entry]:
    """Group tickers into companies (see the module docstring) and fill in every field."""
    by_ticker = {r["ticker"]: r for r in hand if r["ticker"]}
    by_name = {a.casefold(): r for r in hand for a in r["aliases"].split(";") if a}
    by_name.update({n.casefold(): r for r in hand for _, n in parse_history(r["names"], r["name"]) if n})
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
        own += [n for _, n in parse_history(row["names"], name) if n and n != name] if row else []
        known = {x.casefold() for x in [name, *own]}  # a hand row takes only listed names that agree with it
        found = [n for t in tickers for n in names[t] if not row or {n.casefold(), short_name(n).casefold()} & known]
        aliases = own + [v for n in found for v in (n, no_punct(n), n if row else no_punct(short_name(n)))]
        entries.append(
            {
                "name": name,
                "ticker": (row["ticker"] or (None if row["tickers"] else best)) if row else best,
                "aliases": aliases,
                "fy_end_month": int(row["fy_end_month"]) if row else 12,
                "fy_naming": row["fy_naming"] if row else "end",
                "source": ("hand+pytickersymbols" if tickers else "hand") if row else "pytickersymbols",
                **(history_fields(row) if row else {"calendars": [DEFAULT_CALENDAR], "calendar_checked": False}),
                "_legal": found[0] if found else name,
                "_index": tickers,
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


def joined_by_name(entries: list[Entry]) -> list[str]:
    """Index tickers a hand row took by name although they are neither its ticker nor in its ticker history:
    to be checked by eye (a hand alias that is another company's short name pulls that company in)."""
    out = []
    for e in entries:
        own = {e["ticker"], *(t["ticker"] for t in e.get("tickers", []))}
        out += [f"{e['name']} <- {t}" for t in e["_index"] if e["source"] != "pytickersymbols" and t not in own]
    return out


def render(entries: list[Entry]) -> str:
    """The JSON text: public fields only, sorted by name then ticker."""
    public = [{k: v for k, v in e.items() if not k.startswith("_")} for e in entries]
    public.sort(key=lambda e: (e["name"].casefold(), e["name"], e["ticker"] or ""))
    return json.dumps(public, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build src/earnings_events/data/companies.json.")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed file is stale")
    parser.add_argument("--verbose", action="store_true", help="list index tickers joined to a hand row by name")
    args = parser.parse_args(argv)
    hand, (names, country, skipped) = load_hand(), load_pytickersymbols()
    entries = build(hand, names, country)
    apply_checked(entries, load_checked())
    clean_aliases(entries)
    if args.verbose:
        print("\n".join(joined_by_name(entries)), file=sys.stderr)
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
