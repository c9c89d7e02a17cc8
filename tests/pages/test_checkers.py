"""A checker that cannot be installed or run skips a developer's test and fails CI's."""

import pytest

from tests import checkers


@pytest.fixture
def no_npm(monkeypatch, tmp_path):
    monkeypatch.setattr(checkers, "CACHE", tmp_path)
    monkeypatch.setattr(checkers.shutil, "which", lambda name: None)


def test_missing_checker_fails_in_ci(no_npm, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="fails the run in CI"):
        checkers.vnu_command()
    with pytest.raises(pytest.fail.Exception, match="npm is needed"):
        checkers.axe_source()


def test_missing_checker_skips_elsewhere(no_npm, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        checkers.axe_source()


def test_an_installed_checker_is_found_without_npm(monkeypatch, tmp_path):
    installed = tmp_path / "axe-core-4.14.1" / "node_modules" / "axe-core" / "axe.min.js"
    installed.parent.mkdir(parents=True)
    installed.write_text("/* axe */")
    monkeypatch.setattr(checkers, "CACHE", tmp_path)
    monkeypatch.setattr(checkers.shutil, "which", lambda name: None)
    assert checkers.axe_source() == "/* axe */"
