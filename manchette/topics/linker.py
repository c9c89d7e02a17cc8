"""The body linker: links the first mention of each known topic in an article's rendered HTML.

Pure functions, no database and no NLP model: the caller passes a `Gazetteer` (the confirmed
topics and their aliases, see `manchette.topics.names`) and, optionally, a common-word lexicon.
Only the first eligible mention of each topic is linked, never inside an existing link, a
heading, a figcaption (a quote's attribution), a script or code. The output is sanitised.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from html.parser import HTMLParser

import nh3

from manchette.topics.names import find_matches

# Text inside these is never linked (an existing link, a heading, a quote's attribution...).
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
NO_LINK_TAGS = HEADINGS | {
    "a",
    "figcaption",
    "code",
    "pre",
    "button",
    "label",
    "time",
    "abbr",
    "cite",
}
# Text inside these is not even a mention.
IGNORED_TAGS = {"script", "style", "template", "textarea", "svg", "math"}
BLOCK_TAGS = HEADINGS | {
    "p",
    "li",
    "ul",
    "ol",
    "blockquote",
    "figure",
    "figcaption",
    "div",
    "section",
    "article",
    "aside",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "br",
    "hr",
    "pre",
}
VOID_TAGS = {"br", "hr", "img", "source", "wbr", "input", "meta", "link", "col", "area", "embed"}

ALLOWED_TAGS = {
    "p",
    "a",
    "b",
    "i",
    "strong",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "br",
    "hr",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "blockquote",
    "img",
    "picture",
    "source",
    "span",
    "div",
    "code",
    "abbr",
    "cite",
    "q",
    "small",
    "mark",
    "time",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "lang", "title", "dir"},
    "a": {"href", "rel", "hreflang", "data-topic"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes", "decoding"},
    "source": {"srcset", "sizes", "type", "media"},
    "time": {"datetime"},
}


# --- HTML ------------------------------------------------------------------------------------


@dataclass
class _TextNode:
    index: int  # position in the event list
    text: str
    block: int
    offset: int  # offset of the text within its block's text
    linkable: bool
    ignored: bool


@dataclass
class _Document:
    events: list = field(default_factory=list)
    nodes: list = field(default_factory=list)
    blocks: list = field(default_factory=list)  # block texts


class _Reader(HTMLParser):
    """Splits HTML into events, keeping each tag's source text so the output is faithful."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.doc = _Document()
        self.stack = []
        self.block_parts = []

    def _new_block(self):
        self.doc.blocks.append("".join(self.block_parts))
        self.block_parts = []

    def _block_offset(self):
        return sum(len(p) for p in self.block_parts)

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._new_block()
        self.doc.events.append(("raw", self.get_starttag_text()))
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self._new_block()
        self.doc.events.append(("raw", self.get_starttag_text()))

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack:
                if self.stack.pop() == tag:
                    break
        if tag in BLOCK_TAGS:
            self._new_block()
        self.doc.events.append(("raw", f"</{tag}>"))

    def handle_data(self, data):
        ignored = any(t in IGNORED_TAGS for t in self.stack)
        linkable = not ignored and not any(t in NO_LINK_TAGS for t in self.stack)
        node = _TextNode(
            index=len(self.doc.events),
            text=data,
            block=len(self.doc.blocks),
            offset=self._block_offset(),
            linkable=linkable,
            ignored=ignored,
        )
        self.doc.events.append(("text", node))
        self.doc.nodes.append(node)
        self.block_parts.append(data if not ignored else " " * len(data))

    def handle_comment(self, data):
        pass  # comments are dropped

    def handle_decl(self, decl):
        pass

    def close(self):
        super().close()
        self._new_block()


def parse(html_text):
    reader = _Reader()
    reader.feed(html_text or "")
    reader.close()
    return reader.doc


@dataclass
class LinkResult:
    html: str
    mentions: dict  # topic_id -> number of mentions
    linked: list  # topic ids linked, in order
    blocks: list  # block texts, for entity recognition
    matches: list  # (block index, Match)


def sanitise(html_text):
    return nh3.clean(
        html_text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        generic_attribute_prefixes={"data-"},
        link_rel=None,
        strip_comments=True,
    )


def link_html(
    html_text,
    gazetteer,
    *,
    excluded_topic_ids=(),
    link=True,
    is_common_word=lambda word: False,
    url_for=lambda entry: f"/sujets/{entry.topic_slug}/",
):
    """Links the first eligible mention of each topic in `html_text`; counts every mention."""
    doc = parse(html_text)
    excluded = set(excluded_topic_ids)
    mentions = {}
    linked = []
    all_matches = []
    links_by_node = {}
    for block_index, block in enumerate(doc.blocks):
        if not block.strip():
            continue
        for match in find_matches(block, gazetteer, is_common_word):
            topic_id = match.entry.topic_id
            if topic_id in excluded:
                continue
            all_matches.append((block_index, match))
            mentions[topic_id] = mentions.get(topic_id, 0) + 1
            if not link or topic_id in linked:
                continue
            node = _node_containing(doc, block_index, match)
            if node is None or not node.linkable:
                continue
            linked.append(topic_id)
            links_by_node.setdefault(node.index, []).append(match)
    return LinkResult(
        html=sanitise(_render(doc, links_by_node, url_for)),
        mentions=mentions,
        linked=linked,
        blocks=doc.blocks,
        matches=all_matches,
    )


def _render(doc, links_by_node, url_for):
    """The document's HTML again, with a link around each chosen match."""
    out = []
    for kind, value in doc.events:
        if kind == "raw":
            out.append(value)
            continue
        node = value
        node_matches = links_by_node.get(node.index)
        if not node_matches:
            out.append(html.escape(node.text, quote=False))
            continue
        cursor = 0
        for match in sorted(node_matches, key=lambda m: m.start):
            start, end = match.start - node.offset, match.end - node.offset
            out.append(html.escape(node.text[cursor:start], quote=False))
            out.append(
                f'<a class="topic-link" href="{html.escape(url_for(match.entry))}" '
                f'data-topic="{match.entry.topic_id}">'
                f"{html.escape(node.text[start:end], quote=False)}</a>"
            )
            cursor = end
        out.append(html.escape(node.text[cursor:], quote=False))
    return "".join(out)


def _node_containing(doc, block_index, match):
    for node in doc.nodes:
        if node.block != block_index or node.ignored:
            continue
        if node.offset <= match.start and match.end <= node.offset + len(node.text):
            return node
    return None
