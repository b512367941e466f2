"""The one reader of ``schema/``: everything else derives its types from here.

From a config's YAML file this module derives the pyarrow schema (with the
Hugging Face features metadata), the ``datasets.Features``, a JSON Schema and
the ``dataset_info`` entry of the card's YAML.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import yaml

from .errors import ConfigError

CONFIGS = ("statements", "articles")
_TYPES = {
    "string": pa.string(),
    "int8": pa.int8(),
    "int16": pa.int16(),
    "int32": pa.int32(),
    "int64": pa.int64(),
    "date32": pa.date32(),
    "bool": pa.bool_(),
    "class_label": pa.int64(),  # datasets.ClassLabel stores int64
}
_FIELD_KEYS = {
    "name",
    "type",
    "nullable",
    "description",
    "pattern",
    "allowed",
    "min",
    "max",
    "min_length",
    "classes",
    "precedence",
}


def schema_dir() -> Path:
    """``schema/`` of a source checkout, else the copy installed inside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[1] / "schema", here / "schema"):
        if (candidate / "statements.yaml").is_file():
            return candidate
    raise ConfigError(f"schema files not found next to {here}")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    description: str
    nullable: bool = False
    pattern: str | None = None
    allowed: tuple[str, ...] | None = None
    min: int | None = None
    max: int | None = None
    min_length: int | None = None
    classes: tuple[str, ...] = ()
    class_descriptions: tuple[str, ...] = ()
    precedence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ConfigSchema:
    name: str
    version: str
    default: bool
    description: str
    primary_key: str
    splits: tuple[str, ...]
    fields: tuple[FieldSpec, ...] = field(default_factory=tuple)

    def field(self, name: str) -> FieldSpec:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.fields]


def _parse_field(raw: dict[str, Any], path: Path) -> FieldSpec:
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise ConfigError(f"{path}: field {raw.get('name')!r} has unknown keys {sorted(unknown)}")
    if raw.get("type") not in _TYPES:
        raise ConfigError(f"{path}: field {raw.get('name')!r} has unknown type {raw.get('type')!r}")
    classes = raw.get("classes") or []
    return FieldSpec(
        name=raw["name"],
        type=raw["type"],
        description=raw.get("description", ""),
        nullable=bool(raw.get("nullable", False)),
        pattern=raw.get("pattern"),
        allowed=tuple(raw["allowed"]) if "allowed" in raw else None,
        min=raw.get("min"),
        max=raw.get("max"),
        min_length=raw.get("min_length"),
        classes=tuple(c["name"] for c in classes),
        class_descriptions=tuple(c.get("description", "") for c in classes),
        precedence=tuple(raw.get("precedence", ())),
    )


@cache
def load(config: str) -> ConfigSchema:
    """The parsed schema of one config (``statements`` or ``articles``)."""
    path = schema_dir() / f"{config}.yaml"
    if not path.is_file():
        raise ConfigError(f"no schema for config {config!r} (known: {', '.join(CONFIGS)})")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ConfigSchema(
        name=raw["config_name"],
        version=str(raw["version"]),
        default=bool(raw.get("default", False)),
        description=raw.get("description", ""),
        primary_key=raw["primary_key"],
        splits=tuple(raw["splits"]),
        fields=tuple(_parse_field(f, path) for f in raw["fields"]),
    )


def schema_version() -> str:
    """One version string for the whole schema: the configs' versions joined."""
    return "+".join(f"{c}-{load(c).version}" for c in CONFIGS)


def features(config: str):  # -> datasets.Features (imported lazily: datasets is slow to import)
    """The ``datasets.Features`` of a config: ClassLabel for class_label fields."""
    import datasets

    out = {}
    for f in load(config).fields:
        if f.type == "class_label":
            out[f.name] = datasets.ClassLabel(names=list(f.classes))
        else:
            out[f.name] = datasets.Value(f.type)
    return datasets.Features(out)


def features_dict(config: str) -> dict[str, Any]:
    """``Features.to_dict()`` without importing ``datasets``: the form stored in Parquet metadata."""
    out: dict[str, Any] = {}
    for f in load(config).fields:
        if f.type == "class_label":
            out[f.name] = {"names": list(f.classes), "_type": "ClassLabel"}
        else:
            out[f.name] = {"dtype": f.type, "_type": "Value"}
    return out


def arrow_schema(config: str) -> pa.Schema:
    """The exact Arrow schema build writes, with nullability and the HF features metadata."""
    spec = load(config)
    meta = json.dumps({"info": {"features": features_dict(config)}}, separators=(",", ":"))
    return pa.schema(
        [pa.field(f.name, _TYPES[f.type], nullable=f.nullable) for f in spec.fields],
        metadata={b"huggingface": meta.encode()},
    )


def json_schema(config: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for one row of a config, as JSON-lines exports use it."""
    props: dict[str, Any] = {}
    for f in load(config).fields:
        if f.type == "class_label":
            prop: dict[str, Any] = {"enum": list(f.classes)}
        elif f.type == "string":
            prop = {"type": "string"}
        elif f.type == "date32":
            prop = {"type": "string", "format": "date"}
        elif f.type == "bool":
            prop = {"type": "boolean"}
        else:
            prop = {"type": "integer"}
        for key, jkey in (("pattern", "pattern"), ("min", "minimum"), ("max", "maximum"), ("min_length", "minLength")):
            if getattr(f, key) is not None:
                prop[jkey] = getattr(f, key)
        if f.allowed is not None:
            prop["enum"] = list(f.allowed)
        if f.nullable:
            prop = {"anyOf": [prop, {"type": "null"}]}
        prop["description"] = f.description
        props[f.name] = prop
    spec = load(config)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"earnings-events {spec.name} row",
        "description": spec.description,
        "type": "object",
        "properties": props,
        "required": spec.names,
        "additionalProperties": False,
    }


def card_features(config: str) -> list[dict[str, Any]]:
    """The ``features`` list of a config's ``dataset_info`` entry in the card YAML."""
    out: list[dict[str, Any]] = []
    for f in load(config).fields:
        if f.type == "class_label":
            names = {str(i): n for i, n in enumerate(f.classes)}
            out.append({"name": f.name, "dtype": {"class_label": {"names": names}}})
        else:
            out.append({"name": f.name, "dtype": f.type})
    return out
