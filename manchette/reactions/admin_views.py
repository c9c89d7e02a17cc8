"""Editors' views: one article's reactions (bars), and the week's most-reacted articles."""

from datetime import timedelta

from django import forms
from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from manchette.news.models import ArticlePage, SectionPage
from manchette.reactions.models import ArticleReactionCount, Reaction, ReactionKind
from manchette.reactions.services import percentages

REPORT_PERMISSION = "reactions.view_reaction"
WEEK = timedelta(days=7)
TOP_PER_KIND = 10
CHART_ROW, CHART_BAR = 28, 320  # the overview chart: row height and longest bar, in SVG units


def can_see_reports(user):
    return user.is_active and (user.is_superuser or user.has_perm(REPORT_PERMISSION))


class ReportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_see_reports(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class WeeklyFilterForm(forms.Form):
    kind = forms.ModelChoiceField(
        label=_("Réaction"),
        queryset=ReactionKind.objects.order_by("sort_order", "pk"),
        required=False,
        empty_label=_("Toutes les réactions"),
        to_field_name="slug",
    )
    section = forms.ModelChoiceField(
        label=_("Rubrique"),
        queryset=SectionPage.objects.order_by("menu_order", "title"),
        required=False,
        empty_label=_("Toutes les rubriques"),
    )


def with_bars(rows, key="total"):
    """Adds `width` (percent of the largest value) to each row, for the CSS and SVG bars."""
    largest = max((row[key] for row in rows), default=0)
    for row in rows:
        row["width"] = round(row[key] * 100 / largest, 1) if largest else 0
    return rows


class WeeklyReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The most-reacted articles of the last seven days, per reaction, filterable per section."""

    template_name = "reactions/admin/weekly_report.html"
    page_title = _("Réactions de la semaine")
    header_icon = "pick"
    _breadcrumbs = [{"url": reverse_lazy("wagtailadmin_home"), "label": _("Tableau de bord")}]

    def get_breadcrumbs_items(self):
        return [*self._breadcrumbs, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = WeeklyFilterForm(self.request.GET or None)
        kind = section = None
        if form.is_valid():
            kind, section = form.cleaned_data["kind"], form.cleaned_data["section"]
        since = timezone.now() - WEEK
        week = Reaction.objects.since(since).filter(article__live=True)
        if section is not None:
            week = week.filter(article__section=section)

        kinds = [kind] if kind else list(ReactionKind.objects.order_by("sort_order", "pk"))
        per_kind = dict(week.values("kind_id").annotate(n=Count("pk")).values_list("kind_id", "n"))
        overview = with_bars(
            [
                {"kind": k, "total": per_kind.get(k.pk, 0)}
                for k in ReactionKind.objects.order_by("sort_order", "pk")
            ]
        )
        for i, row in enumerate(overview):
            row["y"] = i * CHART_ROW
            row["bar"] = round(row["width"] * CHART_BAR / 100, 1)
        blocks = []
        for k in kinds:
            rows = Reaction.objects.most_reacted(
                since=since, kind=k, section=section, limit=TOP_PER_KIND
            )
            for row in rows:
                row["edit_url"] = reverse("wagtailadmin_pages:edit", args=[row["article_id"]])
                row["report_url"] = reverse("reactions_admin:article", args=[row["article_id"]])
            blocks.append({"kind": k, "rows": with_bars(rows)})
        context.update(
            form=form,
            since=since,
            selected_kind=kind,
            selected_section=section,
            overview=overview,
            overview_total=sum(row["total"] for row in overview),
            chart_height=len(overview) * CHART_ROW,
            blocks=blocks,
        )
        return context


class ArticleReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """One article's reactions as bars: all time (the counters) and the last seven days."""

    template_name = "reactions/admin/article_report.html"
    header_icon = "pick"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.article = get_object_or_404(ArticlePage, pk=kwargs["article_id"])

    def get_page_title(self):
        return _("Réactions à l’article")

    def get_page_subtitle(self):
        return self.article.title

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse_lazy("wagtailadmin_home"), "label": _("Tableau de bord")},
            {"url": reverse("reactions_admin:weekly"), "label": _("Réactions de la semaine")},
            {"url": "", "label": self.article.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict(
            ArticleReactionCount.objects.filter(article=self.article).values_list(
                "kind_id", "count"
            )
        )
        week = dict(
            Reaction.objects.since(timezone.now() - WEEK)
            .filter(article=self.article)
            .values("kind_id")
            .annotate(n=Count("pk"))
            .values_list("kind_id", "n")
        )
        kinds = [
            k
            for k in ReactionKind.objects.order_by("sort_order", "pk")
            if k.active or counts.get(k.pk)
        ]
        values = [counts.get(k.pk, 0) for k in kinds]
        rows = with_bars(
            [
                {"kind": k, "total": v, "percent": p, "week": week.get(k.pk, 0)}
                for k, v, p in zip(kinds, values, percentages(values), strict=True)
            ]
        )
        context.update(
            article=self.article,
            rows=rows,
            total=sum(values),
            week_total=sum(week.values()),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.article.pk]),
        )
        return context
