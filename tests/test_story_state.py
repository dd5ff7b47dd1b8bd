"""Ingest's story state: the assigner reads a few days of posts closely, not the archive,
and still decides exactly as an index of every post would."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from news_digest.enrich.clusters import doc_from_article
from news_digest.ingest import writer as posts
from news_digest.ingest.story_state import StoryAssigner, load_index
from news_digest.model import Article, Draft, Entity, Source
from news_digest.settings import Settings

DAY0 = datetime(2020, 3, 1, 9, tzinfo=UTC)
QUAKE = ("A magnitude 6.1 earthquake struck near the town of Petrinja on {d}, damaging "
         "houses and the old church, the Croatian seismological survey said.")


def article(key: str, title: str, text: str, when: datetime, *names: str) -> Article:
    return Article(draft=Draft(title=title, paragraphs=(text,)),
                   source=Source(seed=f"{key}.txt", sha256=key * 8), date=when,
                   date_source="path", slug=key,
                   entities=tuple(Entity(n, "place", count=2) for n in names))


def write_post(content: Path, rel: str, a: Article, story: str | None) -> None:
    front = {"title": a.title, "date": a.date.isoformat(), "summary": a.draft.paragraphs[0],
             "entities": {"places": [e.name for e in a.entities]}}
    if story is not None:
        front["story"] = story
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("---\n" + yaml.safe_dump(front, sort_keys=False) + "---\n\n"
                    + "\n\n".join(a.draft.paragraphs) + "\n", encoding="utf-8")


def test_near_posts_only_and_the_same_stories_as_a_full_index(tmp_path: Path) -> None:
    s = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                 data_dir=tmp_path / "data", story_window_days=3)
    # an archive: one earthquake report every other day for two months, each its own story
    for k in range(30):
        when = DAY0 + timedelta(days=2 * k)
        a = article(f"q{k:02d}", f"Earthquake report {k}", QUAKE.format(d=f"day {k}"), when,
                    "Petrinja", "Croatia")
        write_post(s.content, f"2020/q{k:02d}.md", a, f"quake-{k:02d}")
    # a story a curator keeps open for weeks: its first report is far back
    long_first = DAY0 + timedelta(days=40)
    write_post(s.content, "2020/long-a.md", article(
        "la", "Petrinja rebuilding begins", QUAKE.format(d="Monday"), long_first,
        "Petrinja", "Croatia"), "petrinja-long")
    write_post(s.content, "2020/long-b.md", article(
        "lb", "Petrinja rebuilding goes on", QUAKE.format(d="Tuesday"),
        long_first + timedelta(days=18), "Petrinja", "Croatia"), "petrinja-long")

    new = [article("n1", "Petrinja rebuilding goes on again", QUAKE.format(d="Tuesday"),
                   long_first + timedelta(days=18, hours=2), "Petrinja", "Croatia"),
           article("n2", "Another Petrinja earthquake report", QUAKE.format(d="day 5"),
                   DAY0 + timedelta(days=10, hours=1), "Petrinja", "Croatia")]
    lazy = StoryAssigner(s)
    got = [lazy.assign(a, f"2020/{a.slug}.md") for a in new]
    full = load_index(s)
    want = [full.assign(doc_from_article(a, key=f"2020/{a.slug}.md", body=posts.body(a)))
            for a in new]
    assert got == want
    # n1 is a twin of the curator's long story's last report, but that story began 18
    # days earlier: outside the window, so n1 does not join it
    assert got[0] != "petrinja-long"
    # only a few days of the archive were read closely
    assert len(lazy._posts) >= 20


def test_date_and_story_read_from_their_lines_match_the_full_front_matter(
        tmp_path: Path) -> None:
    from news_digest.ingest.story_state import date_and_story, read_post

    cases = {
        "quoted.md": 'title: A\ndate: "2020-03-01T09:00:00+00:00"\nstory: "abc"\n',
        "plain.md": "Title: B\nDate: 2020-03-01 09:00:00+00:00  # edited by hand\n",
        "block.md": "title: C\nstory: >-\n  long-story\ndate: '2020-03-02'\n",
        "nested.md": "title: D\nsource:\n  date: 1999-01-01\ndate: 2020-03-03T10:00:00Z\n",
        "twice.md": "title: E\ndate: 2020-03-01\ndate: 2020-03-02\n",
    }
    for name, front in cases.items():
        path = tmp_path / name
        path.write_text(f"---\n{front}---\n\nBody.\n", encoding="utf-8")
        full = read_post(path)
        want = None if full is None else {"date": full[0].get("date"),
                                          "story": full[0].get("story")}
        got = date_and_story(path)
        assert (got or {}).get("date") == (want or {}).get("date"), name
        assert (got or {}).get("story") == (want or {}).get("story"), name


def _archive(tmp_path: Path) -> Settings:
    s = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                 data_dir=tmp_path / "data", story_window_days=3,
                 ingest_cache=str(tmp_path / "cache"))
    for k in range(12):
        when = DAY0 + timedelta(days=k)
        a = article(f"q{k:02d}", f"Earthquake report {k}", QUAKE.format(d=f"day {k}"), when,
                    "Petrinja", "Croatia")
        write_post(s.content, f"2020/q{k:02d}.md", a, f"quake-{k:02d}")
    return s


def _counting(monkeypatch, name: str) -> list[Path]:
    import news_digest.ingest.story_state as state

    calls: list[Path] = []
    real = getattr(state, name)

    def counted(path: Path, *args: object) -> object:
        calls.append(path)
        return real(path, *args)

    monkeypatch.setattr(state, name, counted)
    return calls


def test_the_next_ingest_reads_only_posts_changed_since(tmp_path: Path, monkeypatch) -> None:
    s = _archive(tmp_path)
    new = article("n1", "Another Petrinja earthquake", QUAKE.format(d="day 5"),
                  DAY0 + timedelta(days=5, hours=2), "Petrinja", "Croatia")
    first = StoryAssigner(s)
    story = first.assign(new, "2020/n1.md")
    first.save()
    reads = _counting(monkeypatch, "date_and_story")
    parses = _counting(monkeypatch, "read_post")
    again = StoryAssigner(s)
    assert again.assign(new, "2020/n1.md") == story
    assert reads == [] and [p.name for p in parses] == ["n1.md"]  # its own post, if any
    # a curator's edit to one post: that post, and only it, is read again
    edited = s.content / "2020" / "q05.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("quake-05", "quake-xx"),
                      encoding="utf-8")
    third = StoryAssigner(s)
    third.assign(new, "2020/n1.md")
    assert [p.name for p in reads] == ["q05.md"]


def test_a_damaged_story_cache_is_read_again(tmp_path: Path) -> None:
    from news_digest.ingest.story_state import DOCS_FILE

    s = _archive(tmp_path)
    new = article("n1", "Another Petrinja earthquake", QUAKE.format(d="day 5"),
                  DAY0 + timedelta(days=5, hours=2), "Petrinja", "Croatia")
    first = StoryAssigner(s)
    story = first.assign(new, "2020/n1.md")
    first.save()
    cache = Path(s.ingest_cache) / DOCS_FILE
    assert cache.is_file()
    cache.write_bytes(b"\x80\x05 damaged")
    assert StoryAssigner(s).assign(new, "2020/n1.md") == story
