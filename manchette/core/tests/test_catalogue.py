"""The French catalogue holds every string marked for translation (run `make messages`)."""

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2]
PO = PACKAGE / "locale/fr/LC_MESSAGES/django.po"
MARKED = [
    re.compile(r"""{% (?:translate|trans) "([^"{}]+)"(?: [^%]*)?%}"""),
    re.compile(r"""\b(?:gettext_lazy|gettext|_)\("([^"\\]+)"\)"""),
]


def catalogue_msgids():
    text = PO.read_text(encoding="utf-8")
    msgids = set()
    for block in re.findall(r'^msgid ((?:".*"\n)+)', text, re.M):
        msgids.add("".join(re.findall(r'"(.*)"', block)).replace('\\"', '"'))
    return msgids


def marked_strings():
    for path in list(PACKAGE.rglob("*.html")) + list(PACKAGE.rglob("*.py")):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for pattern in MARKED:
            for string in pattern.findall(text):
                yield path.relative_to(PACKAGE), string


def test_every_marked_string_is_in_the_french_catalogue():
    known = catalogue_msgids()
    missing = {f"{path}: {string}" for path, string in marked_strings() if string not in known}
    assert not missing, sorted(missing)[:20]
