"""Incremental output: render a page only when what its template sees has changed.

Plain Pelican renders and rewrites every page on every build, even when one post
changed (getpelican/pelican#3599). :class:`IncrementalWriter` (hooked in through
Pelican's ``get_writer`` signal) keeps, per output file, a *fingerprint* of its inputs
in ``CACHE_PATH/news-digest/build-state.json``:

- the **build key**: every Pelican setting (ingest-only and cache switches aside), the
  source of every theme template (the theme, ``THEME_TEMPLATES_OVERRIDES`` and Pelican's
  ``simple`` theme), the source of every plugin module, and the versions of Pelican,
  Jinja, Python-Markdown, feedgen and this plugin's state format;
- the output path, the template's name and, for every variable the template (with
  everything it extends or includes) reads, per :func:`jinja2.meta`, the value of that
  variable in the page's context (settings aside: they are in the build key).

Values are fingerprinted structurally (:class:`Fingerprinter`): a Pelican article or
page by its content and every attribute Pelican and this plugin put on it (its
``related`` list only where it is the page's own object: a story card does not show
related stories); dataclasses, lists and mappings by their members; paginator pages by
their number, URLs and items. A value it cannot fingerprint (an object whose only
description is its memory address) makes the page render every time.

A page is rendered when its fingerprint differs from the recorded one or its file is
missing or was changed by someone else (size or mtime differ); a rendered page is
written only when its bytes differ from the file's. Files this writer wrote in the
previous build and not in this one (a deleted post's page, a pagination page that
went away) are removed, unless someone changed them since. The state is written
atomically at the end of a successful build (``finalized``); after a failed build the
old state stays, and files rewritten since no longer match it, so they render again.

Limits, on purpose: ``content_written`` is not sent for a page that was not rendered;
a template reading something other than its context (a custom Jinja global that
reads files) is not tracked; a nested article (a card, a related story) is
fingerprinted without its own ``related`` list.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from jinja2 import meta
from pelican.contents import Content
from pelican.paginator import Page as PaginatorPage
from pelican.paginator import Paginator
from pelican.urlwrappers import URLWrapper
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

log = logging.getLogger(__name__)

STATE_VERSION = 1
STATE_FILE = "news-digest/build-state.json"
CONTENT_KEY_FILE = "news-digest/content-cache-key"

# Settings that do not change what a build writes.
IGNORED_SETTINGS = frozenset({
    "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "CACHE_PATH", "GZIP_CACHE",
    "CHECK_MODIFIED_METHOD", "CONTENT_CACHING_LAYER", "DELETE_OUTPUT_DIRECTORY",
    "OUTPUT_RETENTION", "WRITE_SELECTED", "LOG_FILTER", "DEBUG", "BIND", "PORT",
    "NEWS_DIGEST_AUTO_INGEST", "NEWS_DIGEST_SEEDS", "NEWS_DIGEST_PROCESSES",
    "NEWS_DIGEST_BATCH_SIZE", "NEWS_DIGEST_NER_BACKEND", "NEWS_DIGEST_MANIFEST",
    "NEWS_DIGEST_PUBLISHER", "NEWS_DIGEST_SEARCH",
})
"""Cache switches, server and logging options, and ingest-only ``NEWS_DIGEST_*`` keys
(ingest's effect reaches the build through the posts it writes). ``NEWS_DIGEST_SEARCH``
reaches templates as ``search_enabled``, which is fingerprinted as a value."""

# Attributes of a Pelican content object that are not what a page shows.
_CONTENT_SKIP = frozenset({"_context", "settings", "related", "_content", "metadata",
                           "entity_groups", "jsonld"})
"""``metadata``: Pelican sets each key as an attribute (``summary`` as ``_summary``);
``entity_groups`` and ``jsonld`` are made by ``site.attach`` from ``entities``,
``topics`` and the other attributes, all fingerprinted, plus settings (the build key)."""


_MARSHAL = (tuple, list, dict)
"""Containers tried with ``marshal`` (format 2: no back-references, so equal data gives
equal bytes whatever objects are shared); sets are left out, their order varies."""


class Unfingerprintable(Exception):
    """A value with no stable description: the page is rendered every time."""


def _h(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


class Fingerprinter:
    """Stable, structural digests of template values, memoised for one build.

    The memo holds a reference to every object it describes, so an ``id`` is never
    reused for another object while the memo lives.
    """

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, str]] = {}

    def __call__(self, value: Any, full: bool = False) -> str:
        return self.value(value, full)

    def value(self, v: Any, full: bool = False) -> str:
        t = type(v)
        if t is str:
            return "s" + v if len(v) <= 80 else "S" + _h(v)
        if v is None or t is int or t is bool or t is float:
            return repr(v)
        if isinstance(v, Content):
            return self.content(v, full)
        hit = self._memo.get(id(v))
        if hit is not None and hit[0] is v:
            return hit[1]
        if isinstance(v, str):  # Markup: the text is what is shown
            return "s" + v if len(v) <= 80 else "S" + _h(v)
        if isinstance(v, datetime | date | time):
            return f"{t.__name__}:{v.isoformat()}:{getattr(v, 'tzinfo', '')}"
        if isinstance(v, int | float):  # enums, numpy scalars…
            return t.__qualname__ + repr(v)
        digest = self._compute(v)
        self._memo[id(v)] = (v, digest)
        return digest

    def _compute(self, v: Any) -> str:
        if type(v) in _MARSHAL:
            try:  # plain data (strings, numbers, nested tuples): serialise in C
                return "m" + hashlib.blake2b(marshal.dumps(v, 2), digest_size=16).hexdigest()
            except ValueError:
                pass
        if isinstance(v, tuple | list):
            return _h("L", *map(self.value, v))
        if isinstance(v, Mapping):
            return _h("M", *(f"{self.value(k)}={self.value(x)}"
                             for k, x in sorted(v.items(), key=lambda kv: repr(kv[0]))))
        if isinstance(v, set | frozenset):
            return _h("S", *sorted(self.value(x) for x in v))
        if isinstance(v, URLWrapper):
            return _h("U", type(v).__name__, v.name, v.slug, v.url, v.save_as or "")
        if isinstance(v, PaginatorPage):
            return _h("P", str(v.number), str(v.paginator.num_pages), v.url, v.save_as,
                      self.value(v.object_list))
        if isinstance(v, Paginator):
            return _h("PG", str(v.num_pages), str(v.count), str(v.per_page))
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return _h("D", type(v).__qualname__,
                      *(self.value(getattr(v, f.name)) for f in dataclasses.fields(v)))
        if callable(v):
            return "F" + getattr(v, "__module__", "") + "." + getattr(v, "__qualname__", "")
        text = repr(v)
        if " at 0x" not in text:  # ZoneInfo, Path, enums…: a stable repr
            return "R" + type(v).__qualname__ + text
        if hasattr(v, "__dict__"):
            return _h("O", type(v).__qualname__,
                      *(f"{k}={self.value(x)}" for k, x in sorted(vars(v).items())
                        if k not in ("settings", "_context")))
        raise Unfingerprintable(type(v).__qualname__)

    def content(self, c: Content, full: bool = False) -> str:
        """An article or page: content and every attribute, plus ``related`` if ``full``."""
        hit = self._memo.get(id(c))
        if hit is None or hit[0] is not c:
            body = c._content or ""
            if "{" in body or "|" in body:  # maybe intrasite links: their targets count
                body = c.content
            parts = [type(c).__qualname__, _h(body), c.url or "", c.save_as or ""]
            parts += [f"{k}={self.value(x)}" for k, x in sorted(vars(c).items())
                      if k not in _CONTENT_SKIP]
            hit = (c, _h(*parts))
            self._memo[id(c)] = hit
        if not full:
            return hit[1]
        related = getattr(c, "related", None)
        return _h(hit[1], self.value(tuple(related) if related else ()))


# ---------------------------------------------------------------- build key


def _files_digest(paths: Iterable[Path]) -> str:
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(set(paths)):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        h.update(str(path).encode("utf-8", "surrogatepass") + b"\0")
        h.update(hashlib.blake2b(data, digest_size=16).digest())
    return h.hexdigest()


def _tree(folder: Path, pattern: str = "*") -> list[Path]:
    return [p for p in folder.rglob(pattern) if p.is_file()] if folder.is_dir() else []


def settings_digest(settings: Mapping[str, Any]) -> str:
    fp = Fingerprinter()
    parts = []
    for key in sorted(settings):
        if key in IGNORED_SETTINGS or not key.isupper():
            continue
        try:
            parts.append(f"{key}={fp.value(settings[key])}")
        except Unfingerprintable:
            parts.append(f"{key}=?{type(settings[key]).__qualname__}")
    return _h(*parts)


def code_digest(settings: Mapping[str, Any]) -> str:
    """Source of the plugins in use and versions of the libraries that render output."""
    from importlib.metadata import PackageNotFoundError, version

    files: list[Path] = []
    for name in settings.get("PLUGINS") or ():
        module = sys.modules.get(str(name)) or sys.modules.get(f"pelican.plugins.{name}")
        origin = getattr(module, "__file__", None)
        if not origin:
            continue
        origin_path = Path(origin)
        if origin_path.name == "__init__.py":
            files += _tree(origin_path.parent, "*.py") + _tree(origin_path.parent, "*.yml")
        else:
            files.append(origin_path)
    versions = []
    for dist in ("pelican", "jinja2", "markdown", "feedgen", "lxml", "pyyaml", "markupsafe"):
        try:
            versions.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            versions.append(f"{dist}=?")
    return _h(f"state={STATE_VERSION}", *versions, _files_digest(files))


def templates_digest(settings: Mapping[str, Any]) -> str:
    import pelican

    folders = [Path(settings.get("THEME", "")) / "templates",
               Path(pelican.__file__).parent / "themes" / "simple" / "templates"]
    folders += [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or ()]
    return _files_digest(p for f in folders for p in _tree(f))


def build_key(settings: Mapping[str, Any]) -> str:
    return _h(settings_digest(settings), code_digest(settings), templates_digest(settings))


def content_cache_key(settings: Mapping[str, Any]) -> str:
    """What Pelican's content cache depends on beyond each file's mtime: settings
    (URL patterns, date formats, Markdown options) and the reader's code and libraries.
    Pelican compares neither, so :func:`check_content_cache` does."""
    return _h("content", settings_digest(settings), code_digest(settings))


def _atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` through a temporary file, so no one reads half a page; a new
    file is written directly (a crash leaves a file whose size or mtime the state does
    not know, so it is made again)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        with open(path, "xb") as fh:
            fh.write(data)
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_KEY_SLOT = "news_digest_content_cache_key"
"""Where the key computed at start is kept in the settings (lower-case: not a setting).
Pelican's Markdown reader adds to ``MARKDOWN`` while reading, so the key is computed
before, and saved as computed."""


def check_content_cache(settings: dict[str, Any]) -> None:
    """Turn off loading Pelican's content cache when what it depends on changed.

    Pelican keys cached articles by file mtime only (``pelican/cache.py``): after a
    change of settings or of this plugin's reader, cached articles would be stale. The
    key is written by :func:`save_content_cache_key` after a successful build, i.e.
    after Pelican has saved a cache made under it.
    """
    if not settings.get("CACHE_CONTENT"):
        return
    key = settings[_KEY_SLOT] = content_cache_key(settings)
    if not settings.get("LOAD_CONTENT_CACHE"):
        return
    path = Path(settings["CACHE_PATH"]) / CONTENT_KEY_FILE
    try:
        stored = path.read_text(encoding="utf-8").strip()
    except OSError:
        stored = ""
    if stored != key:
        if stored:
            log.info("news-digest: settings or reader changed; not loading the content cache")
        settings["LOAD_CONTENT_CACHE"] = False


def save_content_cache_key(settings: Mapping[str, Any]) -> None:
    key = settings.get(_KEY_SLOT)
    if settings.get("CACHE_CONTENT") and key:
        _atomic_write(Path(settings["CACHE_PATH"]) / CONTENT_KEY_FILE, key.encode("utf-8"))


def keep_identical_static_files() -> None:
    """Make Pelican's theme-static copy skip files whose bytes are already there.

    ``StaticGenerator`` copies the theme's ``static/`` with ``pelican.utils.copy_file``
    on every build (content static files it compares by mtime, theme files not), so a
    no-change build would still rewrite ``theme/css/site.css``. Idempotent.
    """
    import pelican.utils as utils

    original = utils.copy_file
    if getattr(original, "news_digest_wrapped", False):
        return

    def copy_file(source: str, destination: str) -> None:
        try:
            if (os.path.getsize(source) == os.path.getsize(destination)
                    and Path(source).read_bytes() == Path(destination).read_bytes()):
                return
        except OSError:
            pass
        original(source, destination)

    copy_file.news_digest_wrapped = True  # type: ignore[attr-defined]
    utils.copy_file = copy_file


# ---------------------------------------------------------------- the writer


_ACTIVE: list[IncrementalWriter] = []


def active_writer(output_path: str | os.PathLike[str]) -> IncrementalWriter | None:
    """The writer of the build writing ``output_path``, if it is ours."""
    target = os.path.realpath(output_path)
    for w in reversed(_ACTIVE):
        if os.path.realpath(w.output_path) == target:
            return w
    return None


class IncrementalWriter(Writer):
    """Pelican's writer, rendering and writing only what changed (module docstring)."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.root = Path(output_path)
        self.key = build_key(self.settings)
        self.fingerprint = Fingerprinter()
        self.state_path = Path(self.settings.get("CACHE_PATH", "cache")) / STATE_FILE
        old = self._load_state()
        same = (old.get("key") == self.key
                and old.get("output") == os.path.realpath(output_path))
        self.old_files: dict[str, list[Any]] = old.get("files", {}) if same else {}
        # Files of an older build are still ours to clean up, whatever the key.
        self.previous: dict[str, list[Any]] = (
            old.get("files", {}) if old.get("output") == os.path.realpath(output_path)
            else {})
        self.files: dict[str, list[Any]] = {}
        self.stats = {"rendered": 0, "written": 0, "skipped": 0, "unchanged": 0,
                      "removed": 0}
        self.changed: set[str] = set()
        self._template_vars: dict[str, frozenset[str] | None] = {}
        self._overridden: set[str] = set()
        keep_identical_static_files()
        _ACTIVE.append(self)

    # -- state

    def _load_state(self) -> dict[str, Any]:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return {}
        return data

    def _rel(self, path: str | os.PathLike[str]) -> str:
        return Path(os.path.relpath(path, self.output_path)).as_posix()

    def _up_to_date(self, rel: str, fp: str | None) -> bool:
        """The recorded fingerprint matches and the file is as we left it."""
        rec = self.old_files.get(rel)
        if fp is None or rec is None or rec[0] != fp:
            return False
        try:
            st = os.stat(self.root / rel)
        except OSError:
            return False
        return [st.st_size, st.st_mtime_ns] == rec[1:]

    def _record(self, rel: str, fp: str | None) -> None:
        st = os.stat(self.root / rel)
        self.files[rel] = [fp, st.st_size, st.st_mtime_ns]

    def _store(self, rel: str, data: bytes, fp: str | None) -> None:
        """Write ``data`` unless the file holds these bytes already; record it."""
        path = self.root / rel
        try:
            same = path.stat().st_size == len(data) and path.read_bytes() == data
        except OSError:
            same = False
        if same:
            self.stats["unchanged"] += 1
        else:
            _atomic_write(path, data)
            self.stats["written"] += 1
            self.changed.add(rel)
        self._record(rel, fp)

    def _keep(self, rel: str, fp: str) -> None:
        self.stats["skipped"] += 1
        self.files[rel] = [fp, *self.old_files[rel][1:]]

    # -- template dependencies

    def template_vars(self, template: Any) -> frozenset[str] | None:
        """Every variable ``template`` and what it extends or includes may read;
        None when one of them is chosen at run time (then: always render)."""
        name = template.name
        if name in self._template_vars:
            return self._template_vars[name]
        env = template.environment
        names: set[str] = set()
        seen: set[str] = set()
        todo = [name]
        result: frozenset[str] | None = None
        try:
            while todo:
                current = todo.pop()
                if current in seen:
                    continue
                seen.add(current)
                source = env.loader.get_source(env, current)[0]
                ast = env.parse(source)
                names |= meta.find_undeclared_variables(ast)
                for ref in meta.find_referenced_templates(ast):
                    if ref is None:
                        raise LookupError("dynamic template reference")
                    todo.append(ref)
            result = frozenset(names)
        except Exception as exc:  # an unusual loader or a dynamic include
            log.debug("news-digest: cannot list the variables of %s (%s); "
                      "it is rendered every time", name, exc)
        self._template_vars[name] = result
        return result

    def page_fingerprint(self, name: str, template: Any, localcontext: Mapping[str, Any],
                         own: Iterable[str] = ()) -> str | None:
        """The fingerprint of one output file, or None (render it)."""
        names = self.template_vars(template)
        if names is None:
            return None
        own = set(own)
        parts = [self.key, template.name, name]
        try:
            for var in sorted(names):
                if var not in localcontext:
                    continue
                value = localcontext[var]
                if var in self.settings and self.settings[var] is value:
                    continue  # in the build key
                parts.append(f"{var}={self.fingerprint.value(value, full=var in own)}")
        except Unfingerprintable as exc:
            log.debug("news-digest: %s: %s has no stable fingerprint; rendered", name, exc)
            return None
        return _h(*parts)

    # -- Pelican's writer interface

    def write_file(self, name: Any, template: Any, context: dict[str, Any],
                   relative_urls: bool = False, paginated: Any = None,
                   template_name: str | None = None, override_output: bool = False,
                   url: str | None = None, **kwargs: Any) -> None:
        if not name:
            return
        own = [k for k in ("article", "page") if isinstance(kwargs.get(k), Content)]

        def localcontext_for(save_as: str, extra: dict[str, Any]) -> dict[str, Any]:
            local = context.copy()
            local["localsiteurl"] = local.get("localsiteurl", None)
            if relative_urls:
                from pelican.utils import get_relative_path, path_to_url

                rel_url = path_to_url(get_relative_path(save_as))
                local["SITEURL"] = rel_url
                local["localsiteurl"] = rel_url
            local["output_file"] = save_as
            local.update(extra)
            return local

        def one(save_as: str, extra: dict[str, Any]) -> None:
            local = localcontext_for(save_as, extra)
            path = sanitised_join(self.output_path, save_as)
            rel = self._rel(path)
            if rel in self._overridden:  # Pelican's rule: one override wins
                if override_output:
                    raise FileOverwriteFailedError(
                        f'Failed to overwrite "{path}" a second time')
                log.info('Skipping "%s", not overwriting', path)
                return
            if rel in self.files and not override_output:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{path}" as Pelican has already written to it '
                    "previously (set `override=True` if intended)")
            if override_output:
                self._overridden.add(rel)
            fp = self.page_fingerprint(save_as, template, local, own)
            if self._up_to_date(rel, fp):
                self._keep(rel, fp)  # type: ignore[arg-type]
                return
            if local["localsiteurl"]:
                context["localsiteurl"] = local["localsiteurl"]
            output = template.render(local)
            self.stats["rendered"] += 1
            self._store(rel, output.encode("utf-8"), fp)
            from pelican.plugins import signals

            signals.content_written.send(path, context=local)

        if paginated is None:
            paginated = {k: v for k, v in kwargs.items() if k in {"articles", "dates"}}
        if paginated and template_name in self.settings["PAGINATED_TEMPLATES"]:
            per_page = (self.settings["PAGINATED_TEMPLATES"][template_name]
                        or self.settings["DEFAULT_PAGINATION"])
            paginators = {key: Paginator(name, url, val, self.settings, per_page)
                          for key, val in paginated.items()}
            for page_num in range(next(iter(paginators.values())).num_pages):
                extra = kwargs.copy()
                for key, paginator in paginators.items():
                    page = paginator.page(page_num + 1)
                    extra.update({
                        f"{key}_paginator": paginator,
                        f"{key}_page": page,
                        f"{key}_previous_page": (paginator.page(page_num)
                                                 if page_num > 0 else None),
                        f"{key}_next_page": (paginator.page(page_num + 2)
                                             if page_num + 1 < paginator.num_pages else None),
                    })
                one(page.save_as, extra)
        else:
            one(name, kwargs)

    def write_feed(self, *args: Any, **kwargs: Any) -> Any:
        """Pelican's own feeds: always written (they are off in news-digest sites)."""
        feed = super().write_feed(*args, **kwargs)
        path = kwargs.get("path") or (args[2] if len(args) > 2 else None)
        if path:
            full = sanitised_join(self.output_path, path)
            if os.path.exists(full):
                rel = self._rel(full)
                self.changed.add(rel)
                self._record(rel, None)
        return feed

    def write_data(self, rel: str, produce: Callable[[], str | bytes],
                   fp_parts: Iterable[Any] | None = None) -> None:
        """A file of the plugin's own (feed, sitemap): ``produce`` is called only when
        ``fp_parts`` (values fingerprinted like template variables) changed."""
        rel = Path(rel).as_posix()
        fp = None
        if fp_parts is not None:
            try:
                fp = _h(self.key, rel, *(self.fingerprint.value(p) for p in fp_parts))
            except Unfingerprintable:
                fp = None
        if self._up_to_date(rel, fp):
            self._keep(rel, fp)  # type: ignore[arg-type]
            return
        data = produce()
        self.stats["rendered"] += 1
        self._store(rel, data.encode("utf-8") if isinstance(data, str) else data, fp)

    def pages_digest(self) -> str:
        """A digest of every HTML file of the site as written (what Pagefind indexes)."""
        return _h(*(f"{rel}={rec[1]}:{rec[2]}" for rel, rec in sorted(self.files.items())
                    if rel.endswith(".html")))

    # -- end of build

    def finish(self) -> None:
        """Remove our files that this build did not write; save the state."""
        for rel, rec in sorted(self.previous.items()):
            if rel in self.files:
                continue
            path = self.root / rel
            try:
                st = path.stat()
            except OSError:
                continue
            if [st.st_size, st.st_mtime_ns] != rec[1:]:
                log.warning("news-digest: %s is no longer part of the site but was "
                            "changed since it was written; left in place", path)
                continue
            path.unlink()
            self.stats["removed"] += 1
            self.changed.add(rel)
            parent = path.parent
            while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        state = {"version": STATE_VERSION, "key": self.key,
                 "output": os.path.realpath(self.output_path), "files": self.files}
        _atomic_write(self.state_path, json.dumps(state, sort_keys=True,
                                                  separators=(",", ":")).encode("utf-8"))
        s = self.stats
        log.info("news-digest: %d files rendered (%d written, %d identical), %d up to "
                 "date, %d removed", s["rendered"], s["written"], s["unchanged"],
                 s["skipped"], s["removed"])
        if self in _ACTIVE:
            _ACTIVE.remove(self)
