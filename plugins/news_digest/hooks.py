"""Pelican signal handlers: the only place that knows Pelican's objects.

Each handler reads what it needs from Pelican, calls plain stage functions, and puts
the result back. Keep them short.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

from news_digest.errors import NewsDigestError
from news_digest.settings import Settings, SettingsError
from news_digest.text import shown_path

log = logging.getLogger(__name__)


def check_settings(pelican: Any) -> None:
    """Stop at once, with one line naming the setting and what it should be, when a
    ``NEWS_DIGEST_*`` setting is of the wrong kind. Raised later, Pelican would log it
    with fifty lines of its own traceback, which tell a user nothing more."""
    try:
        Settings.from_pelican(pelican.settings)
    except SettingsError as exc:
        raise SystemExit(f"news-digest: {exc}") from None


def ingest_before_build(pelican: Any) -> None:
    """Ingest new or changed seeds into ``PATH`` before Pelican reads content.

    Connected to ``get_generators``, which Pelican sends at the start of every run, so
    ``make devserver``/``regenerate`` ingest too, not only the first build. Returns no
    generator. A user-fixable failure (a bad setting, a broken ``entities.yml`` or
    ``topics.yml``) skips ingest with one error line; the site is still built from the
    posts already there.
    """
    from news_digest.ingest.run import ingest
    from news_digest.vocab.registry import new_build

    new_build()  # a registry still broken is named again in this build, once
    try:
        s = Settings.from_pelican(pelican.settings)
        if not s.auto_ingest:
            return
        if not s.seeds.exists():
            log.warning("news-digest: seeds folder %s not found; nothing to ingest",
                        shown_path(s.seeds))
            return
        report = ingest(s, while_waiting=_warm_resolution)
    except NewsDigestError as exc:
        log.error("news-digest: ingest skipped: %s", exc)
        return
    # Skipped seeds, kept curated posts and the warnings of each post written were
    # logged by ingest, one line each; say here what only the command said before, then
    # the summary, always (Pelican's default level hides INFO, and a build should say
    # what ingest did).
    for post in report.orphaned:
        log.warning("news-digest: seed gone, post kept: %s", post)
    say(f"news-digest: ingest: {report.summary_line()}")


def _warm_resolution() -> None:
    """New seeds mean the build resolves entities again: load what that reads while
    ingest's worker enriches them (:func:`news_digest.enrich.resolve.warm`)."""
    from news_digest.enrich.resolve import warm

    warm()


def say(line: str) -> None:
    """Print one line on Pelican's console, as its own "Done: …" line is, unwrapped."""
    from pelican.log import console

    console.print(line, soft_wrap=True, highlight=False, markup=False, emoji=False)


class WholeLines(logging.Handler):
    """Our log lines as ``LEVEL message`` on Pelican's console, never wrapped.

    Pelican's rich handler lays each record out in a table as wide as the terminal
    (80 columns when piped, as under ``make``) and folds long words, so a seed's path
    broke mid-name. This handler prints ``news_digest`` records whole (soft wrap: the
    terminal wraps, nothing is cut or folded); ``PelicanHandlerSkip`` keeps Pelican's
    handler from printing them twice.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            say(f"{record.levelname:<8} {self.format(record)}")
        except Exception:  # a logging handler must never raise
            self.handleError(record)


class PelicanHandlerSkip(logging.Filter):
    """On Pelican's handler: leave ``news_digest`` records to :class:`WholeLines`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.name.startswith("news_digest")


def whole_log_lines(pelican: Any) -> None:
    """Route the plugin's log records to :class:`WholeLines` (once per process).

    Records still propagate to the root logger (so pytest's ``caplog`` and any other
    handler see them); only Pelican's own rich handler is told to skip them.
    """
    from pelican.log import DEFAULT_LOG_HANDLER

    ours = logging.getLogger("news_digest")
    if not any(isinstance(h, WholeLines) for h in ours.handlers):
        ours.addHandler(WholeLines())
    if not any(isinstance(f, PelicanHandlerSkip) for f in DEFAULT_LOG_HANDLER.filters):
        DEFAULT_LOG_HANDLER.addFilter(PelicanHandlerSkip())


def watch_seeds(pelican: Any) -> None:
    """Make ``pelican --autoreload`` (``make devserver``) rebuild when a seed arrives or a
    curator edits ``data/`` (the entity registry, the topics), not only on content,
    theme and settings changes: both folders sit outside ``PATH``, and Pelican watches
    only what its own settings name. Pelican has no setting or signal for extra watched
    paths, so its ``wait_for_changes`` (what the autoreload loop calls between builds)
    is replaced, once per process, by :func:`wait_for_changes_and_seeds`."""
    import pelican as pelican_module

    if pelican_module.wait_for_changes is not wait_for_changes_and_seeds:
        pelican_module.wait_for_changes = wait_for_changes_and_seeds


def wait_for_changes_and_seeds(settings_file: str, settings: dict[str, Any]) -> set:
    """Pelican's own ``wait_for_changes``, with the seeds folder and the data folder
    watched too. Pelican watches ``PATH`` joined with each of ``STATIC_PATHS``; an
    absolute path survives that join, so the two folders are handed to it as two more
    static paths, in a copy of the settings only this call sees. Being called at all
    means this process outlives its build, so later seeds are enriched here with a
    model it keeps (:func:`news_digest.ingest.workers.stay_resident`)."""
    from pelican.utils import wait_for_changes

    from news_digest.ingest.workers import stay_resident

    try:
        digest = Settings.from_pelican(settings)
    except NewsDigestError:  # ingest has said why; watch what Pelican watches
        return wait_for_changes(settings_file, settings)
    stay_resident(digest)  # this process lives on: keep the NER model for later seeds
    watched = [str(p.resolve()) for p in (digest.seeds, digest.data_dir) if p.exists()]
    return wait_for_changes(settings_file, {
        **settings, "STATIC_PATHS": [*settings.get("STATIC_PATHS", []), *watched]})


def exclude_notes(pelican: Any) -> None:
    """Keep the editor's notes folder (``content/editions/``) out of Pelican's articles
    and pages: a note belongs to an edition (``notes.py``), it is not a story."""
    s = Settings.from_pelican(pelican.settings)
    try:
        rel = s.notes_path.resolve().relative_to(
            Path(pelican.settings.get("PATH", "content")).resolve())
    except ValueError:
        return  # outside PATH: Pelican never sees it
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES"):
        excludes = list(pelican.settings.get(key) or [])
        if rel.as_posix() not in excludes:
            excludes.append(rel.as_posix())
        pelican.settings[key] = excludes


def check_content_cache(pelican: Any) -> None:
    """Skip Pelican's content cache when settings or our reader changed (it checks
    neither: ``pelican/cache.py`` compares file mtimes only); keep compiled templates."""
    from news_digest.site.incremental import cache_compiled_templates, check_content_cache

    check_content_cache(pelican.settings)
    cache_compiled_templates(pelican.settings)


def incremental_writer(pelican: Any) -> type:
    """A writer that renders only pages whose inputs changed (``site/incremental/``).

    Pelican makes the writer itself from the class we return; the subclass made here
    hands the instance back to this run's ``pelican`` object, so ``finish_build`` finds
    it without a module-level registry of writers.
    """
    from news_digest.site.incremental import IncrementalWriter

    class RunWriter(IncrementalWriter):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            pelican.news_digest_writer = self

    return RunWriter


def finish_build(pelican: Any) -> None:
    """Remove pages that left the site and save the build state; index the site with
    Pagefind (when enabled, installed, and a page changed since the last index); note
    the content cache key."""
    from news_digest.site.incremental import save_content_cache_key
    from news_digest.site.search import run_search

    writer = getattr(pelican, "news_digest_writer", None)
    pages = None
    if writer is not None:
        writer.finish()
        pages = writer.pages_digest()
        pelican.news_digest_writer = None
    run_search(pelican.output_path, pelican.settings, pages)
    save_content_cache_key(pelican.settings)


def freeze_heap(*_: Any) -> None:
    """Leave every object alive now out of the garbage collector's later full passes.

    A 5,000-article build holds millions of objects until it ends (the articles, then
    the site model). CPython runs a full collection each time the heap grows by a
    quarter, and each one walks all of them: about a dozen per build, 2 of the 15
    seconds of a rebuild with nothing new at 5k. ``gc.freeze`` moves what is alive to
    a generation the collector skips. Reference counting still frees those objects;
    only their cycles wait until :func:`thaw_heap` hands them back at the end of the
    build (or at the start of the next one, after a build that failed half-way in a
    long-lived ``pelican --autoreload`` process). Sent where the heap has just grown
    and stays: after ingest (what it loaded in this process stays), after Pelican read
    the articles, and after every generator built its context.
    """
    gc.freeze()


def thaw_heap(*_: Any) -> None:
    """Give the objects :func:`freeze_heap` set aside back to the collector."""
    gc.unfreeze()


def add_template_filters(generator: Any) -> None:
    """``story_card`` (cards rendered once per build) and ``plural`` (``site/fragments.py``)."""
    from news_digest.site.fragments import install

    install(generator)


def add_reader(readers: Any) -> None:
    """Read ``.md`` posts with YAML front matter; other Markdown goes to Pelican's reader."""
    from news_digest.site.reader import NewsDigestReader

    for ext in NewsDigestReader.file_extensions:
        readers.reader_classes[ext] = NewsDigestReader


def digest_generator(pelican: Any) -> type:
    """The generator for topic, entity, edition and search pages, feeds and sitemaps."""
    from news_digest.enrich.resolve import resolve_corpus
    from news_digest.site.generator import DigestGenerator

    class RunGenerator(DigestGenerator):
        # corpus-level entity resolution lives in enrich/; the site room is handed it
        entity_resolver = staticmethod(resolve_corpus)

    return RunGenerator
