from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from manchette.core import media
from manchette.core import views as core_views
from manchette.core.ratelimit import ratelimit
from manchette.news import feeds, sitemaps

# French, and never an error themselves (core/errors.py).
handler400 = "manchette.core.errors.bad_request"
handler403 = "manchette.core.errors.permission_denied"
handler404 = "manchette.core.errors.page_not_found"
handler500 = "manchette.core.errors.server_error"

urlpatterns = [
    # Wagtail's sign-in and password reset, rate limited (same paths, matched first).
    path("admin/", include("manchette.accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Every document an attachment, sandboxed (core/media.py); Wagtail's view underneath.
    re_path(r"^documents/(\d+)/(.*)$", media.serve_document, name="wagtaildocs_serve"),
    path(
        "documents/authenticate_with_password/<id:restriction_id>/",
        ratelimit("document-password", "10/m")(media.authenticate_with_password),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", include("manchette.search.urls")),
    path("sujets/", include("manchette.topics.urls")),
    path("reactions/", include("manchette.reactions.urls")),
    path("commentaires/", include("manchette.comments.urls")),
    path("newsletter/", include("manchette.newsletter.urls")),
    path("compte/donnees/", include("manchette.privacy.urls")),
    path("compte/", include("manchette.accounts.urls")),
    path("flux/", feeds.LatestArticlesFeed(), name="feed"),
    path("flux/atom/", feeds.LatestArticlesAtomFeed(), name="feed-atom"),
    path("flux/<slug:slug>/", feeds.LatestArticlesFeed(), name="section-feed"),
    path("flux/<slug:slug>/atom/", feeds.LatestArticlesAtomFeed(), name="section-feed-atom"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<int:number>.xml", sitemaps.sitemap, name="sitemap-file"),
    path("sitemap-news.xml", sitemaps.news_sitemap, name="news-sitemap"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]

if settings.SERVE_MEDIA:
    # Media files from var/media for the embedded set-up; nginx serves them in production.
    urlpatterns.append(
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            media.serve_media,
        )
    )

urlpatterns += [
    # The password form of a private page posts here; the catch-all route below would take
    # it. Limited: each attempt is a guess at the page's password.
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        ratelimit("page-password", "10/m")(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's page serving, with a faster route to the page (see core/views.py).
    re_path(r"^((?:[\w\-]+/)*)$", core_views.serve, name="manchette_serve"),
    path("", include(wagtail_urls)),
]
