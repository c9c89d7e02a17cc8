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
