"""The streaming build: same bytes whatever the workers, interrupted builds, --resume."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO, make_release

sys.path.insert(0, str(REPO / "scripts"))
from make_bench_corpus import generate


def files(release: Path) -> dict[str, bytes]:
    return {p.relative_to(release).as_posix(): p.read_bytes() for p in sorted(release.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generate(240, tmp_path_factory.mktemp("corpus") / "bench.jsonl", seed=7, words=250)


def test_workers_and_shard_boundaries_do_not_change_the_rows(corpus, tmp_path):
    one = make_release([corpus], tmp_path / "one", workers=1, shard_size=50)
    two = make_release([corpus], tmp_path / "two", workers=2, shard_size=50)
    assert one.articles_read == two.articles_read == 240
    assert files(tmp_path / "one") == files(tmp_path / "two")
    make_release([corpus], tmp_path / "big", workers=1, shard_size=1000)
    for split in ("train", "validation", "test"):  # other shard sizes: same rows (row groups may differ)
        rel = f"statements/{split}.parquet"
        assert files(tmp_path / "one")[rel] == files(tmp_path / "big")[rel]


def test_interrupted_build_resumes_from_finished_shards(corpus, tmp_path):
    from earnings_events import build

    out = tmp_path / "out"
    seen = []

    def stop_midway(n: int) -> None:
        seen.append(n)
        if len(seen) == 3:
            raise KeyboardInterrupt  # what Ctrl-C does in the middle of a build

    options = build.BuildOptions((corpus,), out, shard_size=40)
    with pytest.raises(KeyboardInterrupt):
        build.run(options, stop_midway)
    assert not out.exists()  # nothing half-written
    assert len(build.work_folder(options).names()) == 3
    result = build.run(build.BuildOptions((corpus,), out, shard_size=40, resume=True))
    assert result.shards_reused == 3
    make_release([corpus], tmp_path / "clean", shard_size=40)
    assert files(out) == files(tmp_path / "clean")
    assert not build.work_folder(options).root.exists()  # removed once the release is in place


def test_killed_build_leaves_the_previous_release_intact(corpus, tmp_path):
    out = tmp_path / "out"
    make_release([corpus], out, shard_size=40)
    before = files(out)
    bigger = generate(1500, tmp_path / "bigger.jsonl", seed=3, words=250)
    cmd = [
        sys.executable,
        "-m",
        "earnings_events.cli",
        "build",
        str(bigger),
        "--out",
        str(out),
        "--shard-size",
        "50",
        "--workers",
        "1",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stats = tmp_path / ".out.work" / "stats"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None and len(list(stats.glob("*.json"))) < 2:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert files(out) == before
    assert not list(tmp_path.glob(".out.tmp-*"))
    assert not list(stats.glob(".*.tmp"))  # no half-written shard files
    done = len(list(stats.glob("*.json")))
    assert done >= 2
    subprocess.run([*cmd, "--resume", "--version", "1.1.0"], check=True, capture_output=True)
    assert files(out) != before
    make_release([bigger], tmp_path / "clean", shard_size=50, version="1.1.0")
    data = (
        "statements/train.parquet",
        "statements/validation.parquet",
        "statements/test.parquet",
        "articles/corpus.parquet",
        "rejects.jsonl",
        "README.md",
    )
    assert {k: files(out)[k] for k in data} == {k: files(tmp_path / "clean")[k] for k in data}


def test_datatrove_engine_yields_the_rows_of_the_local_engine(corpus, tmp_path):
    pytest.importorskip("datatrove")
    import pyarrow.parquet as pq

    local = make_release([corpus], tmp_path / "local", shard_size=60)
    engine = make_release([corpus], tmp_path / "datatrove", engine="datatrove", workers=2)
    for split in ("train", "validation", "test"):
        rel = f"statements/{split}.parquet"
        assert pq.read_table(tmp_path / "local" / rel).equals(pq.read_table(tmp_path / "datatrove" / rel)), rel
    arts = [
        pq.read_table(tmp_path / d / "articles/corpus.parquet").sort_by("article_id") for d in ("local", "datatrove")
    ]
    assert arts[0].equals(arts[1])
    assert (engine.articles_read, engine.quotes_found, engine.articles_with_rows) == (
        local.articles_read,
        local.quotes_found,
        local.articles_with_rows,
    )


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "earnings_events.cli", *args], capture_output=True, text=True, env=env, timeout=600
    )


def test_slurm_executor_submits_then_resume_writes_the_release(corpus, tmp_path):
    # Slurm does not run here: sbatch, srun, squeue and scontrol are stand-ins (tests/data/fake_slurm) that run the
    # batch script datatrove writes, as the nodes would; everything else is the real pipeline.
    pytest.importorskip("datatrove")
    import pyarrow.parquet as pq

    fake = REPO / "tests" / "data" / "fake_slurm"
    log = tmp_path / "sbatch.log"
    env = dict(os.environ, PATH=f"{fake}{os.pathsep}{os.environ['PATH']}", FAKE_SLURM_LOG=str(log))
    out = tmp_path / "release"
    build = [
        "build",
        str(corpus),
        "--out",
        str(out),
        "--engine",
        "datatrove",
        "--executor",
        "slurm",
        "--partition",
        "cpu",
    ]

    missing = _cli(build[:-2], env)
    assert missing.returncode == 2 and "--partition" in missing.stderr

    held = dict(env, FAKE_SLURM_HOLD="1")  # queued: sbatch accepts the job, nothing runs yet
    first = _cli(build, held)
    assert first.returncode == 0, first.stderr
    assert "submitted 1 tasks as Slurm job" in first.stdout and "--resume" in first.stdout
    assert not out.exists()

    waiting = _cli([*build, "--resume"], dict(held, FAKE_SLURM_RUNNING="1"))
    assert waiting.returncode == 0 and "still queued or running" in waiting.stdout
    assert len(log.read_text().splitlines()) == 2  # the array and datatrove's stats job; nothing resubmitted

    again = _cli([*build, "--resume"], env)  # the job left the queue unfinished: its tasks are submitted again
    assert again.returncode == 0 and "submitted 1 tasks" in again.stdout
    done = _cli([*build, "--resume"], env)
    assert done.returncode == 0, done.stderr
    assert "built" in done.stdout

    make_release([corpus], tmp_path / "local", shard_size=60)
    for split in ("train", "validation", "test"):
        rel = f"statements/{split}.parquet"
        assert pq.read_table(tmp_path / "local" / rel).equals(pq.read_table(out / rel)), rel
