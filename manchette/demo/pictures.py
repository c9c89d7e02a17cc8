"""Generated illustrations: the demo ships no photograph, so it owes no one any rights."""

import colorsys
import io
import random

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image


def generated_picture(seed, width=1200, height=675):
    """A calm gradient with a few shapes, always the same for the same seed."""
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


def create_picture(title):
    """A Wagtail image titled `title`, drawn from the title."""
    name = f"illustration-{slugify(title)[:60] or 'demo'}.jpg"
    return Image.objects.create(title=title, file=ImageFile(generated_picture(title), name=name))
