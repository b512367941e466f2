"""Draw the articles the project labels for scope (in or out, with the kind of news) from the wire corpus.

    python scripts/labels/draw_scope_pool.py ../shared/corpora/reuters-2006-2013.jsonl.zst /tmp/scope-pool.jsonl

Articles published 2006-2010 with a body, never one of a gold set in ../shared; half drawn at random (the
stream's mix), half among those whose headline holds a results-like word (where the hard cases are).
Deterministic for a seed. The pool holds headline and opening text, so it goes outside the repository;
labels made on it are stored by article id in scripts/labels/scope-labels.jsonl.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from pools import corpus_records, gold_ids, outside_repo, rank

RESULTS_WORDS = re.compile(
    r"\b(?:profits?|earnings|results|quarter|qtr|revenues?|sales|outlook|forecasts?|loss|net|Q[1-4]|"
    r"guidance|estimates?|view)\b",
    re.I,
)


def lede(text: str, limit: int = 900) -> str:
    flat = " ".join(text.split())
    return flat[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--random", type=int, default=1400)
    ap.add_argument("--headline-words", type=int, default=1400)
    ap.add_argument("--seed", type=int, default=20261202)
    ap.add_argument("--years", default="2006-2010")
    args = ap.parse_args()
    first, last = (int(y) for y in args.years.split("-"))
    out = outside_repo(args.out)
    excluded = gold_ids()
    pool = []
    for rec in corpus_records(args.corpus):
        year = int((rec.get("published") or "0000")[:4])
        if not (first <= year <= last) or not (rec.get("text") or "").strip() or rec["id"] in excluded:
            continue
        pool.append(
            (rank(args.seed, rec["id"]), rec["id"], rec.get("published"), rec.get("title") or "", lede(rec["text"]))
        )
    pool.sort()
    random_part = pool[: args.random]
    taken = {p[1] for p in random_part}
    words = [p for p in pool if p[1] not in taken and RESULTS_WORDS.search(p[3])][: args.headline_words]
    with out.open("w", encoding="utf-8") as f:
        for sample, part in (("random", random_part), ("headline-words", words)):
            for _, aid, published, title, opening in part:
                f.write(
                    json.dumps(
                        {"id": aid, "published": published, "sample": sample, "title": title, "opening": opening},
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    print(f"{len(random_part)} random + {len(words)} headline-words articles -> {out}")


if __name__ == "__main__":
    main()
