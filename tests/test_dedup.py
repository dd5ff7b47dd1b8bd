"""Near-duplicate seeds: one post with versions, and no body learned as chrome."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from news_digest.ingest import dedup
from news_digest.ingest.clean import learn_junk
from news_digest.ingest.run import ingest
from news_digest.settings import Settings

CHROME = """Home | World | Business | Sport
Share this article on Facebook
Sign up for our daily newsletter and never miss a story from the newsroom.
© 2024 Example News Ltd. All Rights Reserved."""

BODY = (
    "Firefighters battled a blaze at the old flour mill on the river front through the "
    "night, the county fire service said on Tuesday morning.\n\n"
    "More than forty firefighters and eight engines were sent to the building, which has "
    "stood empty since the company that owned it moved its production north in 2009.\n\n"
    "Nobody was hurt, the service said, but residents of three nearby streets were asked "
    "to keep their windows closed because of the thick smoke drifting over the town.\n\n"
    "Investigators will return to the site once the structure is judged safe to enter.")


def page(title: str, body: str) -> str:
    head, _, tail = CHROME.partition("\nSign up")
    return f"{title}\n\n{head}\n\n{body}\n\nSign up{tail}\n"


def other_body(n: int) -> str:
    return (f"The town council voted {n} times on the budget for the new library, a plan "
            f"that has divided residents for {n + 2} years, the mayor told reporters.\n\n"
            f"Supporters say the building will serve {n * 1000} readers a year; opponents "
            f"point to the cost of heating a glass hall through {n + 3} winters.")


HEADLINES = ("Fire breaks out at old flour mill",
             "Firefighters battle blaze at disused mill overnight",
             "Mill fire: residents told to keep windows shut")


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    (tmp_path / "seeds").mkdir()
    return Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                    data_dir=tmp_path / "data", ner_backend="rules", processes=1)


def write_seeds(s: Settings, with_others: bool) -> None:
    folder = s.seeds / "example-news"
    folder.mkdir(parents=True)
    for i, title in enumerate(HEADLINES):
        (folder / f"2024-03-0{i + 1}-mill-{i}.txt").write_text(page(title, BODY))
    if with_others:
        for n in range(1, 5):
            (folder / f"2024-03-0{n}-council-{n}.txt").write_text(
                page(f"Council vote number {n} on the library", other_body(n)))


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text().split("---\n")[1])


@pytest.mark.parametrize("with_others", [False, True])
def test_three_headlines_one_body_is_one_post_with_three_versions(
        site: Settings, with_others: bool) -> None:
    write_seeds(site, with_others)
    report = ingest(site)
    assert not report.skipped, report.skipped
    posts = sorted(site.content.rglob("*.md"))
    mill = [p for p in posts if "flour mill" in p.read_text()]
    assert len(mill) == 1
    fm = front(mill[0])
    assert sorted(v["title"] for v in fm["versions"]) == sorted(HEADLINES)
    assert [v["date"][:10] for v in fm["versions"]] == ["2024-03-01", "2024-03-02",
                                                        "2024-03-03"]
    assert fm["source"]["sha256"] in {v["sha256"] for v in fm["versions"]}
    text = mill[0].read_text()
    for sentence in ("More than forty firefighters", "Investigators will return"):
        assert sentence in text  # the body is not taken for site chrome
    assert "Share this article" not in text  # the real chrome still is
    assert len(posts) == (5 if with_others else 1)
    assert len(report.new) == len(posts) and len(report.versions) == 2
    # a second run finds every copy already ingested and writes nothing
    again = ingest(site)
    assert not again.new and not again.updated and again.unchanged == len(posts) + 2


def test_ingest_with_copies_is_deterministic(site: Settings, tmp_path: Path) -> None:
    write_seeds(site, True)
    ingest(site)
    other = Settings(seeds=site.seeds, content=tmp_path / "content2",
                     data_dir=tmp_path / "data2", ner_backend="rules", processes=1)
    ingest(other)
    first = {p.relative_to(site.content): p.read_bytes() for p in site.content.rglob("*.md")}
    second = {p.relative_to(other.content): p.read_bytes() for p in other.content.rglob("*.md")}
    assert first == second


def test_groups_copies_not_articles_on_the_same_topic() -> None:
    texts = [BODY, "Breaking: " + BODY + " Updated at noon.", other_body(1), other_body(2),
             BODY.replace("forty", "fifty"), ""]
    assert dedup.groups(texts) == [[0, 1, 4], [2], [3], [5]]


def test_learner_still_finds_chrome_but_not_a_copied_body() -> None:
    texts = [page(t, BODY) for t in HEADLINES] + [page("Council", other_body(n))
                                                  for n in range(1, 4)]
    junk = dedup.learn_junk_once_per_article(texts, learn_junk)
    assert "Share this article on Facebook" in junk
    assert not any("firefighters" in line.lower() for line in junk)
    # the plain learner, for contrast, takes the thrice-copied body for chrome
    assert any("firefighters" in line.lower() for line in learn_junk(texts))


def test_blocking_still_finds_copies_among_many_texts() -> None:
    texts = [page(f"Council {n}", other_body(n)) for n in range(1, 30)]
    texts[7] = page(HEADLINES[0], BODY)
    texts[21] = page(HEADLINES[1], BODY.replace("Tuesday", "Wednesday"))
    grouped = dedup.groups([dedup.body_text(t, frozenset()) for t in texts])
    assert [7, 21] in grouped
    assert sum(len(g) for g in grouped) == len(texts) and len(grouped) == len(texts) - 1


def test_exact_comparison_and_minhash_find_the_same_copies(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder's sample (up to 200 texts) is compared pair by pair, exactly; larger sets
    go through MinHash and LSH. On clear copies and clear strangers both agree."""
    texts = [page(f"Council {n}", other_body(n)) for n in range(1, 30)]
    texts[3] = page(HEADLINES[0], BODY)
    texts[12] = page(HEADLINES[1], BODY.replace("Tuesday", "Wednesday"))
    texts[25] = page(HEADLINES[2], "Updated: " + BODY)
    bodies = [dedup.body_text(t, frozenset()) for t in texts]
    exact = dedup.groups(bodies)
    assert [3, 12, 25] in exact and len(exact) == len(texts) - 2
    monkeypatch.setattr(dedup, "EXACT_MAX", 1)  # every set goes through MinHash now
    assert dedup.groups(bodies) == exact


def test_exact_jaccard_bound() -> None:
    a = {b"one", b"two", b"three", b"four", b"five"}
    assert dedup.jaccard_at_least(a, a, 0.8)
    assert dedup.jaccard_at_least(a, a | {b"six"}, 0.8)  # 5 / 6
    assert not dedup.jaccard_at_least(a, a | {b"six", b"seven"}, 0.8)  # 5 / 7
    assert not dedup.jaccard_at_least(a, {b"one"}, 0.8)  # ruled out by size alone


def test_reader_takes_versions_as_text_and_drops_unsafe_urls(
        caplog: pytest.LogCaptureFixture) -> None:
    from news_digest.site.reader import versions

    got = versions([
        {"title": "Fire at <b>mill</b>", "publisher": "Example", "url": "javascript:alert(1)",
         "date": "2024-03-01T00:00:00+00:00"},
        {"title": "Mill fire", "url": "https://example.com/mill"},
        "not a mapping",
    ], "content/2024/mill.md")
    assert got == ({"title": "Fire at <b>mill</b>", "publisher": "Example", "url": None,
                    "date": "2024-03-01"},
                   {"title": "Mill fire", "publisher": None, "url": "https://example.com/mill",
                    "date": None})
    assert "content/2024/mill.md: a 'versions' entry is not a mapping" in caplog.text
    assert versions("oops", "p.md") == ()
