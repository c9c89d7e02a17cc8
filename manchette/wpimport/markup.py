"""WordPress markup before it is read as HTML: Gutenberg block comments, shortcodes and the
classic editor's automatic paragraphs (wpautop). Pure text work, no database."""

import html
import json
import re

# WordPress's own block delimiter grammar (wp-includes/class-wp-block-parser.php).
BLOCK_COMMENT = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<namespace>[a-z][a-z0-9_-]*/)?(?P<name>[a-z][a-z0-9_-]*)"
    r"\s+(?P<attrs>\{(?:(?!-->).)*?\}\s+)?(?P<void>/)?-->",
    re.DOTALL,
)
CORE_BLOCKS_KEPT = {
    "paragraph", "heading", "quote", "pullquote", "image", "list", "list-item", "gallery",
    "embed", "html", "shortcode", "group", "columns", "column", "freeform", "verse",
    "preformatted", "code", "table", "separator", "spacer", "video", "audio", "cover",
    "media-text", "more", "nextpage", "buttons", "button", "classic",
}  # fmt: skip
# [name attrs] … [/name] or [name attrs /]: lowercase names only, so "[AFP]" stays text.
SHORTCODE = re.compile(r"\[(?P<closer>/)?(?P<name>[a-z][a-z0-9_-]*)(?P<attrs>\s[^\]]*)?/?\]")
CAPTION = re.compile(r"\[caption(?P<attrs>[^\]]*)\](?P<body>.*?)\[/caption\]", re.DOTALL)
EMBED = re.compile(r"\[embed[^\]]*\](?P<url>.*?)\[/embed\]", re.DOTALL)
GALLERY = re.compile(r"\[gallery(?P<attrs>[^\]]*)\]")
ATTRIBUTE = re.compile(r"(\w+)\s*=\s*\"([^\"]*)\"|(\w+)\s*=\s*'([^']*)'")
BARE_URL_LINE = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$", re.MULTILINE)
BLOCK_START = re.compile(
    r"^\s*<(?:p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|iframe|hr|section|article|"
    r"script|style|form|wpembed|wpgallery|dl|address|aside|header|footer|nav|video|audio)[\s>/]",
    re.IGNORECASE,
)


def shortcode_attributes(text):
    found = {}
    for match in ATTRIBUTE.finditer(text or ""):
        if match.group(1):
            found[match.group(1).lower()] = match.group(2)
        else:
            found[match.group(3).lower()] = match.group(4)
    return found


def embed_marker(url):
    return f'<wpembed data-url="{html.escape(url.strip(), quote=True)}"></wpembed>'


def expand_shortcodes(content, dropped):
    """[caption] → figure, [embed] and [gallery] → markers read by the converter; every other
    shortcode is removed (its enclosed text kept) and counted in `dropped` by name."""

    def caption(match):
        attrs = shortcode_attributes(match.group("attrs"))
        body = match.group("body")
        split = re.search(r"^(.*<img[^>]*>(?:\s*</a>)?)(.*)$", body, re.DOTALL)
        image, text = (split.group(1), split.group(2)) if split else (body, "")
        text = text.strip() or attrs.get("caption", "")
        return f"<figure>{image}<figcaption>{text}</figcaption></figure>"

    def gallery(match):
        ids = shortcode_attributes(match.group("attrs")).get("ids", "")
        return f'<wpgallery data-ids="{html.escape(ids, quote=True)}"></wpgallery>'

    content = CAPTION.sub(caption, content)
    content = EMBED.sub(lambda m: embed_marker(html.unescape(m.group("url"))), content)
    content = GALLERY.sub(gallery, content)

    def other(match):
        dropped[f"shortcode [{match.group('name')}]"] += 1
        return ""

    return SHORTCODE.sub(other, content)


def strip_blocks(content, dropped):
    """Gutenberg content as plain HTML: block comments removed, an embed block becomes a
    marker, blocks from plugins are counted (their saved HTML is kept and cleaned)."""

    def replace(match):
        if match.group("closer"):
            return ""
        namespace = (match.group("namespace") or "core/").rstrip("/")
        name = match.group("name")
        try:
            attrs = json.loads(match.group("attrs") or "{}")
        except ValueError:
            attrs = {}
        if namespace == "core-embed" or (namespace == "core" and name == "embed"):
            url = attrs.get("url") if isinstance(attrs, dict) else None
            return embed_marker(url) if isinstance(url, str) and url else ""
        if namespace != "core" or name not in CORE_BLOCKS_KEPT:
            dropped[f"bloc {namespace}/{name}"] += 1
        return ""

    text = BLOCK_COMMENT.sub(replace, content)
    # Embeds keep their URL inside the block's figure too: drop that copy.
    return re.sub(r"<div class=\"wp-block-embed__wrapper\">.*?</div>", "", text, flags=re.DOTALL)


def autop(content):
    """WordPress's automatic paragraphs, simplified: blank lines separate paragraphs, a lone
    line break inside one is a <br>, a URL alone on its line is an embed."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    content = BARE_URL_LINE.sub(lambda m: "\n\n" + embed_marker(m.group(1)) + "\n\n", content)
    chunks = [c.strip() for c in re.split(r"\n\s*\n", content) if c.strip()]
    out = []
    for chunk in chunks:
        if BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def prepare(content, dropped):
    """Raw post_content → HTML ready for the block converter."""
    content = content or ""
    gutenberg = "<!-- wp:" in content
    content = expand_shortcodes(content, dropped)
    if gutenberg:
        return strip_blocks(content, dropped)
    return autop(content)
