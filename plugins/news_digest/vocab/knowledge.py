"""What the pipeline and the site believe about entities: the curator's registry, plus
what ingest learned with enough evidence.

Two files, two owners: ``data/entities.yml`` is the curator's (:mod:`.registry` reads
it), ``data/entities.learned.yml`` is ingest's (:mod:`.learned`). This module is where
they meet, and where the rule lives that the curator always wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from news_digest.vocab import learned
from news_digest.vocab.evidence import candidates
from news_digest.vocab.migrate import migrate
from news_digest.vocab.registry import (
    Entry,
    Registry,
    build,
    key,
    load_curated,
    load_for_build,
    say_once,
)

if TYPE_CHECKING:
    from news_digest.model import Article


def load_registry(path: Path | None, curated: Registry | None = None) -> Registry:
    """The registry ingest and the site use: the curator's, plus what ingest learned.

    ``curated``: the curator's part when the caller has read it already (a build reads
    it with :func:`news_digest.vocab.registry.load_for_build`, which stands in the last
    good copy for a broken file); else the file is read strictly.

    Learned aliases come from ``entities.learned.yml`` beside ``path`` (only those with
    evidence from enough articles). The curator always wins: a learned alias that a
    curated entry claims is dropped, and a learned alias of a curated name is added to
    that entry. Reading never writes: ingest workers call this in parallel.
    """
    curated = curated if curated is not None else load_curated(path)
    if path is None:
        return curated
    state = learned.load_state(learned.learned_path(path))
    if not state.pairs:
        return curated
    extra: dict[str, tuple[str, list[str]]] = {}
    claimed = set(curated._index)
    for name, etype, aliases in learned.entries(learned.resolve(state, curated)):
        own = curated.entry(name)
        if own is None and key(name) in claimed:
            continue  # another entity already answers to this name
        fresh = list(dict.fromkeys(a for a in aliases if key(a) not in claimed))
        if not fresh:
            continue
        claimed.update(key(a) for a in fresh)
        claimed.add(key(name))
        extra[name] = (own.type if own else etype, fresh)
    entries = [replace(e, aliases=(*e.aliases, *extra.pop(e.name)[1])) if e.name in extra
               else e for e in curated.entries]
    entries.extend(Entry(name, etype, None, tuple(aliases))
                   for name, (etype, aliases) in extra.items())
    return replace(build(entries, path), note=curated.note)


def for_build(path: Path, last_good: Path | None, remember: bool = False) -> Registry:
    """:func:`load_registry` as a build or an ingest reads it: a broken curator's file
    gives way to its last good copy, and the reason is said once (in the main process,
    ``remember``, which also keeps the copy; a worker says nothing)."""
    curated, _ = load_for_build(path, last_good, remember)
    if remember:
        say_once(curated)
    return load_registry(path, curated)


def update_registry(path: Path, articles: Sequence[Article], min_articles: int = 2,
                    last_good: Path | None = None) -> int:
    """Learn from enriched articles into ``entities.learned.yml``; the aliases newly in use.

    The curator's file at ``path`` is never written here, except once to move out what
    older versions of ingest appended to it (:func:`news_digest.vocab.migrate.migrate`).
    Ingest calls this once per run, in the main process, after the (parallel) enrichment.
    """
    migrate(path)
    # after the migration, which may rewrite it; a broken file: what the posts were
    # enriched with (its last good copy), so learning goes on while the curator fixes it
    curated, _ = load_for_build(path, last_good, remember=last_good is not None)
    say_once(curated)
    target = learned.learned_path(path)
    state = learned.load_state(target, strict=True)
    if not articles and state.min_articles == min_articles:
        return 0  # nothing new to learn from (a rebuild with no new seed): no rewrite
    before = {(a.name, a.alias) for a in learned.resolve(state, curated)}
    # judged against the curator's registry only, so evidence keeps accruing after a
    # pair is in use, and the file does not depend on the order articles came in
    state = learned.merge(state, candidates(articles, curated))
    state = learned.State(state.pairs, state.forgotten, min_articles)
    if state.pairs or state.forgotten or target.exists():
        learned.save_state(target, state)
    after = {(a.name, a.alias) for a in learned.resolve(state, curated)}
    return len(after - before)
