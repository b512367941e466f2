"""The committed release in dataset/ is exactly what the code builds from the sample corpus."""

import json

import pyarrow.parquet as pq

from conftest import REPO
from earnings_events import validate

RELEASE = REPO / "dataset"


def test_committed_release_is_valid():
    failures = validate.run(RELEASE)
    assert failures.is_empty(), failures


def test_committed_release_matches_a_rebuild(sample_release):
    """Same rows, card and rejects; the manifest differs at most in Parquet hashes, which change with the
    pyarrow version that wrote the file (the byte-identical test covers one environment)."""
    for path in sorted(RELEASE.rglob("*.parquet")):
        rel = path.relative_to(RELEASE)
        assert pq.read_table(path).equals(pq.read_table(sample_release / rel), check_metadata=True), rel
    assert (RELEASE / "README.md").read_text() == (sample_release / "README.md").read_text()
    assert (RELEASE / "rejects.jsonl").read_text() == (sample_release / "rejects.jsonl").read_text()

    def comparable(manifest_path):
        m = json.loads(manifest_path.read_text())
        for name, meta in m["files"].items():
            if name.endswith(".parquet"):
                meta.pop("sha256")
        return m

    assert comparable(RELEASE / "MANIFEST.json") == comparable(sample_release / "MANIFEST.json")
