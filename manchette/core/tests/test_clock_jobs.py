"""A clock job that fails logs the failure and returns: the clock keeps ticking."""

import logging

import pytest
from django.core.management import call_command

from manchette.core.management.clock import ClockJobCommand

pytestmark = pytest.mark.django_db


class Failing(ClockJobCommand):
    logger = "manchette.test"

    def job(self):
        raise RuntimeError("SMTP en panne")


def test_a_failing_clock_job_is_logged_not_raised(caplog):
    with caplog.at_level(logging.ERROR, logger="manchette.test"):
        call_command(Failing())
    assert "failed" in caplog.text and "SMTP en panne" in caplog.text


def test_a_clock_job_says_what_it_did_when_asked(capsys):
    call_command("send_topic_digests", verbosity=2)
    assert "0 résumé(s) envoyé(s)" in capsys.readouterr().out
