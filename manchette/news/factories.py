from datetime import timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from manchette.core.factories import ImageFactory, PageFactory, home_page
from manchette.news.models import (
    ArticleAuthor,
    ArticlePage,
    AuthorIndexPage,
    AuthorPage,
    Flash,
    FlashPriority,
    FlashStatus,
    SectionPage,
)


class SectionFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Rubrique {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    intro = "L’actualité de la rubrique."

    class Meta:
        model = SectionPage


def author_index():
    return AuthorIndexPage.objects.first() or AuthorIndexFactory()


class AuthorIndexFactory(PageFactory):
    title = "La rédaction"
    slug = "auteurs"

    class Meta:
        model = AuthorIndexPage


class AuthorFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Camille Auteur {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))
    role = "Journaliste"
    bio = "Journaliste à la rédaction."
    parent = factory.LazyFunction(author_index)

    class Meta:
        model = AuthorPage

    class Params:
        with_photo = factory.Trait(photo=factory.SubFactory(ImageFactory))


def paragraph(text):
    return ("paragraph", f"<p>{text}</p>")


class ArticleFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Un article d’actualité numéro {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title)[:80])
    kicker = "Actualité"
    standfirst = "Le chapô résume l’essentiel de l’article en une ou deux phrases."
    body = factory.LazyFunction(
        lambda: [
            paragraph("Premier paragraphe de l’article, avec des faits vérifiés."),
            ("heading", "Un intertitre"),
            paragraph("Deuxième paragraphe, qui donne le contexte."),
        ]
    )
    parent = factory.SubFactory(SectionFactory)
    first_published_at = factory.LazyAttribute(
        lambda o: timezone.now() - timedelta(hours=o.hours_ago)
    )
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        model = ArticlePage

    class Params:
        with_image = factory.Trait(
            lead_image=factory.SubFactory(ImageFactory),
            lead_image_caption="Une légende d’illustration.",
            lead_image_credit="Manchette",
        )
        draft = factory.Trait(live=False, first_published_at=None, last_published_at=None)
        hours_ago = 0

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.author_links = [ArticleAuthor(author=author) for author in extracted]
            self.save()


class FlashFactory(factory.django.DjangoModelFactory):
    text = factory.Sequence(lambda n: f"Information de dernière minute numéro {n}")
    priority = FlashPriority.URGENT
    status = FlashStatus.PUBLISHED
    starts_at = factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=5))
    ends_at = factory.LazyFunction(lambda: timezone.now() + timedelta(hours=6))

    class Meta:
        model = Flash

    class Params:
        draft = factory.Trait(status=FlashStatus.DRAFT)
        expired = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - timedelta(hours=3)),
            ends_at=factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1)),
        )
        upcoming = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=1)),
            ends_at=factory.LazyFunction(lambda: timezone.now() + timedelta(hours=3)),
        )


__all__ = ["ArticleFactory", "AuthorFactory", "FlashFactory", "SectionFactory", "home_page"]
