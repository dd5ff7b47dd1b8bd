"""Seed files that hold many articles: JSON, JSON Lines and RSS/Atom feeds.

Scrapers rarely stop at text dumps: news-please writes one JSON object per article,
pipelines write JSON Lines, and a saved feed carries each story's HTML in its entries.
Each record (JSON object, JSONL line, feed entry) becomes its own :class:`RawSeed`:

- its **identity** (``RawSeed.rel`` = ``<file>#<key>``) comes from the record's URL (a
  feed entry's guid first), else from a hash of its content: never from its position, so
  appending to a ``.jsonl`` file adds seeds without renaming the old ones, and a record
  whose text changes keeps its identity and updates its post;
- its **sha256** is that of the record's canonical form (sorted-key JSON), so the
  manifest skips unchanged records however the file around them changes or is re-indented;
- its **metadata** (title, date, URL, author, publisher, description, image caption) is
  what the format states, carried in ``RawSeed.meta`` and written to front matter with
  ``date_source: metadata`` rather than guessed again from the text.

Text is treated by what the format gives: a JSON record's article text
(news-please's ``maintext``) is already the article, so it is split into paragraphs and
not run through the boilerplate cleaner; HTML (a feed entry's ``content:encoded``, or a
JSON text field that is markup) goes through :func:`extract.extract_html`, the path of
``*.html`` seeds. Problems are reported per file (:class:`SeedError`: nothing of it is
used) or per record (a :class:`RecordProblem`: the other records go on). Parsing
each format into records is :mod:`news_digest.ingest.containers`.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from news_digest.ingest.containers import Item, RecordProblem, feed_records, json_records
from news_digest.ingest.seeds import (
    CONTAINER_SUFFIXES,
    SeedError,
    Skipped,
    discover,
    read_bytes,
    read_seed,
)
from news_digest.model import Draft, RawSeed

RECORD_FORMATS = frozenset({"record", "record-html"})
"""``RawSeed.format`` values this module makes (and :func:`record_draft` cleans)."""


@dataclass(frozen=True)
class Problem:
    """A record left out, and why: one line in the ingest summary."""

    label: str
    """``<file>#<n>`` (JSON array item or feed entry) or ``<file>:<line>`` (JSON Lines),
    then `` (<url>)`` when the record has one: as :attr:`RawSeed.shown` names a record."""
    reason: str


@dataclass(frozen=True)
class Records:
    """What one many-article file holds: its records as seeds, and those left out."""

    sha256: str
    """Of the file's bytes (for the stat cache: a file whose size and mtime are unchanged
    is not parsed again)."""
    seeds: tuple[RawSeed, ...]
    problems: tuple[Problem, ...]


def is_container(path: Path) -> bool:
    """True for a file holding many seeds (``*.json``, ``*.jsonl``, feeds)."""
    return path.suffix.lower() in CONTAINER_SUFFIXES


def read_records(path: Path, root: Path | None = None) -> Records:
    """Read a JSON, JSON Lines or feed file into one seed per record.

    Raise :class:`SeedError` when the file as a whole cannot be used (unreadable, not
    JSON, a feed feedparser flags as malformed): then none of its records is ingested,
    rather than whatever a lenient parser salvaged. Within a readable file, a record
    without text is left out with a :class:`Problem` and the others go on. When two
    records share an identity (a scraper appended a newer copy of a story), the last one
    in the file wins.
    """
    data, mtime = read_bytes(path)
    rel = _rel(path, root)
    kind = CONTAINER_SUFFIXES[path.suffix.lower()]
    items = feed_records(data) if kind == "feed" else json_records(data, kind)
    seeds: dict[str, RawSeed] = {}
    problems: list[Problem] = []
    for label, item in items:
        if isinstance(item, RecordProblem):
            problems.append(Problem(f"{path}{_where(label, item.url)}", str(item)))
            continue
        where = _where(label, item.meta.get("url", ""))
        try:
            seed = _to_seed(item, path, rel, mtime, where)
        except RecordProblem as exc:
            problems.append(Problem(f"{path}{where}", str(exc)))
            continue
        seeds.pop(seed.rel, None)  # the later copy wins, and takes the later place
        seeds[seed.rel] = seed
    return Records(hashlib.sha256(data).hexdigest(), tuple(seeds.values()), tuple(problems))


# --- reading ---------------------------------------------------------------------------

def _rel(path: Path, root: Path | None) -> str:
    try:
        return path.relative_to(root).as_posix() if root is not None and root.is_dir() \
            else path.name
    except ValueError:
        return path.name


def _where(label: str, url: str) -> str:
    """A record's place as messages name it: its line or index, and its URL."""
    return f"{label} ({url})" if url else label


def _to_seed(item: Item, path: Path, rel: str, mtime: float, where: str) -> RawSeed:
    canonical = json.dumps(item.fields, sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"), default=str)
    sha = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
    if item.identity:
        kind, value = item.identity
        key = f"{kind}-{hashlib.sha256(value.encode('utf-8', 'surrogatepass')).hexdigest()[:16]}"
    else:
        key = f"sha-{sha[:16]}"
    return RawSeed(
        path=Path(f"{path}#{key}"),
        rel=f"{rel}#{key}",
        text=item.text,
        sha256=sha,
        encoding="utf-8",
        mtime=mtime,
        format="record-html" if item.html else "record",
        warnings=item.warnings,
        meta=tuple(sorted(item.meta.items())),
        where=where,
    )


# --- cleaning ----------------------------------------------------------------------------

def record_draft(raw: RawSeed) -> Draft:
    """The Draft of one record: the format's own title, byline, caption and dek; its
    text split into paragraphs (``record``) or extracted like an ``*.html`` seed
    (``record-html``). Never raises."""
    from news_digest.ingest.extract import extract_html, without_site_name

    meta = dict(raw.meta)
    stated = meta.get("title", "")
    title = without_site_name(stated, meta.get("publisher"))
    warnings = list(raw.warnings)
    if raw.format == "record-html":
        page = (f"<html><head><title>{html_lib.escape(stated)}</title></head>"
                f"<body><article>\n{raw.text}\n</article></body></html>")
        draft = extract_html(replace(raw, text=page, warnings=()))
        paragraphs = tuple(p for p in draft.paragraphs if p.strip() not in (stated, title))
        warnings.extend(draft.warnings)
    else:
        draft = Draft(title="", paragraphs=())
        paragraphs = tuple(" ".join(p.split()) for p in raw.text.split("\n") if p.strip())
    if not title and paragraphs:
        title = draft.title or _title_from(paragraphs[0])
        if not draft.title:
            warnings.append("the record has no title; took the start of its text")
            if title == paragraphs[0] and len(paragraphs) > 1:
                paragraphs = paragraphs[1:]
    author = meta.get("author")
    return replace(
        draft,
        title=title or draft.title,
        paragraphs=paragraphs,
        dek=meta.get("description") or draft.dek,
        caption=meta.get("image_caption") or draft.caption,
        byline=f"By {author}" if author else draft.byline,
        # The format's date is the article's: a dateline found in the text does not
        # override it (ingest's resolve_date trusts a dateline first).
        date=None if meta.get("date") else draft.date,
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _title_from(paragraph: str, words: int = 12) -> str:
    """A short first line is a title; else the first ``words`` words and an ellipsis."""
    if len(paragraph) <= 120:
        return paragraph
    parts = paragraph.split()
    return " ".join(parts[:words]) + "…"


def read_all(root: Path) -> Iterator[RawSeed | Skipped]:
    """Read every seed under ``root`` in stable order; unreadable ones come back as Skipped.

    A JSON, JSON Lines or feed file gives one seed per record; a record left out comes
    back as Skipped naming the file and the record.
    """
    for path in discover(root):
        try:
            if is_container(path):
                records = read_records(path, root)
                yield from records.seeds
                for problem in records.problems:
                    yield Skipped(Path(problem.label), problem.reason)
            else:
                yield read_seed(path, root)
        except SeedError as exc:
            yield Skipped(path, str(exc))
