"""The moderators' digest: sent by the worker's clock (never on a request) to every moderator
when something waits, at most every COMMENTS_MODERATION_DIGEST_HOURS, and not at all when the
setting is 0."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from manchette.comments.factories import CommentFactory
from manchette.comments.models import HoldReason

pytestmark = pytest.mark.django_db


def test_moderators_get_one_digest_of_what_waits_then_none_before_the_next_turn(
    moderator, smtp_sink, settings
):
    settings.COMMENTS_MODERATION_DIGEST_HOURS = 6
    settings.SITE_URL = "https://www.manchette.example"
    held = CommentFactory(
        pending=True, held_reason=HoldReason.LINKS, author_name="Lina", body="Trois liens ici"
    )
    CommentFactory(report_count=2, author_name="Marc", body="Un avis signalé")
    from manchette.core.management.commands.worker import CLOCK_COMMANDS, run_clock_tick

    assert "send_moderation_digest" in CLOCK_COMMANDS
    assert run_clock_tick()
    assert [m["to"] for m in smtp_sink.messages] == [["modo@example.org"]]
    message = smtp_sink.messages[0]["message"]
    assert message["Subject"].strip() == "Modération : 1 commentaire en attente, 1 signalé"
    text = message.get_body(("plain",)).get_content()
    assert "Bonjour modo," in text
    assert "1 commentaire attend votre relecture." in text and "Trois liens ici" in text
    assert f"https://www.manchette.example/admin/commentaires/{held.pk}/" in text
    assert "1 commentaire a été signalé par des lecteurs." in text and "Marc" in text
    assert "Vous recevez cet e-mail parce que vous modérez" in text

    call_command("send_moderation_digest")
    assert len(smtp_sink.messages) == 1  # the next one is due in six hours
    with time_machine.travel(timezone.now() + timedelta(hours=6, minutes=1), tick=False):
        call_command("send_moderation_digest")
    assert len(smtp_sink.messages) == 2


def test_no_digest_when_switched_off_or_when_nothing_waits(moderator, smtp_sink, settings):
    settings.COMMENTS_MODERATION_DIGEST_HOURS = 6
    call_command("send_moderation_digest")
    settings.COMMENTS_MODERATION_DIGEST_HOURS = 0
    CommentFactory(pending=True, held_reason=HoldReason.LINKS)
    call_command("send_moderation_digest")
    assert smtp_sink.messages == []
