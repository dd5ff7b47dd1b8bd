"""Ingest: seeds → clean → enrich → write, incrementally, in parallel, losing nothing.

The manifest (``content/.news-digest/manifest.json``) maps each seed's sha256 to the
post written from it and that post's digest. It makes re-ingest cheap (a stat cache
skips hashing files whose size and mtime are unchanged) and safe: a post whose text no
longer matches what ingest wrote is a curator's, and is kept and reported, never
overwritten. Posts are written before the manifest that names them, both atomically,
so a crash at any point leaves either the old state or a post the next run adopts.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import json
import logging
import multiprocessing
import os
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

import yaml

from news_digest.enrich.pipeline import EnrichContext, enrich, with_registered_steps
from news_digest.ingest import dedup
from news_digest.ingest import writer as posts
from news_digest.ingest.clean import clean, learn_junk
from news_digest.ingest.dates import date_from_path, parse_dateline
from news_digest.ingest.formats import RECORD_FORMATS, is_container, read_records
from news_digest.ingest.isolate import enrich_each, failure_reason
from news_digest.ingest.seeds import (
    CONTAINER_SUFFIXES,
    SEED_SUFFIXES,
    SeedError,
    discover,
    load_index,
    read_seed,
)
from news_digest.ingest.story_state import StoryAssigner
from news_digest.model import Article, Draft, RawSeed, Source, Version
from news_digest.settings import Settings
from news_digest.text import TEMP_FILE, atomic_write, plural, web_url

log = logging.getLogger(__name__)

MANIFEST_VERSION = 1
"""A source URL we link to: http(s), no whitespace or control characters anywhere."""
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.S)
_SHA = re.compile(r"[0-9a-f]{64}")
_YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COPYRIGHT_OWNER = re.compile(
    r"(?:©|\(c\)|@|copyright)\s*(?:\d{4}\s*(?:[-–—,]\s*\d{4})?)?\s*[-–—,:]?\s*"
    r"(?P<owner>[A-Z][\w&.' -]{1,60}?)"
    r"(?:,?\s+(?:Inc|LLC|Ltd|Limited|Corp|Corporation|plc|GmbH)\.?)?"
    r"\s*[.,-]?\s*All Rights Reserved",
    re.IGNORECASE,
)


@dataclass
class Report:
    """What one ingest did, for the summary line and the CLI's exit code."""

    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    curated: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    """Posts a curator deleted; their seeds are not ingested again."""
    warnings: list[str] = field(default_factory=list)
    registry_changes: int = 0
    unknown: list[str] = field(default_factory=list)
    """Files in the seeds folder of a kind that is not read (reported, not an error)."""
    versions: list[str] = field(default_factory=list)
    """Seeds that are near-duplicate copies of another seed's post (listed in its versions)."""

    def summary_line(self) -> str:
        parts = [f"{len(self.new)} new", f"{len(self.updated)} updated",
                 f"{self.unchanged} unchanged", f"{len(self.curated)} kept because curated",
                 f"{len(self.skipped)} skipped"]
        if self.versions:
            parts.append(f"{len(self.versions)} folded into another post as versions")
        if self.removed:
            parts.append(f"{len(self.removed)} deleted by a curator (not rewritten)")
        if self.orphaned:
            parts.append(plural(self.orphaned, "post", "posts")
                         + " whose seed is gone (kept)")
        if self.unknown:
            parts.append(plural(self.unknown, "file", "files")
                         + " not read (not a seed format)")
        return ", ".join(parts)

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


# --- manifest -------------------------------------------------------------------------

def load_manifest(path: Path) -> dict[str, Any]:
    """The manifest, or an empty one; a corrupt file is reported and rebuilt, not fatal."""
    empty: dict[str, Any] = {"version": MANIFEST_VERSION, "posts": {}, "stat": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return empty
    except (OSError, ValueError) as exc:
        log.warning("%s: unreadable manifest (%s); rebuilding it from the posts", path, exc)
        return empty
    if not isinstance(data, dict) or not isinstance(data.get("posts"), dict):
        log.warning("%s: not a news-digest manifest; rebuilding it from the posts", path)
        return empty
    data.setdefault("stat", {})
    return data


def save_manifest(path: Path, manifest: dict[str, Any]) -> None:
    atomic_write(path, json.dumps(manifest, sort_keys=True, indent=1,
                                        ensure_ascii=False) + "\n")




def remove_stale_temps(content: Path) -> int:
    """Delete temp files a killed run left between writing and renaming them.

    Pelican would not read them (no reader takes ``.tmp``), but they are litter in a
    folder curators work in. Ingest runs one at a time per site, so any such file is stale.
    """
    removed = 0
    for path in sorted(content.rglob(".*.tmp")):
        if TEMP_FILE.fullmatch(path.name) and path.is_file() and not path.is_symlink():
            path.unlink(missing_ok=True)
            log.info("%s: removed a temp file left by an interrupted ingest", path)
            removed += 1
    return removed


def adopt_posts(content: Path, manifest: dict[str, Any]) -> None:
    """Add posts on disk that name a seed sha256 the manifest lacks (after a crash or a
    lost manifest), so their seeds are not ingested twice under a second slug."""
    known = {entry["post"] for entry in manifest["posts"].values()}
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content).as_posix()
        if rel in known or rel.startswith("."):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        sha = seed_sha(text)
        if sha and sha not in manifest["posts"]:
            manifest["posts"][sha] = {
                "post": rel, "seed": None,
                "digest": posts.text_digest(text) if posts.is_untouched(text) else None,
            }


def seed_sha(text: str) -> str | None:
    """The seed hash a post names in ``source.sha256``, read from its parsed front matter.

    Parsed, not matched by a pattern: PyYAML writes ``source`` in flow style
    (``source: {…, sha256: ef72…}``) when no value needs quotes, and a title may
    contain the text ``sha256: …`` itself.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    try:
        front = yaml.load(match.group(1), Loader=_YamlLoader)
    except yaml.YAMLError:
        return None
    source = front.get("source") if isinstance(front, dict) else None
    sha = source.get("sha256") if isinstance(source, dict) else None
    return sha if isinstance(sha, str) and _SHA.fullmatch(sha) else None


# --- one seed → one article ---------------------------------------------------------

def to_draft(raw: RawSeed, junk: frozenset[str]) -> Draft:
    """Clean a seed with the cleaner for its format."""
    if raw.format in RECORD_FORMATS:  # a JSON record or feed entry (formats.py)
        from news_digest.ingest.formats import record_draft

        return record_draft(raw)
    if raw.format == "html":
        from news_digest.ingest.extract import extract_html

        return extract_html(raw)
    return clean(raw, junk)


def seed_meta(raw: RawSeed, index: dict[str, dict[str, str]]) -> dict[str, str]:
    """What is known about a seed besides its text: its ``index.tsv`` row, then (for
    saved pages) the page's own metadata. The scraper's index wins."""
    meta = index.get(Path(raw.rel).name, {})
    if raw.format == "html":
        from news_digest.ingest.extract import html_meta

        meta = {**html_meta(raw), **meta}
    if raw.meta:  # what a JSON record or feed entry states about itself
        meta = {**dict(raw.meta), **meta}
    url = meta.get("url")
    if url is not None and web_url(url) is None:
        # The theme links the source; a "javascript:" URL from a scraper would be a link
        # that runs script. Only plain http(s) URLs are kept.
        log.warning("%s: source url %r is not an http(s) URL; left out", raw.path, url[:200])
        meta = {k: v for k, v in meta.items() if k != "url"}
    return meta


def resolve_date(draft: Draft, raw: RawSeed, meta: dict[str, str]) -> tuple[datetime, str]:
    """The article's date and where it came from, most trustworthy source first."""
    timed = None
    if meta.get("date"):
        date = _parse_iso(meta["date"]) or parse_dateline(meta["date"])
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


def _parse_iso(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def publisher_from(draft: Draft) -> str | None:
    """The owner named in a removed copyright line ("© 2025 AlterNet Media Inc. All…")."""
    for removed in draft.removed:
        match = _COPYRIGHT_OWNER.search(removed.text)
        if match:
            return match.group("owner").strip(" -.,")
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
    return Article(draft=draft, source=source, date=date, date_source=date_source, slug=slug,
                   warnings=(*raw.warnings, *draft.warnings))


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


def prepare(job: Job, settings: Settings) -> Article | Skip:
    """Clean one seed into an article. Its slug is the title's slug, provisional: the
    final one (``-2`` on a collision) is given in seed order when the post is written."""
    # --- issue #12 "nothing lost": any exception here is this seed's alone ---
    try:
        meta = seed_meta(job.raw, job.index)
        draft = to_draft(job.raw, job.junk)
        if not draft.paragraphs:
            return Skip("no article text found (only boilerplate or a title)", remember=True)
        return to_article(job.raw, draft, meta, settings, posts.post_slug(draft.title))
    except Exception as exc:  # one bad seed must not stop the build
        return Skip(failure_reason("cleaning", exc), remember=False)


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


@contextmanager
def _worker_pool(settings: Settings, n_seeds: int) -> Iterator[cf.ProcessPoolExecutor | None]:
    """Spawned workers that start loading their models at once, or None when one
    process will do (little work: a model load per worker would not pay)."""
    workers = worker_count(settings, n_seeds)
    if workers == 1:
        yield None
        return
    mp = multiprocessing.get_context("spawn")
    pool = cf.ProcessPoolExecutor(workers, mp_context=mp, initializer=_init_worker,
                                  initargs=(with_registered_steps(settings),))
    try:
        for _ in range(workers):
            pool.submit(_warm_worker)
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def process_all(jobs: Sequence[Job], settings: Settings, pool: cf.ProcessPoolExecutor | None,
                ctx: EnrichContext | None = None,
                ) -> Iterator[tuple[list[Job], list[Article | Skip]]]:
    """(batch, results) in seed order, each as soon as it and those before it are done,
    so the caller writes posts while the workers go on with later batches."""
    size = max(1, settings.batch_size)
    batches = [list(jobs[i:i + size]) for i in range(0, len(jobs), size)]
    if pool is None:
        ctx = ctx or EnrichContext(settings)
        for batch in batches:
            yield batch, process(batch, ctx)
        return
    futures = [pool.submit(_process_in_worker, batch) for batch in batches]
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


# --- the run -----------------------------------------------------------------------

@dataclass(frozen=True)
class _Pending:
    raw: RawSeed
    replaces: str | None
    """Post path of an earlier version of this seed that ingest may overwrite."""


def _stat_key(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _unchanged(entry: dict[str, Any], content: Path, report: Report) -> None:
    """A seed ingest already wrote a post for. If that post is gone, a curator deleted it:
    say so, and do not write it again (posts are written before the manifest names them,
    so a manifest entry without its file is never a crash's leftover)."""
    if (content / entry["post"]).exists():
        report.unchanged += 1
    else:
        report.removed.append(entry["post"])


def plan(settings: Settings, manifest: dict[str, Any], report: Report,
         known_skips: dict[str, str] | None = None,
         ) -> tuple[list[_Pending], dict[str, str]]:
    """Decide, per seed, what to do: skip unchanged ones cheaply, read the rest.

    ``known_skips`` maps the sha256 of seeds an earlier run found no article in to the
    reason; those are reported again without being cleaned again.
    Returns the seeds to process and the map of seed path → sha256 for all seeds seen.
    """
    known_skips = known_skips or {}
    manifest.setdefault("skipped", {})
    root = settings.seeds
    content = settings.content
    stat_cache: dict[str, Any] = manifest["stat"]
    by_seed = {e.get("seed"): sha for sha, e in manifest["posts"].items() if e.get("seed")}
    seen: dict[str, str] = {}
    pending: list[_Pending] = []
    pending_shas: dict[str, str] = {}

    # --- JSON, JSON Lines and feed files: one seed per record (issue #15) ---
    def plan_records(path: Path, rel: str, key: list[int] | None, cached: Any) -> None:
        """Plan each record of a many-article file like a seed of its own. The stat cache
        lists the file's records and the records left out (``[size, mtime_ns, sha256,
        [[rel, sha], …], [[where, reason], …]]``), so an unchanged file is not parsed
        again; its bad records are reported again from the cache."""
        if cached and key and cached[:2] == key and len(cached) == 5 and all(
                sha in manifest["posts"] or sha in known_skips for _, sha in cached[3]):
            report.skipped.extend((f"{path}{where}", reason) for where, reason in cached[4])
            for record, sha in cached[3]:
                seen[record] = sha
                if sha in manifest["posts"]:
                    _unchanged(manifest["posts"][sha], content, report)
                else:
                    manifest["skipped"][sha] = known_skips[sha]
                    report.skipped.append((f"{path}{record[len(rel):]}", known_skips[sha]))
            return
        try:
            records = read_records(path, root if root.is_dir() else None)
        except SeedError as exc:
            report.skipped.append((str(path), str(exc)))
            for record, sha in cached[3] if cached and len(cached) == 5 else ():
                seen[record] = sha  # unreadable now, but its posts' seed is not gone
            return
        report.skipped.extend((problem.label, problem.reason) for problem in records.problems)
        if key:
            listed = [[raw.rel, raw.sha256] for raw in records.seeds]
            left_out = [[p.label[len(str(path)):], p.reason] for p in records.problems]
            stat_cache[rel] = [*key, records.sha256, listed, left_out]
        for raw in records.seeds:
            seen[raw.rel] = raw.sha256
            entry = manifest["posts"].get(raw.sha256)
            if raw.sha256 in pending_shas or entry:
                # The same record again (overlapping feed snapshots, a copied file): the
                # post made from its first copy stands; no second post, no error.
                if entry:
                    entry["seed"] = entry.get("seed") or raw.rel
                    _unchanged(entry, content, report)
                else:
                    report.unchanged += 1
                continue
            old_sha = by_seed.get(raw.rel)
            old = manifest["posts"].get(old_sha) if old_sha else None
            pending.append(_Pending(raw, old["post"] if old else None))
            pending_shas[raw.sha256] = raw.rel
            for warning in raw.warnings:  # e.g. a feed entry with only its summary
                log.warning("%s: %s", raw.path, warning)
    # --- end of issue #15 block ---

    unknown: list[Path] = []
    for path in discover(root, unknown):
        rel = path.relative_to(root).as_posix() if root.is_dir() else path.name
        key = _stat_key(path)
        cached = stat_cache.get(rel)
        if is_container(path):
            plan_records(path, rel, key, cached)
            continue
        if cached and key and cached[:2] == key and cached[2] in manifest["posts"]:
            seen[rel] = cached[2]
            _unchanged(manifest["posts"][cached[2]], content, report)
            continue
        if cached and key and cached[:2] == key and cached[2] in known_skips:
            # Unchanged and found to hold no article last time: say so again, but do not
            # re-clean it (a million-line seed costs seconds on every build otherwise).
            seen[rel] = cached[2]
            manifest["skipped"][cached[2]] = known_skips[cached[2]]
            report.skipped.append((str(path), known_skips[cached[2]]))
            continue
        try:
            raw = read_seed(path, root if root.is_dir() else None)
        except SeedError as exc:
            report.skipped.append((str(path), str(exc)))
            continue
        seen[rel] = raw.sha256
        if key:
            stat_cache[rel] = [*key, raw.sha256]
        if raw.sha256 in pending_shas:
            first = pending_shas[raw.sha256]
            report.skipped.append((str(path), f"duplicate of {first} (same bytes)"))
            continue
        entry = manifest["posts"].get(raw.sha256)
        if entry:
            if entry.get("seed") not in (None, rel) and (root / entry["seed"]).exists() \
                    and entry["seed"] in seen:
                report.skipped.append((str(path), f"duplicate of {entry['seed']} (same bytes)"))
                continue
            entry["seed"] = entry.get("seed") or rel
            _unchanged(entry, content, report)
            continue
        old_sha = by_seed.get(rel)
        old = manifest["posts"].get(old_sha) if old_sha else None
        pending.append(_Pending(raw, old["post"] if old else None))
        pending_shas[raw.sha256] = rel
    kinds = ", ".join(f"*{suffix}" for suffix in (*SEED_SUFFIXES, *CONTAINER_SUFFIXES))
    for path in unknown:
        report.unknown.append(str(path))
        log.warning("not a seed format: %s (seeds are %s)", path, kinds)
    return pending, seen


JUNK_SAMPLE = 200
"""Seeds of a folder read to learn its boilerplate. A source's chrome repeats on nearly
every page, so a sample finds it; reading the whole folder would make adding one seed
to a 100k archive cost a full re-read."""


def learn_source_junk(root: Path, pending: Sequence[_Pending],
                      similarity: float = dedup.DEFAULT_SIMILARITY) -> dict[str, frozenset[str]]:
    """Each folder with new seeds → its boilerplate (see :func:`folder_junk`)."""
    known = {p.raw.path: p.raw.text for p in pending}  # read by plan(): not read twice
    junk: dict[str, frozenset[str]] = {}
    for folder in sorted({str(Path(p.raw.rel).parent) for p in pending}):
        junk[folder] = folder_junk(root / folder if root.is_dir() else root.parent, known,
                                   similarity)
    return junk


def folder_junk(folder: Path, known: Mapping[Path, str] | None = None,
                similarity: float = dedup.DEFAULT_SIMILARITY) -> frozenset[str]:
    """Lines that repeat across seeds of one folder are that source's boilerplate.

    A folder is one source (one scraper target). The sample is the first
    :data:`JUNK_SAMPLE` files in an order fixed by a hash of their names, so it does not
    depend on which seeds happen to be new; ``known`` holds texts already read.
    Near-duplicate copies of one article count as one page (see :mod:`dedup`), so an
    article scraped three times does not have its body learned as chrome.
    """
    known = known or {}
    files = [p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm")
             and not p.name.startswith(".")] if folder.is_dir() else []
    files.sort(key=lambda p: hashlib.sha1(p.name.encode("utf-8", "surrogateescape"),
                                          usedforsecurity=False).hexdigest())
    texts = []
    for path in files[:JUNK_SAMPLE]:
        if path in known:
            texts.append(known[path])
            continue
        try:
            texts.append(read_seed(path).text)
        except SeedError:
            continue
    if len(texts) < 3:
        return frozenset()
    return dedup.learn_junk_once_per_article(texts, learn_junk, similarity)


def _claimable(path: Path, sha: str) -> bool:
    """A post file at ``path`` is ours to reuse: it came from this seed and is untouched."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return seed_sha(text) == sha and posts.is_untouched(text)


def ingest(settings: Settings, progress: Callable[[int, int], None] | None = None,
           ctx: EnrichContext | None = None) -> Report:
    """Bring ``content/`` up to date with ``seeds/``; see the module docstring."""
    report = Report()
    content = settings.content
    content.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(content)
    manifest_path = settings.manifest_path
    manifest = load_manifest(manifest_path)
    # A sorted compact dump (C encoder) is ~10x cheaper than the indented file format:
    # it tells whether the manifest needs writing at all (on most runs it does not).
    loaded = json.dumps(manifest, sort_keys=True) if manifest["posts"] else None
    if not manifest["posts"]:
        adopt_posts(content, manifest)
    known_skips = manifest.get("skipped", {})
    manifest["skipped"] = {}
    pending, seen = plan(settings, manifest, report, known_skips)
    _report_orphans(settings, manifest, seen, report)
    for path, reason in report.skipped:
        log.warning("%s: skipped: %s", path, reason)

    enriched: list[Article] = []
    if pending:
        with _worker_pool(settings, len(pending)) as pool:
            # the workers load their models while this process learns boilerplate
            jobs = _jobs(settings, pending)
            jobs, primary_of = _group_versions(jobs, settings)
            writer = _Writer(settings, manifest, report, pending, primary_of)
            total, done = len(jobs), 0
            for batch, results in process_all(jobs, settings, pool, ctx):
                for job, result in zip(batch, results, strict=True):
                    try:
                        article = writer.write(job.raw, result)
                    except Exception as exc:  # one post that cannot be written is one seed
                        article = writer.write(job.raw, Skip(
                            failure_reason("writing", exc), remember=False))
                    if article is not None:
                        enriched.append(article)
                done += len(batch)
                if progress:
                    progress(done, total)
    report.registry_changes = _update_registry(settings, enriched)  # also migrates old files
    if loaded is None or json.dumps(manifest, sort_keys=True) != loaded:
        save_manifest(manifest_path, manifest)
    return report


def _free_slug(base: str, taken: set[str], content: Path, year: str, sha: str) -> str:
    """The first of ``base``, ``base-2``… that is free, or that holds this seed's own
    untouched post (left by a run that crashed before saving the manifest)."""
    slug, n = base, 1
    while slug in taken and not _claimable(content / year / f"{slug}.md", sha):
        n += 1
        slug = f"{base}-{n}"
    return slug


def _jobs(settings: Settings, pending: Sequence[_Pending]) -> list[Job]:
    """What the workers need per seed: its source's boilerplate and its index row."""
    junk = learn_source_junk(settings.seeds, pending, settings.duplicate_similarity / 100)
    indexes: dict[str, dict[str, dict[str, str]]] = {}
    jobs: list[Job] = []
    for item in pending:
        folder = str(Path(item.raw.rel).parent)
        if folder not in indexes:
            base = settings.seeds / folder if settings.seeds.is_dir() else settings.seeds.parent
            indexes[folder] = load_index(base)
        name = Path(item.raw.rel).name
        row = indexes[folder].get(name)
        jobs.append(Job(item.raw, junk.get(folder, frozenset()), {name: row} if row else {}))
    return jobs


# --- near-duplicate versions (issue #11) --------------------------------------------------

def _group_versions(jobs: list[Job], settings: Settings) -> tuple[list[Job], dict[str, str]]:
    """Find near-duplicate seeds among the new ones; the longest copy of each group is
    its post (ties: the first in seed order), the others become its versions.

    Returns the jobs reordered so that each group's other copies come just before the
    copy that is written (results arrive in job order, so the writer has every version
    in hand when it writes the post), and the map copy sha256 → post's seed sha256.
    Text seeds are compared without their folder's learned chrome; saved HTML pages are
    not compared (their markup is mostly the site's template, which would look alike).
    """
    text_jobs = [j for j in jobs if j.raw.format == "text"]
    bodies = [dedup.body_text(j.raw.text, j.junk) for j in text_jobs]
    grouped = [g for g in dedup.groups(bodies, settings.duplicate_similarity / 100)
               if len(g) > 1]
    if not grouped:
        return jobs, {}
    primary_of: dict[str, str] = {}
    before: dict[str, list[Job]] = {}
    for group in grouped:
        members = [text_jobs[i] for i in group]
        sizes = [len(bodies[i].split()) for i in group]
        best = members[max(range(len(group)), key=lambda k: (sizes[k], -k))]
        before[best.raw.sha256] = [m for m in members if m is not best]
        for m in members:
            if m is not best:
                primary_of[m.raw.sha256] = best.raw.sha256
    ordered: list[Job] = []
    for job in jobs:
        if job.raw.sha256 in primary_of:
            continue
        ordered.extend(before.get(job.raw.sha256, ()))
        ordered.append(job)
    return ordered, primary_of


def _version_of(article: Article) -> Version:
    return Version(seed=article.source.seed, sha256=article.source.sha256,
                   title=article.title, date=article.date,
                   publisher=article.source.publisher, url=article.source.url)


# --- end of near-duplicate versions ------------------------------------------------------


class _Writer:
    """Writes finished articles in seed order: final slug, curator check, post, manifest.

    Slugs are assigned in seed order so a fresh ingest always gives the same ones.
    """

    def __init__(self, settings: Settings, manifest: dict[str, Any], report: Report,
                 pending: Sequence[_Pending], primary_of: Mapping[str, str] | None = None,
                 ) -> None:
        self.stories = StoryAssigner(settings)  # issue #11: story ids are given at write time
        self.primary_of = dict(primary_of or {})
        self.copies: dict[str, list[Article]] = defaultdict(list)
        """Post's seed sha256 → the other copies already cleaned, waiting for the post."""
        self.content = settings.content
        self.seeds_label = settings.seeds.name if settings.seeds.is_dir() else ""
        self.manifest = manifest
        self.report = report
        self.replaces = {p.raw.sha256: p.replaces for p in pending}
        self.taken = posts.existing_slugs(settings.content)
        self.by_seed: dict[str, set[str]] = defaultdict(set)
        for sha, entry in manifest["posts"].items():
            if entry.get("seed"):
                self.by_seed[entry["seed"]].add(sha)

    def write(self, raw: RawSeed, result: Article | Skip) -> Article | None:
        report, manifest = self.report, self.manifest
        if raw.sha256 in self.primary_of and isinstance(result, Article):
            self.copies[self.primary_of[raw.sha256]].append(result)
            return None
        copies = self.copies.pop(raw.sha256, [])
        if copies and isinstance(result, Skip):
            # the longest copy gave no article: the next longest is the post instead
            report.skipped.append((str(raw.path), result.reason))
            log.warning("%s: skipped: %s", raw.path, result.reason)
            result = max(copies, key=lambda a: sum(len(p) for p in a.draft.paragraphs))
            copies = [c for c in copies if c is not result]
        if copies:
            assert isinstance(result, Article)
            every = sorted([result, *copies], key=lambda a: (a.date, a.source.seed))
            result = replace(result, versions=tuple(_version_of(a) for a in every))
        if isinstance(result, Skip):
            if result.remember:
                manifest.setdefault("skipped", {})[raw.sha256] = result.reason
            report.skipped.append((str(raw.path), result.reason))
            log.warning("%s: skipped: %s", raw.path, result.reason)
            return None
        replaces = self.replaces.get(raw.sha256)
        if replaces:
            slug = Path(replaces).stem
        else:
            slug = _free_slug(result.slug, self.taken, self.content, f"{result.date:%Y}",
                              raw.sha256)
            self.taken.add(slug)
        article = replace(result, slug=slug)
        rel_post = replaces if replaces else posts.post_path(article)
        path = self.content / rel_post
        seed, sha = article.source.seed, article.source.sha256
        if path.exists() and not _claimable(path, sha):
            text = path.read_text(encoding="utf-8", errors="replace")
            if not posts.is_untouched(text):
                report.curated.append(rel_post)
                log.warning("%s: edited by a curator; kept (seed %s changed)", path, seed)
                manifest["posts"][sha] = {"post": rel_post, "seed": seed, "digest": None}
                self._forget_old(seed, sha)
                self._record_copies(article, rel_post, None)
                return article
        article = replace(article, story=self.stories.assign(article, rel_post))
        text = posts.render(article, self.seeds_label)
        atomic_write(path, text)
        self._forget_old(seed, sha)
        manifest["posts"][sha] = {"post": rel_post, "seed": seed,
                                  "digest": posts.text_digest(text)}
        self._record_copies(article, rel_post, manifest["posts"][sha]["digest"])
        (report.updated if replaces else report.new).append(rel_post)
        for warning in article.warnings:
            report.warnings.append(f"{seed}: {warning}")
        return article

    def _record_copies(self, article: Article, rel_post: str, digest: str | None) -> None:
        """The manifest maps each other copy's seed to the post that lists it, so an
        unchanged copy is not ingested again."""
        for v in article.versions:
            if v.sha256 != article.source.sha256:
                self.manifest["posts"][v.sha256] = {"post": rel_post, "seed": v.seed,
                                                    "digest": digest}
                self._forget_old(v.seed, v.sha256)
                self.report.versions.append(v.seed)

    def _forget_old(self, seed: str, keep_sha: str) -> None:
        """Drop the manifest entries of earlier versions of ``seed``."""
        entries = self.manifest["posts"]
        for sha in self.by_seed[seed] - {keep_sha}:
            if entries.get(sha, {}).get("seed") == seed:
                del entries[sha]
        self.by_seed[seed] = {keep_sha}


def _report_orphans(settings: Settings, manifest: dict[str, Any], seen: dict[str, str],
                    report: Report) -> None:
    """Posts whose seed is gone are kept; say so, once per run, without deleting anything."""
    for _, entry in sorted(manifest["posts"].items()):
        seed = entry.get("seed")
        if seed and seed not in seen and not (settings.seeds / seed).exists():
            report.orphaned.append(entry["post"])


def _update_registry(settings: Settings, articles: Sequence[Article]) -> int:
    try:
        from news_digest.vocab.knowledge import update_registry
    except ImportError:
        return 0
    try:
        return update_registry(settings.data_dir / "entities.yml", articles,
                               settings.learn_min_articles)
    except Exception as exc:  # the registry is a convenience; never lose posts over it
        log.warning("%s: could not update the entity registry: %s",
                    settings.data_dir / "entities.yml", exc)
        return 0


def main_progress() -> Callable[[int, int], None] | None:
    """A rich progress bar on a terminal; nothing when stderr is a pipe or a file."""
    if not sys.stderr.isatty():
        return None
    from rich.progress import Progress

    bar = Progress(transient=True)
    task = bar.add_task("enriching", total=None)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total)
        if done >= total:
            bar.stop()

    return update


