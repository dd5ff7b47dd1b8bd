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
used) or per record (a :class:`RecordProblem`: the other records go on).
"""

from __future__ import annotations

import calendar
import hashlib
import html as html_lib
import json
import re
import stat as stat_mode
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from news_digest.ingest.seeds import (
    CONTAINER_SUFFIXES,
    MAX_SEED_BYTES,
    SeedError,
    Skipped,
    decode,
    discover,
    normalise,
    read_seed,
)
from news_digest.model import Draft, RawSeed

RECORD_FORMATS = frozenset({"record", "record-html"})
"""``RawSeed.format`` values this module makes (and :func:`record_draft` cleans)."""

# Field names, most specific first: news-please's own, then the common alternatives.
TEXT_FIELDS = ("maintext", "text", "content", "body", "article", "article_text")
TITLE_FIELDS = ("title", "headline", "title_page", "title_rss")
DATE_FIELDS = ("date_publish", "published", "date", "published_at", "pubdate",
               "date_published", "datePublished")
URL_FIELDS = ("url", "link", "canonical_url", "source_url")
AUTHOR_FIELDS = ("authors", "author", "byline")
PUBLISHER_FIELDS = ("publisher", "source_name", "site_name", "source_domain", "source")
DESCRIPTION_FIELDS = ("description", "summary", "dek")
CAPTION_FIELDS = ("image_caption", "caption")

SUMMARY_ONLY = "the feed entry has no full content; the post is built from its summary"

_MARKUP = re.compile(r"</?(?:p|div|br|span|a|em|strong|b|i|h[1-6]|ul|ol|li|figure|"
                     r"figcaption|img|blockquote|section|article)\b[^<>]{0,2000}>",
                     re.IGNORECASE)
"""Tags that show a text field holds HTML rather than text."""
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


class RecordProblem(Exception):
    """One record that cannot be used; the message names why (the label names which)."""


@dataclass(frozen=True)
class Problem:
    """A record left out, and why: one line in the ingest summary."""

    label: str
    """``<file>#<n>`` (JSON array item or feed entry) or ``<file>:<line>`` (JSON Lines)."""
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
    data, mtime = _read_bytes(path)
    rel = _rel(path, root)
    kind = CONTAINER_SUFFIXES[path.suffix.lower()]
    items = _feed_records(data) if kind == "feed" else _json_records(data, kind)
    seeds: dict[str, RawSeed] = {}
    problems: list[Problem] = []
    for label, item in items:
        if isinstance(item, RecordProblem):
            problems.append(Problem(f"{path}{label}", str(item)))
            continue
        try:
            seed = _to_seed(item, path, rel, mtime)
        except RecordProblem as exc:
            problems.append(Problem(f"{path}{label}", str(exc)))
            continue
        seeds.pop(seed.rel, None)  # the later copy wins, and takes the later place
        seeds[seed.rel] = seed
    return Records(hashlib.sha256(data).hexdigest(), tuple(seeds.values()), tuple(problems))


# --- reading ---------------------------------------------------------------------------

def _read_bytes(path: Path) -> tuple[bytes, float]:
    try:
        stat = path.stat()
        if not stat_mode.S_ISREG(stat.st_mode):
            raise SeedError("not a regular file (a pipe, socket or device)")
        if stat.st_size > MAX_SEED_BYTES:
            raise SeedError(f"larger than {MAX_SEED_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise SeedError("is empty")
    return data, stat.st_mtime


def _rel(path: Path, root: Path | None) -> str:
    try:
        return path.relative_to(root).as_posix() if root is not None and root.is_dir() \
            else path.name
    except ValueError:
        return path.name


@dataclass(frozen=True)
class _Item:
    """One record, whatever its format, in the shape :func:`_to_seed` takes."""

    fields: Mapping[str, Any]
    """What the post is made of, canonicalised into the record's sha256. Only the fields
    ingest uses: a scraper re-saving a story with a new ``date_download`` does not make
    it a changed record."""
    text: str
    html: bool
    identity: tuple[str, str] | None
    """(kind, value) that names the record: ("url", …) or ("guid", …)."""
    meta: Mapping[str, str]
    warnings: tuple[str, ...] = ()


def _json_records(data: bytes, kind: str) -> list[tuple[str, _Item | RecordProblem]]:
    text, _, _ = decode(data)
    out: list[tuple[str, _Item | RecordProblem]] = []
    if kind == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except RecursionError:
                out.append((f":{number}", RecordProblem(_TOO_DEEP)))
                continue
            except ValueError as exc:
                reason = f"not valid JSON ({_json_reason(exc, one_line=True)})"
                out.append((f":{number}", RecordProblem(reason)))
                continue
            out.append((f":{number}", _json_item(value)))
        if not out:
            raise SeedError("holds no JSON records")
        return out
    try:
        value = json.loads(text)
    except RecursionError:
        raise SeedError(_TOO_DEEP) from None
    except ValueError as exc:
        raise SeedError(f"not valid JSON ({_json_reason(exc)})") from None
    if isinstance(value, dict):
        return [("", _json_item(value))]
    if isinstance(value, list):
        if not value:
            raise SeedError("holds no JSON records (an empty list)")
        return [(f"#{n}", _json_item(item)) for n, item in enumerate(value, start=1)]
    raise SeedError(f"a JSON seed must be an object or a list of objects, not "
                    f"{type(value).__name__}")


_TOO_DEEP = "JSON nested too deeply to be an article record"


def _json_reason(exc: ValueError, one_line: bool = False) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}" if one_line else \
            f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    return str(exc)


def _json_item(value: Any) -> _Item | RecordProblem:
    if not isinstance(value, dict):
        return RecordProblem(f"a record must be a JSON object, not {type(value).__name__}")
    fields = {str(k): v for k, v in value.items()}
    text = _first_text(fields, TEXT_FIELDS)
    if not text:
        return RecordProblem(f"no article text (none of {', '.join(TEXT_FIELDS)})")
    url = _first_text(fields, URL_FIELDS)
    meta = {
        "title": _first_text(fields, TITLE_FIELDS),
        "date": _date_text(_first(fields, DATE_FIELDS)),
        "url": url,
        "author": _authors(_first(fields, AUTHOR_FIELDS)),
        "publisher": _first_text(fields, PUBLISHER_FIELDS),
        "description": _first_text(fields, DESCRIPTION_FIELDS),
        "image_caption": _first_text(fields, CAPTION_FIELDS),
    }
    meta = {k: v for k, v in meta.items() if v}
    return _Item(fields={"text": text, **meta}, text=text, html=bool(_MARKUP.search(text)),
                 identity=("url", url) if url else None, meta=meta)


def _first(fields: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = fields.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _first_text(fields: Mapping[str, Any], names: tuple[str, ...]) -> str:
    """The first of ``names`` that holds a non-blank string (a number or list does not)."""
    for name in names:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return normalise(value).strip()
    return ""


def _authors(value: Any) -> str:
    """``["A", "B", "C"]`` → ``A, B and C``; a string stays as it is."""
    if isinstance(value, str):
        names = [value]
    elif isinstance(value, list):
        names = [v.get("name", "") if isinstance(v, dict) else v for v in value]
    elif isinstance(value, dict):
        names = [value.get("name", "")]
    else:
        return ""
    clean = [" ".join(n.split()) for n in names if isinstance(n, str) and n.strip()]
    if len(clean) > 1:
        return ", ".join(clean[:-1]) + " and " + clean[-1]
    return clean[0] if clean else ""


def _date_text(value: Any) -> str:
    """A date as an ISO string ingest parses: strings as given (news-please writes
    ``2017-02-21 14:07:00``), numbers as Unix seconds (UTC)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value, tz=UTC).isoformat()
        except (OverflowError, OSError, ValueError):
            return ""
    return ""


def _feed_records(data: bytes) -> list[tuple[str, _Item | RecordProblem]]:
    import feedparser

    # Bytes, never a string: feedparser fetches a string that looks like a URL.
    try:
        feed = feedparser.parse(data)
    except Exception as exc:  # feedparser catches most of its own errors; not all
        raise SeedError(f"feedparser could not read it ({exc!r})") from None
    if feed.get("bozo") and not isinstance(feed.get("bozo_exception"),
                                           feedparser.CharacterEncodingOverride):
        reason = feed.get("bozo_exception")
        raise SeedError(f"not a well-formed RSS or Atom feed ({reason}); none of its "
                        f"entries ingested")
    if not feed.get("version"):
        raise SeedError("not an RSS or Atom feed")
    publisher = " ".join(str(feed.feed.get("title") or "").split())
    # A wrong encoding declaration is the only flag we accept: the entries are whole,
    # only their bytes were decoded other than the file claimed; each post says so.
    notes = (f"feed {feed.bozo_exception}",) if feed.get("bozo") else ()
    out: list[tuple[str, _Item | RecordProblem]] = []
    for number, entry in enumerate(feed.entries, start=1):
        out.append((f"#{number}", _feed_item(entry, publisher, notes)))
    if not out:
        raise SeedError("a feed without entries")
    return out


def _feed_item(entry: Any, publisher: str, notes: tuple[str, ...] = (),
               ) -> _Item | RecordProblem:
    content = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    full = [c for c in content if str(c.get("type", "")).lower() in _HTML_TYPES] or content
    warnings: tuple[str, ...] = notes
    if full:
        body, kind = full[0]["value"], full[0].get("type", "")
    else:
        body, kind = entry.get("summary") or "", "text/html"
        warnings = (*notes, SUMMARY_ONLY)
    if not body.strip():
        return RecordProblem("no article text (neither content nor summary)")
    is_html = str(kind).lower() in _HTML_TYPES or bool(_MARKUP.search(body))
    link = str(entry.get("link") or "").strip()
    guid = str(entry.get("id") or "").strip()
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    date = datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC).isoformat() if stamp else ""
    meta = {
        "title": " ".join(str(entry.get("title") or "").split()),
        "date": date,
        "url": link,
        "author": _authors(entry.get("author") or ""),
        "publisher": publisher,
    }
    fields = {"guid": guid, "link": link, "title": meta["title"], "date": date,
              "author": meta["author"], "publisher": publisher, "body": body,
              "summary_only": not full}
    identity = ("guid", guid) if guid else ("url", link) if link else None
    return _Item(fields=fields, text=normalise(body), html=is_html, identity=identity,
                 meta={k: v for k, v in meta.items() if v}, warnings=warnings)


def _to_seed(item: _Item, path: Path, rel: str, mtime: float) -> RawSeed:
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
    )


# --- cleaning ----------------------------------------------------------------------------

def record_draft(raw: RawSeed) -> Draft:
    """The Draft of one record: the format's own title, byline, caption and dek; its
    text split into paragraphs (``record``) or extracted like an ``*.html`` seed
    (``record-html``). Never raises."""
    meta = dict(raw.meta)
    title = meta.get("title", "")
    warnings = list(raw.warnings)
    if raw.format == "record-html":
        from news_digest.ingest.extract import extract_html

        page = (f"<html><head><title>{html_lib.escape(title)}</title></head>"
                f"<body><article>\n{raw.text}\n</article></body></html>")
        draft = extract_html(replace(raw, text=page, warnings=()))
        paragraphs = tuple(p for p in draft.paragraphs if p.strip() != title)
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
