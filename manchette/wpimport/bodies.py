"""A post's HTML → the article body's StreamField blocks (paragraph, heading, quote, image,
embed; lists inside paragraphs).

Scripts, styles, forms, event handlers and `javascript:` links are dropped and counted;
links to the old site become links to the new pages (or the old path, which answers 301).
"""

import re
from collections import Counter
from urllib.parse import urlsplit

import nh3
from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from . import markup

RICH_TAGS = {"b", "i", "a", "br", "ul", "ol", "li"}
RENAMED = {"strong": "b", "em": "i"}
DROPPED_TAGS = {
    "script", "style", "noscript", "form", "input", "button", "select", "textarea", "object",
    "embed", "applet", "svg", "canvas", "link", "meta", "base", "template", "frame", "frameset",
}  # fmt: skip
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
INLINE = {
    "a", "b", "strong", "i", "em", "u", "s", "sup", "sub", "small", "code", "mark", "abbr",
    "br", "font", "cite", "q", "del", "ins", "time", "kbd", "var", "span",
}  # fmt: skip
WP_IMAGE_CLASS = re.compile(r"wp-image-(\d+)")
SIZED_FILE = re.compile(r"-\d+x\d+(?=\.\w+$)")
CREDIT = re.compile(r"\s*(?:©|\(c\)|Crédit\s*:|Photo\s*:)\s*(?P<credit>[^©]+)$", re.IGNORECASE)


class Context:
    """What converting one post needs to know about the rest of the import."""

    def __init__(self, wp_id, report, images, links, hosts):
        self.wp_id = wp_id
        self.report = report
        self.images = images  # (attachment id or None, uploads path or None) → Image or None
        self.links = links  # old URL → page id or None
        self.hosts = hosts
        self.dropped = Counter()

    def flush(self):
        for what, number in self.dropped.items():
            self.report.drop(what, self.wp_id, number)
        self.dropped.clear()


def uploads_path(url):
    """`2024/01/photo.jpg` from any `…/wp-content/uploads/2024/01/photo-300x200.jpg`."""
    path = urlsplit(url or "").path
    if "/wp-content/uploads/" not in path:
        return None
    return SIZED_FILE.sub("", path.split("/wp-content/uploads/", 1)[1])


def text(node):
    return re.sub(r"\s+", " ", node.get_text(" ") if isinstance(node, Tag) else str(node)).strip()


def disarm(soup, context):
    """Removes what must never reach a page, counting it."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(DROPPED_TAGS):
        context.dropped[f"<{tag.name}>"] += 1
        tag.decompose()
    for tag in soup.find_all(True):
        for attribute in [a for a in tag.attrs if a.lower().startswith("on")]:
            context.dropped["attribut on*"] += 1
            del tag.attrs[attribute]
        href = tag.get("href")
        if href is not None and href.strip().lower().startswith(
            ("javascript:", "data:", "vbscript:")
        ):
            context.dropped["lien javascript:"] += 1
            tag.unwrap()


def rewrite_link(tag, context):
    href = (tag.get("href") or "").strip()
    parts = urlsplit(href)
    internal = parts.netloc.lower() in context.hosts or (not parts.netloc and href.startswith("/"))
    if not internal or not href or "/wp-content/uploads/" in parts.path:
        if internal and parts.netloc:
            tag["href"] = parts.path + (f"?{parts.query}" if parts.query else "")
        return
    page_id = context.links(href)
    if page_id:
        tag.attrs = {"linktype": "page", "id": str(page_id)}
        context.report.links["rewritten"] += 1
    else:
        tag["href"] = parts.path + (f"?{parts.query}" if parts.query else "")
        context.report.links["old_address_301"] += 1


def rich(nodes, context):
    """Rich text (Wagtail's stored format) from inline nodes, or "" when there is no text."""
    soup = BeautifulSoup("", "html.parser")
    holder = soup.new_tag("p")
    for node in nodes:
        holder.append(node.extract() if isinstance(node, Tag | NavigableString) else node)
    for tag in holder.find_all(True):
        tag.name = RENAMED.get(tag.name, tag.name)
        if tag.name == "a":
            rewrite_link(tag, context)
    inner = holder.decode_contents()
    clean = nh3.clean(
        inner,
        tags=RICH_TAGS,
        attributes={"a": {"href", "linktype", "id"}},
        url_schemes={"http", "https", "mailto"},
        link_rel=None,
    ).strip()
    if not re.sub(r"<br\s*/?>|&nbsp;|\s", "", clean):
        return ""
    return clean


class Converter:
    def __init__(self, context):
        self.context = context
        self.blocks = []
        self.pending = []

    def flush(self):
        if self.pending:
            value = rich(self.pending, self.context)
            if value:
                self.blocks.append(("paragraph", f"<p>{value}</p>"))
            self.pending = []

    def walk(self, parent):
        for node in list(parent.children):
            if isinstance(node, NavigableString):
                if str(node).strip():
                    self.pending.append(node)
                continue
            self.element(node)

    def element(self, node):
        name = node.name
        if name in ("img", "figure", "wpgallery") or (name in INLINE and node.find("img")):
            self.flush()
            return self.figure(node)
        if name in INLINE:
            self.pending.append(node)
            return
        self.flush()
        if name == "p":
            self.paragraph(node)
        elif name in HEADINGS:
            if heading := text(node):
                self.blocks.append(("heading", heading[:255]))
        elif name == "blockquote":
            self.quote(node)
        elif name in ("ul", "ol"):
            if value := rich([node], self.context):
                self.blocks.append(("paragraph", value))
        elif name in ("iframe", "wpembed", "video", "audio"):
            self.embed(node)
        elif name in ("table", "pre", "dl", "address", "details"):
            self.context.dropped[f"<{name}> en paragraphes"] += 1
            for line in node.get_text("\n").split("\n"):
                if line.strip():
                    self.blocks.append(
                        (
                            "paragraph",
                            f"<p>{rich([NavigableString(line.strip())], self.context)}</p>",
                        )
                    )
        elif name != "hr":
            self.walk(node)  # containers, and unknown tags: their content only
            self.flush()

    def paragraph(self, node):
        if node.find(["img", "iframe", "wpembed"]):
            self.walk(node)
            self.flush()
            return
        value = rich(list(node.children), self.context)
        if value:
            self.blocks.append(("paragraph", f"<p>{value}</p>"))

    def quote(self, node):
        cite = node.find(["cite", "footer"])
        attribution = text(cite) if cite else ""
        if cite:
            cite.extract()
        paragraphs = [text(p) for p in node.find_all("p")] or [text(node)]
        body = "\n\n".join(p for p in paragraphs if p)
        if body:
            self.blocks.append(("quote", {"quote": body, "attribution": attribution[:255]}))

    def embed(self, node):
        url = node.get("data-url") or node.get("src") or ""
        if not url and node.find("source"):
            url = node.find("source").get("src", "")
        if url.startswith("//"):
            url = "https:" + url
        if url.startswith(("http://", "https://")):
            self.blocks.append(("embed", url))
        else:
            self.context.dropped[f"<{node.name}> sans adresse"] += 1

    def figure(self, node):
        if node.name == "wpgallery":
            for wp_id in re.findall(r"\d+", node.get("data-ids", "")):
                self.image(self.context.images(int(wp_id), None), "", "")
            return
        caption_tag = node.find("figcaption") if node.name == "figure" else None
        caption = text(caption_tag) if caption_tag else ""
        if caption_tag:
            caption_tag.extract()
        images = [node] if node.name == "img" else node.find_all("img")
        if not images:
            return self.element_children(node)
        for img in images:
            match = WP_IMAGE_CLASS.search(" ".join(img.get("class") or []))
            image = self.context.images(
                int(match.group(1)) if match else None, uploads_path(img.get("src"))
            )
            self.image(image, img.get("alt", ""), caption if len(images) == 1 else "")

    def element_children(self, node):
        self.walk(node)
        self.flush()

    def image(self, image, alt, caption):
        if image is None:
            self.context.dropped["image introuvable"] += 1
            self.context.report.media["missing_in_body"] += 1
            return
        credit = ""
        if found := CREDIT.search(caption):
            credit, caption = found.group("credit").strip(), caption[: found.start()].strip()
        self.blocks.append(
            (
                "image",
                {
                    "image": image,
                    "alt": alt[:255],
                    "caption": caption[:255],
                    "credit": credit[:255],
                },
            )
        )


def convert(content, context):
    """The StreamField blocks for a post's content."""
    prepared = markup.prepare(content, context.dropped)
    soup = BeautifulSoup(prepared, "html.parser")
    disarm(soup, context)
    converter = Converter(context)
    converter.walk(soup)
    converter.flush()
    context.flush()
    return converter.blocks


def first_paragraph(blocks, limit=300):
    """The text of the first paragraph, cut on a word (a chapô when the post has no excerpt)."""
    for block_type, value in blocks:
        if block_type == "paragraph":
            plain = text(BeautifulSoup(value, "html.parser"))
            if len(plain) <= limit:
                return plain
            return plain[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return ""
