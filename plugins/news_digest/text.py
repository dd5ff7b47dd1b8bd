"""Jobs every room shares, written once: slugs, atomic writes, web-URL checks, entity groups.

Each of these used to exist in two or three rooms with rules that disagreed (an entity
called "C++" and an article titled "C++ turns 40" got different slug rules; only one of
three atomic writers fsynced). Both halves of the product import them from here, so
``site/`` and ``ingest/`` agree without importing each other.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Sized
from pathlib import Path
from urllib.parse import urlsplit

from unidecode import unidecode

# ---------------------------------------------------------------- slugs

_SYMBOLS = (("++", " plus plus "), ("+", " plus "), ("#", " sharp "), ("&", " and "),
            ("@", " at "), ("%", " percent "))
"""Symbols that tell names apart: C, C++ and C# must not share a URL."""

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ](?=\w)")
"""An apostrophe inside a word is dropped, not a word break: ``Iran's`` → ``irans``."""


def slugify(text: str, max_length: int | None = None) -> str:
    """A URL-safe ASCII slug for any name or title, never empty.

    Letters are transliterated (``Øresund`` → ``oresund``, ``北京`` → ``bei-jing``,
    ``Москва`` → ``moskva``) rather than dropped, so a non-English title still gets a
    readable URL. Symbols that distinguish names become words (``C++`` →
    ``c-plus-plus``, ``C#`` → ``c-sharp``, ``AT&T`` → ``at-and-t``). Text with nothing
    to transliterate (emoji, punctuation) gets ``n-`` and a short hash of the text, so
    it still has a stable URL of its own. ``max_length`` cuts at a word boundary.
    """
    value = _APOSTROPHE.sub("", unicodedata.normalize("NFKC", text))
    for symbol, word in _SYMBOLS:
        value = value.replace(symbol, word)
    value = unidecode(value).lower()
    slug = _NON_SLUG.sub("-", value).strip("-")
    if max_length is not None and len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
        slug = slug.strip("-")
    if not slug:
        slug = "n-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return slug


_HTML_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,200})?/?>")
"""An HTML tag written out in text ("<i>", "</script>", '<span class="x">')."""


def without_tags(text: str) -> str:
    """``text`` with the HTML tags it quotes or a scraper left in it taken out (each
    leaves a space), or ``text`` itself when nothing else is left. Seed text is text: the
    tags stay in what is shown; this is for measuring it (a slug, code punctuation)."""
    return _HTML_TAG.sub(" ", text).strip() or text


def plural(count: int | Sized, one: str, many: str | None = None) -> str:
    """``plural(3, 'story', 'stories')`` → ``3 stories``; a list counts its items.

    One rule for every count the product prints, in log lines and in the theme (where it
    is the ``plural`` filter), so nothing says "1 posts" or "1 stories".
    """
    n = count if isinstance(count, int) else len(count)
    return f"{n} {one if n == 1 else (many or one + 's')}"


BOOL_WORDS: dict[str, bool] = {"1": True, "true": True, "yes": True, "on": True,
                               "0": False, "false": False, "no": False, "off": False}
"""How a person types true and false: in settings (``-e``) and in hand-edited front matter."""


# ---------------------------------------------------------------- words

WORD = re.compile(r"[a-z0-9]+(?:[-'&.][a-z0-9]+)*|[$£€%]")
"""A lower-cased word: letters and digits, kept whole across ``-``, ``'``, ``&`` and ``.``
(``al-asad``, ``o'brien``, ``at&t``, ``u.s``); currency and percent signs count too."""


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text`` (:data:`WORD`): what topic cues, keywords and
    story fingerprints are matched on."""
    return WORD.findall(text.lower().replace("’", "'"))


# ---------------------------------------------------------------- files

TEMP_FILE = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
"""What :func:`atomic_write` names its temp files (``.<name>.<random>.tmp``), so a crash's
leftovers can be recognised and removed."""


def atomic_write(path: Path, data: str | bytes, *, durable: bool = True) -> bool:
    """Replace ``path`` with ``data`` through a temp file and a rename.

    A reader, or a crash, sees the old file or the new one, never half of one. Returns
    False (and touches nothing) when the file already holds exactly these bytes, so an
    unchanged post or page keeps its mtime and incremental tools see no change.
    ``durable`` fsyncs before the rename: posts, the manifest and curator data need it
    (a power cut must not leave an empty post), while output pages, which the next build
    makes again, skip it: fsyncing 20,000 pages would cost more than rendering them.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.read_bytes() == raw:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def shown_path(path: Path | str) -> str:
    """A seed's or post's path as a warning line prints it.

    Relative to the working directory when it is under it (``seeds/a.txt``: what the
    user typed, what the README shows, and short enough to read on one line), else as
    given; bytes that are not UTF-8 are written as ``\\xe9`` so printing never fails.
    Works on the text, not the file system: a record's label (``feed.xml#3``) and a
    path that no longer exists are shortened alike, and nothing is resolved.
    """
    text = os.fspath(path)
    try:
        cwd = os.getcwd()
    except OSError:  # the working directory was deleted: nothing to be relative to
        cwd = ""
    if cwd and os.path.isabs(text):
        prefix = cwd if cwd.endswith(os.sep) else cwd + os.sep
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# ---------------------------------------------------------------- URLs

_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f\"'<>]+", re.IGNORECASE)


def web_url(value: object) -> str | None:
    """``value`` if it is an http(s) URL safe to put in ``href``, else None.

    Seeds and front matter are editable text: a ``javascript:`` or ``data:`` URL, or one
    with quotes or control characters, must never become a link. Nor one that does not
    parse as a URL: "http://[invalid/x" (an unclosed IPv6 bracket) made ``urlsplit``
    raise while a page was rendered, and the whole build stopped over one seed's URL.
    """
    if isinstance(value, str) and _WEB_URL.fullmatch(value.strip()):
        try:
            urlsplit(value.strip())
        except ValueError:
            return None
        return value.strip()
    return None


def url_host(url: object) -> str:
    """The host a link goes to, as a reader names a site ("example.org/a/very/long…" →
    "example.org"; a leading "www." off): what a link to a source says when the seed
    gave no publisher. A full address is one unbroken word that pushes a phone's page
    sideways, and says less. Empty for anything that is not a web URL."""
    found = web_url(url)
    if found is None:
        return ""
    host = urlsplit(found).hostname or ""
    return host.removeprefix("www.")


# ---------------------------------------------------------------- entity groups

ENTITY_GROUPS: dict[str, str] = {"person": "people", "organization": "organizations",
                                 "place": "places"}
"""Entity type (singular, as the registry and NER say it) → front-matter group (plural)."""

GROUP_TYPES: dict[str, str] = {group: kind for kind, group in ENTITY_GROUPS.items()}
"""Front-matter group → entity type: the inverse of :data:`ENTITY_GROUPS`."""
