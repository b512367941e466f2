"""scripts/check_corpus_text.py: a repository file sharing a run of words with a corpus article is found."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "scripts" / "check_corpus_text.py"
ARTICLE = {
    "id": "a1",
    "title": "Quillon lifts its lantern forecast",
    "text": "Quillon Lanterns said on Monday its glow-in-the-dark range sold out twice over the winter months.",
    "published": "2011-03-07",
}


def check(tmp_path: Path, files: list[Path], words: int) -> subprocess.CompletedProcess:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    args = [sys.executable, str(SCRIPT), str(corpus), "--words", str(words), "--files", *map(str, files)]
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def test_a_shared_run_is_named_by_file_line_and_article_and_fails_the_check(tmp_path):
    fixture = tmp_path / "test_fixture.py"
    fixture.write_text(
        "x = 1\n# its Glow-in-the-Dark range sold out twice over the winter, said someone\n", encoding="utf-8"
    )
    res = check(tmp_path, [fixture], 9)
    assert res.returncode == 1, res.stderr
    # "its glow in the dark range sold out twice over the winter": 12 words shared, so four runs of nine
    assert res.stdout.splitlines() == [
        f"{fixture}:2 | {run} | a1"
        for run in sorted(
            [
                "its glow in the dark range sold out twice",
                "glow in the dark range sold out twice over",
                "in the dark range sold out twice over the",
                "the dark range sold out twice over the winter",
            ]
        )
    ]
    assert "4 runs of 9 words" in res.stderr


def test_a_file_that_shares_only_shorter_runs_passes_at_that_length(tmp_path):
    notes = tmp_path / "notes.md"
    notes.write_text("Harbor said on Monday its range sold out (a different story).\n", encoding="utf-8")
    assert check(tmp_path, [notes], 9).returncode == 0
    res = check(tmp_path, [notes], 4)
    assert res.returncode == 1 and f"{notes}:1 | said on monday its | a1" in res.stdout
