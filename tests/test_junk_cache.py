"""A folder's learned boilerplate is kept between ingests (``ingest/junk_cache.py``), and
learned again as soon as a seed it was learned from changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from test_dedup import BODY, page

from news_digest.ingest import plan
from news_digest.ingest.junk_cache import JUNK_FILE
from news_digest.ingest.run import ingest
from news_digest.ingest.seeds import read_seed
from news_digest.settings import Settings

STORIES = [
    "The town council approved a budget for the new library after a long debate.",
    "A storm brought down power lines across the valley, leaving farms without heat.",
    "The city marathon drew a record field of runners despite the early rain.",
    "Researchers at the university announced a cheaper way to recycle batteries.",
    "A local bakery won the regional prize for its rye bread for the third year.",
    "Rail services were suspended after a signal failure near the central station.",
    "The museum reopened its east wing with an exhibition of medieval maps.",
]


def story(n: int) -> str:
    return f"{STORIES[n % len(STORIES)]}\n\nOfficials said more details would follow."


@pytest.fixture
def site(tmp_path: Path) -> Settings:
    folder = tmp_path / "seeds" / "example-news"
    folder.mkdir(parents=True)
    (folder / "mill.txt").write_text(page("Fire at the old mill", BODY))
    for n in range(1, 6):
        (folder / f"council-{n}.txt").write_text(page(f"Council vote {n}", story(n)))
    return Settings(seeds=tmp_path / "seeds", content=tmp_path / "content",
                    data_dir=tmp_path / "data", ner_backend="rules", processes=1,
                    ingest_cache=str(tmp_path / "cache"))


@pytest.fixture
def learned(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Folders whose boilerplate was learned (not taken from the cache)."""
    calls: list[Path] = []
    real = plan.folder_junk

    def counting(folder: Path, *args: object, **kwargs: object) -> frozenset[str]:
        calls.append(folder)
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(plan, "folder_junk", counting)
    return calls


def jobs(s: Settings, name: str = "council-1.txt") -> list:
    raw = read_seed(s.seeds / "example-news" / name)
    return plan.make_jobs([raw], s, folder_of=lambda r: r.path.parent)


def test_the_second_ingest_reuses_what_the_first_learned(site: Settings,
                                                         learned: list[Path]) -> None:
    first = jobs(site)
    assert first[0].junk, "the fixture's chrome is learned"
    assert (Path(site.ingest_cache) / JUNK_FILE).is_file()
    again = jobs(site, "council-2.txt")
    assert len(learned) == 1
    assert again[0].junk == first[0].junk


def test_a_changed_seed_in_the_sample_learns_again(site: Settings,
                                                   learned: list[Path]) -> None:
    jobs(site)
    path = site.seeds / "example-news" / "council-3.txt"
    path.write_text(page("Council vote 3, updated", story(0)))
    os.utime(path, ns=(1, 1))
    jobs(site)
    assert len(learned) == 2


def test_a_damaged_cache_is_learned_again(site: Settings, learned: list[Path]) -> None:
    first = jobs(site)
    (Path(site.ingest_cache) / JUNK_FILE).write_text("{not json")
    assert jobs(site)[0].junk == first[0].junk
    assert len(learned) == 2


def test_a_cached_ingest_writes_the_same_posts(site: Settings, tmp_path: Path) -> None:
    ingest(site)
    other = Settings(seeds=site.seeds, content=tmp_path / "fresh", data_dir=tmp_path / "d2",
                     ner_backend="rules", processes=1, ingest_cache=str(tmp_path / "c2"))
    # the first site's cache is there, the second's is not: same posts either way
    for s in (site, other):
        (s.seeds / "example-news" / "late.txt").write_text(page("Library opens", story(6)))
    ingest(site)
    ingest(other)
    mine = sorted(p.relative_to(site.content) for p in site.content.rglob("*.md"))
    theirs = sorted(p.relative_to(other.content) for p in other.content.rglob("*.md"))
    assert mine == theirs
    for rel in mine:
        assert (site.content / rel).read_text() == (other.content / rel).read_text()


def test_the_caches_stay_out_of_content_and_follow_pelican_s_cache_path(
        site: Settings, tmp_path: Path) -> None:
    ingest(site)
    assert (Path(site.ingest_cache) / JUNK_FILE).is_file()
    state = {p.name for p in site.content.rglob("*") if p.is_file() and p.suffix != ".md"}
    assert state == {"manifest.json"}, "content/ holds posts and the manifest only"
    s = Settings.from_pelican({"PATH": str(site.content), "CACHE_PATH": str(tmp_path / "pc")})
    assert s.ingest_cache_dir == tmp_path / "pc" / "news-digest" / "ingest"
    assert Settings().ingest_cache_dir is None  # a bare Settings keeps nothing
