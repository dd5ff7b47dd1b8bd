"""The country an article is set in, read from all its places (issue #10).

A shared name ("Labour Party", "Senate") is named by the country of the article it is
in. Counted by country names alone, a British story naming Gateshead, Nottingham and,
once, Iraq was Iraq's, and its party became "Labour Party of Iraq" on the BBC site.
Party names are made up; places are real, as the gazetteers are.
"""

from __future__ import annotations

from news_digest.enrich import bodies, placenames


def test_regions_and_cities_count_as_their_country() -> None:
    assert placenames.article_country(["Gateshead", "Nottingham", "Iraq"]) == "United Kingdom"
    assert placenames.article_country(["Maryland", "Baltimore, Maryland", "Benghazi",
                                       "United States"]) == "United States"


def test_no_country_without_a_majority() -> None:
    assert placenames.article_country(["Gateshead", "Iraq"]) is None
    assert placenames.article_country(["France", "Germany"]) is None
    assert placenames.article_country([]) is None
    assert placenames.article_country(["Atlantis Reef"]) is None  # not in any gazetteer


def test_a_shared_party_name_takes_the_country_most_places_are_in() -> None:
    articles = [
        [("organization", "Zorbly Party"), ("place", "Canada")],
        [("organization", "Zorbly Party"), ("place", "Australia")],
        [("organization", "Zorbly Party"), ("place", "Gateshead"), ("place", "Nottingham"),
         ("place", "Iraq")],
        [("organization", "Zorbly Party"), ("place", "Gateshead"), ("place", "Iraq")],
    ]
    named, pageless = bodies.split_shared(articles, {})
    parties = [[n for t, n in pairs if t == "organization"] for pairs in named]
    assert parties[:3] == [["Zorbly Party of Canada"], ["Zorbly Party of Australia"],
                           ["Zorbly Party of the United Kingdom"]]
    # one place in Britain, one in Iraq: which party, the article does not say
    assert parties[3] == ["Zorbly Party"]
    assert ("organization", "Zorbly Party") in pageless
