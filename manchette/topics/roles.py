"""Éditeurs manage topics: confirm or reject suggestions, edit topics and aliases, links."""

from manchette.core.site_structure import run_data_migration


def grant_editors(apps):
    """Idempotent: runs the data migration that granted them (for tests that flushed them)."""
    run_data_migration("topics", "0003_editors_manage_topics", "editors_manage_topics", apps)
