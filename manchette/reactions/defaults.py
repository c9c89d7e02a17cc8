"""The French default set of reactions and who may see the reports.

The data migration made them; transactional tests flush them: these run its code again.
"""

from manchette.core.site_structure import EDITORS, run_data_migration

DEFAULTS = ("reactions", "0002_default_kinds_and_editors")
__all__ = ["EDITORS", "create_default_kinds", "grant_editors"]


def create_default_kinds(apps):
    run_data_migration(*DEFAULTS, "default_kinds", apps)


def grant_editors(apps):
    """Éditeurs see the reaction reports and edit the set of reactions."""
    run_data_migration(*DEFAULTS, "editors", apps)
