"""A capitalised phrase whose acronym the article pluralises names a kind of thing."""

from __future__ import annotations

from news_digest.enrich import cues
from news_digest.enrich.canonical import canonicalize
from news_digest.enrich.ner import Mention


def test_a_phrase_whose_acronym_is_written_in_the_plural_is_not_a_name() -> None:
    text = ("The project also holds other things, such as the SIGs (Special Interest Groups), "
            "which package layered software. Several MPs (Members of Parliament) objected.")
    assert cues.named_in_plural("Special Interest Groups", text)
    assert cues.named_in_plural("Members of Parliament", text)
    # one body: its acronym is never plural, and a singular head is no kind of thing
    assert not cues.named_in_plural("World Health Organization",
                                    "The WHO (World Health Organization) said so.")
    assert not cues.named_in_plural("United Nations", "UN (United Nations) staff left.")
    assert not cues.named_in_plural("Special Interest Groups", "The SIG program grew.")


def test_the_article_drops_the_kind_and_keeps_the_body_beside_it() -> None:
    text = ("The Quorvel Project also holds the SIGs (Special Interest Groups), which "
            "package software for the Quorvel Project.")
    found = canonicalize([(Mention(n, "organization", text.index(n)), 1.0)
                          for n in ("Quorvel Project", "Special Interest Groups")], text=text)
    assert [e.name for e in found] == ["Quorvel Project"]
