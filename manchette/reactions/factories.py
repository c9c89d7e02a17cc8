import uuid

import factory
from django.apps import apps

from manchette.accounts.readers import Reader
from manchette.news.factories import ArticleFactory
from manchette.reactions import services
from manchette.reactions.defaults import create_default_kinds
from manchette.reactions.models import Reaction, ReactionKind


def default_kinds():
    """The French default set, as the data migration creates it (recreated after a flush)."""
    create_default_kinds(apps)
    return list(ReactionKind.objects.active())


class ReactionKindFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Réaction {n}")
    slug = factory.Sequence(lambda n: f"reaction-{n}")
    icon = "pouce"
    active = True

    class Meta:
        model = ReactionKind
        django_get_or_create = ["slug"]


class ReactionFactory(factory.django.DjangoModelFactory):
    """A reader's reaction, recorded through the service so the counters stay exact."""

    article = factory.SubFactory(ArticleFactory)
    kind = factory.SubFactory(ReactionKindFactory)
    user = None
    reader_token = factory.LazyFunction(lambda: uuid.uuid4().hex)

    class Meta:
        model = Reaction

    @classmethod
    def _create(cls, model_class, article, kind, user=None, reader_token="", **kwargs):
        reader = Reader(user_id=user.pk) if user else Reader(token=reader_token)
        services.react(article, kind, reader)
        return Reaction.objects.of_reader(reader).get(article=article)
