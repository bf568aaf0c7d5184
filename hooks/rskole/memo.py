"""A bounded cache keyed by content, shared by the builds of one process.

``mkdocs serve`` rebuilds the whole site in the same process after every edit. Work whose
result depends only on its inputs (an editor's Markdown field rendered with the site's
extensions, a finished page from the same view and template) is looked up here by a key
made of those inputs, so a rebuild after a one-course edit redoes only what that edit
changed. A key must contain everything the value depends on: a cache hit is then the
same value, byte for byte, as the work would give. Nothing here knows about MkDocs.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import threading
from collections import OrderedDict
from typing import Any, Callable, Hashable

import jinja2


class Memo:
    """Least-recently-used map of at most ``size`` entries, safe across threads."""

    def __init__(self, size: int):
        self.size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                self.hits += 1
                return self._data[key]
        value = make()
        with self._lock:
            self.misses += 1
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def peek(self, key: Hashable) -> Any:
        """The value kept for ``key``, or None."""
        with self._lock:
            return self._data.get(key)

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._data)


def pickled(value: Any, known: dict[int, tuple[Any, str]] | None = None) -> bytes:
    """Key material for a value: its pickle, which says everything the value holds (equal
    bytes, equal values) at a fraction of ``repr``'s cost on models and long views. Two
    equal values may still pickle differently (shared objects, set order): that costs a
    cache miss, never a wrong hit.

    ``known`` (id -> (object, digest of its pickle)) names objects already digested: each
    is written as its digest instead of its contents (a listing page's kept course cards),
    which says the same as long as nobody changes a known object."""
    if not known:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    out = io.BytesIO()
    _KnownPickler(out, known).dump(value)
    return out.getvalue()


class _KnownPickler(pickle.Pickler):
    def __init__(self, file, known: dict[int, tuple[Any, str]]):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.known = known

    def reducer_override(self, obj: Any) -> Any:
        # Asked of every object but exact builtins (str, int, dict, list, tuple...): known
        # views are dict subclasses (views.Shared), so this runs about once per view.
        entry = self.known.get(id(obj))
        if entry is not None and entry[0] is obj:
            return _known_view, (entry[1],)
        return NotImplemented


def _known_view(digest: str) -> str:
    """What a known view stands for in ``pickled``'s bytes (never unpickled)."""
    return digest


def digest(*parts: str | bytes) -> str:
    """A short, stable key for long inputs (sha256 over the parts, each length-prefixed)."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


#: Editors' Markdown fields rendered and sanitized, keyed by (site signature, source).
#: Bounded: at 5,000 courses a build renders ~25,000 fields of a few hundred bytes.
MARKDOWN = Memo(60_000)

#: Finished generated pages (their laid-out body and the terms linked in it), keyed by a
#: digest of everything they depend on. Filled only by builds that ask for it (the
#: served preview): a one-off build keeps nothing.
PAGES = Memo(50_000)

#: What this process last wrote at each path of a served site: the digest of the page
#: (``Build.page_digest``). A ``--dirty`` rebuild leaves a page alone when its digest is
#: the same and the file is still there.
WRITTEN = Memo(200_000)

#: Calendar events (VEVENT bytes) by everything they are made of; a preview only.
EVENTS = Memo(400_000)

#: Valid course files read and validated (document, spec, sessions) by path, bytes and
#: time zone; a preview only.
COURSES = Memo(20_000)

#: Course pages' JSON-LD by the course and the catalogue around it; a preview only.
STRUCTURED = Memo(20_000)

#: Course views (cards, calendar rows, …) with the digests of their pickles, by the kind of
#: view, the course's digest and views.epoch (``Build._keep_view``); a preview only. Seven
#: kinds a course: room for 5,000 courses and their views before the last change of epoch.
VIEWS = Memo(80_000)

#: Earlier versions of course files, parsed, by the version's bytes (git blobs never change).
OLD_VERSIONS = Memo(100_000)


class TemplateCode(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory across a served preview's rebuilds.

    Each rebuild makes new Jinja environments, which would parse and compile every
    template again (about two seconds a rebuild here). Jinja stores the source's checksum
    with the code and compiles again when the template changed."""

    def __init__(self, size: int):
        self._code = Memo(size)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.peek(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code.put(bucket.key, bucket.bytecode_to_string())

    def clear(self) -> None:
        self._code.clear()


#: Compiled templates (the core's and the engine's); a preview only.
TEMPLATES = TemplateCode(2_000)

#: Earlier versions of course files, parsed, by (project root, commit, path, zone): a
#: commit's files never change, so a rebuild asks git only for versions it has not seen.
REVISIONS = Memo(100_000)
