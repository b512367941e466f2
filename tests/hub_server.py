"""A small in-memory Hugging Face Hub for the tests: the endpoints the real ``huggingface_hub`` and
``datasets`` clients call to create a repo, upload (preupload, LFS batch, LFS PUT, NDJSON commit), tag,
and read back (refs, tree, paths-info, revision info, resolve with HEAD/GET/Range).

It listens on 127.0.0.1 on a free port, in a daemon thread; ``stop()`` (or leaving the ``with`` block)
shuts it down. Every request is logged in ``requests`` (method, path) so tests can assert that nothing
was sent. ``fail_next`` makes the next matching request fail once, to test network errors.

Git objects are modelled only as far as clients can see them: commits have a 40-hex id, a parent, a
message and a flat {path: blob} tree; regular blobs have their git sha1, LFS blobs the sha1 of their
pointer file and their sha256. Parquet and other binary data files (or files of 10 MB and more) are
LFS, as the Hub's default ``.gitattributes`` makes them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

LFS_SUFFIXES = (".parquet", ".arrow", ".bin", ".gz", ".zip", ".zst", ".npy", ".safetensors", ".pt")
LFS_MIN_SIZE = 10 * 1024 * 1024
GITATTRIBUTES = "".join(f"*{s} filter=lfs diff=lfs merge=lfs -text\n" for s in LFS_SUFFIXES).encode()
TYPES = {"datasets": "dataset", "models": "model", "spaces": "space"}


def git_sha1(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def lfs_pointer(sha256: str, size: int) -> bytes:
    return f"version https://git-lfs.github.com/spec/v1\noid sha256:{sha256}\nsize {size}\n".encode()


@dataclass(frozen=True)
class Blob:
    size: int
    oid: str  # git sha1 (of the pointer file for LFS blobs)
    sha256: str | None = None  # set for LFS blobs
    data: bytes | None = None  # content of regular blobs (LFS content lives in the server's store)

    @classmethod
    def regular(cls, data: bytes) -> Blob:
        return cls(len(data), git_sha1(data), None, data)

    @classmethod
    def lfs(cls, sha256: str, size: int) -> Blob:
        return cls(size, git_sha1(lfs_pointer(sha256, size)), sha256, None)


@dataclass
class Commit:
    oid: str
    parent: str | None
    title: str
    description: str
    date: str
    files: dict[str, Blob]


@dataclass
class Repo:
    repo_id: str
    type: str
    private: bool
    commits: dict[str, Commit] = field(default_factory=dict)
    branches: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)

    def resolve(self, rev: str) -> Commit | None:
        if rev in self.branches:
            return self.commits[self.branches[rev]]
        if rev in self.tags:
            return self.commits[self.tags[rev]]
        if re.fullmatch(r"[0-9a-f]{7,40}", rev):
            hits = [c for oid, c in self.commits.items() if oid.startswith(rev)]
            if len(hits) == 1:
                return hits[0]
        return None


def _flag(value) -> bool:
    """A boolean query or form parameter (``true``, ``True``, ``1``; lists take their first value)."""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).lower() in ("1", "true")


class HubError(Exception):
    def __init__(self, status: int, message: str, code: str | None = None):
        super().__init__(message)
        self.status, self.message, self.code = status, message, code


class FakeHub:
    """The Hub's state and logic, independent of HTTP."""

    def __init__(self, tokens: dict[str, str]):
        self.tokens = tokens  # token -> user name
        self.repos: dict[tuple[str, str], Repo] = {}
        self.lfs: dict[str, bytes] = {}
        self.lock = threading.RLock()
        self._clock = 0

    def _now(self) -> str:
        self._clock += 1
        when = dt.datetime(2026, 1, 1) + dt.timedelta(seconds=self._clock)
        return when.strftime("%Y-%m-%dT%H:%M:%S.000Z")  # the Hub's format, which huggingface_hub parses

    def repo(self, rtype: str, repo_id: str, user: str | None, write: bool = False) -> Repo:
        r = self.repos.get((rtype, repo_id))
        if r is None or (r.private and user is None):
            raise HubError(404, "Repository not found", "RepoNotFound")
        if write and user is None:
            raise HubError(401, "You must be authenticated to write", None)
        return r

    def create_repo(self, rtype: str, repo_id: str, private: bool) -> Repo:
        if (rtype, repo_id) in self.repos:
            raise HubError(409, "You already created this repo")
        r = Repo(repo_id, rtype, private)
        self.repos[(rtype, repo_id)] = r
        self.commit(r, "main", "initial commit", "", [("file", ".gitattributes", GITATTRIBUTES)], None)
        return r

    def commit(self, r: Repo, branch: str, title: str, description: str, ops: list, parent: str | None) -> Commit:
        head = r.branches.get(branch)
        if branch not in r.branches and r.branches:
            raise HubError(404, f"Invalid rev id: {branch}", "RevisionNotFound")
        if parent is not None and parent != head:
            raise HubError(412, f"A commit has happened since {parent}. Please refresh and try again.")
        files = dict(r.commits[head].files) if head else {}
        for kind, path, value in ops:
            if kind == "file":
                files[path] = Blob.regular(value)
            elif kind == "lfsFile":
                sha, size = value
                if sha not in self.lfs:
                    raise HubError(422, f"LFS object {sha} for {path} was never uploaded")
                files[path] = Blob.lfs(sha, size)
            elif kind == "deletedFile":
                if path not in files:
                    raise HubError(404, "A file with this name doesn't exist", "EntryNotFound")
                del files[path]
            elif kind == "deletedFolder":
                for p in [p for p in files if p.startswith(path.rstrip("/") + "/")]:
                    del files[p]
        tree = json.dumps({p: b.oid for p, b in sorted(files.items())}).encode()
        oid = hashlib.sha1(tree + f"{head}{title}{self._clock}".encode()).hexdigest()
        c = Commit(oid, head, title, description, self._now(), files)
        r.commits[oid] = c
        r.branches[branch] = oid
        return c

    def last_commit(self, r: Repo, c: Commit, path: str) -> Commit:
        """The newest commit at or before ``c`` that changed ``path`` (a file or a folder prefix)."""

        def view(commit: Commit) -> dict[str, str]:
            return {p: b.oid for p, b in commit.files.items() if p == path or p.startswith(path + "/")}

        cur = c
        while cur.parent is not None and view(r.commits[cur.parent]) == view(cur):
            cur = r.commits[cur.parent]
        return cur


class _Handler(BaseHTTPRequestHandler):
    server: HubServer  # type: ignore[assignment]
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # silence the default stderr log
        pass

    # --- plumbing -----------------------------------------------------------------------------

    def _body(self) -> bytes:
        return self._request_body

    def _read_body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            return self.rfile.read(n)
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            out = b""
            for _ in range(1_000_000):
                size = int(self.rfile.readline().strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    break
                out += self.rfile.read(size)
                self.rfile.readline()
            return out
        return b""

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None, head: bool = False):
        self.send_response(status)
        headers = {"Content-Type": "application/json", **(headers or {})}
        for k, v in headers.items():
            self.send_header(k, v)
        if "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and body:
            self.wfile.write(body)

    def _json(self, status: int, obj, headers: dict[str, str] | None = None):
        self._send(status, json.dumps(obj).encode(), headers)

    def _error(self, e: HubError):
        headers = {"X-Error-Message": e.message}
        if e.code:
            headers["X-Error-Code"] = e.code
        body = json.dumps({"error": e.message}).encode()
        self._send(e.status, b"" if self.command == "HEAD" else body, headers, head=self.command == "HEAD")

    def _user(self) -> str | None:
        auth = self.headers.get("Authorization", "")
        if not auth:
            return None
        token = auth.removeprefix("Bearer ").strip()
        user = self.server.hub.tokens.get(token)
        if user is None:
            raise HubError(401, "Invalid credentials in Authorization header")
        return user

    def _dispatch(self):
        parts = urlsplit(self.path)
        raw = parts.path
        query = parse_qs(parts.query)
        self.server.requests.append((self.command, raw))
        self._request_body = self._read_body()  # always consumed: the connection is kept alive
        hub = self.server.hub
        try:
            failure = self.server.take_failure(self.command, raw)
            if failure is not None:
                raise HubError(failure, "injected failure")
            with hub.lock:
                user = self._user()
                for pattern, method, handler in ROUTES:
                    m = pattern.fullmatch(raw)
                    if m and self.command in method:
                        groups = {k: unquote(v) if v is not None else None for k, v in m.groupdict().items()}
                        return handler(self, hub, user, query, **groups)
            raise HubError(404, f"no route for {self.command} {raw}")
        except HubError as e:
            self._error(e)

    do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _dispatch

    # --- endpoints ----------------------------------------------------------------------------

    def create_repo(self, hub: FakeHub, user, query):
        if user is None:
            raise HubError(401, "You must be authenticated to create a repo")
        p = json.loads(self._body())
        rtype = p.get("type") or "model"
        repo_id = f"{p.get('organization') or user}/{p['name']}"
        if p.get("organization") not in (None, user):
            raise HubError(403, f"You don't have the rights to create a repo under {p['organization']}")
        private = p.get("visibility") == "private" or bool(p.get("private"))
        hub.create_repo(rtype, repo_id, private)
        prefix = "" if rtype == "model" else f"{rtype}s/"
        self._json(200, {"url": f"{self.server.url}/{prefix}{repo_id}", "name": repo_id, "id": repo_id})

    def validate_yaml(self, hub: FakeHub, user, query):
        content = json.loads(self._body()).get("content", "")
        if content.startswith("---\n"):
            end = content.find("\n---", 4)
            try:
                yaml.safe_load(content[4:end])
            except yaml.YAMLError as exc:
                return self._json(400, {"errors": [{"message": f"Invalid YAML: {exc}"}]})
        self._json(200, {"errors": [], "warnings": []})

    def repo_info(self, hub: FakeHub, user, query, kind, repo_id, rev=None):
        r = hub.repo(TYPES[kind], repo_id, user)
        c = r.resolve(rev or "main")
        if c is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        blobs = _flag(query.get("blobs"))
        siblings = []
        for p, b in sorted(c.files.items()):
            s: dict = {"rfilename": p}
            if blobs:
                s.update(size=b.size, blobId=b.oid)
                if b.sha256:
                    s["lfs"] = {"sha256": b.sha256, "size": b.size, "pointerSize": len(lfs_pointer(b.sha256, b.size))}
            siblings.append(s)
        self._json(
            200,
            {
                "_id": hashlib.sha1(repo_id.encode()).hexdigest()[:24],
                "id": repo_id,
                "author": repo_id.split("/")[0],
                "sha": c.oid,
                "private": r.private,
                "gated": False,
                "disabled": False,
                "lastModified": c.date,
                "createdAt": r.commits[min(r.commits, key=lambda k: r.commits[k].date)].date,
                "tags": [],
                "downloads": 0,
                "likes": 0,
                "siblings": siblings,
            },
        )

    def refs(self, hub: FakeHub, user, query, kind, repo_id):
        r = hub.repo(TYPES[kind], repo_id, user)

        def ref(name, kind_, oid):
            return {"name": name, "ref": f"refs/{kind_}/{name}", "targetCommit": oid}

        self._json(
            200,
            {
                "branches": [ref(n, "heads", o) for n, o in sorted(r.branches.items())],
                "tags": [ref(n, "tags", o) for n, o in sorted(r.tags.items())],
                "converts": [],
                "pullRequests": [],
            },
        )

    def _entry(self, hub: FakeHub, r: Repo, c: Commit, path: str, expand: bool) -> dict:
        if path in c.files:
            b = c.files[path]
            e: dict = {"type": "file", "oid": b.oid, "size": b.size, "path": path}
            if b.sha256:
                e["lfs"] = {"oid": b.sha256, "size": b.size, "pointerSize": len(lfs_pointer(b.sha256, b.size))}
        else:
            e = {"type": "directory", "oid": hashlib.sha1(f"{c.oid}:{path}".encode()).hexdigest(), "size": 0}
            e["path"] = path
        if expand:
            last = hub.last_commit(r, c, path)
            e["lastCommit"] = {"id": last.oid, "title": last.title, "date": last.date}
        return e

    def tree(self, hub: FakeHub, user, query, kind, repo_id, rev, path=None):
        r = hub.repo(TYPES[kind], repo_id, user)
        c = r.resolve(rev)
        if c is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        base = (path or "").strip("/")
        recursive, expand = _flag(query.get("recursive")), _flag(query.get("expand"))
        prefix = base + "/" if base else ""
        if base and base in c.files:
            raise HubError(400, f"{base} is a file, not a folder")
        under = [p for p in c.files if p.startswith(prefix)]
        if base and not under:
            raise HubError(404, f"{base} does not exist at {rev}", "EntryNotFound")
        paths: set[str] = set()
        for p in under:
            rest = p[len(prefix) :].split("/")
            depth = len(rest) if recursive else 1
            for i in range(1, min(depth, len(rest)) + 1):
                paths.add(prefix + "/".join(rest[:i]))
        entries = [self._entry(hub, r, c, p, expand) for p in sorted(paths)]
        entries.sort(key=lambda e: (e["type"] != "directory", e["path"]))
        self._json(200, entries)

    def paths_info(self, hub: FakeHub, user, query, kind, repo_id, rev):
        r = hub.repo(TYPES[kind], repo_id, user)
        c = r.resolve(rev)
        if c is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        body = self._body()
        form = json.loads(body) if body.startswith(b"{") else parse_qs(body.decode())
        paths = form.get("paths", [])
        paths = [paths] if isinstance(paths, str) else paths
        expand = _flag(form.get("expand"))
        out = []
        for p in paths:
            p = p.strip("/")
            if p in c.files or any(f.startswith(p + "/") for f in c.files):
                out.append(self._entry(hub, r, c, p, expand))
        self._json(200, out)

    def preupload(self, hub: FakeHub, user, query, kind, repo_id, rev):
        r = hub.repo(TYPES[kind], repo_id, user, write=True)
        c = r.resolve(rev)
        if c is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        files = []
        for f in json.loads(self._body())["files"]:
            path, size = f["path"], int(f["size"])
            lfs = path.endswith(LFS_SUFFIXES) or size >= LFS_MIN_SIZE
            existing = c.files.get(path)
            oid = None
            if existing is not None:
                oid = existing.sha256 if lfs else existing.oid
            files.append({"path": path, "uploadMode": "lfs" if lfs else "regular", "shouldIgnore": False, "oid": oid})
        self._json(200, {"files": files, "commitOid": c.oid})

    def lfs_batch(self, hub: FakeHub, user, query, prefix, repo_id):
        kind = (prefix or "models/").rstrip("/")
        hub.repo(TYPES[kind], repo_id, user, write=True)
        p = json.loads(self._body())
        if p.get("operation") != "upload":
            raise HubError(400, "only uploads are supported")
        objects = []
        for o in p["objects"]:
            obj: dict = {"oid": o["oid"], "size": o["size"], "authenticated": True}
            if o["oid"] not in hub.lfs:
                obj["actions"] = {
                    "upload": {"href": f"{self.server.url}/lfs-storage/{o['oid']}?size={o['size']}"},
                }
            objects.append(obj)
        self._json(200, {"transfer": "basic", "objects": objects}, {"Content-Type": "application/vnd.git-lfs+json"})

    def lfs_put(self, hub: FakeHub, user, query, oid):
        data = self._body()
        if hashlib.sha256(data).hexdigest() != oid or len(data) != int(query.get("size", ["-1"])[0]):
            raise HubError(400, "content does not match its oid or size")
        hub.lfs[oid] = data
        self._send(200, b"", {"ETag": f'"{oid}"'})

    def commit(self, hub: FakeHub, user, query, kind, repo_id, rev):
        r = hub.repo(TYPES[kind], repo_id, user, write=True)
        lines = [json.loads(line) for line in self._body().splitlines() if line.strip()]
        if not lines or lines[0].get("key") != "header":
            raise HubError(400, "the first NDJSON line must be the header")
        header = lines[0]["value"]
        ops = []
        for item in lines[1:]:
            v = item["value"]
            if item["key"] == "file":
                if v.get("encoding") != "base64":
                    raise HubError(400, "file content must be base64")
                ops.append(("file", v["path"], base64.b64decode(v["content"])))
            elif item["key"] == "lfsFile":
                sha = v["oid"]
                size = v.get("size", len(hub.lfs.get(sha, b"")))
                ops.append(("lfsFile", v["path"], (sha, size)))
            elif item["key"] in ("deletedFile", "deletedFolder"):
                ops.append((item["key"], v["path"], None))
            else:
                raise HubError(400, f"unknown operation {item['key']}")
        c = hub.commit(r, rev, header["summary"], header.get("description", ""), ops, header.get("parentCommit"))
        prefix = "" if r.type == "model" else f"{r.type}s/"
        self._json(
            200,
            {"commitUrl": f"{self.server.url}/{prefix}{repo_id}/commit/{c.oid}", "commitOid": c.oid, "success": True},
        )

    def create_tag(self, hub: FakeHub, user, query, kind, repo_id, rev):
        r = hub.repo(TYPES[kind], repo_id, user, write=True)
        c = r.resolve(rev)
        if c is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        tag = json.loads(self._body())["tag"]
        if tag in r.tags or tag in r.branches:
            raise HubError(409, f"Tag {tag} already exists")
        r.tags[tag] = c.oid
        self._json(200, {})

    def delete_tag(self, hub: FakeHub, user, query, kind, repo_id, rev):
        r = hub.repo(TYPES[kind], repo_id, user, write=True)
        if rev not in r.tags:
            raise HubError(404, f"Tag {rev} not found", "RevisionNotFound")
        del r.tags[rev]
        self._json(200, {})

    def resolve(self, hub: FakeHub, user, query, prefix, repo_id, rev, path):
        kind = (prefix or "models/").rstrip("/")
        r = hub.repo(TYPES[kind], repo_id, user)
        c = r.resolve(rev)
        if c is None:
            raise HubError(404, f"Invalid rev id: {rev}", "RevisionNotFound")
        b = c.files.get(path)
        if b is None:
            raise HubError(404, f"{path} does not exist at {rev}", "EntryNotFound")
        data = hub.lfs[b.sha256] if b.sha256 else (b.data or b"")
        headers = {
            "Content-Type": "application/octet-stream",
            "X-Repo-Commit": c.oid,
            "ETag": f'"{b.sha256 or b.oid}"',
            "Accept-Ranges": "bytes",
        }
        if b.sha256:
            headers.update({"X-Linked-Etag": f'"{b.sha256}"', "X-Linked-Size": str(b.size)})
        status = 200
        rng = self.headers.get("Range")
        m = re.fullmatch(r"bytes=(\d*)-(\d*)", rng or "")
        if m and data:
            start = int(m.group(1)) if m.group(1) else max(0, len(data) - int(m.group(2)))
            end = int(m.group(2)) if m.group(1) and m.group(2) else len(data) - 1
            end = min(end, len(data) - 1)
            if start >= len(data):
                raise HubError(416, "range not satisfiable")
            headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
            data, status = data[start : end + 1], 206
        headers["Content-Length"] = str(len(data))
        self._send(status, data, headers, head=self.command == "HEAD")

    def whoami(self, hub: FakeHub, user, query):
        if user is None:
            raise HubError(401, "Invalid credentials in Authorization header")
        self._json(200, {"type": "user", "name": user, "auth": {"accessToken": {"role": "write"}}})


_REPO = r"(?P<repo_id>[^/]+/[^/]+)"
_KIND = r"(?P<kind>datasets|models|spaces)"
ROUTES = [
    (re.compile(r"/api/repos/create"), ("POST",), _Handler.create_repo),
    (re.compile(r"/api/validate-yaml"), ("POST",), _Handler.validate_yaml),
    (re.compile(r"/api/whoami-v2"), ("GET",), _Handler.whoami),
    (re.compile(rf"/api/{_KIND}/{_REPO}/refs"), ("GET",), _Handler.refs),
    (re.compile(rf"/api/{_KIND}/{_REPO}/revision/(?P<rev>[^/]+)"), ("GET",), _Handler.repo_info),
    (re.compile(rf"/api/{_KIND}/{_REPO}/tree/(?P<rev>[^/]+)(?:/(?P<path>.*))?"), ("GET",), _Handler.tree),
    (re.compile(rf"/api/{_KIND}/{_REPO}/paths-info/(?P<rev>[^/]+)"), ("POST",), _Handler.paths_info),
    (re.compile(rf"/api/{_KIND}/{_REPO}/preupload/(?P<rev>[^/]+)"), ("POST",), _Handler.preupload),
    (re.compile(rf"/api/{_KIND}/{_REPO}/commit/(?P<rev>[^/]+)"), ("POST",), _Handler.commit),
    (re.compile(rf"/api/{_KIND}/{_REPO}/tag/(?P<rev>[^/]+)"), ("POST",), _Handler.create_tag),
    (re.compile(rf"/api/{_KIND}/{_REPO}/tag/(?P<rev>[^/]+)"), ("DELETE",), _Handler.delete_tag),
    (re.compile(rf"/api/{_KIND}/{_REPO}"), ("GET",), _Handler.repo_info),
    (
        re.compile(r"/(?P<prefix>datasets/|spaces/)?(?P<repo_id>[^/]+/[^/]+)\.git/info/lfs/objects/batch"),
        ("POST",),
        _Handler.lfs_batch,
    ),
    (re.compile(r"/lfs-storage/(?P<oid>[0-9a-f]{64})"), ("PUT",), _Handler.lfs_put),
    (
        re.compile(r"/(?P<prefix>datasets/|spaces/)?(?P<repo_id>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<path>.+)"),
        ("GET", "HEAD"),
        _Handler.resolve,
    ),
]


class HubServer(ThreadingHTTPServer):
    """``with HubServer(tokens={"hf_test_token": "test"}) as hub: ... hub.url ...``"""

    daemon_threads = True

    def __init__(self, tokens: dict[str, str] | None = None):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.hub = FakeHub(tokens or {"hf_test_token": "test"})
        self.requests: list[tuple[str, str]] = []
        self._failures: list[tuple[str, re.Pattern, int]] = []
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def fail_next(self, method: str, path_regex: str, status: int = 500) -> None:
        """The next ``method`` request whose path matches ``path_regex`` gets ``status``, once."""
        self._failures.append((method, re.compile(path_regex), status))

    def take_failure(self, method: str, path: str) -> int | None:
        for i, (m, rx, status) in enumerate(self._failures):
            if m == method and rx.search(path):
                del self._failures[i]
                return status
        return None

    def start(self) -> HubServer:
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- for setting up and for assertions ----------------------------------------------------

    def add_dataset(self, repo_id: str, files: dict[str, bytes], tag: str | None = None, private: bool = False) -> str:
        """A public dataset repo holding ``files`` (path -> content) in one commit on main, without going through
        the upload endpoints (as a dataset someone else published); the commit id. Binary data files are LFS."""
        with self.hub.lock:
            r = self.hub.create_repo("dataset", repo_id, private)
            ops: list = []
            for path, data in sorted(files.items()):
                if path.endswith(LFS_SUFFIXES) or len(data) >= LFS_MIN_SIZE:
                    sha = hashlib.sha256(data).hexdigest()
                    self.hub.lfs[sha] = data
                    ops.append(("lfsFile", path, (sha, len(data))))
                else:
                    ops.append(("file", path, data))
            c = self.hub.commit(r, "main", "add data", "", ops, None)
            if tag:
                r.tags[tag] = c.oid
            return c.oid

    def repo(self, repo_id: str, rtype: str = "dataset") -> Repo:
        return self.hub.repos[(rtype, repo_id)]

    def file(self, repo_id: str, rev: str, path: str, rtype: str = "dataset") -> bytes:
        r = self.repo(repo_id, rtype)
        c = r.resolve(rev)
        assert c is not None, rev
        b = c.files[path]
        return self.hub.lfs[b.sha256] if b.sha256 else (b.data or b"")
