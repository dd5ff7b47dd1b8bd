"""A copy of an article that arrives in a later ingest than its post becomes one of
that post's versions, not a second post (new-user trial M1): real ingests into temp
folders, and a real Pelican build of the site."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from helpers import build_from_seeds
from test_dedup import BODY, page

from news_digest.frontmatter import split_front_matter
from news_digest.ingest import dedup
from news_digest.ingest.late_versions import SKETCH_FILE
from news_digest.ingest.manifest import Manifest
from news_digest.ingest.run import ingest
from news_digest.settings import Settings

FOLDER = "example-news"
FIRST = "2024-03-01-mill.txt"
LATER = "2024-03-01-mill-updated.txt"
TITLE = "Fire breaks out at old flour mill"
UPDATED_TITLE = "Mill fire: residents told to keep windows shut"
ADDED = "The owners said engineers inspected it only a month ago."
UPDATED_BODY = f"{BODY}\n\n{ADDED}"
# the same event written by another hand: three paragraphs nearly shared, one not (not
# word for word: lines repeated in three seeds of a folder are learned as its chrome)
SIMILAR_BODY = "\n\n".join([
    *BODY.replace("Tuesday", "Wednesday").replace("2009", "2011")
    .replace("thick smoke", "black smoke").split("\n\n")[:3],
    "The county council will meet next week to decide what should be done with the "
    "building, which it has tried to sell twice without being able to find a buyer."])


def other(n: int) -> str:
    return page(f"Council vote number {n} on the library", (
        f"The town council voted {n} times on the budget for the new library, a plan "
        f"that has divided residents for {n + 2} years, the mayor told reporters.\n\n"
        f"Supporters say the building will serve {n * 1000} readers a year; opponents "
        f"point to the cost of heating a glass hall through {n + 3} winters."))


def settings(root: Path, cache: bool = True) -> Settings:
    return Settings(seeds=root / "seeds", content=root / "content", data_dir=root / "data",
                    ner_backend="rules", processes=1,
                    ingest_cache=str(root / "cache") if cache else "")


def seed(root: Path, name: str, text: str) -> None:
    folder = root / "seeds" / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def start(root: Path) -> None:
    """A source folder with three other articles (so its chrome is learned) and the
    mill fire's first report."""
    for n in range(1, 4):
        seed(root, f"2024-03-0{n}-council-{n}.txt", other(n))
    seed(root, FIRST, page(TITLE, BODY))


def mill_posts(content: Path) -> list[Path]:
    return sorted(p for p in content.rglob("*.md") if "flour mill" in p.read_text())


def front(path: Path) -> dict:
    head, _ = split_front_matter(path.read_text(encoding="utf-8"))
    assert head is not None
    return yaml.safe_load(head)


def body(path: Path) -> str:
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


def jaccard(a: str, b: str) -> float:
    x, y = dedup.shingles(a), dedup.shingles(b)
    return len(x & y) / len(x | y)


def test_the_fixtures_are_what_they_say() -> None:
    assert jaccard(BODY, UPDATED_BODY) >= 0.8  # an update: a copy
    assert jaccard(BODY, SIMILAR_BODY) < 0.8  # another report of the event: not a copy


def test_a_later_copy_is_a_version_of_the_post_and_the_site_shows_one_card(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    start(site)
    (site / "content").mkdir()
    build_from_seeds(site)
    [post] = mill_posts(site / "content")
    published = post.relative_to(site / "content")
    seed(site, LATER, page(UPDATED_TITLE, UPDATED_BODY))
    out = build_from_seeds(site)  # an hourly rebuild: plain Pelican ingests first
    assert mill_posts(site / "content") == [post]  # no second post; the URL stays
    fm = front(post)
    assert fm["slug"] == post.stem
    assert sorted(v["title"] for v in fm["versions"]) == sorted([TITLE, UPDATED_TITLE])
    assert {v["seed"] for v in fm["versions"]} == {f"seeds/{FOLDER}/{FIRST}",
                                                   f"seeds/{FOLDER}/{LATER}"}
    # the longer copy (the update) is the post, as in one ingest of both
    assert fm["title"] == UPDATED_TITLE and "engineers inspected it only a month ago" in body(post)
    manifest = Manifest.load(site / "content" / ".news-digest" / "manifest.json")
    assert {e["post"] for e in manifest.posts.values()
            if "mill" in str(e["seed"])} == {published.as_posix()}
    html = "\n".join(p.read_text() for p in (out / "index.html",
                                             *(out / "editions").glob("*/index.html")))
    cards = [c for c in re.findall(r'<article class="card">.*?</article>', html, re.S)
             if "mill" in c.lower()]
    assert cards and all("Also reported" not in c for c in cards)
    assert len({re.search(r'href="([^"]+)"', c).group(1) for c in cards}) == 1


@pytest.mark.parametrize(("name", "later_body"), [
    (LATER, UPDATED_BODY), ("2024-03-02-mill.txt", BODY.replace("Tuesday", "Monday"))],
    ids=["longer", "as-long-and-later-in-seed-order"])
def test_a_then_a_later_copy_writes_what_one_ingest_of_both_writes(
        tmp_path: Path, name: str, later_body: str) -> None:
    two, one = tmp_path / "two", tmp_path / "one"
    start(two)
    first = ingest(settings(two))
    seed(two, name, page(UPDATED_TITLE, later_body))
    report = ingest(settings(two))
    [post] = mill_posts(two / "content")
    assert report.updated == [post.relative_to(two / "content").as_posix()]
    assert report.versions == [f"{FOLDER}/{name}"] and not report.new
    assert report.unchanged == len(first.new) - 1
    start(one)
    seed(one, name, page(UPDATED_TITLE, later_body))
    ingest(settings(one))
    [together] = mill_posts(one / "content")
    if later_body != UPDATED_BODY:  # the first copy stays the post: the very same file
        assert post.read_text() == together.read_text()
    assert body(post) == body(together)
    a, b = front(post), front(together)
    if later_body == UPDATED_BODY:  # the update's headline names the post in one run,
        assert a["slug"] == post.stem != b["slug"]  # but a published URL does not move
        # and a new story's id is a hash of its first post's path, which the slug names
        for key in ("slug", "story", "ingest"):
            a.pop(key), b.pop(key)
        # nor does its feed GUID: the first copy's, which readers have had since
        first_sha = next(v["sha256"] for v in a["versions"] if v["seed"].endswith(FIRST))
        assert a.pop("guid") == f"urn:sha256:{first_sha}" and "guid" not in b
    assert a == b
    # the next run finds both copies ingested and writes nothing
    again = ingest(settings(two))
    assert not again.new and not again.updated and not again.versions


def test_a_copy_of_a_curated_post_is_recorded_and_the_post_not_rewritten(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    start(tmp_path)
    ingest(settings(tmp_path))
    [post] = mill_posts(tmp_path / "content")
    edited = post.read_text().replace("Investigators will return", "Investigators return")
    post.write_text(edited)
    seed(tmp_path, LATER, page(UPDATED_TITLE, UPDATED_BODY))
    report = ingest(settings(tmp_path))
    assert mill_posts(tmp_path / "content") == [post] and post.read_text() == edited
    assert report.curated_versions == [f"{FOLDER}/{LATER}"]
    assert not report.new and not report.updated and not report.skipped
    said = [r.getMessage() for r in caplog.records if "version of curated post" in r.getMessage()]
    assert len(said) == 1 and "not rewritten" in said[0]
    assert "curated" in report.summary_line()
    manifest = Manifest.load(tmp_path / "content" / ".news-digest" / "manifest.json")
    later = [e for e in manifest.posts.values() if e["seed"] == f"{FOLDER}/{LATER}"]
    assert later == [{"post": post.relative_to(tmp_path / "content").as_posix(),
                      "seed": f"{FOLDER}/{LATER}", "digest": None}]
    caplog.clear()
    again = ingest(settings(tmp_path))  # reported once: the next run has nothing to say
    assert not again.curated_versions and not again.new and post.read_text() == edited
    assert not [r for r in caplog.records if "curated post" in r.getMessage()]


def test_a_similar_but_different_article_is_still_its_own_post(tmp_path: Path) -> None:
    start(tmp_path)
    ingest(settings(tmp_path))
    seed(tmp_path, "2024-03-02-mill-other-hand.txt",
         page("Smoke closes river road as mill burns", SIMILAR_BODY))
    seed(tmp_path, LATER, page(UPDATED_TITLE, UPDATED_BODY))
    report = ingest(settings(tmp_path))
    posts = mill_posts(tmp_path / "content")
    assert len(posts) == 2 and len(report.new) == 1 and len(report.updated) == 1
    similar = next(p for p in posts if "find a buyer" in p.read_text())
    assert "versions" not in front(similar)
    assert report.versions == [f"{FOLDER}/{LATER}"]


def test_a_lost_ingest_cache_gives_the_same_posts(tmp_path: Path) -> None:
    kept, lost = tmp_path / "kept", tmp_path / "lost"
    for root in (kept, lost):
        start(root)
        ingest(settings(root))
        seed(root, LATER, page(UPDATED_TITLE, UPDATED_BODY))
    assert (lost / "cache" / SKETCH_FILE).exists()
    shutil.rmtree(lost / "cache")
    ingest(settings(kept))
    ingest(settings(lost))
    posts = {p.relative_to(kept / "content"): p.read_bytes()
             for p in (kept / "content").rglob("*.md")}
    assert posts == {p.relative_to(lost / "content"): p.read_bytes()
                     for p in (lost / "content").rglob("*.md")}
    assert len(mill_posts(kept / "content")) == 1
    # and with no ingest cache at all
    none = tmp_path / "none"
    start(none)
    ingest(settings(none, cache=False))
    seed(none, LATER, page(UPDATED_TITLE, UPDATED_BODY))
    ingest(settings(none, cache=False))
    assert {p.relative_to(none / "content"): p.read_bytes()
            for p in (none / "content").rglob("*.md")} == posts


def test_a_later_copy_joins_a_post_that_already_has_versions(tmp_path: Path) -> None:
    two, one = tmp_path / "two", tmp_path / "one"
    copies = {"2024-03-02-mill-again.txt": page("Firefighters battle blaze at mill", BODY),
              "2024-03-03-mill-later.txt": page(UPDATED_TITLE, UPDATED_BODY)}
    start(two)
    name, text = next(iter(copies.items()))
    seed(two, name, text)
    ingest(settings(two))
    seed(two, "2024-03-03-mill-later.txt", copies["2024-03-03-mill-later.txt"])
    report = ingest(settings(two))
    assert report.versions == [f"{FOLDER}/2024-03-03-mill-later.txt"]
    start(one)
    for name, text in copies.items():
        seed(one, name, text)
    ingest(settings(one))
    [post], [together] = mill_posts(two / "content"), mill_posts(one / "content")
    assert len(front(post)["versions"]) == 3
    assert body(post) == body(together)
    a, b = front(post), front(together)
    for key in ("slug", "story", "ingest"):
        a.pop(key), b.pop(key)
    # the post keeps the feed GUID of the copy it was first written from
    first_sha = next(v["sha256"] for v in a["versions"] if v["seed"].endswith(FIRST))
    assert a.pop("guid") == f"urn:sha256:{first_sha}" and "guid" not in b
    assert a == b
