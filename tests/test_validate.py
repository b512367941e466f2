"""validate: each check catches a release corrupted on purpose, and a good release passes."""

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
import yaml

from earnings_events import schema, validate


def checks(release: Path) -> set[str]:
    return set(validate.run(release)["check"].to_list())


def rewrite(release: Path, rel: str, fn) -> None:
    path = release / rel
    table = pq.read_table(path)
    pq.write_table(fn(table), path)


def set_cell(table: pa.Table, column: str, row: int, value) -> pa.Table:
    values = table[column].to_pylist()
    values[row] = value
    idx = table.schema.get_field_index(column)
    return table.set_column(idx, table.schema.field(column), pa.array(values, table.schema.field(column).type))


@pytest.fixture
def release(small_release) -> Path:
    assert validate.run(small_release).is_empty()
    return small_release


def test_good_release_passes(release):
    failures = validate.run(release)
    assert failures.is_empty(), failures


@pytest.mark.parametrize(
    ("column", "value", "check"),
    [
        ("label_source", "robot", "allowed_values"),
        ("quarter", "2023Q5", "pattern"),
        ("ticker", "hbfw", "pattern"),
        ("label", 7, "class_label_range"),
        ("speaker_role", -1, "class_label_range"),
        ("fiscal_quarter", 5, "range"),
        ("char_start", -3, "range"),
        ("statement", "   ", "non_empty"),
    ],
)
def test_field_checks(release, column, value, check):
    rewrite(release, "statements/train.parquet", lambda t: set_cell(t, column, 0, value))
    assert check in checks(release)


def test_not_null(release):
    def null_company(t):
        idx = t.schema.get_field_index("company")
        return t.set_column(idx, pa.field("company", pa.string()), pa.array([None] * t.num_rows, pa.string()))

    rewrite(release, "statements/train.parquet", null_company)
    got = checks(release)
    assert {"not_null", "schema"} <= got


def test_schema_type_change(release):
    def widen(t):
        idx = t.schema.get_field_index("char_start")
        return t.set_column(
            idx, pa.field("char_start", pa.int64(), nullable=False), pc.cast(t["char_start"], pa.int64())
        )

    rewrite(release, "statements/train.parquet", widen)
    assert "schema" in checks(release)


def test_quarter_must_agree_with_fiscal_fields(release):
    rewrite(release, "statements/train.parquet", lambda t: set_cell(t, "fiscal_year", 0, 1999))
    assert "quarter_agreement" in checks(release)


def test_offsets_must_reproduce_the_statement(release):
    rewrite(release, "statements/train.parquet", lambda t: set_cell(t, "char_start", 0, t["char_start"][0].as_py() + 1))
    assert "offsets" in checks(release)


def test_statement_must_be_trimmed(release):
    rewrite(release, "statements/train.parquet", lambda t: set_cell(t, "statement", 0, t["statement"][0].as_py() + ","))
    assert "statement_trimmed" in checks(release)


def test_unique_ids_and_id_recipe(release):
    rewrite(release, "statements/train.parquet", lambda t: set_cell(t, "id", 1, t["id"][0].as_py()))
    got = checks(release)
    assert {"unique_ids", "id_recipe"} <= got


def test_duplicate_statements(release):
    def dup(t):
        second = t.slice(0, 1)
        second = set_cell(second, "char_start", 0, 0)
        return pa.concat_tables([t, second])

    rewrite(release, "statements/train.parquet", dup)
    assert "duplicate_statements" in checks(release)


def test_duplicate_statements_differing_only_in_spacing_and_quote_marks(release):
    # the cheap pre-pass (white space and quote marks removed) must not hide what the full key calls duplicates
    def dup(t):
        first = t["statement"][0].as_py()
        words = first.split()
        variant = "  " + "\n".join(words[:2]) + " \u2009" + " ".join(words[2:]).replace("'", "’") + " ."
        second = set_cell(set_cell(t.slice(0, 1), "statement", 0, variant), "char_start", 0, 0)
        return pa.concat_tables([t, second])

    rewrite(release, "statements/train.parquet", dup)
    rel = validate.read_release(release)
    bad = validate.check_no_duplicate_statements(rel)
    assert len(bad) == 2  # both rows are named


def test_statements_that_squeeze_alike_are_not_duplicates(release):
    # "a bc" and "ab c" are equal once spaces are removed, not under the duplicate key
    def near(t):
        one = set_cell(t.slice(0, 1), "statement", 0, "We see demand rising in all regions")
        two = set_cell(
            set_cell(t.slice(0, 1), "statement", 0, "We seedemand rising in all regions"), "char_start", 0, 0
        )
        return pa.concat_tables([t.slice(1), one, two])

    rewrite(release, "statements/train.parquet", near)
    assert validate.check_no_duplicate_statements(validate.read_release(release)) == []


def test_ids_that_are_not_hex_still_checked_for_uniqueness(release):
    rewrite(
        release, "statements/train.parquet", lambda t: set_cell(set_cell(t, "id", 0, "not-hex"), "id", 1, "not-hex")
    )
    rel = validate.read_release(release)
    assert {f["row_id"] for f in validate.check_unique_ids(rel)} == {"not-hex"}


def test_event_in_two_splits(release):
    train = pq.read_table(release / "statements/train.parquet")
    rewrite(release, "statements/test.parquet", lambda t: pa.concat_tables([t, train.slice(0, 1)]))
    rewrite(release, "statements/train.parquet", lambda t: t.slice(1))
    assert "event_in_two_splits" in checks(release)


def test_manifest_hash_and_rows(release):
    rewrite(release, "statements/train.parquet", lambda t: t.slice(1))
    assert {"manifest_sha256", "manifest_rows", "readme_yaml"} <= checks(release)


def test_missing_file_and_unlisted_file(release):
    (release / "statements/validation.parquet").unlink()
    shutil.copy(release / "statements/test.parquet", release / "statements/extra.parquet")
    got = validate.run(release)
    assert "files_present" in set(got["check"].to_list())
    assert "statements/extra.parquet" in set(got["file"].to_list())


def test_readme_feature_missing_from_a_file(release):
    readme = release / "README.md"
    text = readme.read_text()
    head, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    meta["dataset_info"][0]["features"].append({"name": "sentiment", "dtype": "string"})
    readme.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + body)
    failures = validate.run(release)
    assert "readme_yaml" in set(failures["check"].to_list())
    assert "sentiment" in " ".join(c for c in failures["column"].to_list() if c)


def test_dataset_info_must_be_a_list(release):
    readme = release / "README.md"
    text = readme.read_text()
    head, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    meta["dataset_info"] = {i["config_name"]: i for i in meta["dataset_info"]}
    readme.write_text("---\n" + yaml.safe_dump(meta, sort_keys=False) + "---\n" + body)
    assert "readme_yaml" in checks(release)


def test_summary_names_check_count_and_first_ids(release):
    rewrite(release, "statements/train.parquet", lambda t: set_cell(t, "label", 0, 9))
    table = validate.summary(validate.run(release))
    row = table.filter(table["check"] == "class_label_range").row(0, named=True)
    first_id = pq.read_table(release / "statements/train.parquet")["id"][0].as_py()
    assert row["failures"] == 1 and first_id in row["examples"]


def test_manifest_json_is_checked_against_schema_versions(release):
    manifest = json.loads((release / "MANIFEST.json").read_text())
    assert manifest["schema_version"] == schema.schema_version()
