"""Who may moderate: the newsroom's Modérateurs and Éditeurs get the comments permissions."""

from manchette.core.site_structure import run_data_migration


def grant_moderation_permissions(apps):
    """Idempotent: runs the data migration that granted them (for tests that flushed them)."""
    run_data_migration("comments", "0002_moderation_permissions", "grant", apps)
