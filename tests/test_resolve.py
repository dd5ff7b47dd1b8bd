"""Corpus-level resolution over front matter: variants, type vote, bare names.

Fixtures are hand-made ``(date, [(type, name)])`` lists, the shape the build hands in.
"""

from __future__ import annotations

from datetime import date

from news_digest.enrich.resolve import Known, resolve_corpus

D = date(2020, 1, 10)


def names(result, i: int) -> list[tuple[str, str]]:
    return list(result.entities_of[i])


def test_surname_resolves_to_the_full_name_in_the_same_article() -> None:
    r = resolve_corpus([(D, [("person", "Jon Huber"), ("person", "Jon")])])
    assert names(r, 0) == [("person", "Jon Huber")]


def test_surname_resolves_across_the_corpus_within_the_window() -> None:
    r = resolve_corpus([(D, [("person", "Alexei Leonov")]),
                        (date(2020, 2, 1), [("person", "Leonov")])], window_days=90)
    assert names(r, 1) == [("person", "Alexei Leonov")]
    assert not r.pageless


def test_surname_outside_the_window_or_ambiguous_stays_pageless() -> None:
    far = resolve_corpus([(D, [("person", "Alexei Leonov")]),
                          (date(2023, 1, 1), [("person", "Leonov")])], window_days=90)
    assert ("person", "Leonov") in far.pageless
    two = resolve_corpus([(D, [("person", "Joe Biden")]), (D, [("person", "Hunter Biden")]),
                          (D, [("person", "Biden")])])
    assert names(two, 2) == [("person", "Biden")]
    assert ("person", "Biden") in two.pageless


def test_in_article_name_beats_the_corpus() -> None:
    r = resolve_corpus([(D, [("person", "Hunter Biden")]),
                        (D, [("person", "Joe Biden"), ("person", "Biden")])])
    assert names(r, 1) == [("person", "Joe Biden")]


def test_variants_merge_across_articles() -> None:
    r = resolve_corpus([
        (D, [("organization", "World Health Organization")]),
        (date(2020, 1, 11), [("organization", "World Health Organisation")]),
        (date(2020, 1, 12), [("organization", "World Health Organization (WHO")]),
        (date(2020, 1, 13), [("person", "Robert Gabriel Mugabe")]),
        (date(2020, 1, 14), [("person", "Robert Mugabe"), ("person", "Cde Mugabe")]),
        (date(2020, 1, 15), [("place", "Zürich")]), (D, [("place", "Zurich")]),
    ])
    flat = {n for pairs in r.entities_of for _, n in pairs}
    assert flat == {"World Health Organization", "Robert Gabriel Mugabe", "Zurich"}


def test_acronym_joins_its_one_expansion_in_the_corpus() -> None:
    r = resolve_corpus([
        (D, [("organization", "National Oceanic and Atmospheric Administration")]),
        (date(2020, 3, 1), [("organization", "NOAA")]),
    ])
    assert names(r, 1) == [("organization", "National Oceanic and Atmospheric Administration")]


def test_a_four_letter_acronym_joins_its_expansion_with_nothing_shared() -> None:
    r = resolve_corpus([
        (D, [("organization", "Institute of Applied Quark Studies"), ("place", "Florida")]),
        (D, [("organization", "IAQS"), ("place", "Bulgaria")]),
    ])
    assert names(r, 0)[0] == names(r, 1)[0]  # one entity (named "IAQS", seen first)


def test_a_three_letter_acronym_needs_a_shared_country_or_name() -> None:
    """"CBC" in a Canadian story is not the one "Congressional Black Caucus" of the
    corpus; in a story that shares the caucus's country, or one of its names, it is."""
    caucus = (D, [("organization", "Harbour Drainage Council"), ("place", "New Zealand"),
                  ("person", "Mere Tane")])
    r = resolve_corpus([
        caucus,
        (D, [("organization", "HDC"), ("place", "Canada")]),
        (D, [("organization", "HDC"), ("place", "New Zealand")]),
        (D, [("organization", "HDC"), ("person", "Mere Tane")]),
        (D, [("organization", "HDC"), ("place", "Canada"), ("place", "Vancouver")]),
    ])
    assert names(r, 1) == [("organization", "HDC"), ("place", "Canada")]
    assert names(r, 2)[0] == ("organization", "Harbour Drainage Council")
    assert names(r, 3)[0] == ("organization", "Harbour Drainage Council")
    assert names(r, 4)[0] == ("organization", "HDC")  # the other body keeps its page


def test_a_split_acronym_gives_the_same_answer_whatever_the_article_order() -> None:
    articles = [
        (D, [("organization", "Harbour Drainage Council"), ("place", "New Zealand")]),
        (date(2020, 2, 1), [("organization", "HDC"), ("place", "Canada")]),
        (date(2020, 3, 1), [("organization", "HDC"), ("place", "New Zealand")]),
        (date(2020, 4, 1), [("organization", "HDC"), ("place", "Canada")]),
    ]
    forward = resolve_corpus(articles)
    backward = resolve_corpus(articles[::-1])
    assert list(forward.entities_of) == list(backward.entities_of)[::-1]
    assert forward.pageless == backward.pageless


def test_a_three_letter_acronym_with_every_article_tied_is_one_entity() -> None:
    r = resolve_corpus([
        (D, [("organization", "HDC"), ("place", "U.S.")]),
        (D, [("organization", "Harbour Drainage Council"), ("place", "United States")]),
    ])
    assert names(r, 0)[0] == names(r, 1)[0] == ("organization", "HDC")  # seen first
    assert r.spellings["HDC"] == ("Harbour Drainage Council",)


def test_an_article_naming_both_does_not_tie_the_others() -> None:
    """The pair's own names are no context: one article writing "HDC" beside its
    expansion says nothing about another article's "HDC"."""
    r = resolve_corpus([
        (D, [("organization", "Harbour Drainage Council"), ("organization", "HDC"),
             ("place", "New Zealand")]),
        (D, [("organization", "HDC"), ("place", "Canada")]),
    ])
    assert names(r, 0)[0] == ("organization", "Harbour Drainage Council")
    assert names(r, 1)[0] == ("organization", "HDC")


def test_a_code_of_abbreviations_is_no_acronyms_expansion() -> None:
    r = resolve_corpus([
        (D, [("organization", "CC BY-SA"), ("organization", "Free Software Foundation")]),
        (D, [("organization", "CBS"), ("organization", "Free Software Foundation")]),
    ])
    assert names(r, 1)[0] == ("organization", "CBS")


def test_type_is_voted_over_the_corpus_and_registry_decides() -> None:
    r = resolve_corpus([(D, [("person", "Twitter")]), (D, [("organization", "Twitter")]),
                        (D, [("organization", "Twitter")]), (D, [("person", "Iran")])])
    assert names(r, 0) == [("organization", "Twitter")]
    assert names(r, 3) == [("place", "Iran")]  # an ISO country name
    reg = resolve_corpus([(D, [("place", "Acme")])], {"Acme": Known("Acme", "organization")})
    assert names(reg, 0) == [("organization", "Acme")]


def test_name_seen_first_is_kept_when_later_stories_arrive() -> None:
    base = [(D, [("organization", "World Health Organisation")])]
    later = [*base, *[(date(2020, 5, d), [("organization", "World Health Organization")])
                      for d in range(1, 6)]]
    assert names(resolve_corpus(base), 0) == names(resolve_corpus(later), 0)


def test_generic_institution_is_pageless_and_junk_is_dropped() -> None:
    r = resolve_corpus([(D, [("organization", "Parliament"), ("organization", "UTC"),
                             ("person", "Ross Perot Image")])])
    assert names(r, 0) == [("organization", "Parliament"), ("person", "Ross Perot")]
    assert ("organization", "Parliament") in r.pageless


def test_deterministic_whatever_the_order_inside_an_article() -> None:
    a = resolve_corpus([(D, [("person", "Jon Huber"), ("person", "Jon")]),
                        (D, [("person", "Jon Smith")])])
    b = resolve_corpus([(D, [("person", "Jon"), ("person", "Jon Huber")]),
                        (D, [("person", "Jon Smith")])])
    assert set(a.entities_of[0]) == set(b.entities_of[0]) == {("person", "Jon Huber")}


def test_department_word_order_and_middle_initials() -> None:
    r = resolve_corpus([(D, [("organization", "United States Department of State"),
                             ("organization", "Brian T. Carroll")]),
                        (date(2020, 1, 12), [("organization", "US State Department"),
                                             ("place", "Brian T. Carroll")])])
    assert names(r, 1) == [("organization", "United States Department of State"),
                           ("person", "Brian T. Carroll")]


def test_place_glued_before_a_person_is_the_person_and_laws_are_not_entities() -> None:
    r = resolve_corpus([(D, [("person", "Bernie Sanders"), ("place", "Vermont")]),
                        (D, [("organization", "Vermont Bernie Sanders"),
                             ("organization", "Digital Millennium Copyright Act")])])
    assert names(r, 1) == [("person", "Bernie Sanders")]


def test_shorter_form_joins_its_one_longer_form_unless_more_frequent() -> None:
    r = resolve_corpus([(D, [("organization", "U.S. House of Representatives")]),
                        (D, [("organization", "U.S. House of Representatives")]),
                        (D, [("organization", "U.S. House")]),
                        (D, [("organization", "Democratic Party")]),
                        (D, [("organization", "Democratic Party")]),
                        (D, [("organization", "Democratic Party of Japan")])])
    assert names(r, 2) == [("organization", "U.S. House of Representatives")]
    assert names(r, 3) == [("organization", "Democratic Party")]  # seen more: its own


def test_a_direction_word_is_no_place_evidence_so_a_singers_surname_joins_him() -> None:
    """ISO 3166-2 has regions called "West" and "Central"; a rapper's surname typed a
    place in his own story must still join his page, and "the West" of other stories
    must not hold his campaign."""
    from news_digest.enrich import gazetteer

    assert not gazetteer.is_place("West") and not gazetteer.is_place("North-West")
    assert gazetteer.is_place("West Virginia") and gazetteer.is_place("Western Cape")
    r = resolve_corpus([
        (D, [("person", "Kanye West"), ("place", "West")]),
        (D, [("place", "West"), ("place", "Russia")]),
        (D, [("place", "West"), ("place", "China")]),
    ])
    assert names(r, 0) == [("person", "Kanye West")]
    assert ("place", "West") in names(r, 1)


def test_a_thing_glued_before_a_surname_is_that_person() -> None:
    """"The next day on Quorble West accused his wife": NER's "Quorble West" is the
    article's Kanye West, Quorble being a website two stories name; his bare "West"
    then has one full name to join, not two."""
    r = resolve_corpus([
        (D, [("person", "Kanye West"), ("person", "Quorble West"), ("place", "West"),
             ("organization", "Quorble")]),
        (D, [("organization", "Quorble")]),
        (D, [("person", "Paris Hilton"), ("person", "Conrad Hilton"), ("place", "Paris")]),
        (D, [("place", "Paris")]),
        (D, [("person", "Paris Hilton")]),
    ])
    assert names(r, 0) == [("person", "Kanye West"), ("organization", "Quorble")]
    # a real person named like a place keeps a name other stories write too
    assert ("person", "Paris Hilton") in names(r, 2)
