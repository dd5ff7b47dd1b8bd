"""What a many-article file says: its records, read out of JSON, JSON Lines or a feed.

:mod:`news_digest.ingest.formats` reads the file and makes each :class:`Item` a seed;
this module only parses. A JSON record's fields are looked up by name (news-please's
first, then common alternatives); a feed is parsed by feedparser, its full content
preferred to its summary. A record that cannot be used comes back as a
:class:`RecordProblem` (the other records go on); a file that cannot be used at all
raises :class:`SeedError` (none of it is used).
"""

from __future__ import annotations

import calendar
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from news_digest.ingest.dates import epoch_date, parse_dateline, stated_date
from news_digest.ingest.seeds import SeedError, decode, normalise

# Field names, most specific first: news-please's own, then the common alternatives.
TEXT_FIELDS = ("maintext", "text", "content", "body", "article", "article_text")
TITLE_FIELDS = ("title", "headline", "title_page", "title_rss")
DATE_FIELDS = ("date_publish", "published", "date", "published_at", "pubdate",
               "date_published", "datePublished", "publishedAt")
URL_FIELDS = ("url", "link", "canonical_url", "source_url")
AUTHOR_FIELDS = ("authors", "author", "byline")
PUBLISHER_FIELDS = ("publisher", "source_name", "site_name", "source_domain", "source")
DESCRIPTION_FIELDS = ("description", "summary", "dek")
CAPTION_FIELDS = ("image_caption", "caption")
LIST_FIELDS = ("articles", "items", "results", "stories", "posts")
"""Where an API's response object keeps its list of articles (NewsAPI and GNews write
``{"status": "ok", "articles": […]}``): read when the object itself has no article text."""

SUMMARY_ONLY = "the feed entry has no full content; the post is built from its summary"

_MARKUP = re.compile(r"</?(?:p|div|br|span|a|em|strong|b|i|h[1-6]|ul|ol|li|figure|"
                     r"figcaption|img|blockquote|section|article)\b[^<>]{0,2000}>",
                     re.IGNORECASE)
"""Tags that show a text field holds HTML rather than text."""
_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")
_REFERENCE = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
"""An HTML character reference: ``&amp;``, ``&#8217;``, ``&#x2019;``."""
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


class RecordProblem(Exception):
    """One record that cannot be used; the message names why (the label names which).

    ``url`` is the record's URL when it has one, so the line naming the record can show
    it beside the line or index: a curator finds the record by either."""

    def __init__(self, reason: str, url: str = "") -> None:
        super().__init__(reason)
        self.url = url


@dataclass(frozen=True)
class Item:
    """One record, whatever its format: what
    :func:`news_digest.ingest.formats.read_records` makes a seed of."""

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


# --- JSON and JSON Lines -------------------------------------------------------------

def json_records(data: bytes, kind: str) -> list[tuple[str, Item | RecordProblem]]:
    text, _, notes = decode(data)
    records = _json_records(text, kind)
    if not notes:
        return records
    # A file not in UTF-8 was decoded as cp1252: each post says so, as a text seed's does
    # (a curator checks its accents), rather than the guess passing unseen.
    return [(where, replace(item, warnings=(*notes, *item.warnings))
             if isinstance(item, Item) else item) for where, item in records]


def _json_records(text: str, kind: str) -> list[tuple[str, Item | RecordProblem]]:
    out: list[tuple[str, Item | RecordProblem]] = []
    if kind == "jsonl":
        for number, line in enumerate(_LINE_END.split(text), start=1):
            if not line.strip():
                continue
            try:
                value = _loads(line)
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
        value = _loads(text)
    except RecursionError:
        raise SeedError(_TOO_DEEP) from None
    except ValueError as exc:
        raise SeedError(f"not valid JSON ({_json_reason(exc)})") from None
    if isinstance(value, dict):
        listed = _listed_records(value)
        if listed is None:
            return [("", _json_item(value))]
        value = listed
    if isinstance(value, list):
        if not value:
            raise SeedError("holds no JSON records (an empty list)")
        return [(f"#{n}", _json_item(item)) for n, item in enumerate(value, start=1)]
    raise SeedError(f"a JSON seed must be an object or a list of objects, not "
                    f"{type(value).__name__}")


_TOO_DEEP = "JSON nested too deeply to be an article record"
_LINE_END = re.compile(r"\r\n|\r|\n")
"""Where a JSON Lines record ends. Not :meth:`str.splitlines`, which also splits at
U+2028, U+2029 and NEL (U+0085): JSON allows those raw inside a string (Python's
``json.dumps(..., ensure_ascii=False)`` writes them so), and splitting there cut one valid
record into two invalid lines. A raw CR or LF cannot be inside a JSON string."""


def _loads(text: str) -> Any:
    """JSON with every lone surrogate (``"\\ud800"``, legal JSON from a scraper that cut a
    string between the halves of an emoji) made U+FFFD: such a string cannot be written
    as UTF-8, so it would skip the whole article at the last step, over one character."""
    return _whole(json.loads(text))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _whole(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_whole(v) for v in value]
    if isinstance(value, dict):
        return {_whole(k): _whole(v) for k, v in value.items()}
    return value


def _listed_records(value: dict[str, Any]) -> list[Any] | None:
    """The list of records an API response object wraps (:data:`LIST_FIELDS`), or None
    when the object is itself a record (it has article text) or wraps no list."""
    if _first_text(value, TEXT_FIELDS):
        return None
    for name in LIST_FIELDS:
        listed = value.get(name)
        if isinstance(listed, list) and any(isinstance(v, dict) for v in listed):
            return listed
    return None


def _json_reason(exc: ValueError, one_line: bool = False) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}" if one_line else \
            f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    return str(exc)


def _json_item(value: Any) -> Item | RecordProblem:
    if not isinstance(value, dict):
        return RecordProblem(f"a record must be a JSON object, not {type(value).__name__}")
    fields = {str(k): v for k, v in value.items()}
    text = _first_text(fields, TEXT_FIELDS)
    url = _first_text(fields, URL_FIELDS)
    if not text:
        listed = [name for name in LIST_FIELDS if isinstance(fields.get(name), list)]
        where = f"; the list under '{listed[0]}' holds no article objects" if listed else ""
        return RecordProblem(f"no article text (none of {', '.join(TEXT_FIELDS)}){where}",
                             url)
    date_field = next((name for name in DATE_FIELDS
                       if fields.get(name) not in (None, "", [], {})), "")
    meta = {
        "title": _unescaped(_first_text(fields, TITLE_FIELDS)),
        "date": _date_text(fields.get(date_field)),
        "url": url,
        "author": _authors(_first(fields, AUTHOR_FIELDS)),
        "publisher": _unescaped(_first_text(fields, PUBLISHER_FIELDS)
                                or _source_name(fields.get("source"))),
        "description": _unescaped(_without_markup(_first_text(fields, DESCRIPTION_FIELDS))),
        "image_caption": _unescaped(_first_text(fields, CAPTION_FIELDS)),
    }
    meta = {k: v for k, v in meta.items() if v}
    stated = {**meta, "date_field": date_field} if "date" in meta else meta
    canonical: dict[str, Any] = {"text": text, **meta}
    if "date" in meta and (read := _newly_read(meta["date"])) is not None:
        canonical["date_read"] = read
    return Item(fields=canonical, text=text, html=bool(_MARKUP.search(text)),
                 identity=("url", url) if url else None, meta=stated)


def _newly_read(date: str) -> str | None:
    """How a stated date reads, for a date that ingest did not read before it read Unix
    digits and one-order numeric dates and named the dates it cannot read ("27/01/2005",
    "1106438400000", "yesterday"); None for the others (ISO text, datelines).

    Put in the record's canonical fields, it changes the sha256 of exactly those
    records, so their posts, dated by the file's mtime with "no date in the seed", are
    written again with their date or a warning naming it; every other record keeps its
    sha256 and its post is not rewritten."""
    try:
        datetime.fromisoformat(date)
        return None
    except ValueError:
        pass
    if parse_dateline(date) is not None:
        return None
    found, why = stated_date(date)
    return found.isoformat() if found is not None else why


def _unescaped(text: str) -> str:
    """``text`` with HTML character references decoded once, spaces collapsed.

    Feeds and scrapers often carry a title, author or description still escaped for
    HTML ("Profits &amp; losses"); shown as it is, a reader would see "&amp;" (the
    writer escapes the text for output). Decoded once, not until nothing is left to
    decode: a headline about HTML may write "&amp;lt;" to mean "&lt;". A plain-text
    seed's prose is never decoded: there "&amp;" is what the text says. Only references
    closed by ";" count: HTML's legacy ones without it would turn "Pay&notice" into
    "Pay¬ice".
    """
    decoded = _REFERENCE.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text \
        else text
    return " ".join(decoded.split()) if decoded != text else text


def _without_markup(text: str) -> str:
    """A description with the tags a scraper left in it taken out: it becomes the post's
    summary, which is text (shown escaped), not HTML."""
    return " ".join(_ANY_TAG.sub(" ", text).split()) if _MARKUP.search(text) else text


def _source_name(value: Any) -> str:
    """A publisher given as an object (NewsAPI: ``"source": {"id": …, "name": "BBC"}``)."""
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return " ".join(value["name"].split())
    return ""


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
    clean = [_unescaped(" ".join(n.split())) for n in names if isinstance(n, str) and n.strip()]
    if len(clean) > 1:
        return ", ".join(clean[:-1]) + " and " + clean[-1]
    return clean[0] if clean else ""


def _date_text(value: Any) -> str:
    """A date as text ingest parses: strings as given (news-please writes
    ``2017-02-21 14:07:00``); numbers as Unix seconds, or milliseconds (as JavaScript
    scrapers write them), in ISO form (UTC). A number that is neither stays as it is,
    so ingest can name it in its warning rather than call the record undated."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        date = epoch_date(value)
        return date.isoformat() if date is not None else str(value)
    return ""


# --- RSS and Atom feeds (feedparser) ---------------------------------------------------

def feed_records(data: bytes) -> list[tuple[str, Item | RecordProblem]]:
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
    publisher = _unescaped(" ".join(str(feed.feed.get("title") or "").split()))
    # A wrong encoding declaration is the only flag we accept: the entries are whole,
    # only their bytes were decoded other than the file claimed; each post says so.
    notes = (f"feed {feed.bozo_exception}",) if feed.get("bozo") else ()
    out: list[tuple[str, Item | RecordProblem]] = []
    for number, entry in enumerate(feed.entries, start=1):
        out.append((f"#{number}", _feed_item(entry, publisher, notes)))
    if not out:
        raise SeedError("a feed without entries")
    return out


def _feed_item(entry: Any, publisher: str, notes: tuple[str, ...] = (),
               ) -> Item | RecordProblem:
    content = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    full = [c for c in content if str(c.get("type", "")).lower() in _HTML_TYPES] or content
    warnings: tuple[str, ...] = notes
    if full:
        body, kind = full[0]["value"], full[0].get("type", "")
    else:
        body, kind = entry.get("summary") or "", "text/html"
        warnings = (*notes, SUMMARY_ONLY)
    link = str(entry.get("link") or "").strip()
    if not body.strip():
        return RecordProblem("no article text (neither content nor summary)", link)
    is_html = str(kind).lower() in _HTML_TYPES or bool(_MARKUP.search(body))
    guid = str(entry.get("id") or "").strip()
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    date = datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC).isoformat() if stamp else ""
    meta = {
        "title": _unescaped(" ".join(str(entry.get("title") or "").split())),
        "date": date,
        "url": link,
        "author": _authors(entry.get("author") or ""),
        "publisher": publisher,
    }
    fields = {"guid": guid, "link": link, "title": meta["title"], "date": date,
              "author": meta["author"], "publisher": publisher, "body": body,
              "summary_only": not full}
    identity = ("guid", guid) if guid else ("url", link) if link else None
    return Item(fields=fields, text=normalise(body), html=is_html, identity=identity,
                 meta={k: v for k, v in meta.items() if v}, warnings=warnings)
