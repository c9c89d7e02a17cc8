"""Fails when the French catalogue is incomplete: an empty or fuzzy translation, or a stale .mo.

The interface's source language is French (docs/decisions/0002-french-source-strings.md), so a
complete catalogue has every msgid of the code, each with its msgstr.
"""

import re
import sys
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "manchette/locale/fr/LC_MESSAGES/django.po"


def entries(text):
    for block in text.split("\n\n"):
        if "msgid" not in block:
            continue
        fuzzy = "#, fuzzy" in block or re.search(r"^#,.*fuzzy", block, re.M) is not None
        msgid = "".join(
            re.findall(r'^(?:msgid|msgid_plural)?\s*"(.*)"$', block.split("msgstr")[0], re.M)
        )
        msgstrs = re.findall(r'msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block)
        yield msgid, fuzzy, ["".join([a, *re.findall(r'"(.*)"', b)]) for a, b in msgstrs]


def main():
    if not PO.exists():
        sys.exit(f"Missing French catalogue: {PO}")
    problems = []
    for msgid, fuzzy, msgstrs in entries(PO.read_text(encoding="utf-8")):
        if not msgid:
            continue  # the header
        if fuzzy or not all(msgstrs):
            problems.append(msgid[:70])
    mo = PO.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime + 1 < PO.stat().st_mtime:
        problems.append("django.mo is missing or older than django.po (run `make messages`)")
    if problems:
        print("French catalogue incomplete:", *problems, sep="\n  ")
        sys.exit(1)
    print("French catalogue complete.")


if __name__ == "__main__":
    main()
