"""Stories told apart by their specifics: the names and numbers a report writes.

Two earthquakes in one region read alike (the same topic words: magnitude, struck,
killed, rescuers); what tells the reports of one from the reports of the other is the
specifics: the town, the magnitude, the death toll, the year. The fixtures are written
here, without NER (no ``entities``), so the words and the specifics decide alone.
"""

from __future__ import annotations

from datetime import UTC, datetime

from news_digest.enrich.clusters import cluster, doc_from_article, doc_from_front_matter, similarity
from news_digest.enrich.specifics import specific_tokens, specific_vector
from news_digest.ingest import writer
from news_digest.model import Article, Draft, Source


def make(key: str, title: str, *paragraphs: str) -> Article:
    return Article(draft=Draft(title=title, paragraphs=paragraphs),
                   source=Source(seed=f"{key}.txt", sha256=key * 4),
                   date=datetime(2021, 3, 8, tzinfo=UTC), date_source="path", slug=key)


QUAKE_A1 = make(
    "a1", "Strong earthquake strikes eastern Turkey",
    "A magnitude 6.1 earthquake struck the province of Elazig in eastern Turkey on "
    "Friday evening, killing at least 22 people and injuring more than 1,000, officials said.",
    "Rescuers searched collapsed buildings in the town of Sivrice through the night, "
    "the disaster agency AFAD said, as temperatures fell below freezing.")
QUAKE_A2 = make(
    "a2", "Rescuers search rubble after quake kills 22",
    "Rescue teams worked through the night in Sivrice after the magnitude 6.1 quake "
    "that struck Elazig province on Friday, with the death toll at 22, AFAD said.",
    "More than 1,000 people were injured and about 30 people were pulled alive from "
    "the rubble, Interior Minister Suleyman Soylu told reporters in Elazig.")
QUAKE_B = make(
    "b1", "Powerful earthquake hits eastern Turkey, hundreds feared dead",
    "At least 217 people were killed when a magnitude 7.2 earthquake hit Van province "
    "on Sunday afternoon, Turkey's disaster agency said, and more than 1,000 were hurt.",
    "In the town of Ercis dozens of buildings collapsed; rescuers searched the rubble "
    "through the night as temperatures fell below freezing, Prime Minister Recep Tayyip "
    "Erdogan said in Van.")


def test_specifics_are_names_acronyms_and_numbers_not_sentence_openers() -> None:
    found = specific_tokens("Rescuers searched the town of Sivrice, AFAD said. "
                            "More than 1,000 were hurt by the 6.1 quake in 2020.")
    assert {"sivrice", "afad", "#1000", "#6.1", "#2020"} <= set(found)
    # capitalised only because they open a sentence: not names
    assert "rescuers" not in found and "more" not in found


def test_a_post_read_back_gives_the_specifics_of_its_article() -> None:
    article = make("c1", "Title", "Sales rose 6.1 per cent to 1,000 units at Acme Corp.",
                   "1. First point made by Jane Doe.", "*Starred* text from NASA.")
    body = writer.body(article)
    from_article = doc_from_article(article, key="post.md", body=body)
    from_post = doc_from_front_matter("post.md", {"title": "Title", "date": article.date},
                                      body)
    assert from_post is not None
    assert from_post.specifics == from_article.specifics == specific_vector(body)
    assert {"#6.1", "acme", "doe", "nasa"} <= set(from_post.specifics)


def test_same_event_from_another_outlet_is_closer_than_the_look_alike() -> None:
    a1, a2, b = (doc_from_article(x, key=x.slug) for x in (QUAKE_A1, QUAKE_A2, QUAKE_B))
    assert similarity(a1, a2) > similarity(a1, b)
    assert similarity(a2, a1) > similarity(a2, b)


def test_look_alike_earthquake_is_not_merged_and_another_outlet_is() -> None:
    for order in ((QUAKE_A1, QUAKE_B, QUAKE_A2), (QUAKE_B, QUAKE_A2, QUAKE_A1)):
        ids = cluster([doc_from_article(x, key=x.slug) for x in order])
        assert ids["a1"] == ids["a2"]
        assert ids["b1"] not in (ids["a1"], ids["a2"])
