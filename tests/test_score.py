"""The scorer: matching rules, one-to-one assignment, metrics against hand-computed values."""

import json

import pytest

from earnings_events import score


def row(article="a", statement="We expect margins to improve next year.", **kw):
    base = {
        "article_id": article,
        "statement": statement,
        "speaker": "Laura Chen",
        "company": "Northwind",
        "ticker": "NWD",
        "quarter": "2024Q1",
        "speaker_role": "executive",
        "label": "outlook",
    }
    return {**base, **kw}


@pytest.mark.parametrize(
    ("pred", "gold", "matches"),
    [
        ("We expect margins to improve next year.", "we expect margins to improve next year", True),  # case, edge punct
        ("“We expect\nmargins  to improve,", '"We expect margins to improve', True),  # quotes, white space
        ("We expect margins to improve next year", "We expect margins to improve next year, he said", True),  # 80%
        ("We expect margins", "We expect margins to improve next year and beyond", False),  # contained, too short
        ("Revenue fell sharply in Europe.", "We expect margins to improve next year.", False),
    ],
)
def test_statement_matching(pred, gold, matches):
    assert bool(score.match([row(statement=pred)], [row(statement=gold)])) is matches


def test_near_miss_below_threshold_is_not_a_match():
    a = "Our cloud business doubled this year"
    b = "Our cloud business tripled last year"
    assert score.similarity(score.norm_statement(a), score.norm_statement(b)) < 0.9
    assert score.match([row(statement=a)], [row(statement=b)]) == []


def test_matching_is_one_to_one_best_first_and_within_article():
    gold = [row(statement="Orders rose ten percent in March."), row(statement="Orders rose ten percent in May.")]
    pred = [row(statement="Orders rose ten percent in May."), row(statement="Orders rose ten percent in May")]
    pairs = score.match(pred, gold)
    assert (0, 1) in pairs and len(pairs) == 2  # the exact May pair wins; the other takes what is left
    assert score.match([row(article="b")], [row(article="a")]) == []


def test_metrics_hand_computed():
    gold = [
        row(statement="Sales grew in every single region we serve.", label="performance"),
        row(statement="We will open forty new stores next year.", label="outlook"),
        row(statement="Costs remain a real worry for all of us.", label="risk"),
        row(statement="Thanks to everyone who joined the call today.", label="other"),
    ]
    pred = [
        row(statement="Sales grew in every single region we serve.", label="performance"),
        row(statement="We will open forty new stores next year.", label="outlook", speaker="Tom Reyes"),
        row(statement="Costs remain a real worry for all of us.", label="outlook", quarter="2023Q4"),
        row(statement="An invented quote that matches nothing at all.", label="other"),
    ]
    s = score.score(pred, gold)
    assert s.matched == 3
    assert s.quote == pytest.approx({"precision": 0.75, "recall": 0.75, "f1": 0.75})
    assert s.accuracy["speaker"] == pytest.approx(2 / 3)
    assert s.accuracy["quarter"] == pytest.approx(2 / 3)
    assert s.accuracy["label"] == pytest.approx(2 / 3)
    # macro-F1 over performance (1.0), outlook (p=1/2, r=1 -> 2/3), risk (0.0)
    assert s.label_macro_f1 == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert s.tuple == pytest.approx({"precision": 0.25, "recall": 0.25, "f1": 0.25})
    kinds = [e["kind"] for e in s.errors]
    assert kinds.count("missed") == 1 and kinds.count("invented") == 1 and kinds.count("mismatch") == 2


def test_speaker_and_company_normalisation():
    assert score.norm_speaker("Anthony J.F. O'Reilly") == score.norm_speaker("anthony  o'reilly")
    # a nickname in quotes is the same person, not another name; another first name is not
    assert score.norm_speaker('Jonah "Jack" Quill') == score.norm_speaker("Jonah Quill")
    assert score.norm_speaker("Hiro “Harry” Tanabe") == score.norm_speaker("Hiro Tanabe")
    assert score.norm_speaker("Jack Quill") != score.norm_speaker("Jonah Quill")
    assert score.company_equal({"company": "Dean Foods Co", "ticker": None}, {"company": "Dean Foods", "ticker": None})
    assert score.company_equal({"company": "X", "ticker": "df"}, {"company": "Dean Foods", "ticker": "DF"})
    # the right name with another ticker is the right company (the ticker field counts the ticker error)
    assert score.company_equal(
        {"company": "Thomson Reuters", "ticker": "TRIL.L"}, {"company": "Thomson Reuters", "ticker": "TRI.TO"}
    )
    assert not score.field_equal("ticker", {"ticker": "TRIL.L"}, {"ticker": "TRI.TO"})
    assert not score.company_equal({"company": "Dean", "ticker": "DEAN"}, {"company": "Deere", "ticker": "DE"})
    # accents and hyphens are spelling; a share class may be written with or without its dot
    assert score.company_equal({"company": "Estée Lauder"}, {"company": "Estee Lauder"})
    assert score.company_equal({"company": "Ingersoll-Rand Co"}, {"company": "Ingersoll Rand"})
    assert score.field_equal("ticker", {"ticker": "VIA.B"}, {"ticker": "VIAB"})
    assert score.field_equal("ticker", {"ticker": "brk-a"}, {"ticker": "BRK.A"})
    assert not score.field_equal("ticker", {"ticker": "BRK.B"}, {"ticker": "BRK.A"})


def test_two_names_the_registry_gives_one_company_are_the_same_company():
    # a lender unlisted at the time and renamed since: no ticker to compare, the registry's entry joins the names
    assert score.company_equal({"company": "GMAC", "ticker": None}, {"company": "Ally Financial", "ticker": "none"})
    assert not score.company_equal({"company": "GMAC", "ticker": None}, {"company": "Ford Motor", "ticker": None})
    assert not score.company_equal({"company": "Quillon Widgets"}, {"company": "Northwind Widgets"})


def test_read_rows_from_a_release_and_from_jsonl(small_release, tmp_path):
    rows = score.read_rows(small_release)
    assert rows and rows[0]["label"] in {"outlook", "performance", "risk", "other"}
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, default=str) for r in rows) + "\n")
    s = score.score(rows, score.read_rows(path))
    assert s.quote["f1"] == 1.0 and s.tuple["f1"] == 1.0
