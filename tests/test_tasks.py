"""The task loader: the shipped tasks, and every mistake in a task file stops it with the file named."""

import shutil
from pathlib import Path

import pytest
import yaml

from earnings_events import tasks
from earnings_events.errors import ConfigError

BASE = {
    "name": "speaker-role",
    "version": 1,
    "description": "Statement in, the kind of speaker out.",
    "config": "statements",
    "unit": "row",
    "inputs": ["statement"],
    "target": "speaker_role",
    "gold_source": "annotations",
    "splits": {"fit": "train", "select": "validation", "score": "test"},
    "metrics": ["accuracy", "macro_f1"],
    "baselines": ["majority"],
}


def write(folder: Path, name: str, data: dict | str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    return path


def test_shipped_tasks():
    found = tasks.load_all()
    assert list(found) == ["event-extraction", "speaker-attribution", "statement-type"]
    st = found["statement-type"]
    assert st.inputs == ("statement",) and st.target == ("label",)
    assert st.classes == ("outlook", "performance", "risk", "other")
    assert st.splits == tasks.Splits("train", "validation", "test")
    assert set(st.baselines) == {"majority", "rules", "label-minilm", "label-lr", "tfidf-logreg", "minilm-logreg"}
    sa = found["speaker-attribution"]
    assert sa.input_names == ("text", "char_start", "char_end", "statement") and sa.normalize == "speaker"
    ee = found["event-extraction"]
    assert ee.unit == "article" and ee.target == ("statement", "speaker", "company", "quarter")
    assert ee.metrics == ("quote_f1", "tuple_f1", "field_accuracy")
    assert {s.lm_eval.task for s in found.values() if s.lm_eval} == {
        "earnings_statement_type",
        "earnings_speaker_attribution",
        "earnings_event_extraction",
    }


def test_a_new_task_is_only_a_file(tmp_path):
    write(tmp_path, "speaker-role.yaml", BASE)
    spec = tasks.get("speaker-role", tmp_path)
    assert spec.classes == ("executive", "analyst", "other")
    assert spec.path == tmp_path / "speaker-role.yaml"


def test_unknown_task_name_gets_did_you_mean():
    with pytest.raises(ConfigError, match=r"did you mean 'statement-type'\?.*known tasks: event-extraction"):
        tasks.get("statment-type")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"metircs": ["accuracy"]}, r"unknown key\(s\) \['metircs'\]; did you mean 'metrics'"),
        ({"unit": "paragraph"}, r"'unit' must be one of"),
        ({"inputs": ["statment"]}, r"statements has no column 'statment'; did you mean 'statement'"),
        ({"inputs": ["article.body"]}, r"articles has no column 'body'"),
        ({"target": "speaker_role", "inputs": ["speaker_role"]}, r"cannot also be an input"),
        ({"metrics": ["quote_f1"]}, r"metric 'quote_f1' does not apply to a row task"),
        ({"baselines": ["majorty"]}, r"unknown baseline 'majorty'; did you mean 'majority'"),
        ({"baselines": ["rules"]}, r"baseline 'rules' does not apply"),
        ({"splits": {"fit": "train", "select": "validation", "score": "train"}}, r"scored split must differ"),
        ({"splits": {"fit": "train", "select": "dev", "score": "test"}}, r"has no split 'dev'"),
        ({"gold_source": "vibes"}, r"'gold_source' must be one of"),
        ({"lm_eval": {"task": "x", "prompt": "{nothing}"}}, r"uses \{nothing\}, which is not an input"),
        ({"name": "Speaker Role"}, r"'name' must be lower-case"),
    ],
)
def test_mistakes_name_the_file(tmp_path, change, message):
    path = write(tmp_path, "bad.yaml", {**BASE, **change})
    with pytest.raises(ConfigError, match=message) as err:
        tasks.load_all(tmp_path)
    assert str(path) in str(err.value)


def test_missing_key(tmp_path):
    data = {k: v for k, v in BASE.items() if k != "target"}
    path = write(tmp_path, "bad.yaml", data)
    with pytest.raises(ConfigError, match=r"missing key\(s\) \['target'\]") as err:
        tasks.load_all(tmp_path)
    assert str(path) in str(err.value)


def test_parse_error_names_file_and_line(tmp_path):
    write(tmp_path, "a-good.yaml", BASE)
    path = write(tmp_path, "broken.yaml", "name: x\ninputs: [statement\nunit: row\n")
    with pytest.raises(ConfigError, match=r"not valid YAML") as err:
        tasks.load_all(tmp_path)
    assert f"{path}:" in str(err.value)


def test_duplicate_name_names_both_files(tmp_path):
    first = write(tmp_path, "one.yaml", BASE)
    second = write(tmp_path, "two.yaml", BASE)
    with pytest.raises(ConfigError, match="already defined") as err:
        tasks.load_all(tmp_path)
    assert str(first) in str(err.value) and str(second) in str(err.value)


def test_duplicate_lm_eval_name(tmp_path):
    lm = {"task": "same_name", "prompt": "{statement}"}
    write(tmp_path, "one.yaml", {**BASE, "lm_eval": lm})
    write(tmp_path, "two.yaml", {**BASE, "name": "other-role", "lm_eval": lm})
    with pytest.raises(ConfigError, match="lm_eval task 'same_name' is already used"):
        tasks.load_all(tmp_path)


def test_a_non_mapping_and_an_empty_folder(tmp_path):
    write(tmp_path / "a", "list.yaml", "- just\n- a list\n")
    with pytest.raises(ConfigError, match="must be a mapping"):
        tasks.load_all(tmp_path / "a")
    (tmp_path / "b").mkdir()
    with pytest.raises(ConfigError, match="no task files"):
        tasks.load_all(tmp_path / "b")


def test_shipped_task_files_round_trip(tmp_path):
    """A copy of the shipped folder loads to the same specs (nothing depends on where they sit)."""
    shutil.copytree(tasks.tasks_dir(), tmp_path / "t")
    copy = tasks.load_all(tmp_path / "t")
    shipped = tasks.load_all()
    assert {k: (v.inputs, v.target, v.metrics, v.baselines) for k, v in copy.items()} == {
        k: (v.inputs, v.target, v.metrics, v.baselines) for k, v in shipped.items()
    }
