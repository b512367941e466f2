"""Benchmark tasks, declared as data: ``schema/tasks/*.yaml`` in, ``TaskSpec`` records out.

A task names its config, its unit (a ``row`` of the config, or an ``article`` with all its rows), its
input fields (``article.<column>`` joins the ``articles`` config), its target, where the target's gold
comes from, its splits, its metrics and its baselines. Adding a task is adding a YAML file: the
fields of ``TaskSpec`` are the legal keys. An unknown key, a duplicate task name, a field the schema
does not have, an unknown metric or baseline, or a file that does not parse stops the loader with an
error naming the file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import metrics, schema
from .errors import ConfigError

UNITS = ("row", "article")
# Where a target's gold comes from: a column holding `human` or `rules` (label_source), or the
# release's annotation records (`human` where a record gives the target field, else the extractor's).
GOLD_SOURCES = ("label_source", "annotations")
NORMALIZERS = ("speaker",)
SPLIT_ROLES = ("fit", "select", "score")
_KEYS = {
    "name",
    "version",
    "description",
    "config",
    "unit",
    "inputs",
    "target",
    "normalize",
    "gold_source",
    "splits",
    "metrics",
    "baselines",
    "lm_eval",
}
_REQUIRED = ("name", "version", "config", "unit", "inputs", "target", "gold_source", "splits", "metrics")
_LM_EVAL_KEYS = {"task", "prompt"}
_NAME = re.compile(r"^[a-z][a-z0-9\-]*$")


@dataclass(frozen=True)
class Splits:
    """Which split trained baselines fit on, which one chooses their settings, which one is scored."""

    fit: str
    select: str
    score: str


@dataclass(frozen=True)
class LmEvalSpec:
    """How ``export lm-eval`` names the task and prompts a model (``{field}`` placeholders)."""

    task: str
    prompt: str


@dataclass(frozen=True)
class TaskSpec:
    name: str
    version: str
    description: str
    config: str
    unit: str  # "row" | "article"
    inputs: tuple[str, ...]  # column names; "article.<column>" for the joined articles config
    target: tuple[str, ...]  # one field for a row task; the row fields for an article task
    gold_source: str
    splits: Splits
    metrics: tuple[str, ...]
    baselines: tuple[str, ...] = ()
    normalize: str | None = None
    lm_eval: LmEvalSpec | None = None
    path: Path | None = None

    @property
    def input_names(self) -> tuple[str, ...]:
        """The keys of an input record: ``article.text`` is given as ``text``."""
        return tuple(f.split(".", 1)[-1] for f in self.inputs)

    @property
    def target_field(self) -> str:
        """The target of a row task."""
        return self.target[0]

    @property
    def classes(self) -> tuple[str, ...]:
        """The target's class names when it is a class label (else empty)."""
        if self.unit != "row":
            return ()
        f = schema.load(self.config).field(self.target_field)
        return f.classes if f.type == "class_label" else ()


def tasks_dir() -> Path:
    """``schema/tasks`` of a checkout, or the copy installed inside the package."""
    return schema.schema_dir() / "tasks"


def _fail(path: Path, message: str, line: int | None = None) -> ConfigError:
    where = f"{path}:{line}" if line else str(path)
    return ConfigError(f"{where}: {message}")


def _as_tuple(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
        raise _fail(path, f"'{key}' must be a name or a non-empty list of names")
    return tuple(value)


def _check_field(name: str, config: str, path: Path, key: str) -> None:
    cfg, _, col = name.rpartition(".")
    target_config = {"": config, "article": "articles"}.get(cfg)
    if target_config is None:
        raise _fail(path, f"'{key}': {name!r} must be a column, or article.<column>")
    known = schema.load(target_config).names
    if col not in known:
        raise _fail(path, f"'{key}': {target_config} has no column {col!r}{_did_you_mean(col, known)}")


def _did_you_mean(name: str, known: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(sorted(known))})"


def parse(raw: Any, path: Path) -> TaskSpec:
    """One task from its parsed YAML; every mistake raises a ``ConfigError`` naming ``path``."""
    from . import baselines  # the registry of baseline names (imports nothing heavy)

    if not isinstance(raw, dict):
        raise _fail(path, "a task file must be a mapping of keys")
    unknown = sorted(set(raw) - _KEYS)
    if unknown:
        hints = "".join(_did_you_mean(k, sorted(_KEYS)) for k in unknown[:1])
        raise _fail(path, f"unknown key(s) {unknown}{hints}")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise _fail(path, f"missing key(s) {missing}")
    name = raw["name"]
    if not isinstance(name, str) or not _NAME.match(name):
        raise _fail(path, f"'name' must be lower-case words joined by '-', not {name!r}")
    config = raw["config"]
    if config not in schema.CONFIGS:
        raise _fail(path, f"'config' must be one of {list(schema.CONFIGS)}, not {config!r}")
    unit = raw["unit"]
    if unit not in UNITS:
        raise _fail(path, f"'unit' must be one of {list(UNITS)}, not {unit!r}")
    inputs = _as_tuple(raw["inputs"], path, "inputs")
    target = _as_tuple(raw["target"], path, "target")
    for f in inputs:
        _check_field(f, config, path, "inputs")
    for f in target:
        _check_field(f, config, path, "target")
    short = [f.split(".", 1)[-1] for f in inputs]
    if len(set(short)) != len(short):
        raise _fail(path, f"'inputs' {list(inputs)} give two inputs the same name")
    if unit == "row" and len(target) != 1:
        raise _fail(path, "a row task has one target field")
    if unit == "row" and target[0] in short:
        raise _fail(path, f"the target {target[0]!r} cannot also be an input")
    if raw["gold_source"] not in GOLD_SOURCES:
        raise _fail(path, f"'gold_source' must be one of {list(GOLD_SOURCES)}, not {raw['gold_source']!r}")
    normalize = raw.get("normalize")
    if normalize is not None and normalize not in NORMALIZERS:
        raise _fail(path, f"'normalize' must be one of {list(NORMALIZERS)}, not {normalize!r}")
    splits_raw = raw["splits"]
    if not isinstance(splits_raw, dict) or set(splits_raw) != set(SPLIT_ROLES):
        raise _fail(path, f"'splits' must map exactly {list(SPLIT_ROLES)} to split names")
    known_splits = schema.load(config).splits
    for role, split in splits_raw.items():
        if split not in known_splits:
            raise _fail(path, f"'splits.{role}': {config} has no split {split!r} (known: {', '.join(known_splits)})")
    if splits_raw["score"] in (splits_raw["fit"], splits_raw["select"]):
        raise _fail(path, "the scored split must differ from the fit and select splits")
    task_metrics = _as_tuple(raw["metrics"], path, "metrics")
    allowed = metrics.METRICS[unit]
    for m in task_metrics:
        if m not in allowed:
            raise _fail(path, f"metric {m!r} does not apply to a {unit} task{_did_you_mean(m, allowed)}")
    task_baselines = _as_tuple(raw["baselines"], path, "baselines") if raw.get("baselines") else ()
    for b in task_baselines:
        if b not in baselines.REGISTRY:
            raise _fail(path, f"unknown baseline {b!r}{_did_you_mean(b, list(baselines.REGISTRY))}")
    lm = raw.get("lm_eval")
    lm_spec = None
    if lm is not None:
        if not isinstance(lm, dict) or set(lm) != _LM_EVAL_KEYS:
            raise _fail(path, f"'lm_eval' must have exactly the keys {sorted(_LM_EVAL_KEYS)}")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", str(lm["task"])):
            raise _fail(path, f"'lm_eval.task' must be a lower-case identifier, not {lm['task']!r}")
        fields = set(short) | set(schema.load(config).names)
        for placeholder in re.findall(r"\{(\w+)\}", str(lm["prompt"])):
            if placeholder not in fields:
                raise _fail(path, f"'lm_eval.prompt' uses {{{placeholder}}}, which is not an input")
        lm_spec = LmEvalSpec(task=str(lm["task"]), prompt=str(lm["prompt"]))
    spec = TaskSpec(
        name=name,
        version=str(raw["version"]),
        description=" ".join(str(raw.get("description", "")).split()),
        config=config,
        unit=unit,
        inputs=inputs,
        target=target,
        gold_source=raw["gold_source"],
        splits=Splits(**splits_raw),
        metrics=task_metrics,
        baselines=task_baselines,
        normalize=normalize,
        lm_eval=lm_spec,
        path=path,
    )
    for b in task_baselines:
        if not baselines.REGISTRY[b].applies(spec):
            raise _fail(path, f"baseline {b!r} does not apply to this task: {baselines.REGISTRY[b].applies_to}")
    return spec


def load_file(path: Path) -> TaskSpec:
    """One task file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _fail(path, f"not valid YAML: {problem}", mark.line + 1 if mark else None) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail(path, f"cannot be read ({exc})") from exc
    return parse(raw, path)


def load_all(folder: Path | None = None) -> dict[str, TaskSpec]:
    """Every task of ``folder`` (default: ``schema/tasks``), by name, in file-name order."""
    folder = folder or tasks_dir()
    if not folder.is_dir():
        raise ConfigError(f"{folder}: no such task folder")
    found: dict[str, TaskSpec] = {}
    lm_names: dict[str, Path] = {}
    for path in sorted(folder.glob("*.yaml")):
        spec = load_file(path)
        if spec.name in found:
            raise _fail(path, f"task {spec.name!r} is already defined in {found[spec.name].path}")
        if spec.lm_eval and spec.lm_eval.task in lm_names:
            raise _fail(path, f"lm_eval task {spec.lm_eval.task!r} is already used by {lm_names[spec.lm_eval.task]}")
        if spec.lm_eval:
            lm_names[spec.lm_eval.task] = path
        found[spec.name] = spec
    if not found:
        raise ConfigError(f"{folder}: no task files (*.yaml)")
    return found


def get(name: str, folder: Path | None = None) -> TaskSpec:
    """A task by name; an unknown name gets "did you mean" and the list of tasks."""
    known = load_all(folder)
    if name not in known:
        close = difflib.get_close_matches(name, list(known), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise ConfigError(f"unknown task {name!r}; {hint}known tasks: {', '.join(known)}")
    return known[name]
