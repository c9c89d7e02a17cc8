"""Factories of the test suite (factory-boy is a development dependency: never imported at run
time; the demo content has its own loader, manchette/demo)."""

import factory
from django.core.files.images import ImageFile
from wagtail.images.models import Image

from manchette.core.models import HomePage
from manchette.core.pages import record_live_revision
from manchette.core.site_structure import home_page
from manchette.demo.pictures import generated_picture


class ImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Illustration {n}")
    file = factory.LazyAttributeSequence(
        lambda o, n: ImageFile(generated_picture(o.title), name=f"illustration-{n}.jpg")
    )

    class Meta:
        model = Image


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a Wagtail page under `parent` (the home page by default), live."""

    live = True

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        parent = parent or home_page()
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        return page

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        # After the post-generation hooks (authors), so the revision holds them.
        if create:
            record_live_revision(instance)


class HomePageFactory(factory.django.DjangoModelFactory):
    """The site's single home page (created by migration; this returns it)."""

    class Meta:
        model = HomePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return home_page()


__all__ = ["HomePageFactory", "ImageFactory", "PageFactory", "home_page"]
