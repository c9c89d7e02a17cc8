"""Reads the demo content from the files under content/ (no Python holds the text itself).

Sections, authors, flashes and topics are JSON lists. Each article is a Markdown file: a front
matter of `key: value` lines between two `---` lines, then the body, whose blocks are separated
by blank lines: `## …` is a heading, `> …` lines a quote whose last line `> — …` names who
said it, anything else a paragraph. Lines of a block are joined with a space, so the files
can be wrapped for reading. The format is this small on purpose: no YAML dependency.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import slugify

CONTENT_DIR = Path(__file__).resolve().parent / "content"
ATTRIBUTION_MARK = "— "
YES, NO = "oui", "non"


class ContentError(ValueError):
    """A demo file the loader cannot read; the message names the file."""


@dataclass(frozen=True)
class DemoArticle:
    section: str
    kicker: str
    title: str
    standfirst: str
    authors: list
    source: str
    dateline: str
    hours_ago: float
    featured: bool
    illustration: bool
    body: list  # ("paragraph", text) | ("heading", text) | ("quote", text, attribution)

    @property
    def slug(self):
        return slugify(self.title)[:80]


def load_json(name, directory=CONTENT_DIR):
    return json.loads((directory / name).read_text(encoding="utf-8"))


def load_articles(directory=CONTENT_DIR):
    """The articles in the order of their file names (the demo's order)."""
    return [read_article(path) for path in sorted((directory / "articles").glob("*.md"))]


def read_article(path):
    text = path.read_text(encoding="utf-8")
    head, separator, body = text.removeprefix("---\n").partition("\n---\n")
    if not text.startswith("---\n") or not separator:
        raise ContentError(f"{path.name}: front matter between two '---' lines expected")
    fields = parse_front_matter(head, path.name)
    try:
        return DemoArticle(
            section=fields["section"],
            kicker=fields["kicker"],
            title=fields["title"],
            standfirst=fields["standfirst"],
            authors=[slug.strip() for slug in fields["authors"].split(",") if slug.strip()],
            source=fields.get("source", ""),
            dateline=fields.get("dateline", ""),
            hours_ago=float(fields.get("hours_ago", "0")),
            featured=parse_flag(fields.get("featured", NO), path.name),
            illustration=parse_flag(fields.get("illustration", YES), path.name),
            body=parse_body(body),
        )
    except KeyError as missing:
        raise ContentError(f"{path.name}: field {missing} missing") from None


def parse_front_matter(head, name):
    fields = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon or not key.strip().isidentifier():
            raise ContentError(f"{name}: 'key: value' expected, not {line!r}")
        fields[key.strip()] = value.strip()
    return fields


def parse_flag(value, name):
    if value not in (YES, NO):
        raise ContentError(f"{name}: '{YES}' or '{NO}' expected, not {value!r}")
    return value == YES


def parse_body(text):
    blocks = []
    for chunk in text.strip().split("\n\n"):
        lines = [line.strip() for line in chunk.strip().splitlines()]
        if lines[0].startswith("## "):
            blocks.append(("heading", " ".join(lines).removeprefix("## ")))
        elif lines[0].startswith(">"):
            lines = [line.removeprefix(">").strip() for line in lines]
            said, attribution = lines, ""
            if lines[-1].startswith(ATTRIBUTION_MARK):
                said, attribution = lines[:-1], lines[-1].removeprefix(ATTRIBUTION_MARK)
            blocks.append(("quote", " ".join(said), attribution))
        else:
            blocks.append(("paragraph", " ".join(lines)))
    return blocks
