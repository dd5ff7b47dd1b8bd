"""The frozen records that carry an article from seed to post.

Each stage takes one of these and returns the next (or a copy with more fields
filled), so a stage can be tested on its own and no stage reaches into another's
internals. Nothing here knows about Pelican.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

ENTITY_TYPES: tuple[str, ...] = ("person", "organization", "place")
"""The entity types the product knows, in the order pages and front matter list them."""


@dataclass(frozen=True)
class RawSeed:
    """A seed file read from disk: decoded text plus what we need to track it."""

    path: Path
    """The file as found (absolute or relative to the working directory). For one record of
    a JSON, JSON Lines or feed file: that file's path plus ``#<record key>``, so every
    message about the record names both."""
    rel: str
    """POSIX path relative to the seeds folder; stable across machines. For a record:
    ``<file>#<key>``, the key coming from the record's URL or guid (or its content hash
    when it has neither), never from its position in the file."""
    text: str
    """Decoded, NFC-normalised text with ``\\n`` line endings and no zero-width characters."""
    sha256: str
    """Hex digest of the raw bytes: the manifest key. For a record: of the record's own
    canonical form, so other records of its file changing does not touch it."""
    encoding: str
    mtime: float
    format: str = "text"
    """``text`` for plain dumps, ``html`` for saved pages; ``record`` for a JSON record's
    article text, ``record-html`` for a feed entry's (or a JSON record's) HTML."""
    warnings: tuple[str, ...] = ()
    meta: tuple[tuple[str, str], ...] = ()
    """What the seed's format states about it (``title``, ``date``, ``url``, ``author``,
    ``publisher``, ``description``, ``image_caption``), as sorted pairs: used, not guessed."""
    where: str = ""
    """For a record: where it is in its file, as a curator finds it there: ``:6`` (a
    JSON Lines line), ``#3`` (a JSON list item or feed entry), then `` (<url>)`` when
    it has a URL. Only for messages: the identity is ``rel``, which a position cannot be."""

    @property
    def shown(self) -> str:
        """How every per-seed line names the seed: its path (:func:`text.shown_path`);
        for a record its file's path and :attr:`where` ("seeds/wire.jsonl:6
        (https://wire.example/5)"), not the ``#url-…`` key, which is nowhere in the file."""
        from news_digest.text import shown_path

        if self.format in ("record", "record-html"):
            return shown_path(os.fspath(self.path).rsplit("#", 1)[0]) + self.where
        return shown_path(self.path)


@dataclass(frozen=True)
class Removed:
    """A line the cleaner dropped, and why: ``inspect`` shows these."""

    text: str
    reason: str


@dataclass(frozen=True)
class Draft:
    """A cleaned article: the parts of a scraped page, boilerplate set apart."""

    title: str
    paragraphs: tuple[str, ...]
    dek: str | None = None
    caption: str | None = None
    section: str | None = None
    byline: str | None = None
    dateline: str | None = None
    date: datetime | None = None
    """Date read from a dateline in the text, if any (timezone-aware, UTC when unknown)."""
    removed: tuple[Removed, ...] = ()
    warnings: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    """Per paragraph, what it is: ``""`` plain text, ``"ul"`` / ``"ol"`` a list item
    (``- item`` / ``3. item``), ``"table"`` a Markdown table (first row the header).
    Empty (the default), or not one per paragraph, means every paragraph is plain text.
    The writer renders the structured ones as Markdown, escaping only the item and cell
    text; everything else is escaped whole."""


@dataclass(frozen=True)
class Entity:
    """A named entity under its canonical name, with the surface forms seen."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    count: int = 1
    cued: bool = False
    """A close cue in the article says the name is of this type ("Japanese electronics
    firm X"): evidence the corpus vote weighs above the model's labels (the post's
    ``cued:``)."""


@dataclass(frozen=True)
class Topic:
    """A taxonomy topic assigned to an article, with the score that ranked it."""

    id: str
    label: str
    score: float


@dataclass(frozen=True)
class Source:
    """Where the article came from."""

    seed: str
    sha256: str
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Version:
    """One scraped copy of an article (an update, a re-scrape, a syndicated run).

    Near-duplicate seeds become one post; each copy is listed so a reader can see who
    ran it and when, and so no seed's provenance is lost.
    """

    seed: str
    sha256: str
    title: str
    date: datetime
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Article:
    """A draft plus everything enrichment adds; what ``posts.py`` writes."""

    draft: Draft
    source: Source
    date: datetime
    date_source: str
    slug: str
    summary: str | None = None
    topics: tuple[Topic, ...] = ()
    keywords: tuple[str, ...] = ()
    entities: tuple[Entity, ...] = ()
    story: str | None = None
    warnings: tuple[str, ...] = field(default=())
    versions: tuple[Version, ...] = ()
    """Every copy of this article ingest found (this one included), oldest first; empty
    when there is only the one."""
    guid: str | None = None
    """The feed GUID the post's readers already have, when the post is written again
    from another seed than the one it was first written from (``guid:``; run.py
    ``_Writer``); None on a first write, where the feed takes ``urn:sha256:`` of the seed."""
    works: tuple[str, ...] = ()
    """Names a works cue in the text called a work, a program or an honour ("the film
    X", "X creator Jan Roe") and the article kept as no entity: the corpus's evidence
    that the name gets no page (the post's ``works:``, ``enrich/resolve.py``)."""

    @property
    def title(self) -> str:
        return self.draft.title
