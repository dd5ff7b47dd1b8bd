"""news-digest: a Pelican plugin that turns raw scraped articles into a news digest site.

``register()`` is the whole wiring: a reader of this file sees every Pelican hook the
plugin uses. Handlers are short and hand off to plain functions in the stage modules.
"""

from __future__ import annotations

from pelican import signals

from news_digest import hooks


def register() -> None:
    signals.initialized.connect(hooks.check_settings)
    signals.initialized.connect(hooks.whole_log_lines)
    signals.initialized.connect(hooks.exclude_notes)
    signals.initialized.connect(hooks.check_content_cache)
    signals.initialized.connect(hooks.thaw_heap)
    signals.initialized.connect(hooks.watch_seeds)
    signals.get_generators.connect(hooks.ingest_before_build)
    signals.readers_init.connect(hooks.add_reader)
    signals.generator_init.connect(hooks.add_template_filters)
    signals.get_generators.connect(hooks.digest_generator)
    signals.generator_init.connect(hooks.freeze_heap)
    signals.article_generator_finalized.connect(hooks.freeze_heap)
    signals.all_generators_finalized.connect(hooks.freeze_heap)
    signals.get_writer.connect(hooks.incremental_writer)
    signals.finalized.connect(hooks.finish_build)
    signals.finalized.connect(hooks.thaw_heap)
