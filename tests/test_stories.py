"""Stories: articles about one event share a ``story`` id; look-alike events do not.

The clustering tests use small hand-written reports; the ingest tests check where the
state lives (the posts), that ids never move, and that a curator's ``story`` wins.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from news_digest.enrich.clusters import StoryIndex, cluster, doc_from_article, similarity
from news_digest.enrich.stories import anchors, story_id, text_names
from news_digest.ingest.run import ingest
from news_digest.model import Article, Draft, Entity, Source
from news_digest.settings import Settings


def make(key: str, title: str, *paragraphs: str, day: int = 8,
         entities: tuple[Entity, ...] = ()) -> Article:
    return Article(draft=Draft(title=title, paragraphs=paragraphs),
                   source=Source(seed=f"{key}.txt", sha256=key * 4),
                   date=datetime(2020, 1, day, tzinfo=UTC), date_source="path", slug=key,
                   entities=entities)


def people(*names: str) -> tuple[Entity, ...]:
    return tuple(Entity(n, "person", count=3) for n in names)


REHAB = "checked into a rehabilitation centre on Friday, her representative told reporters"
LOHAN = [
    make("a1", "Lindsay Lohan checks into Betty Ford Center",
         f"Actress Lindsay Lohan {REHAB}, beginning a 90-day court-ordered stay at the Betty "
         "Ford Center in Rancho Mirage.", "Lohan's lawyer Shawn Holley said the actress was "
         "doing well and had the support of her family during the court-ordered stay.",
         entities=people("Lindsay Lohan", "Shawn Holley")),
    make("a2", "Lohan enters Betty Ford rehab after court order",
         "Lindsay Lohan arrived at the Betty Ford Center in Rancho Mirage on Thursday night "
         "to begin the 90-day stay that a judge had ordered, and her attorney Shawn Holley "
         "said that she was in good spirits.",
         "A Los Angeles judge had ordered Lohan into a locked facility after she lied to "
         "police about a car crash in Santa Monica last summer, court papers show.", day=9,
         entities=people("Lindsay Lohan", "Shawn Holley")),
    make("a3", "Lindsay Lohan begins 90-day stay at Betty Ford Center",
         "Lindsay Lohan began her 90-day stay at the Betty Ford Center in Rancho Mirage, "
         "where Shawn Holley said the court order would be met in full.",
         "The actress left another clinic on Thursday after a single night, which the "
         "judge in Los Angeles had not approved for the court-ordered stay.", day=9,
         entities=people("Lindsay Lohan", "Shawn Holley")),
]
REID = make("b1", "Tara Reid checks into Promises Treatment Center",
            f"Actress Tara Reid {REHAB}; her publicist Jack Ketsoyan asked for privacy at "
            "the Promises Treatment Center in Malibu.",
            "Reid, who starred in American Pie, launched a fashion line called Mantra in "
            "December and was to appear on a reality television show this spring.",
            entities=people("Tara Reid", "Jack Ketsoyan"))


def test_one_event_from_three_outlets_is_one_story_and_the_look_alike_is_not() -> None:
    ids = cluster([doc_from_article(a) for a in [*LOHAN, REID]])
    lohan = {ids[a.source.sha256] for a in LOHAN}
    assert len(lohan) == 1
    assert ids[REID.source.sha256] not in lohan
    assert re.fullmatch(r"[0-9a-f]{10}", ids[REID.source.sha256])


def test_look_alike_scores_lower_than_same_event() -> None:
    d = [doc_from_article(a) for a in [*LOHAN, REID]]
    assert similarity(d[0], d[1]) > similarity(d[0], d[3]) + 0.2


def test_the_date_window_separates_a_repeat_of_the_event() -> None:
    later = make("c1", LOHAN[0].title, *LOHAN[0].draft.paragraphs, day=28,
                 entities=LOHAN[0].entities)
    ids = cluster([doc_from_article(a) for a in [LOHAN[0], later]])
    assert len(set(ids.values())) == 2


def test_ids_are_deterministic_and_never_move_when_others_arrive() -> None:
    docs = [doc_from_article(a) for a in [*LOHAN, REID]]
    first = cluster(docs)
    assert cluster(docs) == first
    index = StoryIndex()
    for d in docs[:2]:
        index.assign(d)
    before = {d.key: d.story for d in index.docs}
    index.assign(docs[3])  # an unrelated article arrives
    assert {d.key: d.story for d in index.docs[:2]} == before
    assert index.assign(docs[2]) == before[docs[0].key]


# --- through ingest: state lives in the posts, a curator's value wins --------------------

CHROME = "Share this article\n© 2020 Example Ltd. All Rights Reserved."


def seed(a: Article) -> str:
    return f"{a.title}\n\n" + "\n\n".join(a.draft.paragraphs) + f"\n\n{CHROME}\n"


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    (tmp_path / "seeds").mkdir()
    return Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                    data_dir=tmp_path / "data", ner_backend="rules", processes=1)


def add(s: Settings, outlet: str, a: Article) -> None:
    folder = s.seeds / outlet / f"2020-01-{a.date.day:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{a.slug}.txt").write_text(seed(a))


def stories(s: Settings) -> dict[str, str | None]:
    out = {}
    for p in sorted(s.content.rglob("*.md")):
        front = yaml.safe_load(p.read_text().split("---\n")[1])
        out[front["title"]] = front.get("story")
    return out


def test_a_later_ingest_joins_the_story_already_on_the_site(site: Settings) -> None:
    add(site, "outlet-a", LOHAN[0])
    add(site, "outlet-z", REID)
    ingest(site)
    first = stories(site)
    add(site, "outlet-b", LOHAN[1])
    add(site, "outlet-c", LOHAN[2])
    ingest(site)
    now = stories(site)
    assert {k: now[k] for k in first} == first  # nothing already written moved
    assert now[LOHAN[1].title] == now[LOHAN[2].title] == first[LOHAN[0].title]
    assert now[REID.title] != now[LOHAN[0].title]


def test_a_curators_story_is_kept_and_used(site: Settings) -> None:
    add(site, "outlet-a", LOHAN[0])
    ingest(site)
    [post] = list(site.content.rglob("*.md"))
    text = post.read_text()
    old = stories(site)[LOHAN[0].title]
    post.write_text(text.replace(f"story: {old}", "story: lohan-rehab"))
    add(site, "outlet-b", LOHAN[1])
    report = ingest(site)
    assert stories(site) == {LOHAN[0].title: "lohan-rehab", LOHAN[1].title: "lohan-rehab"}
    assert not report.curated  # the curated post was not touched, nor reported as clobbered
    assert "story: lohan-rehab" in post.read_text()


def test_a_cleared_story_takes_the_post_out_of_every_story(site: Settings) -> None:
    add(site, "outlet-a", LOHAN[0])
    ingest(site)
    [post] = list(site.content.rglob("*.md"))
    post.write_text(re.sub(r"^story: .*\n", "", post.read_text(), flags=re.M))
    add(site, "outlet-b", LOHAN[1])
    ingest(site)
    got = stories(site)
    assert got[LOHAN[0].title] is None and got[LOHAN[1].title]


# --- the old fingerprint, still the benchmark's baseline ----------------------------------

def test_old_fingerprint_still_groups_by_top_name_and_week() -> None:
    one = make("x", "Strike on base", "Missiles hit the base.", entities=(
        Entity("Qassem Soleimani", "person", aliases=("Suleimani",), count=4),
        Entity("Iraq", "place", count=5)))
    two = make("y", "Iran strikes back", "Revenge for Suleimani.", entities=(
        Entity("Qassem Soleimani", "person", count=3), Entity("Iran", "place", count=2)))
    assert anchors(one) == ("qassem soleimani",)
    assert story_id(one) == story_id(two)
    names = text_names("Lohan Checks Into Rehab", (
        "Police said Lindsay Lohan arrived late. Lohan was calm.",))
    assert "Lindsay Lohan" in names and "Lohan" not in names and "Police" not in names
