"""Stories shown as one: ingest keeps an event's reports on several stories when the join
threshold (set for precision) is not reached; regrouping joins the stories whose reports
have the same nearest neighbours, and the site shows them as one card."""

from __future__ import annotations

import os
import random
import re
import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from helpers import Post, build, write_content
from test_story_state import article, write_post

from news_digest.enrich.clusters import (
    SHARED_BAR,
    StoryDoc,
    join_stories,
    regroup,
    shared_neighbours,
)
from news_digest.ingest.story_state import StoryAssigner
from news_digest.settings import Settings

DAY0 = datetime(2020, 3, 1, 9, tzinfo=UTC)
A1, A2, B = "aaaaaaaaa1", "aaaaaaaaa2", "bbbbbbbbb1"


def doc(key: str, story: str | None, words: dict[str, float], hours: int = 0) -> StoryDoc:
    return StoryDoc(key=key, date=DAY0 + timedelta(hours=hours), words=words,
                    entities={}, story=story)


def event(prefix: str, stories: list[str], place: str, hours: int = 0) -> list[StoryDoc]:
    """Reports of one event (same place and magnitude, one word of their own each),
    spread over ``stories`` in turn."""
    return [doc(f"{prefix}{i}", stories[i * len(stories) // 6],
                {"quake": 3.0, place: 5.0, f"{place}-magnitude": 3.0, f"{prefix}{i}-own": 1.0},
                hours + i)
            for i in range(6)]


def docs() -> list[StoryDoc]:
    # one event that ingest left on two stories, and a look-alike earthquake elsewhere
    return event("a", [A1, A2], "petrinja") + event("b", [B], "zagreb", hours=1)


def test_an_events_two_stories_are_joined_and_the_look_alike_is_not() -> None:
    assert regroup(docs()) == {A2: A1}  # the older story's id is kept


def test_the_answer_does_not_depend_on_the_order_of_the_posts() -> None:
    assert regroup(list(reversed(docs()))) == regroup(docs())


def test_an_unrelated_report_changes_nothing() -> None:
    other = doc("z", "ccccccccc1", {"football": 5.0, "final": 3.0}, hours=2)
    assert regroup([*docs(), other]) == {A2: A1}


def test_two_lone_reports_are_left_to_the_join_threshold() -> None:
    # two reports that list only each other share no third report: not joined here
    pair = [doc("p0", "ddddddddd1", {"flood": 5.0, "p0": 1.0}),
            doc("p1", "ddddddddd2", {"flood": 5.0, "p1": 1.0})]
    assert regroup(pair) == {}


def test_a_curators_story_and_a_cleared_story_are_left_alone() -> None:
    named = [replace(d, story="petrinja-quake") if d.story == A2 else d for d in docs()]
    assert regroup(named) == {}
    cleared = [replace(d, story=None) if d.story == A2 else d for d in docs()]
    assert regroup(cleared) == {}


def test_stories_further_apart_than_the_window_are_not_joined() -> None:
    late = [replace(d, date=d.date + timedelta(days=5)) if d.story == A2 else d
            for d in docs()]
    assert regroup(late, window_days=3) == {}


@pytest.mark.parametrize("seed", range(5))
def test_an_event_left_as_two_big_stories_is_joined_through_the_stories_its_reports_list(
        seed: int) -> None:
    # ten reports on each of two stories of one event; each lists three reports of its
    # own story and two of the other's, at random: a pair across the split shares too
    # few *reports* to reach the bar, but their lists name the same two *stories*.
    # A look-alike event's reports list their own, and now and then one report of A.
    rng = random.Random(seed)
    a, b, c = ([f"{p}{i}" for i in range(10)] for p in "abc")
    story = {**dict.fromkeys(a, A1), **dict.fromkeys(b, A2), **dict.fromkeys(c, B)}
    posts = [doc(key, story[key], {}, hours=i % 24) for i, key in enumerate(a + b + c)]
    lists = {}
    for own, other in ((a, b), (b, a)):
        for key in own:
            lists[key] = rng.sample([k for k in own if k != key], 3) + rng.sample(other, 2)
    for key in c:
        lists[key] = rng.sample([k for k in c if k != key], 3) + (
            [rng.choice(a)] if rng.random() < 0.5 else [])
    by_reports = shared_neighbours(lists)
    across = [by_reports.get((x, y), 0.0) for x in a for y in b]
    assert sum(across) / len(across) < SHARED_BAR  # reports alone: two cards
    assert join_stories(posts, lists) == {A2: A1}


QUAKE = ("A magnitude 6.1 earthquake struck near Petrinja on {d}, damaging houses, the "
         "Sisak hospital and the old church; Kresimir Vukovic of the seismological survey "
         "counted {n} aftershocks.")
STORM = ("Storm Ciara flooded the Calder valley on {d}; the Environment Agency issued "
         "{n} flood warnings and Hebden Bridge was cut off.")


def test_ingest_writes_the_stories_it_shows_as_one(tmp_path: Path) -> None:
    s = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                 data_dir=tmp_path / "data")
    for i in range(6):  # one event on two stories, as an earlier ingest left it
        a = article(f"q{i}", f"Petrinja earthquake report {i}",
                    QUAKE.format(d=f"day {i}", n=10 + i), DAY0 + timedelta(hours=i),
                    "Petrinja", "Sisak")
        write_post(s.content, f"2020/q{i}.md", a, A1 if i < 3 else A2)
    for i in range(4):
        a = article(f"s{i}", f"Storm Ciara report {i}", STORM.format(d=f"day {i}", n=i + 3),
                    DAY0 + timedelta(hours=i), "Hebden Bridge")
        write_post(s.content, f"2020/s{i}.md", a, B)
    assigner = StoryAssigner(s)
    new = article("s9", "Storm Ciara report 9", STORM.format(d="day 9", n=12),
                  DAY0 + timedelta(hours=8), "Hebden Bridge")
    story = assigner.assign(new, "2020/s9.md")
    write_post(s.content, "2020/s9.md", new, story)
    assert story == B  # a clear report joins at ingest, as before
    assert assigner.write_groups()
    text = s.stories_file.read_text()
    assert text.startswith("# Stories the site shows as one")
    assert yaml.safe_load(text) == {"joined": {A2: A1}}
    assert not assigner.write_groups()  # the same posts give the same bytes


def cards(html: str) -> list[str]:
    return re.findall(r'<article class="card">.*?</article>', html, re.S)


@pytest.mark.parametrize("regroup_on", [True, False])
def test_the_site_shows_joined_stories_as_one_card(tmp_path: Path, regroup_on: bool) -> None:
    posts = [Post("quake-report", "Earthquake hits Petrinja", 0, 9, ("politics",)),
             Post("quake-damage", "Petrinja counts the damage", 0, 15, ("politics",))]
    content = write_content(tmp_path, posts)
    (tmp_path / "data" / "stories.learned.yml").write_text(
        "joined:\n  quake-damage: quake-report\n", encoding="utf-8")
    out = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_STORY_REGROUP=regroup_on)
    home = [c for c in cards((out / "index.html").read_text()) if "Petrinja" in c]
    if regroup_on:
        assert len(home) == 1 and "Also reported" in home[0]
        assert (out / "stories" / "quake-report" / "index.html").is_file()
    else:
        assert len(home) == 2 and not any("Also reported" in c for c in home)


def test_an_unreadable_stories_file_is_named_and_ignored(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    posts = [Post("quake-report", "Earthquake hits Petrinja", 0, 9, ("politics",))]
    content = write_content(tmp_path, posts)
    (tmp_path / "data" / "stories.learned.yml").write_text("joined: [unclosed\n")
    out = build(tmp_path, content, tmp_path / "output")
    assert (out / "index.html").is_file()
    assert "stories.learned.yml" in caplog.text


@pytest.mark.parametrize("case", ["cached", "fresh clone", "neighbours file damaged"])
def test_a_later_ingest_works_out_only_the_lists_near_its_posts_and_agrees_with_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str) -> None:
    from news_digest.enrich.clusters import neighbour_lists
    from news_digest.ingest import story_state
    from news_digest.ingest.story_state import _full_doc, _post_paths

    s = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                 data_dir=tmp_path / "data", ingest_cache=str(tmp_path / "cache"))
    # thirty days, each with an earthquake reported six times on two stories
    for day in range(30):
        for i in range(6):
            a = article(f"d{day:02d}q{i}", f"Earthquake report {day}-{i}",
                        QUAKE.format(d=f"day {day}", n=100 * day + i),
                        DAY0 + timedelta(days=day, hours=i), f"Town{day}")
            write_post(s.content, f"2020/d{day:02d}q{i}.md", a,
                       f"{day:04x}aaaaa{i // 3}")

    def ingest_one(key: str, day: int) -> StoryAssigner:
        assigner = StoryAssigner(s)
        new = article(key, f"Storm report {key}", STORM.format(d=key, n=day),
                      DAY0 + timedelta(days=day, hours=9), "Hebden Bridge")
        write_post(s.content, f"2020/{key}.md", new, assigner.assign(new, f"2020/{key}.md"))
        assigner.write_groups()
        assigner.save()
        return assigner

    ingest_one("first", 1)
    worked_out: list[str] = []

    def lists(docs, window, targets):
        worked_out.extend(targets)
        return neighbour_lists(docs, window, targets=targets)

    monkeypatch.setattr(story_state, "neighbour_lists", lists)
    if case == "fresh clone":  # a scheduled build from a clone: no cache, new mtimes
        shutil.rmtree(tmp_path / "cache")
        for post in s.content.rglob("*.md"):
            os.utime(post)
    if case == "neighbours file damaged":  # every list is worked out again, no error
        s.neighbours_file.write_text('{"made_with": "x", "posts": [', encoding="utf-8")
    ingest_one("second", 20)
    if case == "neighbours file damaged":
        assert len(worked_out) == 30 * 6 + 2
    else:  # only the posts within three days of the new one: a week of 6 a day, and it
        assert 0 < len(worked_out) <= 7 * 6 + 1
    every = [_full_doc(rel, path) for rel, path in _post_paths(s)]
    assert yaml.safe_load(s.stories_file.read_text())["joined"] == \
        regroup([d for d in every if d is not None])
    assert len(regroup([d for d in every if d is not None])) == 30  # one join a day


def test_a_curators_post_with_a_date_without_zone_is_regrouped_with_the_rest(
        tmp_path: Path) -> None:
    s = Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                 data_dir=tmp_path / "data")
    for i in range(6):
        a = article(f"q{i}", f"Petrinja earthquake report {i}",
                    QUAKE.format(d=f"day {i}", n=10 + i), DAY0 + timedelta(hours=i),
                    "Petrinja", "Sisak")
        write_post(s.content, f"2020/q{i}.md", a, A1 if i < 3 else A2)
    path = s.content / "2020" / "q5.md"  # a curator typed the date by hand
    path.write_text(re.sub(r"date: '?[^\n]*", "date: 2020-03-01 14:00:00", path.read_text()))
    assigner = StoryAssigner(s)
    new = article("s9", "Storm Ciara report 9", STORM.format(d="day 9", n=12),
                  DAY0 + timedelta(hours=8), "Hebden Bridge")
    write_post(s.content, "2020/s9.md", new, assigner.assign(new, "2020/s9.md"))
    assigner.write_groups()
    assert yaml.safe_load(s.stories_file.read_text()) == {"joined": {A2: A1}}


def test_an_ingest_whose_regrouping_fails_still_writes_its_posts(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
        ) -> None:
    from news_digest.ingest.run import ingest

    def broken(self: StoryAssigner) -> bool:
        raise RuntimeError("disk full")

    monkeypatch.setattr(StoryAssigner, "write_groups", broken)
    seeds = tmp_path / "seeds" / "daily-planet"
    seeds.mkdir(parents=True)
    (seeds / "quake.txt").write_text("Earthquake hits Petrinja\n\n"
                                     + QUAKE.format(d="Monday", n=12) + "\n")
    report = ingest(Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                             data_dir=tmp_path / "data", ner_backend="rules", processes=1))
    assert len(report.new) == 1
    assert "stories not regrouped" in caplog.text and "disk full" in caplog.text


# A busy day on one subject: six reports of six different events in one town's election
# campaign, each naming the mayor and her rival and using the campaign's words, each
# with its own event (a budget vote, a strike, a school, a library, a police chief, a
# park). No two are close enough for ingest to join (0.28-0.42), but every report's
# nearest reports are the others, so they share most of their neighbours.
CAMPAIGN = [
    ("Council approves Riverton budget",
     "Mayor Helen Marsh won the vote at Riverton City Hall, a boost for her re-election "
     "campaign against councillor Tom Breck.",
     "Councillors voted 9 to 4 for a budget of 412 million dollars, with Treasurer Owen "
     "Pike warning of cuts to street lighting in Northgate. Parking fees in the Old Town "
     "rise to 3 dollars an hour from April, and the sewer levy goes up 4 percent."),
    ("Riverton bus drivers walk out",
     "The strike is a blow to Mayor Helen Marsh as Riverton heads to the polls, and "
     "councillor Tom Breck blamed her campaign promises.",
     "Drivers of the Transit Union stopped 140 buses at dawn over rosters, and union "
     "leader Dana Ruiz promised pickets at the Elm Street depot. Hospital staff and shift "
     "workers queued for taxis, and the Riverton Chamber of Commerce estimated losses at "
     "2 million dollars a day."),
    ("Marsh closes Oakfield school",
     "Riverton's Mayor Helen Marsh defended the closure on the campaign trail, while her "
     "rival, councillor Tom Breck, called it a betrayal.",
     "Oakfield Primary will close in July after enrolment fell to 96 pupils, the schools "
     "board chair Victor Lang said, and pupils will move to Hillcrest. Parents gathered "
     "at the gates with placards, and the Hillcrest head teacher Nora Quist said her "
     "classrooms could take 60 more children."),
    ("Library hours cut in Riverton",
     "Councillor Tom Breck said the cut showed Mayor Helen Marsh had lost touch with "
     "Riverton weeks before the election campaign ends.",
     "The Central Library will open five days a week from March, librarian Grace Ohm "
     "said, saving 1.3 million dollars a year. Branch libraries in Eastfield and Cole "
     "Park lose their Saturday hours, and the mobile library van will be sold at auction."),
    ("Riverton names new police chief",
     "Mayor Helen Marsh announced the appointment at a campaign stop in Riverton; "
     "councillor Tom Breck said the next mayor should have chosen.",
     "Deputy Commander Ian Talbot, 52, becomes police chief after 28 years with the "
     "force, replacing Chief Rosa Vey, who retires in June. Talbot led the 2019 inquiry "
     "into evidence handling and promised 50 more officers on night patrols in the docks "
     "district."),
    ("Park plan for Riverton waterfront",
     "The plan is the centrepiece of Mayor Helen Marsh's campaign for a second term in "
     "Riverton, though councillor Tom Breck doubts the cost.",
     "Architects Bloom and Kay unveiled a 60-acre park on the old Harbour Mills site, "
     "costing 75 million dollars, with a ferry pier and a market hall. The first trees "
     "will be planted in October, and a tram stop on Quay Road will link the park to "
     "the station."),
]


def test_reports_of_different_events_on_one_subject_are_not_shown_as_one_story(
        tmp_path: Path) -> None:
    # Until 2026-12-02 a first pass counted every shared neighbour, and these six
    # reports became one story ("Also reported — 4 more reports"); now a neighbour
    # counts only as far as its own neighbours lie in its own story, and a report that
    # ingest left on a story of its own vouches for nobody.
    from helpers import build_from_seeds

    seeds = tmp_path / "seeds" / "riverton-gazette"
    seeds.mkdir(parents=True)
    for i, (title, campaign, event) in enumerate(CAMPAIGN):
        (seeds / f"r{i}.txt").write_text(f"{title}\n\n{campaign}\n\n{event}\n",
                                         encoding="utf-8")
    (tmp_path / "content").mkdir()
    out = build_from_seeds(tmp_path, NEWS_DIGEST_NER_BACKEND="rules")
    posts = sorted((tmp_path / "content").rglob("*.md"))
    stories = {yaml.safe_load(p.read_text().split("---")[1])["story"] for p in posts}
    assert len(posts) == len(stories) == len(CAMPAIGN)  # ingest kept them apart
    assert yaml.safe_load((tmp_path / "data" / "stories.learned.yml").read_text()) == {
        "joined": {}}
    home = cards((out / "index.html").read_text())
    assert sum("Riverton" in c or "Marsh" in c for c in home) >= 2
    assert not any("Also reported" in c for c in home)
    assert not (out / "stories").exists() or not any((out / "stories").iterdir())
