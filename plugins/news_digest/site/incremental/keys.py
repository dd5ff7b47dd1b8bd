"""What every page of a build depends on besides its own context: settings, code, theme."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from news_digest.provenance import versions
from news_digest.site.incremental.fingerprint import Fingerprinter, Unfingerprintable, digest
from news_digest.text import atomic_write

log = logging.getLogger(__name__)

STATE_VERSION = 1
STATE_NAME = "build-state.json"
SEARCH_MARKER_NAME = "search-index"
OUTPUTS_DIR = "news-digest/outputs"
LEGACY_FILES = ("news-digest/build-state.json", "news-digest/search-index")
"""Where the build state and the search-index marker were kept before they moved per
output folder: one file for every folder, so a build into another folder overwrote
it and the next build into ``output/`` no longer knew what it had written there."""
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


def output_dir(settings: Mapping[str, Any], output_path: str | os.PathLike[str]) -> Path:
    """The cache folder of one output folder: its build state and search-index marker.

    What a build wrote, and what Pagefind indexed, belongs to the folder written, not
    to the cache: a preview build elsewhere (``pelican content -o /tmp/preview``) shares
    ``CACHE_PATH`` with ``output/``, and with one state for both the next build into
    ``output/`` would not know which of its files left the site. Named by the digest of
    the folder's real path; the file ``folder`` inside names the folder, for
    :func:`prune_output_dirs`.
    """
    real = os.path.realpath(output_path)
    return Path(settings.get("CACHE_PATH", "cache")) / OUTPUTS_DIR / digest("output", real)


def prune_output_dirs(settings: Mapping[str, Any], keep: Path) -> None:
    """Drop the cache folders of output folders that no longer exist (a preview or a
    test's temporary folder, deleted): their pages are gone with them, so their state
    has nothing left to skip or to clean up."""
    for slot in (Path(settings.get("CACHE_PATH", "cache")) / OUTPUTS_DIR).glob("*/folder"):
        if slot.parent == keep:
            continue
        try:
            folder = slot.read_text(encoding="utf-8")
        except OSError:
            continue
        if folder and not os.path.isdir(folder):
            shutil.rmtree(slot.parent, ignore_errors=True)


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
    return digest(*parts)


def code_digest(settings: Mapping[str, Any]) -> str:
    """Source of the plugins in use and versions of the libraries that render output."""
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
    libraries = versions("pelican", "jinja2", "markdown", "feedgen", "lxml", "pyyaml",
                         "markupsafe")
    return digest(f"state={STATE_VERSION}", *libraries, _files_digest(files))


def templates_digest(settings: Mapping[str, Any]) -> str:
    import pelican

    folders = [Path(settings.get("THEME", "")) / "templates",
               Path(pelican.__file__).parent / "themes" / "simple" / "templates"]
    folders += [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or ()]
    return _files_digest(p for f in folders for p in _tree(f))


def build_key(settings: Mapping[str, Any]) -> str:
    return digest(settings_digest(settings), code_digest(settings), templates_digest(settings))


def content_cache_key(settings: Mapping[str, Any]) -> str:
    """What Pelican's content cache depends on beyond each file's mtime: settings
    (URL patterns, date formats, Markdown options) and the reader's code and libraries.
    Pelican compares neither, so :func:`check_content_cache` does."""
    return digest("content", settings_digest(settings), code_digest(settings))


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
        atomic_write(Path(settings["CACHE_PATH"]) / CONTENT_KEY_FILE, key, durable=False)


def cache_compiled_templates(settings: dict[str, Any]) -> None:
    """Keep the theme's compiled templates in ``CACHE_PATH/news-digest/jinja``.

    Pelican compiles every template on every run (≈ 1 s for this theme); Jinja's own
    bytecode cache, keyed by each template's source checksum, makes a rebuild load them
    instead. A ``bytecode_cache`` the site configured itself is left alone.
    """
    from jinja2 import FileSystemBytecodeCache

    env = dict(settings.get("JINJA_ENVIRONMENT") or {})
    if "bytecode_cache" in env or not settings.get("CACHE_PATH"):
        return
    folder = Path(settings["CACHE_PATH"]) / "news-digest" / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("news-digest: cannot cache compiled templates in %s (%s)", folder, exc)
        return
    env["bytecode_cache"] = FileSystemBytecodeCache(str(folder))
    settings["JINJA_ENVIRONMENT"] = env
