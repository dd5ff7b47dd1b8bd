"""Corpus-level entity resolution as the build calls it: registry first, answer kept.

The resolver itself (``enrich.resolve.resolve_corpus``) is handed in by the glue
(``hooks.py``): the site room does not import the enrich room. What this module adds is
the build's side: the curated registry as evidence, the mapping between the front
matter's groups and the resolver's types, and keeping the answer between builds (the
same names and dates give the same answer, so a rebuild after a text edit, or with
nothing changed, does not resolve again).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from news_digest.site import taxonomy as tx
from news_digest.site.incremental.memo import Remember, no_memo
from news_digest.text import GROUP_TYPES

EntityResolver = Callable[..., Any]
"""``enrich.resolve.resolve_corpus``, handed in by the glue (``hooks.py``)."""


def resolve(articles: Sequence[Any], raw: list[tuple[tuple[str, str], ...]],
            registry: Mapping[str, tx.RegistryEntry], curated: frozenset[str],
            window_days: int, resolver: EntityResolver | None, remember: Remember = no_memo
            ) -> tuple[list[tuple[tuple[str, str], ...]], frozenset[tuple[str, str]],
                       list[dict[tuple[str, str], tuple[tuple[str, str], bool]]] | None]:
    """Corpus-level names and types (when a resolver is given), the pageless names, and
    per article what each of its (group, name) pairs became, with whether the name is
    a spelling the resolver merged into it (None without a resolver: each pair is
    itself), so a page can list the spellings of its entity.

    Only a merged spelling counts ("World Health Organisation" into "… Organization"):
    a name the resolver took as a fragment or a slip ("Twitter West" glued before
    "Kanye West", a bare "Hunter") is evidence the name was misread, not another name.

    Only curated registry entries are strong evidence; what ingest learned is a vote
    like any other mention (it may have learned a bare "Trump").
    """
    if resolver is None:
        return raw, frozenset(), None
    from types import SimpleNamespace

    known = {n: SimpleNamespace(name=n, type=GROUP_TYPES[e.group])
             for n, e in registry.items() if e.group and not e.block and n in curated}
    inputs = [(a.date, [(GROUP_TYPES[g], n) for g, n in pairs])
              for a, pairs in zip(articles, raw, strict=True)]
    # per article, the names a close cue typed (``cued:``): passed only when some post
    # has them, so a resolver that reads no cues is called as before
    cued = [tuple(getattr(a, "entity_cued", ()) or ()) for a in articles]
    # and the names a works cue called a work (``works:``), passed the same way
    works = [tuple(getattr(a, "entity_works", ()) or ()) for a in articles]
    extra = (cued, works) if any(works) else (cued,) if any(cued) else ()
    key = ([(d.isoformat(), p) for d, p in inputs],
           sorted((n, k.type) for n, k in known.items()), window_days, *extra)
    result = remember("resolve", key, lambda: resolver(inputs, known, window_days, *extra))
    out = [tuple((tx.GROUP_OF_TYPE[t], n) for t, n in pairs) for pairs in result.entities_of]
    became = None
    if len(result.mapping) == len(out):
        group = tx.GROUP_OF_TYPE
        merged = result.spellings
        became = [{(group[t], n): ((group[rt], rn), n == rn or n in merged.get(rn, ()))
                   for (t, n), (rt, rn) in m.items()} for m in result.mapping]
    return out, frozenset((tx.GROUP_OF_TYPE[t], n) for t, n in result.pageless), became
