"""Ingest: seeds → clean → enrich → write, incrementally, in parallel, losing nothing.

The data flows through four rooms: :mod:`.manifest` (what earlier runs wrote),
:mod:`.plan` (what to do with each seed), :mod:`.workers` (seed → article, in worker
processes) and this driver, which writes the posts in seed order, reports orphans,
updates the entity registry and saves the manifest. A post whose text no longer matches
what ingest wrote is a curator's, and is kept and reported, never overwritten. Posts are
written before the manifest that names them, both atomically, so a crash at any point
leaves either the old state or a post the next run adopts.
"""

from __future__ import annotations

import logging
import sys
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from news_digest.enrich.pipeline import EnrichContext
from news_digest.errors import FrontMatterError
from news_digest.frontmatter import (
    curator_flags,
    load_front_matter,
    split_front_matter,
    text_digest,
    with_flags,
)
from news_digest.ingest import writer as posts
from news_digest.ingest.isolate import failure_reason
from news_digest.ingest.late_versions import Earlier, Sketches, body_sketch, find_earlier
from news_digest.ingest.manifest import Manifest, claimable, remove_stale_temps
from news_digest.ingest.plan import Pending, copy_groups, make_jobs, order_versions, plan
from news_digest.ingest.seed_stats import SeedStats
from news_digest.ingest.story_state import StoryAssigner
from news_digest.ingest.workers import Job, Skip, process_all, worker_pool
from news_digest.model import Article, RawSeed, Version
from news_digest.settings import Settings
from news_digest.text import atomic_write, plural, shown_path

log = logging.getLogger(__name__)

SAID_ONCE_PER_BUILD = "entities: rules backend"
"""The start of the NER backend's note, on every post when the rules backend ran
(``enrich.entities``): a missing spaCy model is logged once when the backend loads, and
a rules backend the settings chose needs no saying; neither is repeated per post."""


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
    curated_versions: list[str] = field(default_factory=list)
    """New seeds that are copies of a curator's post: recorded as its copies, and the
    post not rewritten (:mod:`.late_versions`)."""

    def summary_line(self) -> str:
        parts = [f"{len(self.new)} new", f"{len(self.updated)} updated",
                 f"{self.unchanged} unchanged", f"{len(self.curated)} kept because curated",
                 f"{len(self.skipped)} skipped"]
        if self.versions:
            parts.append(f"{len(self.versions)} folded into another post as versions")
        if self.curated_versions:
            parts.append(plural(self.curated_versions, "copy", "copies")
                         + " of a curated post (recorded, post not rewritten)")
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


def ingest(settings: Settings, progress: Callable[[int, int], None] | None = None,
           ctx: EnrichContext | None = None,
           while_waiting: Callable[[], None] | None = None) -> Report:
    """Bring ``content/`` up to date with ``seeds/``; see the module docstring.

    ``while_waiting`` is called once while worker processes enrich new seeds: the
    caller's chance to load what it needs next (a build: the tables entity resolution
    reads) on the core the workers leave free. With no workers (everything in this
    process) it is not called: loading early would gain nothing there.
    """
    report = Report()
    content = settings.content
    content.mkdir(parents=True, exist_ok=True)
    remove_stale_temps(content)
    manifest_path = settings.manifest_path
    manifest = Manifest.load(manifest_path)
    loaded = manifest.fingerprint() if manifest.posts else None
    if not manifest.posts:
        manifest.adopt_posts(content)
    known_skips, manifest.skipped = manifest.skipped, {}
    stats = SeedStats(settings.ingest_cache_dir, settings.seeds, content,
                      legacy=manifest.legacy_stat)
    planned = plan(settings, manifest, known_skips, stats.entries)
    pending = planned.pending
    report.unchanged += planned.unchanged
    report.removed.extend(planned.removed)
    report.skipped.extend(planned.skipped)
    report.unknown.extend(planned.unknown)
    _report_orphans(settings, manifest, planned.seen, report)
    _check_registry(settings)
    for path, reason in report.skipped:
        log.warning("%s: skipped: %s", shown_path(path), reason)

    enriched: list[Article] = []
    if pending:
        with worker_pool(settings, len(pending), fork=ctx is None) as pool:
            # the workers load their models while this process learns boilerplate
            new_jobs = make_jobs([p.raw for p in pending], settings)
            grams: dict[str, set[bytes]] = {}  # what grouping shingled, not shingled again
            grouped, bodies = copy_groups(new_jobs, settings, grams)
            sketches = Sketches(settings.ingest_cache_dir, settings.seeds, content)
            earlier = find_earlier(
                grouped, bodies, settings, manifest, planned.seen, sketches,
                {p.raw.sha256: p.replaces for p in pending},
                lambda raws: make_jobs(raws, settings), grams)
            grams.clear()  # up to 200 seeds' shingles: not held while the workers run
            again = _join_earlier(earlier, new_jobs, grouped, bodies, manifest, report)
            jobs, primary_of = order_versions(again.jobs, again.grouped, bodies)
            writer = _Writer(settings, manifest, report, [*again.pending, *pending],
                             primary_of, again.replaces)
            total, done = len(jobs), 0
            batches = process_all(jobs, settings, pool, ctx)
            if pool is not None:  # read what comes next while the workers enrich
                writer.stories.warm()
                if while_waiting is not None:
                    while_waiting()
            for batch, results in batches:
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
            try:
                writer.stories.write_groups()
            except Exception as exc:  # the grouping is shown from the file; posts are safe
                log.warning("%s: stories not regrouped: %s", settings.stories_file,
                            failure_reason("regrouping", exc))
            writer.stories.save()
            for job in (*new_jobs, *again.jobs):
                sha = job.raw.sha256
                if sha in manifest.posts and sha not in sketches.entries:
                    drawn = earlier.sketches.get(sha)  # a new seed's, made to look it up
                    sketches.add(sha, drawn if drawn is not None else body_sketch(bodies.get(sha)))
    report.registry_changes = _update_registry(settings, enriched)  # also migrates old files
    if loaded is None or manifest.legacy_stat or manifest.fingerprint() != loaded:
        manifest.save(manifest_path)  # an old manifest loses its stat lines once
    stats.save()
    if pending:
        sketches.save(manifest)
    return report


@dataclass
class _Again:
    """The run's work once copies of earlier posts are joined to them."""

    jobs: list[Job]
    grouped: list[list[Job]]
    pending: list[Pending]
    """The seeds already behind a post that a new copy joins: cleaned again with it."""
    replaces: dict[str, str]
    """Seed sha256 → the post it is written to, for every member of a joined group."""


def _join_earlier(earlier: Earlier, jobs: list[Job], grouped: list[list[Job]],
                  bodies: dict[str, str], manifest: Manifest, report: Report) -> _Again:
    """Make groups of new copies versions of the posts they are copies of.

    A curator's post is never rewritten: each new copy is recorded in the manifest as
    a copy of it (so it is not ingested again) and reported once. An untouched post is
    written again as one ingest of all its seeds would write it: its seeds are cleaned
    again and grouped with the new copies in seed order (the longest copy is the post;
    ties: the first in seed order, as in one run), and the post keeps its path. Their
    jobs and bodies are the ones :func:`.late_versions.find_earlier` made to compare
    them (a seed's job is made once per run).
    """
    joined = {id(j) for g in (*earlier.rewrite.values(), *earlier.curated.values())
              for j in g}
    for post, group in sorted(earlier.curated.items()):
        for job in group:
            raw = job.raw
            manifest.posts[raw.sha256] = {"post": post, "seed": raw.rel, "digest": None}
            report.curated_versions.append(raw.rel)
            log.warning("%s: version of curated post %s: not rewritten (a curator edited "
                        "its text; a flag alone would not stop it)", raw.shown, post)
    curated = {id(j) for g in earlier.curated.values() for j in g}
    old_jobs = {j.raw.sha256: j for post in sorted(earlier.rewrite) for j in earlier.seeds[post]}
    bodies.update((sha, earlier.bodies[sha]) for sha in old_jobs)
    again = _Again([*old_jobs.values(), *(j for j in jobs if id(j) not in curated)],
                   [g for g in grouped if not any(id(j) in joined for j in g)], [], {})
    for post, group in sorted(earlier.rewrite.items()):
        olds = earlier.seeds[post]
        members = sorted([*olds, *group], key=lambda j: j.raw.rel)  # seed order
        again.grouped.append(members)
        again.pending.extend(Pending(j.raw, post) for j in olds)
        again.replaces.update((j.raw.sha256, post) for j in members)
        report.versions.extend(j.raw.rel for j in group)  # whichever copy is written
    report.unchanged -= len(old_jobs)  # counted unchanged by the plan; written again now
    return again


def _free_slug(base: str, taken: set[str], content: Path, year: str, sha: str) -> str:
    """The first of ``base``, ``base-2``… that is free, or that holds this seed's own
    untouched post (left by a run that crashed before saving the manifest)."""
    slug, n = base, 1
    while slug in taken and not claimable(content / year / f"{slug}.md", sha):
        n += 1
        slug = f"{base}-{n}"
    return slug


def _kept_guid(path: Path, sha: str) -> str | None:
    """The feed GUID readers have for the post at ``path``, which is about to be written
    again from the seed ``sha``: its ``guid:`` if it has one, else ``urn:sha256:`` of the
    seed it was written from (what the feed gives a post without ``guid:``,
    ``site/feeds.article_guid``). None when that is what the new post gives anyway (the
    same seed), so a post written from one seed all its life never carries ``guid:``.

    A re-saved or re-scraped seed has a new sha256 even when its text is the same, and
    a later, longer copy becomes the post's seed (:func:`_join_earlier`): without this
    every feed would deliver the story again under a new GUID. A post that cannot be
    read gives None (it is being replaced; nothing better is known)."""
    try:
        yaml_text, _ = split_front_matter(path.read_text(encoding="utf-8"))
        fm = load_front_matter(yaml_text, str(path)) if yaml_text is not None else {}
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return None
    guid = fm.get("guid")
    kept = str(guid).strip() if isinstance(guid, str | int) and str(guid).strip() else None
    if kept is None:
        source = fm.get("source")
        old = source.get("sha256") if isinstance(source, dict) else None
        kept = f"urn:sha256:{old}" if isinstance(old, str) and old.strip() else None
    return None if kept == f"urn:sha256:{sha}" else kept


def _version_of(article: Article) -> Version:
    return Version(seed=article.source.seed, sha256=article.source.sha256,
                   title=article.title, date=article.date,
                   publisher=article.source.publisher, url=article.source.url)



class _Writer:
    """Writes finished articles in seed order: final slug, curator check, post, manifest.

    Slugs are assigned in seed order so a fresh ingest always gives the same ones.
    """

    def __init__(self, settings: Settings, manifest: Manifest, report: Report,
                 pending: Sequence[Pending], primary_of: Mapping[str, str] | None = None,
                 joined: Mapping[str, str] | None = None) -> None:
        self.stories = StoryAssigner(settings)  # issue #11: story ids are given at write time
        self.primary_of = dict(primary_of or {})
        self.copies: dict[str, list[Article]] = defaultdict(list)
        """Post's seed sha256 → the other copies already cleaned, waiting for the post."""
        self.content = settings.content
        self.seeds_label = settings.seeds.name if settings.seeds.is_dir() else ""
        self.manifest = manifest
        self.report = report
        self.replaces = {p.raw.sha256: p.replaces for p in pending}
        self.replaces.update(joined or {})
        self.joined = set(joined or ())
        """Seeds of groups joined to an earlier post: reported by :func:`_join_earlier`."""
        self.raws = {p.raw.sha256: p.raw for p in pending}
        """Seed sha256 → the seed, to name it in its post's warnings."""
        self.taken = posts.existing_slugs(settings.content)
        self.by_seed: dict[str, set[str]] = defaultdict(set)
        for sha, entry in manifest.posts.items():
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
            log.warning("%s: skipped: %s", raw.shown, result.reason)
            result = max(copies, key=lambda a: sum(len(p) for p in a.draft.paragraphs))
            copies = [c for c in copies if c is not result]
        if copies:
            assert isinstance(result, Article)
            every = sorted([result, *copies], key=lambda a: (a.date, a.source.seed))
            result = replace(result, versions=tuple(_version_of(a) for a in every))
        if isinstance(result, Skip):
            if result.remember:
                manifest.skipped[raw.sha256] = result.reason
            report.skipped.append((str(raw.path), result.reason))
            log.warning("%s: skipped: %s", raw.shown, result.reason)
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
        flags: tuple[str, ...] = ()
        if path.exists() and not claimable(path, sha):
            text = path.read_text(encoding="utf-8", errors="replace")
            found = curator_flags(text)
            if found is None:  # a curator's text edit: never overwritten
                report.curated.append(rel_post)
                log.warning("%s: edited by a curator; kept (seed %s changed)",
                            shown_path(path), raw.shown)
                manifest.posts[sha] = {"post": rel_post, "seed": seed, "digest": None}
                self._forget_old(seed, sha)
                self._record_copies(article, rel_post, None)
                return article
            flags = found
        article = replace(article, story=self.stories.assign(article, rel_post),
                          guid=_kept_guid(path, sha) if path.exists() else None)
        text = with_flags(posts.render(article, self.seeds_label), flags)
        if flags:  # featured, hidden or ordered: placed by a curator, not edited
            log.warning("%s: written again from seed %s; the curator's %s kept",
                        shown_path(path), raw.shown, ", ".join(f.strip() for f in flags))
        atomic_write(path, text)
        self._forget_old(seed, sha)
        manifest.posts[sha] = {"post": rel_post, "seed": seed,
                                  "digest": text_digest(text)}
        self._record_copies(article, rel_post, manifest.posts[sha]["digest"])
        (report.updated if replaces else report.new).append(rel_post)
        self._warn(article)
        return article

    def _warn(self, article: Article) -> None:
        """Each warning of a post just written, one line naming its seed, once per ingest
        (front matter and ``inspect`` keep them). The seed's own warnings (its encoding,
        a feed entry with only a summary) were logged when it was read, and the NER
        backend's note belongs to the build, not to the post."""
        raw = self.raws.get(article.source.sha256)
        said = raw.warnings if raw is not None else ()
        name = raw.shown if raw is not None else article.source.seed
        for warning in dict.fromkeys(article.warnings):
            self.report.warnings.append(f"{article.source.seed}: {warning}")
            if warning not in said and not warning.startswith(SAID_ONCE_PER_BUILD):
                log.warning("%s: %s", shown_path(name), warning)

    def _record_copies(self, article: Article, rel_post: str, digest: str | None) -> None:
        """The manifest maps each other copy's seed to the post that lists it, so an
        unchanged copy is not ingested again."""
        for v in article.versions:
            if v.sha256 != article.source.sha256:
                self.manifest.posts[v.sha256] = {"post": rel_post, "seed": v.seed,
                                                    "digest": digest}
                self._forget_old(v.seed, v.sha256)
                if v.sha256 not in self.joined:
                    self.report.versions.append(v.seed)

    def _forget_old(self, seed: str, keep_sha: str) -> None:
        """Drop the manifest entries of earlier versions of ``seed``."""
        entries = self.manifest.posts
        for sha in self.by_seed[seed] - {keep_sha}:
            if entries.get(sha, {}).get("seed") == seed:
                del entries[sha]
        self.by_seed[seed] = {keep_sha}


def _report_orphans(settings: Settings, manifest: Manifest, seen: dict[str, str],
                    report: Report) -> None:
    """Posts whose seed is gone are kept; say so, once per run, without deleting anything.
    A post a curator deleted as well is not one: "post kept" about a file that is not
    there, on every build, would be false."""
    for _, entry in sorted(manifest.posts.items()):
        seed = entry.get("seed")
        if seed and seed not in seen and not (settings.seeds / seed).exists() \
                and (settings.content / entry["post"]).exists():
            report.orphaned.append(entry["post"])


def _check_registry(settings: Settings) -> None:
    """Read the curator's registry once in this process, before the workers do: a file
    that parses is kept as the last good copy, and a broken one is named once (file,
    line, reason) with what the run uses instead, the copy the workers and the site will
    read too (:func:`news_digest.vocab.registry.load_for_build`)."""
    from news_digest.vocab.registry import load_for_build, say_once

    say_once(load_for_build(settings.registry_file, settings.registry_last_good,
                            remember=True)[0])


def _update_registry(settings: Settings, articles: Sequence[Article]) -> int:
    try:
        from news_digest.vocab.knowledge import update_registry
    except ImportError:
        return 0
    try:
        return update_registry(settings.registry_file, articles,
                               settings.learn_min_articles, settings.registry_last_good)
    except Exception as exc:  # what ingest learns is a convenience; never lose posts over it
        log.warning("%s: could not update what ingest learned: %s",
                    settings.data_dir / "entities.learned.yml", exc)
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


