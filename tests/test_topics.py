"""Topic taxonomy loading and validation, topic assignment and keywords."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from news_digest.enrich.keywords import extract_keyphrases, keywords_for, stem
from news_digest.enrich.pipeline import EnrichContext
from news_digest.enrich.topics import assign_topics, load_taxonomy, parse_taxonomy, topics_step
from news_digest.model import Article, Draft, Entity, Source
from news_digest.settings import Settings
from news_digest.vocab.topics_file import TaxonomyError, taxonomy_path


def make(title: str, *paragraphs: str, entities: tuple[Entity, ...] = ()) -> Article:
    return Article(draft=Draft(title=title, paragraphs=paragraphs),
                   source=Source(seed="x.txt", sha256="0" * 64),
                   date=datetime(2020, 1, 8, tzinfo=UTC), date_source="path", slug="x",
                   entities=entities)


SPORT = make(
    "Rovers striker scores twice in cup win",
    "The striker scored two goals as Rovers beat City 3-1 in the FA Cup fourth round, "
    "with the goalkeeper saving a late penalty.",
    "The manager praised his squad after the match and said the team could win the league.",
)
POLITICS = make(
    "Prime minister faces MPs over election pledge",
    "The prime minister faced angry MPs in the House of Commons as opposition parties "
    "accused the government of breaking an election manifesto pledge.",
    "The Conservative leader said voters deserved a referendum before the general election.",
)
ECONOMY = make(
    "Bank raises interest rates as inflation climbs",
    "The central bank raised interest rates by a quarter point after inflation rose to 4%, "
    "sending shares lower on the stock market.",
    "Economists said the economy could slow as companies cut investment and profits fall.",
)
CONFLICT = make(
    "Missiles hit army base as rebels launch offensive",
    "Rebel militants fired missiles at an army base overnight, and troops responded with "
    "airstrikes, the military said.",
    "The attack came days after ceasefire talks collapsed and the war entered its third year.",
)


def test_shipped_taxonomy_has_17_valid_topics() -> None:
    taxonomy = load_taxonomy()
    assert len(taxonomy.topics) == 17
    ids = {t.id for t in taxonomy.topics}
    assert {"sport", "politics", "economy-business-and-finance", "conflict-war-and-peace",
            "science-and-technology", "arts-culture-entertainment-and-media"} <= ids
    codes = set()
    for t in taxonomy.topics:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", t.id)
        assert re.fullmatch(r"medtop:\d{8}", t.code)
        assert t.label and t.description and (t.strong or t.cues)
        codes.add(t.code)
    assert len(codes) == 17
    assert taxonomy.fallback in ids


def test_site_taxonomy_overrides_the_shipped_one(tmp_path: Path) -> None:
    assert taxonomy_path(tmp_path).name == "topics.yml"
    assert taxonomy_path(tmp_path).parent != tmp_path
    (tmp_path / "topics.yml").write_text(
        "topics:\n  - id: cats\n    code: medtop:99000000\n    label: Cats\n"
        "    strong: [cat, kitten]\n", encoding="utf-8")
    path = taxonomy_path(tmp_path)
    assert path == tmp_path / "topics.yml"
    taxonomy = load_taxonomy(path)
    topics = assign_topics(taxonomy, "Kitten rescued", ("A cat was found in a tree.",))
    assert [t.id for t in topics] == ["cats"]


@pytest.mark.parametrize(("text", "message"), [
    ("topics: [\n  - id: x\n", "not valid YAML"),
    ("just text\n", "non-empty list of topics"),
    ("topics: []\n", "non-empty list of topics"),
    ("- a\n- b\n", "must be a mapping"),
    ("topics:\n  - id: Bad Id\n    code: medtop:01000000\n    label: X\n    cues: [a]\n",
     "id must be a slug"),
    ("topics:\n  - id: ok\n    code: 0100\n    label: X\n    cues: [a]\n", "code must look like"),
    ("topics:\n  - id: ok\n    code: medtop:01000000\n    cues: [a]\n", "'label' is missing"),
    ("topics:\n  - id: ok\n    label: X\n    cues: [[a]]\n", "not a word or phrase"),
    ("topics:\n  - id: ok\n    code: medtop:01000000\n    label: X\n    cues: a\n",
     "must be a list"),
    ("topics:\n  - id: ok\n    code: medtop:01000000\n    label: X\n    cues: [a]\n"
     "    colour: red\n", "unknown key(s) colour"),
    ("topics:\n  - id: ok\n    code: medtop:01000000\n    label: X\n    cues: [a]\n"
     "  - id: ok\n    code: medtop:02000000\n    label: Y\n    cues: [b]\n", "duplicate id"),
    ("fallback: nope\ntopics:\n  - id: ok\n    code: medtop:01000000\n    label: X\n"
     "    cues: [a]\n", "fallback 'nope' is not a topic id"),
    ("topics:\n  - id: ok\n    code: medtop:01000000\n    label: X\n    cues: [a]\n"
     "    weight: -1\n", "'weight' must be a number"),
])
def test_broken_taxonomy_gives_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "topics.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_short_site_taxonomy_forms_are_accepted() -> None:
    as_list = parse_taxonomy("- id: politics\n  label: Politics\n  description: Elections.\n"
                             "- id: sport\n  label: Sport\n")
    as_map = parse_taxonomy("politics: Politics\nsport:\n  label: Sport\n")
    for taxonomy in (as_list, as_map):
        assert [t.id for t in taxonomy.topics] == ["politics", "sport"]
        topics = assign_topics(taxonomy, "Sport news", ("Sport is fun.",))
        assert topics[0].id == "sport"


def test_error_names_the_line_of_the_bad_topic() -> None:
    text = ("topics:\n  - id: ok\n    code: medtop:01000000\n    label: X\n    cues: [a]\n"
            "  - id: second\n    code: nope\n    label: Y\n    cues: [b]\n")
    with pytest.raises(TaxonomyError, match=r"^t\.yml:6: topic 'second': code"):
        parse_taxonomy(text, "t.yml")


@pytest.mark.parametrize(("article", "expected"), [
    (SPORT, "sport"),
    (POLITICS, "politics"),
    (ECONOMY, "economy-business-and-finance"),
    (CONFLICT, "conflict-war-and-peace"),
])
def test_primary_topic_of_handwritten_articles(article: Article, expected: str) -> None:
    [done] = topics_step([article], EnrichContext(Settings()))
    assert done.topics, "an article with text always gets a topic"
    assert done.topics[0].id == expected
    assert 1 <= len(done.topics) <= 3
    scores = [t.score for t in done.topics]
    assert scores == sorted(scores, reverse=True)
    assert all(round(s, 3) == s and 0 < s <= 1 for s in scores)
    assert done.topics[0].label


def test_max_topics_is_respected_and_output_deterministic() -> None:
    ctx = EnrichContext(Settings(max_topics=1))
    first = topics_step([CONFLICT, POLITICS], ctx)
    again = topics_step([CONFLICT, POLITICS], ctx)
    assert first == again
    assert all(len(a.topics) == 1 for a in first)


def test_no_evidence_falls_back_to_one_topic() -> None:
    taxonomy = load_taxonomy()
    topics = assign_topics(taxonomy, "Zzz", ("Qwerty uiop asdf.",))
    assert len(topics) == 1 and topics[0].id == taxonomy.fallback
    assert assign_topics(taxonomy, "", ()) == ()


def test_stem_folds_inflections_but_not_function_words() -> None:
    assert stem("elections") == stem("election")
    assert stem("striking") == stem("strike")
    assert stem("news") != stem("new")
    assert stem("innings") == "innings"


def test_keywords_exclude_entity_names() -> None:
    article = make(
        "Iran fires ballistic missiles at US bases",
        "Iran launched ballistic missiles at two bases in Iraq in what Tehran called a revenge "
        "operation for the killing of Qassem Soleimani.",
        "The ballistic missiles struck Al Asad airbase, and the Pentagon said the revenge "
        "operation caused no casualties among U.S. troops.",
        entities=(Entity("Qassem Soleimani", "person"), Entity("Pentagon", "organization"),
                  Entity("Al Asad Airbase", "place", aliases=("Al Asad",)),
                  Entity("Iran", "place"), Entity("Iraq", "place")),
    )
    keywords = keywords_for(article)
    assert 3 <= len(keywords) <= 6
    assert "ballistic missiles" in keywords and "revenge operation" in keywords
    names = {"iran", "iraq", "pentagon", "soleimani", "qassem", "asad", "tehran"}
    assert all(not (set(k.split()) & names) for k in keywords), keywords
    assert all(k == k.lower() for k in keywords)
    assert keywords == keywords_for(article)


def test_keywords_drop_capitalised_names_even_without_entities() -> None:
    found = [k.text for k in extract_keyphrases(
        "Talks", ("Officials met Angela Merkel to discuss trade tariffs. Angela Merkel said "
                  "trade tariffs hurt exporters, and new trade tariffs were unwelcome.",))]
    assert "trade tariffs" in found
    assert not any("merkel" in k or "angela" in k for k in found)


def test_topics_step_fills_keywords() -> None:
    [done] = topics_step([ECONOMY], EnrichContext(Settings()))
    assert done.keywords and "interest rates" in done.keywords
