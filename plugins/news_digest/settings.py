"""Every news-digest setting, its default and its check, in one place.

Settings come from ``pelicanconf.py`` (or ``pelican -e``) as ``NEWS_DIGEST_*`` keys,
and from the ``news-digest`` command's flags. Both paths end in :func:`from_mapping`,
so a bad value gets the same message wherever it was given: the key, the value,
and what was expected (the way MkDocs reports configuration errors).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from news_digest.errors import SettingsError
from news_digest.text import BOOL_WORDS

PREFIX = "NEWS_DIGEST_"

__all__ = ["PREFIX", "Settings", "SettingsError", "documented", "from_mapping", "resolve"]


@dataclass(frozen=True)
class Settings:
    """The plugin's settings. Paths are resolved against ``base`` (the site folder)."""

    seeds: Path = Path("seeds")
    """Folder of raw seed files, read recursively (relative paths: from the working directory)."""
    content: Path = Path("content")
    """Where ingest writes posts; Pelican's ``PATH``."""
    auto_ingest: bool = True
    """Run ingest before Pelican reads content."""
    manifest: str = ".news-digest/manifest.json"
    """Manifest path, relative to ``content``: seed sha256 → post and its digest."""
    ingest_cache: str = ""
    """Folder where ingest keeps what it learned between runs (each source folder's
    boilerplate, the story index's reading of the posts), so one new seed does not
    re-read the site; empty keeps nothing. Pelican builds and the ``news-digest``
    command default it to ``CACHE_PATH/news-digest/ingest``. Safe to delete."""
    data_dir: Path = Path("data")
    """Curator-edited data files: ``entities.yml``, ``topics.yml``."""
    publisher: str | None = None
    """Default publisher credited when a seed names none."""
    ner_backend: str = "auto"
    """``auto`` (spaCy if the model is installed, else rules), ``spacy`` or ``rules``."""
    processes: int = 0
    """Worker processes for ingest; 0 means one per core (capped at 4). A small ingest
    forks one worker on Linux (``ingest.workers.overlap_worker``); 1 keeps all work in
    this process."""
    batch_size: int = 32
    """Seeds per NER batch."""
    ner_max_chars: int = 100_000
    """Entity recognition reads at most this many characters of an article (title,
    caption, then paragraphs); a longer one is read to that point and its post gets a
    warning. A 5,000-word feature is about 30,000; 0 reads everything."""
    max_topics: int = 3
    """At most this many topics per article, primary first."""
    summary_chars: int = 300
    """Summaries are one or two whole sentences within about this many characters."""
    entity_feed_min: int = 3
    """An entity gets its own feed once it appears in this many articles."""
    entity_page_min: int = 2
    """An entity gets a page (and linked chips) once it appears in this many stories;
    curated registry entries always do. Other names show as plain text."""
    entity_index_top: int = 60
    """The entities index lists this many most-mentioned entities per type; the rest are on
    the type's A–Z page (``/entities/<type>/``)."""
    entity_window_days: int = 90
    """A bare surname may resolve to a full name seen in other stories within this many
    days; beyond it, or with two candidates, it stays plain text."""
    weekly_editions: bool = False
    """Also build weekly editions at ``/editions/YYYY-Www/``."""
    notes: str = "editions"
    """Folder of editor's notes (``YYYY-MM-DD.md``, ``YYYY-Www.md``), relative to ``content``."""
    feed_items: int = 50
    """Items per feed."""
    entity_feed_items: int = 20
    """Items per entity feed (at most ``feed_items``): a site has thousands of them."""
    feed_full_text: tuple[str, ...] = ("all", "editions")
    """Feeds whose items carry the full article (``all``, ``topics``, ``entities``), or,
    for ``editions``, each of the day's stories in full (headline, summary, text); the
    others carry the summary and a link (an edition: its headlines and links)."""
    taxonomy_feed_formats: tuple[str, ...] = ("atom",)
    """Formats of each topic and entity feed (``atom``, ``rss``); the site and edition
    feeds are written in both. Each format is one more file per entity, and every common
    reader (feedparser, newsboat, Thunderbird, NetNewsWire, Feedly) reads Atom."""
    feed_max_bytes: int = 524288
    """Largest feed file; older items are left out to stay under it (512 KiB, the limit
    FeedBurner set and many readers still assume). An item whose full text would fill
    more than a quarter of it carries its summary and a link (an edition: its headlines)
    instead, so one huge article cannot push the other items out."""
    news_sitemap_hours: int = 48
    """The news sitemap lists articles this many hours back from the newest one."""
    related_count: int = 5
    """Related stories shown on an article page."""
    steps: tuple[str, ...] = ()
    """Extra enrichment steps (``"package.module:function"``), run after the built-in ones."""
    search: bool = True
    """Build a Pagefind index after the site when ``pagefind-bin`` is installed."""
    export: bool = True
    """Write ``export/posts.jsonl``: every published post with its resolved entities."""
    topic_url: str = "topics/{slug}/"
    """URL of a topic page (``{slug}``); a folder, saved as ``index.html`` inside it."""
    entity_url: str = "entities/{group}/{slug}/"
    """URL of an entity page (``{group}``: people, organizations or places; ``{slug}``)."""
    edition_url: str = "editions/{key}/"
    """URL of an edition (``{key}``: ``2020-01-08`` daily, ``2020-W02`` weekly)."""
    story_url: str = "stories/{slug}/"
    """URL of a story page (``{slug}``: the story id)."""
    learn_min_articles: int = 2
    """A learned alias is used once this many articles give evidence for it
    (``entities.learned.yml``)."""
    story_similarity: int = 45
    """A new article joins a story when its average similarity (rarity-weighted words,
    names and specifics, 0–100) to the story's articles in the date window reaches this;
    else it starts one. Set where precision holds (docs/stories.md): a wrong merge hides
    another event behind "also reported by", a missed one shows a second card."""
    story_window_days: int = 3
    """An article joins a story only within this many days of the story's first article."""
    story_regroup: bool = True
    """After an ingest with new posts, show as one story the stories whose reports have
    the same nearest neighbours among the posts (``data/stories.learned.yml``,
    docs/stories.md): an event's reports that the join threshold kept on several cards.
    Off: each ``story`` id in front matter is one story, as ingest assigned it."""
    duplicate_similarity: int = 80
    """Seeds whose texts share at least this percentage of 5-word shingles (Jaccard) are
    copies of one article: one post lists them as its versions."""

    @property
    def manifest_path(self) -> Path:
        return self.content / self.manifest

    @property
    def registry_file(self) -> Path:
        """The curator's entity registry."""
        return self.data_dir / "entities.yml"

    @property
    def registry_last_good(self) -> Path:
        """The copy of the last registry that parsed, beside the manifest: state a digest
        commits with its posts (a cache would be lost), so a fresh clone with a broken
        ``entities.yml`` still builds with the curator's names (``vocab.registry.
        load_for_build``)."""
        return self.manifest_path.parent / "entities.last-good.yml"

    @property
    def stories_file(self) -> Path:
        """Where ingest writes the stories it shows as one (:attr:`story_regroup`)."""
        return self.data_dir / "stories.learned.yml"

    @property
    def neighbours_file(self) -> Path:
        """Where ingest keeps each post's nearest posts for regrouping, beside the stories
        file: machine-written state that a fresh clone of a site keeps (a cache would be
        lost), so one new seed never works out every post's list again."""
        return self.data_dir / "stories.neighbours.json"

    @property
    def ingest_cache_dir(self) -> Path | None:
        return Path(self.ingest_cache) if self.ingest_cache else None

    @classmethod
    def from_pelican(cls, pelican_settings: Mapping[str, Any]) -> Settings:
        """Our settings from Pelican's; ``content`` defaults to Pelican's ``PATH``.

        Relative ``NEWS_DIGEST_*`` folders resolve against the working directory, as
        paths typed on a command line do (``pelican -e NEWS_DIGEST_SEEDS='"../archive"'``).
        """
        mapping = dict(pelican_settings)
        mapping.setdefault(PREFIX + "CONTENT", pelican_settings.get("PATH", "content"))
        with_cache_default(mapping, pelican_settings)
        return from_mapping(mapping, base=Path.cwd())
    @property
    def notes_path(self) -> Path:
        return self.content / self.notes




def _coerce(name: str, value: Any, default: Any) -> Any:
    key = PREFIX + name.upper()
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in BOOL_WORDS:
            return BOOL_WORDS[value.strip().lower()]
        raise SettingsError(f"{key}={value!r}: expected true or false")
    if isinstance(default, int):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{key}={value!r}: expected a whole number") from None
        if number < 0:
            raise SettingsError(f"{key}={value!r}: expected a number ≥ 0")
        return number
    if name in CHOICE_LISTS:
        choices, least = CHOICE_LISTS[name]
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or len(items) < least or not all(
                isinstance(i, str) and i.strip().lower() in choices for i in items):
            raise SettingsError(f"{key}={value!r}: expected a list of "
                                f"{'at least one of ' if least else ''}{', '.join(choices)}")
        chosen = {i.strip().lower() for i in items}
        return tuple(c for c in choices if c in chosen)
    if isinstance(default, tuple):
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, (list, tuple)) or not all(isinstance(i, str) for i in items):
            raise SettingsError(f"{key}={value!r}: expected a list of 'module:function' names")
        names = tuple(i.strip() for i in items if i.strip())
        bad = [n for n in names if ":" not in n]
        if bad:
            raise SettingsError(f"{key}={value!r}: expected 'module:function', got {bad[0]!r}")
        return names
    if isinstance(default, Path):
        if not isinstance(value, (str, Path)) or not str(value):
            raise SettingsError(f"{key}={value!r}: expected a folder path")
        return Path(value)
    if name in URL_FIELDS:
        return _url_pattern(key, value, URL_FIELDS[name])
    if name == "ner_backend":
        if value not in ("auto", "spacy", "rules"):
            raise SettingsError(f"{key}={value!r}: expected 'auto', 'spacy' or 'rules'")
        return value
    if value is not None and not isinstance(value, str):
        raise SettingsError(f"{key}={value!r}: expected text")
    return value


FEED_FORMATS = ("rss", "atom")
"""Feed formats, in the order their files and links are written."""

CHOICE_LISTS = {"feed_full_text": (("all", "topics", "entities", "editions"), 0),
                "taxonomy_feed_formats": (FEED_FORMATS, 1)}
"""Settings that are a list of fixed words: the words (in the order the value keeps) and
how many must be given."""

URL_FIELDS = {"topic_url": ("slug",), "entity_url": ("group", "slug"),
              "edition_url": ("key",), "story_url": ("slug",)}
"""URL pattern settings and the fields each must use."""


def _url_pattern(key: str, value: Any, fields_: tuple[str, ...]) -> str:
    """A page URL pattern in Pelican's style, checked: a relative folder (it ends with
    ``/``; the page is its ``index.html``, and listings page on as ``page/N/`` inside it,
    so a name like "G7" never collides with a page file) naming every field it needs."""
    sample = {f: "x" for f in ("slug", "group", "key")}
    if not isinstance(value, str) or value.startswith("/") or not value.endswith("/"):
        raise SettingsError(f"{key}={value!r}: expected a relative folder URL ending in '/', "
                            f"e.g. {'/'.join('{' + f + '}' for f in fields_)}/")
    try:
        value.format(**sample)
    except (KeyError, IndexError, ValueError) as exc:
        raise SettingsError(f"{key}={value!r}: unknown or malformed field {exc}") from None
    missing = [f for f in fields_ if "{" + f + "}" not in value]
    if missing:
        raise SettingsError(f"{key}={value!r}: must contain {{{missing[0]}}}")
    return value


def with_cache_default(mapping: dict[str, Any], pelican_settings: Mapping[str, Any]) -> None:
    """``NEWS_DIGEST_INGEST_CACHE`` defaults to a folder in Pelican's ``CACHE_PATH``,
    beside the build's own state: one folder holds everything safe to delete."""
    cache = pelican_settings.get("CACHE_PATH")
    if cache:
        mapping.setdefault(PREFIX + "INGEST_CACHE",
                           str(Path.cwd() / Path(cache) / "news-digest" / "ingest"))


def from_mapping(mapping: Mapping[str, Any], base: Path | None = None) -> Settings:
    """Build settings from ``NEWS_DIGEST_*`` keys; relative paths resolve against ``base``."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        key = PREFIX + f.name.upper()
        if key in mapping:
            values[f.name] = _coerce(f.name, mapping[key], f.default)
    settings = Settings(**values)
    if base is not None:
        settings = resolve(settings, base)
    return settings


def resolve(settings: Settings, base: Path) -> Settings:
    """Anchor relative folder settings at ``base``."""
    changes = {}
    for f in fields(Settings):
        value = getattr(settings, f.name)
        if isinstance(value, Path) and not value.is_absolute():
            changes[f.name] = base / value
    return Settings(**{**{f.name: getattr(settings, f.name) for f in fields(Settings)}, **changes})


def documented() -> list[tuple[str, Any, str]]:
    """(key, default, doc) for every setting: the README table is checked against this."""
    import ast
    import inspect

    source = inspect.getsource(Settings)
    tree = ast.parse(source)
    docs: dict[str, str] = {}
    body = tree.body[0].body  # type: ignore[attr-defined]
    for node, nxt in zip(body, [*body[1:], None], strict=True):
        if (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
                and isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant)):
            docs[node.target.id] = " ".join(str(nxt.value.value).split())
    return [(PREFIX + f.name.upper(), f.default, docs.get(f.name, "")) for f in fields(Settings)]
