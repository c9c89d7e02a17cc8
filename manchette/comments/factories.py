import factory
from django.utils import timezone

from manchette.comments import text
from manchette.comments.models import Comment, CommentStatus, Subscription, SubscriptionKind
from manchette.news.factories import ArticleFactory


class CommentFactory(factory.django.DjangoModelFactory):
    parent = None
    article = factory.LazyAttribute(lambda o: o.parent.article if o.parent else ArticleFactory())
    author_name = factory.Sequence(lambda n: f"Lectrice {n}")
    guest_email = factory.Sequence(lambda n: f"lectrice{n}@example.org")
    body = factory.Sequence(lambda n: f"Un commentaire argumenté numéro {n}.")
    body_html = factory.LazyAttribute(lambda o: text.render(o.body))
    status = CommentStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Comment

    class Params:
        pending = factory.Trait(status=CommentStatus.PENDING, published_at=None)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        parent = kwargs.get("parent")
        if parent is not None:
            kwargs.setdefault("thread_id", parent.thread_id or parent.pk)
            kwargs.setdefault("depth", parent.depth + 1)
            kwargs.setdefault("reply_to", parent)
        return super()._create(model_class, *args, **kwargs)


class SubscriptionFactory(factory.django.DjangoModelFactory):
    article = factory.SubFactory(ArticleFactory)
    email = factory.Sequence(lambda n: f"abonne{n}@example.org")
    kind = SubscriptionKind.FOLLOW_UPS
    confirmed = True

    class Meta:
        model = Subscription
