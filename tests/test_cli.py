"""The command line: real commands in a subprocess, as a user runs them."""

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import DATA

EXE = [sys.executable, "-m", "earnings_events.cli"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "COLUMNS": "200"}
    return subprocess.run([*EXE, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_help_lists_every_command():
    res = run("--help")
    assert res.returncode == 0
    for cmd in ("build", "validate"):
        assert cmd in res.stdout


def test_build_then_validate(tmp_path):
    res = run("build", str(DATA / "articles.jsonl"), "--out", str(tmp_path / "out"), "--json")
    assert res.returncode == 0, res.stderr
    summary = json.loads(res.stdout)
    assert summary["articles_read"] == 5 and sum(summary["rows_per_split"].values()) > 0
    res = run("validate", str(tmp_path / "out"))
    assert res.returncode == 0 and "valid" in res.stdout


def test_validate_reports_failures_with_exit_1(tmp_path):
    assert run("build", str(DATA / "articles.jsonl"), "--out", str(tmp_path / "out")).returncode == 0
    (tmp_path / "out/statements/test.parquet").unlink()
    res = run("validate", str(tmp_path / "out"))
    assert res.returncode == 1
    assert "files_present" in res.stdout and "statements/test.parquet" in res.stdout


def test_user_mistakes_give_one_line_and_no_traceback(tmp_path):
    res = run("build", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "out"))
    assert res.returncode == 2
    assert "missing.jsonl" in res.stderr and "Traceback" not in res.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "fine"}\n{oops\n')
    res = run("build", str(bad), "--out", str(tmp_path / "out"), "--strict")
    assert res.returncode == 2
    assert "bad.jsonl:2" in res.stderr and "Traceback" not in res.stderr
    res = run("validate", str(tmp_path / "nowhere"))
    assert res.returncode == 2 and "Traceback" not in res.stderr


def _commands(group, path=()):
    """(command path, click command) for every command of the CLI, sub-commands included."""
    import click

    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*path, name))
        else:
            yield (*path, name), cmd


def test_help_prints_bracketed_words_as_written():
    """Rich markup would swallow "[scale]" or "[@REVISION]": every help text prints them as written."""
    import re

    import typer

    from earnings_events.cli import app

    res = run("build", "--help")
    assert res.returncode == 0
    shown = " ".join(res.stdout.split())  # help is wrapped at spaces
    assert "pip install 'earnings-events[scale]'" in shown
    assert "hf://datasets/OWNER/NAME[@REVISION]" in shown
    checked = 0
    for path, cmd in _commands(typer.main.get_command(app)):
        texts = [cmd.help or ""] + [getattr(p, "help", None) or "" for p in cmd.params]
        words = {w for t in texts for w in re.findall(r"\S*\[[^\]\s]+\]\S*", t)}
        if not words:
            continue
        res = run(*path, "--help")
        assert res.returncode == 0, res.stderr
        shown = " ".join(res.stdout.split())
        for word in words:
            assert word in shown, (path, word)
            checked += 1
    assert checked >= 2


def test_build_summary_prints_the_install_hint_of_a_missing_labeler_as_written(tmp_path):
    """Without torch the summary's labeler row says how to get the MiniLM labeler; rich markup ate "[embeddings]"."""
    no_torch = "import sys; sys.modules['torch'] = None; from earnings_events.cli import app; app()"
    env = {**os.environ, "HF_DATASETS_OFFLINE": "1", "COLUMNS": "200"}
    args = [sys.executable, "-c", no_torch, "build", str(DATA / "articles.jsonl"), "--out", str(tmp_path / "out")]
    res = subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    shown = " ".join(res.stdout.replace("│", " ").split())
    assert "label_lr_v4; label_minilm_v2 unavailable" in shown
    assert "pip install 'earnings-events[embeddings]'" in shown
