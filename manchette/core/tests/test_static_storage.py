"""Static file URLs of the production storage: the manifest's, worked out once."""

import json

import pytest

from manchette.core.storage import StaticStorage


@pytest.fixture
def storage(tmp_path):
    manifest = {"paths": {"css/a.css": "css/a.0123abcd.css"}, "version": "1.1", "hash": "x"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    return StaticStorage(location=str(tmp_path), base_url="/static/")


def test_urls_are_the_manifest_s_and_are_worked_out_once(storage, monkeypatch):
    assert storage.url("css/a.css") == "/static/css/a.0123abcd.css"
    monkeypatch.setattr(storage, "hashed_files", {})  # the manifest is no longer consulted
    assert storage.url("css/a.css") == "/static/css/a.0123abcd.css"


def test_a_file_missing_from_the_manifest_is_still_an_error(storage):
    with pytest.raises(ValueError):
        storage.url("css/absent.css")
    with pytest.raises(ValueError):
        storage.url("css/absent.css")  # errors are not remembered as URLs
