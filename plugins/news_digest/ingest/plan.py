"""What to do with each seed: unchanged, new, updated, skipped, or a copy of another.

:func:`plan` walks the seeds folder against the manifest (cheaply: a stat cache skips
files whose size and mtime are unchanged) and returns the seeds to process;
:func:`make_jobs` gives each its source's learned boilerplate (:func:`folder_junk`) and
index row; :func:`group_versions` folds near-duplicate copies of one article into one
post (issue #11). Nothing here writes a post; :mod:`.run` does, in seed order.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from news_digest.ingest import dedup
from news_digest.ingest.clean import learn_junk
from news_digest.ingest.formats import is_container, read_records
from news_digest.ingest.junk_cache import JUNK_FILE, JunkCache
from news_digest.ingest.manifest import Manifest, PostEntry
from news_digest.ingest.seed_stats import stat_key
from news_digest.ingest.seeds import (
    CONTAINER_SUFFIXES,
    SEED_SUFFIXES,
    SeedError,
    discover,
    load_index,
    name_problem,
    read_bytes,
    read_seed,
)
from news_digest.ingest.workers import Job
from news_digest.model import RawSeed
from news_digest.settings import Settings
from news_digest.text import shown_path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pending:
    raw: RawSeed
    replaces: str | None
    """Post path of an earlier version of this seed that ingest may overwrite."""


@dataclass
class Plan:
    """What :func:`plan` found, in seed order: the seeds to process, and what the run's
    report says about the others."""

    pending: list[Pending] = field(default_factory=list)
    seen: dict[str, str] = field(default_factory=dict)
    """Seed path → sha256, for every seed seen (a post's seed that is not here is gone)."""
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    """Posts a curator deleted; their seeds are not ingested again."""
    skipped: list[tuple[str, str]] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    """Files in the seeds folder of a kind that is not read."""

    def unchanged_post(self, entry: PostEntry, content: Path) -> None:
        """A seed ingest already wrote a post for. If that post is gone, a curator deleted
        it: say so, and do not write it again (posts are written before the manifest names
        them, so a manifest entry without its file is never a crash's leftover)."""
        if (content / entry["post"]).exists():
            self.unchanged += 1
        else:
            self.removed.append(entry["post"])


def plan(settings: Settings, manifest: Manifest, known_skips: dict[str, str] | None = None,
         stat_cache: dict[str, list[Any]] | None = None) -> Plan:
    """Decide, per seed, what to do: skip unchanged ones cheaply, read the rest.

    ``known_skips`` maps the sha256 of seeds an earlier run found no article in to the
    reason; those are reported again without being cleaned again (and put back in
    ``manifest.skipped``). ``stat_cache`` (:class:`.seed_stats.SeedStats`' lines) names
    seeds by size and mtime, so an unchanged one is not read; it is updated in place.
    """
    known_skips = known_skips or {}
    root = settings.seeds
    content = settings.content
    stat_cache = {} if stat_cache is None else stat_cache
    entries = manifest.posts
    by_seed = manifest.by_seed()
    out = Plan()
    seen = out.seen
    pending_shas: dict[str, str] = {}

    def known_skip(sha: str, label: str) -> bool:
        """A seed an earlier run found no article in, by its bytes: said again, not
        cleaned again (a million-line seed costs seconds on every build otherwise),
        also when its size and mtime are unknown here (a fresh clone, no cache)."""
        if sha not in known_skips or sha in entries:
            return False
        manifest.skipped[sha] = known_skips[sha]
        out.skipped.append((label, known_skips[sha]))
        return True

    # --- JSON, JSON Lines and feed files: one seed per record (issue #15) ---
    def plan_records(path: Path, rel: str, key: list[int] | None, cached: Any) -> None:
        """Plan each record of a many-article file like a seed of its own. The stat cache
        lists the file's records and the records left out (``[size, mtime_ns, sha256,
        [[rel, sha, where], …], [[where, reason], …]]``), so an unchanged file is not
        parsed again; its bad records are reported again from the cache, named as
        :attr:`RawSeed.shown` names them (``where``; a cache written before it was kept
        gives the record's key instead)."""
        if cached and key and cached[:2] == key and len(cached) == 5 and all(
                listed[1] in entries or listed[1] in known_skips for listed in cached[3]):
            out.skipped.extend((f"{path}{where}", reason) for where, reason in cached[4])
            for record, sha, *where in cached[3]:
                seen[record] = sha
                if sha in entries:
                    out.unchanged_post(entries[sha], content)
                else:
                    known_skip(sha, f"{path}{where[0] if where else record[len(rel):]}")
            return
        try:
            records = read_records(path, root if root.is_dir() else None)
        except SeedError as exc:
            out.skipped.append((str(path), str(exc)))
            for record, sha in cached[3] if cached and len(cached) == 5 else ():
                seen[record] = sha  # unreadable now, but its posts' seed is not gone
            return
        out.skipped.extend((problem.label, problem.reason) for problem in records.problems)
        if key:
            listed = [[raw.rel, raw.sha256, raw.where] for raw in records.seeds]
            left_out = [[p.label[len(str(path)):], p.reason] for p in records.problems]
            stat_cache[rel] = [*key, records.sha256, listed, left_out]
        for raw in records.seeds:
            seen[raw.rel] = raw.sha256
            if known_skip(raw.sha256, f"{path}{raw.where}"):
                continue
            entry = entries.get(raw.sha256)
            if raw.sha256 in pending_shas or entry:
                # The same record again (overlapping feed snapshots, a copied file): the
                # post made from its first copy stands; no second post, no error.
                if entry:
                    entry["seed"] = _moved_to(entry.get("seed"), raw.rel, root, record=True)
                    out.unchanged_post(entry, content)
                else:
                    out.unchanged += 1
                continue
            old_sha = by_seed.get(raw.rel)
            old = entries.get(old_sha) if old_sha else None
            out.pending.append(Pending(raw, old["post"] if old else None))
            pending_shas[raw.sha256] = raw.rel
            for warning in raw.warnings:  # e.g. a feed entry with only its summary
                log.warning("%s: %s", raw.shown, warning)
    # --- end of issue #15 block ---

    unknown: list[Path] = []
    linked: list[Path] = []
    found = [(path.relative_to(root).as_posix() if root.is_dir() else path.name, path)
             for path in discover(root, unknown, linked)]
    for path in sorted(linked):
        log.warning("folder not read: %s is a symlink (symlinked folders are not followed; "
                    "link the seed files, or copy the folder in)", shown_path(path))
    for gone in set(stat_cache) - {rel for rel, _ in found}:
        del stat_cache[gone]  # a seed deleted or moved: its line would only grow the cache

    def holds(seed: str, sha: str) -> bool:
        """Whether the post's seed still has these bytes. A copy is that seed's
        duplicate whether its name sorts before the seed's (not read yet: the seed
        is read once more here, only for such a copy) or after (read: it has this sha).
        Asking only "read already?" let a copy sorting first pass unnamed, and named a
        copy of a seed since edited."""
        if seed in seen:
            return seen[seed] == sha
        try:
            return hashlib.sha256(read_bytes(root / seed)[0]).hexdigest() == sha
        except SeedError:  # gone or unreadable: this copy is the seed now
            return False

    for rel, path in found:
        if problem := name_problem(rel):
            out.skipped.append((shown_path(path), problem))
            continue
        key = stat_key(path)
        cached = stat_cache.get(rel)
        if is_container(path):
            plan_records(path, rel, key, cached)
            continue
        if cached and key and cached[:2] == key and cached[2] in entries:
            seen[rel] = cached[2]
            out.unchanged_post(entries[cached[2]], content)
            continue
        if cached and key and cached[:2] == key and known_skip(cached[2], str(path)):
            seen[rel] = cached[2]  # unchanged, and held no article last time: not read
            continue
        try:
            raw = read_seed(path, root if root.is_dir() else None)
        except SeedError as exc:
            out.skipped.append((str(path), str(exc)))
            continue
        seen[rel] = raw.sha256
        if key:
            stat_cache[rel] = [*key, raw.sha256]
        if known_skip(raw.sha256, str(path)):
            continue
        if raw.sha256 in pending_shas:
            first = pending_shas[raw.sha256]
            out.skipped.append((str(path), f"duplicate of {first} (same bytes)"))
            continue
        entry = entries.get(raw.sha256)
        if entry:
            seed = entry.get("seed")
            if seed not in (None, rel) and holds(str(seed), raw.sha256):
                out.skipped.append((str(path), f"duplicate of {seed} (same bytes)"))
                continue
            entry["seed"] = _moved_to(seed, rel, root)
            out.unchanged_post(entry, content)
            continue
        old_sha = by_seed.get(rel)
        old = entries.get(old_sha) if old_sha else None
        out.pending.append(Pending(raw, old["post"] if old else None))
        pending_shas[raw.sha256] = rel
        for warning in raw.warnings:  # its encoding, a front-matter block not read
            log.warning("%s: %s", raw.shown, warning)
    kinds = ", ".join(f"*{suffix}" for suffix in (*SEED_SUFFIXES, *CONTAINER_SUFFIXES))
    for path in unknown:
        out.unknown.append(str(path))
        log.warning("not a seed format: %s (seeds are %s)", shown_path(path), kinds)
    return out


def _moved_to(seed: str | None, rel: str, root: Path, record: bool = False) -> str:
    """The seed a post's manifest entry names, now that its bytes are found at ``rel``.

    When the named seed's file is gone, the seed was renamed or moved (its bytes are
    here): ``rel`` is that seed now. Keeping the old name reported the post as "seed
    gone" on every build, and a later change to the renamed seed made a second post of
    the same article instead of updating this one. A record's seed (``file#key``) is
    gone when its file is; a copy beside a seed that is still there changes nothing."""
    if seed is None or seed == rel:
        return rel  # the seed is where it was: no file to look up (every unchanged seed)
    name = seed.rsplit("#", 1)[0] if record else seed
    return seed if (root / name).exists() else rel


# --- a source's boilerplate ------------------------------------------------------------

JUNK_SAMPLE = 200
"""Seeds of a folder read to learn its boilerplate. A source's chrome repeats on nearly
every page, so a sample finds it; reading the whole folder would make adding one seed
to a 100k archive cost a full re-read."""


def junk_sample(folder: Path) -> list[Path]:
    """The seeds a folder's boilerplate is learned from (see :func:`folder_junk`)."""
    files = [p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm")
             and not p.name.startswith(".")] if folder.is_dir() else []
    files.sort(key=lambda p: hashlib.sha1(p.name.encode("utf-8", "surrogateescape"),
                                          usedforsecurity=False).hexdigest())
    return files[:JUNK_SAMPLE]


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
    texts = []
    for path in junk_sample(folder):
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


def make_jobs(raws: Sequence[RawSeed], settings: Settings,
              folder_of: Callable[[RawSeed], Path] | None = None, cache: bool = True
              ) -> list[Job]:
    """What the workers need per seed: its source's boilerplate and its index row.

    A seed's source is its folder: by default the one under ``settings.seeds`` it was
    found in (ingest); ``news-digest inspect`` passes each file's own folder, so it
    shows what ingest would write for that seed, and ``cache=False``: it writes nothing.
    Each folder's boilerplate is kept between ingests (:mod:`junk_cache`).
    """
    root = settings.seeds

    def seeds_folder(raw: RawSeed) -> Path:
        return root / Path(raw.rel).parent if root.is_dir() else root.parent

    folder_of = folder_of or seeds_folder
    known = {raw.path: raw.text for raw in raws}  # read by plan(): not read twice
    junk: dict[Path, frozenset[str]] = {}
    indexes: dict[Path, dict[str, dict[str, str]]] = {}
    jobs: list[Job] = []
    similarity = settings.duplicate_similarity / 100
    cache_dir = settings.ingest_cache_dir if cache else None
    kept = JunkCache(cache_dir / JUNK_FILE if cache_dir else None, root)
    for raw in raws:
        folder = folder_of(raw)
        if folder not in junk:
            junk[folder] = kept.junk(folder, junk_sample(folder), similarity,
                                     lambda f=folder: folder_junk(f, known, similarity))
            indexes[folder] = load_index(folder)
        name = Path(raw.rel).name
        row = indexes[folder].get(name)
        jobs.append(Job(raw, junk[folder], {name: row} if row else {}))
    kept.save()
    return jobs


# --- near-duplicate versions (issue #11) --------------------------------------------------

def group_versions(jobs: list[Job], settings: Settings) -> tuple[list[Job], dict[str, str]]:
    """Find near-duplicate seeds among the new ones; the longest copy of each group is
    its post (ties: the first in seed order), the others become its versions.

    Returns the jobs reordered so that each group's other copies come just before the
    copy that is written (results arrive in job order, so the writer has every version
    in hand when it writes the post), and the map copy sha256 → post's seed sha256.
    Text seeds are compared without their folder's learned chrome; saved HTML pages are
    not compared (their markup is mostly the site's template, which would look alike).
    """
    grouped, bodies = copy_groups(jobs, settings)
    return order_versions(jobs, grouped, bodies)


def copy_groups(jobs: Sequence[Job], settings: Settings,
                grams: MutableMapping[str, set[bytes]] | None = None
                ) -> tuple[list[list[Job]], dict[str, str]]:
    """The text seeds among ``jobs`` grouped into near-duplicates (every one in exactly
    one group, a group listing its members in job order), and each one's compared body
    (:func:`dedup.body_text`) by sha256. ``grams``, if given, receives the shingles of
    the bodies that were shingled (sha256 → set): ingest compares the same bodies with
    earlier posts' seeds next (:mod:`.late_versions`), and need not shingle them again."""
    text_jobs = [j for j in jobs if j.raw.format == "text"]
    bodies = [dedup.body_text(j.raw.text, j.junk) for j in text_jobs]
    shingled: dict[int, set[bytes]] = {}
    grouped = dedup.groups(bodies, settings.duplicate_similarity / 100, shingled)
    if grams is not None:
        grams.update((text_jobs[i].raw.sha256, g) for i, g in shingled.items())
    return ([[text_jobs[i] for i in g] for g in grouped],
            {j.raw.sha256: b for j, b in zip(text_jobs, bodies, strict=True)})


def order_versions(jobs: Sequence[Job], grouped: Sequence[Sequence[Job]],
                   bodies: Mapping[str, str]) -> tuple[list[Job], dict[str, str]]:
    """:func:`group_versions`' answer for groups already found: in each group of more
    than one, the member with the longest body (in words; ties: the first listed) is the
    post and the others its versions, placed just before it in ``jobs``' order."""
    primary_of: dict[str, str] = {}
    before: dict[str, list[Job]] = {}
    for members in grouped:
        if len(members) < 2:
            continue
        sizes = [len(bodies[m.raw.sha256].split()) for m in members]
        best = members[max(range(len(members)), key=lambda k: (sizes[k], -k))]
        before[best.raw.sha256] = [m for m in members if m is not best]
        for m in members:
            if m is not best:
                primary_of[m.raw.sha256] = best.raw.sha256
    if not primary_of:
        return list(jobs), {}
    ordered: list[Job] = []
    for job in jobs:
        if job.raw.sha256 in primary_of:
            continue
        ordered.extend(before.get(job.raw.sha256, ()))
        ordered.append(job)
    return ordered, primary_of


# --- end of near-duplicate versions ------------------------------------------------------
