"""The digest site: one Pelican generator that assembles the site model and writes it.

``build_site`` is the model (topics, entities, editions, related stories, feeds) from
the articles Pelican read; it only reads article attributes. ``DigestGenerator`` is
the thin Pelican side: it runs after the article generator has read content, puts
site-wide topic/entity refs, related stories and JSON-LD on each article (before any
page is written), and writes the plugin's own pages and files.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from pelican.contents import Article, Page
from pelican.generators import Generator
from pelican.urlwrappers import Category

from news_digest.settings import Settings
from news_digest.site import digests, export, feeds, notes, related, search, seo
from news_digest.site import moved as moved_mod
from news_digest.site import stories as st
from news_digest.site import taxonomy as tx
from news_digest.site.dates import items_span, set_locale_dates
from news_digest.site.incremental import IncrementalWriter
from news_digest.site.incremental.memo import Remember, memo_for, no_memo
from news_digest.site.pages import (
    EntityPage,
    Listed,
    TopicPage,
    build_entity_pages,
    build_topic_pages,
)
from news_digest.site.pagination import paginate
from news_digest.site.reader import curation_flags
from news_digest.site.resolution import EntityResolver, resolve
from news_digest.text import plural

log = logging.getLogger(__name__)

EDITIONS_FEED = "feeds/editions"
"""The daily editions feed: one item per day, the day's stories and its editor's note."""
WEEKLY_FEED = "feeds/editions-weekly"
"""The weekly editions feed (``NEWS_DIGEST_WEEKLY_EDITIONS``): one item per ISO week,
the week's note on top; weekly edition pages advertise it, not the daily one."""


@dataclass(frozen=True)
class Site:
    """Everything the pages and files are made from."""

    articles: tuple[Any, ...]
    """Newest first."""
    topics_of: tuple[tuple[tx.TopicRef, ...], ...]
    entities_of: tuple[tuple[tx.EntityRef, ...], ...]
    related_of: tuple[tuple[Any, ...], ...]
    topic_pages: tuple[TopicPage, ...]
    entity_pages: tuple[EntityPage, ...]
    daily: tuple[digests.Edition, ...]
    weekly: tuple[digests.Edition, ...]
    feeds: tuple[feeds.Feed, ...]
    newest: datetime
    stories: tuple[st.Story, ...] = ()
    """Stories of two or more articles (one page each), newest first."""
    moved: tuple[moved_mod.Moved, ...] = ()
    """Old addresses of entity pages a curator's edit moved (:mod:`.moved`)."""

    def entity_groups(self, top: int | None = None) -> list[tuple[str, str, list[Listed]]]:
        """(group, label, entries) for the entities index, in GROUPS order; each group's
        entities in the most stories first (ties by name), at most ``top`` of them."""
        out = []
        for g in tx.GROUPS:
            pages = sorted((p for p in self.entity_pages if p.ref.group == g),
                           key=lambda p: (-p.story_count, p.ref.name.casefold(), p.ref.slug))
            out.append((g, tx.GROUP_LABELS[g], [Listed.of(p) for p in pages[:top]]))
        return out

    def entity_letters(self, group: str) -> list[tuple[str, list[Listed]]]:
        """(letter, entries) for a group's A–Z page: by the slug's first character, so
        "Łódź" files under L; digits and the rest under "#"."""
        letters: dict[str, list[Listed]] = {}
        for p in sorted((p for p in self.entity_pages if p.ref.group == group),
                        key=lambda p: (p.ref.slug, p.ref.name)):
            first = p.ref.slug[:1].upper()
            letters.setdefault(first if first.isalpha() else "#", []).append(Listed.of(p))
        return sorted(letters.items(), key=lambda kv: (kv[0] == "#", kv[0]))


def _raw_topics(article: Any) -> tuple[str, ...]:
    ids = getattr(article, "topic_ids", None)
    if ids is None:  # an ordinary Pelican post: "Topics: a, b"
        raw = getattr(article, "topics", None)
        ids = tuple(t.strip() for t in raw.split(",") if t.strip()) if isinstance(raw, str) else ()
    return tuple(ids)


def _unlinked(articles: Sequence[Any], raw: Sequence[tuple[tuple[str, str], ...]],
              curated: frozenset[str], pageless: frozenset[tuple[str, str]],
              page_min: int) -> frozenset[tuple[str, str]]:
    """Entities that get no page: in fewer than ``page_min`` stories (a story is a
    same-story cluster, else one article) and named by fewer than ``page_min``
    publishers, or pageless; curated names always get one.

    Publishers count as well as stories because one event reported by three outlets is
    as good a witness that a name is real and wanted as two stories from one outlet; and
    because a regroup can show that yesterday's two stories were one event, which
    would otherwise take down a page readers had bookmarked and a feed they follow."""
    stories: dict[tuple[str, str], set[str]] = defaultdict(set)
    outlets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a, pairs in zip(articles, raw, strict=True):
        group = getattr(a, "story_group", None)
        story = group.id if group is not None else getattr(a, "url", None) or str(id(a))
        outlet = st.publisher(a).casefold() if st.has_publisher(a) else None
        for k in pairs:
            stories[k].add(str(story))
            if outlet is not None:
                outlets[k].add(outlet)
    return frozenset(k for k, found in stories.items() if k[1] not in curated and (
        k in pageless or (len(found) < page_min and len(outlets[k]) < page_min)))


def spellings_used(articles: Sequence[Any],
                   looked_up: Mapping[tuple[str, str], tuple[str, str] | None],
                   became: Sequence[Mapping[tuple[str, str],
                                            tuple[tuple[str, str], bool]]] | None,
                   final: Sequence[tuple[tuple[str, str], ...]]
                   ) -> dict[tuple[str, str], Counter[str]]:
    """(group, name) → each spelling the site's articles used for it → in how many.

    A spelling is a name as a post's ``entities:`` wrote it, when the registry or the
    corpus resolution merged it into another spelling ("World Health Organisation" in
    one post, "… Organization" in the others), and each of the post's ``spellings:`` of
    that name (what its text wrote: "Suleimani", "Qassim Suleidmani"). ``looked_up``
    is the registry step (a written pair → its canonical pair, None when blocked),
    ``became`` the resolution step (None: none ran; see :func:`resolution.resolve`); a
    pair the resolution dropped lends nothing.
    """
    used: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for i, (a, keys) in enumerate(zip(articles, final, strict=True)):
        spelled = dict(getattr(a, "entity_spellings", ()) or ())
        here: dict[tuple[str, str], set[str]] = defaultdict(set)
        for written in getattr(a, "entity_names", ()) or ():
            k = looked_up.get(written)
            if k is None:
                continue
            spelling = True
            if became is not None:
                k, spelling = became[i].get(k, (None, False))
            if k is None or k not in keys:
                continue
            if spelling or written[1] != looked_up[written][1]:  # merged, or the registry's
                here[k].add(written[1])
            here[k].update(spelled.get(written[1], ()))
        for k, forms in here.items():
            used[k].update(forms)
    return dict(used)


def build_site(articles: Sequence[Any], s: Settings,
               edition_notes: Mapping[str, notes.Note] | None = None,
               resolver: EntityResolver | None = None, remember: Remember = no_memo) -> Site:
    """The site model; ``articles`` newest first (Pelican's published articles).

    Hidden and draft posts are not in ``articles`` (Pelican keeps them apart), so they
    are in no listing, feed or sitemap. ``edition_notes``: editor's notes by edition key;
    ``resolver``: entity resolution, handed in by the glue, its answer kept by ``remember``.
    """
    joined = st.load_joined(s.stories_file) if s.story_regroup else {}
    story_list = st.build_stories(articles, s.story_url, joined)
    st.attach(articles, story_list)
    topics_data = tx.load_topics(s.data_dir)
    registry = tx.load_registry(s.data_dir, s.registry_last_good)
    aliases = tx.alias_index(registry)
    raw_topics = [_raw_topics(a) for a in articles]
    curated = tx.curated_names(s.data_dir, s.registry_last_good)
    raw_entities = []
    looked_up: dict[tuple[str, str], tuple[str, str] | None] = {}  # ~7 mentions per name
    for a in articles:
        pairs = []
        for written in getattr(a, "entity_names", ()) or ():
            if written not in looked_up:
                looked_up[written] = tx.canonical(*written, registry, aliases,
                                                  curated if resolver is not None else None)
            resolved = looked_up[written]
            if resolved is not None:
                pairs.append(resolved)
        raw_entities.append(tuple(dict.fromkeys(pairs)))
    raw_entities, pageless, became = resolve(articles, raw_entities, registry, curated,
                                             s.entity_window_days, resolver, remember)
    unlinked = _unlinked(articles, raw_entities, curated, pageless, s.entity_page_min)
    first_seen: dict[tuple[str, str], Any] = {}
    for a, keys in zip(articles, raw_entities, strict=True):
        for k in keys:
            if k not in first_seen or a.date < first_seen[k]:
                first_seen[k] = a.date
    vocab = tx.build_vocabulary((t for ts in raw_topics for t in ts),
                                (k for ks in raw_entities for k in ks), topics_data, registry,
                                first_seen, unlinked, s.topic_url, s.entity_url,
                                spellings_used(articles, looked_up, became, raw_entities),
                                aliases)
    topics_of = tuple(tuple(vocab.topics[t] for t in ts) for ts in raw_topics)
    entities_of = tuple(tuple(vocab.entities[k] for k in ks) for ks in raw_entities)
    # extra candidates: the article's own story is shown apart, not among related ones
    rel = related.related_indices(entities_of, [a.date for a in articles],
                                  2 * s.related_count + 2)
    related_of = tuple(st.split_related(a, [articles[j] for j in r])[:s.related_count]
                       for a, r in zip(articles, rel, strict=True))
    topic_pages = tuple(build_topic_pages(articles, topics_of, entities_of))
    entity_pages = tuple(build_entity_pages(articles, topics_of, entities_of,
                                            spellings=vocab.spellings))
    daily, weekly = digests.build_editions(articles, topics_of, s.weekly_editions,
                                           edition_notes, s.edition_url)
    if edition_notes:
        keys = {e.key for e in (*daily, *weekly)}
        for n in notes.unused(edition_notes, keys):
            log.warning("%s: no edition %s (no listed story on that %s); note not shown",
                        n.source, n.key, "week" if "W" in n.key else "day")
    full = s.feed_full_text
    items_memo: dict[tuple[int, int], st.StoryItem] = {}

    def one(items: Sequence[Any]) -> tuple[Any, ...]:
        """A feed item per story per edition (issue #11); an item shared by feeds is
        one object, serialised once."""
        return st.one_per_story_per_day(items, items_memo)

    all_feeds = [feeds.Feed("feeds/all", "All stories", "", one(articles),
                            full_text="all" in full)]
    all_feeds += [feeds.Feed(f"feeds/topics/{p.ref.slug}", p.ref.label, p.ref.url,
                             one(p.articles), "Topics", full_text="topics" in full,
                             formats=s.taxonomy_feed_formats)
                  for p in topic_pages]
    all_feeds += [feeds.Feed(f"feeds/entities/{p.ref.group}/{p.ref.slug}", p.ref.name,
                             p.ref.url, one(p.articles), "Entities",
                             full_text="entities" in full, formats=s.taxonomy_feed_formats)
                  for p in entity_pages if len(p.articles) >= max(1, s.entity_feed_min)]
    all_feeds.append(feeds.Feed(EDITIONS_FEED, "Daily editions", "editions/",
                                tuple(daily), "Editions", kind="editions",
                                full_text="editions" in full))
    if s.weekly_editions:  # one item per week, its editor's note on top, as the daily one
        all_feeds.append(feeds.Feed(WEEKLY_FEED, "Weekly editions", "editions/",
                                    tuple(weekly), "Editions", kind="editions",
                                    full_text="editions" in full))
    newest = max((a.date for a in articles), default=feeds.EPOCH)
    return Site(tuple(articles), topics_of, entities_of, related_of, topic_pages,
                entity_pages, tuple(daily), tuple(weekly), tuple(all_feeds), newest,
                story_list, moved_mod.moved_pages(entity_pages, registry, s.entity_url))


def _entity_groups(ents: Sequence[tx.EntityRef]) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """(label, entities) per group the article names, in display order: its chips."""
    return tuple((tx.GROUP_LABELS[g], tuple(e for e in ents if e.group == g))
                 for g in tx.GROUPS if any(e.group == g for e in ents))


def attach_unlisted(site: Site, unlisted: Sequence[Any], s: Settings) -> None:
    """Hidden and draft posts still get a page (Pelican's ``status`` semantics: hidden
    at its URL, draft under ``drafts/``), but no related stories or JSON-LD, and only
    topic and entity chips that lead to a page the site has."""
    topic_refs = {p.ref.id: p.ref for p in site.topic_pages}
    entity_refs = {(p.ref.group, p.ref.name): p.ref for p in site.entity_pages}
    registry = tx.load_registry(s.data_dir, s.registry_last_good) if unlisted else {}
    aliases = tx.alias_index(registry)
    for a in unlisted:
        keys = [tx.canonical(g, n, registry, aliases)
                for g, n in getattr(a, "entity_names", ()) or ()]
        a.topics = tuple(topic_refs[t] for t in _raw_topics(a) if t in topic_refs)
        ents = tuple(dict.fromkeys(entity_refs[k] for k in keys if k in entity_refs))
        a.entities = ents
        a.entity_groups = _entity_groups(ents)
        a.related = ()
        a.guid = feeds.article_guid(a)
        a.jsonld = None
        if not hasattr(a, "category"):
            # Pelican's draft writer reads ``draft.category``; with CATEGORY_SAVE_AS
            # off (pelicanconf.py) no post has one and a draft would stop the build.
            a.category = Category(a.settings.get("DEFAULT_CATEGORY") or "misc", a.settings)


def attach(site: Site, siteurl: str, sitename: str) -> None:
    """Put site-wide refs, related stories, guid and JSON-LD on each Pelican article."""
    for a, topics, ents, rel in zip(site.articles, site.topics_of, site.entities_of,
                                    site.related_of, strict=True):
        a.topics = topics
        a.entities = ents
        a.entity_groups = _entity_groups(ents)
        a.related = rel
        a.guid = feeds.article_guid(a)
        a.jsonld = seo.LazyJsonLd(a, siteurl, sitename)


def fix_urls(contents: Sequence[Any]) -> None:
    """Compute each article's and page's ``url`` and ``save_as`` once.

    Pelican recomputes both from the URL settings on each access (``Content.url``
    formats a dict of metadata); templates, feeds and sitemaps read them ~40 times per
    article on a digest site. Pelican's own ``override_url``/``override_save_as``
    attributes pin them, so once the site model is built nothing changes them any more.
    """
    for c in contents:
        if isinstance(c, Article | Page):
            c.override_url = c.url
            c.override_save_as = c.save_as


class DigestGenerator(Generator):
    """Writes topic, entity, edition and search pages, feeds, sitemaps and robots.txt."""

    entity_resolver: EntityResolver | None = None
    """Set by ``site/hooks.py`` (the glue) to ``enrich.resolve.resolve_corpus``."""

    def generate_context(self) -> None:
        self.digest = Settings.from_pelican(self.settings)
        articles = self.context.get("articles", [])
        fix_urls([*articles, *self.context.get("pages", ()),
                  *self.context.get("hidden_articles", ())])
        set_locale_dates([*articles, *self.context.get("hidden_articles", ()),
                          *self.context.get("drafts", ())])
        # Pelican orders by date only; add the URL so equal dates order the same way.
        articles.sort(key=lambda a: (a.date, a.url), reverse=True)
        for a in articles:
            if not isinstance(getattr(a, "featured", False), bool) or \
                    not isinstance(getattr(a, "order", None), int | None):
                # An ordinary Pelican post ("Featured: true", "Order: 2") has strings.
                flags = curation_flags({"featured": getattr(a, "featured", None),
                                        "order": getattr(a, "order", None)}, a.source_path)
                a.featured, a.order = flags["featured"], flags["order"]
        edition_notes = notes.load_notes(self.digest.notes_path, self.settings)
        self.site = build_site(articles, self.digest, edition_notes,
                               type(self).entity_resolver, memo_for(self.settings))
        attach(self.site, self.settings.get("SITEURL", ""), self.settings["SITENAME"])
        attach_unlisted(self.site, [*self.context.get("hidden_articles", ()),
                                    *self.context.get("drafts", ())], self.digest)
        self.context["latest_edition"] = self.site.daily[0] if self.site.daily else None
        self.context["site_feeds"] = feeds.links(self.site.feeds[0])
        self.context["search_enabled"] = search.available(self.digest.search)
        self.context["weekly_editions"] = self.site.weekly

    # -- writing

    def _write(self, writer: Any, save_as: str, template: str, url: str, **kwargs: Any) -> None:
        writer.write_file(save_as, self.get_template(template), self.context,
                          relative_urls=self.settings["RELATIVE_URLS"], paginated={},
                          template_name=template, url=url, page_name=url.rstrip("/"),
                          canonical_url=url, **kwargs)

    def _write_file(self, writer: Any, rel: str, produce: Callable[[], str | bytes],
                    inputs: Sequence[Any] | None = None) -> None:
        """One of our own files; with the incremental writer, ``produce`` runs only
        when ``inputs`` (everything the file is made from) changed."""
        if isinstance(writer, IncrementalWriter):
            writer.write_data(rel, produce, inputs)
            return
        path = Path(self.output_path) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        data = produce()
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    def generate_output(self, writer: Any) -> None:
        site, per_page = self.site, self.settings.get("DEFAULT_PAGINATION") or 20
        # the daily and weekly editions feeds share a page (the archive): found by path
        feed_of = {f.page_url: f for f in site.feeds if f.kind != "editions"}
        by_path = {f.path: f for f in site.feeds}

        def feed_links(url: str) -> tuple[feeds.FeedLink, ...]:
            return feeds.links(feed_of[url]) if url in feed_of else ()

        def edition_links(path: str) -> tuple[feeds.FeedLink, ...]:
            return feeds.links(by_path[path]) if path in by_path else ()

        daily_feeds, weekly_feeds = edition_links(EDITIONS_FEED), edition_links(WEEKLY_FEED)

        def titled(name: str, pg: Any) -> str:
            # numbered pages count from the oldest: named by their days, not "page 1"
            return name if pg.front else f"{name}, {pg.label}"

        for pg in paginate(site.articles, per_page, "", items_span):
            # Older pages show no edition: they must not change when today's edition does.
            # the front page shows the latest edition: it advertises the editions feed
            latest = self.context["latest_edition"] if pg.front else None
            self._write(writer, pg.save_as, "index", pg.url, page=pg,
                        latest_edition=latest, page_feeds=daily_feeds if latest else (),
                        page_title=None if pg.front else titled("Older stories", pg))
        self._write(writer, "topics/index.html", "topics", "topics/",
                    topics=site.topic_pages, page_title="Topics")
        for tp in site.topic_pages:
            for pg in paginate(tp.articles, per_page, tp.ref.url, items_span):
                self._write(writer, pg.save_as, "topic", pg.url, ref=tp.ref,
                            topic=tp if pg.front else None, page=pg,
                            page_feeds=feed_links(tp.ref.url),
                            page_title=titled(tp.ref.label, pg))
        top = self.digest.entity_index_top
        groups = site.entity_groups()
        self._write(writer, "entities/index.html", "entities", "entities/",
                    entity_groups=[(g, label, ps[:top]) for g, label, ps in groups],
                    group_sizes={g: len(ps) for g, _, ps in groups},
                    page_title="Entities")
        for group, label, pages in groups:
            if pages:
                self._write(writer, f"entities/{group}/index.html", "entities_az",
                            f"entities/{group}/", group=group, label=label,
                            letters=site.entity_letters(group),
                            page_title=f"{label} A–Z")
        for ep in site.entity_pages:
            for pg in paginate(ep.articles, per_page, ep.ref.url, items_span):
                self._write(writer, pg.save_as, "entity", pg.url, ref=ep.ref,
                            entity=ep if pg.front else None, page=pg,
                            page_feeds=feed_links(ep.ref.url),
                            page_title=titled(ep.ref.name, pg))
        siteurl, lang = self.settings.get("SITEURL", ""), self.settings.get("DEFAULT_LANG", "en")
        for m in site.moved:
            self._write_file(writer, moved_mod.save_as(m.url),
                             lambda m=m: moved_mod.redirect_html(m, siteurl, lang),
                             (m, siteurl, lang))
        self._write(writer, "editions/index.html", "editions", "editions/",
                    editions=site.daily, weekly=site.weekly,
                    page_feeds=daily_feeds + weekly_feeds, page_title="Editions")
        for ed in (*site.daily, *site.weekly):
            self._write(writer, ed.save_as, "edition", ed.url, edition=ed,
                        page_feeds=weekly_feeds if ed.kind == "weekly" else daily_feeds,
                        page_title=ed.title)
        for story in site.stories:
            self._write(writer, story.save_as, "story", story.url, story=story,
                        page_title=story.title)
        self._write(writer, "search/index.html", "search", "search/", page_title="Search")
        # what static hosts (GitHub Pages, Netlify…) serve for a missing page; unlisted
        self._write(writer, "404.html", "404", "404.html", page_title="Page not found")
        self._write_feeds(writer)
        self._write_seo(writer)

    def _feed_limit(self, feed: feeds.Feed) -> int:
        d = self.digest
        return min(d.feed_items, d.entity_feed_items) if feed.group == "Entities" \
            else d.feed_items

    def _write_feeds(self, writer: Any) -> None:
        site, s = self.site, self.settings
        siteurl, name, lang = s.get("SITEURL", ""), s["SITENAME"], s.get("DEFAULT_LANG", "en")
        renderer = feeds.Renderer(siteurl, name, lang)
        old_feeds: dict[str, list[str]] = {}
        for m in site.moved:
            old_feeds.setdefault(m.to.url, []).append(m.feed_path)
        for feed in site.feeds:
            limit = self._feed_limit(feed)
            inputs = (feed.path, feed.title, feed.page_url, feed.kind, feed.full_text,
                      self.digest.feed_max_bytes, feed.items[:limit])
            made: dict[str, bytes] = {}

            def produce(fmt: str, feed: feeds.Feed = feed, limit: int = limit,
                        made: dict[str, bytes] = made) -> bytes:
                if fmt not in made:  # one render gives every format of the feed
                    made.update(renderer.render(feed, limit,
                                                self.digest.feed_max_bytes or None))
                return made.pop(fmt)

            # the feed also where a curator's edit moved it from: readers do not follow
            # the HTML redirect (:mod:`.moved`)
            paths = (feed.path, *old_feeds.get(feed.page_url, ()))
            for fmt in feed.formats:
                for path in paths:
                    self._write_file(writer, replace(feed, path=path).url(fmt),
                                     lambda p=produce, f=fmt: p(f), inputs)
        self._write_file(writer, "feeds/opml.xml",
                         lambda: feeds.opml(site.feeds, siteurl, name, site.newest),
                         ([(f.path, f.title, f.page_url, f.group) for f in site.feeds],
                          site.newest))
        log.info("news-digest: %s and feeds/opml.xml", plural(site.feeds, "feed"))

    def _write_seo(self, writer: Any) -> None:
        site, s = self.site, self.settings
        siteurl = s.get("SITEURL", "")
        entries: list[tuple[str, datetime | None]] = [("", site.newest if site.articles
                                                       else None)]
        entries += [(a.url, a.date) for a in site.articles]
        entries += [("topics/", None), ("entities/", None), ("editions/", None)]
        entries += [(p.url, getattr(p, "modified", None) or getattr(p, "date", None))
                    for p in self.context.get("pages", ())]  # Pelican's published pages
        az = {p.ref.group for p in site.entity_pages}  # the A–Z pages written above
        entries += [(f"entities/{group}/", None) for group in tx.GROUPS if group in az]
        entries += [(p.ref.url, p.articles[0].date) for p in site.topic_pages]
        entries += [(p.ref.url, p.last_seen) for p in site.entity_pages]
        entries += [(e.url, e.newest) for e in (*site.daily, *site.weekly)]
        self._write_file(writer, "sitemap.xml", lambda: seo.sitemap(entries, siteurl),
                         (entries,))
        self._write_file(writer, "news-sitemap.xml", lambda: seo.news_sitemap(
            site.articles, siteurl, s["SITENAME"], s.get("DEFAULT_LANG", "en"),
            self.digest.news_sitemap_hours),
            ([(a.url, a.date, a.title) for a in site.articles], self.digest.news_sitemap_hours))
        self._write_file(writer, "robots.txt", lambda: seo.robots(siteurl), ())
        if self.digest.export:
            records = export.post_records(site.articles, siteurl)
            self._write_file(writer, "export/posts.jsonl",
                             lambda: export.posts_jsonl(records), (records,))
