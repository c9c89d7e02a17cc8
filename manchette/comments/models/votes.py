"""Readers' votes and reports on a comment (the rules are in `comments.votes`)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from manchette.accounts.readers import CappedByNetwork, network_cap_constraints

from .comment import Comment


class VoteValue(models.IntegerChoices):
    UP = 1, _("Pour")
    DOWN = -1, _("Contre")


class CommentVote(CappedByNetwork):
    """One reader's vote; an anonymous reader's also takes one of its network's few slots."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="votes")
    # "u:<user id>" for a signed-in reader, "v:<token of the reader cookie>" otherwise.
    voter = models.CharField(max_length=64)
    value = models.SmallIntegerField(choices=VoteValue.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        constraints = [
            models.UniqueConstraint(fields=["comment", "voter"], name="one_vote_per_reader"),
            *network_cap_constraints("comment", "comment_vote"),
        ]

    def __str__(self):
        return f"{self.voter} {self.value:+d}"


class ReportReason(models.TextChoices):
    ABUSE = "abuse", _("Insulte ou harcèlement")
    HATE = "hate", _("Propos haineux ou discriminatoires")
    SPAM = "spam", _("Publicité ou spam")
    FALSE = "false", _("Fausse information")
    OFF_TOPIC = "off_topic", _("Hors sujet")
    OTHER = "other", _("Autre")


class ReportWeight(models.IntegerChoices):
    """What a report adds toward the threshold that sends a comment back to moderation."""

    SETTLED = 0, _("sans poids (déjà compté pour ce réseau, ou tranché par la modération)")
    ANONYMOUS = 1, _("lecteur anonyme")
    ACCOUNT = 2, _("lecteur connecté")


class CommentReport(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    # The reader's identity, as for votes ("u:<user id>" or "v:<token>").
    reporter = models.CharField(max_length=64)
    # An anonymous reporter's hashed network bucket (empty for an account).
    network = models.CharField(max_length=32, blank=True, default="", editable=False)
    weight = models.PositiveSmallIntegerField(
        _("poids"), choices=ReportWeight.choices, default=ReportWeight.ANONYMOUS
    )
    reason = models.CharField(_("motif"), max_length=12, choices=ReportReason.choices)
    detail = models.CharField(_("précisions"), max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader"),
            # Anonymous reports from one network count once: cookies cost nothing to drop.
            models.UniqueConstraint(
                fields=["comment", "network"],
                condition=Q(weight=ReportWeight.ANONYMOUS) & ~Q(network=""),
                name="one_counted_anonymous_report_per_network",
            ),
        ]

    def __str__(self):
        return self.get_reason_display()
