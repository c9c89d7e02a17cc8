"""Comment text: stored plain, shown as paragraphs with safe automatic links (through nh3)."""

import html
import re

import nh3

URL_RE = re.compile(r"\b((?:https?://|www\.)[^\s<>\"']+)", re.IGNORECASE)
# A sum of money: "5 000 €", "300€", "1.500 euros", "$200", "2k€", "10 000 dollars".
MONEY_RE = re.compile(
    r"(?:[$€£]\s?\d)|(?:\d[\d\s.,]*\s?(?:k\s?)?(?:€|\$|£|euros?\b|eur\b|dollars?\b))",
    re.IGNORECASE,
)
TRAILING_PUNCTUATION = ".,;:!?)]}»’'\""
ALLOWED_TAGS = {"p", "br", "a"}


def normalise(text):
    """Line endings unified, invisible control characters dropped, outer blanks trimmed."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def count_links(text):
    return len(URL_RE.findall(text or ""))


def has_money_amount(text):
    return bool(MONEY_RE.search(text or ""))


def _linkify(escaped_line):
    def link(match):
        url = match.group(1)
        trail = ""
        while url and url[-1] in TRAILING_PUNCTUATION:
            trail = url[-1] + trail
            url = url[:-1]
        href = html.unescape(url)
        if href.lower().startswith("www."):
            href = "https://" + href
        return f'<a href="{html.escape(href)}">{url}</a>{trail}'

    return URL_RE.sub(link, escaped_line)


def render(text):
    """HTML for a comment body: escaped, paragraphs and line breaks, http(s) links only."""
    paragraphs = [p for p in normalise(text).split("\n\n") if p.strip()]
    parts = []
    for paragraph in paragraphs:
        lines = [_linkify(html.escape(line, quote=True)) for line in paragraph.split("\n")]
        parts.append("<p>" + "<br>".join(lines) + "</p>")
    return nh3.clean(
        "".join(parts),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="nofollow ugc noopener noreferrer",
    )
