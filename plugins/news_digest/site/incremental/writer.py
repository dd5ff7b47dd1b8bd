"""Pelican's ``Writer``, extended at two seams: the template it renders and the file it opens.

``write_file`` hands Pelican's own ``write_file`` (its pagination and local context,
unchanged) a :class:`_TrackedTemplate`: rendering first fingerprints the page's
context, and when the fingerprint and the file on disk match the last build the
template is not rendered at all. ``_open_w`` then returns a :class:`_Sink` instead of a
truncating file handle: on close it writes the page only if its bytes changed, and
records what it did. Nothing outside this object changes, except the theme-static copy
rule (:func:`identical_copies_skipped`), which is put back when the build finishes.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import meta
from pelican.contents import Content
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from news_digest.site.incremental.fingerprint import Fingerprinter, Unfingerprintable, digest
from news_digest.site.incremental.keys import (
    LEGACY_FILES,
    STATE_NAME,
    STATE_VERSION,
    build_key,
    output_dir,
    prune_output_dirs,
)
from news_digest.text import atomic_write

log = logging.getLogger(__name__)


@contextlib.contextmanager
def identical_copies_skipped() -> Iterator[None]:
    """While open, Pelican's ``copy_file`` skips files whose bytes are already there.

    ``StaticGenerator`` copies the theme's ``static/`` on every build (content static
    files it compares by mtime, theme files not), so a no-change build would rewrite
    ``theme/css/site.css``. Pelican has no setting or signal for that copy, so the
    function is swapped for the build and restored when the writer finishes.
    """
    import pelican.utils as utils

    original = utils.copy_file

    def copy_file(source: str, destination: str) -> None:
        try:
            if (os.path.getsize(source) == os.path.getsize(destination)
                    and Path(source).read_bytes() == Path(destination).read_bytes()):
                return
        except OSError:
            pass
        original(source, destination)

    utils.copy_file = copy_file
    try:
        yield
    finally:
        utils.copy_file = original


class _TrackedTemplate:
    """A Jinja template that asks the writer before rendering (module docstring)."""

    def __init__(self, template: Any, writer: IncrementalWriter) -> None:
        self._template = template
        self._writer = writer

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)

    def render(self, localcontext: dict[str, Any]) -> str:
        return self._writer._render(self._template, localcontext)


class _Sink(io.StringIO):
    """What ``_open_w`` returns: the page in memory, stored (or kept) on close."""

    def __init__(self, on_close: Callable[[str], None]) -> None:
        super().__init__()
        self._on_close = on_close

    def close(self) -> None:
        if not self.closed:
            value = self.getvalue()
            super().close()
            self._on_close(value)


class IncrementalWriter(Writer):
    """Pelican's writer, rendering and writing only what changed (package docstring)."""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        self.root = Path(output_path)
        self._prefix = os.path.join(os.path.abspath(output_path), "")
        self.key = build_key(self.settings)
        self.fingerprint = Fingerprinter()
        self.real_output = os.path.realpath(output_path)
        self.slot = output_dir(self.settings, output_path)
        self.state_path = self.slot / STATE_NAME
        old = self._load_state(self.state_path)
        self._legacy: list[Path] = []
        if not old:
            old = self._adopt_legacy_state()
        same_output = old.get("output") == self.real_output
        self.old_files: dict[str, list[Any]] = (
            old.get("files", {}) if same_output and old.get("key") == self.key else {})
        # Files of an older build are still ours to clean up, whatever the key.
        self.previous: dict[str, list[Any]] = old.get("files", {}) if same_output else {}
        self.files: dict[str, list[Any]] = {}
        self.stats = {"rendered": 0, "written": 0, "skipped": 0, "unchanged": 0,
                      "removed": 0}
        self.changed: set[str] = set()
        self._template_vars: dict[str, frozenset[str] | None] = {}
        # template → {"sources": {name: digest}, "vars": [...]}: parsing the theme to
        # list its variables cost more than a small rebuild's rendering
        self.old_templates: dict[str, Any] = old.get("templates", {})
        self.templates: dict[str, Any] = {}
        self._kept: dict[str, str] = {}  # save_as → fingerprint of pages not rendered
        self._fps: dict[str, str | None] = {}  # save_as → fingerprint of rendered pages
        self._static = identical_copies_skipped()
        self._static.__enter__()

    # -- state

    @staticmethod
    def _load_state(path: Path) -> dict[str, Any]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return {}
        return data

    def _adopt_legacy_state(self) -> dict[str, Any]:
        """The state an older version kept for one folder in the cache's root, when it
        is this folder's (its files are still ours to clean up). It is removed once this
        build saved its own, and so is one whose folder is gone."""
        cache = Path(self.settings.get("CACHE_PATH", "cache"))
        old = self._load_state(cache / LEGACY_FILES[0])
        output = old.get("output")
        if output == self.real_output or (isinstance(output, str)
                                          and not os.path.isdir(output)):
            self._legacy = [cache / name for name in LEGACY_FILES]
        return old if output == self.real_output else {}

    def _rel(self, path: str | os.PathLike[str]) -> str:
        """``path`` relative to the output folder, with ``/``. Pelican hands absolute,
        normalised paths (``sanitised_join``), so cutting the prefix is the answer
        ``os.path.relpath`` would give; relpath itself cost about 1 s of a 5k build."""
        text = os.fspath(path)
        if text.startswith(self._prefix):
            return text[len(self._prefix):].replace(os.sep, "/")
        return Path(os.path.relpath(text, self.output_path)).as_posix()

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
        if atomic_write(self.root / rel, data, durable=False):
            self.stats["written"] += 1
            self.changed.add(rel)
        else:
            self.stats["unchanged"] += 1
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
        cached = self._cached_vars(env, name)
        if cached is not None:
            self._template_vars[name] = cached
            return cached
        names: set[str] = set()
        sources: dict[str, str] = {}
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
                sources[current] = digest(source)
                ast = env.parse(source)
                names |= meta.find_undeclared_variables(ast)
                for ref in meta.find_referenced_templates(ast):
                    if ref is None:
                        raise LookupError("dynamic template reference")
                    todo.append(ref)
            result = frozenset(names)
            self.templates[name] = {"sources": sources, "vars": sorted(names)}
        except Exception as exc:  # an unusual loader or a dynamic include
            log.debug("news-digest: cannot list the variables of %s (%s); "
                      "it is rendered every time", name, exc)
        self._template_vars[name] = result
        return result

    def _cached_vars(self, env: Any, name: str) -> frozenset[str] | None:
        """The variables recorded last build, if no template they came from changed."""
        rec = self.old_templates.get(name)
        if not isinstance(rec, dict):
            return None
        try:
            if any(digest(env.loader.get_source(env, t)[0]) != d
                   for t, d in rec["sources"].items()):
                return None
        except Exception:  # a template gone or unreadable: list the variables afresh
            return None
        self.templates[name] = rec
        return frozenset(rec["vars"])

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
        return digest(*parts)

    # -- the two seams in Pelican's writer

    def write_file(self, name: Any, template: Any, context: dict[str, Any],
                   *args: Any, **kwargs: Any) -> None:
        super().write_file(name, _TrackedTemplate(template, self), context, *args, **kwargs)

    def _render(self, template: Any, localcontext: dict[str, Any]) -> str:
        """Render one page, unless its fingerprint and file match the last build."""
        save_as = localcontext["output_file"]
        rel = self._rel(sanitised_join(self.output_path, save_as))
        own = [k for k in ("article", "page") if isinstance(localcontext.get(k), Content)]
        fp = self.page_fingerprint(save_as, template, localcontext, own)
        if self._up_to_date(rel, fp) and rel not in self.files:
            self._kept[rel] = fp  # type: ignore[assignment]
            return ""
        self._fps[rel] = fp
        self.stats["rendered"] += 1
        return template.render(localcontext)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        """Pelican's overwrite rules, then a :class:`_Sink` instead of a truncated file."""
        rel = self._rel(filename)
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time '
                    "(was previously overwritten)")
            log.info('Skipping "%s", not overwriting', filename)
            self._kept.pop(rel, None)
            self._fps.pop(rel, None)
            return io.StringIO()
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)")
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)

        def done(text: str) -> None:
            if rel in self._kept:
                self._keep(rel, self._kept.pop(rel))
            else:
                self._store(rel, text.encode(encoding), self._fps.pop(rel, None))

        return _Sink(done)

    # -- files of the plugin's own, and Pelican's feeds

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
                fp = digest(self.key, rel, *(self.fingerprint.value(p) for p in fp_parts))
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
        return digest(*(f"{rel}={rec[1]}:{rec[2]}" for rel, rec in sorted(self.files.items())
                        if rel.endswith(".html")))

    # -- end of build

    def finish(self) -> None:
        """Remove our files that this build did not write; save the state (this
        output folder's own, see :func:`output_dir`); put Pelican's static copy back."""
        self._static.__exit__(None, None, None)
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
        state = {"version": STATE_VERSION, "key": self.key, "output": self.real_output,
                 "files": self.files, "templates": self.templates}
        atomic_write(self.state_path, json.dumps(state, sort_keys=True,
                                                 separators=(",", ":")), durable=False)
        atomic_write(self.slot / "folder", self.real_output, durable=False)
        for path in self._legacy:
            path.unlink(missing_ok=True)
        prune_output_dirs(self.settings, self.slot)
        s = self.stats
        log.info("news-digest: %d files rendered (%d written, %d identical), %d up to "
                 "date, %d removed", s["rendered"], s["written"], s["unchanged"],
                 s["skipped"], s["removed"])
