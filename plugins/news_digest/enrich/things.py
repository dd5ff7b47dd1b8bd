"""Names the article itself calls a thing: "the Crew Dragon capsule", "written in Python".

spaCy's small model types a spacecraft, a telescope or a programming language it
rarely saw as a person or an organisation ("Crew Dragon", "James Webb" for the
telescope, "Python"), and it does so in most of the few articles that name them, so no
corpus vote fixes it. English news text says what such a name is, in the words right
after it ("the SpaceX Crew Dragon capsule", "NASA's James Webb space telescope") or
before it ("a script written in Python"). A mention with such a cue counts as a vote
for ``other`` (:data:`ner.OTHER`) instead of its label; canonicalisation drops a name
whose votes are mostly ``other`` (:func:`news_digest.enrich.canonical.canonicalize`).

:data:`THING_NOUNS` are generic English nouns for made things (vehicles, instruments,
software, works), not names. Nouns that also follow a company's name as its product
line ("the Google app", "Boeing aircraft") are left out where the company is the usual
reading ("vaccine", "rocket", "missile", "app"), and so are works ("a Taylor Swift
song" names the singer); a maker named once with its product ("the NASA rover") loses
only that one vote.
"""

from __future__ import annotations

import re

from news_digest.enrich import ner

__all__ = ["THING_MODIFIERS", "THING_NOUNS", "called_a_thing", "thing_votes"]

THING_NOUNS: frozenset[str] = frozenset({
    "capsule", "spacecraft", "telescope", "rover", "lander", "probe", "satellite",
    "programming", "language", "compiler", "interpreter", "browser", "malware",
    "ransomware", "protocol", "algorithm", "automaton", "script", "codebase",
})
"""Head nouns of made things. A name right before one of them (with at most one
lower-case word between: "James Webb space telescope", "Python programming language")
is that thing's name, not a person's or an organisation's."""

THING_MODIFIERS: frozenset[str] = frozenset({
    "space", "programming", "scripting", "web", "computer", "software", "research",
    "crewed", "cargo", "robotic", "lunar", "orbital",
})
"""Lower-case words that may stand between the name and its noun ("James Webb space
telescope", "Python programming language"); any other word ends the cue ("the Crew
Dragon capsule docked" is a cue, "Google said language" is not)."""

_AFTER = re.compile(r"[ \t]+([a-z]+)\b(?:[ \t]+([a-z]+)\b)?")
_WRITTEN_IN = re.compile(r"\b(?:written|coded|programmed|implemented|scripted)\s+in\s+$")


def called_a_thing(text: str, mention: ner.Mention) -> bool:
    """The words around ``mention`` (at its offset in ``text``) call it a made thing."""
    end = mention.start + len(mention.text)
    after = _AFTER.match(text, end)
    if after and (after.group(1) in THING_NOUNS or (
            after.group(1) in THING_MODIFIERS and after.group(2) in THING_NOUNS)):
        return True
    return bool(_WRITTEN_IN.search(text[max(0, mention.start - 30):mention.start]))


def thing_votes(text: str, mentions: list[ner.Mention]) -> list[ner.Mention]:
    """``mentions`` with those :func:`called_a_thing` turned into ``other`` votes."""
    out = []
    for m in mentions:
        if m.type not in (None, ner.OTHER) and text[m.start:m.start + len(m.text)] == m.text \
                and called_a_thing(text, m):
            m = ner.Mention(m.text, ner.OTHER, m.start, m.tentative)
        out.append(m)
    return out
