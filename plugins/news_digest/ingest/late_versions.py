"""A copy of an article that arrives in a later ingest than the article's post.

:func:`.plan.group_versions` folds near-duplicate copies of one article into one post,
but only among the seeds new in one run. A newsroom re-scrapes hourly: the same article
with a sentence added arrives an hour after its post was written. This module finds the
post it is a copy of, by the same measure and threshold (:func:`.dedup.body_text`,
Jaccard of 5-word shingles ≥ ``NEWS_DIGEST_DUPLICATE_SIMILARITY``), so that ingest can
make it a version of that post instead of a second post (:mod:`.run` does the rest).

Finding candidates must stay cheap on a site of 10,000 posts, so no earlier seed is
read to look for them. Each seed behind a post has a *sketch*: the :data:`SKETCH`
smallest hashes of its body's shingles (a bottom-k MinHash), kept in the ingest cache
(``post-sketches.json``). Two copies with Jaccard J share each of the earlier seed's
sketch hashes with probability at least J, so an earlier seed sharing fewer than
:data:`MIN_SHARED` of its 16 with a new one is not a copy (a copy at J = 0.8 is missed
with probability ≈ 2 × 10⁻⁷). Candidates are then read and compared exactly, so no
seed is merged that ``group_versions`` would not merge. The sketches are a cache:
deleted, they are made again from the seeds the next time a new seed is compared (one
read of each, slower, the same answer). A sketch made before its folder's chrome was
learned holds chrome shingles; a new seed is looked up with its chrome lines too, so
it still finds it.
"""

from __future__ import annotations

import heapq
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from news_digest.frontmatter import curator_flags
from news_digest.ingest import dedup
from news_digest.ingest.cache_file import dump_owned, load_owned, save_owned, site_owner
from news_digest.ingest.manifest import Manifest
from news_digest.ingest.seeds import SeedError, read_seed
from news_digest.ingest.workers import Job
from news_digest.model import RawSeed
from news_digest.provenance import made_with
from news_digest.settings import Settings

SKETCH_FILE = "post-sketches.json"
SKETCH_VERSION = 1
SKETCH = 16
"""Shingle hashes kept per seed: 16 small integers, about 200 bytes a seed."""
MIN_SHARED = 4
"""Sketch hashes a candidate must share with a new seed to be read and compared."""


def hashed(grams: Iterable[bytes]) -> set[int]:
    """Shingles as the sketches hold them. CRC-32 (C, the same in every process): twice
    as fast as :mod:`.dedup`'s SHA-1 hash, and a collision costs at most one candidate
    read."""
    return {zlib.crc32(g) for g in grams}


def sketch(hashes: Iterable[int]) -> list[int]:
    """The :data:`SKETCH` smallest of a body's shingle ``hashes`` (:func:`hashed`),
    ascending."""
    return heapq.nsmallest(SKETCH, hashes)


def body_sketch(body: str | None) -> list[int]:
    """``body``'s sketch; ``[]`` for None (a seed that is not compared)."""
    return sketch(hashed(dedup.shingles(body))) if body is not None else []


def query_hashes(raw: RawSeed, body: str, hashes: set[int]) -> set[int]:
    """The hashes a new seed is looked up by: its body's (``hashes``, of ``body``), and
    those of its text with its folder's chrome left in (an earlier seed sketched before
    that chrome was learned still shares them). A seed with no chrome line has that
    text for its body: it is not shingled twice."""
    rest = dedup.without_headline(raw.text)
    return hashes if rest == body else hashes | hashed(dedup.shingles(rest))


class Sketches:
    """Seed sha256 → its body's sketch (``[]``: not comparable, a saved HTML page or an
    unreadable seed), for the seeds the manifest maps to a post. A cache, like
    :class:`.seed_stats.SeedStats`: it names the folders it was made for, and the
    plugin's code (:func:`.provenance.made_with`)."""

    def __init__(self, cache_dir: Path | None, seeds: Path, content: Path) -> None:
        self.path = cache_dir / SKETCH_FILE if cache_dir is not None else None
        # and the code: a change to shingles or hashes sketches again
        self.owner = {**site_owner(seeds, content), "code": made_with()}
        self.entries: dict[str, list[int]] = {}
        self.changed = False
        if self.path is not None:
            self.entries = load_owned(self.path, SKETCH_VERSION, self.owner, "sketches",
                                      "sketching seeds again")

    def add(self, sha: str, drawn: list[int]) -> None:
        """Keep seed ``sha``'s sketch (:func:`body_sketch`)."""
        self.entries[sha] = drawn
        self.changed = True

    def save(self, manifest: Manifest) -> None:
        """Keep the sketches of the seeds the manifest still maps to a post."""
        if self.path is None:
            return
        gone = set(self.entries) - set(manifest.posts)
        for sha in gone:
            del self.entries[sha]
        if not (self.changed or gone):
            return
        save_owned(self.path, dump_owned(SKETCH_VERSION, self.owner, "sketches",
                                         self.entries), "seed sketches")
        self.changed = False


@dataclass
class Earlier:
    """The posts that groups of new copies are versions of."""

    rewrite: dict[str, list[Job]] = field(default_factory=dict)
    """Untouched post → the group of new copies that joins it."""
    curated: dict[str, list[Job]] = field(default_factory=dict)
    """Curated post → the new copies recorded as its versions, not written."""
    seeds: dict[str, list[Job]] = field(default_factory=dict)
    """Untouched post → the jobs of the seeds already behind it, in seed order: made
    once here, where they were compared, and handed on to be cleaned again."""
    bodies: dict[str, str] = field(default_factory=dict)
    """Seed sha256 → compared body (:func:`.dedup.body_text`), for the seeds in
    :attr:`seeds`: the run's copy groups need them, and they are made already."""
    sketches: dict[str, list[int]] = field(default_factory=dict)
    """New seed sha256 → its body's sketch, made from the hashes it was looked up by:
    kept for the seeds that get a post, without shingling them again."""


def find_earlier(groups: Sequence[Sequence[Job]], bodies: Mapping[str, str],
                 settings: Settings, manifest: Manifest, seen: Mapping[str, str],
                 sketches: Sketches, replaces: Mapping[str, str | None],
                 jobs_for: Callable[[Sequence[RawSeed]], list[Job]],
                 grams: Mapping[str, set[bytes]] | None = None) -> Earlier:
    """For each group of new copies (:func:`.plan.copy_groups`), the existing post it is
    a copy of, if any: the one whose seed has the highest Jaccard with a member, at or
    above the threshold (ties: the post path first). A group holding a seed that updates
    its own post (``replaces``) is left to that post, and a post such a seed rewrites
    is not joined (one post, one write per run). ``seen`` is the plan's seed path →
    sha256: an earlier seed is compared only while its file still holds those bytes.
    ``jobs_for`` gives seeds their folder's chrome (:func:`.plan.make_jobs`); it is
    asked once per earlier seed, and the jobs it gives are handed on in the answer.
    ``grams`` (sha256 → shingles of the body) holds new seeds the caller shingled
    already (:func:`.plan.copy_groups`): each new seed is shingled once here at most.
    """
    grams = grams or {}
    out = Earlier()
    root = settings.seeds
    if not root.is_dir():
        return out
    groups = [g for g in groups if not any(replaces.get(j.raw.sha256) for j in g)]
    busy = {post for post in replaces.values() if post}  # written this run by its own seed
    if not groups:
        return out
    posts = manifest.posts
    live = {sha: e for sha, e in posts.items()
            if e.get("seed") and seen.get(str(e["seed"])) == sha}
    made: dict[str, Job] = {}  # earlier seed sha256 → its job, made once
    old_bodies: dict[str, str] = {}  # and its compared body
    _sketch_missing(live, sketches, root, jobs_for, made, old_bodies)
    # --- candidates: earlier seeds sharing enough of their sketch with a new seed. One
    # pass over the sketches against all new seeds' hashes at once (a C-level set
    # intersection per sketch: ~10 ms at 10,000 posts), then each new seed against the
    # few that pass, through an index of their hashes.
    entries = sketches.entries
    # a new seed's shingles are wanted to look it up, to compare it with candidates and
    # to sketch it: made once, and held to the comparison in an ingest of a few seeds
    # (more: made again for the few with candidates, rather than held, ~60 KB a seed)
    keep = sum(len(g) for g in groups) <= dedup.EXACT_MAX
    held: dict[str, set[bytes]] = {}
    asked: dict[str, set[int]] = {}
    for group in groups:
        for job in group:
            sha, body = job.raw.sha256, bodies[job.raw.sha256]
            new = grams[sha] if sha in grams else dedup.shingles(body)
            hashes = hashed(new)
            out.sketches[sha] = sketch(hashes)
            asked[sha] = query_hashes(job.raw, body, hashes)
            if keep:
                held[sha] = new
    every = set().union(*asked.values())
    close = [sha for sha in live if (sk := entries.get(sha))
             and len(every.intersection(sk)) >= min(MIN_SHARED, len(sk))]
    index: dict[int, list[str]] = defaultdict(list)
    for sha in close:
        for h in entries[sha]:
            index[h].append(sha)
    wanted: dict[str, list[str]] = {}
    for new_sha, hashes in asked.items():
        shared = Counter(sha for h in hashes for sha in index.get(h, ()))
        wanted[new_sha] = sorted(sha for sha, n in shared.items()
                                 if n >= min(MIN_SHARED, len(entries[sha])))
    candidates = sorted({sha for shas in wanted.values() for sha in shas})
    if not candidates:
        return out
    _make_jobs(live, candidates, root, jobs_for, made, old_bodies)
    old_grams = {sha: dedup.shingles(old_bodies[sha]) for sha in candidates if sha in made}
    similarity = settings.duplicate_similarity / 100
    for group in groups:
        best: tuple[float, str] | None = None
        for job in group:
            if not wanted[job.raw.sha256]:
                continue
            new = held.get(job.raw.sha256)
            if new is None:
                new = dedup.shingles(bodies[job.raw.sha256])
            for sha in wanted[job.raw.sha256]:
                old = old_grams.get(sha)
                if not old or not new or not dedup.jaccard_at_least(new, old, similarity):
                    continue
                score = len(new & old) / len(new | old)
                post = posts[sha]["post"]
                if post in busy:
                    continue
                if best is None or (-score, post) < (-best[0], best[1]):
                    best = (score, post)
        if best is not None:
            _place(out, best[1], list(group), settings, live, root, jobs_for, made,
                   old_bodies)
    return out


def _place(out: Earlier, post: str, group: list[Job], settings: Settings,
           live: Mapping[str, Mapping], root: Path,
           jobs_for: Callable[[Sequence[RawSeed]], list[Job]], made: dict[str, Job],
           old_bodies: dict[str, str]) -> None:
    """File ``group`` under ``post``: to rewrite, if ingest wrote it and it is as
    written, or differs only by a curator's flags (``featured``, ``status``, ``order``:
    :func:`.frontmatter.curator_flags`; the writer puts them back); to record only, if
    a curator edited its text. A post a curator deleted is left
    alone (its seeds are not ingested again; a new copy becomes a post of its own)."""
    if post in out.rewrite:
        out.rewrite[post].extend(group)
        return
    if post in out.curated:
        out.curated[post].extend(group)
        return
    try:
        text = (settings.content / post).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return
    if curator_flags(text) is None:  # a curator's text edit; a flag alone is not one
        out.curated[post] = group
        return
    behind = sorted(sha for sha, e in live.items() if e["post"] == post)
    _make_jobs(live, behind, root, jobs_for, made, old_bodies)
    have = [made[sha] for sha in behind if sha in made]
    out.rewrite[post] = group
    out.seeds[post] = sorted(have, key=lambda j: j.raw.rel)
    out.bodies.update((j.raw.sha256, old_bodies[j.raw.sha256]) for j in have)


def _read(live: Mapping[str, Mapping], shas: Iterable[str], root: Path) -> list[RawSeed]:
    """The earlier seeds ``shas``, read again; one whose bytes changed is left out."""
    out = []
    for sha in shas:
        try:
            raw = read_seed(root / str(live[sha]["seed"]), root)
        except SeedError:
            continue
        if raw.sha256 == sha and raw.format == "text":
            out.append(raw)
    return out


def _make_jobs(live: Mapping[str, Mapping], shas: Sequence[str], root: Path,
               jobs_for: Callable[[Sequence[RawSeed]], list[Job]], made: dict[str, Job],
               bodies: dict[str, str]) -> None:
    """Read the earlier seeds ``shas`` that have no job yet in ``made`` and make theirs,
    with their compared bodies in ``bodies``: a seed sketched, compared and then
    cleaned again is read and given its folder's chrome once per run, not three times.
    A seed whose bytes changed gets no job (:func:`_read`)."""
    todo = [sha for sha in shas if sha not in made]
    if not todo:
        return
    for job in jobs_for(_read(live, todo, root)):
        made[job.raw.sha256] = job
        bodies[job.raw.sha256] = dedup.body_text(job.raw.text, job.junk)


def _sketch_missing(live: Mapping[str, Mapping], sketches: Sketches, root: Path,
                    jobs_for: Callable[[Sequence[RawSeed]], list[Job]],
                    made: dict[str, Job], bodies: dict[str, str]) -> None:
    """Sketch the seeds behind posts that have none yet (a lost cache, a site ingested
    by an earlier version): one read of each, its job kept in ``made``."""
    missing = sorted(sha for sha in live if sha not in sketches.entries)
    if not missing:
        return
    _make_jobs(live, missing, root, jobs_for, made, bodies)
    for sha in missing:
        sketches.add(sha, body_sketch(bodies.get(sha)))  # None: unreadable now
