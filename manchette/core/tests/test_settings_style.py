"""One style of settings: read from the environment once, in the settings, each one listed in
.env.example; the code reads `settings.NAME` without a fallback of its own."""

import ast
import re
from pathlib import Path

from django.conf import settings

PACKAGE = Path(settings.PROJECT_DIR)
ENV_EXAMPLE = Path(settings.BASE_DIR) / ".env.example"
READERS = {"env", "env_int", "env_bool", "env_list"}  # manchette/settings/base.py
# Read by something else than Django's settings: where, so that the test can check it.
NOT_DJANGO = {"PORT": "Makefile", "PYTEST_XDIST_WORKER": "manchette/settings/test.py"}


def env_reads(tree):
    """Names of the environment variables a module reads, once per reading."""
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Call) and node.args:
            func = node.func
            first = node.args[0]
            on_environ = (
                isinstance(func, ast.Attribute)
                and func.attr in {"get", "getenv", "setdefault"}
                and ast.unparse(func.value) in {"os.environ", "os"}
            )
            if on_environ or (isinstance(func, ast.Name) and func.id in READERS):
                name = first.value if isinstance(first, ast.Constant) else ast.unparse(first)
        elif isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            name = ast.unparse(node.slice).strip("'\"")
        if name is not None:
            yield name


def settings_reads():
    reads = []
    for path in sorted((PACKAGE / "settings").glob("*.py")):
        reads += [(name, path.name) for name in env_reads(ast.parse(path.read_text()))]
    return reads


def example_names():
    return re.findall(r"^([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), flags=re.MULTILINE)


def test_every_variable_the_settings_read_is_in_env_example_and_the_reverse():
    read = {name for name, _module in settings_reads()}
    assert {"DATABASE_URL", "NEWSLETTER_BATCH_SIZE", "TOPICS_DIGEST_MINUTES"} <= read
    # name: the env reader's own parameter, inside env() itself
    read -= {"name"}
    listed = set(example_names())
    assert sorted(read - listed - set(NOT_DJANGO)) == []
    assert sorted(listed - read - set(NOT_DJANGO)) == []
    for name, where in NOT_DJANGO.items():
        assert name in (Path(settings.BASE_DIR) / where).read_text()


def test_each_variable_is_read_once_in_base_and_listed_once():
    reads = [(n, m) for n, m in settings_reads() if n not in {"name", *NOT_DJANGO}]
    names = [n for n, _m in reads]
    assert sorted({n for n in names if names.count(n) > 1}) == []
    assert {m for _n, m in reads} == {"base.py"}
    listed = example_names()
    assert sorted({n for n in listed if listed.count(n) > 1}) == []


def test_every_listed_variable_has_a_comment():
    lines = ENV_EXAMPLE.read_text().splitlines()
    bare = []
    for index, line in enumerate(lines):
        if re.match(r"^[A-Z][A-Z0-9_]*=", line):
            above = index - 1
            while above >= 0 and re.match(r"^[A-Z][A-Z0-9_]*=", lines[above]):
                above -= 1  # a group of variables under one comment
            if above < 0 or not lines[above].startswith("#"):
                bare.append(line)
    assert bare == []


def test_the_code_reads_settings_without_defaults_of_its_own():
    offending = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).parts
        if "tests" in parts or "migrations" in parts or parts[0] == "settings":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "getattr"
                and len(node.args) == 3
                and ast.unparse(node.args[0]) == "settings"
            ):
                offending.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offending == []


def test_the_checks_see_what_they_look_for():
    tree = ast.parse(
        "import os\nA = os.environ.get('ONE', '1')\nB = os.environ['TWO']\n"
        "C = env_int('THREE', 3)\nD = os.getenv('FOUR')\n"
    )
    assert list(env_reads(tree)) == ["ONE", "TWO", "THREE", "FOUR"]
