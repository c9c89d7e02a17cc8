from manchette.comments.text import count_links, render


def test_paragraphs_and_line_breaks():
    assert render("Un\ndeux\n\n\n\nTrois") == "<p>Un<br>deux</p><p>Trois</p>"


def test_links_are_made_safe():
    html = render("Voir https://exemple.fr/a?b=1&c=2. Et www.site.fr !")
    assert (
        '<a href="https://exemple.fr/a?b=1&amp;c=2" rel="nofollow ugc noopener noreferrer">' in html
    )
    assert 'href="https://www.site.fr"' in html
    assert html.count("<a ") == 2


def test_html_is_shown_as_text():
    assert "&lt;b&gt;" in render("<b>gras</b>")


def test_count_links():
    assert count_links("http://a.fr www.b.fr c.fr") == 2
