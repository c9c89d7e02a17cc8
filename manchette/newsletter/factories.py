import factory
from django.utils import timezone

from manchette.newsletter.models import (
    ConsentRecord,
    NewsletterIssue,
    NewsletterIssueItem,
    NewsletterList,
    Subscriber,
    SubscriberStatus,
    Subscription,
    SubscriptionStatus,
)


def default_list(slug="lettre-du-matin"):
    """A list created by the data migration (recreated when a transactional test flushed it)."""
    from importlib import import_module

    defaults = next(
        fields
        for fields in import_module(
            "manchette.newsletter.migrations.0002_default_lists"
        ).DEFAULT_LISTS
        if fields["slug"] == slug
    )
    return NewsletterList.objects.get_or_create(slug=slug, defaults=defaults)[0]


class NewsletterListFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lettre {n}")
    slug = factory.Sequence(lambda n: f"lettre-{n}")
    description = "Une lettre thématique."

    class Meta:
        model = NewsletterList


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"lecteur{n}@exemple.fr")
    status = SubscriberStatus.ACTIVE
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    class Params:
        pending = factory.Trait(status=SubscriberStatus.PENDING, confirmed_at=None)

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        """SubscriberFactory(lists=[...]): active subscriptions (with a confirmed consent)."""
        if not create or not extracted:
            return
        for newsletter_list in extracted:
            Subscription.objects.create(
                subscriber=self,
                newsletter_list=newsletter_list,
                status=SubscriptionStatus.ACTIVE,
                confirmed_at=timezone.now(),
            )
        consent = ConsentRecord.objects.create(
            subscriber=self,
            source="page",
            text="J’accepte de recevoir ces lettres.",
            ip_hash="0" * 32,
            confirmed_at=timezone.now(),
        )
        consent.lists.set(extracted)


class NewsletterIssueFactory(factory.django.DjangoModelFactory):
    newsletter_list = factory.LazyFunction(default_list)
    subject = factory.Sequence(lambda n: f"La lettre numéro {n}")
    intro = "Bonjour,\n\nVoici l’essentiel de l’actualité."

    class Meta:
        model = NewsletterIssue
        skip_postgeneration_save = True

    @factory.post_generation
    def articles(self, create, extracted, **kwargs):
        if create and extracted:
            for i, article in enumerate(extracted):
                NewsletterIssueItem.objects.create(issue=self, article=article, sort_order=i)
