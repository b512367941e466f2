"""croissant.json: the ML Commons Croissant (1.0) metadata of a release.

Derived, like the card, from ``schema/`` (record sets and fields) and from MANIFEST.json (the version and
every data file's sha256). Each data file is a ``cr:FileObject`` with a relative ``contentUrl``, so the
metadata reads the files next to it: in a release folder, a ``fetch``ed copy, or a Hub snapshot. Each
(config, split) file is one record set (``statements_train``, ..., ``articles``) whose fields extract the
Parquet columns; class labels are integers that reference an enumeration record set of their class names
(``label_classes``, ``speaker_role_classes``). Readers such as ``mlcroissant`` check each file's sha256
before reading it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from . import card, schema
from .errors import UserError

FILENAME = "croissant.json"
CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
# The standard Croissant 1.0 JSON-LD context.
CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {
    "string": "sc:Text",
    "int8": "cr:Int8",
    "int16": "cr:Int16",
    "int32": "cr:Int32",
    "int64": "cr:Int64",
    "date32": "sc:Date",
    "bool": "sc:Boolean",
    "class_label": "cr:Int64",  # ClassLabel ints; the field references its classes' record set
}
LICENSES = {
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "mit": "https://opensource.org/licenses/MIT",
}
PARQUET = "application/x-parquet"


def record_set_id(config: str, split: str) -> str:
    """``statements_train`` for a config with several splits; ``articles`` for a one-split config."""
    return config if len(schema.load(config).splits) == 1 else f"{config}_{split}"


def _data_files(release_dir: Path) -> dict[str, dict[str, str]]:
    """config -> split -> relative path, from the card when it has configs, else the schema's defaults."""
    files: dict[str, dict[str, str]] = {}
    readme = release_dir / "README.md"
    header = card.read_header(readme) if readme.is_file() else {}
    for cfg in header.get("configs", []) or []:
        files[cfg.get("config_name")] = {d["split"]: d["path"] for d in cfg.get("data_files", [])}
    for config in schema.CONFIGS:
        files.setdefault(config, {s: f"{config}/{s}.parquet" for s in schema.load(config).splits})
    return {c: files[c] for c in schema.CONFIGS}


def _classes_record_set(config: str, f: schema.FieldSpec) -> dict[str, Any]:
    rid = f"{f.name}_classes" if config == "statements" else f"{config}_{f.name}_classes"
    return {
        "@type": "cr:RecordSet",
        "@id": rid,
        "name": rid,
        "description": f"The classes of `{f.name}`: the integer stored in the data and its name.",
        "dataType": "sc:Enumeration",
        "key": {"@id": f"{rid}/index"},
        "field": [
            {"@type": "cr:Field", "@id": f"{rid}/index", "name": "index", "dataType": "cr:Int64"},
            {"@type": "cr:Field", "@id": f"{rid}/name", "name": "name", "dataType": "sc:Text"},
            {"@type": "cr:Field", "@id": f"{rid}/description", "name": "description", "dataType": "sc:Text"},
        ],
        "data": [
            {f"{rid}/index": i, f"{rid}/name": name, f"{rid}/description": desc}
            for i, (name, desc) in enumerate(zip(f.classes, f.class_descriptions, strict=True))
        ],
    }


def _release_date(release_dir: Path, version: str) -> str | None:
    """The date of this version's CHANGELOG.md entry, if there is one (keeps the file deterministic)."""
    path = release_dir / "CHANGELOG.md"
    if not path.is_file():
        return None
    m = re.search(rf"^## \[{re.escape(version)}\] - (\d{{4}}-\d{{2}}-\d{{2}})", path.read_text(encoding="utf-8"), re.M)
    return m.group(1) if m else None


def _summary() -> str:
    """The first paragraph of DATASET_CARD.md, on one line."""
    text = card.card_text_path().read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip() and not p.lstrip().startswith("#")]
    return " ".join(paragraphs[0].split()) if paragraphs else ""


def croissant_metadata(release_dir: Path, manifest: dict) -> dict[str, Any]:
    """The Croissant JSON-LD of the release at ``release_dir`` whose MANIFEST.json is ``manifest``."""
    meta = card.dataset_meta()
    version = str(manifest.get("dataset_version", ""))
    listed = manifest.get("files") or {}
    distribution: list[dict[str, Any]] = []
    record_sets: list[dict[str, Any]] = []
    class_sets: dict[str, dict[str, Any]] = {}
    for config, splits in _data_files(release_dir).items():
        spec = schema.load(config)
        for f in spec.fields:
            if f.type == "class_label":
                rs = _classes_record_set(config, f)
                class_sets.setdefault(rs["@id"], rs)
        for split in spec.splits:
            rel = splits.get(split)
            if rel is None or rel not in listed:
                raise UserError(f"{release_dir}: MANIFEST.json lists no file for {config}/{split}")
            distribution.append(
                {
                    "@type": "cr:FileObject",
                    "@id": rel,
                    "name": rel,
                    "description": f"The {split} split of the {config} config ({listed[rel].get('rows')} rows).",
                    "contentUrl": rel,
                    "encodingFormat": PARQUET,
                    "sha256": listed[rel]["sha256"],
                }
            )
            rid = record_set_id(config, split)
            fields = []
            for f in spec.fields:
                field: dict[str, Any] = {
                    "@type": "cr:Field",
                    "@id": f"{rid}/{f.name}",
                    "name": f.name,
                    "description": f.description,
                    "dataType": DATA_TYPES[f.type],
                    "source": {"fileObject": {"@id": rel}, "extract": {"column": f.name}},
                }
                if f.type == "class_label":
                    target = f"{f.name}_classes" if config == "statements" else f"{config}_{f.name}_classes"
                    field["references"] = {"field": {"@id": f"{target}/index"}}
                    field["description"] += " Classes: " + ", ".join(f"{i} = {n}" for i, n in enumerate(f.classes))
                fields.append(field)
            record_sets.append(
                {
                    "@type": "cr:RecordSet",
                    "@id": rid,
                    "name": rid,
                    "description": f"{spec.description.strip()} Split: {split}.",
                    "key": {"@id": f"{rid}/{spec.primary_key}"},
                    "field": fields,
                }
            )
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CONFORMS_TO,
        "name": meta["pretty_name"],
        "description": _summary(),
        "license": LICENSES.get(str(meta["license"]).lower(), meta["license"]),
        "version": version,
        "keywords": list(meta.get("tags", [])),
        "inLanguage": list(meta.get("language", [])),
        "citeAs": (
            f"@misc{{earnings_events_{version.replace('.', '_')},\n"
            f"  title = {{{meta['pretty_name']}: executive statements from earnings news}},\n"
            f"  note = {{Dataset version {version}, schema {manifest.get('schema_version')}}},\n"
            "  howpublished = {Built and validated with the open-source earnings-events package}\n}"
        ),
        "distribution": distribution,
        "recordSet": [*class_sets.values(), *record_sets],
    }
    date = _release_date(release_dir, version)
    if date:
        out["datePublished"] = date
    return out


def render(metadata: dict[str, Any]) -> str:
    return json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"


def write(release_dir: Path) -> Path:
    """Write ``release_dir/croissant.json`` from its MANIFEST.json (call after MANIFEST.json is written)."""
    mpath = release_dir / "MANIFEST.json"
    try:
        manifest = json.loads(mpath.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"{mpath}: cannot read the manifest ({exc})") from exc
    path = release_dir / FILENAME
    path.write_text(render(croissant_metadata(release_dir, manifest)), encoding="utf-8")
    return path


def check(release_dir: Path) -> list[str]:
    """Why ``croissant.json`` of a release is missing or disagrees with MANIFEST.json: another version, or a data
    file whose sha256 differs or is not listed (empty: it describes these files)."""
    path = release_dir / FILENAME
    if not path.is_file():
        return [f"{FILENAME} is missing"]
    try:
        got = json.loads(path.read_text(encoding="utf-8"))
        manifest = json.loads((release_dir / "MANIFEST.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"{FILENAME} or MANIFEST.json cannot be read ({exc})"]
    try:
        want = croissant_metadata(release_dir, manifest)
    except UserError as exc:
        return [str(exc)]
    problems = []
    if got.get("version") != want["version"]:
        problems.append(f"{FILENAME} says version {got.get('version')}, MANIFEST.json {want['version']}")
    hashes = {d.get("contentUrl"): d.get("sha256") for d in got.get("distribution", []) if isinstance(d, dict)}
    for d in want["distribution"]:
        if hashes.get(d["contentUrl"]) != d["sha256"]:
            problems.append(f"{FILENAME}: sha256 of {d['contentUrl']} differs from MANIFEST.json")
    return problems
