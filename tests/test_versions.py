"""Dataset versions: semver rules, the same-version guard on real manifests, CHANGELOG entries."""

import json
import re
import shutil

import polars as pl
import pytest

from conftest import DATA, make_release, write_jsonl
from earnings_events import versions
from earnings_events.errors import UserError

LABELS = ["outlook", "performance", "risk", "other"]


def manifest(release):
    return json.loads((release / "MANIFEST.json").read_text())


def relabel(release, tmp_path, n=2, name="fixes"):
    """An annotations folder that flips the label of the first ``n`` train rows; returns (folder, changes)."""
    rows = pl.read_parquet(release / "statements/train.parquet").head(n)
    changes = {r["id"]: (LABELS[r["label"]], LABELS[(r["label"] + 1) % 4]) for r in rows.iter_rows(named=True)}
    folder = tmp_path / f"annotations-{name}"
    write_jsonl(folder / "fixes.jsonl", [{"id": k, "label": new} for k, (_, new) in changes.items()])
    return folder, changes


def test_parse_bump_and_compare():
    assert versions.parse("1.2.3") == (1, 2, 3) and str(versions.parse("v1.2.3")) == "1.2.3"
    assert versions.parse("1.2.3").tag == "v1.2.3"
    for bad in ("1.2", "1.2.3.4", "01.2.3", "latest", ""):
        with pytest.raises(UserError, match=r"MAJOR\.MINOR\.PATCH"):
            versions.parse(bad)
    assert str(versions.bump("1.2.3", "patch")) == "1.2.4"
    assert str(versions.bump("1.2.3", "minor")) == "1.3.0"
    assert str(versions.bump("1.2.3", "major")) == "2.0.0"
    assert versions.level_of("1.2.3", "1.2.4") == "patch"
    assert versions.level_of("1.2.3", "1.10.0") == "minor"  # numeric, not string, order
    assert versions.level_of("1.9.9", "2.0.0") == "major"
    assert versions.level_of("1.2.3", "1.2.3") is None and versions.level_of("1.2.3", "1.2.2") is None
    assert versions.at_least("minor", "patch") and versions.at_least("major", "major")
    assert not versions.at_least("patch", "minor") and not versions.at_least(None, "patch")
    assert versions.at_least(None, None)


def test_rules_pick_the_largest_change():
    assert versions.required_level(versions.Changes()) is None
    assert versions.required_level(versions.Changes(corrections=("2 labels",))) == "patch"
    assert versions.required_level(versions.Changes(additions=("rows",), corrections=("labels",))) == "minor"
    assert versions.required_level(versions.Changes(("label removed",), ("rows",), ("labels",))) == "major"
    assert versions.schema_level("statements-1.0.0+articles-1.0.0", "statements-1.0.0+articles-1.0.0") is None
    assert versions.schema_level("statements-1.0.0+articles-1.0.0", "statements-1.1.0+articles-1.0.0") == "minor"
    assert versions.schema_level("statements-1.0.0+articles-1.0.0", "statements-2.0.0+articles-1.0.0") == "major"
    assert versions.schema_level("statements-1.0.0+articles-1.0.0", "statements-1.0.0") == "major"


def test_guard_allows_first_builds_rebuilds_and_new_versions(small_release, tmp_path):
    m = manifest(small_release)
    versions.guard(None, m)
    versions.guard(m, m)
    again = tmp_path / "again"
    make_release([DATA / "articles.jsonl"], again, annotations=tmp_path / "none")
    versions.guard(m, manifest(again))  # same inputs, same version: same bytes
    folder, _ = relabel(small_release, tmp_path)
    other = tmp_path / "v101"
    make_release([DATA / "articles.jsonl"], other, version="1.0.1", annotations=folder)
    versions.guard(m, manifest(other))  # other content under a new version


def test_guard_refuses_other_content_under_the_same_version(small_release, tmp_path):
    folder, _ = relabel(small_release, tmp_path)
    changed = tmp_path / "changed"
    make_release([DATA / "articles.jsonl"], changed, annotations=folder)  # still 1.0.0
    with pytest.raises(UserError) as err:
        versions.guard(manifest(small_release), manifest(changed))
    msg = str(err.value)
    assert "version 1.0.0 is already built with different content" in msg
    assert "statements/train.parquet changed" in msg
    assert "--version 1.0.1" in msg and "patch" in msg  # same row counts: a patch
    more = tmp_path / "more"
    extra = write_jsonl(
        tmp_path / "extra.jsonl",
        [
            {
                "id": "t-extra-q3",
                "published": "2024-10-30",
                "title": "Harbor Freightways posts record third quarter",
                "text": "Harbor Freightways Inc. (NASDAQ: HBFW) reported third-quarter profit on Wednesday.\n\n"
                "“Demand stayed strong all quarter,” Chief Executive Maria Lopez said.",
            }
        ],
    )
    make_release([DATA / "articles.jsonl", extra], more, annotations=tmp_path / "none")
    with pytest.raises(UserError, match=r"--version 1\.1\.0 \(a minor release\)"):
        versions.guard(manifest(small_release), manifest(more))
    bad = {**manifest(small_release), "dataset_version": "one"}
    with pytest.raises(UserError, match=r"MAJOR\.MINOR\.PATCH"):
        versions.guard(None, bad)


def test_manifest_level_reads_schema_versions():
    base = {"dataset_version": "1.0.0", "schema_version": "statements-1.0.0+articles-1.0.0", "files": {"a": {}}}
    base["files"] = {"a.parquet": {"sha256": "1", "rows": 3}}
    assert versions.manifest_level(base, base) is None
    assert versions.manifest_level(base, {**base, "files": {"a.parquet": {"sha256": "2", "rows": 3}}}) == "patch"
    assert versions.manifest_level(base, {**base, "files": {"a.parquet": {"sha256": "2", "rows": 4}}}) == "minor"
    newer_schema = {**base, "schema_version": "statements-2.0.0+articles-1.0.0"}
    assert versions.manifest_level(base, newer_schema) == "major"
    with pytest.raises(UserError, match=r"--version 2\.0\.0 \(a major release\)"):
        versions.guard(base, newer_schema)


def test_changelog_first_entry_then_label_corrections(small_release, tmp_path):
    first = tmp_path / "v1"
    shutil.copytree(small_release, first)
    (first / "CHANGELOG.md").unlink()  # build writes one; start from a release without it
    assert versions.update_changelog(None, first, "2026-01-02")
    text = (first / "CHANGELOG.md").read_text()
    assert text.startswith("# Changelog\n") and "## [1.0.0] - 2026-01-02\n\nFirst release." in text
    folder, changes = relabel(small_release, tmp_path)
    second = tmp_path / "v2"
    make_release([DATA / "articles.jsonl"], second, version="1.0.1", annotations=folder)
    (second / "CHANGELOG.md").unlink()
    assert versions.update_changelog(first, second, "2026-02-03")
    text = (second / "CHANGELOG.md").read_text()
    assert versions.changelog_versions(text) == ["1.0.1", "1.0.0"]  # newest first, history carried over
    entry = text[text.index("## [1.0.1]") : text.index("## [1.0.0]")]
    assert "## [1.0.1] - 2026-02-03" in entry and "Patch release" in entry
    assert f"labels changed: {len(changes)}" in entry
    for old, new in set(changes.values()):
        n = sum(1 for v in changes.values() if v == (old, new))
        assert f"{old} → {new} {n}" in entry
    assert "0 added, 0 removed, 2 changed" in entry
    # a rebuild of a version keeps its entry: no second entry, no new date
    assert not versions.update_changelog(first, second, "2027-01-01")
    assert (second / "CHANGELOG.md").read_text() == text


def test_add_changelog_entry_creates_the_file_and_keeps_order(tmp_path):
    path = tmp_path / "CHANGELOG.md"
    assert versions.add_changelog_entry(path, "1.0.0", versions.changelog_entry("1.0.0", "2026-01-01"))
    assert versions.add_changelog_entry(
        path, "1.1.0", versions.changelog_entry("1.1.0", "2026-02-01", notes="Guide v2.")
    )
    assert not versions.add_changelog_entry(path, "1.0.0", "## [1.0.0] - 2030-01-01\n\nrewritten\n")
    text = path.read_text()
    assert versions.changelog_versions(text) == ["1.1.0", "1.0.0"]
    assert "Guide v2." in text and "rewritten" not in text


def test_release_date_follows_source_date_epoch(monkeypatch, small_release, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14T22:13:20Z
    assert versions.release_date() == "2023-11-14"
    (small_release / "CHANGELOG.md").unlink()
    assert versions.update_changelog(None, small_release)
    assert "## [1.0.0] - 2023-11-14\n" in (small_release / "CHANGELOG.md").read_text()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", versions.release_date())


def test_a_broken_previous_release_does_not_block_the_changelog(small_release, tmp_path):
    old = tmp_path / "old"
    shutil.copytree(small_release, old)
    manifest = json.loads((old / "MANIFEST.json").read_text())
    (old / "MANIFEST.json").write_text(json.dumps({**manifest, "dataset_version": "0.9.0"}))
    (old / "statements/test.parquet").unlink()
    (old / "CHANGELOG.md").unlink()
    (small_release / "CHANGELOG.md").unlink()
    assert versions.update_changelog(old, small_release, "2026-05-01")
    entry = (small_release / "CHANGELOG.md").read_text()
    assert "## [1.0.0] - 2026-05-01" in entry and "Changes from 0.9.0 unknown" in entry
    assert "statements/test.parquet is missing" in entry and "First release" not in entry
