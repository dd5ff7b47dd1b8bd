"""Where story clustering keeps its state between ingests: in the posts themselves.

A new article can only join an existing story if ingest knows the stories already on
the site. Rather than a second database that could drift from ``content/``, the index
is rebuilt from the posts (front matter and body) when an ingest has new articles to
place: the posts are the truth, including every curator edit. A curator who sets or
changes ``story`` moves that post (new articles then join it there); one who clears it
takes the post out of every story, and no new article will be put with it.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import yaml

from news_digest.enrich.clusters import (
    StoryDoc,
    StoryIndex,
    doc_from_article,
    doc_from_front_matter,
    join_stories,
    neighbour_lists,
    regroupable,
    warm_vectors,
)
from news_digest.enrich.summary import truncate
from news_digest.frontmatter import (
    FastLoader,
    FrontMatterError,
    load_front_matter,
    split_front_matter,
)
from news_digest.ingest import writer as posts
from news_digest.ingest.junk_cache import INGEST_DATA
from news_digest.model import Article
from news_digest.provenance import load_kept, made_with, save_kept
from news_digest.settings import Settings
from news_digest.text import atomic_write

log = logging.getLogger(__name__)



def _split(path: Path) -> tuple[str, str] | None:
    """(front matter YAML, body) of a post file, or None: unreadable, or no front matter."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    yaml_text, body = split_front_matter(text)
    return None if yaml_text is None else (yaml_text, body)


def read_post(path: Path) -> tuple[dict[str, Any], str] | None:
    """(front matter, body) of a post, or None when it has no usable front matter."""
    parts = _split(path)
    if parts is None:
        return None
    yaml_text, body = parts
    try:
        front = load_front_matter(yaml_text, str(path))
    except FrontMatterError as exc:
        log.warning("%s; not used for stories", exc)
        return None
    return front, body


def _post_paths(settings: Settings) -> Iterator[tuple[str, Path]]:
    """(content-relative path, path) of every post, in path order."""
    content = settings.content
    for path in sorted(content.rglob("*.md")):
        rel = path.relative_to(content).as_posix()
        if not rel.startswith("."):
            yield rel, path


def _posts(settings: Settings) -> Iterator[tuple[str, dict[str, Any], str]]:
    """(content-relative path, front matter, body) of every post, in path order."""
    for rel, path in _post_paths(settings):
        post = read_post(path)
        if post is not None:
            yield rel, *post


_TOP_KEY = re.compile(r"^(date|story)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)


def date_and_story(path: Path) -> dict[str, Any] | None:
    """A post's ``date`` and ``story`` from their own top-level lines, without parsing
    the rest of its front matter (a thousand posts parse in about a second; the archive
    only needs these two keys). A value that is not a plain one-line scalar, a key given
    twice, or no date line: the whole front matter is parsed instead."""
    parts = _split(path)
    if parts is None:
        return None
    found: dict[str, Any] = {}
    for key, value in _TOP_KEY.findall(parts[0]):
        key = key.lower()
        if key in found or not value or value[0] in "|>&*!{[#":
            found = {}
            break
        try:
            found[key] = yaml.load(value, Loader=FastLoader)
        except yaml.YAMLError:
            found = {}
            break
    if "date" not in found:
        post = read_post(path)
        return {"date": post[0].get("date"), "story": post[0].get("story")} if post else None
    return found


def load_index(settings: Settings) -> StoryIndex:
    """A story index holding every post under ``settings.content``, in path order."""
    index = StoryIndex(settings.story_similarity / 100, settings.story_window_days)
    for rel, front, body in _posts(settings):
        doc = doc_from_front_matter(rel, front, body)
        if doc is not None:
            index.add(doc)
    return index


def _full_doc(rel: str, path: Path) -> StoryDoc | None:
    post = read_post(path)
    return doc_from_front_matter(rel, *post) if post is not None else None


DOCS_FILE = "story-docs.pickle"


class _KeptDocs:
    """What the story index read from each post, kept between ingests.

    Reading 5,000 posts' dates, and parsing the few hundred near a new article into
    word and name vectors, is most of what placing one new article costs. Each post's
    two readings (``light``: date and story; ``full``: its :class:`StoryDoc`) are kept
    in ``story-docs.pickle`` in the ingest cache (``NEWS_DIGEST_INGEST_CACHE``; none:
    nothing is kept) with the post's size and modification time, taken before it was
    read, and the plugin's code: a post edited since, or any code change, is read again.
    The file is a cache: deleting it costs one full read.
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.old: dict[str, dict[str, Any]] = {}
        self.new: dict[str, dict[str, Any]] = {}
        posts = load_kept(path, made_with(*INGEST_DATA))
        if isinstance(posts, dict):
            self.old = posts

    def get(self, rel: str, path: Path, kind: str, read: Callable[[Path], Any]) -> Any:
        """The ``kind`` reading of post ``rel``: kept, if the file is as it was, else
        ``read(path)``."""
        entry = self.new.get(rel)
        if entry is None:
            try:
                st = path.stat()
            except OSError:
                return None
            stamp = (st.st_size, st.st_mtime_ns)
            old = self.old.get(rel)
            if old and old.get("stamp") == stamp:
                entry = self.new[rel] = dict(old)
            else:
                entry = self.new[rel] = {"stamp": stamp}
        if kind not in entry:
            entry[kind] = read(path)
        return entry[kind]

    def put(self, rel: str, path: Path, kind: str, value: Any) -> None:
        """Keep ``value`` as the ``kind`` reading of the post just written at ``path``:
        what reading it back would give, without reading it."""
        try:
            st = path.stat()
        except OSError:
            return
        stamp = (st.st_size, st.st_mtime_ns)
        entry = self.new.setdefault(rel, {"stamp": stamp})
        if entry.get("stamp") != stamp:
            entry.clear()
            entry["stamp"] = stamp
        entry[kind] = value

    def save(self) -> None:
        if self.path is not None and self.new and self.new != self.old:
            save_kept(self.path, made_with(*INGEST_DATA), self.new)


class StoryAssigner:
    """Gives each new article its ``story`` at write time.

    The posts are read on first use (an ingest with nothing new never reads them), but
    only those near a new article's date are turned into word and name vectors, which
    cost ~20 times more than reading: an hourly ingest of one seed into a 5,000-post
    site compares it with a few days of posts, not the archive. Every other post enters
    the index with its date and story only, so a story's first date, and with it the
    window, is what a full index would give; a post within twice the window (the widest
    span a story's articles can have around a new one) always enters with its vectors.
    The stories assigned are therefore the same as with :func:`load_index`.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.index: StoryIndex | None = None
        self._posts: dict[str, tuple[datetime, Path]] = {}
        """Posts indexed by date and story only: content path → (date, path)."""
        self._paths: dict[str, Path] = {}
        """Every post the index read at the start: content path → path."""
        cache = settings.ingest_cache_dir
        self._kept = _KeptDocs(cache / DOCS_FILE if cache else None)
        self.placed: dict[str, StoryDoc] = {}
        """Posts placed by this ingest: content path → its doc, with its story."""

    def warm(self) -> None:
        """Read every post's date and story and load the word tables now, before the
        first article is placed: ingest calls this while its workers enrich."""
        self._light_index()
        warm_vectors()

    def _light_index(self) -> StoryIndex:
        """The index with every post's date and story (read once)."""
        if self.index is None:
            self.index = StoryIndex(self.settings.story_similarity / 100,
                                    self.settings.story_window_days)
            for rel, path in _post_paths(self.settings):
                front = self._kept.get(rel, path, "light", date_and_story)
                light = doc_from_front_matter(rel, front) if front is not None else None
                if light is not None:
                    self.index.add(light)
                    self._posts[rel] = (light.date, path)
                    self._paths[rel] = path
        return self.index

    def _index_near(self, when: datetime) -> StoryIndex:
        """The index, with the vectors of every post within reach of ``when``."""
        self.index = self._light_index()
        reach = timedelta(days=2 * self.settings.story_window_days + 1)
        near = [rel for rel, (date, _) in self._posts.items() if abs(date - when) <= reach]
        for rel in near:  # in path order, as the dict was filled
            doc = self._kept.get(rel, self._posts.pop(rel)[1], "full", partial(_full_doc, rel))
            if doc is not None:
                self.index.add(doc)  # replaces its date-only entry
        return self.index

    def save(self) -> None:
        """Keep what was read for the next ingest (:class:`_KeptDocs`)."""
        self._kept.save()

    def assign(self, article: Article, post: str) -> str | None:
        """The story for ``article``, to be written as the post ``post`` (content-relative).

        If that post already holds this very seed (a run that was killed wrote it and
        the manifest does not know yet), its story is kept: it was decided with exactly
        the posts before it, which a decision now, with later posts on disk, would not
        be. An earlier version of the post (its seed changed) is not compared with it.
        """
        index = self._index_near(article.date)
        # the body as the post will hold it: a later ingest reads this post back, and a
        # run that resumes after a crash must decide exactly as an uninterrupted one
        doc = doc_from_article(article, key=post, body=posts.body(article))
        existing = read_post(self.settings.content / post)
        if existing is not None:
            source = existing[0].get("source")
            if isinstance(source, dict) and source.get("sha256") == article.source.sha256:
                story = existing[0].get("story")
                story = str(story) if story not in (None, "") else None
                index.add(replace(doc, story=story))
                self.placed[post] = replace(doc, story=story)
                return story
        story = index.assign(doc)
        self.placed[post] = replace(doc, story=story)
        return story

    def write_groups(self) -> bool:
        """Work out which stories the site shows as one (:func:`clusters.join_stories`
        over every post) and write them to ``settings.stories_file``; True when the file
        changed. Called after an ingest that placed posts: only then can the grouping
        change (a curator's edit of ``story`` shows at once without it).

        Each post's list of nearest posts depends only on the posts within the window of
        it, so lists are kept between runs (:class:`NeighbourStore`) and only
        those within the window of a new, changed or deleted post are worked out again:
        one new seed reads a week of posts closely, not the archive. The answer is the
        one :func:`clusters.regroup` gives over every post."""
        if not self.settings.story_regroup or not self.placed:
            return False
        window = self.settings.story_window_days
        kept = self._kept
        index = self._light_index()
        # the posts as the index holds them: every post read at the start (its date and
        # story, or its vectors near a new article) and every post this ingest wrote
        placed = {rel for rel in self.placed if (self.settings.content / rel).is_file()}
        fronts = {rel: index.docs[i] for rel, i in index.by_key.items()
                  if rel in self._paths or rel in placed}
        paths = {**self._paths, **{rel: self.settings.content / rel for rel in placed}}
        seen = {rel: d for rel, d in fronts.items() if regroupable(d)}
        store = NeighbourStore.load(self.settings.neighbours_file)
        digests = {rel: _digest(paths[rel]) for rel in seen}
        changed = {rel for rel in seen if store.digest(rel) != digests[rel]}
        # dates where a post appeared, changed or went (before and after): every list
        # within reach of one is stale, the changed posts' own lists among them
        moved = [seen[rel].date for rel in changed]
        moved += store.dates(rel for rel in store.posts if rel not in seen or rel in changed)
        stale = _within(seen, moved, window)
        lists = {rel: store.neighbours(rel) for rel in seen if rel not in stale}
        if stale:
            pool = []
            for rel in sorted(_within(seen, [seen[r].date for r in stale], window)):
                doc = self.placed.get(rel)
                if doc is not None:
                    kept.put(rel, paths[rel], "full", doc)
                else:
                    doc = kept.get(rel, paths[rel], "full", partial(_full_doc, rel))
                if doc is not None and regroupable(doc):
                    pool.append(doc)
            lists.update(neighbour_lists(pool, window, targets=stale))
        NeighbourStore.save(self.settings.neighbours_file, {
            rel: (digests[rel], seen[rel].date, lists.get(rel, ())) for rel in seen})
        joined = join_stories(list(seen.values()), lists, window)
        before = load_joined(self.settings.stories_file)
        for part, host in new_joins(before, joined, seen.values()):
            log.warning("news-digest: stories joined: %s now shown in %s; to keep them "
                        "apart, give the posts of one a story id of your own "
                        "(story: my-id)", _named(part, paths), _named(host, paths))
        return atomic_write(self.settings.stories_file, groups_text(joined))


def load_joined(path: Path) -> dict[str, str]:
    """The ``joined`` map a previous ingest wrote (story → the story it is shown in);
    empty when there is none or it cannot be read (every join is then new)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=FastLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    joined = data.get("joined") if isinstance(data, dict) else None
    if not isinstance(joined, dict):
        return {}
    return {str(k): str(v) for k, v in joined.items() if k is not None and v is not None}


def new_joins(before: Mapping[str, str], after: Mapping[str, str],
              docs: Iterable[StoryDoc]) -> list[tuple[list[StoryDoc], list[StoryDoc]]]:
    """Each join the regroup made that ``before`` did not show: (the reports of the
    stories that joined, the reports of the stories they joined), the second holding
    the group's oldest report. Stories already shown as one are one part, so a join
    made on an earlier day is not said again, and a third story joining two already
    joined is one join. In the order of each joining part's oldest report.

    Why: a join is a guess from nearest neighbours, and look-alike events (two navies'
    pirate captures a week apart) can pass it. The curator who can undo it with
    ``story:`` has to hear of it; it used to change only ``stories.learned.yml``."""
    by_story: dict[str, list[StoryDoc]] = {}
    for doc in docs:
        if doc.story:
            by_story.setdefault(doc.story, []).append(doc)
    groups: dict[str, dict[str, list[StoryDoc]]] = {}
    for story, reports in by_story.items():
        part = groups.setdefault(after.get(story, story), {})
        part.setdefault(before.get(story, story), []).extend(reports)
    out = []
    for parts in groups.values():
        if len(parts) < 2:
            continue
        ordered = sorted((sorted(r, key=_age) for r in parts.values()),
                         key=lambda r: _age(r[0]))
        host = ordered[0]
        out.extend((part, host) for part in ordered[1:])
    return sorted(out, key=lambda pair: _age(pair[0][0]))


def _age(doc: StoryDoc) -> tuple[datetime, str]:
    return doc.date, doc.key


def _named(reports: Sequence[StoryDoc], paths: Mapping[str, Path]) -> str:
    """A part of a join as a curator finds it: its oldest report's title, its story
    ids, how many reports."""
    lead = reports[0]
    post = read_post(paths[lead.key]) if lead.key in paths else None
    title = post[0].get("title") if post is not None else None
    stories = ", ".join(sorted({str(r.story) for r in reports}))
    # a title made from a lead sentence can run to 300 characters: a log line names it
    shown = f'"{truncate(title, 80)}"' if isinstance(title, str) and title else lead.key
    count = len(reports)
    return f"{shown} (story {stories}, {count} report{'s' if count != 1 else ''})"


def _digest(path: Path) -> str:
    """A post's bytes, hashed: what its kept list was worked out from (a size and time
    stamp would not survive a fresh clone of the site)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return ""


class NeighbourStore:
    """Each regrouped post's nearest posts, with the digest and date of the post they
    were worked out for, kept in ``data/stories.neighbours.json``.

    A post's list depends only on the posts within the story window of it, so a list is
    good while neither its post nor any post within the window of it changed: one new
    seed works out a week of lists, not the archive. Kept in the data folder, not the
    ingest cache, because a site built from a fresh clone (a scheduled CI build) has no
    cache, and working out every list costs ~20 s at 5,000 posts. Written by the code
    that reads it (``made_with``): lists from another plugin version are worked out
    again. One post per line, sorted, so the same posts give the same bytes and an
    ingest changes only the lines of the posts near it.
    """

    def __init__(self, posts: Mapping[str, Any]) -> None:
        self.posts = posts

    @classmethod
    def load(cls, path: Path) -> NeighbourStore:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            return cls({})
        if not isinstance(data, dict) or data.get("made_with") != made_with(*INGEST_DATA) \
                or not isinstance(data.get("posts"), dict):
            return cls({})
        return cls({rel: entry for rel, entry in data["posts"].items()
                    if isinstance(entry, list) and len(entry) == 3
                    and isinstance(entry[0], str) and isinstance(entry[2], list)})

    def digest(self, rel: str) -> str | None:
        entry = self.posts.get(rel)
        return entry[0] if entry else None

    def dates(self, rels: Iterable[str]) -> list[datetime]:
        """The dates the ``rels`` posts had when their lists were kept (unreadable ones
        left out)."""
        out = []
        for rel in rels:
            try:
                out.append(datetime.fromisoformat(self.posts[rel][1]))
            except (TypeError, ValueError):
                continue
        return out

    def neighbours(self, rel: str) -> tuple[str, ...]:
        return tuple(str(m) for m in self.posts[rel][2])

    @staticmethod
    def save(path: Path, posts: Mapping[str, tuple[str, datetime, Sequence[str]]]) -> None:
        lines = [json.dumps(rel) + ": " + json.dumps([digest, date.isoformat(), list(listed)])
                 for rel, (digest, date, listed) in sorted(posts.items())]
        text = ('{"made_with": ' + json.dumps(made_with(*INGEST_DATA)) + ',\n"posts": {\n'
                + ",\n".join(lines) + "\n}}\n")
        atomic_write(path, text)


def _within(docs: dict[str, StoryDoc], dates: list[datetime], days: int) -> set[str]:
    """The keys of ``docs`` dated within ``days`` of one of ``dates``."""
    if not dates:
        return set()
    marks = sorted(d.timestamp() for d in dates)
    span = days * 86400
    out = set()
    for rel, doc in docs.items():
        at = doc.date.timestamp()
        i = bisect.bisect_left(marks, at - span)
        if i < len(marks) and marks[i] <= at + span:
            out.add(rel)
    return out


STORIES_HEADER = """\
# Stories the site shows as one, written by news-digest ingest: each line joins a story
# to an older one whose reports have the same nearest neighbours (docs/stories.md).
# Machine-managed and rewritten after every ingest that adds posts: do not edit. To keep
# a report apart, give its post a story id of your own (`story: my-id`) in front matter.
"""


def groups_text(joined: dict[str, str]) -> str:
    """The stories file for ``joined`` (story → the story it is shown in): sorted, so
    the same posts always give the same bytes."""
    body = yaml.safe_dump({"joined": dict(sorted(joined.items()))}, sort_keys=True,
                          default_flow_style=False, allow_unicode=True)
    return STORIES_HEADER + body
