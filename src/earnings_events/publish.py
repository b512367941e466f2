"""Publish a release folder to the Hugging Face Hub as a tagged version, and fetch a version back.

``publish(release, repo_id)``:

1. checks the release locally (``validate.run`` finds nothing, croissant.json matches the manifest,
   CHANGELOG.md has an entry for the version) and refuses an invalid one before any request;
2. creates the dataset repo when it does not exist;
3. when the tag ``v<version>`` exists: nothing to do if it holds exactly these files, refused otherwise
   (a published version never changes); also refused when a newer version is already published;
4. makes one commit on ``main`` with the files that differ from ``main`` (and deletes files the release
   no longer has), with ``main``'s head as parent so a concurrent change is not overwritten;
5. tags that commit ``v<version>``;
6. reads the file list at the tag back and checks every file against MANIFEST.json and the folder.

A failed run leaves the remote unchanged (the commit is atomic) or resumable: run it again and the files
the Hub already has are not sent twice, an untagged commit of the same files gets its tag. The token comes
from ``HF_TOKEN`` or the huggingface_hub login and is never printed; messages are scrubbed of it anyway.

``fetch(repo_id, version, out)`` downloads the files of tag ``v<version>`` into a plain folder and checks
it, so that ``datasets.load_dataset(out)`` gives that version offline (``load_dataset`` ignores
``revision`` when it falls back to its cache offline: datasets issue 7928).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import croissant, validate, versions
from .errors import UserError

REPO_TYPE = "dataset"
BRANCH = "main"
_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*$")
_VERSION_TAG = re.compile(r"^v(\d+\.\d+\.\d+)$")
IGNORED_REMOTE = {".gitattributes"}  # made by the Hub; never part of a release


class PublishError(UserError):
    """The Hub refused a request or could not be reached; the message says what state the remote is in."""


@dataclass(frozen=True)
class LocalFile:
    """A file of the release folder as the Hub will store it."""

    path: str  # relative, posix
    size: int
    sha256: str
    git_oid: str  # git blob sha1 of the content (the Hub's oid of a regular file)


@dataclass
class Plan:
    """What publishing a release means, worked out locally without any request."""

    release: Path
    repo_id: str
    version: str
    private: bool
    manifest: dict
    files: list[LocalFile]
    changelog: str = ""

    @property
    def tag(self) -> str:
        return versions.parse(self.version).tag

    def operations(self) -> list[str]:
        """The exact steps ``publish`` takes, as ``--dry-run`` prints them."""
        total = sum(f.size for f in self.files)
        lines = [
            f"publish {self.release} (v{self.version}, {len(self.files)} files, {_size(total)}) "
            f"to dataset repo {self.repo_id}:",
            f"  1. validated {self.release}: {len(validate.CHECKS)} checks passed, croissant.json matches "
            f"MANIFEST.json, CHANGELOG.md has {self.version}",
            f"  2. create dataset repo {self.repo_id} ({'private' if self.private else 'public'}) if it does not exist",
            f"  3. if tag {self.tag} exists: the same files -> nothing to do; other files -> refuse; "
            "a newer version tag -> refuse",
            f'  4. one commit on {BRANCH} "Release {self.tag}" (parent: the head of {BRANCH}), adding the files '
            f"that differ from {BRANCH} and deleting files the release does not have:",
        ]
        width = max(len(f.path) for f in self.files)
        lines += [f"       {f.path:<{width}}  {_size(f.size):>9}  sha256 {f.sha256[:16]}" for f in self.files]
        lines += [
            f"  5. tag that commit {self.tag}",
            f"  6. read the file list at {self.tag} back and check it against MANIFEST.json",
        ]
        return lines


@dataclass
class PublishResult:
    repo_id: str
    version: str
    tag: str
    status: str  # "published", "unchanged" (the tag already had these files) or "dry-run"
    commit: str | None = None
    files: int = 0
    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    created_repo: bool = False
    operations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if k != "operations"}


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


def _local_file(root: Path, path: Path) -> LocalFile:
    data_sha = hashlib.sha256()
    git = hashlib.sha1(b"blob %d\0" % path.stat().st_size)
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            data_sha.update(chunk)
            git.update(chunk)
    return LocalFile(path.relative_to(root).as_posix(), path.stat().st_size, data_sha.hexdigest(), git.hexdigest())


def release_files(root: Path) -> list[LocalFile]:
    """Every file of a release folder, sorted; hidden files and folders (``.cache/``, ...) are not part of it."""
    out = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            out.append(_local_file(root, path))
    return out


def changelog_section(text: str, version: str) -> str:
    """The CHANGELOG.md entry of ``version`` (empty when there is none)."""
    m = re.search(rf"^## \[{re.escape(version)}\].*?(?=^## \[|\Z)", text, re.M | re.S)
    return m.group(0).strip() if m else ""


def plan(release: Path, repo_id: str, private: bool = False) -> Plan:
    """Check a release for publishing and list its files; no request is made. Raises ``UserError``."""
    if not _REPO_ID.match(repo_id) or "--" in repo_id or ".." in repo_id:
        raise UserError(f"repo id {repo_id!r} is not OWNER/NAME")
    if not release.is_dir():
        raise UserError(f"{release}: no such folder")
    failures = validate.run(release)
    if not failures.is_empty():
        checks = ", ".join(f"{r['check']} ({r['failures']})" for r in validate.summary(failures).iter_rows(named=True))
        raise UserError(
            f"{release} is not a valid release ({failures.height} failures: {checks}); nothing was published. "
            f"See `earnings-events validate {release}`"
        )
    manifest = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))
    version = str(versions.parse(str(manifest.get("dataset_version"))))
    problems = croissant.check(release)
    if problems:
        raise UserError(f"{release}: {'; '.join(problems)}; rebuild the release (build writes croissant.json)")
    changelog_path = release / versions.CHANGELOG
    text = changelog_path.read_text(encoding="utf-8") if changelog_path.is_file() else ""
    entry = changelog_section(text, version)
    if not entry:
        raise UserError(f"{release}: CHANGELOG.md has no entry for {version}; rebuild the release (build writes it)")
    return Plan(release, repo_id, version, private, manifest, release_files(release), entry)


# --- talking to the Hub ---------------------------------------------------------------------------


def _token(token: str | None) -> str:
    from huggingface_hub import get_token

    token = token or get_token()
    if not token:
        raise UserError("no Hugging Face token: set HF_TOKEN or log in with `hf auth login`")
    return token


def _scrub(message: str, token: str | None) -> str:
    message = message.replace(token, "***") if token else message
    return re.sub(r"hf_[A-Za-z0-9]{6,}", "hf_***", message)


def _reason(exc: BaseException) -> str:
    """One line about what went wrong with a request."""
    from huggingface_hub.errors import HfHubHTTPError

    if isinstance(exc, HfHubHTTPError) and exc.response is not None:
        status = exc.response.status_code
        server = getattr(exc, "server_message", None) or ""
        server = " ".join(str(server).split())
        hint = {
            401: "the Hub did not accept the token (check HF_TOKEN or `hf auth login`)",
            403: "the token may not write to this repo",
            404: "not found",
            409: "conflict",
            412: "the branch moved while publishing (someone else committed)",
            429: "rate limited",
        }.get(status, "")
        return f"HTTP {status}" + (f" {hint}" if hint else "") + (f": {server}" if server else "")
    cause = exc.__cause__ or exc.__context__
    text = " ".join(str(exc).split()) or type(exc).__name__
    if cause is not None and str(cause) and str(cause) not in text:
        text += f" ({' '.join(str(cause).split())})"
    return f"{type(exc).__name__}: {text}"


@contextlib.contextmanager
def _network(step: str, state: str, token: str | None) -> Iterator[None]:
    """Turn a failed request during ``step`` into a one-line ``PublishError`` that says ``state``."""
    import httpx2
    from huggingface_hub.errors import HfHubHTTPError

    try:
        yield
    except UserError:
        raise
    except (HfHubHTTPError, httpx2.HTTPError, OSError, RuntimeError, ValueError) as exc:
        raise PublishError(_scrub(f"{step} failed: {_reason(exc)}. {state}", token)) from None


def _remote_files(api, repo_id: str, revision: str) -> dict[str, Any]:
    from huggingface_hub.hf_api import RepoFile

    entries = api.list_repo_tree(repo_id, repo_type=REPO_TYPE, revision=revision, recursive=True)
    return {e.path: e for e in entries if isinstance(e, RepoFile) and e.path not in IGNORED_REMOTE}


def _same(local: LocalFile, remote) -> bool:
    if remote.lfs is not None:
        return remote.lfs.sha256 == local.sha256 and remote.lfs.size == local.size
    return remote.blob_id == local.git_oid


def differences(files: list[LocalFile], remote: dict[str, Any]) -> list[str]:
    """How the remote files differ from the release's (data files first): different, missing, extra."""
    local = {f.path: f for f in files}

    def order(path: str) -> tuple[bool, str]:
        return (not path.endswith(".parquet"), path)

    out = [f"{p} differs" for p in sorted(local.keys() & remote.keys(), key=order) if not _same(local[p], remote[p])]
    out += [f"{p} missing" for p in sorted(local.keys() - remote.keys(), key=order)]
    out += [f"{p} not in the release" for p in sorted(remote.keys() - local.keys(), key=order)]
    return out


def verify(files: list[LocalFile], manifest: dict, remote: dict[str, Any]) -> list[str]:
    """Problems with the remote file list against MANIFEST.json (sha256 of every data file) and the folder."""
    problems = differences(files, remote)
    by_path = {f.path: f for f in files}
    for name, meta in (manifest.get("files") or {}).items():
        entry = remote.get(name)
        if entry is None:
            continue  # reported as missing
        if entry.lfs is not None:
            got = entry.lfs.sha256
        else:
            got = by_path[name].sha256 if name in by_path and entry.blob_id == by_path[name].git_oid else None
        if got != meta.get("sha256"):
            problems.append(f"{name}: sha256 at the tag is not the one in MANIFEST.json")
    return problems


def _short(items: list[str], n: int = 3) -> str:
    return ", ".join(items[:n]) + (f" and {len(items) - n} more" if len(items) > n else "")


def publish(
    release: Path,
    repo_id: str,
    *,
    private: bool = False,
    dry_run: bool = False,
    token: str | None = None,
    endpoint: str | None = None,
    log: Callable[[str], None] = lambda _: None,
) -> PublishResult:
    """Publish ``release`` to the dataset repo ``repo_id`` as tag ``v<version>`` (see the module doc)."""
    p = plan(Path(release), repo_id, private)
    result = PublishResult(repo_id, p.version, p.tag, "dry-run", files=len(p.files), operations=p.operations())
    if dry_run:
        for line in result.operations:
            log(line)
        log("dry run: nothing was sent")
        return result

    from huggingface_hub import CommitOperationAdd, CommitOperationDelete, HfApi
    from huggingface_hub.errors import RepositoryNotFoundError

    token = _token(token)
    api = HfApi(endpoint=endpoint, token=token)
    log(f"validated {p.release} (v{p.version}): {len(validate.CHECKS)} checks passed, {len(p.files)} files")
    untouched = f"Nothing was changed on {repo_id}; run the same command again."

    with _network(f"reading {repo_id}", untouched, token):
        try:
            refs = api.list_repo_refs(repo_id, repo_type=REPO_TYPE)
        except RepositoryNotFoundError:
            refs = None
    if refs is None:
        with _network(f"creating dataset repo {repo_id}", untouched, token):
            api.create_repo(repo_id, repo_type=REPO_TYPE, private=private, exist_ok=True)
            refs = api.list_repo_refs(repo_id, repo_type=REPO_TYPE)
        result.created_repo = True
        log(f"created dataset repo {repo_id} ({'private' if private else 'public'})")
    else:
        log(f"dataset repo {repo_id} exists" + (" (--private applies only when creating it)" if private else ""))

    tags = {t.name: t.target_commit for t in refs.tags}
    if p.tag in tags:
        with _network(f"reading {repo_id} at {p.tag}", untouched, token):
            diffs = differences(p.files, _remote_files(api, repo_id, tags[p.tag]))
        if diffs:
            raise UserError(
                f"tag {p.tag} already exists on {repo_id} with different content ({_short(diffs)}); "
                f"a published version never changes: build the changes as a new version and publish that"
            )
        result.status, result.commit = "unchanged", tags[p.tag]
        log(f"{p.tag} is already on {repo_id} with the same {len(p.files)} files: nothing to do")
        return result
    newer = sorted((versions.parse(m.group(1)) for t in tags if (m := _VERSION_TAG.match(t))), reverse=True)
    if newer and newer[0] > versions.parse(p.version):
        raise UserError(
            f"{repo_id} already has v{newer[0]}: publishing {p.tag} would move {BRANCH} back to an older "
            f"version; publish a version above {newer[0]}"
        )

    head = next((b.target_commit for b in refs.branches if b.name == BRANCH), None)
    with _network(f"reading {repo_id} at {BRANCH}", untouched, token):
        remote = _remote_files(api, repo_id, head or BRANCH)
    local = {f.path: f for f in p.files}
    changed = [f for f in p.files if f.path not in remote or not _same(f, remote[f.path])]
    deleted = sorted(remote.keys() - local.keys())
    commit = head
    if changed or deleted:
        ops: list[Any] = [CommitOperationAdd(path_in_repo=f.path, path_or_fileobj=p.release / f.path) for f in changed]
        ops += [CommitOperationDelete(path_in_repo=path) for path in deleted]
        log(f"committing to {BRANCH}: {len(changed)} files added or changed, {len(deleted)} deleted")
        with _network(
            f"uploading and committing to {repo_id}",
            f"Nothing was committed to {repo_id}; run the same command again to resume "
            "(files the Hub already received are not sent again).",
            token,
        ):
            info = api.create_commit(
                repo_id,
                ops,
                commit_message=f"Release {p.tag}",
                commit_description=p.changelog,
                repo_type=REPO_TYPE,
                revision=BRANCH,
                parent_commit=head,
            )
        commit = info.oid
        log(f"committed {commit[:10]} to {BRANCH}: Release {p.tag}")
    else:
        log(f"{BRANCH} already has these {len(p.files)} files (an earlier run committed them)")
    result.uploaded, result.deleted, result.commit = [f.path for f in changed], deleted, commit

    tagged_state = (
        f"The release is committed to {BRANCH} as {str(commit)[:10]} but not tagged; "
        "run the same command again to tag it."
    )
    with _network(f"tagging {p.tag}", tagged_state, token):
        api.create_tag(
            repo_id,
            tag=p.tag,
            revision=commit,
            tag_message=f"earnings-events dataset {p.version}",
            repo_type=REPO_TYPE,
        )
    log(f"tagged {p.tag} -> {str(commit)[:10]}")

    with _network(f"reading {repo_id} at {p.tag}", f"{p.tag} is published; check it with `fetch`.", token):
        remote_at_tag = _remote_files(api, repo_id, p.tag)
    problems = verify(p.files, p.manifest, remote_at_tag)
    if problems:
        raise PublishError(f"{repo_id} at {p.tag} does not match the release: {_short(problems)}")
    log(f"verified {p.tag}: {len(remote_at_tag)} files match MANIFEST.json and {p.release}")
    result.status = "published"
    return result


# --- fetching a version ---------------------------------------------------------------------------


def download(repo_id: str, revision: str, out: Path, *, token: str | None = None, endpoint: str | None = None) -> Path:
    """The files of ``repo_id`` at ``revision`` (a tag, branch or commit) into the folder ``out``."""
    from huggingface_hub import HfApi, snapshot_download
    from huggingface_hub.errors import RepositoryNotFoundError, RevisionNotFoundError

    if not _REPO_ID.match(repo_id):
        raise UserError(f"repo id {repo_id!r} is not OWNER/NAME")
    missing = False
    with _network(f"downloading {repo_id}@{revision}", "Run the same command again to resume.", token):
        try:
            snapshot_download(
                repo_id, repo_type=REPO_TYPE, revision=revision, local_dir=out, token=token, endpoint=endpoint
            )
        except RevisionNotFoundError:
            missing = True
        except RepositoryNotFoundError:
            raise UserError(f"dataset repo {repo_id} not found (or private: set HF_TOKEN)") from None
    if missing:
        known = "unknown"
        with contextlib.suppress(Exception):  # the listing is only a hint
            refs = HfApi(endpoint=endpoint, token=token).list_repo_refs(repo_id, repo_type=REPO_TYPE)
            known = ", ".join(sorted(t.name for t in refs.tags)) or "none"
        raise UserError(f"{repo_id} has no revision {revision!r} (published versions: {known})")
    return out


def fetch(repo_id: str, version: str, out: Path, *, token: str | None = None, endpoint: str | None = None) -> Path:
    """Download version ``version`` (tag ``v<version>``) of ``repo_id`` into ``out`` and check it.

    ``datasets.load_dataset(str(out))`` then loads exactly that version, online or offline.
    """
    v = versions.parse(version)
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()):
        manifest = out / "MANIFEST.json"
        ok = False
        if manifest.is_file():
            with contextlib.suppress(ValueError, OSError):
                ok = json.loads(manifest.read_text(encoding="utf-8")).get("dataset_version") == str(v)
        if not ok:
            raise UserError(f"{out} is not empty; fetch into a new folder")
    download(repo_id, v.tag, out, token=token, endpoint=endpoint)
    got = json.loads((out / "MANIFEST.json").read_text(encoding="utf-8")).get("dataset_version")
    if got != str(v):
        raise UserError(f"{repo_id} tag {v.tag} holds version {got}, not {v}")
    failures = validate.run(out)
    if not failures.is_empty():
        checks = ", ".join(validate.summary(failures)["check"].to_list())
        raise UserError(f"{repo_id} {v.tag} downloaded to {out} but is not a valid release ({checks})")
    return out
