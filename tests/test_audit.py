"""audit: sheets drawn from real built releases, judged by hand here, and the report's shares."""

import csv
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polars as pl
import pytest

from conftest import DATA, SHARED
from earnings_events import audit, audit_sheet, metrics
from earnings_events.errors import ConfigError, InputError

# The judged keys of the shared audit sheet (shared/audit/rows-2026-12-02.jsonl), in its order.
SHARED_JUDGED = [
    "in_scope",
    "is_row",
    "span_ok",
    "speaker_ok",
    "speaker_gold",
    "role_ok",
    "role_gold",
    "company_ok",
    "company_gold",
    "ticker_ok",
    "ticker_gold",
    "quarter_ok",
    "quarter_gold",
    "label_ok",
    "label_gold",
    "error_class",
    "note",
]
SHARED_SHEET = SHARED / "audit" / "rows-2026-12-02.jsonl"


def release_rows(release: Path) -> dict[str, dict]:
    return audit.statements(release)


def draw(release: Path, out: Path, **kw) -> Path:
    return audit.sample(audit.SampleOptions(release, out, **{"seed": 7, **kw}))


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_lines(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def judge(rec: dict, **values) -> dict:
    return {**rec, "judged": {**rec["judged"], **values}}


ALL_RIGHT = {
    "in_scope": True,
    "is_row": True,
    "span_ok": True,
    **{f"{f}_ok": True for f in ("speaker", "role", "company", "ticker", "quarter", "label")},
}


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "earnings_events.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )


# ---------------------------------------------------------------- sample


def test_sheet_rows_hold_the_release_rows_with_article_context_and_empty_judgements(small_release, tmp_path):
    sheet = lines(draw(small_release, tmp_path / "s.jsonl", n=150))
    rows = release_rows(small_release)
    titles = dict(pl.read_parquet(small_release / "articles/corpus.parquet", columns=["article_id", "title"]).rows())
    assert len(sheet) == len(rows) == 9  # fewer rows than --n: every row, once
    assert sorted(r["row_id"] for r in sheet) == sorted(rows)
    for r in sheet:
        assert list(r) == list(audit_sheet.SHEET_KEYS)
        assert list(r["judged"]) == SHARED_JUDGED and set(r["judged"].values()) == {None}
        row = rows[r["row_id"]]
        assert r["extracted"] == {
            k: row[k] for k in ("speaker", "speaker_role", "company", "ticker", "quarter", "label")
        }
        assert (r["statement"], r["char_start"], r["article_id"]) == (
            row["statement"],
            row["char_start"],
            row["article_id"],
        )
        assert r["headline"] == titles[r["article_id"]] and r["url"] == row["url"]
        assert r["published"] == row["published"].isoformat()
        assert f"⟦{' '.join(row['statement'].split())}⟧" in r["context"]


def test_draw_is_seeded_byte_identical_and_a_prefix_is_a_smaller_draw(small_release, tmp_path):
    a = draw(small_release, tmp_path / "a.jsonl", n=5)
    b = draw(small_release, tmp_path / "b.jsonl", n=5)
    assert a.read_bytes() == b.read_bytes()
    all9 = [r["row_id"] for r in lines(draw(small_release, tmp_path / "all.jsonl", n=9))]
    assert [r["row_id"] for r in lines(a)] == all9[:5]  # the sheet's order is the draw's order
    # The order is sha256(seed, id): worked out here independently of the module.
    expected = sorted(all9, key=lambda i: hashlib.sha256(f"7\x1f{i}".encode()).hexdigest())
    assert all9 == expected
    other = [r["row_id"] for r in lines(draw(small_release, tmp_path / "o.jsonl", n=9, seed=8))]
    assert sorted(other) == sorted(all9) and other != all9
    csv_a = draw(small_release, tmp_path / "a.csv", n=5)
    assert csv_a.read_bytes() == draw(small_release, tmp_path / "b.csv", n=5).read_bytes()


def test_draw_key_is_pinned_and_draws_rows_uniformly():
    # The same key on every platform and Python version (a pure sha256): pinned.
    assert audit.draw_key(7, "0123456789abcdef") == hashlib.sha256(b"7\x1f0123456789abcdef").hexdigest()
    # Over 900 seeds, drawing 3 of 9 ids picks each id about 300 times (binomial sd ~14).
    ids = [f"{i:016x}" for i in range(9)]
    counts = Counter(i for seed in range(900) for i in sorted(ids, key=lambda x: audit.draw_key(seed, x))[:3])
    assert set(counts) == set(ids)
    assert all(240 <= c <= 360 for c in counts.values()), counts


def test_split_option_draws_from_that_split_only(small_release, tmp_path):
    test_ids = set(pl.read_parquet(small_release / "statements/test.parquet")["id"])
    sheet = lines(draw(small_release, tmp_path / "t.jsonl", n=150, splits=("test",)))
    assert {r["row_id"] for r in sheet} == test_ids and len(test_ids) == 2
    with pytest.raises(ConfigError, match="unknown split"):
        draw(small_release, tmp_path / "x.jsonl", splits=("dev",))


def test_blind_sheet_leaves_out_the_extracted_values(small_release, tmp_path):
    sheet = lines(draw(small_release, tmp_path / "b.jsonl", n=3, blind=True))
    assert all("extracted" not in r and list(r["judged"]) == SHARED_JUDGED for r in sheet)
    header = draw(small_release, tmp_path / "b.csv", n=3, blind=True).read_text().splitlines()[0]
    assert "extracted." not in header and "judged.speaker_gold" in header


def test_an_existing_sheet_is_not_overwritten_without_force(small_release, tmp_path):
    path = draw(small_release, tmp_path / "s.jsonl", n=2)
    write_lines(path, [judge(r, in_scope=True) for r in lines(path)])
    with pytest.raises(ConfigError, match="may hold judgements"):
        draw(small_release, path, n=2)
    assert all(r["judged"]["in_scope"] for r in lines(path))
    draw(small_release, path, n=2, force=True)
    assert all(r["judged"]["in_scope"] is None for r in lines(path))
    with pytest.raises(ConfigError, match=r"\.jsonl or a \.csv"):
        draw(small_release, tmp_path / "s.xlsx")


def test_context_gives_two_sentences_before_and_one_after():
    text = (
        "Acme Inc. said profit rose. Mr. Smith spoke first. Sales were flat:\n\n"
        "“Costs   will fall next year,” Chief Executive Jo Doe said. Shares rose. Bonds fell. The end."
    )
    start = text.index("Costs")
    end = text.index(",” Chief")
    # "Mr." and "Inc." end no sentence; a paragraph break does.
    assert audit.context(text, start, end) == (
        "… Mr. Smith spoke first. Sales were flat: “⟦Costs will fall next year⟧,” Chief Executive Jo Doe "
        "said. Shares rose. …"
    )
    text = "Acme Inc. said profit rose 5% to $1.2 billion. “Costs will fall,” Doe said."
    assert audit.context(text, text.index("Costs"), text.index(",” Doe")) == (
        "Acme Inc. said profit rose 5% to $1.2 billion. “⟦Costs will fall⟧,” Doe said."
    )
    # At the article's edges: no ellipsis where nothing is left out.
    assert audit.context("“We grew,” she said.", 1, 8) == "“⟦We grew⟧,” she said."


def test_release_without_article_text_needs_the_corpus(small_release, tmp_path):
    full = draw(small_release, tmp_path / "full.jsonl", n=9).read_bytes()
    corpus = small_release / "articles/corpus.parquet"
    df = pl.read_parquet(corpus)
    df.with_columns(pl.lit(None, pl.String).alias("text")).write_parquet(corpus)
    with pytest.raises(InputError, match="--articles"):
        draw(small_release, tmp_path / "none.jsonl", n=9)
    out = audit.sample(
        audit.SampleOptions(small_release, tmp_path / "with.jsonl", n=9, seed=7, articles=(DATA / "articles.jsonl",))
    )
    assert out.read_bytes() == full  # the corpus gives the same sheet as the release's own text
    df.drop("text").write_parquet(corpus)  # the column absent altogether
    with pytest.raises(InputError, match="--articles"):
        draw(small_release, tmp_path / "none2.jsonl", n=9)
    # A corpus whose text does not hold the rows is refused, not sampled.
    other = [json.loads(line) for line in (DATA / "articles.jsonl").read_text().splitlines()]
    shifted = [{**a, "text": "Note. " + a["text"]} for a in other]
    bad = write_lines(tmp_path / "shifted.jsonl", shifted)
    with pytest.raises(InputError, match="built from"):
        audit.sample(audit.SampleOptions(small_release, tmp_path / "bad.jsonl", n=9, seed=7, articles=(bad,)))


# ---------------------------------------------------------------- sheets read back


def test_csv_sheet_reads_back_as_the_jsonl_sheet(small_release, tmp_path):
    j = draw(small_release, tmp_path / "s.jsonl", n=9)
    c = draw(small_release, tmp_path / "s.csv", n=9)
    assert [(r.row_id, r.extracted, r.judged) for r in audit.read_sheet(c)] == [
        (r.row_id, r.extracted, r.judged) for r in audit.read_sheet(j)
    ]
    with c.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[9:12] == ["extracted.speaker", "extracted.speaker_role", "extracted.company"]
    # Booleans as a spreadsheet may hold them; a blank cell is no judgement.
    for row, value in zip(rows, ["true", "YES", "1", "false", "No", "0", " ", "True", "FALSE"], strict=True):
        row["judged.in_scope"] = value
    with c.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    got = [r.judged["in_scope"] for r in audit.read_sheet(c)]
    assert got == [True, True, True, False, False, False, None, True, False]
    rows[4]["judged.in_scope"] = "maybe"
    with c.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with pytest.raises(InputError, match=r"s\.csv:6: judged\.in_scope must be true, false or empty"):
        audit.read_sheet(c)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{oops", r"s\.jsonl:3: not JSON"),
        ({"surprise": 1}, r"s\.jsonl:3: unknown key 'surprise'"),
        ({"judged": {"speker_ok": True}}, r"s\.jsonl:3: unknown key 'judged\.speker_ok'"),
        ({"judged": {"span_ok": "yes"}}, r"s\.jsonl:3: judged\.span_ok must be true, false or empty, got 'yes'"),
        ({"judged": {"label_gold": "bullish"}}, r"s\.jsonl:3: judged\.label_gold 'bullish' is not one of"),
        ({"judged": {"quarter_gold": "Q4 2023"}}, r"s\.jsonl:3: judged\.quarter_gold 'Q4 2023' is not a quarter"),
        ({"row_id": "0000000000000000"}, r"s\.jsonl:3: row_id '0000000000000000' does not match"),
        ({"char_start": "ten"}, r"s\.jsonl:3: char_start and char_end must be whole numbers"),
    ],
)
def test_a_bad_sheet_line_is_named_by_file_and_line(small_release, tmp_path, bad_line, message):
    path = draw(small_release, tmp_path / "s.jsonl", n=4)
    recs = lines(path)
    if isinstance(bad_line, dict):
        judged = bad_line.pop("judged", {})
        recs[2] = {**recs[2], **bad_line, "judged": {**recs[2]["judged"], **judged}}
    else:
        recs[2] = bad_line
    write_lines(path, recs)
    with pytest.raises(InputError, match=message):
        audit.report(path)


def test_a_row_twice_on_a_sheet_is_refused(small_release, tmp_path):
    path = draw(small_release, tmp_path / "s.jsonl", n=3)
    recs = lines(path)
    write_lines(path, [*recs, recs[0]])
    with pytest.raises(InputError, match=r"s\.jsonl:4: row .* is on the sheet twice \(also line 1\)"):
        audit.read_sheet(path)


# ---------------------------------------------------------------- report


def test_report_counts_a_hand_judged_sheet(small_release, tmp_path):
    path = draw(small_release, tmp_path / "s.jsonl", n=9)
    recs = lines(path)
    recs[0] = judge(recs[0], **ALL_RIGHT)  # every field right
    recs[1] = judge(recs[1], **{**ALL_RIGHT, "label_ok": False}, label_gold="risk", error_class="label")
    recs[2] = judge(recs[2], **{**ALL_RIGHT, "quarter_ok": False}, error_class="quarter")  # tuple wrong
    recs[3] = judge(recs[3], **{**ALL_RIGHT, "speaker_ok": None})  # speaker not judged: tuple unknown
    recs[4] = judge(recs[4], in_scope=False, error_class="out of scope")  # rest empty: tuple still wrong
    recs[5] = judge(recs[5], note="come back to this one")  # a note is a judgement: judged, in no share
    write_lines(path, recs)  # rows 7-9 not judged
    r = audit.report(path)
    assert (r.rows, r.judged, r.field_rows, r.derived) == (9, 6, 4, 0)
    got = {k: (s.right, s.n) for k, s in r.overall.items()}
    assert got == {"in_scope": (4, 5), "is_row": (4, 4), "tuple": (2, 4), "every_field": (1, 4)}
    fields = {k: (s.right, s.n) for k, s in r.fields.items()}
    assert fields == {
        "span": (4, 4),
        "speaker": (3, 3),  # the row left unjudged for speaker is out of n, not wrong
        "role": (4, 4),
        "company": (4, 4),
        "ticker": (4, 4),
        "quarter": (3, 4),
        "label": (3, 4),
    }
    assert r.error_classes == {"label": 1, "out of scope": 1, "quarter": 1}
    d = r.to_dict()
    lo, hi = metrics.wilson(2, 4)
    assert d["overall"]["tuple"] == {"right": 2, "n": 4, "share": 0.5, "ci95": [round(lo, 6), round(hi, 6)]}
    assert json.loads(json.dumps(d)) == d
    empty = audit.report(draw(small_release, tmp_path / "empty.jsonl", n=2))
    assert empty.judged == 0 and empty.overall["tuple"].to_dict()["ci95"] == [None, None]


def test_blind_sheet_report_compares_gold_with_the_release(small_release, tmp_path):
    path = draw(small_release, tmp_path / "b.jsonl", n=3, blind=True)
    rows = release_rows(small_release)
    recs = lines(path)
    gold = []
    for rec in recs:
        row = rows[rec["row_id"]]
        gold.append(
            {
                "in_scope": True,
                "is_row": True,
                "span_ok": True,
                "speaker_gold": row["speaker"].upper(),  # names compared as score.py normalises them
                "role_gold": row["speaker_role"],
                "company_gold": f"The {row['company']} Inc.",
                "ticker_gold": row["ticker"].lower(),
                "quarter_gold": row["quarter"],
                "label_gold": row["label"],
            }
        )
    gold[1]["label_gold"] = next(c for c in ("outlook", "performance", "risk") if c != rows[recs[1]["row_id"]]["label"])
    gold[2]["ticker_gold"] = "none"  # the judge says there is no ticker; the release has one
    gold[2]["role_ok"] = False  # a judge's explicit flag wins over the comparison
    gold[0]["quarter_gold"] = None  # left empty: not judged, so out of the quarter's n
    write_lines(path, [judge(rec, **g) for rec, g in zip(recs, gold, strict=True)])
    with pytest.raises(InputError, match=r"b\.jsonl:1: .*pass --release"):
        audit.report(path)
    r = audit.report(path, release=small_release)
    assert r.derived == 3 * 6 - 2
    fields = {k: (s.right, s.n) for k, s in r.fields.items()}
    assert fields["speaker"] == fields["company"] == (3, 3) and fields["quarter"] == (2, 2)
    assert fields["label"] == (2, 3) and fields["ticker"] == (2, 3) and fields["role"] == (2, 3)
    # Row 1: tuple unknown (quarter not judged); row 2: label wrong; row 3: ticker and role wrong.
    assert (r.overall["tuple"].right, r.overall["tuple"].n) == (2, 2)
    assert (r.overall["every_field"].right, r.overall["every_field"].n) == (0, 2)
    assert audit.same("ticker", None, "none") and audit.same("quarter", None, "none")
    assert not audit.same("company", "Acme", "none")


def test_blind_company_in_another_form_of_its_name_is_right_when_the_tickers_agree(small_release, tmp_path):
    """A judge writes "Walt Disney" where the release says "Disney": the same company when the judge's ticker
    is the release's (as `score` compares companies); another ticker, or none, leaves it wrong."""
    path = draw(small_release, tmp_path / "c.jsonl", n=3, blind=True)
    rows = release_rows(small_release)
    recs = lines(path)
    judged = []
    for k, rec in enumerate(recs):
        row = rows[rec["row_id"]]
        ticker = [row["ticker"], "ZZZZ", "none"][k]
        judged.append(
            judge(rec, in_scope=True, is_row=True, company_gold=f"Holding of {row['company']}", ticker_gold=ticker)
        )
    write_lines(path, judged)
    r = audit.report(path, release=small_release)
    assert (r.fields["company"].right, r.fields["company"].n) == (1, 3)


def test_report_against_a_release_refuses_rows_it_does_not_hold(small_release, tmp_path):
    path = draw(small_release, tmp_path / "s.jsonl", n=3)
    recs = lines(path)
    recs[1] = {**judge(recs[1], **ALL_RIGHT), "article_id": "elsewhere", "row_id": None}
    write_lines(path, recs)
    with pytest.raises(InputError, match=r"s\.jsonl:2: row \w+ \(elsewhere .*\) is not in the release"):
        audit.report(path, release=small_release)
    kept = audit.report(path, release=small_release, only_in_release=True)  # a later build dropped that row
    assert (kept.rows, kept.not_in_release, kept.to_dict()["not_in_release"]) == (2, 1, 1)
    recs = lines(draw(small_release, tmp_path / "t.jsonl", n=3))
    recs[0] = judge(recs[0], **ALL_RIGHT)
    recs[0]["extracted"]["speaker"] = "Someone Else"
    write_lines(tmp_path / "t.jsonl", recs)
    with pytest.raises(InputError, match=r"t\.jsonl:1: .*extracted\.speaker .*another release"):
        audit.report(tmp_path / "t.jsonl", release=small_release)
    assert audit.report(tmp_path / "t.jsonl").judged == 1  # without --release the sheet's own values stand


@pytest.mark.skipif(not SHARED_SHEET.is_file(), reason="the shared audit sheet is not on this machine")
def test_shared_audit_sheet_gives_the_published_numbers():
    r = audit.report(SHARED_SHEET)
    assert (r.rows, r.judged, r.field_rows) == (150, 150, 67)

    def pct(share: audit.Share) -> tuple[int, int, int, int]:
        lo, hi = share.interval
        return share.right, round(100 * share.value), round(100 * lo), round(100 * hi)

    assert pct(r.overall["in_scope"]) == (67, 45, 37, 53)
    assert pct(r.overall["tuple"]) == (44, 29, 23, 37)
    assert pct(r.overall["every_field"]) == (15, 10, 6, 16)
    published = {"span": 99, "speaker": 93, "role": 87, "quarter": 84, "company": 82, "label": 61, "ticker": 54}
    assert {k: round(100 * r.fields[k].value) for k in published} == published
    assert sum(r.error_classes.values()) == 135


# ---------------------------------------------------------------- command line


def test_cli_sample_then_report(small_release, tmp_path):
    sheet = tmp_path / "s.csv"
    res = cli("audit", "sample", str(small_release), "--n", "4", "--seed", "3", "--out", str(sheet))
    assert res.returncode == 0, res.stderr
    assert "wrote 4 rows" in res.stdout and "audit report" in res.stdout
    res = cli("audit", "report", str(sheet), "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["judged"] == 0 and json.loads(res.stdout)["rows"] == 4
    res = cli("audit", "report", str(sheet))
    assert res.returncode == 0 and "judged 0 of 4 rows" in res.stdout and "not counted wrong" in res.stdout
    res = cli("audit", "sample", "--help")
    assert res.returncode == 0 and "--blind" in res.stdout and "--articles" in res.stdout


def test_cli_user_mistakes_are_one_line_without_traceback(small_release, tmp_path):
    bad = write_lines(tmp_path / "bad.jsonl", ["{not json"])
    res = cli("audit", "report", str(bad))
    assert res.returncode == 2 and "bad.jsonl:1: not JSON" in res.stderr and "Traceback" not in res.stderr
    sheet = tmp_path / "s.jsonl"
    assert cli("audit", "sample", str(small_release), "--seed", "1", "--out", str(sheet)).returncode == 0
    res = cli("audit", "sample", str(small_release), "--seed", "1", "--out", str(sheet))
    assert res.returncode == 2 and "--force" in res.stderr and "Traceback" not in res.stderr
    res = cli("audit", "sample", str(tmp_path / "nowhere"), "--seed", "1", "--out", str(tmp_path / "x.jsonl"))
    assert res.returncode == 2 and "not a release" in res.stderr and "Traceback" not in res.stderr


# ---------------------------------------------------------------- split and join


def test_split_then_join_in_any_order_gives_the_sheet_back_byte_for_byte(small_release, tmp_path):
    sheet = draw(small_release, tmp_path / "s.jsonl", n=7)
    written = audit_sheet.split_sheet(sheet, 3)
    parts = [p for p, _ in written]
    assert [p.name for p in parts] == ["s-part1.jsonl", "s-part2.jsonl", "s-part3.jsonl"]
    assert [len(lines(p)) for p in parts] == [n for _, n in written] == [3, 2, 2]
    assert [r for p in parts for r in lines(p)] == lines(sheet)
    joined = audit_sheet.join_sheets(parts[::-1], tmp_path / "j.jsonl", like=sheet)
    assert (joined.rows, joined.judged, joined.parts) == (7, 0, 3)
    assert (tmp_path / "j.jsonl").read_bytes() == sheet.read_bytes()
    with pytest.raises(ConfigError, match="too few for 8 parts"):
        audit_sheet.split_sheet(sheet, 8, force=True)


def test_judged_parts_in_two_formats_join_and_report_as_one_sheet(small_release, tmp_path):
    sheet = draw(small_release, tmp_path / "s.jsonl", n=4)
    (first, _), (second, _) = audit_sheet.split_sheet(sheet, 2)
    write_lines(first, [judge(r, **ALL_RIGHT) for r in lines(first)])
    rest = lines(second)
    write_lines(second, [judge(rest[0], **{**ALL_RIGHT, "label_ok": False}), rest[1]])
    as_csv = audit_sheet.write_sheet(tmp_path / "second.csv", lines(second))
    out = tmp_path / "judged.csv"
    joined = audit_sheet.join_sheets([as_csv, first], out, like=sheet)
    assert (joined.rows, joined.judged) == (4, 3)
    assert [r.row_id for r in audit_sheet.read_sheet(out)] == [r["row_id"] for r in lines(sheet)]
    r = audit.report(out)
    assert (r.judged, r.overall["every_field"].right, r.overall["every_field"].n) == (3, 2, 3)


def test_join_refuses_a_row_twice_a_part_missing_and_a_row_from_another_sheet(small_release, tmp_path):
    sheet = draw(small_release, tmp_path / "s.jsonl", n=6)
    (p1, _), (p2, _), (p3, _) = audit_sheet.split_sheet(sheet, 3)
    with pytest.raises(InputError, match=r"s\.jsonl: 2 of its rows are in no part"):
        audit_sheet.join_sheets([p1, p3], tmp_path / "j.jsonl", like=sheet)
    other = next(
        r
        for r in lines(draw(small_release, tmp_path / "o.jsonl", n=50, seed=99))
        if r["row_id"] not in {x["row_id"] for x in lines(sheet)}
    )
    stranger = write_lines(tmp_path / "stranger.jsonl", [other])
    with pytest.raises(InputError, match=r"stranger\.jsonl:1: row \w+ is not on the sheet"):
        audit_sheet.join_sheets([p1, p2, p3, stranger], tmp_path / "j.jsonl", like=sheet)
    write_lines(p2, lines(p2) + lines(p1)[1:2])
    with pytest.raises(InputError, match=r"s-part2\.jsonl:3: row \w+ is also in \S*s-part1\.jsonl:2"):
        audit_sheet.join_sheets([p1, p2, p3], tmp_path / "j.jsonl")
    with pytest.raises(ConfigError, match="given twice"):
        audit_sheet.join_sheets([p1, p1], tmp_path / "j.jsonl")
    assert not (tmp_path / "j.jsonl").exists()
    with pytest.raises(ConfigError, match="pass --force"):
        audit_sheet.split_sheet(sheet, 3)


def test_a_text_free_join_keeps_ids_offsets_and_judgements_and_blanks_quoted_words(small_release, tmp_path):
    sheet = draw(small_release, tmp_path / "s.jsonl", n=2, blind=True)
    recs = lines(sheet)
    note = "the words \"we beat it\" boast; 'held up' hedges; the firm's own year"
    write_lines(sheet, [judge(recs[0], in_scope=True, is_row=True, label_gold="risk", note=note), recs[1]])
    out = tmp_path / "tf.jsonl"
    audit_sheet.join_sheets([sheet], out, text_free=True)
    got = lines(out)
    assert [sorted(r) for r in got] == [sorted(audit_sheet.TEXT_FREE_KEYS)] * 2
    assert got[0]["judged"]["note"] == 'the words "…" boast; "…" hedges; the firm\'s own year'
    assert recs[0]["statement"] not in out.read_text(encoding="utf-8")
    r = audit.report(out, release=small_release)
    assert (r.judged, r.fields["label"].n) == (1, 1)


def test_cli_split_and_join(small_release, tmp_path):
    sheet = draw(small_release, tmp_path / "s.jsonl", n=5)
    res = cli("audit", "split", str(sheet), "--parts", "2")
    assert res.returncode == 0, res.stderr
    assert "wrote 2 parts" in res.stdout and "3 + 2 rows" in res.stdout and "audit join" in res.stdout
    parts = [str(tmp_path / "s-part2.jsonl"), str(tmp_path / "s-part1.jsonl")]
    res = cli("audit", "join", *parts, "--sheet", str(sheet), "--out", str(tmp_path / "j.jsonl"))
    assert res.returncode == 0 and "joined 5 rows from 2 parts" in res.stdout and "5 not yet judged" in res.stdout
    assert (tmp_path / "j.jsonl").read_bytes() == sheet.read_bytes()
    res = cli("audit", "join", *parts, "--out", str(tmp_path / "j.jsonl"))
    assert res.returncode == 2 and "--force" in res.stderr and "Traceback" not in res.stderr
    res = cli("audit", "split", str(sheet), "--parts", "2")
    assert res.returncode == 2 and "may hold judgements" in res.stderr and "Traceback" not in res.stderr
