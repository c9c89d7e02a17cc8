import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "manchette.settings.production")
django_application = get_wsgi_application()

from manchette.core.caching.pages import PageCacheWSGI  # noqa: E402 (needs the settings loaded)

# Page-cache hits are answered before Django's request handling starts.
application = PageCacheWSGI(django_application)
