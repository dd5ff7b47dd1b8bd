"""``news-digest entities review`` on a real registry file and real posts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from helpers import Post, write_content

from news_digest.cli import main

REGISTRY = """\
# curated
Qassem Soleimani:
  type: person
  aliases: [Suleimani]

# learned by news-digest ingest; edit freely (rename, merge, block)
Alexei Leonov:
  type: person
"""


def post(n: int, people=(), orgs=(), places=()) -> Post:
    return Post(f"s{n}", f"Story {n}", n % 5, 10, ("politics",), tuple(people), tuple(orgs),
                tuple(places), summary="x", sha=f"{n:064x}")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    posts = [
        post(1, ["Alexei Leonov"], ["Acme Widgets"]),
        post(2, ["Alexei Leonov"], ["Acme Widgets"]),
        post(3, ["Alexei Leonow"], ["Acme Widgets"]),
        post(4, ["Alexei Leonow"], [], ["Acme Widgets"]),
        post(5, [], ["Parliament"], ["Canada", "France"]),
        post(6, [], ["Parliament"], ["Iraq", "France"]),
    ]
    write_content(tmp_path, posts)
    (tmp_path / "data" / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    return tmp_path


def run(site: Path, *extra: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["entities", "review", "--content", str(site / "content"),
                 "--data", str(site / "data"), *extra])
    assert code == 0
    return capsys.readouterr().out


def test_review_lists_duplicates_with_the_merge_lines(site: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    out = run(site, capsys=capsys)
    assert "Alexei Leonov ≟ Alexei Leonow" in out
    assert "    Alexei Leonov:\n      type: person\n      aliases: [Alexei Leonow]" in out


def test_review_json_has_type_doubts_and_generic_names(site: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    data = json.loads(run(site, "--json", capsys=capsys))
    assert set(data) == {"duplicates", "low_confidence", "unconfirmed"}
    dup = data["duplicates"][0]
    assert {dup["name"], dup["other"]} == {"Alexei Leonov", "Alexei Leonow"}
    acme = next(i for i in data["low_confidence"] if i["name"] == "Acme Widgets")
    assert acme["kind"] == "type" and acme["confidence"] == 0.75
    # the page's type pinned, the other reading beside it: pasting it unread changes
    # nothing, and the registry reads it as the type it says
    assert acme["fix"] == "Acme Widgets:\n  type: organization  # or: place\n"
    assert yaml.safe_load(acme["fix"]) == {"Acme Widgets": {"type": "organization"}}
    assert not any(i["name"] == "Parliament" for i in data["low_confidence"])  # no page


def test_review_reports_a_bad_post_by_name_and_goes_on(site: Path,
                                                       capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(site)
    bad = site / "content" / "2020" / "bad.md"
    bad.write_text("---\ntitle: [unclosed\n---\nbody\n", encoding="utf-8")
    code = main(["entities", "review", "--content", str(site / "content"), "--data",
                 str(site / "data")])
    captured = capsys.readouterr()
    assert code == 0
    assert f"{bad}: invalid YAML front matter" in captured.err
    assert "Alexei Leonov" in captured.out


def test_shorter_and_longer_forms_are_suspected_duplicates() -> None:
    from datetime import date

    from news_digest.commands.entities_review import review

    day = date(2020, 1, 6)
    posts = [(day, [("organization", "Solidarity Party")]),
             (day, [("organization", "Solidarity Party")]),
             (day, [("organization", "American Solidarity Party")]),
             (day, [("organization", "American Solidarity Party")]),
             (day, [("organization", "Labour Party")]), (day, [("organization", "Labour Party")]),
             (day, [("organization", "Green Party")]), (day, [("organization", "Green Party")])]
    queue = review(posts, {})
    pairs = {(i.name, i.other) for i in queue["duplicates"]}
    assert pairs == {("American Solidarity Party", "Solidarity Party")}
    (item,) = queue["duplicates"]
    # one name holds the other: a guess, so the lines come commented out; pasted
    # unread they change nothing, uncommented they merge
    assert yaml.safe_load(item.fix) is None
    assert item.fix.startswith("# check: are 'Solidarity Party' and 'American Solidarity "
                               "Party' one organization?")
    uncommented = "".join(line[2:] + "\n" for line in item.fix.splitlines()[1:])
    assert yaml.safe_load(uncommented) == {
        "American Solidarity Party": {"type": "organization", "aliases": ["Solidarity Party"]}}


def test_a_town_named_with_its_state_is_not_offered_as_the_states_duplicate() -> None:
    """GeoNames has bigger Springfields, so the town keeps its state in its name
    (round 14a); the queue must not offer to merge the state into it."""
    from datetime import date

    from news_digest.commands.entities_review import review

    day = date(2020, 1, 6)
    posts = [(day, [("place", "Springfield, New Hampshire"), ("place", "New Hampshire")]),
             (day, [("place", "Springfield, New Hampshire"), ("place", "New Hampshire")]),
             (day, [("place", "North Quorville"), ("place", "Quorville")]),
             (day, [("place", "North Quorville"), ("place", "Quorville")])]
    pairs = {(i.name, i.other) for i in review(posts, {})["duplicates"]}
    assert not any("New Hampshire" in p for pair in pairs for p in pair)


def test_a_one_word_body_and_the_same_name_with_a_word_more_are_offered() -> None:
    """"NBC" and "NBC News" share stories: a network and its news division, or one body
    under two names. The curator decides; the queue must show the pair."""
    from datetime import date

    from news_digest.commands.entities_review import review

    day = date(2020, 1, 6)
    posts = [(day, [("organization", "Zorbly"), ("organization", "Zorbly News")]),
             (day, [("organization", "Zorbly")]), (day, [("organization", "Zorbly")]),
             (day, [("organization", "Zorbly News")]),
             (day, [("organization", "Acme Zorbly"), ("place", "Quorville")]),
             (day, [("organization", "Acme Zorbly"), ("place", "Quorville Bay")])]
    pairs = {(i.name, i.other) for i in review(posts, {})["duplicates"]}
    assert ("Zorbly News", "Zorbly") in pairs or ("Zorbly", "Zorbly News") in pairs
    assert not any("Acme Zorbly" in pair for pair in pairs)  # the word is not first
    assert not any("Quorville" in p for pair in pairs for p in pair)  # places: not this rule


def test_organisations_only_the_wording_types_are_listed_fewest_stories_first() -> None:
    """A network or a service the model calls an organisation in every article gets no
    vote against it; the queue lists such pages, so a curator can block the things."""
    from datetime import date

    from news_digest.commands.entities_review import review
    from news_digest.enrich.resolve import Known

    day = date(2020, 1, 6)
    posts = [(day, [("organization", "Zorbnet"), ("organization", "Quorville Party"),
                    ("organization", "Bank of Quorville"), ("organization", "Acme Blorg")]),
             (day, [("organization", "Zorbnet"), ("organization", "Quorville Party"),
                    ("organization", "Bank of Quorville"), ("organization", "Acme Blorg")]),
             (day, [("organization", "Acme Blorg")])]
    queue = review(posts, {"Acme Blorg": Known("Acme Blorg", "organization")})
    # a body word in the name, a curated entry: confirmed; the bare name is listed
    assert [i.name for i in queue["unconfirmed"]] == ["Zorbnet"]
    (item,) = queue["unconfirmed"]
    assert item.articles == 2
    # pasted unread it pins the type and changes nothing; the comment says how to block
    assert yaml.safe_load(item.fix) == {"Zorbnet": {"type": "organization"}}
    assert "block: true" in item.fix


def test_review_types_a_name_as_a_posts_cue_stated_it(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A post's ``cued:`` ("the electronics firm Quorn Vale") types the name in the queue
    as it does on the site: a type the text stated is no doubt to review, and the queue
    no longer offers the person reading the site does not show."""
    posts = [post(1, [], ["Quorn Vale"]), post(2, ["Quorn Vale"]), post(3, ["Quorn Vale"])]
    write_content(tmp_path, posts)
    (tmp_path / "data" / "entities.yml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def types() -> set[str]:
        data = json.loads(run(tmp_path, "--json", "--limit", "100", capsys=capsys))
        return {i["type"] for items in data.values() for i in items
                if "Quorn Vale" in (i["name"], i["other"])}

    assert types() == {"person"}  # two-word and person-shaped: the share rule's person
    first = next((tmp_path / "content").rglob("s1.md"))
    text = first.read_text("utf-8")
    first.write_text(text.replace("\n---\n", "\ncued: [Quorn Vale]\n---\n", 1)
                     if text.startswith("---\n") else text, encoding="utf-8")
    assert "cued: [Quorn Vale]" in first.read_text("utf-8")
    assert "person" not in types()


def test_review_leaves_out_a_name_a_posts_works_cue_made_pageless(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A post's ``works:`` ("the sitcom Quorn Vale") takes the name's page off the site;
    the queue does not ask the curator to retype or block a page the site does not have."""
    posts = [post(1, [], [], ["Quorn Vale"]), post(2, [], ["Quorn Vale"]),
             post(3, [], ["Quorn Vale"])]
    write_content(tmp_path, posts)
    (tmp_path / "data" / "entities.yml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def listed() -> bool:
        data = json.loads(run(tmp_path, "--json", "--limit", "100", capsys=capsys))
        return any("Quorn Vale" in (i["name"], i["other"])
                   for items in data.values() for i in items)

    assert listed()  # a type doubt: place in one story, organisation in two
    first = next((tmp_path / "content").rglob("s1.md"))
    text = first.read_text("utf-8")
    first.write_text(text.replace("\n---\n", "\nworks: [Quorn Vale]\n---\n", 1),
                     encoding="utf-8")
    assert "works: [Quorn Vale]" in first.read_text("utf-8")
    assert not listed()
