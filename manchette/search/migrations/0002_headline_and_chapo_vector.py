# ruff: noqa: S608 -- constant SQL: no value in it comes from outside this module
"""PostgreSQL: a short vector of the headline and chapô for ranking, and no positions in the
vector that finds the matches.

Ranking read each candidate's whole vector (ts_rank over headline, chapô and body, with their
positions): 2,000 bodies decompressed per search at 200,000 articles. Now (decision 0010):

- `head`: the headline weighted A and the chapô B, all the relevance needs (`services.py`);
- `vector`: the whole document's words without positions or weights (`strip`), which nothing
  reads any more: a prefix match needs only the words. 1.3 KB instead of 2.1 KB per article,
  so fewer pages to read when matching and less to decompress per candidate.

The table is rebuilt rather than updated in place (an UPDATE of every row would leave the old
half of a 500 MB table dead), and the indexing trigger's function replaced to write both.
SQLite: FTS5 already keeps each field in its own column; nothing to change.
"""

import importlib

from django.db import migrations

initial = importlib.import_module("manchette.search.migrations.0001_full_text_index")

PG_MATCH = "strip(to_tsvector('simple', {doc}))"
PG_HEAD = """
    setweight(to_tsvector('simple', split_part({doc}, ' | ', 1)), 'A')
    || setweight(to_tsvector('simple', split_part({doc}, ' | ', 2)), 'B')
"""


def index_function(current):
    """The trigger's function: writing `vector` and `head` (`current`), or as 0001 wrote it."""
    if current:
        vector = PG_MATCH.format(doc="NEW.search_document")
        head = PG_HEAD.format(doc="NEW.search_document")
        write = f"""
        document := {vector};
        INSERT INTO search_articleindex (article_id, vector, head)
        VALUES (NEW.page_ptr_id, document, {head})
        ON CONFLICT (article_id) DO UPDATE SET (vector, head) = (EXCLUDED.vector, EXCLUDED.head);
        """
    else:
        write = f"""
        document := {initial.PG_VECTOR.format(doc="NEW.search_document")};
        INSERT INTO search_articleindex (article_id, vector)
        VALUES (NEW.page_ptr_id, document)
        ON CONFLICT (article_id) DO UPDATE SET vector = EXCLUDED.vector;
        """
    return (
        """
    CREATE OR REPLACE FUNCTION search_index_article() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        document tsvector;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_articleindex WHERE article_id = OLD.page_ptr_id;
            RETURN NULL;
        END IF;
    """
        + write
        + """
        INSERT INTO search_vocabulary (term)
        SELECT lexeme FROM unnest(tsvector_to_array(document)) AS lexeme
        WHERE length(lexeme) BETWEEN 3 AND 100
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END
    $$
    """
    )


PG_FORWARD = [
    "DROP INDEX search_articleindex_vector",
    "ALTER TABLE search_articleindex RENAME TO search_articleindex_old",
    "ALTER TABLE search_articleindex_old RENAME CONSTRAINT search_articleindex_pkey "
    "TO search_articleindex_old_pkey",
    """
    CREATE TABLE search_articleindex (
        article_id integer PRIMARY KEY,
        vector tsvector NOT NULL,
        head tsvector NOT NULL
    )
    """,
    # In the table's pages, not TOAST: see 0001.
    "ALTER TABLE search_articleindex ALTER COLUMN vector SET STORAGE MAIN",
    "ALTER TABLE search_articleindex ALTER COLUMN head SET STORAGE MAIN",
    "INSERT INTO search_articleindex (article_id, vector, head) SELECT page_ptr_id, "
    + PG_MATCH.format(doc="search_document")
    + ", "
    + PG_HEAD.format(doc="search_document")
    + " FROM news_articlepage ORDER BY page_ptr_id",
    "DROP TABLE search_articleindex_old",
    "CREATE INDEX search_articleindex_vector ON search_articleindex USING GIN (vector)",
    "ANALYZE search_articleindex",
    index_function(current=True),
]
PG_BACKWARD = [
    index_function(current=False),
    "ALTER TABLE search_articleindex DROP COLUMN head",
    "UPDATE search_articleindex SET vector = "
    + initial.PG_VECTOR.format(doc="news_articlepage.search_document")
    + " FROM news_articlepage WHERE news_articlepage.page_ptr_id = article_id",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_full_text_index")]

    operations = [migrations.RunPython(run(PG_FORWARD), run(PG_BACKWARD), elidable=False)]
