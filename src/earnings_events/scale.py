"""The datatrove engine: the per-article phase as a datatrove pipeline, for clusters.

``reader(s) -> ExtractStep -> ParquetWriter``: datatrove's own JSONL and Parquet readers (other formats
go through ``IngestReader``, datatrove's disk reader around this package's ingest), the project's
per-article path (``pipeline.process``) as a step, and datatrove's Parquet writer for the rows, with
an explicit Arrow schema. The step also writes each rank's articles, rejects and counts into the
build's work folder (shards.py), so build's global steps (human labels, dedupe, splits, card,
manifest) run on the written shards exactly as for the local engine. Executors: ``local``,
``slurm`` (submit, then ``--resume`` to finish; tested against stand-ins for sbatch, srun and squeue) and
``ray`` (the same pipeline; not exercised in this project's CI).
Optional: ``pip install earnings-events[scale]``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConfigError, JobSubmitted, UserError
from .ingest import IngestOptions
from .records import Article, Reject
from .shards import ShardStats, WorkFolder, reject_record, working_schema

if TYPE_CHECKING:
    from .build import BuildOptions

try:
    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.base import PipelineStep
    from datatrove.pipeline.readers import JsonlReader, ParquetReader
    from datatrove.pipeline.readers.base import BaseDiskReader
    from datatrove.pipeline.writers import ParquetWriter
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ConfigError("the datatrove engine needs the 'scale' extra: pip install 'earnings-events[scale]'") from exc

_REJECT = "earnings_events_reject"
_DATATROVE_FORMATS = {".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".parquet": "parquet"}


def _article_adapter(self, data: dict, path: str, id_in_file: int | str) -> dict:
    """datatrove record -> Document keeping the fields an Article needs in metadata (an absent id stays empty:
    ExtractStep derives it as ingest does)."""
    raw_id = data.get("id")
    return {
        "text": data.get("text") or "",
        "id": str(raw_id) if raw_id not in (None, "") else "",
        "metadata": {
            "url": data.get("url"),
            "published": data.get("published"),
            "title": data.get("title"),
            "outlet": data.get("outlet"),
            "source": path,
            "line": id_in_file,
        },
    }


def _document(item: Article | Reject, source: str) -> Document:
    """An ingest item as a Document: an article with its fields in metadata, or a reject record."""
    if isinstance(item, Reject):
        rec = reject_record(item, source)
        return Document(text="(rejected)", id=f"reject:{source}:{item.line}", metadata={_REJECT: rec})
    return Document(
        text=item.text,
        id=item.article_id,
        metadata={
            "url": item.url,
            "published": item.published.isoformat() if item.published else None,
            "title": item.title,
            "outlet": item.outlet,
            "source": source,
            "line": item.line,
        },
    )


class IngestReader(BaseDiskReader):
    """A datatrove reader around ``ingest.read_file``: CSV, zstd, Ding, WARC, HTML and text files, and tables
    read with a field map, exactly as the local engine reads them (same ids, same text, same rejects)."""

    name = "🧾 earnings-events ingest"

    def __init__(self, data_folder, reading: IngestOptions, ding: bool = False, **kwargs):
        super().__init__(data_folder, **kwargs)
        self.reading = reading
        self.ding = ding  # the folder is of the Ding layout: files without one of our suffixes are articles

    def read_file(self, filepath: str) -> Iterator[Document]:
        from . import ingest

        path = Path(self.data_folder.resolve_paths(filepath))
        kind = (
            "ding"
            if self.reading.layout == "ding" or (self.ding and ingest.suffix(path) not in ingest.SUFFIXES)
            else None
        )
        for item in ingest.read_file(path, self.reading, kind):
            yield _document(item, filepath)


class DatasetReader(PipelineStep):
    """Hugging Face datasets (``hf://`` inputs, ``save_to_disk`` and Hub-style folders) through ingest: each
    dataset is read whole by one task (the one whose rank is its position in ``parts``, modulo the tasks)."""

    name = "🧾 earnings-events datasets"
    type = "📖 - READER"

    def __init__(self, parts: list, reading: IngestOptions):
        super().__init__()
        self.parts = parts
        self.reading = reading

    def run(self, data=None, rank: int = 0, world_size: int = 1):
        from . import ingest

        if data:
            yield from data
        for k, part in enumerate(self.parts):
            if k % world_size == rank:
                where = part.location.uri if part.kind == "hub" else str(part.location)
                for item in ingest.read_part(part, self.reading):
                    yield _document(item, where)


class ExtractStep(PipelineStep):
    """Documents (articles) in, one Document per extracted row out; each rank's articles, rejects and
    counts go to the build's work folder."""

    name = "🧾 earnings-events extract"
    type = "📊 EXTRACT"

    def __init__(self, work_root: str):
        super().__init__()
        self.work_root = work_root

    def run(self, data, rank: int = 0, world_size: int = 1):
        from . import ingest, pipeline
        from .registry import load as load_registry

        registry = load_registry()
        stats, articles, rejects, rows = ShardStats(), [], [], []
        for doc in data or ():
            stats.read += 1
            if _REJECT in doc.metadata:
                rejects.append(doc.metadata[_REJECT])
                stats.rejected[doc.metadata[_REJECT]["reason"]] += 1
                continue
            md = doc.metadata
            item = ingest.article_from_record(
                {
                    "id": doc.id or None,
                    "text": doc.text,
                    "url": md.get("url"),
                    "title": md.get("title"),
                    "outlet": md.get("outlet"),
                    "published": md.get("published"),
                },
                str(md.get("source", "")),
                md.get("line"),
            )
            if isinstance(item, Reject):
                rejects.append(reject_record(item, str(md.get("source", ""))))
                stats.rejected[item.reason.value] += 1
                self.stat_update(f"rejected_{item.reason.value}")
                continue
            with self.track_time():
                done = pipeline.process(item, registry)
            articles.append(done)
            stats.count(done)
            self.stat_update("articles")
            self.stat_update("rows", value=len(done.rows))
            for row in done.rows:
                rows.append(row)
                yield Document(text=row.statement, id=row.id, metadata={"row": row})
        # the rows themselves are written by datatrove's ParquetWriter, next in the pipeline
        WorkFolder(Path(self.work_root)).write(f"rank-{rank:05d}", [], articles, rejects, stats, rows_file=False)


def _row_adapter(self, document: Document) -> dict:
    import dataclasses

    row = document.metadata["row"]  # its values are immutable: no deep copy (dataclasses.asdict) needed
    return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}


def _readers(options: BuildOptions) -> list:
    """datatrove's own JSONL and Parquet readers for folders of plain JSONL or Parquet files read without a field
    map; ``IngestReader`` for every other folder or file; ``DatasetReader`` for Hugging Face datasets."""
    from . import ingest

    readers, datasets = [], []
    for root in options.inputs:
        parts = ingest.plan([root], options.reading)
        if any(p.kind in ("hub", "dataset") for p in parts):
            datasets.extend(parts)
            continue
        root = Path(root)
        kinds = {_DATATROVE_FORMATS.get(p.kind, "ingest") for p in parts}
        folder = str(root if root.is_dir() else root.parent)
        glob = None if root.is_dir() else root.name
        plain = not options.reading.fields and options.reading.layout == "auto"
        if plain and kinds == {"jsonl"}:
            readers.append(JsonlReader(folder, glob_pattern=glob, adapter=_article_adapter, recursive=True))
        elif plain and kinds == {"parquet"}:
            readers.append(ParquetReader(folder, glob_pattern=glob, adapter=_article_adapter, recursive=True))
        else:
            ding = any(p.kind == "ding" for p in parts)
            readers.append(IngestReader(folder, options.reading, ding, glob_pattern=glob, recursive=True))
    if datasets:
        readers.append(DatasetReader(datasets, options.reading))
    return readers


def pipeline_steps(options: BuildOptions, work: WorkFolder) -> list:
    """The datatrove pipeline of a build: readers, the extraction step, the Parquet writer for rows."""
    import polars as pl
    import pyarrow as pa

    rows_schema = pl.DataFrame(schema=working_schema("statements")).to_arrow().schema
    return [
        *_readers(options),
        ExtractStep(str(work.root)),
        ParquetWriter(
            str(work.root / "rows"),
            output_filename="rank-${rank}.parquet",
            adapter=_row_adapter,
            schema=pa.schema(rows_schema),
            compression="zstd",
        ),
    ]


def _slurm(options: BuildOptions, work: WorkFolder, steps: list, tasks: int, logs: str) -> None:
    """Submit the per-article work as a Slurm job array and stop (``JobSubmitted``); run again with --resume
    once it has finished: when every task is complete the build goes on to the global steps here. Tasks that
    failed are submitted again; while the job is still queued or running nothing is submitted twice."""
    from datatrove.executor import SlurmPipelineExecutor

    if not options.partition:
        raise UserError("--executor slurm needs --partition (the Slurm partition to submit to)")
    activate = Path(sys.prefix) / "bin" / "activate"  # the tasks run in this same environment
    executor = SlurmPipelineExecutor(
        steps,
        tasks=tasks,
        time=options.time_limit,
        partition=options.partition,
        job_name="earnings-events",
        logging_dir=logs,
        slurm_logs_folder=str(work.root / "slurm-logs"),
        venv_path=str(activate) if activate.is_file() else None,
        skip_completed=True,
    )
    pending = executor.get_incomplete_ranks()
    if not pending:
        return
    job_file = work.root / "slurm-job.json"
    if job_file.is_file():
        job = json.loads(job_file.read_text())["job_id"]
        if _in_queue(job):
            raise JobSubmitted(
                f"{len(pending)} of {tasks} tasks are not done yet: Slurm job {job} is still queued or running. "
                "Run the same command with --resume when it has finished."
            )
    executor.run()  # submits the job array and returns
    job_file.write_text(json.dumps({"job_id": executor.job_id, "tasks": len(pending)}))
    raise JobSubmitted(
        f"submitted {len(pending)} tasks as Slurm job {executor.job_id} (logs: {work.root / 'slurm-logs'}). "
        "When it has finished, run the same command with --resume to write the release."
    )


def _in_queue(job_id: str) -> bool:
    try:
        out = subprocess.run(["squeue", "-h", "-j", str(job_id)], capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise UserError("squeue not found: --executor slurm runs where Slurm's commands are installed") from exc
    return bool(out.stdout.strip())


def extract(options: BuildOptions, work: WorkFolder) -> None:
    """Run the per-article phase on datatrove's executor; blocks until the shards are written."""
    if options.strict:
        raise UserError("--strict is not available with --engine datatrove (its readers skip bad lines)")
    from . import ingest

    n_files = len(ingest.expand(options.inputs)) + sum(ingest.hub.is_uri(i) for i in options.inputs)
    tasks = max(1, min(n_files, 1024))
    steps = pipeline_steps(options, work)
    logs = str(work.root / "datatrove-logs")
    if options.executor == "local":
        LocalPipelineExecutor(
            steps, tasks=tasks, workers=min(options.workers, tasks), logging_dir=logs, skip_completed=options.resume
        ).run()
    elif options.executor == "ray":
        from datatrove.executor import RayPipelineExecutor

        RayPipelineExecutor(
            steps, tasks=tasks, workers=options.workers, logging_dir=logs, skip_completed=options.resume
        ).run()
    elif options.executor == "slurm":
        _slurm(options, work, steps, tasks, logs)
    else:
        raise UserError(f"unknown executor {options.executor!r} (known: local, slurm, ray)")
