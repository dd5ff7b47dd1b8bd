"""news-digest: a Pelican plugin that turns raw scraped articles into a news digest site.

``register()`` is the whole wiring: a reader of this file sees every Pelican hook the
plugin uses. Handlers are short and hand off to plain functions in the stage modules.
"""

from __future__ import annotations

from pelican import signals

from news_digest.site import hooks as glue


def register() -> None:
    signals.initialized.connect(glue.whole_log_lines)
    signals.initialized.connect(glue.exclude_notes)
    signals.initialized.connect(glue.check_content_cache)
    signals.get_generators.connect(glue.ingest_before_build)
    signals.readers_init.connect(glue.add_reader)
    signals.generator_init.connect(glue.add_template_filters)
    signals.get_generators.connect(glue.digest_generator)
    signals.get_writer.connect(glue.incremental_writer)
    signals.finalized.connect(glue.finish_build)
