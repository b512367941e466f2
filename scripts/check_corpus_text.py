"""Find text of a corpus in the repository: every run of N words (default 9) that a tracked file shares with an article.

The corpus's articles may be built from and labelled, but their text never goes into the repository (tests,
fixtures, comments, docs). This reads every tracked text file (Markdown, Python, shell, YAML, TOML, plain text;
`dataset/` aside, which holds the bundled sample's own rows), collects its runs of N lower-cased words, streams the
corpus once (any input `earnings-events build` reads) and prints each shared run as `file:line | words | article`.
Exit status 1 when a run is found, 0 when none. Short runs (N=6) also find generic wire phrasing ("said in a
statement on"); read those, rewrite the ones that are a headline, a quotation or a distinctive sentence.

    python scripts/check_corpus_text.py ../shared/corpora/reuters-2006-2013.jsonl.zst            # 9-word runs
    python scripts/check_corpus_text.py ../shared/corpora/reuters-2006-2013.jsonl.zst --words 6 --files tests/test_quarter.py
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from earnings_events import ingest
from earnings_events.records import Article

REPO = Path(__file__).resolve().parents[1]
TEXT_SUFFIXES = (".md", ".py", ".sh", ".yaml", ".yml", ".toml", ".txt")
_WORD = re.compile(r"[a-z0-9]+")


def tracked_files(repo: Path = REPO) -> list[Path]:
    """The repository's tracked text files, `dataset/` aside."""
    names = subprocess.run(["git", "ls-files"], cwd=repo, capture_output=True, text=True, check=True).stdout.split()
    return [repo / n for n in names if n.endswith(TEXT_SUFFIXES) and not n.startswith("dataset/")]


def runs_of(text: str, n: int) -> Iterable[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    return (tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def shared_runs(files: list[Path], corpus: list[str], n: int) -> list[tuple[str, str, str]]:
    """(file:line, run, article id) for every run of ``n`` words a file shares with an article, first place each."""
    where: dict[tuple[str, ...], str] = {}
    for path in files:
        for lineno, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            for run in runs_of(line, n):
                where.setdefault(run, f"{path}:{lineno}")
    found: dict[tuple[str, ...], str] = {}
    for item in ingest.run(corpus):
        if not isinstance(item, Article):
            continue
        for run in runs_of(f"{item.title or ''} {item.text}", n):
            if run in where and run not in found:
                found[run] = item.article_id
    return sorted((where[r], " ".join(r), a) for r, a in found.items())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="+", help="corpus files or folders, as build reads them")
    parser.add_argument("--words", type=int, default=9, help="length of a run in words (default 9)")
    parser.add_argument("--files", nargs="*", type=Path, help="files to check (default: every tracked text file)")
    args = parser.parse_args(argv)
    files = args.files or tracked_files()
    hits = shared_runs(files, args.corpus, args.words)
    for place, run, article in hits:
        print(f"{place} | {run} | {article}")
    print(f"{len(hits)} runs of {args.words} words shared with the corpus in {len(files)} files", file=sys.stderr)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
