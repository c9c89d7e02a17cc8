"""The full-text index of articles, on the database's own engine, kept by triggers.

Each vendor gets its own SQL (decision 0010): PostgreSQL a table of weighted `tsvector`s
under a GIN index, plus the vocabulary of indexed words for "Vouliez-vous dire…"; SQLite an
FTS5 table (`unicode61 remove_diacritics 2`) and an `fts5vocab` view of its words. Triggers on
`news_articlepage` copy `search_document` (headline | chapô | body, already normalised by
`manchette.core.frenchtext`) whenever it changes, so the index changes in the transaction
that changes the article, whatever code path saves it. What the public may see (live, no
view restriction) is decided when searching, by joining the page (`visible_q`).
"""

from django.db import migrations

# --------------------------------------------------------------------------- PostgreSQL

PG_VECTOR = """
    setweight(to_tsvector('simple', split_part({doc}, ' | ', 1)), 'A')
    || setweight(to_tsvector('simple', split_part({doc}, ' | ', 2)), 'B')
    || setweight(to_tsvector('simple', split_part({doc}, ' | ', 3)), 'C')
"""

PG_FORWARD = [
    """
    CREATE TABLE search_articleindex (
        article_id integer PRIMARY KEY,
        vector tsvector NOT NULL
    )
    """,
    # Kept in the table's pages (compressed), not in TOAST: the planner then sees what a
    # sequential scan costs and takes the GIN index for a rare word (5,000 articles: 0.3 ms
    # against 118 ms for a scan that decompresses every vector).
    "ALTER TABLE search_articleindex ALTER COLUMN vector SET STORAGE MAIN",
    "CREATE INDEX search_articleindex_vector ON search_articleindex USING GIN (vector)",
    "CREATE TABLE search_vocabulary (term varchar(100) PRIMARY KEY)",
    """
    CREATE FUNCTION search_index_article() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        document tsvector;
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_articleindex WHERE article_id = OLD.page_ptr_id;
            RETURN NULL;
        END IF;
        document := """
    + PG_VECTOR.format(doc="NEW.search_document")
    + """;
        INSERT INTO search_articleindex (article_id, vector)
        VALUES (NEW.page_ptr_id, document)
        ON CONFLICT (article_id) DO UPDATE SET vector = EXCLUDED.vector;
        INSERT INTO search_vocabulary (term)
        SELECT lexeme FROM unnest(tsvector_to_array(document)) AS lexeme
        WHERE length(lexeme) BETWEEN 3 AND 100
        ON CONFLICT DO NOTHING;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER search_index_article_insert AFTER INSERT ON news_articlepage
    FOR EACH ROW EXECUTE FUNCTION search_index_article()
    """,
    """
    CREATE TRIGGER search_index_article_update AFTER UPDATE OF search_document
    ON news_articlepage FOR EACH ROW
    WHEN (OLD.search_document IS DISTINCT FROM NEW.search_document)
    EXECUTE FUNCTION search_index_article()
    """,
    """
    CREATE TRIGGER search_index_article_delete AFTER DELETE ON news_articlepage
    FOR EACH ROW EXECUTE FUNCTION search_index_article()
    """,
    """
    CREATE FUNCTION search_empty_index() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE search_articleindex;
        RETURN NULL;
    END
    $$
    """,
    # A TRUNCATE (Django's flush between transactional tests) fires no row trigger.
    """
    CREATE TRIGGER search_empty_index AFTER TRUNCATE ON news_articlepage
    FOR EACH STATEMENT EXECUTE FUNCTION search_empty_index()
    """,
    "INSERT INTO search_articleindex (article_id, vector) SELECT page_ptr_id, "
    + PG_VECTOR.format(doc="search_document")
    + " FROM news_articlepage",
    """
    INSERT INTO search_vocabulary (term)
    SELECT DISTINCT lexeme FROM search_articleindex,
        unnest(tsvector_to_array(vector)) AS lexeme
    WHERE length(lexeme) BETWEEN 3 AND 100
    ON CONFLICT DO NOTHING
    """,
]

PG_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_index_article_insert ON news_articlepage",
    "DROP TRIGGER IF EXISTS search_index_article_update ON news_articlepage",
    "DROP TRIGGER IF EXISTS search_index_article_delete ON news_articlepage",
    "DROP TRIGGER IF EXISTS search_empty_index ON news_articlepage",
    "DROP FUNCTION IF EXISTS search_empty_index()",
    "DROP FUNCTION IF EXISTS search_index_article()",
    "DROP TABLE IF EXISTS search_vocabulary",
    "DROP TABLE IF EXISTS search_articleindex",
]

# --------------------------------------------------------------------------- SQLite


def sqlite_fields(doc):
    """The three fields of a search document (" headline | chapô | body "): SQLite has no
    split function, and normalised words never contain "|"."""
    rest = f"substr({doc}, instr({doc}, ' | ') + 3)"
    return (
        f"substr({doc}, 1, instr({doc}, ' | ') - 1)",
        f"substr({rest}, 1, instr({rest}, ' | ') - 1)",
        f"substr({rest}, instr({rest}, ' | ') + 3)",
    )


def sqlite_insert(doc, rowid, source=""):
    headline, standfirst, body = sqlite_fields(doc)
    values = f"SELECT {rowid}, {headline}, {standfirst}, {body} {source}"
    return f"INSERT INTO search_fts (rowid, headline, standfirst, body) {values}"


SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        headline, standfirst, body, tokenize = 'unicode61 remove_diacritics 2'
    )
    """,
    "CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_fts, 'row')",
    f"""
    CREATE TRIGGER search_index_article_insert AFTER INSERT ON news_articlepage BEGIN
        {sqlite_insert("NEW.search_document", "NEW.page_ptr_id")};
    END
    """,
    f"""
    CREATE TRIGGER search_index_article_update AFTER UPDATE OF search_document
    ON news_articlepage WHEN OLD.search_document IS NOT NEW.search_document BEGIN
        DELETE FROM search_fts WHERE rowid = OLD.page_ptr_id;
        {sqlite_insert("NEW.search_document", "NEW.page_ptr_id")};
    END
    """,
    """
    CREATE TRIGGER search_index_article_delete AFTER DELETE ON news_articlepage BEGIN
        DELETE FROM search_fts WHERE rowid = OLD.page_ptr_id;
    END
    """,
    sqlite_insert("search_document", "page_ptr_id", "FROM news_articlepage"),
]

SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_index_article_insert",
    "DROP TRIGGER IF EXISTS search_index_article_update",
    "DROP TRIGGER IF EXISTS search_index_article_delete",
    "DROP TABLE IF EXISTS search_vocabulary",
    "DROP TABLE IF EXISTS search_fts",
]

STATEMENTS = {
    "postgresql": (PG_FORWARD, PG_BACKWARD),
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
}


def run(direction):
    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        if vendor not in STATEMENTS:
            raise NotImplementedError(f"Search needs PostgreSQL or SQLite, not {vendor}.")
        for statement in STATEMENTS[vendor][direction]:
            schema_editor.execute(statement, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(run(0), run(1), elidable=False)]
