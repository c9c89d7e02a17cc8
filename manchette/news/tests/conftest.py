import pytest

from manchette.news.factories import ArticleFactory, AuthorFactory, SectionFactory


@pytest.fixture
def section(db):
    return SectionFactory(title="International", slug="international")


@pytest.fixture
def author(db):
    return AuthorFactory(title="Camille Durand", slug="camille-durand", with_photo=True)


@pytest.fixture
def article(section, author):
    return ArticleFactory(
        parent=section,
        title="Le port de Marseille rouvre après la grève",
        slug="port-marseille-rouvre",
        kicker="Social",
        standfirst="Après neuf jours de grève, les dockers ont repris le travail mardi matin.",
        source="avec AFP",
        dateline="Marseille",
        with_image=True,
        authors=[author],
        body=[
            ("paragraph", "<p>Les <b>dockers</b> ont voté la reprise du travail.</p>"),
            ("heading", "Un accord salarial"),
            ("quote", {"quote": "Nous avons été entendus.", "attribution": "Un délégué syndical"}),
        ],
    )
