"""Editor's notes: a curator's few lines on top of an edition.

``content/editions/2020-01-08.md`` belongs to the daily edition of 8 January 2020,
``content/editions/2020-W02.md`` to the weekly one. A note is Markdown with optional
YAML front matter (``title``, ``summary``). Curators write notes, so their Markdown is
trusted like a hand-written post's (see ``reader.py``). The folder is kept out of
Pelican's articles (``hooks.exclude_notes``), so a note never becomes a story.

A note that cannot be used (bad name, bad YAML, not UTF-8) is named in one warning line
and left out; the build goes on.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from news_digest.frontmatter import FrontMatterError, load_front_matter, split_front_matter
from news_digest.site.reader import make_markdown

log = logging.getLogger(__name__)

NOTE_NAME = re.compile(r"(?P<key>\d{4}-\d{2}-\d{2}|\d{4}-W\d{2})\.(?:md|markdown)")
"""``YYYY-MM-DD.md`` (daily) or ``YYYY-Www.md`` (weekly): the edition's URL segment."""


@dataclass(frozen=True)
class Note:
    """One editor's note, ready for the templates and the edition feed."""

    key: str
    """The edition it belongs to: ``2020-01-08`` or ``2020-W02``."""
    title: str | None
    summary: str | None
    """Plain text (templates escape it)."""
    html: str
    """The rendered Markdown body."""
    source: str
    """The note's file, for messages."""


def _valid_key(key: str) -> bool:
    try:
        if "W" in key:
            year, week = key.split("-W")
            date.fromisocalendar(int(year), int(week), 1)
        else:
            date.fromisoformat(key)
    except ValueError:
        return False
    return True


def read_note(path: Path, settings: Mapping[str, Any]) -> Note | None:
    """The note in ``path``, or None (with one warning line saying why)."""
    m = NOTE_NAME.fullmatch(path.name)
    if m is None or not _valid_key(m.group("key")):
        log.warning("%s: an editor's note is named YYYY-MM-DD.md or YYYY-Www.md "
                    "(the edition's date or ISO week); ignored", path)
        return None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("%s: editor's note not read: %s", path, exc)
        return None
    yaml_text, body = split_front_matter(text)
    fm: dict[str, Any] = {}
    if yaml_text is not None:
        try:
            fm = load_front_matter(yaml_text, str(path))
        except FrontMatterError as exc:
            log.warning("%s — editor's note left out", exc)
            return None

    def text_of(key: str) -> str | None:
        value = fm.get(key)
        return " ".join(str(value).split()) or None if value is not None else None

    md = make_markdown(settings, escape_html=False)
    return Note(key=m.group("key"), title=text_of("title"), summary=text_of("summary"),
                html=md.convert(body).strip(), source=str(path))


def load_notes(folder: Path, settings: Mapping[str, Any]) -> dict[str, Note]:
    """Every note in ``folder`` by edition key; an absent folder means no notes."""
    if not folder.is_dir():
        return {}
    notes: dict[str, Note] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        note = read_note(path, settings)
        if note is not None:
            notes[note.key] = note
    return notes


def unused(notes: Mapping[str, Note], keys: set[str]) -> list[Note]:
    """Notes whose edition does not exist (no listed story on that day or week)."""
    return [n for k, n in sorted(notes.items()) if k not in keys]


def feed_html(note: Note) -> str:
    """The note as it opens an edition's feed item."""
    parts = ['<div class="editor-note">']
    if note.title:
        parts.append(f"<h2>{html.escape(note.title)}</h2>")
    if note.summary:
        parts.append(f"<p><strong>{html.escape(note.summary)}</strong></p>")
    parts += [note.html, "</div>"]
    return "".join(parts)
