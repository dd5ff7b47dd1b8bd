"""Incremental output: render a page only when what its template sees has changed.

Plain Pelican renders and rewrites every page on every build, even when one post
changed (getpelican/pelican#3599). :class:`IncrementalWriter` (hooked in through
Pelican's ``get_writer`` signal) keeps, per output file, a *fingerprint* of its inputs
in ``CACHE_PATH/news-digest/outputs/<folder>/build-state.json``, one state per output
folder (:func:`output_dir`: a preview build into another folder must not make the next
build into ``output/`` forget what it wrote there):

- the **build key**: every Pelican setting (ingest-only and cache switches aside), the
  source of every theme template (the theme, ``THEME_TEMPLATES_OVERRIDES`` and Pelican's
  ``simple`` theme), the source of every plugin module, and the versions of Pelican,
  Jinja, Python-Markdown, feedgen and this plugin's state format;
- the output path, the template's name and, for every variable the template (with
  everything it extends or includes) reads, per :func:`jinja2.meta`, the value of that
  variable in the page's context (settings aside: they are in the build key).

Values are fingerprinted structurally (:class:`Fingerprinter`): a Pelican article or
page by its content and every attribute Pelican and this plugin put on it (its
``related`` list only where it is the page's own object: a story card does not show
related stories); dataclasses, lists and mappings by their members; paginator pages by
their number, URLs and items. A value it cannot fingerprint (an object whose only
description is its memory address) makes the page render every time.

A page is rendered when its fingerprint differs from the recorded one or its file is
missing or was changed by someone else (size or mtime differ); a rendered page is
written only when its bytes differ from the file's. Files this writer wrote in the
previous build and not in this one (a deleted post's page, a pagination page that
went away) are removed, unless someone changed them since. The state is written
atomically at the end of a successful build (``finalized``); after a failed build the
old state stays, and files rewritten since no longer match it, so they render again.

Limits, on purpose: ``content_written`` is not sent for a page that was not rendered;
a template reading something other than its context (a custom Jinja global that
reads files) is not tracked; a nested article (a card, a related story) is
fingerprinted without its own ``related`` list.
"""

from news_digest.site.incremental.keys import (
    SEARCH_MARKER_NAME,
    STATE_NAME,
    cache_compiled_templates,
    check_content_cache,
    output_dir,
    save_content_cache_key,
)
from news_digest.site.incremental.writer import IncrementalWriter

__all__ = ["SEARCH_MARKER_NAME", "STATE_NAME", "IncrementalWriter", "cache_compiled_templates",
           "check_content_cache", "output_dir", "save_content_cache_key"]
