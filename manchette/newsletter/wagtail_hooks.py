"""Newsletter in the Wagtail admin: issues (compose, preview, test, send, schedule), lists,
subscribers and the proofs of consent (read-only, for CNIL audits)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from manchette.newsletter import scheduling
from manchette.newsletter.models import (
    ConsentRecord,
    NewsletterIssue,
    NewsletterList,
    Subscriber,
)


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Proofs of consent are evidence: nobody edits or deletes them from the admin."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class IssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Lettres")
    url_prefix = "newsletter/lettres"
    list_display = [
        "subject",
        "newsletter_list",
        "status",
        "scheduled_at",
        "sent_at",
        "sent_count",
        "failed_count",
        "unsubscribed_count",
    ]
    list_filter = ["status", "newsletter_list"]
    search_fields = ["subject"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "subject",
        "newsletter_list",
        "status",
        "scheduled_at",
        "sending_started_at",
        "sent_at",
        "sent_count",
        "failed_count",
        "unsubscribed_count",
    ]


class ListViewSet(SnippetViewSet):
    model = NewsletterList
    icon = "list-ul"
    menu_label = _("Listes")
    url_prefix = "newsletter/listes"
    list_display = ["name", "kind", "send_time", "offered_by_default", "active"]


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Abonnés")
    url_prefix = "newsletter/abonnes"
    list_display = ["email", "status", "bounce_count", "created_at", "confirmed_at"]
    list_filter = ["status"]
    search_fields = ["email"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "status",
        "bounce_count",
        "created_at",
        "confirmed_at",
        "consent_history",
    ]


class ConsentViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "doc-full"
    menu_label = _("Consentements")
    url_prefix = "newsletter/consentements"
    list_display = ["subscriber", "source", "created_at", "confirmed_at", "ip_hash"]
    search_fields = ["subscriber__email"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "subscriber",
        "lists",
        "source",
        "text",
        "created_at",
        "ip_hash",
        "confirmed_at",
        "confirmed_ip_hash",
    ]


class NewsletterGroup(SnippetViewSetGroup):
    menu_label = _("Newsletter")
    menu_icon = "mail"
    menu_order = 250
    items = (IssueViewSet, ListViewSet, SubscriberViewSet, ConsentViewSet)


register_permission_policy(ConsentRecord, ReadOnlyPolicy(ConsentRecord))
register_snippet(NewsletterGroup)


# Actions of the issue editor ------------------------------------------------------------------

ACTION_TEST = "action-newsletter-test"
ACTION_SEND = "action-newsletter-send"
ACTION_SCHEDULE = "action-newsletter-schedule"
ACTION_UNSCHEDULE = "action-newsletter-unschedule"


class IssueAction(ActionMenuItem):
    def __init__(self, name, label, icon_name, order):
        super().__init__(order=order)
        self.name, self.label, self.icon_name = name, label, icon_name

    def is_shown(self, context):
        instance = context.get("instance")
        if context.get("view") != "edit" or instance is None:
            return False
        if self.name == ACTION_UNSCHEDULE:
            return instance.status == "scheduled"
        if self.name == ACTION_TEST:
            return True
        return instance.editable


# The issue editor's extra save buttons, one hook each (a hook call returns one item).
ISSUE_ACTIONS = [
    (ACTION_TEST, _("Enregistrer et m’envoyer un test"), "mail", 10),
    (ACTION_SEND, _("Enregistrer et envoyer maintenant"), "upload", 20),
    (ACTION_SCHEDULE, _("Enregistrer et programmer l’envoi"), "time", 30),
    (ACTION_UNSCHEDULE, _("Annuler la programmation"), "cross", 40),
]


def _issue_action_hook(action):
    def issue_action(model):
        return IssueAction(*action) if model is NewsletterIssue else None

    return issue_action


for _action in ISSUE_ACTIONS:
    hooks.register("register_snippet_action_menu_item", _issue_action_hook(_action))


@hooks.register("after_edit_snippet")
def run_issue_action(request, instance):
    if not isinstance(instance, NewsletterIssue):
        return None
    from django.urls import reverse

    from manchette.newsletter.tasks import send_test_issue

    edit_url = reverse(IssueViewSet().get_url_name("edit"), args=[instance.pk])
    if ACTION_TEST in request.POST:
        if not request.user.email:
            messages.error(request, _("Votre compte n’a pas d’adresse e-mail : test impossible."))
        else:
            send_test_issue.enqueue(instance.pk, request.user.email)
            messages.success(
                request,
                _("Un e-mail de test part vers %(email)s.") % {"email": request.user.email},
            )
        return redirect(edit_url)
    if ACTION_SEND in request.POST:
        if scheduling.send_now(instance):
            messages.success(
                request, _("L’envoi de « %(subject)s » a commencé.") % {"subject": instance.subject}
            )
        else:
            messages.error(request, _("Cette lettre est déjà envoyée ou en cours d’envoi."))
        return None
    if ACTION_SCHEDULE in request.POST:
        if not instance.scheduled_at or instance.scheduled_at <= timezone.now():
            messages.error(
                request, _("Choisissez une date d’envoi à venir, puis programmez de nouveau.")
            )
            return redirect(edit_url)
        scheduling.schedule(instance, instance.scheduled_at)
        messages.success(request, _("Envoi programmé."))
        return None
    if ACTION_UNSCHEDULE in request.POST:
        scheduling.unschedule(instance)
        messages.success(request, _("Programmation annulée : la lettre redevient un brouillon."))
        return redirect(edit_url)
    return None
