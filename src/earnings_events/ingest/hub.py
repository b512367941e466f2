"""Hugging Face datasets as input, read row by row with the ``datasets`` library:

* ``hf://datasets/OWNER/NAME[@REVISION]``: streamed from the Hub (``load_dataset(..., streaming=True)``: no
  full download); ``HF_ENDPOINT`` selects the Hub, the token comes from ``HF_TOKEN`` or ``hf auth login``;
* a folder written by ``save_to_disk`` (``state.json`` or ``dataset_dict.json`` in it): ``load_from_disk``;
* a Hub-style dataset folder (data files and a README.md with a YAML header): ``load_dataset(folder,
  streaming=True)``, as on the Hub.

Config and split come from ``--hf-config`` and ``--hf-split`` (default ``train``); the field map applies as for
a table. The row number (from 1) is the "line" of a reject. Offline (``HF_HUB_OFFLINE=1``, or no network), an
unknown dataset, a bad config or split: one ``InputError`` line, never a traceback.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..records import Article, Reject
from .fields import FieldMap, article_from_record, pick

PREFIX = "hf://datasets/"
_URI = re.compile(r"hf://datasets/([\w.\-]+/[\w.\-]+)(?:@([^\s@]+))?/?")


@dataclass(frozen=True)
class HubDataset:
    """A dataset on the Hub: ``repo_id`` and the revision asked for (None: the default branch)."""

    uri: str
    repo_id: str
    revision: str | None


def is_uri(value: object) -> bool:
    return isinstance(value, str) and value.startswith("hf://")


def parse_uri(uri: str) -> HubDataset:
    m = _URI.fullmatch(uri.strip())
    if not m:
        raise InputError("expected hf://datasets/OWNER/NAME or hf://datasets/OWNER/NAME@REVISION", uri)
    return HubDataset(uri, m.group(1), m.group(2))


def is_dataset_folder(path: Path) -> bool:
    """A folder ``save_to_disk`` wrote, or a Hub-style dataset folder (a README.md with a YAML header)."""
    if not path.is_dir():
        return False
    if is_saved_folder(path):
        return True
    readme = path / "README.md"
    try:
        with readme.open("rb") as f:
            return f.read(4) == b"---\n"
    except OSError:
        return False


def is_saved_folder(path: Path) -> bool:
    return (path / "state.json").is_file() or (path / "dataset_dict.json").is_file()


def _offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


@functools.cache
def revision_sha(ds: HubDataset) -> str:
    """The commit the revision points at (for the input fingerprint); checks the dataset exists."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import OfflineModeIsEnabled, RepositoryNotFoundError, RevisionNotFoundError

    if _offline():
        raise InputError("cannot read a Hub dataset offline (HF_HUB_OFFLINE=1): unset it, or pass a local copy", ds.uri)
    try:
        info = HfApi().dataset_info(ds.repo_id, revision=ds.revision)
    except RevisionNotFoundError as exc:
        raise InputError(f"no revision {ds.revision!r} of the dataset {ds.repo_id} on the Hub", ds.uri) from exc
    except RepositoryNotFoundError as exc:
        raise InputError(
            f"no dataset {ds.repo_id} on the Hub (or it is private or gated: log in with `hf auth login`)", ds.uri
        ) from exc
    except OfflineModeIsEnabled as exc:
        raise InputError("cannot read a Hub dataset offline (HF_HUB_OFFLINE=1)", ds.uri) from exc
    except Exception as exc:  # httpx errors, timeouts: the network
        raise InputError(
            f"cannot reach the Hub ({type(exc).__name__}): check the network or HF_ENDPOINT", ds.uri
        ) from exc
    return str(info.sha)


def _load(source: HubDataset | Path, config: str | None, split: str):
    """The rows of a dataset source, as an iterable of dicts."""
    import datasets
    from datasets.exceptions import DatasetNotFoundError

    where = source.uri if isinstance(source, HubDataset) else str(source)
    try:
        if isinstance(source, Path) and is_saved_folder(source):
            ds = datasets.load_from_disk(str(source))
            if isinstance(ds, datasets.DatasetDict):
                if split not in ds:
                    raise InputError(f"no split {split!r} (splits: {', '.join(ds)}); choose one with --hf-split", where)
                ds = ds[split]
            return ds
        if isinstance(source, HubDataset):
            if _offline():
                raise InputError(
                    "cannot read a Hub dataset offline (HF_HUB_OFFLINE=1): unset it, or pass a local copy", where
                )
            return datasets.load_dataset(
                source.repo_id, name=config, split=split, revision=source.revision, streaming=True
            )
        return datasets.load_dataset(str(source), name=config, split=split, streaming=True)
    except DatasetNotFoundError as exc:
        raise InputError(_one_line(exc), where) from exc
    except ConnectionError as exc:
        raise InputError(f"cannot reach the Hub: {_one_line(exc)}", where) from exc
    except (ValueError, FileNotFoundError) as exc:  # an unknown config or split, no data files
        raise InputError(_one_line(exc), where) from exc


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text if len(text) <= 300 else text[:297] + "..."


def read(source: HubDataset | Path, fields: FieldMap, config: str | None, split: str) -> Iterator[Article | Reject]:
    """Every row of a dataset source as an ``Article`` or a ``Reject``."""
    where = source.uri if isinstance(source, HubDataset) else str(source)
    rows = _load(source, config, split)
    id_mapped = "id" in fields.mapped
    columns = None
    n = 0
    it = iter(rows)
    while True:
        try:
            rec = next(it)
        except StopIteration:
            return
        except InputError:
            raise
        except Exception as exc:  # the stream failed (network, a damaged file)
            raise InputError(f"reading stopped after row {n}: {_one_line(exc)}", where) from exc
        n += 1
        if columns is None:
            columns = fields.columns(rec.keys(), where)
        yield article_from_record(pick(rec, columns), where, n, id_mapped)
