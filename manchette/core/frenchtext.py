"""French text as search and topic matching compare it: lower case, accents removed, each word
reduced by a light plural stemmer. Site-wide, so that news (which stores a normalised copy of
each article) and the apps that search it need not import one another."""

import re
import unicodedata

from django.utils.html import strip_tags

FIELD_SEPARATOR = " | "
WORD_RE = re.compile(r"[a-z0-9]+")


def stem(word):
    """Light French stemming: enough for plurals ('élections' and 'élection' meet)."""
    if len(word) > 4 and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx":
        return word[:-1]
    return word


def normalise(text):
    text = unicodedata.normalize("NFKD", strip_tags(text or "")).lower()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("œ", "oe").replace("æ", "ae")
    return [stem(w) for w in WORD_RE.findall(text)]


def search_document(*fields):
    """The fields (most important first) normalised, each between spaces so that a term is
    found at a word's start with `" " + term`, and kept apart for ranking."""
    return FIELD_SEPARATOR.join(" " + " ".join(normalise(f)) + " " for f in fields)
