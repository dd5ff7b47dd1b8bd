"""One seed → one article, in worker processes: clean, date, then enrich in batches.

What a worker gets is a :class:`Job` (the seed, its source's boilerplate, its index
row); what it gives back is an :class:`~news_digest.model.Article` or a :class:`Skip`
naming why the seed gave none. Any exception is that seed's alone (issue #12, "nothing
lost"); a worker that dies has its batch redone in the main process.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing
import os
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time
from pathlib import Path

from news_digest.enrich.pipeline import EnrichContext, enrich, with_registered_steps
from news_digest.ingest import writer as posts
from news_digest.ingest.clean import capped, clean
from news_digest.ingest.dates import date_from_path, stated_date
from news_digest.ingest.formats import RECORD_FORMATS
from news_digest.ingest.isolate import enrich_each, failure_reason
from news_digest.model import Article, Draft, RawSeed, Source
from news_digest.settings import Settings
from news_digest.text import web_url

log = logging.getLogger(__name__)

NO_ARTICLE = "no article text found (only boilerplate or a title)"
"""Why a seed whose cleaning left no paragraph is skipped."""

_MARK = r"(?:©|\(c\)|@|\bcopyright\b)"
_YEARS = r"(?:19|20)\d\d(?:\s*[-–—/]\s*(?:(?:19|20)\d\d|\d\d)|(?:\s*,\s*(?:19|20)\d\d)+)?"
_NOTICE = (
    rf"{_MARK}(?:\s*(?:{_MARK}|{_YEARS}\b))*\s*[-–—,:]?\s*(?:of\s+)?"
    r"(?P<owner>[A-Z][\w&.' -]{1,60}?)"
    r"(?:,?\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|plc|GmbH)\.?)?"
    rf"\s*[.,-]?\s*(?:{_YEARS}\s*[.,]?\s*)?All Rights Reserved"
)
"""A copyright notice and its owner: "© 2025 AlterNet Media Inc. All rights reserved",
"© Copyright 2015 NYP Holdings, Inc. All rights reserved" (the owner "NYP Holdings")."""
_OPENING_NOTICE = re.compile(_NOTICE, re.IGNORECASE)
"""Matched at the start of a line: the line opens with the notice ("© 2019 NYP Holdings,
Inc. All Rights Reserved | Terms of Use | …"), whatever the cleaner called the rest."""
_COPYRIGHT_OWNER = re.compile(
    # the notice starts the line, a sentence or a "|" part, after at most a short label
    # ("WIRED.com ©…", "All contents ©…"): "…Data Collector TAG Copyright (c) 1996-2009
    # WebTrends Inc. All rights reserved." inside an analytics script's text is no notice
    rf"(?:^|(?<=[.!?|])\s+)(?:[^\s|]+\s+){{0,3}}?{_NOTICE}", re.IGNORECASE)
_NOT_OWNER = re.compile(rf"{_MARK}|\b{_YEARS}\b|\ball rights reserved\b", re.IGNORECASE)
_GLUED = re.compile(r"(?<=[a-z])\.(?=[A-Z])")
"""Two sentences run together by the dump ("Cable News Network.Turner Broadcasting"):
the owner is the first."""
NOTICE_REASONS = frozenset({"copyright", "repeated across source"})
"""Removed lines a notice may be read from anywhere in (after a sentence or a label):
those the cleaner's copyright rule named, and a footer repeated across a source's pages
(learned as its boilerplate before the rule looks at it). In a line dropped for another
reason (script text, "not prose") only a notice that opens the line counts."""
NOTICE_WORDS = 40
"""The cleaner's own limit for a copyright line (``clean_rules``): longer is not a notice."""


@dataclass(frozen=True)
class Job:
    """One seed for a worker: the seed, its source's learned boilerplate, its index row."""

    raw: RawSeed
    junk: frozenset[str]
    index: dict[str, dict[str, str]]
    """The seed's own ``index.tsv`` row (file name → row), or empty: not the whole index."""


@dataclass(frozen=True)
class Skip:
    """A seed that gave no article, and why."""

    reason: str
    remember: bool
    """True when the seed holds no article: the manifest remembers it, so an unchanged
    seed is not cleaned again on the next run."""


def to_draft(raw: RawSeed, junk: frozenset[str]) -> Draft:
    """Clean a seed with the cleaner for its format; the body capped (``clean.capped``)."""
    if raw.format in RECORD_FORMATS:  # a JSON record or feed entry (formats.py)
        from news_digest.ingest.formats import record_draft

        return capped(record_draft(raw))
    from news_digest.ingest.extract import PAGE_IN_TITLE, extract_html, page_in_title

    if raw.format == "html" or page_in_title(raw.text):
        draft = extract_html(raw)
        if raw.format != "html":  # a text dump whose title line holds the whole page
            draft = replace(draft, warnings=(*draft.warnings, PAGE_IN_TITLE))
        return capped(draft)
    draft = clean(raw, junk)
    stated = dict(raw.meta).get("title")  # a text seed's own front matter (seeds.py)
    return capped(replace(draft, title=stated) if stated else draft)


def seed_meta(raw: RawSeed, index: dict[str, dict[str, str]]) -> dict[str, str]:
    """What is known about a seed besides its text: its ``index.tsv`` row, then (for
    saved pages) the page's own metadata. The scraper's index wins."""
    meta = dict(index.get(Path(raw.rel).name, {}))
    if "date" in meta:
        meta["date_field"] = "index.tsv date"
    if raw.format == "html":
        from news_digest.ingest.extract import html_meta

        meta = {**html_meta(raw), **meta}
    if raw.meta:  # what a JSON record or feed entry states about itself
        meta = {**dict(raw.meta), **meta}
    url = meta.get("url")
    if url is not None and web_url(url) is None:
        # The theme links the source; a "javascript:" URL from a scraper would be a link
        # that runs script. Only plain http(s) URLs are kept.
        log.warning("%s: source url %r is not an http(s) URL; left out",
                    raw.shown, url[:200])
        meta = {k: v for k, v in meta.items() if k != "url"}
    return meta


MTIME_WARNING = ("no date in the seed, its path or an index.tsv; "
                 "dated by the file's modification time")
"""On a post dated by its seed's mtime: that date leads the home page and the feeds,
and a copy or a checkout changes it, so the curator should give the post its date."""

DATED_BY = {"dateline": "its dateline", "path": "its path",
            "file-mtime": "the file's modification time"}
"""How a warning says where a post's date came from instead of the date its seed stated."""


def unread_date(meta: dict[str, str]) -> str | None:
    """Why the date a seed states (a record's field, an ``index.tsv`` cell, a page's
    metadata) cannot be read, naming the field and the value: "date_publish
    '03/04/2005' is ambiguous (day or month first?)"; None when it is read or absent.
    Without it the post would say "no date in the seed" about a seed that has one."""
    value = meta.get("date")
    if not value:
        return None
    date, why = stated_date(value)
    if date is not None and _utc(date) is not None:
        return None
    if date is not None:  # 9999-12-31T23:30-05:00 is a date, but none in UTC
        why = "is outside the years 1 to 9999 in UTC"
    shown = value if len(value) <= 60 else value[:60] + "…"
    return f"{meta.get('date_field') or 'date'} {shown!r} {why}"


def resolve_date(draft: Draft, raw: RawSeed, meta: dict[str, str]) -> tuple[datetime, str]:
    """The article's date and where it came from, most trustworthy source first."""
    timed = None
    if meta.get("date"):
        date = stated_date(meta["date"])[0]
        timed = _utc(date) if date is not None else None
    # A dateline with a day only (midnight) yields to metadata that has the same day
    # with a time: the page knew when, the dateline only which day.
    day_only = draft.date is not None and draft.date.time() == time() and \
        timed is not None and timed.time() != time() and timed.date() == draft.date.date()
    if draft.date is not None and (utc := _utc(draft.date)) is not None and not day_only:
        return utc, "dateline"
    if timed is not None:
        return timed, "metadata"
    date = date_from_path(raw.rel)
    if date is not None:
        return date, "path"
    try:
        return datetime.fromtimestamp(int(raw.mtime), tz=UTC), "file-mtime"
    except (OverflowError, OSError, ValueError):  # an mtime past year 9999 (tmpfs allows it)
        return datetime.fromtimestamp(0, tz=UTC), "file-mtime"


def _utc(value: datetime) -> datetime | None:
    """``value`` in UTC, or None when that falls outside years 1–9999 (0001-01-01 00:30
    +05:00 has no UTC datetime); the caller then tries the next, less trusted source."""
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def publisher_from(draft: Draft) -> str | None:
    """The owner named in a removed copyright notice ("© 2025 AlterNet Media Inc. All…"),
    with the marks, years and "All rights reserved" left out; ``None`` when no removed
    line is a notice that names one. A copyright line inside script text (an analytics
    tag's "…TAG Copyright (c) 1996-2009 WebTrends Inc. All rights reserved.") is not a
    notice: a notice opens its line, or (:data:`NOTICE_REASONS`) a sentence of it."""
    for removed in draft.removed:
        match = _OPENING_NOTICE.match(removed.text)
        if match is None and removed.reason in NOTICE_REASONS \
                and len(removed.text.split()) <= NOTICE_WORDS:
            match = _COPYRIGHT_OWNER.search(removed.text)
        if match is None:
            continue
        owner = match.group("owner")
        owner = owner[:glued.start()] if (glued := _GLUED.search(owner)) else owner
        owner = " ".join(_NOT_OWNER.sub(" ", owner).split()).strip(" -.,")
        if owner[:1].isalpha():
            return owner
    return None


def to_article(raw: RawSeed, draft: Draft, meta: dict[str, str], settings: Settings,
               slug: str) -> Article:
    date, date_source = resolve_date(draft, raw, meta)
    source = Source(
        seed=raw.rel,
        sha256=raw.sha256,
        publisher=meta.get("publisher") or publisher_from(draft) or settings.publisher,
        url=meta.get("url"),
    )
    warnings = (*raw.warnings, *draft.warnings)
    unread = unread_date(meta) if date_source in DATED_BY else None  # else it was read
    if unread is not None:
        warnings = (*warnings, f"{unread}; dated by {DATED_BY[date_source]}")
    elif date_source == "file-mtime":
        warnings = (*warnings, MTIME_WARNING)
    return Article(draft=draft, source=source, date=date, date_source=date_source, slug=slug,
                   warnings=warnings)


# --- parallel enrichment -----------------------------------------------------------------

_worker_ctx: EnrichContext | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_ctx
    _worker_ctx = EnrichContext(settings)


def _process_in_worker(jobs: list[Job]) -> list[Article | Skip]:
    assert _worker_ctx is not None
    return process(jobs, _worker_ctx)


def _warm_worker() -> None:
    """Load this worker's models (spaCy, registry, taxonomy) before its first batch."""
    assert _worker_ctx is not None
    with suppress(Exception):  # a step that cannot take an empty batch loads on its first
        enrich([], _worker_ctx)


def prepare(job: Job, settings: Settings) -> Article | Skip:
    """Clean one seed into an article. Its slug is the title's slug, provisional: the
    final one (``-2`` on a collision) is given in seed order when the post is written."""
    article, skip = examine(job, settings)
    if skip is not None:
        return skip
    assert article is not None
    return article


def examine(job: Job, settings: Settings, *, keep_empty: bool = False,
            ) -> tuple[Article | None, Skip | None]:
    """Ingest's rules for one seed: the article it gives and, when ingest would skip
    it, why. ``inspect`` calls this too, with ``keep_empty`` to still show what cleaning
    made of a seed that has no article text (ingest does not build that article)."""
    # --- issue #12 "nothing lost": any exception here is this seed's alone ---
    try:
        meta = seed_meta(job.raw, job.index)
        draft = to_draft(job.raw, job.junk)
        if not draft.paragraphs:
            skip = Skip(NO_ARTICLE, remember=True)
            if not keep_empty:
                return None, skip
            return to_article(job.raw, draft, meta, settings, posts.post_slug(draft.title)), skip
        return to_article(job.raw, draft, meta, settings, posts.post_slug(draft.title)), None
    except Exception as exc:  # one bad seed must not stop the build
        return None, Skip(failure_reason("cleaning", exc), remember=False)


def process(jobs: Sequence[Job], ctx: EnrichContext) -> list[Article | Skip]:
    """Clean a batch of seeds, then enrich its articles as one batch (NER streams all
    their texts through ``nlp.pipe``); one result per job, in order. A seed whose
    enrichment raises becomes a :class:`Skip` naming the reason; the others of its batch
    are enriched without it (:func:`isolate.enrich_each`)."""
    prepared = [prepare(job, ctx.settings) for job in jobs]
    articles = [p for p in prepared if isinstance(p, Article)]
    enriched = iter(enrich_each(articles, ctx))
    out: list[Article | Skip] = []
    for item in prepared:
        result = next(enriched) if isinstance(item, Article) else item
        out.append(Skip(result, remember=False) if isinstance(result, str) else result)
    return out


def worker_count(settings: Settings, n_articles: int) -> int:
    """Processes to use: one per core (at most 4), and only when the work pays for a
    model load per worker."""
    wanted = settings.processes or min(4, os.cpu_count() or 1)
    batches = -(-n_articles // max(1, settings.batch_size))
    return max(1, min(wanted, batches if n_articles >= 4 * settings.batch_size else 1))


_resident = False
"""Set by :func:`stay_resident`: this process outlives its build (autoreload)."""


def stay_resident(settings: Settings) -> None:
    """Called while a long-lived ``pelican --autoreload`` process waits for changes:
    from now on a small ingest enriches in this process, with the NER model this
    process keeps (:func:`news_digest.enrich.ner.load_spacy`), instead of forking a
    worker that loads it again for every seed; the model is loaded now, in the
    background, while nothing else runs."""
    global _resident
    if _resident:
        return
    _resident = True
    if settings.ner_backend == "rules" or not settings.auto_ingest:
        return  # no model to keep, or no ingest in this process's builds
    import threading

    from news_digest.enrich import ner

    def load() -> None:
        try:
            ner.load_spacy()
        except Exception as exc:  # the next ingest loads it, or says why it cannot
            log.debug("news-digest: NER model not loaded ahead: %s", exc)

    threading.Thread(target=load, name="news-digest-ner", daemon=True).start()


def overlap_worker(settings: Settings) -> bool:
    """Whether a small ingest forks one worker rather than enriching in this process.

    For one hourly seed a worker pool does not pay (each spawned worker imports and
    loads everything again), but the work still splits in two: one forked worker
    imports spaCy, loads the model and enriches (≈ 3 s) while this process learns the
    folder's boilerplate and reads what it needs next (the story index, word tables,
    and in a build the tables entity resolution reads). Forking copies nothing up
    front, so the worker starts at once. Only on Linux (macOS's system libraries are
    not safe to use after ``fork``, which is why Python spawns there), not with one
    core, not when the user asked for one process (``processes = 1``), and not in a
    process that keeps its model (:func:`stay_resident`).
    """
    return (not _resident and settings.processes != 1 and (os.cpu_count() or 1) >= 2
            and sys.platform.startswith("linux")
            and "fork" in multiprocessing.get_all_start_methods())


ONE_THREAD_EACH: tuple[str, ...] = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS",
                                   "MKL_NUM_THREADS", "BLIS_NUM_THREADS")
"""Thread counts of the maths libraries spaCy's model runs on (numpy's OpenBLAS, and
the others a machine may have instead). Ingest already runs one worker process per
core; left to their defaults, each worker's library also starts a thread per core, and
the spare threads spin waiting for work on cores the other workers need: on the 1k
bench corpus, 2 cores, ingest took 62–66 s wall and 117–127 s CPU that way against
56–58 s and 108–110 s with one thread each (``docs/benchmarks.md``)."""


@contextmanager
def _one_thread_each() -> Iterator[None]:
    """Spawned workers start with :data:`ONE_THREAD_EACH` set to 1 (the libraries read
    them when they load); a value the user set is kept, and this process's own
    environment is as it was once the workers are started."""
    saved = {var: os.environ.get(var) for var in ONE_THREAD_EACH}
    for var, value in saved.items():
        if value is None:
            os.environ[var] = "1"
    try:
        yield
    finally:
        for var, value in saved.items():
            if value is None:
                os.environ.pop(var, None)


@contextmanager
def worker_pool(settings: Settings, n_seeds: int, fork: bool = True,
                ) -> Iterator[cf.ProcessPoolExecutor | None]:
    """Workers that start loading their models at once: spawned ones for a large ingest,
    one forked worker for a small one (:func:`overlap_worker`; ``fork=False``: a caller
    that holds loaded models keeps the work), or None when one process will do."""
    workers = worker_count(settings, n_seeds)
    if workers == 1 and not (fork and overlap_worker(settings)):
        yield None
        return
    mp = multiprocessing.get_context("spawn" if workers > 1 else "fork")
    with _one_thread_each():  # a spawned process copies the environment as it starts
        pool = cf.ProcessPoolExecutor(workers, mp_context=mp, initializer=_init_worker,
                                      initargs=(with_registered_steps(settings),))
        try:
            for _ in range(workers):  # starts every worker now
                pool.submit(_warm_worker)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def process_all(jobs: Sequence[Job], settings: Settings, pool: cf.ProcessPoolExecutor | None,
                ctx: EnrichContext | None = None,
                ) -> Iterator[tuple[list[Job], list[Article | Skip]]]:
    """(batch, results) in seed order, each as soon as it and those before it are done,
    so the caller writes posts while the workers go on with later batches. With a pool,
    every batch is handed out before this returns: the caller may do other work before
    it asks for the first result."""
    size = max(1, settings.batch_size)
    batches = [list(jobs[i:i + size]) for i in range(0, len(jobs), size)]
    if pool is None:
        return _in_process(batches, settings, ctx)
    futures = [pool.submit(_process_in_worker, batch) for batch in batches]
    return _collected(batches, futures, settings, ctx)


def _in_process(batches: list[list[Job]], settings: Settings, ctx: EnrichContext | None,
                ) -> Iterator[tuple[list[Job], list[Article | Skip]]]:
    ctx = ctx or EnrichContext(settings)
    for batch in batches:
        yield batch, process(batch, ctx)


def _collected(batches: list[list[Job]], futures: list[cf.Future[list[Article | Skip]]],
               settings: Settings, ctx: EnrichContext | None,
               ) -> Iterator[tuple[list[Job], list[Article | Skip]]]:
    for batch, future in zip(batches, futures, strict=True):
        try:
            results = future.result()
        except Exception as exc:
            # The worker died (killed for memory, a crash in a C extension) or its batch
            # could not be sent back: process that batch here, seed by seed, rather than
            # lose it; the pool's later batches are retried the same way if it is broken.
            log.warning("news-digest: a worker failed on a batch of %d seeds (%s); "
                        "processing them in the main process",
                        len(batch), failure_reason("worker", exc))
            ctx = ctx or EnrichContext(settings)
            results = process(batch, ctx)
        yield batch, results
