"""spaCy's English lemma tables, read from the model's files without importing spaCy.

``filters._glued_verb_tables`` runs in site builds, which otherwise never import spaCy;
these tests hold its reader (msgpack and spaCy's string ids of three words) to spaCy's own
``spacy.lookups.Lookups`` and check that spaCy stays unimported.
"""

from __future__ import annotations

import pytest
from helpers import fresh_python

from news_digest.enrich import filters, ner

_MODEL = ner.model_dir()
needs_lookups = pytest.mark.skipif(
    _MODEL is None or not (_MODEL / "lemmatizer" / "lookups" / "lookups.bin").is_file(),
    reason=f"the spaCy model {ner.MODEL_PACKAGE} (with lemmatizer/lookups/lookups.bin) "
           "is not installed")


def test_part_of_speech_keys_are_spacys_string_ids() -> None:
    strings = pytest.importorskip("spacy.strings")
    spacys = {pos: strings.hash_string(pos) for pos in ("verb", "noun", "adj")}
    assert spacys == filters.SPACY_POS_IDS


@needs_lookups
def test_lemma_tables_are_spacys() -> None:
    from spacy.lookups import Lookups

    assert _MODEL is not None
    tables = Lookups().from_disk(_MODEL / "lemmatizer" / "lookups")
    index, exceptions = tables.get_table("lemma_index"), tables.get_table("lemma_exc")
    verbs, spelt_otherwise, common = filters._glued_verb_tables.__wrapped__()
    assert verbs == frozenset(index["verb"])
    assert spelt_otherwise == frozenset(
        b for bases in exceptions["verb"].values() for b in bases)
    assert common == frozenset(index["noun"]) | frozenset(index["adj"])
    assert "announce" in verbs and "say" in spelt_otherwise and "plan" in common


@needs_lookups
def test_lemma_tables_cost_no_spacy_import() -> None:
    out = fresh_python(
        "from news_digest.enrich import filters",
        "verbs, spelt_otherwise, common = filters._glued_verb_tables()",
        "assert 'spacy' not in sys.modules, 'spaCy was imported'",
        "assert 'srsly' not in sys.modules, 'srsly was imported'",
        "print(len(verbs), len(spelt_otherwise), len(common))")
    assert all(int(n) > 1000 for n in out.split())


def test_no_model_gives_empty_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ner, "model_dir", lambda *a, **k: None)
    assert filters._glued_verb_tables.__wrapped__() == (frozenset(),) * 3
