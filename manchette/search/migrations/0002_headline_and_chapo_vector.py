"""The headline and chapô's own short vector, so that ranking never reads a body.

PostgreSQL: `search_articleindex.head`, the headline weighted A and the chapô B, written by
the indexing trigger with `vector` (the same function, replaced). The relevance of 2,000
candidates reads these few words instead of decompressing 2,000 bodies' vectors (decision
0010). SQLite: FTS5 already keeps each field in its own column; nothing to add.
"""

import importlib

from django.db import migrations

initial = importlib.import_module("manchette.search.migrations.0001_full_text_index")

PG_HEAD = """
    setweight(to_tsvector('simple', split_part({doc}, ' | ', 1)), 'A')
    || setweight(to_tsvector('simple', split_part({doc}, ' | ', 2)), 'B')
"""


def index_function(with_head):
    """The trigger's function, writing `head` too or not (as migration 0001 wrote it)."""
    columns, values = "article_id, vector", "NEW.page_ptr_id, document"
    update = "vector = EXCLUDED.vector"
    if with_head:
        columns += ", head"
        values += ", " + PG_HEAD.format(doc="NEW.search_document")
        update = "(vector, head) = (EXCLUDED.vector, EXCLUDED.head)"
    # Constant SQL: no value comes from outside this module.
    return f"""
    CREATE OR REPLACE FUNCTION search_index_article() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        document tsvector;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_articleindex WHERE article_id = OLD.page_ptr_id;
            RETURN NULL;
        END IF;
        document := {initial.PG_VECTOR.format(doc="NEW.search_document")};
        INSERT INTO search_articleindex ({columns})
        VALUES ({values})
        ON CONFLICT (article_id) DO UPDATE SET {update};
        INSERT INTO search_vocabulary (term)
        SELECT lexeme FROM unnest(tsvector_to_array(document)) AS lexeme
        WHERE length(lexeme) BETWEEN 3 AND 100
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END
    $$
    """  # noqa: S608


PG_FORWARD = [
    "ALTER TABLE search_articleindex ADD COLUMN head tsvector",
    index_function(with_head=True),
    "UPDATE search_articleindex SET head = "  # noqa: S608 -- constant SQL
    + PG_HEAD.format(doc="news_articlepage.search_document")
    + " FROM news_articlepage WHERE news_articlepage.page_ptr_id = article_id",
    "ALTER TABLE search_articleindex ALTER COLUMN head SET NOT NULL",
]
PG_BACKWARD = [
    index_function(with_head=False),
    "ALTER TABLE search_articleindex DROP COLUMN head",
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
