"""An entity page's "Also known as": the spellings the site's own articles used.

Ingest merges "Suleimani", "Qassim Suleidmani" and "Qasem Soleimani" under one name and
writes the other spellings in the post (``spellings:``); the build merges names across
posts. The page lists both kinds with the registry's aliases: deduplicated, the most
used, never another entity's name or a spelling the curator gave elsewhere or blocked.
Built with Pelican from hand-made posts, as a site is.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from helpers import Post, build, write_content

REGISTRY = """\
Qassem Soleimani:
  type: person
  aliases: [Haj Qassem]
Islamic Revolutionary Guard Corps:
  type: organization
  aliases: [IRGC]
Spam Corp:
  type: organization
  block: true
"""

ZELENSKYY = ("Zelensky", "Zelenskiy", "Zelenskyi", "Zelenskii", "Selenskyj", "Zelenski",
             "Volodymyr Zelensky", "Wolodymyr Selenskyj", "Vladimir Zelensky", "Zelenskij")


def posts() -> list[Post]:
    def post(n: int, day: int, people=(), orgs=(), places=(), spellings=()) -> Post:
        return Post(f"story-{n}", f"Story {n}", day, 9 + n, ("politics",), tuple(people),
                    tuple(orgs), tuple(places), summary=f"Story {n}.", sha=f"{n:064x}",
                    spellings=tuple(spellings))

    return [
        post(1, 0, ["Qassem Soleimani", "Michael Jordan"], ["Revolutionary Guards"],
             spellings=[("Qassem Soleimani", ("Qassim Suleidmani", "SULEIMANI", "Suleimani")),
                        ("Michael Jordan", ("Air Jordan", "Jordan", "MJ")),
                        ("Revolutionary Guards", ("IRGC", "Spam Corp", "Pasdaran"))]),
        post(2, 1, ["Qassem Soleimani", "Michael Jordan"],
             ["Revolutionary Guards", "World Health Organisation", "Air Jordan"],
             ["Jordan"], spellings=[("Qassem Soleimani", ("Suleimani", "Gen. Soleimani",
                                                          "Soleimani")),
                                    ("Michael Jordan", ("MJ",))]),
        post(3, 2, ["Volodymyr Zelenskyy"], spellings=[("Volodymyr Zelenskyy", ZELENSKYY)]),
        post(4, 3, ["Volodymyr Zelenskyy"], ["Jordan"],
             spellings=[("Volodymyr Zelenskyy", ("Zelenskij", "Zelenski")),
                        ("Jordan", ("Hashemite Kingdom of Jordan", "Jordanian"))]),
        # a curator took this post's entity out of ``entities:``: its spelling is not used
        post(5, 4, ["Volodymyr Zelenskyy"],
             spellings=[("Qassem Soleimani", ("Soleimani the Curated-Out",))]),
        # another outlet's spelling as the post's name: the build joins it to the others
        post(6, 5, ["Volodymyr Zelenskyy"], ["World Health Organization"]),
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site-aliases")
    content = write_content(root, posts())
    (root / "data" / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    return build(root, content, root / "output", NEWS_DIGEST_ENTITY_PAGE_MIN=2)


def aliases(site: Path, group: str, slug: str) -> list[str]:
    html = (site / "entities" / group / slug / "index.html").read_text("utf-8")
    found = re.search(r'<dt>Also known as</dt><dd class="aliases">(.*?)</dd>', html)
    return found.group(1).split(", ") if found else []


def test_the_articles_spellings_are_listed_with_the_registry_aliases(site: Path) -> None:
    shown = aliases(site, "people", "qassem-soleimani")
    # the registry's alias, and what the two articles wrote; "SULEIMANI" is "Suleimani"
    # (one key), shown as the articles wrote it most; sorted, so the page is stable
    assert shown == ["Gen. Soleimani", "Haj Qassem", "Qassim Suleidmani", "Suleimani"]
    assert "Soleimani the Curated-Out" not in shown
    assert "Soleimani" not in shown  # part of the name: found by the name itself


def test_a_name_the_build_merged_is_a_spelling_of_the_page(site: Path) -> None:
    assert aliases(site, "organizations", "world-health-organisation") == [
        "World Health Organization"]
    assert not (site / "entities" / "organizations" / "world-health-organization").exists()


def test_a_spelling_that_is_another_entitys_name_or_the_curators_is_left_out(
        site: Path) -> None:
    # "Air Jordan" is an organisation of the site: not another name of Michael Jordan;
    # "Jordan" is part of his name (and a place)
    assert aliases(site, "people", "michael-jordan") == ["MJ"]
    # a place's name with a suffix is its people, not its name
    assert aliases(site, "places", "jordan") == ["Hashemite Kingdom of Jordan"]
    # the registry gives "IRGC" to another entity and blocks "Spam Corp"
    assert aliases(site, "organizations", "revolutionary-guards") == ["Pasdaran"]


def test_at_most_eight_spellings_the_most_used(site: Path) -> None:
    shown = aliases(site, "people", "volodymyr-zelenskyy")
    assert len(shown) == 8
    assert {"Zelenskij", "Zelenski"} <= set(shown)  # in two articles each
    assert shown == sorted(shown, key=str.casefold)


def test_same_posts_give_the_same_page(site: Path, tmp_path: Path) -> None:
    content = write_content(tmp_path, list(reversed(posts())))
    (tmp_path / "data" / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    again = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_ENTITY_PAGE_MIN=2)
    for rel in ("entities/people/qassem-soleimani/index.html",
                "entities/people/volodymyr-zelenskyy/index.html"):
        assert (again / rel).read_bytes() == (site / rel).read_bytes()


def _fragments(site: Path) -> list[dict]:
    out = []
    for f in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(f.read_bytes())
        out.append(json.loads(data[data.index(b"{"):]))
    return out


def test_site_search_finds_the_entity_page_by_a_spelling(tmp_path: Path) -> None:
    from news_digest.site.search import pagefind_executable

    if pagefind_executable() is None:
        pytest.skip("pagefind-bin is not installed")
    content = write_content(tmp_path, posts())
    (tmp_path / "data" / "entities.yml").write_text(REGISTRY, encoding="utf-8")
    out = build(tmp_path, content, tmp_path / "output", NEWS_DIGEST_ENTITY_PAGE_MIN=2,
                NEWS_DIGEST_SEARCH=True, CACHE_PATH=str(tmp_path / "cache"))
    pages = {f["url"]: f for f in _fragments(out)}
    entity = pages["/entities/people/qassem-soleimani/"]
    assert "Qassim Suleidmani" in entity["content"]
    assert entity["meta"]["title"] == "Qassem Soleimani"
    assert "RSS" not in entity["content"]  # the page's facts, not its chrome
    # older pages of a listing and plain listings stay out of the index
    assert not any("/page/" in url for url in pages) and "/entities/" not in pages
