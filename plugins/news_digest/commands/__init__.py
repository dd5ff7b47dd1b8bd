"""``news-digest`` sub-commands that live outside ``cli.py``, one module per command group.

Each module has ``register(subparsers, load_settings)``; ``cli.py`` only calls it, so
commands are added without editing the shared parser code.
"""
