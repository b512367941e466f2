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
from .records import Reject
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
    """datatrove record -> Document keeping the fields an Article needs in metadata."""
    raw_id = data.get("id")
    return {
        "text": data.get("text") or "",
        "id": str(raw_id) if raw_id not in (None, "") else f"{Path(path).stem}-{id_in_file}",
        "metadata": {
            "url": data.get("url"),
            "published": data.get("published"),
            "title": data.get("title"),
            "source": path,
            "line": id_in_file,
        },
    }


class IngestReader(BaseDiskReader):
    """A datatrove reader around ``ingest.read_file``: WARC, HTML and text files read exactly as the local
    engine reads them (same ids, same text, same rejects)."""

    name = "🧾 earnings-events ingest"

    def read_file(self, filepath: str) -> Iterator[Document]:
        from . import ingest

        path = Path(self.data_folder.resolve_paths(filepath))
        for item in ingest.read_file(path):
            if isinstance(item, Reject):
                rec = reject_record(item, filepath)
                yield Document(text="(rejected)", id=f"reject:{filepath}:{item.line}", metadata={_REJECT: rec})
            else:
                yield Document(
                    text=item.text,
                    id=item.article_id,
                    metadata={
                        "url": item.url,
                        "published": item.published.isoformat() if item.published else None,
                        "title": item.title,
                        "source": filepath,
                        "line": item.line,
                    },
                )


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
                    "id": doc.id,
                    "text": doc.text,
                    "url": md.get("url"),
                    "title": md.get("title"),
                    "published": str(md["published"])[:10] if md.get("published") else None,
                },
                str(md.get("source", "")),
                md.get("line"),
            )
            if isinstance(item, Reject):
                rejects.append(reject_record(item, str(md.get("source", ""))))
                stats.rejected[item.reason.value] += 1
                self.stat_update(f"rejected_{item.reason.value}")
                continue
            stats.accepted += 1
            with self.track_time():
                done = pipeline.process(item, registry)
            articles.append(done)
            stats.out_of_scope += not done.in_scope
            stats.quotes += done.quotes
            stats.with_rows += bool(done.rows)
            stats.rows += len(done.rows)
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
    from . import ingest

    readers = []
    for root in options.inputs:
        files = ingest.expand([root])
        kinds = {_DATATROVE_FORMATS.get(ingest._suffix(f), "ingest") for f in files}
        folder = str(root if root.is_dir() else root.parent)
        glob = None if root.is_dir() else root.name
        if kinds == {"jsonl"}:
            readers.append(JsonlReader(folder, glob_pattern=glob, adapter=_article_adapter, recursive=True))
        elif kinds == {"parquet"}:
            readers.append(ParquetReader(folder, glob_pattern=glob, adapter=_article_adapter, recursive=True))
        else:
            readers.append(IngestReader(folder, glob_pattern=glob, recursive=True))
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

    n_files = len(ingest.expand(options.inputs))
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
