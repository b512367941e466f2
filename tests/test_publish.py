"""Publishing to a Hub and loading versions back: the real ``earnings-events publish`` / ``fetch`` / ``diff``
commands and a real ``datasets.load_dataset(repo, revision=tag)``, against the small Hub in hub_server.py.

The server runs in a thread of this process on 127.0.0.1. The clients run in subprocesses with their own
environment (HF_ENDPOINT and the offline switches are read when huggingface_hub and datasets are imported,
and conftest.py makes this process offline), so nothing here leaks into other test modules.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import polars as pl
import pytest

from conftest import DATA, REPO, bodiless_release, make_release, write_jsonl
from earnings_events import build, croissant, publish, schema, versions
from earnings_events.errors import UserError
from hub_server import HubServer

TOKEN = "hf_test_token"
REPO_ID = "test/earnings-events"
LABELS = list(schema.load("statements").field("label").classes)
WRITES = ("/commit/", "/tag/", "/repos/create", "/preupload/", "lfs-storage", "/lfs/objects/batch")


@pytest.fixture(scope="module")
def hub():
    with HubServer(tokens={TOKEN: "test"}) as server:
        yield server


def hub_env(hub: HubServer, home: Path, token: str | None = TOKEN, endpoint: str | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.upper().startswith(("HF_", "HUGGINGFACE")) and "PROXY" not in k.upper()
    }
    env.update(
        HF_ENDPOINT=endpoint or hub.url,
        HF_HUB_DISABLE_XET="1",
        HF_HUB_OFFLINE="0",
        HF_DATASETS_OFFLINE="0",
        HF_HOME=str(home),
        HF_HUB_DISABLE_TELEMETRY="1",
        HF_HUB_DISABLE_UPDATE_CHECK="1",
        NO_PROXY="127.0.0.1,localhost",
        COLUMNS="200",
    )
    if token:
        env["HF_TOKEN"] = token
    return env


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """The CLI as a user runs it; the token must never show up in what it prints."""
    res = subprocess.run(
        [sys.executable, "-m", "earnings_events.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )
    for secret in {TOKEN, env.get("HF_TOKEN")} - {None}:
        assert secret not in res.stdout + res.stderr
    assert "Traceback" not in flat(res.stderr), res.stderr
    return res


def python(env: dict[str, str], code: str) -> dict:
    """Run ``code`` (which prints one JSON document) in a fresh interpreter with ``env``."""
    res = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env, timeout=300
    )
    assert res.returncode == 0, res.stderr[-3000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


def finish(release: Path, previous: Path | None, date: str) -> Path:
    """Build's last steps again, with ``previous`` as the release being replaced (build wrote the release into a
    folder of its own, so its CHANGELOG entry could not compare with ``previous``): guard, entry, croissant."""
    (release / "CHANGELOG.md").unlink(missing_ok=True)
    if previous is not None:
        old = json.loads((previous / "MANIFEST.json").read_text())
        versions.guard(old, json.loads((release / "MANIFEST.json").read_text()))
    versions.update_changelog(previous, release, date)
    croissant.write(release)
    return release


def rows(release: Path) -> dict[str, list[list]]:
    """split -> [[id, label name], ...] in file order."""
    out = {}
    for split in schema.load("statements").splits:
        df = pl.read_parquet(release / f"statements/{split}.parquet")
        out[split] = [[r["id"], LABELS[r["label"]]] for r in df.iter_rows(named=True)]
    return out


def flat(text: str) -> str:
    """Console output with its soft line breaks joined."""
    return " ".join(text.split())


def writes_since(hub: HubServer, n: int) -> list[tuple[str, str]]:
    return [(m, p) for m, p in hub.requests[n:] if m != "GET" and m != "HEAD" and any(w in p for w in WRITES)]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """v1.0.0 of the sample corpus, and v1.0.1 with label corrections for rows in every split."""
    root = tmp_path_factory.mktemp("publish")
    make_release([build.SAMPLE_CORPUS], root / "v1.0.0", annotations=REPO / "dataset" / "annotations")
    v1 = finish(root / "v1.0.0", None, "2026-01-02")
    picked = []
    for split in ("train", "validation", "test"):
        picked += list(pl.read_parquet(v1 / f"statements/{split}.parquet").head(2).iter_rows(named=True))
    changes = {r["id"]: [LABELS[r["label"]], LABELS[(r["label"] + 1) % 4]] for r in picked}
    fixes = root / "annotations"
    shutil.copytree(REPO / "dataset" / "annotations", fixes)
    write_jsonl(fixes / "zz-corrections.jsonl", [{"id": k, "label": new} for k, (_, new) in changes.items()])
    make_release([build.SAMPLE_CORPUS], root / "v1.0.1", version="1.0.1", annotations=fixes)
    v2 = finish(root / "v1.0.1", v1, "2026-01-09")
    return {"root": root, "v1": v1, "v2": v2, "changes": changes, "fixes": fixes}


@pytest.fixture(scope="module")
def published(hub, sample):
    """The sample published as v1.0.0, labels corrected, then v1.0.1: the transcripts of both runs."""
    env = hub_env(hub, sample["root"] / "hf-home")
    first = run(env, "publish", str(sample["v1"]), "--repo-id", REPO_ID)
    second = run(env, "publish", str(sample["v2"]), "--repo-id", REPO_ID)
    return {"env": env, "first": first, "second": second, **sample}


# --- the round trip --------------------------------------------------------------------------------


def test_publish_creates_commits_tags_and_verifies(hub, published):
    first, second = published["first"], published["second"]
    assert first.returncode == 0, first.stderr
    assert "created dataset repo test/earnings-events (public)" in first.stdout
    n1, n2 = len(publish.release_files(published["v1"])), len(publish.release_files(published["v2"]))
    assert n2 == n1 + 1  # v1.0.1 also carries the corrections file
    assert "tagged v1.0.0" in first.stdout and f"verified v1.0.0: {n1} files match MANIFEST.json" in first.stdout
    assert 'load_dataset("test/earnings-events", revision="v1.0.0")' in first.stdout
    assert second.returncode == 0, second.stderr
    assert "dataset repo test/earnings-events exists" in second.stdout and "tagged v1.0.1" in second.stdout
    repo = hub.repo(REPO_ID)
    assert set(repo.tags) == {"v1.0.0", "v1.0.1"} and not repo.private
    assert repo.branches["main"] == repo.tags["v1.0.1"] != repo.tags["v1.0.0"]
    assert repo.commits[repo.tags["v1.0.1"]].parent == repo.tags["v1.0.0"]  # one commit per release
    assert repo.commits[repo.tags["v1.0.1"]].title == "Release v1.0.1"
    assert "labels changed: 6" in repo.commits[repo.tags["v1.0.1"]].description  # the CHANGELOG entry
    for tag, release in (("v1.0.0", published["v1"]), ("v1.0.1", published["v2"])):
        files = repo.commits[repo.tags[tag]].files
        assert set(files) - {".gitattributes"} == {f.path for f in publish.release_files(release)}
        for name in ("statements/train.parquet", "MANIFEST.json", "croissant.json", "CHANGELOG.md"):
            assert hub.file(REPO_ID, tag, name) == (release / name).read_bytes(), (tag, name)
        assert files["statements/train.parquet"].sha256 is not None  # Parquet went through LFS
        assert files["MANIFEST.json"].sha256 is None  # small text files are regular blobs
    changed = second.stdout.split("committing to main: ")[1].split(" files")[0]
    assert 0 < int(changed) < n2  # files that did not change (articles, rejects, the gold labels) stay as they are


def test_load_dataset_gives_the_rows_of_each_tag(published):
    got = python(
        published["env"],
        f"""
        import json, datasets
        out = {{}}
        for tag in ("v1.0.0", "v1.0.1"):
            ds = datasets.load_dataset("{REPO_ID}", revision=tag)
            names = ds["train"].features["label"].names
            out[tag] = {{s: [[r["id"], names[r["label"]]] for r in ds[s]] for s in ds}}
        arts = datasets.load_dataset("{REPO_ID}", "articles", split="corpus", revision="v1.0.1")
        out["articles"] = arts.num_rows
        print(json.dumps(out))
        """,
    )
    assert got["v1.0.0"] == rows(published["v1"])
    assert got["v1.0.1"] == rows(published["v2"])
    assert got["v1.0.0"] != got["v1.0.1"]
    old = {i: label for split in got["v1.0.0"].values() for i, label in split}
    new = {i: label for split in got["v1.0.1"].values() for i, label in split}
    assert {i: [old[i], new[i]] for i in old if old[i] != new[i]} == published["changes"]
    assert got["articles"] == pl.read_parquet(published["v2"] / "articles/corpus.parquet").height


def test_diff_between_the_two_tags_shows_exactly_the_label_changes(published):
    res = run(published["env"], "diff", f"{REPO_ID}@v1.0.0", f"{REPO_ID}@1.0.1", "--json")
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert report["label_changes"] == published["changes"]
    st = report["configs"]["statements"]
    assert st["added"] == [] and st["removed"] == [] and st["moved"] == {}
    assert set(st["changed"]) == set(published["changes"]) and st["changed_columns"] == {"label": 6}
    assert report["required_bump"] == "patch" and report["version_ok"] is True
    assert all(not any(v.values()) for v in report["schema"].values())
    local = run(published["env"], "diff", str(published["v1"]), str(published["v2"]), "--json")
    assert json.loads(local.stdout)["label_changes"] == published["changes"]


def test_fetch_then_load_the_folder_offline(hub, published, tmp_path):
    out = tmp_path / "v1"
    res = run(published["env"], "fetch", REPO_ID, "--version", "1.0.0", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert f"fetched {REPO_ID} v1.0.0 into {out} (valid)" in res.stdout
    assert (out / "MANIFEST.json").read_bytes() == (published["v1"] / "MANIFEST.json").read_bytes()
    offline = {
        **published["env"],
        "HF_HUB_OFFLINE": "1",
        "HF_DATASETS_OFFLINE": "1",
        "HF_ENDPOINT": "http://127.0.0.1:9",
    }
    got = python(
        offline,
        f"""
        import json, datasets
        ds = datasets.load_dataset("{out}")
        names = ds["train"].features["label"].names
        print(json.dumps({{s: [[r["id"], names[r["label"]]] for r in ds[s]] for s in ds}}))
        """,
    )
    assert got == rows(published["v1"])
    res = run(published["env"], "fetch", REPO_ID, "--version", "3.0.0", "--out", str(tmp_path / "v3"))
    assert res.returncode == 2 and "has no revision 'v3.0.0' (published versions: v1.0.0, v1.0.1)" in flat(res.stderr)
    res = run(published["env"], "fetch", REPO_ID, "--version", "1.0.1", "--out", str(out))
    assert res.returncode == 2 and "is not empty" in flat(res.stderr)


# --- the same tag twice, a conflicting tag, an older version --------------------------------------


def test_the_same_tag_twice_is_a_no_op(hub, published):
    before = len(hub.requests)
    refs = dict(hub.repo(REPO_ID).tags), dict(hub.repo(REPO_ID).branches)
    res = run(published["env"], "publish", str(published["v1"]), "--repo-id", REPO_ID, "--json")
    assert res.returncode == 0, res.stderr
    result = json.loads(res.stdout)
    assert result["status"] == "unchanged" and result["commit"] == hub.repo(REPO_ID).tags["v1.0.0"]
    n = len(publish.release_files(published["v1"]))
    assert f"v1.0.0 is already on test/earnings-events with the same {n} files: nothing to do" in flat(res.stderr)
    assert writes_since(hub, before) == []
    assert (dict(hub.repo(REPO_ID).tags), dict(hub.repo(REPO_ID).branches)) == refs


def test_a_conflicting_tag_is_refused(hub, published, tmp_path):
    other = tmp_path / "other-1.0.0"  # v1.0.1's labels under the version 1.0.0
    make_release([build.SAMPLE_CORPUS], other, version="1.0.0", annotations=published["fixes"])
    finish(other, None, "2026-01-02")
    before, refs = len(hub.requests), dict(hub.repo(REPO_ID).tags)
    res = run(published["env"], "publish", str(other), "--repo-id", REPO_ID)
    assert res.returncode == 2
    assert "tag v1.0.0 already exists on test/earnings-events with different content" in flat(res.stderr)
    assert "statements/train.parquet differs" in flat(res.stderr)
    assert writes_since(hub, before) == [] and dict(hub.repo(REPO_ID).tags) == refs


def test_an_older_version_than_the_published_ones_is_refused(hub, published, small_release):
    finish(small_release, None, "2026-01-01")
    manifest = json.loads((small_release / "MANIFEST.json").read_text())
    assert manifest["dataset_version"] == "1.0.0"
    rebuilt = small_release.parent / "old"
    make_release([DATA / "articles.jsonl"], rebuilt, version="0.9.0", annotations=small_release.parent / "none")
    finish(rebuilt, None, "2025-12-01")
    before = len(hub.requests)
    res = run(published["env"], "publish", str(rebuilt), "--repo-id", REPO_ID)
    assert res.returncode == 2 and "already has v1.0.1" in flat(res.stderr) and "move main back" in flat(res.stderr)
    assert writes_since(hub, before) == []


# --- refusals before any request -------------------------------------------------------------------


def test_an_invalid_dataset_is_refused_before_any_request(hub, published, tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(published["v2"], broken)
    df = pl.read_parquet(broken / "statements/test.parquet")
    df.with_columns(pl.col("label") + 10).write_parquet(broken / "statements/test.parquet")
    before = len(hub.requests)
    res = run(published["env"], "publish", str(broken), "--repo-id", "test/other")
    assert res.returncode == 2
    assert "is not a valid release" in flat(res.stderr) and "nothing was published" in flat(res.stderr)
    assert "class_label_range" in flat(res.stderr) and "manifest_sha256" in flat(res.stderr)
    assert hub.requests[before:] == []  # not one request
    assert ("dataset", "test/other") not in hub.hub.repos
    with pytest.raises(UserError, match="not a valid release"):
        publish.plan(broken, "test/other")


def test_release_without_croissant_or_changelog_entry_is_refused(small_release):
    (small_release / "croissant.json").unlink()  # build writes both; take them away
    (small_release / "CHANGELOG.md").unlink()
    with pytest.raises(UserError, match=r"croissant\.json is missing"):
        publish.plan(small_release, REPO_ID)
    croissant.write(small_release)
    with pytest.raises(UserError, match=r"CHANGELOG\.md has no entry for 1\.0\.0"):
        publish.plan(small_release, REPO_ID)
    versions.update_changelog(None, small_release, "2026-01-01")
    plan = publish.plan(small_release, REPO_ID)
    assert plan.tag == "v1.0.0" and {f.path for f in plan.files} >= {"MANIFEST.json", "croissant.json"}
    for bad in ("noslash", "a/b/c", "-x/y", "a--b/c"):
        with pytest.raises(UserError, match="is not OWNER/NAME"):
            publish.plan(small_release, bad)


def test_dry_run_prints_the_operations_and_sends_nothing(hub, published):
    before = len(hub.requests)
    res = run(published["env"], "publish", str(published["v2"]), "--repo-id", "test/dry", "--private", "--dry-run")
    assert res.returncode == 0, res.stderr
    assert hub.requests[before:] == []
    out = res.stdout
    assert "create dataset repo test/dry (private) if it does not exist" in out
    assert 'one commit on main "Release v1.0.1"' in out and "5. tag that commit v1.0.1" in out
    for f in publish.release_files(published["v2"]):
        assert f"{f.path}" in out and f.sha256[:16] in out
    assert out.rstrip().endswith("dry run: nothing was sent")
    no_token = hub_env(hub, published["root"] / "hf-home", token=None)
    assert run(no_token, "publish", str(published["v2"]), "--repo-id", "test/dry", "--dry-run").returncode == 0


# --- network errors, tokens, private repos ---------------------------------------------------------


def test_a_failed_commit_leaves_the_remote_unchanged_and_a_rerun_resumes(hub, published, tmp_path):
    env = published["env"]
    repo_id = "test/flaky"
    hub.fail_next("POST", r"/api/datasets/test/flaky/commit/", 500)
    res = run(env, "publish", str(published["v1"]), "--repo-id", repo_id)
    assert res.returncode == 2
    assert "uploading and committing to test/flaky failed: HTTP 500" in flat(res.stderr)
    assert "Nothing was committed to test/flaky; run the same command again to resume" in flat(res.stderr)
    repo = hub.repo(repo_id)
    assert repo.tags == {} and len(repo.commits) == 1  # only the Hub's initial commit
    before = len(hub.requests)
    res = run(env, "publish", str(published["v1"]), "--repo-id", repo_id)
    assert res.returncode == 0, res.stderr
    assert [p for m, p in hub.requests[before:] if m == "PUT"] == []  # LFS files were not sent again
    assert set(repo.tags) == {"v1.0.0"}
    hub.fail_next("POST", r"/api/datasets/test/flaky/tag/", 503)
    res = run(env, "publish", str(published["v2"]), "--repo-id", repo_id)
    assert res.returncode == 2 and "tagging v1.0.1 failed: HTTP 503" in flat(res.stderr)
    assert "is committed to main as" in flat(res.stderr) and "run the same command again to tag it" in flat(res.stderr)
    commits = len(repo.commits)
    res = run(env, "publish", str(published["v2"]), "--repo-id", repo_id)
    assert res.returncode == 0, res.stderr
    n = len(publish.release_files(published["v2"]))
    assert f"main already has these {n} files" in res.stdout and len(repo.commits) == commits
    assert repo.tags["v1.0.1"] == repo.branches["main"]


def test_unreachable_hub_gives_one_clear_line(hub, published):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = hub_env(hub, published["root"] / "hf-home", endpoint=f"http://127.0.0.1:{port}")
    res = run(env, "publish", str(published["v1"]), "--repo-id", REPO_ID)
    assert res.returncode == 2
    assert flat(res.stderr).startswith("error: reading test/earnings-events failed: ConnectError")
    assert "Nothing was changed on test/earnings-events; run the same command again." in flat(res.stderr)


def test_tokens_are_required_checked_and_never_printed(hub, published):
    none = hub_env(hub, published["root"] / "no-login", token=None)
    res = run(none, "publish", str(published["v1"]), "--repo-id", "test/tokens")
    assert res.returncode == 2 and "no Hugging Face token: set HF_TOKEN" in flat(res.stderr)
    wrong = hub_env(hub, published["root"] / "hf-home", token="hf_wrongSecretValue123")
    res = run(wrong, "publish", str(published["v1"]), "--repo-id", "test/tokens")
    assert res.returncode == 2 and "HTTP 401 the Hub did not accept the token" in flat(res.stderr)
    assert ("dataset", "test/tokens") not in hub.hub.repos


def test_private_repo(hub, published, tmp_path):
    res = run(published["env"], "publish", str(published["v1"]), "--repo-id", "test/private-data", "--private")
    assert res.returncode == 0, res.stderr
    assert "created dataset repo test/private-data (private)" in res.stdout
    assert hub.repo("test/private-data").private
    anonymous = hub_env(hub, published["root"] / "anon", token=None)
    res = run(anonymous, "fetch", "test/private-data", "--version", "1.0.0", "--out", str(tmp_path / "anon"))
    assert res.returncode == 2 and "not found (or private: set HF_TOKEN)" in flat(res.stderr)
    res = run(published["env"], "fetch", "test/private-data", "--version", "1.0.0", "--out", str(tmp_path / "ok"))
    assert res.returncode == 0, res.stderr


# --- a release of the Reuters benchmark's shape ----------------------------------------------------


def test_a_release_without_bodies_and_with_human_test_labels_round_trips(hub, tmp_path):
    """No article bodies, human judgements of the test rows keyed by offsets: published, loaded from the Hub and
    fetched back as it was built; its bodies come back only from the user's own copy of the corpus."""
    release, corpus = bodiless_release(tmp_path)
    finish(release, None, "2026-12-02")
    version = json.loads((release / "MANIFEST.json").read_text())["dataset_version"]
    env = hub_env(hub, tmp_path / "hf-home")
    before = len(hub.requests)
    dry = run(env, "publish", str(release), "--repo-id", "test/reuters-shape", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert hub.requests[before:] == [] and "annotations/human-test.jsonl" in dry.stdout
    res = run(env, "publish", str(release), "--repo-id", "test/reuters-shape")
    assert res.returncode == 0, res.stderr
    out = tmp_path / "fetched"
    res = run(env, "fetch", "test/reuters-shape", "--version", version, "--out", str(out))
    assert res.returncode == 0, res.stderr
    for f in publish.release_files(release):
        assert (out / f.path).read_bytes() == (release / f.path).read_bytes(), f.path
    got = python(
        env,
        """
        import json, datasets
        ds = datasets.load_dataset("test/reuters-shape")
        arts = datasets.load_dataset("test/reuters-shape", "articles", split="corpus")
        print(json.dumps({"test_sources": sorted({r["label_source"] for r in ds["test"]}),
                          "texts": sorted({str(t) for t in arts["text"]}), "articles": arts.num_rows}))
        """,
    )
    assert got["test_sources"] == ["human"] and got["texts"] == ["None"] and got["articles"] == 6
    # The human judgements travel as ids, offsets and labels: no text of the corpus.
    for line in (out / "annotations" / "human-test.jsonl").read_text().splitlines():
        rec = json.loads(line)
        assert not {"statement", "text", "title", "context", "note"} & set(rec)
    # ... and a user who holds the corpus scores the extractor on the fetched release's human test rows.
    res = run(env, "evaluate", str(out), "--task", "event-extraction", "--articles", str(corpus), "--json")
    assert res.returncode == 0, res.stderr
    (score,) = json.loads(res.stdout)["scores"]
    assert score["headline"] == "human" and score["subsets"]["human"]["n"] == 2
