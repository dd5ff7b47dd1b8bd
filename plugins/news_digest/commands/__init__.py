"""Sub-commands of ``news-digest`` that live outside ``cli.py``: one module each."""
