"""Finding the names of known topics in a text: pure functions, no database, no NLP model.

Matching works on a folded copy of each block's text (lower case, no accents, one kind of
apostrophe) that keeps the original's character offsets, so a match found in the folded text
maps back to the exact characters of the HTML text node. Names match whole words only,
leftmost-longest ("Conseil de sécurité des Nations unies" wins over "Nations unies" when both
are topics), after French elisions ("l’ONU", "d’Ankara"), and with case rules:

- a proper-noun alias ("Lyon", "Nations unies") needs its capitals in the text; an acronym
  ("ONU") must be in capitals (or "Insee"-style title case from four letters);
- a common-noun alias ("inflation") matches in lower case, and capitalised at the start of a
  sentence only when the text is exactly the topic's name ("Inflation");
- a one-word alias at the start of a sentence that is also a French common word ("Cordier",
  "Orange") is not linked there, unless the text is exactly the topic's name.

`manchette.topics.linker` applies these matches to an article's HTML.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

APOSTROPHES = "’ʼ‘´`′"
SPACES = "\u00a0\u202f\u2009\u2007\u2002\u2003"
HYPHENS = "‐‑"
TOKEN_RE = re.compile(r"\w+|[^\w\s]")
WORD_RE = re.compile(r"\w+")
LEADING_ELISION_RE = re.compile(r"^(?:l|d|qu|jusqu|lorsqu|puisqu)'\s*", re.IGNORECASE)
SENTENCE_END = '.!?…«"“(\n'
DIALOGUE_DASHES = "—–"


@functools.lru_cache(maxsize=4096)
def fold_char(char):
    """One character, folded for comparison: lower case, no accent; always one character."""
    if char in APOSTROPHES:
        return "'"
    if char in SPACES:
        return " "
    if char in HYPHENS:
        return "-"
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    if len(base) != 1:
        base = char
    lower = base.lower()
    return lower if len(lower) == 1 else base


def fold(text):
    """`text` folded character by character: same length, so offsets carry over."""
    return "".join(fold_char(c) for c in text)


def strip_accents(text):
    """Accents removed, case kept, same length."""
    out = []
    for char in text:
        if char in APOSTROPHES:
            out.append("'")
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
        )
        out.append(base if len(base) == 1 else char)
    return "".join(out)


def strip_elision(name):
    """'L’ONU' -> 'ONU', 'd’Ankara' -> 'Ankara' (both apostrophes)."""
    name = " ".join(unicodedata.normalize("NFC", name).split())
    for apostrophe in APOSTROPHES:
        name = name.replace(apostrophe, "'")
    stripped = LEADING_ELISION_RE.sub("", name)
    return stripped if stripped else name


def normalise_name(name):
    """The comparison key of a name or alias: folded, elision removed, spaces collapsed."""
    name = strip_elision(name or "").strip(' .,;:!?«»"()[]')
    return " ".join(fold(name).split())


@dataclass(frozen=True)
class AliasEntry:
    """One way of writing a topic's name."""

    surface: str  # as an editor wrote it ("Nations unies")
    topic_id: int
    topic_name: str
    topic_slug: str

    @functools.cached_property
    def key(self):
        return normalise_name(self.surface)

    @functools.cached_property
    def tokens(self):
        return tuple(TOKEN_RE.findall(self.key))

    @functools.cached_property
    def words(self):
        return WORD_RE.findall(strip_accents(strip_elision(self.surface)))

    @property
    def is_proper(self):
        return any(c.isupper() for c in self.surface)


class Gazetteer:
    """The names to look for: a token trie of every alias, built once per linking run."""

    def __init__(self, entries=()):
        self.trie = {}
        self.keys = {}
        self.topic_names = {}
        for entry in entries:
            self.add(entry)

    def add(self, entry):
        """Adds a way of writing a name; one key may have several (\"Inflation\", \"inflation\")."""
        if not entry.tokens:
            return
        first = self.keys.setdefault(entry.key, entry)
        if first.topic_id != entry.topic_id:
            return  # a key names one topic only
        self.topic_names.setdefault(entry.topic_id, entry.topic_name)
        node = self.trie
        for token in entry.tokens:
            node = node.setdefault(token, {})
        surfaces = node.setdefault("$", [])
        if entry.surface not in {e.surface for e in surfaces}:
            surfaces.append(entry)

    def __contains__(self, key):
        return key in self.keys

    def __len__(self):
        return len(self.keys)

    def candidates(self, folded, tokens, start_index):
        """(entries, last token index) of names starting at tokens[start_index], longest first."""
        node = self.trie
        found = []
        for index in range(start_index, len(tokens)):
            node = node.get(tokens[index][2])
            if node is None:
                break
            if "$" in node:
                found.append((node["$"], index))
        return reversed(found)


@dataclass
class Match:
    start: int
    end: int
    entry: AliasEntry


def _tokenise(folded):
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(folded)]


def is_sentence_start(text, position):
    """True when nothing but an opening quote or a sentence end precedes `position`."""
    index = position - 1
    while index >= 0 and text[index].isspace() and text[index] != "\n":
        index -= 1
    if index < 0:
        return True
    char = text[index]
    if char in SENTENCE_END:
        return True
    if char in DIALOGUE_DASHES:
        return is_sentence_start(text, index)
    return False


def _whitespace_layout_matches(original_slice, entry):
    return " ".join(fold(original_slice).split()) == entry.key


def _case_matches(text, entry, sentence_start, is_common_word):
    """Whether `text` (the original characters) is this alias written as a name."""
    words = WORD_RE.findall(strip_accents(text))
    alias_words = entry.words
    if len(words) != len(alias_words):
        return False
    exact_name = strip_accents(text) == strip_accents(strip_elision(entry.topic_name))
    exact_alias = words == alias_words
    if not entry.is_proper:
        if all(w.islower() or not w.isalpha() for w in words):
            return True
        # "Inflation" opening a sentence is the theme only if the topic is named so.
        return sentence_start and (exact_name or exact_alias) and words[0][:1].isupper()
    for word, alias_word in zip(words, alias_words, strict=True):
        if len(alias_word) > 1 and alias_word.isupper():  # acronym
            if not (word.isupper() or (len(alias_word) >= 4 and word == alias_word.title())):
                return False
        elif alias_word[:1].isupper():
            if not word[:1].isupper():
                return False
        elif not (word.islower() or word[:1].isupper()):
            return False
    # "Cordier de métier, …": a capitalised common word may just open the sentence.
    ambiguous = sentence_start and len(words) == 1 and not exact_name
    return not (ambiguous and is_common_word(words[0].lower()))


def find_matches(text, gazetteer, is_common_word=lambda word: False):
    """Non-overlapping, leftmost-longest matches of the gazetteer's names in `text`."""
    folded = fold(text)
    tokens = _tokenise(folded)
    matches = []
    index = 0
    while index < len(tokens):
        start, _end, token = tokens[index]
        if not token[0].isalnum():
            index += 1
            continue
        chosen = None
        for entries, last in gazetteer.candidates(folded, tokens, index):
            end = tokens[last][1]
            original = text[start:end]
            if _part_of_compound(folded, tokens, index, last):
                continue
            if not _whitespace_layout_matches(original, entries[0]):
                continue
            sentence_start = is_sentence_start(text, start)
            for entry in entries:
                if _case_matches(original, entry, sentence_start, is_common_word):
                    chosen = Match(start, end, entry)
                    break
            if chosen is not None:
                index = last + 1
                break
        if chosen is None:
            index += 1
        else:
            matches.append(chosen)
    return matches


def _part_of_compound(folded, tokens, first, last):
    """'Lyon' inside 'Lyon-Part-Dieu' or 'Saint-Lyon' is not the name 'Lyon'."""
    start, end = tokens[first][0], tokens[last][1]
    if end + 1 < len(folded) and folded[end] == "-" and folded[end + 1].isalnum():
        return True
    if start >= 2 and folded[start - 1] == "-" and folded[start - 2].isalnum():
        return True
    # Glued to a word on either side (e.g. a digit or underscore boundary quirk).
    return bool(start > 0 and folded[start - 1].isalnum())


def without_partial_names(candidates, known=()):
    """Drops the names of two words or more that only begin a longer name found in the same
    article or already known ("Grand Port" when "Grand Port Maritime" is there).

    `candidates` maps normalised names to anything; `known` holds normalised names."""
    longer = [key.split() for key in [*candidates, *known]]
    kept = {}
    for key, value in candidates.items():
        words = key.split()
        partial = len(words) >= 2 and any(
            len(other) > len(words) and other[: len(words)] == words for other in longer
        )
        if not partial:
            kept[key] = value
    return kept
