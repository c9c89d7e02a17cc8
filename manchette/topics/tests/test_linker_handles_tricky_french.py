"""The linker on tricky French text: pure functions, no database, no NLP model."""

import re

from manchette.topics.linker import link_html
from manchette.topics.names import AliasEntry, Gazetteer, normalise_name

TOPICS = {
    1: ("Organisation des Nations unies", ["ONU", "Nations unies"]),
    2: ("Conseil de sécurité des Nations unies", []),
    3: ("Ankara", []),
    4: ("Mathieu Cordier", ["Cordier"]),
    5: ("Sécheresse", ["sécheresse"]),
    6: ("Saint-Étienne", []),
    7: ("Lyon", []),
}
COMMON_WORDS = {"cordier", "secheresse", "rose"}


def gazetteer(topics=TOPICS):
    entries = []
    for topic_id, (name, aliases) in topics.items():
        for surface in [name, *aliases]:
            entries.append(AliasEntry(surface, topic_id, name, f"t{topic_id}"))
    return Gazetteer(entries)


def links(html):
    result = link_html(html, gazetteer(), is_common_word=COMMON_WORDS.__contains__)
    return re.findall(r'<a class="topic-link" href="/sujets/(t\d+)/"[^>]*>(.*?)</a>', result.html)


def test_elided_article_stays_outside_the_link_with_either_apostrophe():
    assert links("<p>Le siège de l’ONU à New York.</p>") == [("t1", "ONU")]
    assert links("<p>Il arrive d'Ankara ce soir.</p>") == [("t3", "Ankara")]
    assert links("<p>D’Ankara à Paris.</p>") == [("t3", "Ankara")]


def test_longest_name_wins_over_the_name_it_contains():
    html = "<p>Le Conseil de sécurité des Nations unies se réunit. Les Nations unies attendent.</p>"
    assert links(html) == [("t2", "Conseil de sécurité des Nations unies"), ("t1", "Nations unies")]


def test_only_the_first_mention_of_a_topic_is_linked():
    html = "<p>L’ONU proteste.</p><p>Les Nations unies et l’ONU insistent.</p>"
    result = link_html(html, gazetteer())
    assert result.html.count("topic-link") == 1
    assert result.mentions == {1: 3}


def test_names_in_a_link_a_heading_or_an_attribution_are_not_linked():
    html = (
        '<h2 class="article__intertitle">Lyon sous la pluie</h2>'
        '<p>Voir <a href="https://exemple.org">le rapport de l’ONU</a>.</p>'
        '<figure class="quote"><blockquote><p>Rien n’est joué.</p></blockquote>'
        "<figcaption>— Mathieu Cordier, maire de Lyon</figcaption></figure>"
        "<p>À Lyon, Mathieu Cordier et l’ONU s’accordent.</p>"
    )
    result = link_html(html, gazetteer())
    assert links(html) == [("t7", "Lyon"), ("t4", "Mathieu Cordier"), ("t1", "ONU")]
    assert '<a href="https://exemple.org">le rapport de l’ONU</a>' in result.html
    assert '<h2 class="article__intertitle">Lyon sous la pluie</h2>' in result.html
    assert "<figcaption>— Mathieu Cordier, maire de Lyon</figcaption>" in result.html
    assert result.mentions[7] == 3  # the heading and the caption still count as mentions


def test_capitalised_common_word_opening_a_sentence_is_not_linked():
    html = "<p>Cordier de métier, il tresse des cordes. Le maire Cordier a visité son atelier.</p>"
    assert links(html) == [("t4", "Cordier")]
    assert "métier" in link_html(html, gazetteer()).html
    assert links("<p>Cordier de métier, il tresse des cordes.</p>") == []


def test_common_noun_theme_matches_lowercase_and_its_exact_name_at_sentence_start():
    assert links("<p>La sécheresse dure.</p>") == [("t5", "sécheresse")]
    assert links("<p>Sécheresse : la préfecture restreint l’eau.</p>") == [("t5", "Sécheresse")]


def test_proper_names_need_their_capitals_and_acronyms_their_letters():
    assert links("<p>Les nations unies par un fleuve.</p>") == []
    assert links("<p>Le siège de l’onu.</p>") == []
    assert links("<p>Les Nations Unies votent.</p>") == [("t1", "Nations Unies")]


def test_accents_may_be_missing_in_the_text():
    assert links("<p>Les supporters de Saint-Etienne.</p>") == [("t6", "Saint-Etienne")]
    assert normalise_name("L’Élysée") == normalise_name("elysee")


def test_a_name_inside_a_hyphenated_compound_is_not_linked():
    assert links("<p>La gare de Lyon-Part-Dieu est fermée.</p>") == []


def test_name_split_by_markup_is_left_alone_and_markup_is_kept():
    html = "<p>Le <b>maire</b> de <i>Lyon</i> &amp; l’<strong>ONU</strong>.</p>"
    result = link_html(html, gazetteer())
    assert "<b>maire</b>" in result.html
    assert "&amp;" in result.html
    assert links(html) == [("t7", "Lyon"), ("t1", "ONU")]


def test_output_is_sanitised():
    html = '<p onclick="x()">Lyon<script>alert(1)</script><img src="/m.jpg" onerror="x()"></p>'
    result = link_html(html, gazetteer())
    assert "onclick" not in result.html
    assert "<script" not in result.html
    assert "onerror" not in result.html
    assert '<a class="topic-link" href="/sujets/t7/" data-topic="7">Lyon</a>' in result.html


def test_excluded_topics_and_disabled_linking():
    html = "<p>L’ONU et Lyon.</p>"
    result = link_html(html, gazetteer(), excluded_topic_ids=[1])
    assert result.linked == [7]
    assert 1 not in result.mentions
    result = link_html(html, gazetteer(), link=False)
    assert result.linked == []
    assert result.mentions == {1: 1, 7: 1}
