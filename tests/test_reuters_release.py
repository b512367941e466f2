"""The Reuters 2006-2013 release as the repository ships it: its recipe, its human test judgements (ids, offsets
and labels, no corpus text) and how the build applies them. The release itself is built from the corpus by
``scripts/reuters-2006-2013.sh``; these tests need only the repository."""

from __future__ import annotations

import json
import re
import subprocess
from collections import Counter

from conftest import REPO
from earnings_events import human_labels, schema

RELEASE = REPO / "releases" / "reuters-2006-2013"
LABELS = RELEASE / "annotations" / "human-test.jsonl"
FIELDS = ("speaker", "speaker_role", "company", "ticker", "quarter", "label")
KEYS = {"article_id", "char_start", "char_end", "split", "is_row", *FIELDS, "annotators", "adjudicated"}
# A value a judge typed: a name, a code or a class (letters, digits, spaces and name punctuation, short).
VALUE = re.compile(r"[\w .,&'()/+-]{1,60}")


def records() -> list[dict]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]


def test_the_judgements_hold_ids_offsets_and_labels_only():
    for n, rec in enumerate(records(), 1):
        assert set(rec) <= KEYS, f"line {n}: {sorted(set(rec) - KEYS)}"
        assert re.fullmatch(r"reuters-ding-\d{8}-[\w.-]+", rec["article_id"])
        assert 0 <= rec["char_start"] < rec["char_end"]
        values = [rec.get(f) for f in FIELDS] + [v.get(f) for v in rec["annotators"].values() for f in FIELDS]
        for v in values:
            assert v is None or isinstance(v, bool) or VALUE.fullmatch(v), f"line {n}: {v!r} is not a label"
        assert len(rec["annotators"]) == 2 and set(rec["adjudicated"]) <= {"is_row", *FIELDS}
        assert rec["split"] == "test"


def test_more_than_a_thousand_rows_judged_twice_and_settled():
    recs = records()
    rows = [r for r in recs if r.get("is_row") is not False]
    assert len(rows) >= 1000
    assert len({(r["article_id"], r["char_start"]) for r in recs}) == len(recs)
    spec = schema.load("statements")
    for r in rows:  # a judged row carries every field the build gives it, each a value the schema allows
        assert r["label"] in spec.field("label").classes and r["speaker_role"] in spec.field("speaker_role").classes
        assert re.fullmatch(r"\d{4}Q[1-4]", r["quarter"]) and r["company"] and r["speaker"]
        assert r["ticker"] is None or re.fullmatch(spec.field("ticker").pattern, r["ticker"])
    for r in recs:  # the final value is the annotators' shared one, unless a third reading settled it
        a, b = r["annotators"]["A"], r["annotators"]["B"]
        for f in ("is_row", *FIELDS):
            if f not in r["adjudicated"] and (r.get("is_row") is not False or f == "is_row"):
                assert r.get(f, False) in (a.get(f), b.get(f)), (r["article_id"], f)
    # published at the end of the stream: the drawn articles are of the release's latest calendar year
    assert {r["article_id"][13:17] for r in recs} == {"2013"}


def test_the_build_reads_every_judgement():
    judged = human_labels.load_judgements(LABELS.parent)
    counts = Counter(r.get("is_row") is not False for r in records())
    assert len(judged.not_rows) == counts[False] and len(judged.fields) == counts[True]


def test_the_recipe_is_one_command_and_its_card_notes_exist():
    script = REPO / "scripts" / "reuters-2006-2013.sh"
    res = subprocess.run(["bash", str(script)], capture_output=True, text=True, check=False)
    assert res.returncode == 2 and "usage:" in res.stderr
    text = script.read_text(encoding="utf-8")
    assert "--no-article-text" in text and "--annotations" in text and "validate" in text
    assert (RELEASE / "CARD.md").read_text(encoding="utf-8").startswith("## The Reuters 2006-2013 release")


def test_nothing_of_the_corpus_is_in_the_repository_label_files():
    """Every label file the repository ships is ids, offsets and labels (the corpus's texts never go in)."""
    files = [
        *REPO.glob("releases/*/annotations/*.jsonl"),
        *REPO.glob("releases/*/audit/*.jsonl"),
        *REPO.glob("scripts/labels/*.jsonl"),
    ]
    assert LABELS in files and len(files) >= 5
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            assert not {"text", "statement", "title", "context", "note", "headline"} & set(rec), f"{path}:{n}"
            assert len(line) < 1500, f"{path}:{n}: a record this long may hold text"


def test_the_shipped_audit_sheets_report_without_a_release_text():
    """The card's audit: text-free judged sheets (row ids, offsets, judgements), 150 rows each, every row judged;
    the report reads them (a blind sheet's comparison needs the release, which the recipe builds)."""
    from earnings_events import audit_sheet

    for path in sorted((RELEASE / "audit").glob("*.jsonl")):
        rows = audit_sheet.read_sheet(path)
        assert len(rows) == 150 and all(r.judged["in_scope"] is not None for r in rows), path
        assert all(r.extracted is None for r in rows)  # blind: the judges never saw the pipeline's values
