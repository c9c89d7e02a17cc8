"""A form the app cannot read, sent to real gunicorn: a French 400, not gunicorn's bare 500.

Django's own error pages read the body again (their CSRF check) and raised inside gunicorn;
the test client hides that, a real server does not."""

import pytest
import requests
from django.db import connection

from manchette.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def app_database_url():
    settings = connection.settings_dict
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{settings['NAME']}"
    from tests.integration.conftest import database_url

    return database_url()


def test_a_utf16_form_and_a_multipart_body_without_boundary_get_a_french_400(processes):
    comment = CommentFactory()
    base, _app = processes.app("gunicorn-bodies", DATABASE_URL=app_database_url())
    session = requests.Session()
    session.get(base + "/compte/connexion/")  # a CSRF cookie, as a browser would have
    token = session.cookies["csrftoken"]
    for path in (
        "/newsletter/inscription/",
        "/compte/connexion/",
        f"/commentaires/{comment.pk}/modifier/",
        f"/reactions/{comment.article_id}/reagir/",
    ):
        for content_type, body in (
            ("application/x-www-form-urlencoded; charset=utf-16", "email=a@b.fr".encode("utf-16")),
            ("multipart/form-data", b"--X\r\n"),
        ):
            response = session.post(
                base + path,
                data=body,
                headers={"Content-Type": content_type, "X-CSRFToken": token},
                timeout=30,
            )
            assert response.status_code == 400, (path, content_type, response.text[:300])
            assert 'lang="fr"' in response.text and "UTF-8" in response.text
