"""Configuration comes from the environment; production settings are secure."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from manchette.settings.base import email_settings

ROOT = Path(__file__).resolve().parents[3]


def test_email_url_smtp_with_credentials():
    conf = email_settings("smtp://user%40site:p%40ss@mail.example.org:2525")
    assert conf["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert (conf["EMAIL_HOST"], conf["EMAIL_PORT"]) == ("mail.example.org", 2525)
    assert (conf["EMAIL_HOST_USER"], conf["EMAIL_HOST_PASSWORD"]) == ("user@site", "p@ss")
    assert not conf["EMAIL_USE_TLS"] and not conf["EMAIL_USE_SSL"]


def test_email_url_variants():
    assert email_settings("smtps://h")["EMAIL_PORT"] == 465
    assert email_settings("submission://h")["EMAIL_USE_TLS"] is True
    assert email_settings("console://")["EMAIL_BACKEND"].endswith("console.EmailBackend")
    file_conf = email_settings("file:///var/tmp/mails")
    assert file_conf["EMAIL_FILE_PATH"] == "/var/tmp/mails"
    with pytest.raises(ImproperlyConfigured):
        email_settings("carrier-pigeon://coop")


def settings_of(module, **env):
    """Loads a settings module in a fresh interpreter with the given environment."""
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'],"
        " 'db': settings.DATABASES['default']['NAME'],"
        " 'cache': settings.CACHES['default']['BACKEND'], 'hosts': settings.ALLOWED_HOSTS,"
        " 'proxies': settings.TRUSTED_PROXIES, 'site': settings.SITE_URL}))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SETTINGS_MODULE": module, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    return result


def test_database_and_cache_follow_environment_variables():
    import json

    default = json.loads(settings_of("manchette.settings.dev").stdout)
    assert default["engine"].endswith("sqlite3") and default["db"].endswith("manchette.sqlite3")
    assert default["cache"].endswith("filecache.FileCache")
    scaled = json.loads(
        settings_of(
            "manchette.settings.dev",
            DATABASE_URL="postgres://u:p@db.internal:5432/journal",
            REDIS_URL="redis://cache.internal:6379/2",
            TRUSTED_PROXIES="10.0.0.0/8, 127.0.0.1",
            SITE_URL="https://journal.example/",
        ).stdout
    )
    assert scaled["engine"].endswith("postgresql") and scaled["db"] == "journal"
    assert scaled["cache"] == "django_redis.cache.RedisCache"
    assert scaled["proxies"] == ["10.0.0.0/8", "127.0.0.1"]
    assert scaled["site"] == "https://journal.example"


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_of("manchette.settings.production", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_check_deploy():
    skip = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(
        DJANGO_SETTINGS_MODULE="manchette.settings.production",
        SECRET_KEY="x" * 20 + "-production-secret-key-for-the-check-0123456789",
        ALLOWED_HOSTS="journal.example",
        SITE_URL="https://journal.example",
        TRUSTED_PROXIES="unix,127.0.0.1,::1",  # the shipped environment's
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
