"""The label component: the linear labeler (label_lr_v4, the default where the MiniLM labeler's packages are
absent: tests/test_label_minilm.py), the rules (label_rules_v1) as baseline and last fallback; human labels
override all. Every statement here is written for the test, none is corpus or gold text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import statements_doc
from earnings_events.errors import ConfigError
from earnings_events.human_labels import apply_human_labels, load_annotations
from earnings_events.pipeline import label, label_minilm, label_model, rows
from earnings_events.records import Row
from earnings_events.rowid import row_id
from earnings_events.schema import load as load_schema
from earnings_events.shards import rows_frame

REPO = Path(__file__).resolve().parents[1]
LABEL_FILES = sorted((REPO / "scripts" / "labels").glob("*-labels.jsonl"))
CORPUS = REPO.parent / "shared" / "corpora" / "reuters-2006-2013.jsonl.zst"


@pytest.fixture(autouse=True)
def _fresh_labeler(monkeypatch):
    """Each test resolves the labeler anew from its own environment."""
    monkeypatch.delenv(label.LABELER_ENV, raising=False)
    label._model_for.cache_clear()
    label_model.load.cache_clear()
    yield
    label._model_for.cache_clear()
    label_model.load.cache_clear()


# --- the rules (label_rules_v1): the guide's own examples and its precedence -------------------------------


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("We expect deliveries to grow next year.", "outlook"),
        ("Dojo is working and it is doing training programs", "performance"),
        ("Services revenue grew 30 percent.", "performance"),
        ("We dug our own grave with Cybertruck.", "risk"),
        ("Nobody digs a grave better than themselves.", "other"),
        ("We expect margins to improve, although currency remains a headwind.", "risk"),
        ("The supply problems are behind us and factories are running at full speed.", "performance"),
        ("Thank you all for joining us this morning.", "other"),
    ],
)
def test_rule_labels(statement, expected):
    assert label.rule_label(statement) == expected


def test_rule_cues_name_the_patterns_that_fire():
    cues = label.rule_cues("We will not cut prices, although demand is weak.")
    assert {"rule:risk", "cue:risk", "cue:risk_word", "cue:outlook_word", "riskword:weak"} <= set(cues)
    assert set(cues.values()) == {1.0}
    assert "cue:thanks" in label.rule_cues("Thanks, everyone.")


# --- the trained labeler (label_lr_v4) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # risk: a decline, a loss, a headwind, an uncertainty
        ("Sales fell sharply in the quarter and we lost money in every region.", "risk"),
        ("The weak economy and higher fuel costs continue to hurt our margins.", "risk"),
        ("There is a lot of uncertainty about how long this downturn will last.", "risk"),
        # outlook: plans and expectations, with nothing wrong in them
        ("We expect to open about 40 new stores next year.", "outlook"),
        ("We plan to launch the new service in Europe later this year.", "outlook"),
        # performance: results and the present state
        ("Revenue rose 12 percent to a record $3 billion.", "performance"),
        ("Our customers are buying more of our premium products than ever.", "performance"),
    ],
)
def test_model_labels_clear_cases(statement, expected):
    assert label_model.load().label(statement) == expected


def test_model_artefact_is_versioned_and_well_formed():
    model = label_model.load()
    assert model.version == label_model.MODEL_VERSION == label_model.MODEL.stem == "label_lr_v4"
    assert set(model.classes) == {"outlook", "performance", "risk", "other"} == set(model.bias)
    assert model.weights and all(set(row) <= set(model.classes) for row in model.weights.values())
    raw = json.loads(label_model.MODEL.read_text(encoding="utf-8"))
    assert raw["trained_on"]["labels"] == "statement-labels.jsonl"
    assert raw["trained_on"]["statements"] == 7460  # the three labelling rounds (label_lr_v3: the first, 1,774)


def test_scoring_is_deterministic_and_independent_of_feature_order():
    model = label_model.load()
    statement = "Margins narrowed, but we still expect growth in the second half."
    feats = label_model.features(statement)
    backwards = dict(reversed(list(feats.items())))
    assert model.scores(feats) == model.scores(backwards)
    assert len({model.label(statement) for _ in range(5)}) == 1
    sparse = {k: v for k, v in feats.items() if not k.startswith("v:")}
    dense = {k: v for k, v in feats.items() if k.startswith("v:")}
    assert sparse == label_model.sparse_features(statement) and dense  # both parts are there
    assert abs(sum(v * v for v in sparse.values()) - 1.0) < 1e-9  # each part is a unit-length vector
    assert abs(sum(v * v for v in dense.values()) - 1.0) < 1e-9


def test_word_vectors_are_read_from_their_own_artefact():
    table = label_model.word_vectors()
    assert len(table) >= 10000 and len({len(row) for row in table.values()}) == 1
    assert "decline" in table and all(-128 <= x <= 127 for x in table["decline"])
    assert label_model.vector_features("zzzz qqqq") == {}  # no known word, no vector


def test_ties_go_to_the_guides_precedence():
    model = label_model.LinearModel(
        "t",
        ("outlook", "performance", "risk", "other"),
        dict.fromkeys(("outlook", "performance", "risk", "other"), 0.0),
        {},
    )
    assert model.label("anything at all") == "risk"
    model.bias["performance"] = 1.0
    model.bias["outlook"] = 1.0
    assert model.label("anything at all") == "outlook"


# --- the component: default, switch, fallback, label_source ------------------------------------------------


STATEMENTS = (
    "Sales fell sharply in the quarter and we lost money in every region.",
    "We expect to open about 40 new stores next year.",
)


def test_linear_model_rows_say_model(monkeypatch):
    monkeypatch.setenv(label.LABELER_ENV, "lr")
    assert label.labeler_name() == "label_lr_v4"
    doc = label.annotate(statements_doc(*STATEMENTS))
    assert doc.labeler == "label_lr_v4"
    assert doc.labels == [label_model.load().label(s) for s in STATEMENTS]
    assert {r.label_source for r in rows(doc)} == {"model"}


def test_environment_switches_to_the_rules(monkeypatch):
    monkeypatch.setenv(label.LABELER_ENV, "rules")
    assert label.labeler_name() == "label_rules_v1"
    doc = label.annotate(statements_doc(*STATEMENTS))
    assert doc.labeler == "label_rules_v1"
    assert doc.labels == [label.rule_label(s) for s in STATEMENTS]
    assert {r.label_source for r in rows(doc)} == {"rules"}


def test_unknown_switch_value_is_refused(monkeypatch):
    monkeypatch.setenv(label.LABELER_ENV, "bayes")
    with pytest.raises(ConfigError, match=r"EARNINGS_EVENTS_LABELER.*'minilm', 'lr' or 'rules'"):
        label.labeler_name()


def test_missing_artefacts_fall_back_to_the_rules_and_say_so_once(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(label_model, "MODEL", tmp_path / "label_lr_v4.json")
    monkeypatch.setattr(label_minilm, "WEIGHTS", tmp_path / "label_minilm_v2.safetensors")
    label_model.load.cache_clear()
    label_minilm.load.cache_clear()
    assert label.labeler_name() == "label_rules_v1"
    doc = label.annotate(statements_doc(*STATEMENTS))
    label.annotate(statements_doc(*STATEMENTS))
    assert doc.labeler == "label_rules_v1"
    assert {r.label_source for r in rows(doc)} == {"rules"}
    err = capsys.readouterr().err
    assert err.count("label_lr_v4 unavailable") == 1 and "label_rules_v1" in err
    # the MiniLM labeler's absence: on stderr when its weights are missing, in the build summary alone when the
    # embeddings extra is not installed (no torch here or there, the weights are never looked for)
    assert err.count("label_minilm_v2 unavailable") <= 1
    assert any(n.startswith("label_minilm_v2 unavailable") for n in label.fallback_notes())
    label_minilm.load.cache_clear()


def test_schema_allows_each_label_source():
    field = load_schema("statements").field("label_source")
    assert set(field.allowed) == {"rules", "model", "human"}


def _row(rid: str, statement: str, lab: str, source: str) -> Row:
    return Row(rid, "Acme", None, None, None, None, statement, "A B", "executive", lab, source, "a", None, None, 0, 1)


def test_human_labels_override_the_model(tmp_path):
    rid = row_id("art-1", 10, 40)
    (tmp_path / "team.jsonl").write_text(
        json.dumps({"article_id": "art-1", "char_start": 10, "char_end": 40, "label": "other"}) + "\n"
    )
    human = load_annotations(tmp_path)
    frame = rows_frame(
        [
            _row(rid, "Revenue grew 30 percent.", "performance", "model"),
            _row("0" * 16, "Revenue grew.", "performance", "model"),
        ]
    )
    labelled = apply_human_labels(frame, human)
    assert list(zip(labelled["label"], labelled["label_source"], strict=True)) == [
        ("other", "human"),
        ("performance", "model"),
    ]


# --- the training labels and the artefact hold no corpus text ----------------------------------------------


def _leaves(rec: dict) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for key, value in rec.items():
        out += _leaves(value) if isinstance(value, dict) else [(key, value)]
    return out


def test_label_files_hold_only_ids_offsets_and_labels():
    assert LABEL_FILES, "scripts/labels/*-labels.jsonl"
    allowed = {
        "id",
        "kind",
        "article_id",
        "char_start",
        "char_end",
        "published",
        "label",
        "not_row",
        "not_row_a",
        "not_row_b",
        "reader_a",
        "reader_b",
        "adjudicated",
        "in_scope",
        "close_call",
        "sample",
        "second_reader",
        "reread",
        "reread_label",
        "round",
    }
    for path in LABEL_FILES:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            rec = json.loads(line)
            assert set(rec) <= allowed, f"{path.name}:{n}: {sorted(set(rec) - allowed)}"
            for key, value in _leaves(rec):
                if isinstance(value, str) and key not in ("id", "article_id"):
                    assert re.fullmatch(r"[\w.:-]{1,40}", value), f"{path.name}:{n}: {key} holds text"


def test_statement_labels_are_the_documented_set():
    recs = [json.loads(x) for x in (REPO / "scripts" / "labels" / "statement-labels.jsonl").read_text().splitlines()]
    kept = [r for r in recs if not r["not_row"]]
    assert len(recs) == 7580 and len(kept) == 7460
    first = [r for r in recs if "round" not in r]  # label_lr_v3's training set (label_lr_v4 trains on all three rounds)
    assert len(first) == 1800 and sum(not r["not_row"] for r in first) == 1774
    second = [r for r in recs if r.get("round") == 2]  # drawn from other articles, read the same way
    assert len(second) == 3509 and not {r["article_id"] for r in first} & {r["article_id"] for r in second}
    assert all(r["reader_a"] in ("outlook", "performance", "risk", "other") for r in second)
    third = [r for r in recs if r.get("round") == 3]  # a third round, from articles neither earlier round used
    assert len(third) == 2271 and sum(not r["not_row"] for r in third) == 2234
    assert not {r["article_id"] for r in first + second} & {r["article_id"] for r in third}
    assert all(r["reader_b"] in ("outlook", "performance", "risk", "other") for r in third)
    assert all(r["label"] in ("outlook", "performance", "risk", "other") for r in recs)
    assert all(0 <= r["char_start"] < r["char_end"] for r in recs)
    # the re-reading of the hedged statements under the guide's worked example: the readers' label stays
    reread = [r for r in recs if r.get("reread")]
    assert len(reread) == 144 and all(r["reread"] is True for r in reread)
    assert all(r["reread_label"] in ("outlook", "performance", "risk", "other") for r in reread)
    assert all(("reread_label" in r) == bool(r.get("reread")) for r in recs)


def test_artefact_features_are_words_pairs_cues_and_vector_dimensions_only():
    model = label_model.load()
    prefixes = {f.split(":", 1)[0] for f in model.weights}
    assert prefixes <= {"w", "b", "n", "rule", "cue", "riskword", "v"}
    longest = max(len(f) for f in model.weights)
    assert longest < 80  # single words and pairs: no sentence of the corpus is stored
    table = json.loads(label_model.VECTORS.read_text(encoding="utf-8"))
    assert table["version"] == label_model.VECTORS_VERSION and max(len(w) for w in table["words"]) < 80
    assert all(" " not in w for w in table["words"])  # single words only


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_file(), reason="the wire corpus (../shared/corpora) is not here")
def test_retraining_reproduces_the_shipped_artefact():
    pytest.importorskip("sklearn")
    pytest.importorskip("zstandard")
    res = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "train_labeler.py"), str(CORPUS), "--check"],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    assert "identical to the shipped model" in res.stdout


class _BatchingLabeler:
    """A labeler that batches across articles, as the MiniLM one does: it records the articles of each call and
    labels a statement by its length, so that any mix-up of statements between articles shows."""

    version = "label_test_v0"

    def __init__(self) -> None:
        self.calls: list[list[list[str]]] = []

    def label_all(self, statements: list[str]) -> list[str]:
        return [("risk", "outlook", "performance", "other")[len(s) % 4] for s in statements]

    def label_articles(self, articles: list[list[str]]) -> list[list[str]]:
        self.calls.append(articles)
        return [self.label_all(statements) for statements in articles]


def test_the_pipeline_labels_many_articles_in_one_call_with_each_articles_own_labels(monkeypatch):
    """``pipeline.run`` (what a build runs) hands the labeler the statements of several in-scope articles at once,
    every ``LABEL_BATCH`` statements and at the stream's end, and gives the rows ``process`` gives article by
    article."""
    from earnings_events import build, ingest, pipeline
    from earnings_events.records import Article

    fake = _BatchingLabeler()
    monkeypatch.setattr(label, "_model", lambda: fake)
    monkeypatch.setattr(pipeline, "LABEL_BATCH", 6)
    articles = [a for a in ingest.run([build.SAMPLE_CORPUS]) if isinstance(a, Article)]
    one_by_one = [pipeline.process(a) for a in articles]
    assert not fake.calls  # process labels its article alone
    together = list(pipeline.run(articles))
    assert together == one_by_one
    assert sum(r.in_scope for r in together) > len(fake.calls) > 1  # several calls, several articles each
    assert all(sum(map(len, call)) >= 6 for call in fake.calls[:-1])
    assert sum(len(art) for call in fake.calls for art in call) == sum(p.quotes for p in together)
