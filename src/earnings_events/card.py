"""The dataset card (README.md of a release): YAML derived from ``schema/``, text from DATASET_CARD.md."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import schema

_CARD_TEXT_NAMES = ("DATASET_CARD.md",)


def card_text_path() -> Path:
    """DATASET_CARD.md of a source checkout, else the copy installed inside the package."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[1] / "DATASET_CARD.md", here / "DATASET_CARD.md"):
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("DATASET_CARD.md not found")


def dataset_meta() -> dict[str, Any]:
    return yaml.safe_load((schema.schema_dir() / "dataset.yaml").read_text(encoding="utf-8"))


def card_yaml(files: dict[str, dict[str, str]], split_info: dict[str, dict[str, dict[str, int]]]) -> dict[str, Any]:
    """The card's YAML header.

    ``files``: config -> split -> relative path; ``split_info``: config -> split -> {num_examples, num_bytes}.
    """
    meta = dataset_meta()
    configs, infos = [], []
    for config in meta["configs"]:
        spec = schema.load(config)
        entry: dict[str, Any] = {"config_name": config}
        if spec.default:
            entry["default"] = True
        entry["data_files"] = [{"split": s, "path": files[config][s]} for s in spec.splits]
        configs.append(entry)
        splits = [{"name": s, **split_info[config][s]} for s in spec.splits]
        infos.append(
            {
                "config_name": config,
                "features": schema.card_features(config),
                "splits": splits,
                "dataset_size": sum(s["num_bytes"] for s in splits),
            }
        )
    header = {k: meta[k] for k in ("pretty_name", "license", "language", "task_categories", "task_ids", "tags")}
    header["configs"] = configs
    header["dataset_info"] = infos
    return header


def render(header: dict[str, Any], release_notes: str) -> str:
    """README.md text: the YAML header, DATASET_CARD.md, and the generated release section."""
    front = yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{card_text_path().read_text(encoding='utf-8').rstrip()}\n\n{release_notes.rstrip()}\n"


def read_header(readme: Path) -> dict[str, Any]:
    """The YAML header of a README.md (empty when it has none)."""
    text = readme.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    end = text.find("\n---\n", 4)
    return yaml.safe_load(text[4:end]) if end > 0 else {}
