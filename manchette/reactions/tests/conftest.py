import pytest
from django.contrib.auth.models import Group

from manchette.news.factories import ArticleFactory, SectionFactory
from manchette.reactions.defaults import EDITORS
from manchette.reactions.factories import default_kinds


@pytest.fixture
def kinds(db):
    return {kind.slug: kind for kind in default_kinds()}


@pytest.fixture
def section(db):
    return SectionFactory(title="Planète", slug="planete")


@pytest.fixture
def article(section, kinds):
    return ArticleFactory(parent=section, title="La banquise recule encore", slug="banquise")


@pytest.fixture
def editor(db, django_user_model):
    user = django_user_model.objects.create_user("editrice", password="x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user
