"""Migrations stay as they ran: they import nothing from the app's live code.

A data migration that imports a live module changes when that module does, and a model base
class named in `bases` ties an old migration to the code of today.
"""

import ast
import importlib
from pathlib import Path

from django.conf import settings

PACKAGE = Path(settings.PROJECT_DIR)


def migration_files():
    return sorted(p for p in PACKAGE.glob("*/migrations/*.py") if p.name != "__init__.py")


def imported_names(tree):
    """Absolute names imported by a module; relative imports come back with their dots."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            yield "." * node.level + (node.module or "")


def test_every_migration_imports_only_django_libraries_and_other_migrations():
    files = migration_files()
    assert len(files) >= 15  # the glob found them
    offending = {}
    for path in files:
        names = set(imported_names(ast.parse(path.read_text(), filename=str(path))))
        bad = sorted(
            name
            for name in names
            if name.startswith(".")
            or (
                name.split(".")[0] == "manchette"
                and not (len(name.split(".")) >= 3 and name.split(".")[2] == "migrations")
            )
        )
        if bad:
            offending[str(path.relative_to(PACKAGE))] = bad
        # And every one of them still imports.
        app = path.parent.parent.name
        importlib.import_module(f"manchette.{app}.migrations.{path.stem}")
    assert offending == {}


def test_the_check_catches_an_import_of_live_code():
    tree = ast.parse(
        "import manchette.core.cache\nfrom manchette.core.migrations._permissions import x\n"
        "from manchette.reactions.defaults import DEFAULT_KINDS\n"
    )
    assert list(imported_names(tree)) == [
        "manchette.core.cache",
        "manchette.core.migrations._permissions",
        "manchette.reactions.defaults",
    ]
