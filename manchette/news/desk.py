"""The desk on the admin's home page: a new article in a chosen rubrique in one click, the
signed-in user's drafts, what waits for review (relecture), what is scheduled, what was
published today. Six queries, whatever the number of articles."""

from datetime import datetime, time

from django.db.models import CharField, Exists, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Revision, WorkflowState, get_default_page_content_type

from manchette.news.models import ArticlePage, SectionPage

DESK_LIST_LENGTH = 10


def _pk_as_text():
    return Cast(OuterRef("pk"), output_field=CharField())


def desk_articles():
    """Articles annotated with whether they wait for review and when they are scheduled."""
    in_review = WorkflowState.objects.active().filter(
        base_content_type=get_default_page_content_type(), object_id=_pk_as_text()
    )
    scheduled = Revision.page_revisions.filter(
        approved_go_live_at__isnull=False, object_id=_pk_as_text()
    ).order_by("approved_go_live_at")
    return (
        ArticlePage.objects.select_related("section", "owner")
        .annotate(in_review=Exists(in_review))
        .annotate(scheduled_at=Subquery(scheduled.values("approved_go_live_at")[:1]))
    )


def desk_lists(user, now=None):
    """The four lists of the desk, each at most DESK_LIST_LENGTH long, in four queries."""
    now = now or timezone.now()
    midnight = timezone.make_aware(datetime.combine(timezone.localdate(now), time.min))
    articles = desk_articles()
    return {
        "drafts": list(
            articles.filter(
                owner=user, live=False, in_review=False, scheduled_at__isnull=True
            ).order_by("-latest_revision_created_at", "-pk")[:DESK_LIST_LENGTH]
        ),
        "in_review": list(
            articles.filter(in_review=True).order_by("-latest_revision_created_at", "-pk")[
                :DESK_LIST_LENGTH
            ]
        ),
        "scheduled": list(
            articles.filter(scheduled_at__isnull=False).order_by("scheduled_at", "pk")[
                :DESK_LIST_LENGTH
            ]
        ),
        "published_today": list(
            articles.filter(live=True, first_published_at__gte=midnight).order_by(
                "-first_published_at", "-pk"
            )[:DESK_LIST_LENGTH]
        ),
    }


def new_article_links(user):
    """One link per rubrique where the user may write: the create form of an article there."""
    sections = SectionPage.objects.order_by("menu_order", "title")
    return [
        {
            "section": section,
            "url": reverse("wagtailadmin_pages:add", args=["news", "articlepage", section.pk]),
        }
        for section in sections
        if section.permissions_for_user(user).can_add_subpage()
    ]


class DeskPanel(Component):
    name = "desk"
    template_name = "news/admin/desk_panel.html"
    order = 50  # above Wagtail's own panels

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {"new_article_links": new_article_links(user), **desk_lists(user)}
