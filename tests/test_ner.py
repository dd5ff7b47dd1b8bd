"""The NER room's shared word list: spaCy's stop words, read without importing spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"


def test_stop_words_are_spacys_and_cost_no_spacy_import() -> None:
    """A rebuild whose NER ran in a worker resolves entities in the build process; the
    stop words it needs must not import all of spaCy there (≈ 1.5 s)."""
    code = (
        "import sys\n"
        f"sys.path.insert(0, {str(PLUGINS)!r})\n"
        "from news_digest.enrich import ner\n"
        "words = ner.stop_words()\n"
        "assert 'spacy' not in sys.modules, 'spaCy was imported'\n"
        "from spacy.lang.en.stop_words import STOP_WORDS\n"
        "assert words == frozenset(STOP_WORDS), 'not spaCy list'\n"
        "print(len(words))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) > 300  # "the", "and", contractions with both apostrophes
