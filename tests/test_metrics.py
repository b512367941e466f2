"""metrics.py against values worked out by hand, and the bootstrap's guarantees."""

import pytest

from earnings_events import metrics

# (predicted, gold), worked by hand below.
PAIRS = [
    ("a", "a"),
    ("a", "a"),
    ("b", "a"),
    ("b", "b"),
    ("a", "b"),
    ("c", "c"),
    ("a", "c"),
    ("c", "c"),
]


def test_accuracy_by_hand():
    assert metrics.accuracy(PAIRS) == 5 / 8
    assert metrics.accuracy([]) is None


def test_per_class_by_hand():
    pc = metrics.per_class(PAIRS, ["a", "b", "c"])
    # a: predicted 4 times, right 2; gold 3 -> P 1/2, R 2/3, F1 4/7
    assert pc["a"]["precision"] == pytest.approx(1 / 2)
    assert pc["a"]["recall"] == pytest.approx(2 / 3)
    assert pc["a"]["f1"] == pytest.approx(4 / 7)
    assert pc["a"]["support"] == 3
    # b: predicted 2, right 1; gold 2 -> 1/2, 1/2, 1/2
    assert (pc["b"]["precision"], pc["b"]["recall"], pc["b"]["f1"]) == pytest.approx((0.5, 0.5, 0.5))
    # c: predicted 2, right 2; gold 3 -> 1, 2/3, 4/5
    assert (pc["c"]["precision"], pc["c"]["recall"], pc["c"]["f1"]) == pytest.approx((1.0, 2 / 3, 0.8))


def test_macro_f1_by_hand_and_over_seen_classes_only():
    assert metrics.macro_f1(PAIRS) == pytest.approx((4 / 7 + 0.5 + 0.8) / 3)
    # A class that neither gold nor prediction holds does not count; one that only gold holds counts as 0.
    assert metrics.macro_f1([("a", "a"), ("a", "b")]) == pytest.approx((2 / 3 + 0) / 2)


def test_undefined_precision_and_recall():
    p, r, f = metrics.prf(0, 0, 3)  # never predicted: precision undefined, recall 0, F1 0
    assert (p, r, f) == (None, 0.0, 0.0)
    assert metrics.prf(0, 0, 0) == (None, None, None)
    pc = metrics.per_class([("a", "a")], ["a", "b"])
    assert pc["b"] == {"precision": None, "recall": None, "f1": None, "support": 0}


def test_confusion_matrix_rows_are_gold():
    assert metrics.confusion_matrix(PAIRS, ["a", "b", "c"]) == [[2, 1, 0], [1, 1, 0], [1, 0, 2]]


def test_agrees_with_scikit_learn():
    sk = pytest.importorskip("sklearn.metrics")
    pred, gold = zip(*PAIRS, strict=True)
    assert metrics.accuracy(PAIRS) == pytest.approx(sk.accuracy_score(gold, pred))
    assert metrics.macro_f1(PAIRS) == pytest.approx(sk.f1_score(gold, pred, average="macro"))
    assert metrics.confusion_matrix(PAIRS, ["a", "b", "c"]) == sk.confusion_matrix(gold, pred).tolist()
    a = ["y", "y", "n", "n", "y", "n", "y", "y"]
    b = ["y", "n", "n", "n", "y", "y", "y", "n"]
    assert metrics.cohen_kappa(a, b) == pytest.approx(sk.cohen_kappa_score(a, b))


def test_cohen_kappa_by_hand():
    # po = 3/4; marginals a: y2 n2, b: y1 n3 -> pe = (2*1 + 2*3) / 16 = 1/2 -> kappa = (3/4 - 1/2) / (1/2)
    assert metrics.cohen_kappa(["y", "y", "n", "n"], ["y", "n", "n", "n"]) == pytest.approx(0.5)
    assert metrics.cohen_kappa(["y", "n"], ["y", "n"]) == pytest.approx(1.0)
    assert metrics.cohen_kappa(["y", "n"], ["n", "y"]) == pytest.approx(-1.0)
    assert metrics.cohen_kappa(["y", "y"], ["y", "y"]) is None  # chance agreement 1: undefined
    with pytest.raises(ValueError):
        metrics.cohen_kappa(["y"], ["y", "n"])


def test_percentile_interpolates_like_numpy():
    assert metrics.percentile([1, 2, 3, 4], 0.5) == 2.5
    assert metrics.percentile([0, 10], 0.025) == pytest.approx(0.25)
    assert metrics.percentile([5], 0.975) == 5


def test_bootstrap_is_seeded_and_brackets_the_value():
    a = metrics.classification(PAIRS, ["a", "b", "c"], ["accuracy", "macro_f1"], seed=7)
    b = metrics.classification(PAIRS, ["a", "b", "c"], ["accuracy", "macro_f1"], seed=7)
    c = metrics.classification(PAIRS, ["a", "b", "c"], ["accuracy", "macro_f1"], seed=8)
    assert a == b
    assert a != c
    lo, hi = a["accuracy"]["ci95"]
    assert lo <= a["accuracy"]["value"] <= hi
    assert 0 <= lo < hi <= 1


def test_bootstrap_of_a_perfect_system_is_a_point():
    perfect = [(g, g) for _, g in PAIRS]
    out = metrics.classification(perfect, ["a", "b", "c"], ["accuracy", "per_class"])
    assert out["accuracy"] == {"value": 1.0, "ci95": [1.0, 1.0]}
    assert out["per_class"]["a"]["f1"] == {"value": 1.0, "ci95": [1.0, 1.0]}


def test_bootstrap_resample_count_and_draws():
    draws = metrics.resample_indices(5, 1000, seed=1)
    assert len(draws) == 1000 and all(len(d) == 5 and set(d) <= set(range(5)) for d in draws)
    assert draws == metrics.resample_indices(5, 1000, seed=1)
    # With 8 units, some resample leaves a unit out, so the interval of a 5/8 accuracy is not a point.
    out = metrics.classification(PAIRS, ["a", "b", "c"], ["accuracy"], resamples=1000)
    assert out["accuracy"]["ci95"][0] < 5 / 8 < out["accuracy"]["ci95"][1]


def test_classification_report_shape():
    out = metrics.classification(PAIRS, ["a", "b", "c"], list(metrics.METRICS["row"]))
    assert set(out) == {"accuracy", "macro_f1", "per_class", "confusion_matrix"}
    assert out["per_class"]["c"]["support"] == 3
    assert out["per_class"]["c"]["precision"]["value"] == 1.0
    assert out["confusion_matrix"]["counts"] == [[2, 1, 0], [1, 1, 0], [1, 0, 2]]
    # A prediction outside the classes is kept and shown, never dropped.
    odd = metrics.classification([("zzz", "a")], ["a"], ["confusion_matrix"])
    assert odd["confusion_matrix"]["labels"] == ["a", "zzz"]
    assert odd["confusion_matrix"]["counts"] == [[0, 1], [0, 0]]


def test_extraction_micro_averages_over_articles():
    counts = [
        metrics.ArticleCounts(n_pred=3, n_gold=4, matched=2, tuple_tp=1),
        metrics.ArticleCounts(n_pred=1, n_gold=0, matched=0, tuple_tp=0),
    ]
    out = metrics.extraction(counts, ["quote_f1", "tuple_f1"])
    # quote: P 2/4, R 2/4, F1 1/2; tuple: P 1/4, R 1/4, F1 1/4
    assert out["quote_precision"]["value"] == 0.5
    assert out["quote_recall"]["value"] == 0.5
    assert out["quote_f1"]["value"] == 0.5
    assert out["tuple_f1"]["value"] == 0.25
    lo, hi = out["quote_f1"]["ci95"]
    assert lo <= 0.5 <= hi


def test_empty_input_has_no_value_and_no_interval():
    out = metrics.classification([], ["a"], ["accuracy", "macro_f1"])
    assert out["accuracy"] == {"value": None, "ci95": [None, None]}


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [  # Newcombe (1998), "Two-sided confidence intervals for the single proportion", table I, method 3
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        (29, 29, 0.8830, 1.0),
    ],
)
def test_wilson_interval_matches_published_values(k, n, low, high):
    lo, hi = metrics.wilson(k, n)
    assert (round(lo, 4), round(hi, 4)) == (low, high)


def test_wilson_interval_edges_level_and_bad_counts():
    assert metrics.wilson(0, 0) is None
    assert metrics.wilson(0, 5)[0] == 0.0 and metrics.wilson(5, 5)[1] == 1.0  # exact ends, inside [0, 1]
    assert metrics.wilson(5, 10) == pytest.approx((0.2366, 0.7634), abs=1e-4)  # symmetric about 1/2
    narrow = metrics.wilson(81, 263, confidence=0.90)
    assert narrow == pytest.approx((0.2633, 0.3566), abs=1e-4)  # a lower level gives a narrower interval
    with pytest.raises(ValueError):
        metrics.wilson(6, 5)
