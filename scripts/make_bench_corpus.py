"""Generate a deterministic synthetic corpus of earnings articles for benchmarks and scale tests.

Usage: python scripts/make_bench_corpus.py N OUT.jsonl [--seed S] [--words W]

Articles are about 600 words (``--words``), in web or wire layout, with a realistic mix of quote
styles (straight, curly, wire ``''`` closings), attributions (after, before, pronoun, continuation),
analysts, fragments and out-of-scope stories. The same N and seed give the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

COMPANIES = [
    ("Northwind Freight", "NWF"),
    ("Pinecrest Foods", "PCF"),
    ("Solstice Energy", "SLE"),
    ("Copperline Mining", "CPML"),
    ("Harborview Bank", "HVB"),
    ("Bluegate Software", "BGS"),
    ("Redwood Retail", "RWR"),
    ("Ironbridge Steel", "IBS"),
    ("Silverlake Pharma", "SLP"),
    ("Maplecourt Media", "MCM"),
    ("Tidewater Chemicals", "TWC"),
    ("Granite Peak Air", "GPA"),
]
FIRST = ["Laura", "Tom", "Maria", "Daniel", "Anna", "Robert", "Priya", "Kenji", "Olga", "Samuel", "Grace", "Omar"]
LAST = ["Chen", "Reyes", "Lopez", "Okafor", "Berg", "Keane", "Raman", "Sato", "Ivanova", "Brooks", "Hall", "Haddad"]
TITLES = ["Chief Executive", "Chief Financial Officer", "Chairman", "President"]
FIRMS = ["Ridgeline Securities", "Harbor Ridge Capital", "Eastgate Research", "Kenmore Street Partners"]
OUTLOOK = [
    "We expect demand to keep growing through the second half of the year",
    "We will open new plants in two more regions next year",
    "Our guidance assumes that prices stay close to where they are today",
]
PERFORMANCE = [
    "Volumes recovered faster than we planned for in every region",
    "Our margins expanded for the fourth quarter in a row",
    "Orders from our largest customers were a record this quarter",
]
RISK = [
    "Higher fuel costs are still eating into our margins",
    "Demand in Europe remains weak and we do not see a quick recovery",
    "The strike cost us more than we expected and the backlog is still growing",
]
FILLER = (
    "The company's shares rose in early trading after the report, and analysts said the results were "
    "broadly in line with expectations. Revenue rose in most divisions, helped by higher prices and steady "
    "volumes, while costs for materials and labour increased more slowly than in previous quarters. The board "
    "kept its dividend unchanged. Management repeated that it would keep investing in new capacity and in "
    "software for its operations, and said it would update investors on its plans at a meeting later this "
    "year. "
)
QUARTERS = ["first", "second", "third", "fourth"]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _quote(rng: random.Random, curly: bool) -> str:
    text = rng.choice(rng.choice([OUTLOOK, PERFORMANCE, RISK]))
    return f"“{text},”" if curly else f'"{text},"'


def article(i: int, rng: random.Random, words: int) -> dict:
    name, ticker = rng.choice(COMPANIES)
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(0, 3650))
    q = QUARTERS[rng.randrange(4)]
    wire = rng.random() < 0.3
    curly = not wire and rng.random() < 0.6
    ceo, cfo, analyst = _person(rng), _person(rng), _person(rng)
    out_of_scope = rng.random() < 0.1
    headline = f"{name} raises dividend" if out_of_scope else f"{name} {q}-quarter profit rises"
    paras = [
        (
            f"{name} Inc. raised its quarterly dividend on Tuesday."
            if out_of_scope
            else f"{name} Inc. (NYSE: {ticker}) reported {q}-quarter profit on Tuesday that beat estimates."
        ),
        f"{_quote(rng, curly)} {rng.choice(TITLES)} {ceo} said on a call with analysts. "
        + (f"{_quote(rng, curly)[:-2]}.{'”' if curly else chr(34)}" if rng.random() < 0.5 else ""),
        f'{cfo}, the company\'s chief financial officer, said costs were in line. "{rng.choice(OUTLOOK)}," she added.',
        f"{_quote(rng, curly)} said {analyst}, an analyst at {rng.choice(FIRMS)}.",
        f'{ceo.split()[-1]} said the company expected sales to "keep rising at a steady pace" this year.',
    ]
    body: list[str] = []
    while sum(len(p.split()) for p in body) < words:
        body.extend(paras if not body else [FILLER])
    text = ("\n    ".join(p.replace(". ", ".\n", 1) for p in body) + "\n Reuter") if wire else "\n\n".join(body)
    if wire:
        text = text.replace("”", "''").replace("“", '"')
    return {
        "id": f"bench-{i:07d}",
        "url": f"https://example.com/bench/{i}",
        "published": day.isoformat(),
        "title": headline,
        "text": text,
    }


def generate(n: int, out: Path, seed: int = 0, words: int = 600) -> Path:
    rng = random.Random(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(article(i, rng, words), ensure_ascii=False) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", type=Path, help="output .jsonl")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--words", type=int, default=600)
    args = ap.parse_args()
    generate(args.n, args.out, args.seed, args.words)


if __name__ == "__main__":
    main()
