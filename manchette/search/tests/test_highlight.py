"""The matched words are marked in the headline and an excerpt, never unescaped."""

import pytest

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
