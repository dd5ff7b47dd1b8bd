"""Captions, shop buttons and an interview's last turns (issue #12, round 12, from
new-user trial 2 on web-page seeds).

* A sidebar headline with a media label ("… Weds In Secret (PHOTOS)") was taken as the
  photo caption, while the real caption, a wire caption ending with its credit in
  brackets but longer than a credit line, stayed in the body.
* A bare credit line ("Credit: Jane Roe/Example Agency") was the caption and the sentence
  describing the picture, printed just above it, stayed in the body.
* A product line with its shop button ("Pocket Telescope 8 inch Buy Here") between two
  paragraphs was kept in the body.

Pages here are written for the test.
"""

from __future__ import annotations

from news_digest.ingest.clean import clean_text

PROSE = [
    "The city council voted on Tuesday to close the old bridge over the river for repairs "
    "that are expected to take most of the next two years, the council said.",
    "The bridge, which carries about ten thousand cars a day, was found to have cracks in "
    "two of its supports during an inspection that was carried out in the spring.",
    "The council said that the buses which use the bridge would be sent over the new "
    "bridge to the north of the town while the work is being done.",
    "Shop owners on both sides of the river said they were worried that fewer people "
    "would come to the town centre while the bridge is closed for the repairs.",
]
MENU = ("Home", "News", "Sport", "Weather")
FOOTER = ("Share", "Tweet", "© 2020 Example News")
WIRE_CAPTION = (
    "In this photo released by the city council, workers inspect a support of the old "
    "bridge over the river on Monday, May 4, 2020. The council said on Tuesday that the "
    "bridge would close for two years while cracks in two of its supports are repaired, "
    "and that buses would be sent over the new bridge to the north of the town while the "
    "work is done. (Photo/City Council, Jane Roe)")


def page(*body: str, head: tuple[str, ...] = ()) -> str:
    return "\n\n".join(["Council closes the old bridge", *MENU, *head,
                        "By Jane Doe", *body, *FOOTER])


def reasons(text: str) -> dict[str, str]:
    return {r.text: r.reason for r in clean_text(text).removed}


# --- which line is the caption ----------------------------------------------------------


def test_a_headline_with_a_media_label_is_not_the_caption() -> None:
    sidebar = ("Singer Weds Actor In Secret Ceremony (PHOTOS)",
               "Ten Bridges You Must See (Video, Photos)")
    text = page(*PROSE, *sidebar)
    draft = clean_text(text)
    assert draft.caption is None
    assert list(draft.paragraphs) == PROSE
    assert all(reasons(text).get(line) != "caption" for line in sidebar)


def test_a_long_wire_caption_is_the_caption_not_the_sidebar_headline() -> None:
    draft = clean_text(page(*PROSE[:2], WIRE_CAPTION, *PROSE[2:],
                            "Singer Weds Actor In Secret Ceremony (PHOTOS)"))
    assert draft.caption == WIRE_CAPTION
    assert list(draft.paragraphs) == PROSE  # out of the body


def test_a_caption_that_names_its_picture_is_a_caption_without_a_credit() -> None:
    caption = ("In this image released by the city council, the mayor, left, and an "
               "engineer look at a crack in a support of the old bridge.")
    draft = clean_text(page(caption, *PROSE))
    assert draft.caption == caption
    assert list(draft.paragraphs) == PROSE


def test_a_paragraph_about_a_photo_is_not_a_caption() -> None:
    """A paragraph that mentions a photograph is the article's, not a caption."""
    mention = ("The photograph, which was taken by an engineer in the spring, shows a crack "
               "running along one of the two supports, the council said.")
    draft = clean_text(page(PROSE[0], mention, *PROSE[1:]))
    assert draft.caption is None
    assert list(draft.paragraphs) == [PROSE[0], mention, *PROSE[1:]]


# --- a bare credit line takes its description -------------------------------------------


DESCRIPTION = "Workers inspect a support of the old bridge over the river on Monday."
CREDIT = "Credit: Jane Roe/Example Agency"


def test_a_credit_line_takes_the_sentence_that_describes_its_picture() -> None:
    draft = clean_text(page(DESCRIPTION, CREDIT, *PROSE))
    assert draft.caption == f"{DESCRIPTION} {CREDIT}"
    assert list(draft.paragraphs) == PROSE


def test_a_paragraph_next_to_a_credit_inside_the_article_stays() -> None:
    """A credit line between paragraphs: the paragraph beside it is the article's."""
    draft = clean_text(page(PROSE[0], PROSE[1], CREDIT, *PROSE[2:]))
    assert draft.caption == CREDIT
    assert list(draft.paragraphs) == PROSE


def test_the_first_paragraph_under_a_credit_stays() -> None:
    draft = clean_text(page(CREDIT, *PROSE))
    assert draft.caption == CREDIT
    assert list(draft.paragraphs) == PROSE


def test_a_description_that_speaks_to_the_reader_is_not_taken() -> None:
    notice = "Follow our reporters on the bridge works to keep up with what you need to know."
    draft = clean_text(page(notice, CREDIT, "View larger image", *PROSE))
    assert draft.caption == CREDIT


def test_a_footer_credit_takes_no_description() -> None:
    """A site-wide credit among the footer lines is the site's, and so is the notice above
    it."""
    notice = "Example News is a registered trademark of Example Media Group Inc."
    footer = ("About us", "Contact", "Jobs", "Advertise", "Terms", "Privacy", "Help",
              "Sitemap", "Archive", "Events", "Newsletters", "Apps", "Podcasts", notice,
              "Images by Example Agency/Getty Images")
    draft = clean_text(page(*PROSE) + "\n\n" + "\n\n".join(footer))
    assert draft.caption == "Images by Example Agency/Getty Images"


# --- shop buttons ------------------------------------------------------------------------


def test_a_product_line_with_its_shop_button_is_not_article_text() -> None:
    text = page(PROSE[0], PROSE[1], "Pocket Telescope 8 inch Buy Here", *PROSE[2:])
    draft = clean_text(text)
    assert list(draft.paragraphs) == PROSE
    assert reasons(text)["Pocket Telescope 8 inch Buy Here"] == "advert"


def test_a_sentence_that_ends_with_a_shop_phrase_is_kept() -> None:
    sentence = "Tickets for the reopening concert on the bridge can be booked online now."
    body = [PROSE[0], PROSE[1], sentence, *PROSE[2:]]
    assert list(clean_text(page(*body)).paragraphs) == body


# --- an interview's closing turns ------------------------------------------------------


INTERVIEW = [
    "((WN)) What did the inspection of the old bridge find in the spring, and how serious "
    "are the cracks that the engineers saw in the two supports?",
    "((Jane Roe)) The cracks are deep enough that we could not let the buses go on using "
    "the bridge, although it is in no danger of falling down at the moment.",
    "((WN)) How long will the repairs take, and will the bridge look the same afterwards "
    "when it opens again to the cars and the buses of the town?",
    "((Jane Roe)) About two years. The supports will be rebuilt in the same stone, so the "
    "bridge will look as it always has to the people who live in the town.",
]
CLOSING = ["((WN)) Thank you.", "((Jane Roe)) Thank you. Bye.", "((WN)) Bye."]


def test_an_interviews_closing_turns_are_kept() -> None:
    body = [*INTERVIEW, *CLOSING]
    assert list(clean_text(page(*body)).paragraphs) == body


def test_a_short_turn_inside_the_interview_is_kept() -> None:
    body = [*INTERVIEW[:2], "((WN)) Really?", "((Jane Roe)) Yes.", *INTERVIEW[2:]]
    assert list(clean_text(page(*body)).paragraphs) == body


def test_labelled_lines_after_an_article_without_speakers_stay_dropped() -> None:
    """Labels that open one kept line each ("Length: …") are not speakers: the short
    labelled lines of a fact box after the article are still dropped."""
    facts = ["Length: 120 metres", "Opened: 1887"]
    text = page(*PROSE, "Span: 40 metres of stone and iron over the river", *facts)
    assert all(line not in clean_text(text).paragraphs for line in facts)


def test_an_article_sentence_about_a_released_photo_is_not_a_caption() -> None:
    sentence = ("A photo released by the council on Monday shows a crack running along one "
                "of the two supports of the old bridge.")
    body = [PROSE[0], sentence, *PROSE[1:]]
    draft = clean_text(page(*body))
    assert draft.caption is None
    assert list(draft.paragraphs) == body
