"""Works, honours, competitions and treaties are no entity pages: the cues that say a
name is one (the works helper's round, after round 20).

Names are written for the tests; real words only for the cue words.
"""

from __future__ import annotations

from helpers import mention_at

from news_digest.enrich import filters, things
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import OTHER, Mention


def test_a_work_kind_that_is_also_a_verb_names_works_where_only_a_noun_stands() -> None:
    text = "the network's reality shows, such as Quellbury Idol, which returns"
    assert things.called_a_thing(text, mention_at(text, "Quellbury Idol", "person"))
    text = "a platform for hits such as Open Zorb, Dynamo Quell and Garden Brant."
    assert things.called_a_thing(text, mention_at(text, "Garden Brant", "place"))
    text = "demand for titles such as Zorbly Auto and Quell 2."
    assert things.called_a_thing(text, mention_at(text, "Zorbly Auto", "organization"))
    # the same nouns as verbs before a name are no cue
    text = "Figures show Zorbly Quell lost money as costs hit Brantwick."
    assert not things.called_a_thing(text, mention_at(text, "Zorbly Quell", "organization"))
    assert not things.called_a_thing(text, mention_at(text, "Brantwick", "place"))


def test_an_award_noun_after_a_name_makes_it_an_honour() -> None:
    text = "which earned him Golden Zorb and Quellta nominations last year"
    assert things.honour_named(text, mention_at(text, "Quellta", "place"))
    assert things.honour_named(text, mention_at(text, "Golden Zorb", "person"))
    text = "the Zorby awards in Brantwick"
    assert things.honour_named(text, mention_at(text, "Zorby", "organization"))
    assert not things.honour_named(text, mention_at(text, "Brantwick", "place"))
    # any place or body holds a ceremony
    text = "at a Brantwick Palace ceremony"
    assert not things.honour_named(text, mention_at(text, "Brantwick Palace", "place"))
    text = "the Quell-winning actor"
    assert things.honour_named(text, mention_at(text, "Quell", "organization"))
    text = "Zorbly and Quell said the nominations were late"
    assert not things.honour_named(text, mention_at(text, "Zorbly", "person"))
    # a party's nomination and a verb "awards" are no honour's
    text = "the Zorbian Party nomination; the Zorbian Party awards delegates"
    assert not things.honour_named(text, mention_at(text, "Zorbian Party", "organization"))
    text = "The Zorbian Party awards delegates by vote."
    assert not things.honour_named(text, mention_at(text, "Zorbian Party", "organization"))


def test_a_league_written_as_the_competition_is_no_body() -> None:
    for text in ("unlikely to risk him in a Zorby League tie.",
                 "this weekend's regional Zorby League fixtures",
                 "beaten in the Zorby League quarter-final",
                 "Riverton qualified for the Zorby League last year",
                 "Riverton are sixth in the Quell Premiership after"):
        name = "Zorby League" if "Zorby" in text else "Quell Premiership"
        assert things.competition_sense(text, mention_at(text, name, "organization")), text
    for text in ("The Zorby League said on Monday it would appeal.",
                 "a summit of the Zorby League in Brantwick",
                 "He joined the Zorby League board."):
        assert not things.competition_sense(text, mention_at(text, "Zorby League",
                                                             "organization")), text
    # a team's name before a fixture noun is left to the team rules
    text = "after the Riverton Rovers match"
    assert not things.competition_sense(text, mention_at(text, "Riverton Rovers",
                                                         "organization"))


def test_an_edition_counted_by_a_possessive_is_a_thing() -> None:
    text = "when he delivers his ninth Zorby at noon."
    assert things.counted_edition(text, mention_at(text, "Zorby", "organization"))
    text = "Her pick at this year's Quellies? The one about flying."
    assert things.counted_edition(text, mention_at(text, "Quellies", "organization"))
    # a noun after the name: the name modifies it ("his 50th Norland cap")
    text = "He won his 50th Norland cap on Saturday."
    assert not things.counted_edition(text, mention_at(text, "Norland", "place"))
    text = "He met his second wife, Jane Zorby, in Brantwick."
    assert not things.counted_edition(text, mention_at(text, "Jane Zorby", "person"))


def test_the_cues_vote_other_and_the_article_drops_the_name() -> None:
    text = "It beat Zorby Quellers. The Zorby Quellers nominations came late."
    first = text.index("Zorby")
    voted = things.thing_votes(text, [
        Mention("Zorby Quellers", "organization", first),
        Mention("Zorby Quellers", "organization", text.index("Zorby", first + 1))])
    assert [m.type for m in voted] == ["organization", OTHER]
    assert canonicalize([(m, 1.0) for m in voted]) == ()


def test_a_document_head_before_on_names_a_treaty() -> None:
    assert filters.rejected("Zorbish Convention on Quell Rights", "organization")
    assert filters.rejected("General Agreement on Zorb and Trade", "organization")
    # a body named after its subject with "on" is kept
    assert filters.rejected("Zorbish Commission on Quell Rights", "organization") is None
    assert filters.rejected("Conference on Zorbament", "organization") is None


def test_a_works_part_or_its_maker_names_a_work() -> None:
    text = "written by the Zorby Quell creator Ann Brant"
    assert things.work_part_named(text, mention_at(text, "Zorby Quell", "organization"))
    text = "starring in a Quellers spin-off sitcom"
    assert things.work_part_named(text, mention_at(text, "Quellers", "organization"))
    text = "Jane Roe, the creator of the best-selling Zorby Town games"
    assert things.work_part_named(text, mention_at(text, "Zorby Town", "organization"))
    # the maker's possessive after the name: the maker
    text = "playing the lead in a remake of Ann Brant's classic novel"
    assert not things.work_part_named(text, mention_at(text, "Ann Brant", "person"))
    assert not things.work_part_named(text, mention_at(text, "Ann Brant's", "person"))
    text = "the sequel to Ann Brant comedy Zorby Quell"
    assert not things.work_part_named(text, mention_at(text, "Ann Brant", "person"))
    text = "the founder of Zorbly Quell, Ann Brant"
    assert not things.work_part_named(text, mention_at(text, "Zorbly Quell", "organization"))


def test_a_cast_noun_after_a_title_typed_a_person_or_a_place_names_a_work() -> None:
    text = "presented by Zorby Quell star Ann Brant."
    assert things.cast_named(text, mention_at(text, "Zorby Quell", "place"))
    text = "Quellwick Drake actress Ann Brant won."
    assert things.cast_named(text, mention_at(text, "Quellwick Drake", "person"))
    # a real place, a country, a nationality, and a body are written so too
    for text, name, etype in (("London star Ann Brant", "London", "place"),
                              ("UK actor Ann Brant", "UK", "place"),
                              ("Britons star Ann Brant", "Britons", "person"),
                              ("Riverton Rovers star Ann Brant", "Riverton Rovers",
                               "organization")):
        assert not things.cast_named(text, mention_at(text, name, etype)), text


def test_a_list_after_a_works_part_is_a_list_of_works() -> None:
    text = "New episodes of 24, Quell Wives and Brant Under appear on the web."
    assert things.work_part_named(text, mention_at(text, "Quell Wives", "person"))
    assert things.work_part_named(text, mention_at(text, "Brant Under", "person"))


def test_a_device_noun_after_a_name_a_maker_owns_is_a_product() -> None:
    text = "games produced for Zorbly's Quell Advance handheld"
    assert things.made_by(text, mention_at(text, "Quell Advance", "person"))
    text = "the next generation of Zorbly's Quellbox games console"
    assert things.made_by(text, mention_at(text, "Quellbox", "organization"))
    # without a maker's possessive the name may be the maker's own
    text = "a new Zorbly console"
    assert not things.made_by(text, mention_at(text, "Zorbly", "organization"))
    # a country's system or service is no product
    text = "the UK's Zorb system and Brant's Quell service"
    assert not things.made_by(text, mention_at(text, "Zorb", "organization"))
    assert not things.made_by(text, mention_at(text, "Quell", "organization"))
