import pytest


@pytest.fixture(autouse=True)
def on_commit_runs_at_once(monkeypatch):
    """Test transactions never commit: side effects registered with on_commit run at once."""
    from django.db import transaction

    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())


@pytest.fixture
def moderator(django_user_model):
    """An account in the newsroom's « Modérateurs » group, with its permissions."""
    from django.apps import apps
    from django.contrib.auth.models import Group

    from manchette.comments.roles import grant_moderation_permissions
    from manchette.core.site_structure import create_roles

    create_roles(apps)
    grant_moderation_permissions(apps)
    user = django_user_model.objects.create_user("modo", "modo@example.org", "pw")
    user.groups.add(Group.objects.get(name="Modérateurs"))
    return user
