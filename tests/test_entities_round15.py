"""Round 15 of issue #10: names the article writes as common nouns."""

from __future__ import annotations

from news_digest.enrich import cues, filters, things
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import Mention


def _voted(text: str, name: str, label: str = "organization") -> str | None:
    [m] = things.thing_votes(text, [Mention(name, label, text.index(name))])
    return m.type


def test_an_organisation_name_with_an_indefinite_article_is_a_thing() -> None:
    # the name ends its noun phrase: a countable thing, not one body
    assert _voted("We had to sit an exam, somewhat like an SAT, in fifth grade.", "SAT") \
        == "other"
    assert _voted("If you put a Solar System there, it would look odd.", "Solar System") \
        == "other"
    assert _voted("He drove an Acmecar to work.", "Acmecar") == "other"
    assert _voted("The council paid for additional CCTV and patrols.", "CCTV") == "other"


def test_a_name_modifying_a_noun_or_without_an_article_stays() -> None:
    # "an Apple spokesperson" is a spokesperson; "the SAT" may be one body's test or
    # a body; a person's name with "a" ("a Kennedy") is left to the person rules
    assert _voted("said an Apple spokesperson on Monday.", "Apple") == "organization"
    assert _voted("It planned more NASA missions.", "NASA") == "organization"
    assert _voted("He paid a friend to take the SAT for him.", "SAT") == "organization"
    assert _voted("Reuters reported that a Zorbly said so.", "Zorbly", "person") == "person"
    assert _voted("The Zorbly Group, a firm, said.", "Zorbly Group") == "organization"


def test_a_name_before_rainforest_is_the_rainforest_not_the_company() -> None:
    # the feature keeps its noun, so it never joins the company's page by a type vote
    text = "Fires are destroying the Zembla rainforest, and Zembla shares fell."
    [m] = things.thing_votes(text, [Mention("Zembla", "organization", text.index("Zembla"))])
    assert (m.text, m.type) == ("Zembla rainforest", "place")
    found = canonicalize([(m, 1.0), (Mention("Zembla", "organization",
                                             text.index("Zembla shares")), 1.0)], text=text)
    assert {(e.name, e.type) for e in found} == {("Zembla rainforest", "place"),
                                                ("Zembla", "organization")}
    # a continent or a coast only says where: the name stays alone
    text = "Cases reached the Zembla continent."
    [m] = things.thing_votes(text, [Mention("Zembla", "organization", text.index("Zembla"))])
    assert (m.text, m.type) == ("Zembla", "place")


def test_a_convention_is_an_event_and_a_bare_direction_is_no_place() -> None:
    assert filters.rejected("Republican National Convention", "organization") == "event"
    assert filters.rejected("Republican National Committee", "organization") is None
    # "the West", "the Centre": a part of the world or of politics, not one place or body
    assert filters.rejected("West", "place") == "a direction"
    assert filters.rejected("Centre", "organization") == "a direction"
    assert filters.rejected("West Virginia", "place") is None
    assert filters.rejected("West", "person") is None  # "Kanye West" cut short: the person rules


def test_direction_words_and_conventions_are_dropped_from_an_article() -> None:
    found = canonicalize([(Mention("Zorbly Party", "organization"), 1.0),
                          (Mention("Zorbly National Convention", "organization"), 1.0),
                          (Mention("West", "place"), 1.0),
                          (Mention("Ohio", "place"), 1.0)],
                         text="The Zorbly Party met at the Zorbly National Convention in "
                              "Ohio. Critics in the West said it had lost its way.")
    assert {e.name for e in found} == {"Zorbly Party", "Ohio"}


def test_a_place_that_opens_a_team_or_body_name_is_cut() -> None:
    text = ("The league stopped after a Zembla Jazz player fell ill. Zembla Senator "
            "Jane Roe and Zembla Kim Lee spoke; the Zembla Supreme Court met in May.")

    def cut(at: str, others: list[Mention] | None = None) -> bool:
        m = Mention("Zembla", "place", text.index(at))
        return cues.place_opens_name(text, m, [m, *(others or [])])

    assert cut("Zembla Jazz")  # a team NER cut to its city
    assert not cut("Zembla Senator")  # a title: the state's senator
    # another name starts there: two names side by side
    assert not cut("Zembla Kim", [Mention("Kim Lee", "person", text.index("Kim Lee"))])
    assert not cut("Zembla Supreme")  # a body every country has: the place qualifies it


def test_a_former_name_is_no_organisation_of_its_own() -> None:
    text = ("The Zorbly Party was founded in 2011 as the Christian Zorbly Union. Acme, "
            "formerly known as Zembla Ltd, sued the Zorbly Party. Jane Roe, formerly the "
            "Zorbly Agency's chief of staff, was pardoned.")

    def former(name: str) -> bool:
        return cues.former_name(text, Mention(name, "organization", text.index(name)))

    assert former("Christian Zorbly Union") and former("Zembla Ltd")
    assert not former("Zorbly Party") and not former("Acme")
    assert not former("Zorbly Agency")  # a post held at a body that still exists


def test_a_bare_name_in_a_story_on_its_rainforest_is_the_rainforest() -> None:
    from news_digest.enrich.entities import _short_for_feature

    forest = Mention("Zembla rainforest", "place", 10)
    short = Mention("Zembla", "organization", 80)
    state = Mention("Zembla", "place", 120)  # a bare place keeps its reading
    [[a, b, c]] = _short_for_feature([[forest, short, state]])
    assert (b.text, b.type) == ("Zembla rainforest", "place")
    assert a is forest and c is state
    # with no feature in the article, the name is left alone
    assert _short_for_feature([[short]]) == [[short]]


def test_a_surname_cut_from_a_longer_name_is_no_link() -> None:
    def cut(text: str, name: str, others: tuple[Mention, ...] = ()) -> bool:
        m = Mention(name, "person", text.rindex(name))
        return cues.surname_cut_from_name(text, m, [m, *others])

    # NER kept only the last word of "Sacha Baron Zorblin": not the site's other Zorblin
    assert cut("suggested the actor and producer Sacha Baron Zorblin edited it", "Zorblin")
    assert not cut("said Senator Zorblin on Monday", "Zorblin")  # a role before
    assert not cut("met Prime Minister Zorblin today", "Zorblin")
    assert not cut("said Chancellor Angela Zorblin", "Zorblin")  # a title opens it
    assert not cut("voters in New Hampshire Zorblin won", "Zorblin")  # a place before
    assert not cut("Zorblin said so", "Zorblin")
    text = "an ad by Acme Corp Zorblin liked"
    assert not cut(text, "Zorblin", (Mention("Acme Corp", "organization", text.index("Acme")),))


def test_a_title_of_a_body_then_its_holder_is_the_person() -> None:
    """"Speaker of [the House Quentin Ardaly]": the model reads the title's body and its
    holder as one organisation; the holder is the person. Not when the two last words
    are the body's own, written in lower case nearby ("tourism")."""
    text = "The magazine also considered the Speaker of the House Quentin Ardaly, and others."
    span = "the House Quentin Ardaly"
    found = cues.titled_person(text, Mention(span, "organization", text.index(span)))
    assert found is not None and (found.text, found.type) == ("Quentin Ardaly", "person")
    assert text[found.start:found.start + len(found.text)] == "Quentin Ardaly"
    text = ("Local tourism chiefs objected. The Director of Mid Varnia Tourism Partnership, "
            "Jo Bell, called it a retrograde step.")
    span = "Mid Varnia Tourism Partnership"
    assert cues.titled_person(text, Mention(span, "organization", text.index(span))) is None


def test_a_bare_surname_labelled_other_does_not_outvote_the_full_name() -> None:
    """An article names "Quentin Ardaly" once, then "Ardaly's suggestion", which the
    model labels as some other thing: one vote each, and the person was dropped as
    "as often a product as an entity". A one-word form's vote says nothing against a
    full name."""
    text = ("House Speaker Quentin Ardaly accused the president. "
            "The senator rejected Ardaly's suggestion.")
    found = canonicalize([(Mention("Quentin Ardaly", "person", 14), 1.0),
                          (Mention("Ardaly", "other", text.index("Ardaly's")), 1.0)],
                         text=text)
    assert [(e.name, e.type) for e in found] == [("Quentin Ardaly", "person")]
    # without a full person's name, the one-word vote still counts: a product the
    # model calls an organisation once and a product once stays out
    text = "Zorbix sold well this year. The Zorbix launched in May."
    found = canonicalize([(Mention("Zorbix", "organization", 0), 1.0),
                          (Mention("Zorbix", "other", text.index("Zorbix launched")), 1.0)],
                         text=text)
    assert "Zorbix" not in {e.name for e in found}


def test_a_surname_several_of_the_articles_people_share_is_no_place() -> None:
    """"Cummings", the surname of three people the article names, was typed a place by
    the model and got a place of its own; which Cummings is meant the article does not
    say, but the word is a person's name. (One typed an organisation keeps its type: a
    family's firm, `test_entities_recall.py`.)"""
    text = ("Representative Quorvan Cummings died on Thursday. His parents, Ardel Cummings "
            "and Ruth Cummings, were farmers. Cummings was first elected in 1996.")
    found = canonicalize([
        (Mention("Quorvan Cummings", "person", text.index("Quorvan")), 1.0),
        (Mention("Ardel Cummings", "person", text.index("Ardel")), 1.0),
        (Mention("Ruth Cummings", "person", text.index("Ruth")), 1.0),
        (Mention("Cummings", "place", text.rindex("Cummings")), 1.0)], text=text)
    types = {e.name: e.type for e in found}
    assert types.get("Cummings") != "place"
    assert types["Quorvan Cummings"] == "person"
