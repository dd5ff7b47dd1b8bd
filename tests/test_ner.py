"""The NER room's shared word list: spaCy's stop words, read without importing spaCy."""

from __future__ import annotations

from helpers import fresh_python


def test_stop_words_are_spacys_and_cost_no_spacy_import() -> None:
    """A rebuild whose NER ran in a worker resolves entities in the build process; the
    stop words it needs must not import all of spaCy there (≈ 1.5 s)."""
    out = fresh_python(
        "from news_digest.enrich import ner",
        "words = ner.stop_words()",
        "assert 'spacy' not in sys.modules, 'spaCy was imported'",
        "from spacy.lang.en.stop_words import STOP_WORDS",
        "assert words == frozenset(STOP_WORDS), 'not spaCy list'",
        "print(len(words))")
    assert int(out) > 300  # "the", "and", contractions with both apostrophes
