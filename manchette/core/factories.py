"""Factories shared by the tests and the demo content (`manage.py seed_demo`)."""

import colorsys
import io
import random

import factory
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from manchette.core.models import HomePage


def home_page():
    """The site's home page; recreated with the site skeleton when a test flushed it."""
    from django.apps import apps

    from manchette.core.site_structure import create_home_page

    return HomePage.objects.first() or HomePage.objects.get(pk=create_home_page(apps).pk)


def generated_picture(seed, width=1200, height=675):
    """A shipped-nowhere, generated illustration: a calm gradient with a few shapes."""
    rng = random.Random(seed)
    hue = rng.random()
    top = tuple(int(c * 255) for c in colorsys.hsv_to_rgb(hue, 0.55, 0.75))
    bottom = tuple(int(c * 255) for c in colorsys.hsv_to_rgb((hue + 0.08) % 1, 0.7, 0.35))
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    for _ in range(6):
        x, y, r = rng.randint(0, width), rng.randint(0, height), rng.randint(40, 260)
        shade = tuple(min(255, c + 40) for c in top)
        draw.ellipse([x - r, y - r, x + r, y + r], outline=shade, width=rng.randint(2, 10))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    return buffer


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
        # A revision like the editor's, so the admin opens the page as it is live.
        if create:
            revision = instance.save_revision(clean=False)
            if instance.live:
                type(instance).objects.filter(pk=instance.pk).update(
                    live_revision=revision, has_unpublished_changes=False
                )
                instance.live_revision = revision
                instance.has_unpublished_changes = False


class HomePageFactory(factory.django.DjangoModelFactory):
    """The site's single home page (created by migration; this returns it)."""

    class Meta:
        model = HomePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return home_page()
