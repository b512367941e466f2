"""export lm-eval: lm-eval's own task manager loads the tasks offline, and its documents, targets and
scores agree with the dataset rows and with `evaluate`."""

import json
import logging
import subprocess
import sys

import polars as pl
import pytest

from conftest import write_jsonl
from earnings_events import evaluate, lmeval_export, tasks
from earnings_events.errors import ConfigError, InputError

lm_eval = pytest.importorskip("lm_eval")
from lm_eval.api.model import LM  # noqa: E402
from lm_eval.tasks import TaskManager  # noqa: E402

NAMES = ["earnings_statement_type", "earnings_speaker_attribution", "earnings_event_extraction"]
LABELS = ["outlook", "performance", "risk", "other"]


@pytest.fixture(scope="module")
def exported(sample_release, tmp_path_factory):
    out = tmp_path_factory.mktemp("lmeval")
    lmeval_export.export(sample_release, out)
    return out


@pytest.fixture(scope="module")
def loaded(exported):
    manager = TaskManager(include_path=str(exported), include_defaults=False)
    return manager, manager.load(NAMES)["tasks"]


def test_export_writes_a_yaml_per_task_and_the_python_it_needs(exported, sample_release):
    assert sorted(p.name for p in exported.iterdir()) == sorted(
        [*(f"{n}.yaml" for n in NAMES), "utils.py", "README.md"]
    )
    text = (exported / "earnings_statement_type.yaml").read_text(encoding="utf-8")
    assert f"dataset_path: {sample_release.resolve()}" in text
    assert "process_docs: !function 'utils.process_docs_earnings_statement_type'" in text


def test_task_manager_finds_the_tasks_and_the_tag(loaded):
    manager, loaded_tasks = loaded
    assert set(NAMES) <= set(manager.all_tasks) and "earnings_events" in manager.all_tags
    assert sorted(loaded_tasks) == sorted(NAMES)


def test_statement_type_documents_and_targets_are_the_test_rows(loaded, sample_release):
    task = loaded[1]["earnings_statement_type"]
    rows = pl.read_parquet(sample_release / "statements" / "test.parquet").to_dicts()
    docs = list(task.test_docs())
    assert [d["id"] for d in docs] == [r["id"] for r in rows]  # all 24 human-labelled, in order
    for doc, row in zip(docs, rows, strict=True):
        assert task.doc_to_target(doc) == row["label"]
        assert task.doc_to_choice(doc)[task.doc_to_target(doc)] == LABELS[row["label"]]
        assert f"Statement: {row['statement']}\nType:" in task.doc_to_text(doc)
    for docs_of, split in ((task.training_docs, "train"), (task.validation_docs, "validation")):
        split_ids = pl.read_parquet(sample_release / "statements" / f"{split}.parquet")["id"].to_list()
        assert [d["id"] for d in docs_of()] == split_ids and split_ids  # the split's rows, in order


def test_speaker_documents_carry_the_article_and_the_speaker(loaded, sample_release):
    task = loaded[1]["earnings_speaker_attribution"]
    rows = pl.read_parquet(sample_release / "statements" / "test.parquet").to_dicts()
    texts = dict(
        pl.read_parquet(sample_release / "articles" / "corpus.parquet", columns=["article_id", "text"]).iter_rows()
    )
    docs = list(task.test_docs())
    assert len(docs) == len(rows)
    for doc, row in zip(docs, rows, strict=True):
        assert task.doc_to_target(doc) == row["speaker"]
        prompt = task.doc_to_text(doc)
        assert texts[row["article_id"]] in prompt
        assert f"characters {row['char_start']} to {row['char_end']}" in prompt
        assert texts[row["article_id"]][row["char_start"] : row["char_end"]] == row["statement"]


def test_extraction_documents_are_test_articles_with_their_rows(loaded, sample_release):
    task = loaded[1]["earnings_event_extraction"]
    rows = pl.read_parquet(sample_release / "statements" / "test.parquet").sort("article_id", "char_start")
    docs = list(task.test_docs())
    assert [d["article_id"] for d in docs] == sorted(set(rows["article_id"].to_list()))
    for doc in docs:
        gold = [json.loads(line) for line in task.doc_to_target(doc).splitlines()]
        mine = rows.filter(pl.col("article_id") == doc["article_id"]).to_dicts()
        assert [(g["statement"], g["speaker"], g["company"], g["quarter"]) for g in gold] == [
            (r["statement"], r["speaker"], r["company"], r["quarter"]) for r in mine
        ]
    # The gold rows, given back as an answer, score 1.
    results = [task.process_results(d, [task.doc_to_target(d)]) for d in docs]
    assert lmeval_export.quote_f1_aggregation([r["quote_f1"] for r in results]) == 1.0
    assert lmeval_export.tuple_f1_aggregation([r["tuple_f1"] for r in results]) == 1.0


# One test row of the sample corpus (Publix, fiscal 2023Q4).
ROW = {
    "statement": "Our sales growth reflects more customers choosing to shop with us",
    "speaker": "Kevin Murphy",
    "company": "Publix",
    "quarter": "2023Q4",
}


class Constant(LM):
    """A model that always answers the same: `performance`, one name, one row."""

    def loglikelihood(self, requests, disable_tqdm=False):
        return [(0.0 if r.arguments[1].strip() == "performance" else -1.0, False) for r in requests]

    def loglikelihood_rolling(self, requests, disable_tqdm=False):
        raise NotImplementedError

    def generate_until(self, requests, disable_tqdm=False):
        return [json.dumps(ROW) + "\n" if "Rows:" in r.arguments[0] else "Kevin Murphy\n" for r in requests]


def test_lm_eval_scores_equal_evaluate_on_the_same_answers(loaded, sample_release, tmp_path):
    manager, _ = loaded
    logging.getLogger("lm-eval").setLevel(logging.ERROR)
    out = lm_eval.simple_evaluate(
        model=Constant(),
        tasks=NAMES,
        task_manager=manager,
        torch_random_seed=None,
        bootstrap_iters=0,
        log_samples=False,
    )["results"]
    release = evaluate.read_release(sample_release)
    answers = {
        "statement-type": lambda e: "performance",
        "speaker-attribution": lambda e: "Kevin Murphy",
        "event-extraction": lambda e: [ROW],
    }
    mine = {}
    for name, answer in answers.items():
        data = evaluate.task_data(tasks.get(name), release)
        path = write_jsonl(tmp_path / f"{name}.jsonl", [{"id": e.id, "prediction": answer(e)} for e in data.scored()])
        result = evaluate.score_predictions(data, evaluate.read_predictions(path, data), "c", "predictions", release)
        mine[name] = result["subsets"]["human"]["metrics"]
    assert out["earnings_statement_type"]["acc,none"] == pytest.approx(
        mine["statement-type"]["accuracy"]["value"], abs=1e-6
    )
    assert out["earnings_statement_type"]["macro_f1,none"] == pytest.approx(
        mine["statement-type"]["macro_f1"]["value"], abs=1e-6
    )
    assert out["earnings_speaker_attribution"]["acc,none"] == pytest.approx(
        mine["speaker-attribution"]["accuracy"]["value"], abs=1e-6
    )
    ee = out["earnings_event_extraction"]
    assert ee["quote_f1,none"] == pytest.approx(mine["event-extraction"]["quote_f1"]["value"], abs=1e-6)
    assert ee["tuple_f1,none"] == pytest.approx(mine["event-extraction"]["tuple_f1"]["value"], abs=1e-6)
    assert 0 < ee["quote_f1,none"] < 1  # one right row among the test articles' 24


def test_parse_rows_reads_json_lines_or_a_list():
    assert lmeval_export.parse_rows('{"statement": "a"}\nnot json\n{"speaker": "no statement"}') == [{"statement": "a"}]
    assert lmeval_export.parse_rows('[{"statement": "a"}, {"statement": "b"}]') == [
        {"statement": "a"},
        {"statement": "b"},
    ]
    assert lmeval_export.parse_rows("") == []


def test_hub_export_and_mistakes(sample_release, tmp_path):
    lmeval_export.export(sample_release, tmp_path / "hub", hub="someone/earnings-events", revision="v1.0.0")
    text = (tmp_path / "hub" / "earnings_statement_type.yaml").read_text(encoding="utf-8")
    assert "dataset_path: someone/earnings-events" in text and "revision: v1.0.0" in text
    with pytest.raises(ConfigError, match="OWNER/NAME"):
        lmeval_export.export(sample_release, tmp_path / "x", hub="not a repo")
    with pytest.raises(InputError, match="not a release folder"):
        lmeval_export.export(tmp_path, tmp_path / "x")


def test_cli_export(sample_release, tmp_path):
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "earnings_events.cli",
            "export",
            "lm-eval",
            str(sample_release),
            "--out",
            str(tmp_path / "t"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    assert "lm_eval --include_path" in res.stdout
    assert (tmp_path / "t" / "earnings_event_extraction.yaml").is_file()
