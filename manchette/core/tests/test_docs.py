"""The documentation names files that exist: a relative link in README.md or docs/ leads to a
file of the repository, and a module, folder or test named in backquotes is where it says; the
architecture's import diagram follows the layers `lint-imports` checks."""

import re
import tomllib
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR).resolve()
PACKAGE = Path(settings.PROJECT_DIR).resolve()
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
ARCHITECTURE = ROOT / "docs" / "architecture.md"

LINK = re.compile(r"\]\(([^)\s]+)\)")
QUOTED = re.compile(r"`([^`\s]+)`")
# A path in the repository: segments of letters, digits, `_`, `-` and `.`, joined by `/`.
PATH = re.compile(r"[\w.-]+(?:/[\w.-]+)*/?")
# Where a path named in the architecture may start: the repository, the package, its
# templates, or an app (the tables name an app's modules from inside it).
BASES = [ROOT, PACKAGE, PACKAGE / "templates", *sorted(p for p in PACKAGE.iterdir() if p.is_dir())]
# Named in the architecture but not ours: Wagtail's own package.
NOT_OURS = {"wagtail/actions/"}
# The folders that hold Python files (not the virtual environment).
SOURCES = [PACKAGE, ROOT / "tests", ROOT / "bench", ROOT / "scripts", ROOT / "deploy"]


def line_of(text, position):
    return text.count("\n", 0, position) + 1


def relative_links(path):
    text = path.read_text()
    for match in LINK.finditer(text):
        target = match.group(1)
        if not target.startswith(("http://", "https://", "mailto:", "#")):
            yield line_of(text, match.start()), target


def test_every_relative_link_leads_to_a_file_of_the_repository():
    broken = []
    for path in DOCS:
        for line, target in relative_links(path):
            found = (path.parent / target.split("#")[0]).resolve()
            if not found.exists() or not found.is_relative_to(ROOT):
                broken.append(f"{path.relative_to(ROOT)}:{line}: {target}")
    assert not broken


def named_file(token):
    """Where a backquoted repository path of the docs is, or None. `core/outbox.enqueue_with_data`
    names a function of a module: the module must define it."""
    head, _, last = token.rstrip("/").rpartition("/")
    stem, dot, attribute = last.partition(".")
    candidates = [token]
    if dot and "." not in attribute and not re.fullmatch(r"[a-z0-9]{1,4}", attribute):
        candidates = [f"{head}/{stem}.py" if head else f"{stem}.py"]
    for base in BASES:
        for candidate in candidates:
            if (base / candidate).exists():
                if candidate != token:
                    text = (base / candidate).read_text()
                    if not re.search(rf"^(?:def|class) {attribute}\b|^{attribute} =", text, re.M):
                        return None
                return base / candidate
    return None


def architecture_paths():
    text = ARCHITECTURE.read_text()
    for match in QUOTED.finditer(text):
        token = match.group(1)
        if "/" not in token or not PATH.fullmatch(token) or token in NOT_OURS:
            continue
        first = token.split("/")[0]
        if first.isupper():  # a setting's folder (`VAR_DIR/imports/`), made at run time
            continue
        yield line_of(text, match.start()), token


def test_every_path_the_architecture_names_exists():
    paths = list(architecture_paths())
    assert len(paths) > 50  # the pattern still finds the tables' modules
    missing = [
        f"docs/architecture.md:{line}: {token}" for line, token in paths if not named_file(token)
    ]
    assert not missing


def test_every_module_the_architecture_names_alone_exists_in_some_app():
    text = ARCHITECTURE.read_text()
    names = set(re.findall(r"`([a-z_]+\.py)`", text))
    modules = {path.name for path in PACKAGE.rglob("*.py")}
    assert names - modules == set()


def test_every_python_file_and_test_the_docs_name_exists():
    """deployment.md and the decisions name the tests that prove what they say."""
    missing = []
    for path in DOCS:
        text = path.read_text()
        for match in QUOTED.finditer(text):
            token = match.group(1)
            if not token.endswith(".py") or not PATH.fullmatch(token):
                continue
            if "/" in token:
                found = named_file(token) is not None
            else:
                found = (ROOT / token).exists() or any(
                    any(folder.rglob(token)) for folder in SOURCES
                )
            if not found:
                missing.append(f"{path.relative_to(ROOT)}:{line_of(text, match.start())}: {token}")
    assert not missing


def diagram_edges():
    """The arrows of the architecture's mermaid graph of which app may import which."""
    graph = ARCHITECTURE.read_text().split("```mermaid", 1)[1].split("```", 1)[0]
    for line in graph.splitlines():
        if "-->" in line:
            source, targets = (part.strip() for part in line.split("-->"))
            for target in targets.split("&"):
                yield source, target.strip()


def test_the_import_diagram_points_down_the_layers_the_linter_checks():
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (layers,) = [c["layers"] for c in contracts["contracts"] if c["type"] == "layers"]
    floor = {
        module.strip().removeprefix("manchette."): number
        for number, layer in enumerate(layers)
        for module in layer.split("|")
    }
    edges = list(diagram_edges())
    assert {app for edge in edges for app in edge} == set(floor)
    assert [edge for edge in edges if floor[edge[0]] >= floor[edge[1]]] == []
