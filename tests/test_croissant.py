"""croissant.json: derived from schema/ and MANIFEST.json, read back record by record with mlcroissant."""

import json

import polars as pl
import pytest

from earnings_events import croissant, schema, versions

mlc = pytest.importorskip("mlcroissant", reason="mlcroissant is in the dev extra")


@pytest.fixture
def release(small_release):
    """The small release (a fresh build for each test) with its CHANGELOG entry and croissant.json."""
    (small_release / "CHANGELOG.md").unlink()  # build wrote today's entry; pin the date
    versions.update_changelog(None, small_release, "2026-03-04")
    croissant.write(small_release)
    return small_release


def records(path, record_set):
    """All records of a record set, each field by its short name (bytes decoded), from a fresh reader."""
    ds = mlc.Dataset(jsonld=str(path))
    out = []
    for rec in ds.records(record_set):
        out.append({k.split("/", 1)[1]: (v.decode() if isinstance(v, bytes) else v) for k, v in rec.items()})
    return out


def test_metadata_is_derived_from_schema_and_manifest(release):
    meta = json.loads((release / "croissant.json").read_text())
    manifest = json.loads((release / "MANIFEST.json").read_text())
    assert meta["conformsTo"] == "http://mlcommons.org/croissant/1.0" and meta["@type"] == "sc:Dataset"
    assert meta["version"] == manifest["dataset_version"] == "1.0.0"
    assert meta["datePublished"] == "2026-03-04"  # the CHANGELOG entry's date
    assert meta["license"] == "https://creativecommons.org/licenses/by/4.0/"
    files = {d["contentUrl"]: d for d in meta["distribution"]}
    data_files = {k: v for k, v in manifest["files"].items() if k.endswith(".parquet")}
    assert set(files) == set(data_files)
    for name, entry in data_files.items():
        assert files[name]["sha256"] == entry["sha256"] and files[name]["encodingFormat"] == "application/x-parquet"
    sets = {rs["@id"]: rs for rs in meta["recordSet"]}
    assert set(sets) == {
        "statements_train",
        "statements_validation",
        "statements_test",
        "articles",
        "label_classes",
        "speaker_role_classes",
    }
    for config in schema.CONFIGS:
        spec = schema.load(config)
        for split in spec.splits:
            rs = sets[croissant.record_set_id(config, split)]
            assert [f["name"] for f in rs["field"]] == spec.names
            assert rs["key"] == {"@id": f"{rs['@id']}/{spec.primary_key}"}
    label = next(f for f in sets["statements_train"]["field"] if f["name"] == "label")
    assert label["references"] == {"field": {"@id": "label_classes/index"}} and label["dataType"] == "cr:Int64"
    # deterministic: written twice, same bytes
    before = (release / "croissant.json").read_bytes()
    croissant.write(release)
    assert (release / "croissant.json").read_bytes() == before
    assert croissant.check(release) == []


def test_mlcroissant_reads_every_record_back(release):
    ds = mlc.Dataset(jsonld=str(release / "croissant.json"))
    assert not ds.metadata.ctx.issues.errors and not ds.metadata.ctx.issues.warnings
    for config in schema.CONFIGS:
        spec = schema.load(config)
        for split in spec.splits:
            want = pl.read_parquet(release / f"{config}/{split}.parquet")
            got = records(release / "croissant.json", croissant.record_set_id(config, split))
            assert len(got) == want.height
            key = spec.primary_key
            assert [r[key] for r in got] == want[key].to_list()
            for column in ("label", "speaker_role", "char_start") if config == "statements" else ("title",):
                assert [r[column] for r in got] == want[column].to_list(), column
    classes = records(release / "croissant.json", "label_classes")
    assert [(r["index"], r["name"]) for r in classes] == list(
        enumerate(schema.load("statements").field("label").classes)
    )


def test_mlcroissant_checks_the_manifest_hashes(release):
    path = release / "statements/test.parquet"
    table = pl.read_parquet(path)
    table.head(1).write_parquet(path)  # the file no longer is what the manifest (and croissant.json) recorded
    with pytest.raises(Exception) as err:
        records(release / "croissant.json", "statements_test")
    chain, exc = [], err.value
    while exc is not None and len(chain) < 10:
        chain.append(str(exc))
        exc = exc.__cause__ or exc.__context__
    assert any("Hash of downloaded file" in m and "statements/test.parquet" in m for m in chain), chain


def test_check_finds_a_stale_or_missing_file(release):
    meta = json.loads((release / "croissant.json").read_text())
    meta["distribution"][0]["sha256"] = "0" * 64
    (release / "croissant.json").write_text(json.dumps(meta))
    assert croissant.check(release) == [
        f"croissant.json: sha256 of {meta['distribution'][0]['contentUrl']} differs from MANIFEST.json"
    ]
    croissant.write(release)
    assert croissant.check(release) == []
    manifest = json.loads((release / "MANIFEST.json").read_text())
    manifest["dataset_version"] = "1.0.1"
    (release / "MANIFEST.json").write_text(json.dumps(manifest))
    problems = croissant.check(release)
    assert any("version 1.0.0" in p for p in problems)
    (release / "croissant.json").unlink()
    assert croissant.check(release) == ["croissant.json is missing"]
