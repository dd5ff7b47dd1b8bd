"""Round 14b entity rules: a span that is a piece of a longer name the model cut
(a model number after an organisation, "a Brantwire 9 rocket"; a name word the model left
out before it, "a Zorvath Quellbund official"), and a place-typed name written where a
pollster's is ("the Quorvel poll").

Each test uses names written for it (real words only to qualify them: a demonym, a
common word), and fails without the rule it names.
"""

from __future__ import annotations

from helpers import mention_at

from news_digest.enrich import cues, things

# --- a model number after an organisation ---------------------------------------------------


def test_a_model_number_after_an_organisation_is_part_of_a_product_name() -> None:
    for text in ("The capsule was launched on a Brantwire 9 rocket from the coast.",
                 "A Brantwire 707 cargo plane crashed near the airport.",
                 "Shortly after launch, the Brantwire 9's first stage landed."):
        assert cues.cut_before_name(text, mention_at(text, "Brantwire", "organization")), text


def test_a_score_a_table_an_innings_or_a_count_is_no_model_number() -> None:
    for text in ("Brantwire 2 Quellbund 1",            # a result: the other team follows
                 "Brantwire 32–22 in the final round",  # a score with a dash
                 "Brantwire 3 1 0 2 5 4 4",            # a league table
                 "Brantwire 202 for 6 at stumps.",      # an innings: a stop word follows
                 "Brantwire 40 percent, Quellbund 35",  # a poll's share
                 "Brantwire 300 seats in the house",    # a count: a plural follows
                 "the attack on Brantwire 70 km away",  # a distance
                 "Brantwire 5 p.m. update on Monday",   # a time
                 "Brantwire 2019 opened on Friday.",    # a year: an edition of the body's event
                 "Brantwire 2"):                        # the end of a results line
        assert not cues.cut_before_name(text, mention_at(text, "Brantwire", "organization")), text


def test_a_possessive_or_a_person_before_a_number_is_left_alone() -> None:
    text = "He sought the Brantwire Party's 2020 presidential nomination."
    assert not cues.cut_before_name(text, mention_at(text, "Brantwire Party's", "organization"))
    text = "Leader Lina Brantwire 68 yesterday."  # strokes, ages, shares follow people
    assert not cues.cut_before_name(text, mention_at(text, "Lina Brantwire", "person"))


# --- a name word the model left out before an organisation ----------------------------------


def test_an_unknown_capitalised_word_before_an_organisation_makes_a_longer_name() -> None:
    text = "Other victims included a Zorvath Quellbund official and a driver."
    assert cues.cut_before_name(text, mention_at(text, "Quellbund", "organization"))
    assert cues.named_before(text, text.index("Quellbund"))
    text = "A militia (Zorvath Quellbund) claimed it."  # a bracket does not capitalise
    assert cues.cut_before_name(text, mention_at(text, "Quellbund", "organization"))


def test_a_known_word_a_sentence_start_or_an_acronym_before_it_is_left_alone() -> None:
    for text, name in (
            ("Officials of the Lebanese Quellbund said so.", "Quellbund"),  # a demonym
            ("The vote of the Argentine Quellbund Congress was close.", "Quellbund Congress"),
            ("Their New Quellbund Party won.", "Quellbund Party"),           # a common word
            ("He met Senator Quellbund Group staff.", "Quellbund Group"),    # a title
            ("It rained. Zorvath Quellbund said no.", "Quellbund"),          # a sentence's start
            ('He said: "Zorvath Quellbund opened."', "Quellbund"),           # a quote's start
            ('He said, "Zorvath Quellbund opened."', "Quellbund"),
            ("Zorvath Quellbund opened a branch.", "Quellbund"),             # the text's start
            ("The ZRV Quellbund Council met.", "Quellbund Council"),          # an acronym
            ("He joined Zorvath, Quellbund and others.", "Quellbund")):       # a list
        assert not cues.cut_before_name(text, mention_at(text, name, "organization")), text


def test_a_lower_case_span_or_a_person_or_place_is_left_alone() -> None:
    text = "Back then the Zorvath congress approved a bill."
    assert not cues.cut_before_name(text, mention_at(text, "congress", "organization"))
    text = "Then Zorvath Quellbund spoke."  # only organisation spans are asked
    assert not cues.cut_before_name(text, mention_at(text, "Quellbund", "person"))
    assert not cues.cut_before_name(text, mention_at(text, "Quellbund", "place"))


# --- a place-typed name written where a pollster's is ---------------------------------------


def test_a_name_before_poll_that_is_no_gazetteer_place_votes_organisation() -> None:
    text = "She polled at two percent in the Quorvel poll last week."
    voted = things.thing_votes(text, [mention_at(text, "Quorvel", "place")])
    assert voted[0].type == "organization"
    text = "Three Quorvel surveys had him ahead."
    assert things.polled_by(text, mention_at(text, "Quorvel", "place"))


def test_a_country_or_a_gazetteer_place_before_poll_stays_a_place() -> None:
    for text, name in (("A new Florida poll had him ahead.", "Florida"),
                       ("The Canada survey closed.", "Canada"),
                       ("A Quorvel pollster said so.", "Quorvel")):  # not the poll noun
        voted = things.thing_votes(text, [mention_at(text, name, "place")])
        assert voted[0].type == "place", text
