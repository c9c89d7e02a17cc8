import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from manchette.core.site_structure import create_roles
from manchette.topics.models import TopicSuggestion
from manchette.topics.roles import grant_editors

pytestmark = pytest.mark.django_db


def member_of(django_user_model, group_name):
    user = django_user_model.objects.create_user(f"user-{group_name}", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def roles():
    create_roles(apps)
    grant_editors(apps)


def test_an_editor_works_the_suggestions_list_and_rejects_one(client, roles, django_user_model):
    suggestion = TopicSuggestion.objects.create(name="Jeanne Lavigne", kind="person")
    client.force_login(member_of(django_user_model, "Éditeurs"))
    assert client.get(reverse("topics_admin:suggestions")).status_code == 200
    client.post(reverse("topics_admin:reject", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.status == "rejected"


def test_a_moderator_cannot_touch_topics(client, roles, django_user_model):
    client.force_login(member_of(django_user_model, "Modérateurs"))
    assert client.get(reverse("topics_admin:suggestions")).status_code in (302, 403)
