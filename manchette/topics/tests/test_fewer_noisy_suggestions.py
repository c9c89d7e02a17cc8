"""Suggestions leave out what the recogniser often gets wrong: pronouns opening a sentence
("Celles"), and the beginning of a longer name ("Grand Port" beside "Grand Port Maritime")."""

from manchette.topics import nlp
from manchette.topics.linking import suggestion_candidates
from manchette.topics.names import Gazetteer, without_partial_names


def candidates(*entities, known=()):
    found = [[(0, len(text), label, text) for label, text in entities]]
    return suggestion_candidates(
        None, found, Gazetteer(), set(known), nlp.is_common_word, nlp.is_function_word
    )


def test_pronouns_opening_a_sentence_are_not_suggested():
    found = candidates(("PER", "Celles"), ("PER", "Elle"), ("LOC", "Marseille"))
    assert [name for name, _kind in found.values()] == ["Marseille"]


def test_the_beginning_of_a_longer_name_in_the_article_is_not_suggested():
    found = candidates(("LOC", "Grand Port"), ("ORG", "Grand Port Maritime de Marseille"))
    assert [name for name, _kind in found.values()] == ["Grand Port Maritime de Marseille"]


def test_the_beginning_of_a_known_name_is_not_suggested_but_a_single_word_is():
    found = candidates(("LOC", "Grand Port"), ("LOC", "Marseille"), known={"grand port maritime"})
    assert [name for name, _kind in found.values()] == ["Marseille"]


def test_partial_names_are_whole_words_only():
    kept = without_partial_names(
        {"saint denis": 1, "saint": 2}, known={"saint denis de la reunion"}
    )
    assert kept == {"saint": 2}
