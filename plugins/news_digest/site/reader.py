"""Read posts with YAML front matter (what ingest writes) into Pelican articles.

A ``.md`` file that starts with a ``---`` fence is read here: YAML front matter (the
C loader when PyYAML has it) and a Markdown body rendered *without* the ``meta``
extension, so a body line such as ``Title: x`` stays text. Any other ``.md`` file is
handed to Pelican's own Markdown reader, so ordinary Pelican posts keep working.

Raw HTML: a post that came from a seed (it has ``ingest:`` or ``source:`` metadata)
is untrusted text, so raw HTML in its body is shown as text, never run, and links
with schemes other than http(s)/mailto/relative are dropped. Ingest escapes the
body already; this also covers a ``<script>`` a curator pastes in later. A post a
curator writes from scratch (neither key) is trusted like any Pelican post.

A front matter error is reported as ``file:line: message``, and the build goes on. A
typo must not take a live story off the site and out of every feed: each post read
without error is kept as its last good copy in ``CACHE_PATH/news-digest/posts/``, and a
post that cannot be read is built from that copy while the error lasts (the message
says so); a post with no copy (new, or the cache deleted) is skipped (Pelican's
``status: skip``).
"""

from __future__ import annotations

import copy
import hashlib
import html
import logging
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, ClassVar

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from pelican.readers import MarkdownReader

from news_digest.frontmatter import (
    FrontMatterError,
    load_front_matter,
    split_front_matter,
)
from news_digest.site import taxonomy as tx
from news_digest.text import BOOL_WORDS, atomic_write, web_url

log = logging.getLogger(__name__)

"""A source URL we link to: plain http(s), nothing that could leave the attribute."""

META_EXTENSION = "markdown.extensions.meta"
SAFE_SCHEMES = ("http:", "https:", "mailto:")

# Keys we interpret ourselves; any other key is handed to Pelican's processors.
OWN_KEYS = frozenset({
    "title", "date", "date_source", "slug", "section", "summary", "image_caption",
    "byline", "source", "topics", "keywords", "entities", "story", "ingest", "versions",
    "featured", "order", "spellings", "guid", "modified", "cued", "works",
})



def parse_date(value: Any, path: str) -> datetime:
    """An aware UTC datetime from YAML's datetime/date or an ISO string.

    Times without a zone are taken as UTC (the zone ingest writes); everything is
    normalised to UTC so editions group by the same calendar day everywhere.
    """
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime.combine(value, time())
    elif isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip().replace(" ", "T", 1))
        except ValueError:
            raise FrontMatterError(f"{path}: date {value!r} is not an ISO date") from None
    else:
        raise FrontMatterError(f"{path}: date {value!r} is not a date")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def time_known(value: Any) -> bool:
    """False when a post's date carries no time of day, so pages show the date only.

    ``date: 2020-01-08`` has none. Nor does exactly midnight (``T00:00:00`` in the zone
    written): ingest writes midnight for every source that gives a day only (a seed's
    path, a dateline without a time, metadata without one), and "00:00" on a card was
    a time nobody reported. A story really published at 00:00:00 shows its date only,
    which is still true.
    """
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        return False
    else:
        try:
            dt = datetime.fromisoformat(str(value).strip().replace(" ", "T", 1))
        except ValueError:
            return False
        if "T" not in str(value).strip().replace(" ", "T", 1):
            return False
    return (dt.hour, dt.minute, dt.second, dt.microsecond) != (0, 0, 0, 0)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _names(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple):
        return []
    return [n for n in (_text(v) for v in value if not isinstance(v, Mapping | list)) if n]


def entity_names(value: Any, path: str) -> tuple[tuple[str, str], ...]:
    """(group, name) pairs from ``entities:``; unknown groups are warned about."""
    pairs: list[tuple[str, str]] = []
    if isinstance(value, Mapping):
        for key, names in value.items():
            group = tx.GROUP_OF_TYPE.get(str(key).strip().lower())
            if group is None:
                log.warning("%s: unknown entity type %r (expected people, organizations, "
                            "places); ignored", path, key)
                continue
            pairs.extend((group, n) for n in _names(names))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, Mapping):
                group = tx.GROUP_OF_TYPE.get(str(item.get("type", "")).strip().lower())
                name = _text(item.get("name"))
                if group and name:
                    pairs.append((group, name))
    elif value is not None:
        log.warning("%s: entities should be a mapping of type to names; ignored", path)
    return tuple(dict.fromkeys(pairs))


def entity_spellings(value: Any, path: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(name, spellings) pairs from ``spellings:`` (name → the other spellings the
    article wrote for it), in the file's order. A curator may edit or delete the key;
    what cannot be read as names is warned about and ignored, never a reason to skip
    the post: the spellings only add to the entity page's "Also known as"."""
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        log.warning("%s: spellings should be a mapping of name to spellings; ignored", path)
        return ()
    out: dict[str, tuple[str, ...]] = {}
    for name, forms in value.items():
        name = _text(name) if not isinstance(name, Mapping | list) else None
        found = tuple(dict.fromkeys(_names(forms)))
        if name and found:
            out[name] = tuple(dict.fromkeys((*out.get(name, ()), *found)))
    return tuple(out.items())


class _SafeLinks(Treeprocessor):
    """Drop href/src values whose scheme could run script (``javascript:`` …)."""

    def run(self, root: Any) -> None:
        for el in root.iter():
            for attr in ("href", "src"):
                value = el.get(attr)
                if value is None:
                    continue
                scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*:)", value)
                if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
                    del el.attrib[attr]


def markdown_config(settings: Mapping[str, Any]) -> dict[str, Any]:
    """Pelican's ``MARKDOWN`` setting without the ``meta`` extension."""
    config = copy.deepcopy(dict(settings.get("MARKDOWN", {})))
    configs = {k: v for k, v in config.get("extension_configs", {}).items()
               if k != META_EXTENSION}
    exts = [e for e in config.get("extensions", []) if e != META_EXTENSION]
    exts += [k for k in configs if k not in exts]
    config["extension_configs"] = configs
    config["extensions"] = exts
    config.setdefault("output_format", "html5")
    return config


def make_markdown(settings: Mapping[str, Any], escape_html: bool) -> Markdown:
    md = Markdown(**markdown_config(settings))
    if escape_html:
        if "html_block" in md.preprocessors:
            md.preprocessors.deregister("html_block")
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "news_digest_safe_links", 0)
    return md


class NewsDigestReader(MarkdownReader):
    """Markdown with YAML front matter; plain Pelican Markdown otherwise."""

    file_extensions: ClassVar[list[str]] = ["md", "markdown", "mkd", "mdown"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._md_cache: dict[bool, Markdown] = {}

    def _markdown(self, escape_html: bool) -> Markdown:
        md = self._md_cache.get(escape_html)
        if md is None:
            md = self._md_cache[escape_html] = make_markdown(self.settings, escape_html)
        md.reset()
        return md

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        text = Path(source_path).read_text(encoding="utf-8-sig")
        yaml_text, body = split_front_matter(text)
        if yaml_text is None:
            return super().read(source_path)
        kept = self._last_good(source_path)
        try:
            fm = load_front_matter(yaml_text, source_path)
            metadata = self.metadata_from(fm, source_path)
        except FrontMatterError as exc:
            good = self._read_copy(kept, source_path)
            if good is None:
                log.error("%s — post skipped", exc)
                return "", {"status": "skip", "title": Path(source_path).stem}
            fm, metadata, body, when = good
            log.error("%s — the last good copy of %s is built until it is fixed", exc, when)
        else:
            if kept is not None:
                kept.parent.mkdir(parents=True, exist_ok=True)
                atomic_write(kept, text, durable=False)  # no write when unchanged
        escape = "ingest" in fm or "source" in fm
        content = self._markdown(escape).convert(body)
        metadata["summary_is_lead"] = summary_is_lead(metadata.get("summary_text"), content)
        return content, metadata

    def _last_good(self, source_path: str) -> Path | None:
        """Where the post's last good copy is kept: its path under ``PATH``, in a folder
        of the cache named for ``PATH`` (two sites may share a cache), or None for a
        post outside ``PATH`` or without a ``CACHE_PATH``."""
        cache, content = self.settings.get("CACHE_PATH"), self.settings.get("PATH")
        if not cache or not content:
            return None
        root = Path(content).resolve()
        try:
            rel = Path(source_path).resolve().relative_to(root)
        except ValueError:
            return None
        site = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        return Path(cache) / "news-digest" / "posts" / site / rel

    def _read_copy(self, kept: Path | None, source_path: str
                   ) -> tuple[Mapping[str, Any], dict[str, Any], str, str] | None:
        """Front matter, metadata and body of the last good copy, and when it was kept;
        None when there is none (or it no longer reads: the settings changed)."""
        if kept is None or not kept.is_file():
            return None
        try:
            yaml_text, body = split_front_matter(kept.read_text(encoding="utf-8-sig"))
            if yaml_text is None:
                return None
            fm = load_front_matter(yaml_text, source_path)
            metadata = self.metadata_from(fm, source_path)
        except (OSError, UnicodeDecodeError, FrontMatterError):
            return None
        when = datetime.fromtimestamp(kept.stat().st_mtime, UTC)
        return fm, metadata, body, f"{when:%Y-%m-%d %H:%M} UTC"

    def metadata_from(self, fm: Mapping[str, Any], path: str) -> dict[str, Any]:
        """Pelican metadata from front matter, as plain values (names, not refs)."""
        meta: dict[str, Any] = {}
        title = _text(fm.get("title"))
        if title is None:
            raise FrontMatterError(f"{path}:2: front matter has no title")
        meta["title"] = title
        if fm.get("date") is not None:
            meta["date"] = parse_date(fm["date"], path)
            meta["time_known"] = time_known(fm["date"])
        if fm.get("modified") is not None:
            modified = modified_date(fm["modified"], meta.get("date"), path)
            if modified is not None:
                meta["modified"] = modified
        for key in ("slug", "section", "date_source", "image_caption", "byline", "story",
                    "guid"):
            value = _text(fm.get(key))
            if value is not None:
                meta[key] = value
        summary = _text(fm.get("summary"))
        if summary is not None:
            meta["summary"] = html.escape(summary, quote=False)
            meta["summary_text"] = summary
        source = fm.get("source")
        if isinstance(source, Mapping):
            meta["source"] = {str(k): v for k, v in source.items()}
            url = meta["source"].get("url")
            if url is not None and web_url(url) is None:
                # Front matter is editable: a "javascript:" URL must not become a link.
                log.warning("%s: source url %r is not an http(s) URL; not linked",
                            path, str(url)[:200])
                meta["source"]["url"] = None
        meta.update(curation_flags(fm, path))
        meta["versions"] = versions(fm.get("versions"), path)
        if isinstance(fm.get("ingest"), Mapping):
            meta["ingest"] = dict(fm["ingest"])
        meta["generated"] = "ingest" in fm or "source" in fm
        meta["keywords"] = tuple(_names(fm.get("keywords")))
        topic_ids = tuple(dict.fromkeys(_names(fm.get("topics"))))
        meta["topic_ids"] = topic_ids
        meta["entity_names"] = entity_names(fm.get("entities"), path)
        meta["entity_spellings"] = entity_spellings(fm.get("spellings"), path)
        # names whose type a close cue in the text stated: evidence for the corpus vote
        meta["entity_cued"] = tuple(dict.fromkeys(_names(fm.get("cued"))))
        # names a works cue called a work ("the film X"): no page, corpus-wide
        meta["entity_works"] = tuple(dict.fromkeys(_names(fm.get("works"))))
        # The refs (names, slugs, URLs) are made for the whole site at once by the
        # generator (site/generator.py), from these plain names: the reader keeps none,
        # so Pelican's content cache holds no objects it must rebuild on every load.
        for key, value in fm.items():
            if key in OWN_KEYS or key in meta:
                continue
            # Pelican's processors (tags, status, modified…) take strings or lists.
            meta[key] = (self.process_metadata(key, value) if isinstance(value, str | list)
                         else value)
        return meta


def modified_date(value: Any, published: datetime | None, path: str) -> datetime | None:
    """``modified:``, the date a curator (or a tool) last changed what the post says, as
    an aware UTC datetime: the feeds' Atom ``updated`` and JSON-LD ``dateModified``.

    The site never takes it from the file's mtime: the same posts must build the same
    bytes on any clone. A value that is not a date, or one before ``date`` (an item
    cannot be updated before it was published), is named in a warning and ignored; the
    post still builds."""
    try:
        modified = parse_date(value, path)
    except FrontMatterError:
        log.warning("%s: modified %r is not an ISO date; ignored", path, value)
        return None
    if published is not None and modified < published:
        log.warning("%s: modified %s is before the post's date %s; ignored", path,
                    modified.isoformat(), published.isoformat())
        return None
    return modified


def curation_flags(fm: Mapping[str, Any], path: str) -> dict[str, Any]:
    """``featured`` (bool) and ``order`` (int or None) from a curator's front matter.

    Both are hand-typed, so ``featured: "yes"`` and ``order: "2"`` are accepted; a value
    that means neither is named in one warning line and ignored (the post still builds).
    ``status`` is left to Pelican, which knows ``published``, ``hidden`` and ``draft``.
    """
    flags: dict[str, Any] = {"featured": False, "order": None}
    featured = fm.get("featured")
    if isinstance(featured, bool):
        flags["featured"] = featured
    elif featured is not None:
        word = BOOL_WORDS.get(str(featured).strip().lower())
        if word is None:
            log.warning("%s: featured %r is not true or false; ignored", path, featured)
        else:
            flags["featured"] = word
    order = fm.get("order")
    if order is not None:
        try:
            if isinstance(order, bool) or float(order) != int(order):
                raise ValueError
            flags["order"] = int(order)
        except (TypeError, ValueError):
            log.warning("%s: order %r is not a whole number; ignored", path, order)
    return flags


def versions(value: Any, path: str) -> tuple[dict[str, str | None], ...]:
    """The ``versions`` list (copies of this article: title, publisher, url, date) as
    plain text fields; a URL that is not http(s) is dropped, an entry that is not a
    mapping is reported and skipped."""
    if value is None:
        return ()
    if not isinstance(value, list):
        log.warning("%s: 'versions' should be a list of mappings; ignored", path)
        return ()
    out = []
    for item in value:
        if not isinstance(item, Mapping):
            log.warning("%s: a 'versions' entry is not a mapping; skipped", path)
            continue
        entry = {k: _text(item.get(k)) for k in ("title", "publisher", "url", "date")}
        if entry["url"] is not None and web_url(entry["url"]) is None:
            entry["url"] = None
        if entry["date"] is not None:
            entry["date"] = entry["date"][:10]
        out.append(entry)
    return tuple(out)


_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_LEAD_PARAGRAPH = re.compile(r"\s*<p>(.*?)</p>", re.DOTALL)
"""The body's first paragraph, and each one straight after it."""


def summary_is_lead(summary: str | None, content_html: str) -> bool:
    """True when the summary just repeats the opening of the body (an extractive lead):
    the first paragraph, or the first paragraphs and the start of the next one, word
    for word (a summary cut short with "…" included).

    The article page then skips the dek, as newsrooms drop a standfirst that is just the
    lead, so readers do not read the same sentences twice; an edition's feed item skips
    it too. Cards and the feeds' descriptions still use the summary.
    """
    if not summary:
        return False
    wanted = " ".join(summary.rstrip().rstrip("…").split())
    if not wanted:
        return False
    opening, pos = "", 0
    while len(opening) < len(wanted):  # the body's leading paragraphs, as one text
        para = (_LEAD_PARAGRAPH.match(content_html, pos) if pos
                else _FIRST_PARAGRAPH.search(content_html))
        if para is None:
            return False
        pos = para.end()
        words = " ".join(html.unescape(re.sub(r"<[^>]+>", "", para.group(1))).split())
        opening = f"{opening} {words}" if opening else words
    return opening.startswith(wanted)
