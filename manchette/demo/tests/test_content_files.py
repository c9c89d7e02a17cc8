"""The demo's data files: the format the loader reads, and the clear errors it gives."""

import pytest

from manchette.demo.content import ContentError, load_articles, load_json, read_article

GOOD = """---
section: france
kicker: Essai
title: Un titre : avec deux-points
standfirst: Le chapô.
authors: claire-morel, marc-perrin
hours_ago: 2.5
featured: oui
---
Un paragraphe écrit
sur deux lignes.

## Un intertitre

> Une citation
> sur deux lignes.
> — Une personne, sa fonction

> Une citation sans auteur.
"""


def write(tmp_path, text, name="01-essai.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_article_file_is_read_block_by_block(tmp_path):
    article = read_article(write(tmp_path, GOOD))
    assert article.title == "Un titre : avec deux-points"
    assert article.slug == "un-titre-avec-deux-points"
    assert article.authors == ["claire-morel", "marc-perrin"]
    assert (article.hours_ago, article.featured, article.illustration) == (2.5, True, True)
    assert (article.source, article.dateline) == ("", "")
    assert article.body == [
        ("paragraph", "Un paragraphe écrit sur deux lignes."),
        ("heading", "Un intertitre"),
        ("quote", "Une citation sur deux lignes.", "Une personne, sa fonction"),
        ("quote", "Une citation sans auteur.", ""),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("section: france\n", "front matter between two '---' lines expected"),
        (GOOD.replace("featured: oui", "featured: peut-être"), "'oui' or 'non' expected"),
        (GOOD.replace("kicker: Essai\n", ""), "field 'kicker' missing"),
        (GOOD.replace("kicker: Essai", "kicker sans deux-points"), "'key: value' expected"),
    ],
)
def test_a_broken_file_is_named_in_a_clear_error(tmp_path, text, message):
    with pytest.raises(ContentError, match=message) as error:
        read_article(write(tmp_path, text, "07-casse.md"))
    assert str(error.value).startswith("07-casse.md: ")


def test_the_shipped_content_is_complete_and_consistent():
    articles = load_articles()
    sections = {s["slug"] for s in load_json("sections.json")}
    authors = {a["slug"] for a in load_json("authors.json")}
    slugs = [a.slug for a in articles]
    assert len(articles) == 42 and len(set(slugs)) == 42
    assert {a.section for a in articles} == sections and len(sections) == 6
    assert {slug for a in articles for slug in a.authors} <= authors
    assert all(a.body and a.standfirst for a in articles)
    assert sum(not a.illustration for a in articles) == 8
    flashes = load_json("flashes.json")
    assert {f["article"] for f in flashes} - {None} <= set(slugs)
