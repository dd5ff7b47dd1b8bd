"""``export/posts.jsonl``: the site's posts as data, one JSON object per line.

A researcher asks "every article naming this person, with its date and source" of the
whole corpus, not of one page. The front matter is the source of truth but not the
answer: it holds each article's names as ingest wrote them, and the build resolves them
across the corpus ("Trump" → "Donald Trump", registry merges, pages earned). This file
is what the site shows: each published post (hidden and draft ones are not in it) with
its resolved entities and their page URLs, its topics and its story, oldest first, so a
reader can load it with any JSON Lines tool and a new post appends to the end.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from news_digest.site.seo import absolute, byline_names, iso


def post_record(a: Any, siteurl: str) -> dict[str, Any]:
    """One post as the site shows it (see the module docstring)."""
    source = getattr(a, "source", None) or {}
    entities: dict[str, list[dict[str, Any]]] = {}
    for e in getattr(a, "entities", ()) or ():
        if isinstance(e, str):  # an ordinary Pelican post's text metadata
            continue
        entities.setdefault(e.group, []).append(
            {"name": e.name, "url": absolute(siteurl, e.url) if e.linked else None})
    story = getattr(a, "story_group", None)
    return {
        "url": absolute(siteurl, a.url),
        "title": a.title,
        "date": iso(a.date),
        "summary": getattr(a, "summary_text", None),
        "authors": byline_names(getattr(a, "byline", None)),
        "source": {"publisher": source.get("publisher"), "url": source.get("url")}
        if isinstance(source, dict) else {"publisher": None, "url": None},
        "topics": [t.label for t in getattr(a, "topics", ()) or () if not isinstance(t, str)],
        "entities": entities,
        "story": absolute(siteurl, story.url) if story is not None else None,
    }


def post_records(articles: Sequence[Any], siteurl: str) -> list[dict[str, Any]]:
    """Every post's record, oldest first (ties by URL): what the file holds, and what
    the incremental writer fingerprints to know whether to write it again."""
    return [post_record(a, siteurl) for a in sorted(articles, key=lambda a: (a.date, a.url))]


def posts_jsonl(records: Sequence[dict[str, Any]]) -> str:
    """The records, one line each; keys sorted, so the same site gives the same bytes."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)
