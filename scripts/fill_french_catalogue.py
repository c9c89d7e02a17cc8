"""Completes the French catalogue: the source strings are French (docs/decisions/0002), so an
entry with no translation yet takes its msgid as msgstr. Entries a newsroom reworded are kept.
"""

import re
from pathlib import Path

PO = Path(__file__).resolve().parent.parent / "manchette/locale/fr/LC_MESSAGES/django.po"


def fill(block):
    if not re.search(r"^msgid ", block, re.M) or block.startswith('msgid ""\nmsgstr ""\n"'):
        return block
    if re.search(r"^#,.*\bfuzzy\b", block, re.M):
        # msgmerge's fuzzy match borrows a neighbouring string's translation: never right when
        # the source is French, so the entry starts again from its msgid.
        tail = "\n" if block.endswith("\n") else ""
        block = re.sub(r"^#\|.*\n", "", block, flags=re.M)
        head = block[: re.search(r"^msgstr", block, re.M).start()]
        block = (
            head + ('msgstr[0] ""\nmsgstr[1] ""' if "msgid_plural" in head else 'msgstr ""') + tail
        )
        block = re.sub(r"^#, fuzzy, ", "#, ", block, flags=re.M)
    block = re.sub(r"^#, fuzzy\n", "", block, flags=re.M)
    block = re.sub(r"^(#,.*?), fuzzy", r"\1", block, flags=re.M)
    msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M).group(1).rstrip("\n")
    plural = re.search(r'^msgid_plural ((?:".*"\n?)+)', block, re.M)
    if plural:
        plural = plural.group(1).rstrip("\n")
        block = re.sub(r'^msgstr\[0\] ""$', lambda m: f"msgstr[0] {msgid}", block, flags=re.M)
        block = re.sub(r'^msgstr\[1\] ""$', lambda m: f"msgstr[1] {plural}", block, flags=re.M)
        return block
    return re.sub(r'^msgstr ""$(?!\n")', lambda m: f"msgstr {msgid}", block, flags=re.M)


def main():
    text = PO.read_text(encoding="utf-8")
    header, _, rest = text.partition("\n\n")
    header = header.replace("#, fuzzy\n", "").replace(
        '"Content-Type: text/plain; charset=CHARSET\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
    )
    for old, new in {
        "# SOME DESCRIPTIVE TITLE.": "# Manchette — catalogue français.",
        "PACKAGE VERSION": "Manchette",
        '"Language: \\n"': '"Language: fr\\n"',
        "FULL NAME <EMAIL@ADDRESS>": "La rédaction <redaction@localhost>",
        "LANGUAGE <LL@li.org>": "Français <redaction@localhost>",
        "YEAR-MO-DA HO:MI+ZONE": "2026-11-27 00:00+0100",
    }.items():
        header = header.replace(old, new)
    blocks = [fill(block) for block in rest.split("\n\n")]
    PO.write_text(header + "\n\n" + "\n\n".join(blocks), encoding="utf-8")


if __name__ == "__main__":
    main()
