"""The matched words are marked in the headline and an excerpt, never unescaped."""

import random
import re

import pytest
from django.utils.html import escape

from manchette.core.frenchtext import normalise
from manchette.news.factories import ArticleFactory, paragraph
from manchette.search.highlight import Marker
from manchette.search.tests.helpers import search

pytestmark = pytest.mark.django_db


def test_matched_words_are_marked_whatever_their_accents_and_plural(client, db):
    ArticleFactory(
        title="Élections : la <campagne> & ses débats",
        body=[
            paragraph(" ".join(["Un mot de remplissage."] * 30)),
            paragraph("Les électeurs du Var iront voter pour l’élection du maire."),
        ],
    )
    html = search(client, "élect").content.decode()
    assert "<mark>Élections</mark> : la &lt;campagne&gt; &amp; ses débats" in html
    assert "<mark>électeurs</mark> du Var iront voter pour l’<mark>élection</mark>" in html
    assert "… " in html  # the excerpt starts inside the body


def test_the_chapo_stands_in_when_the_body_does_not_match(client, db):
    ArticleFactory(title="Le port de Sète", standfirst="Les pêcheurs de Sète en colère.")
    html = search(client, "sete").content.decode()
    assert "Les pêcheurs de <mark>Sète</mark> en colère." in html


def test_marking_escapes_before_marking():
    marked = Marker(["script"]).mark('<script>alert("x")</script>')
    assert marked == "&lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt;"


def test_no_term_marks_nothing():
    assert Marker([]).mark("Un texte & rien") == "Un texte &amp; rien"


@pytest.mark.parametrize(
    ("before", "after", "opening", "closing"),
    [(0, 0, False, False), (12, 27, False, False), (13, 27, True, False), (12, 28, False, True)],
)
def test_an_excerpt_shows_twelve_words_before_the_match_and_twenty_seven_after(
    before, after, opening, closing
):
    words_before = [f"avant{n}" for n in range(before)]
    words_after = [f"apres{n}" for n in range(after)]
    text = " ".join([*words_before, "cible", *words_after]) + "."
    excerpt = Marker(["cible"]).excerpt(text)
    shown = " ".join([*words_before[-12:], "<mark>cible</mark>", *words_after[:27]])
    assert excerpt == ("… " if opening else "") + shown + (" …" if closing else ".")


def test_no_excerpt_when_no_word_matches():
    assert Marker(["cible"]).excerpt("Rien ici, pas même une cibl.") == ""


def reference_mark(marker, text):
    """Marking as it was first written: every word read in turn."""
    out, last = [], 0
    for found in re.finditer(r"\w+", text):
        if marker.matches(found.group()):
            out += [escape(text[last : found.start()]), f"<mark>{escape(found.group())}</mark>"]
            last = found.end()
    return "".join(out) + escape(text[last:])


def reference_excerpt(marker, text):
    """The excerpt as it was first written: every word read in turn until the first match."""
    words = list(re.finditer(r"\w+", text))
    index = next((n for n, w in enumerate(words) if marker.matches(w.group())), None)
    if index is None:
        return ""
    start = max(0, index - 12)
    shown, more = words[start : index + 28], len(words) > index + 28
    end = shown[-1].end() if more else len(text)
    opening = "… " if index > 12 else ""
    marked = reference_mark(marker, text[shown[0].start() : end].strip())
    return opening + marked + (" …" if more else "")


LETTERS = "aeiouyrstlncmpdgbvhfqjxkwz"
ODD = ["é", "È", "ç", "Œ", "œ", "æ", "ﬁ", "_", "Ⓐ", "\u0301", "²", "ß", "ΣΑ", "'", "’", "-", "1"]


def random_word(rng):
    word = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 9)))
    if rng.random() < 0.3:
        at = rng.randint(0, len(word))
        word = word[:at] + rng.choice(ODD) + word[at:]
    if rng.random() < 0.2:
        word = word.capitalize() + rng.choice(["s", "x", "aux", "al", ""])
    return word


def test_excerpts_and_marks_are_the_ones_found_by_reading_every_word():
    """Found through a folded copy of the text: the same as reading word by word, for
    texts with accents, ligatures, capitals, plurals, joined and odd characters."""
    rng = random.Random(20261205)
    for _ in range(3000):
        text = " ".join(random_word(rng) for _ in range(rng.randint(0, 120)))
        text = rng.choice(["", "Titre. "]) + text + rng.choice(["", ".", " !"])
        # Words of the text itself half of the time (as a search finds them), else others.
        source = text.split() if text.split() and rng.random() < 0.5 else None
        picked = [rng.choice(source) if source else random_word(rng) for _ in range(3)]
        terms = normalise(" ".join(picked[: rng.randint(1, 3)]))
        terms = [term[: rng.choice([2, 3, 5, 99])] for term in terms if len(term) >= 2][:3]
        marker = Marker(terms)
        assert marker.excerpt(text) == reference_excerpt(Marker(terms), text), (terms, text)
        assert marker.mark(text) == reference_mark(Marker(terms), text), (terms, text)


def test_a_plural_in_aux_is_found_by_its_singular():
    assert Marker(["cheval"]).excerpt("Des chevaux.") == "Des <mark>chevaux</mark>."
