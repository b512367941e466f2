"""Dataset versions: semantic version rules, the same-version guard, and CHANGELOG.md entries.

A release's ``dataset_version`` (MANIFEST.json, the card, croissant.json, the Hub tag ``v<version>``)
follows semantic versioning:

- **major** when the schema or the label set changes incompatibly (a column removed, renamed or
  retyped, class names removed or reordered, a config or split gone);
- **minor** when rows are added or removed, columns or classes are added, or the annotation guide changes;
- **patch** for corrections: labels (and other values) of existing rows fixed, nothing added or removed.

A version number, once built, names one content: ``guard`` refuses to build different content under a
version a release folder already recorded.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import UserError

if TYPE_CHECKING:  # pragma: no cover
    from .diff import DiffReport

LEVELS = ("patch", "minor", "major")
_SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
CHANGELOG = "CHANGELOG.md"
CHANGELOG_HEADER = (
    "# Changelog\n\n"
    "Every release of the dataset, newest first. Versions follow semantic versioning: major when the schema "
    "or the label set changes incompatibly, minor when rows are added (or removed) or the annotation guide "
    "changes, patch for label corrections. Load a version with "
    '`load_dataset("OWNER/NAME", revision="vX.Y.Z")`.\n'
)


class Version(NamedTuple):
    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    @property
    def tag(self) -> str:
        """The Hub tag of this version: ``v1.2.0``."""
        return f"v{self}"


def parse(version: str) -> Version:
    """``"1.2.0"`` (or ``"v1.2.0"``) as a ``Version``; anything else is a ``UserError``."""
    m = _SEMVER.match(str(version).strip().removeprefix("v"))
    if not m:
        raise UserError(f"version {version!r} is not MAJOR.MINOR.PATCH (for example 1.0.0)")
    return Version(*(int(g) for g in m.groups()))


def bump(version: str | Version, level: str) -> Version:
    """The next version at ``level`` (``patch``, ``minor`` or ``major``)."""
    v = parse(str(version)) if isinstance(version, str) else version
    if level == "major":
        return Version(v.major + 1, 0, 0)
    if level == "minor":
        return Version(v.major, v.minor + 1, 0)
    if level == "patch":
        return Version(v.major, v.minor, v.patch + 1)
    raise ValueError(f"unknown level {level!r}")


def level_of(old: str | Version, new: str | Version) -> str | None:
    """Which part ``new`` bumps relative to ``old``: ``major``/``minor``/``patch``; None when not greater."""
    o = parse(str(old)) if isinstance(old, str) else old
    n = parse(str(new)) if isinstance(new, str) else new
    if n <= o:
        return None
    if n.major != o.major:
        return "major"
    if n.minor != o.minor:
        return "minor"
    return "patch"


def at_least(level: str | None, required: str | None) -> bool:
    """Whether a bump of ``level`` is enough for changes that need ``required`` (None: no change)."""
    if required is None:
        return True
    return level is not None and LEVELS.index(level) >= LEVELS.index(required)


@dataclass(frozen=True)
class Changes:
    """What changed between two releases, as the version rules see it (``diff.compare`` fills it)."""

    schema_breaking: tuple[str, ...] = ()  # reasons for a major bump
    additions: tuple[str, ...] = ()  # reasons for a minor bump
    corrections: tuple[str, ...] = ()  # reasons for a patch bump


def required_level(changes: Changes) -> str | None:
    """The smallest bump the changes need: major > minor > patch; None when nothing changed."""
    if changes.schema_breaking:
        return "major"
    if changes.additions:
        return "minor"
    if changes.corrections:
        return "patch"
    return None


def schema_level(old: str | None, new: str | None) -> str | None:
    """The bump a change of ``schema_version`` (``statements-1.0.0+articles-1.0.0``) needs: major when a
    config appears, disappears or changes its major version, else minor; None when it is the same."""
    if old == new:
        return None

    def majors(value: str | None) -> dict[str, int | None]:
        out: dict[str, int | None] = {}
        for part in (value or "").split("+"):
            name, _, ver = part.rpartition("-")
            m = _SEMVER.match(ver)
            out[name or part] = int(m.group(1)) if m else None
        return out

    o, n = majors(old), majors(new)
    if o.keys() != n.keys() or any(o[k] is None or o[k] != n[k] for k in o):
        return "major"
    return "minor"


# --- the same-version guard ----------------------------------------------------------------------


def content_differences(old_manifest: dict, new_manifest: dict) -> list[str]:
    """What differs in content between two manifests: files added, removed or changed (by row count and by
    ``content_sha256``, the hash of a table's rows, where both record it, else by the file's sha256, which
    for Parquet also changes with the pyarrow version that wrote it), and the schema version. Package
    version, input fingerprint and stats are not content."""
    old, new = old_manifest.get("files") or {}, new_manifest.get("files") or {}
    out = [f"{name} added" for name in sorted(set(new) - set(old))]
    out += [f"{name} removed" for name in sorted(set(old) - set(new))]
    for name in sorted(set(old) & set(new)):
        key = "content_sha256" if old[name].get("content_sha256") and new[name].get("content_sha256") else "sha256"
        if old[name].get(key) != new[name].get(key) or old[name].get("rows") != new[name].get("rows"):
            out.append(f"{name} changed")
    if old_manifest.get("schema_version") != new_manifest.get("schema_version"):
        out.append(f"schema {old_manifest.get('schema_version')} -> {new_manifest.get('schema_version')}")
    return out


def manifest_level(old_manifest: dict, new_manifest: dict) -> str | None:
    """A bump suggested from manifests alone: major for a new major schema version, minor for another schema
    version or when row counts or the file set change, patch when only file contents do; None when the
    content is the same. ``diff.compare`` is exact."""
    diffs = content_differences(old_manifest, new_manifest)
    if not diffs:
        return None
    level = schema_level(old_manifest.get("schema_version"), new_manifest.get("schema_version"))
    if level == "major":
        return level
    old_files, new_files = old_manifest.get("files") or {}, new_manifest.get("files") or {}
    if level or set(old_files) != set(new_files):
        return "minor"
    if any(old_files[n].get("rows") != new_files[n].get("rows") for n in old_files):
        return "minor"
    return "patch"


def guard(old_manifest: dict | None, new_manifest: dict) -> None:
    """Refuse to reuse a version number for different content.

    ``old_manifest`` is the MANIFEST.json of the release being replaced (None when there is none). When it
    records the same ``dataset_version`` as ``new_manifest`` but other content (files, rows, schema version),
    raise ``UserError`` naming what changed and the version to use instead.
    """
    new_version = new_manifest.get("dataset_version")
    parse(str(new_version))
    if not old_manifest or old_manifest.get("dataset_version") != new_version:
        return
    diffs = content_differences(old_manifest, new_manifest)
    if not diffs:
        return
    level = manifest_level(old_manifest, new_manifest) or "patch"
    shown = ", ".join(diffs[:4]) + (f" and {len(diffs) - 4} more" if len(diffs) > 4 else "")
    raise UserError(
        f"version {new_version} is already built with different content ({shown}); a version never changes "
        f"its content: build with --version {bump(str(new_version), level)} (a {level} release) or later"
    )


# --- CHANGELOG.md ------------------------------------------------------------------------------


def changelog_entry(version: str, date: dt.date | str, report: DiffReport | None = None, notes: str = "") -> str:
    """One release's CHANGELOG section: ``## [X.Y.Z] - YYYY-MM-DD``, what changed, and ``notes``."""
    lines = [f"## [{parse(version)}] - {date}", ""]
    if report is not None:
        lines += report.changelog_lines()
    elif not notes.strip():
        lines.append("First release.")
    if notes.strip():
        lines += ["", notes.strip()]
    return "\n".join(lines).rstrip() + "\n"


_ENTRY = re.compile(r"^## \[(?P<version>[^\]]+)\]", re.MULTILINE)


def changelog_versions(text: str) -> list[str]:
    """The versions a CHANGELOG.md has entries for, in file order."""
    return [m.group("version") for m in _ENTRY.finditer(text)]


def add_changelog_entry(path: Path, version: str, entry: str) -> bool:
    """Put ``entry`` into the CHANGELOG.md at ``path`` (created with a header when missing), newest first.

    A version that already has an entry keeps it unchanged (rebuilding a version does not rewrite its
    history); returns whether the file changed.
    """
    text = path.read_text(encoding="utf-8") if path.is_file() else CHANGELOG_HEADER
    if str(parse(version)) in changelog_versions(text):
        return False
    first = _ENTRY.search(text)
    if first is None:
        text = text.rstrip() + "\n\n" + entry
    else:
        text = text[: first.start()] + entry + "\n" + text[first.start() :]
    path.write_text(text, encoding="utf-8")
    return True


def release_date() -> str:
    """Today (UTC) as YYYY-MM-DD, or the day of ``SOURCE_DATE_EPOCH`` when set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.datetime.now(dt.UTC).date().isoformat()


def update_changelog(old_release: Path | None, new_release: Path, date: dt.date | str | None = None) -> bool:
    """Add the CHANGELOG.md entry of ``new_release`` (a complete release folder, e.g. build's temp folder).

    The history starts from ``old_release/CHANGELOG.md`` when the new folder has none; the entry describes
    the changes from ``old_release`` (exactly, with ``diff.compare``) or says "First release". ``date``
    defaults to ``release_date()``. Does nothing when the version already has an entry (so rebuilding a
    version keeps its entry and date). Returns whether CHANGELOG.md changed.
    """
    from . import diff

    manifest = _read_manifest(new_release)
    if manifest is None:
        raise UserError(f"{new_release}: no MANIFEST.json")
    version = str(manifest["dataset_version"])
    old_manifest = _read_manifest(old_release) if old_release is not None else None
    target = new_release / CHANGELOG
    if not target.exists() and old_release is not None and (old_release / CHANGELOG).is_file():
        target.write_text((old_release / CHANGELOG).read_text(encoding="utf-8"), encoding="utf-8")
    if target.is_file() and str(parse(version)) in changelog_versions(target.read_text(encoding="utf-8")):
        return False
    report, notes = None, ""
    if old_release is not None and old_manifest and old_manifest.get("dataset_version") != version:
        try:
            report = diff.compare(old_release, new_release)
        except UserError as exc:  # a broken previous release must not block the build that replaces it
            notes = f"Changes from {old_manifest.get('dataset_version')} unknown: {exc}"
    entry = changelog_entry(version, date or release_date(), report, notes)
    return add_changelog_entry(target, version, entry)


def _read_manifest(release: Path) -> dict | None:
    path = release / "MANIFEST.json"
    if not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise UserError(f"{path}: not valid JSON ({exc})") from exc
