"""Éditeurs compose and send the newsletter."""

from manchette.core.site_structure import run_data_migration


def grant_editors(apps):
    """Idempotent: runs the data migration that granted them (for tests that flushed them)."""
    run_data_migration(
        "newsletter", "0004_editors_send_newsletters", "editors_send_newsletters", apps
    )
