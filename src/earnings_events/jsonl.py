"""Reading JSONL files of objects (gold rows, predictions, annotations) with errors that name file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from .errors import InputError


def objects(path: Path, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict]]:
    """(line number, object) for every non-blank line; a malformed line, a non-object or a missing required key
    raises ``InputError`` naming the file and line."""
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc.msg}", str(path), lineno) from exc
        if not isinstance(rec, dict):
            raise InputError("each line must be a JSON object", str(path), lineno)
        missing = [k for k in required if k not in rec]
        if missing:
            needed = " and ".join(repr(k) for k in required)
            raise InputError(f"each line needs {needed} (missing {missing[0]!r})", str(path), lineno)
        yield lineno, rec
