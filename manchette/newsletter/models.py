"""Newsletter lists, subscribers with their proof of consent, issues and their deliveries."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.models import Orderable, PreviewableMixin


class ListKind(models.TextChoices):
    DAILY = "daily", _("Quotidienne")
    WEEKLY = "weekly", _("Hebdomadaire")
    ALERTS = "alerts", _("Alertes")
    CUSTOM = "custom", _("Personnalisée")


WEEKDAYS = [
    (0, _("lundi")),
    (1, _("mardi")),
    (2, _("mercredi")),
    (3, _("jeudi")),
    (4, _("vendredi")),
    (5, _("samedi")),
    (6, _("dimanche")),
]


class NewsletterListQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True).order_by("position", "name")


class NewsletterList(models.Model):
    """A list readers subscribe to: the morning letter, the weekly one, alerts, a section's."""

    name = models.CharField(_("nom"), max_length=120)
    slug = models.SlugField(_("identifiant"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("type"), max_length=10, choices=ListKind.choices, default=ListKind.CUSTOM
    )
    send_time = models.TimeField(
        _("heure d’envoi automatique"),
        null=True,
        blank=True,
        help_text=_(
            "Pour une lettre quotidienne ou hebdomadaire : l’heure à laquelle elle est composée "
            "automatiquement avec les articles récents et envoyée. Vide : pas d’envoi automatique."
        ),
    )
    send_weekday = models.PositiveSmallIntegerField(
        _("jour d’envoi (lettre hebdomadaire)"), choices=WEEKDAYS, default=0
    )
    section = models.ForeignKey(
        "news.SectionPage",
        verbose_name=_("rubrique"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultatif : la lettre automatique ne reprend que cette rubrique."),
    )
    offered_by_default = models.BooleanField(
        _("cochée par défaut"),
        default=False,
        help_text=_("L’encadré « Newsletter » des pages inscrit à cette liste."),
    )
    active = models.BooleanField(_("active"), default=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    last_auto_issue_on = models.DateField(editable=False, null=True, blank=True)

    objects = NewsletterListQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("send_time"), FieldPanel("send_weekday")]),
        PageChooserPanel("section", ["news.SectionPage"]),
        FieldRowPanel([FieldPanel("offered_by_default"), FieldPanel("active")]),
        FieldPanel("position"),
    ]

    class Meta:
        verbose_name = _("liste de diffusion")
        verbose_name_plural = _("listes de diffusion")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("En attente de confirmation")
    ACTIVE = "active", _("Actif")
    UNSUBSCRIBED = "unsubscribed", _("Désinscrit")
    BOUNCING = "bouncing", _("Adresse en échec")


def normalise_email(email):
    """One spelling per address: trimmed and lower-cased (providers ignore case)."""
    return (email or "").strip().lower()


class Subscriber(models.Model):
    email = models.EmailField(_("adresse e-mail"), max_length=254, unique=True)
    status = models.CharField(
        _("statut"),
        max_length=15,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    bounce_count = models.PositiveSmallIntegerField(_("échecs définitifs"), default=0)
    created_at = models.DateTimeField(_("inscrit le"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonné")
        verbose_name_plural = _("abonnés")
        ordering = ["-created_at"]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        return super().save(*args, **kwargs)


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("En attente de confirmation")
    ACTIVE = "active", _("Active")
    UNSUBSCRIBED = "unsubscribed", _("Désinscrite")


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter_list = models.ForeignKey(
        NewsletterList,
        verbose_name=_("liste"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    status = models.CharField(
        _("statut"),
        max_length=15,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter_list"], name="newsletter_one_subscription"
            )
        ]
        indexes = [models.Index(fields=["newsletter_list", "status", "subscriber"])]

    def __str__(self):
        return f"{self.subscriber} → {self.newsletter_list}"


class ConsentRecord(models.Model):
    """Proof of consent (CNIL): when, from which form, the exact text, a hash of the address."""

    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("abonné"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    lists = models.ManyToManyField(NewsletterList, verbose_name=_("listes"), related_name="+")
    source = models.CharField(_("formulaire"), max_length=40)
    text = models.TextField(_("texte accepté"))
    ip_hash = models.CharField(_("empreinte de l’adresse IP"), max_length=64)
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    confirmed_ip_hash = models.CharField(
        _("empreinte de l’adresse IP à la confirmation"), max_length=64, blank=True
    )

    class Meta:
        verbose_name = _("preuve de consentement")
        verbose_name_plural = _("preuves de consentement")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subscriber} — {self.created_at:%Y-%m-%d %H:%M}"


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SCHEDULED = "scheduled", _("Programmée")
    QUEUED = "queued", _("Envoi demandé")
    SENDING = "sending", _("Envoi en cours")
    SENT = "sent", _("Envoyée")


class NewsletterIssueQuerySet(models.QuerySet):
    def due(self, now=None):
        now = now or timezone.now()
        return self.filter(status=IssueStatus.SCHEDULED, scheduled_at__lte=now)

    def unfinished(self):
        return self.filter(status__in=[IssueStatus.QUEUED, IssueStatus.SENDING])


class NewsletterIssue(PreviewableMixin, ClusterableModel):
    """One sending of a list: a subject, an introduction and chosen articles."""

    newsletter_list = models.ForeignKey(
        NewsletterList,
        verbose_name=_("liste"),
        on_delete=models.PROTECT,
        related_name="issues",
    )
    subject = models.CharField(_("objet"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=IssueStatus.choices,
        default=IssueStatus.DRAFT,
        editable=False,
    )
    scheduled_at = models.DateTimeField(
        _("envoi programmé le"),
        null=True,
        blank=True,
        help_text=_("Pour programmer l’envoi : choisissez la date, puis « Programmer l’envoi »."),
    )
    flash = models.OneToOneField(
        "news.Flash",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="newsletter_issue",
    )
    automatic = models.BooleanField(default=False, editable=False)
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, editable=False)
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("envoyée le"), null=True, blank=True, editable=False)
    sent_count = models.PositiveIntegerField(_("envoyés"), default=0, editable=False)
    failed_count = models.PositiveIntegerField(_("échecs"), default=0, editable=False)
    unsubscribed_count = models.PositiveIntegerField(
        _("désinscriptions"), default=0, editable=False
    )

    objects = NewsletterIssueQuerySet.as_manager()

    panels = [
        FieldPanel("newsletter_list"),
        FieldPanel("subject"),
        FieldPanel("intro"),
        InlinePanel("items", heading=_("Articles"), label=_("Article")),
        MultiFieldPanel([FieldPanel("scheduled_at")], heading=_("Programmation")),
    ]

    class Meta:
        verbose_name = _("lettre")
        verbose_name_plural = _("lettres")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    @property
    def editable(self):
        return self.status in (IssueStatus.DRAFT, IssueStatus.SCHEDULED)

    # Preview in the admin: the email as subscribers will see it.
    def get_preview_template(self, request, mode_name):
        return "emails/newsletter_issue.html"

    def get_preview_context(self, request, mode_name):
        from manchette.newsletter.content import issue_context

        return issue_context(self, preview=True)


class NewsletterIssueItem(Orderable):
    issue = ParentalKey(NewsletterIssue, on_delete=models.CASCADE, related_name="items")
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("article", ["news.ArticlePage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("article de la lettre")


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    SENDING = "sending", _("En cours")
    SENT = "sent", _("Envoyé")
    FAILED = "failed", _("Échec")
    SKIPPED = "skipped", _("Annulé (désinscrit entre-temps)")


class Delivery(models.Model):
    """One (issue, subscriber) email: its state makes sending resumable and exactly-once."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField(
        max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=120, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("envoi")
        verbose_name_plural = _("envois")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_one_delivery")
        ]
        indexes = [models.Index(fields=["issue", "state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.issue_id} → {self.subscriber_id} ({self.state})"


def _consent_history(subscriber):
    from django.utils.html import format_html, format_html_join

    records = subscriber.consents.prefetch_related("lists").order_by("-created_at")
    rows = format_html_join(
        "",
        "<li><strong>{}</strong> — {} ({})<br>« {} »<br>{} · {}</li>",
        (
            (
                timezone.localtime(c.created_at).strftime("%d/%m/%Y %H:%M"),
                c.source,
                ", ".join(lst.name for lst in c.lists.all()),
                c.text,
                _("confirmé le %(date)s")
                % {"date": timezone.localtime(c.confirmed_at).strftime("%d/%m/%Y %H:%M")}
                if c.confirmed_at
                else _("non confirmé"),
                _("empreinte IP %(hash)s") % {"hash": c.ip_hash[:12]},
            )
            for c in records
        ),
    )
    return format_html("<ul>{}</ul>", rows) if rows else "-"


def _subscriber_consent_history(self):
    return _consent_history(self)


_subscriber_consent_history.short_description = _("preuves de consentement")
Subscriber.consent_history = _subscriber_consent_history
Subscriber.get_consent_history_display = _subscriber_consent_history
