"""One family for every failure a user can fix: a bad setting, data file, seed or post.

Each is a :class:`NewsDigestError` whose message names the file (and line, where there
is one) and the reason. The Pelican hooks and the CLI catch this one class, print the
message as one line and go on (hooks) or exit 2 (CLI); anything else is a bug and keeps
its traceback.
"""

from __future__ import annotations


class NewsDigestError(ValueError):
    """A failure the user can fix; ``str()`` is the one line to show them."""


class SettingsError(NewsDigestError):
    """A setting has a value we cannot use; names key, value and what was expected."""


class DataFileError(NewsDigestError):
    """A curator data file (``entities.yml``, ``topics.yml``) is malformed."""


class SeedError(NewsDigestError):
    """A seed cannot be read; names the file and the reason."""


class FrontMatterError(NewsDigestError):
    """A post's front matter is malformed; names the file, line and problem."""
