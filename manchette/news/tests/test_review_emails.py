"""Review e-mails (Wagtail's workflow notifications) in newsroom French, with links to the
site's own address (SITE_URL), never to the Wagtail Site's default "localhost"."""

import re

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Workflow

from manchette.core.site_structure import EDITORS, JOURNALISTS, create_roles
from manchette.news.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db

SITE = "https://journal.example"


@pytest.fixture
def staff(settings):
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = SITE
    create_roles(apps)
    users = {}
    for username, first_name, group in [
        ("journaliste", "Camille", JOURNALISTS),
        ("editeur", "Léa", EDITORS),
    ]:
        user = get_user_model().objects.create_user(
            username, f"{username}@example.org", "x", first_name=first_name
        )
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


@pytest.fixture
def submitted(staff):
    section = SectionFactory(title="Sport", slug="sport")
    article = ArticleFactory(parent=section, title="La montée du club", slug="montee", draft=True)
    article.save_revision(user=staff["journaliste"])
    return Workflow.objects.get(name="Relecture").start(article, staff["journaliste"])


def emails_to(sink, address):
    return [m["message"] for m in sink.messages if m["to"] == [address]]


def body(message):
    return message.get_body(preferencelist=("plain",)).get_content()


def test_approval_tells_the_journalist_where_the_article_is_online(smtp_sink, staff, submitted):
    submitted.current_task_state.approve(user=staff["editeur"])

    [message] = emails_to(smtp_sink, "journaliste@example.org")
    text = body(message)
    assert message["Subject"].strip() == "Validé : « La montée du club »"
    assert text.startswith("Bonjour Camille,")
    assert f"Il est en ligne : {SITE}/sport/montee/" in text
    assert all(link.startswith(SITE) for link in re.findall(r"https?://\S+", text))
    assert "localhost" not in text and "workflow" not in text


def test_rejection_gives_the_editor_s_comment_and_a_link_to_rework(smtp_sink, staff, submitted):
    submitted.current_task_state.reject(user=staff["editeur"], comment="Il manque une source.")

    [message] = emails_to(smtp_sink, "journaliste@example.org")
    text = body(message)
    assert message["Subject"].strip() == "À reprendre : « La montée du club »"
    assert "vous renvoie « La montée du club » : il n’est pas publié." in text
    assert "Son commentaire : « Il manque une source. »" in text
    assert f"Reprendre l’article : {SITE}/admin/pages/{submitted.content_object.pk}/edit/" in text
    assert "workflow" not in text and "modération" not in text
