"""Hostile requests on every public URL pattern of the site: ids past the database's integers,
negative and unicode values, long names, query strings, and bodies in any encoding, content
type and length, by GET and by POST. Never a 5xx; a 4xx says what went wrong in French.

The patterns are read from the URL resolver, so a new endpoint is covered the day it is added.
Hypothesis runs with a fixed seed (`derandomize`) and a bounded number of examples per pattern.
"""

import json
import re
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.e2e.content import newsroom

ADMIN_PUBLIC = re.compile(r"login|password_reset")
HUGE_IDS = [
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551616",
    "1" + "0" * 40,
]
CSRF = "k" * 32


# --------------------------------------------------------------------------- the URL patterns


def _regex_template(regex):
    """`^documents/(\\d+)/(.*)$` as `documents/{int}/{str}`: each top-level group becomes a
    placeholder named by what it matches."""
    regex = regex.removeprefix("^").removesuffix("$")
    out, i = [], 0
    while i < len(regex):
        char = regex[i]
        if char == "\\":
            out.append(regex[i + 1])
            i += 2
        elif char == "(":
            depth, j = 1, i + 1
            while depth:
                depth += {"(": 1, ")": -1}.get(regex[j], 0)
                j += 1 + (regex[j] == "\\")
            out.append("{int}" if regex[i:j] == r"(\d+)" else "{path}")
            i = j
        else:
            if char in "[]*+?.|":
                return None  # not read here: public_templates() says whether it matters
            out.append(char)
            i += 1
    return "".join(out)


def _template(pattern):
    if isinstance(pattern, RoutePattern):
        return re.sub(r"<(?:(\w+):)?\w+>", lambda m: "{%s}" % (m[1] or "str"), str(pattern))
    assert isinstance(pattern, RegexPattern), pattern
    return _regex_template(pattern._regex)


def _walk(patterns, prefix=""):
    for pattern in patterns:
        template = _template(pattern.pattern)
        template = None if template is None or prefix is None else prefix + template
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, template)
        else:
            yield template, pattern.name or ""


def public_templates():
    """Every URL pattern a reader can reach (the admin's, but for signing in, need a session)."""
    found = []
    for template, name in _walk(get_resolver().url_patterns):
        admin = template is None or template.startswith("admin/")
        if admin and not ADMIN_PUBLIC.search(name):
            continue
        assert template is not None, f"a public pattern this test cannot fill: {name}"
        if "/" + template not in found:
            found.append("/" + template)
    return found


TEMPLATES = public_templates()


def test_the_walk_finds_every_kind_of_endpoint():
    for expected in (
        "/reactions/{id}/reagir/",
        "/commentaires/{id}/modifier/",
        "/newsletter/inscription/",
        "/documents/{int}/{path}",
        "/media/{path}",
        "/{path}",
        "/admin/login/",
    ):
        assert expected in TEMPLATES


# --------------------------------------------------------------------------- what is sent

KNOWN = ["article", "other_article", "comment", "section", "topic", "author"]


def real(room, name):
    obj = getattr(room, name)
    return str(obj.pk)


integers = st.one_of(
    st.sampled_from(KNOWN).map(lambda name: ("real", name)),
    st.sampled_from([*HUGE_IDS, "0", "-1", "٣", "¹", "1e3", ""]).map(lambda v: ("raw", v)),
    st.integers(min_value=-(2**80), max_value=2**80).map(lambda v: ("raw", str(v))),
)
texts = st.one_of(
    st.sampled_from(KNOWN).map(lambda name: ("slug", name)),
    st.sampled_from(
        [
            "a" * 300 + ".jpg",
            "é" * 200 + ".png",
            "../../etc/passwd",
            "documents/x.pdf",
            "x.svg",
            "",
            "\x00",
        ]
    ).map(lambda v: ("raw", v)),
    st.text(max_size=300).map(lambda v: ("raw", v)),
    integers,
)
VALUES = {"id": integers, "int": integers, "slug": texts, "str": texts, "path": texts}

FIELDS = [
    "email",
    "lists",
    "choose_lists",
    "article",
    "parent",
    "body",
    "name",
    "notify",
    "value",
    "reason",
    "kind",
    "username",
    "password",
    "q",
    "page",
    "avant",
    "tri",
    "depuis",
    "source",
    "topic",
    "next",
]
field_values = st.one_of(
    st.text(max_size=200),
    st.sampled_from(HUGE_IDS + ["-1", "0", "1", "up", "abuse", "a@b.fr", "é" * 300]),
)
fields = st.lists(st.tuples(st.sampled_from(FIELDS), field_values), max_size=8)
CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=utf-16",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=pas-un-codage",
    "multipart/form-data",
    "multipart/form-data; boundary=",
    "multipart/form-data; boundary=frontière",
    "multipart/form-data; boundary=X",
    "application/json",
    "text/plain; charset=utf-32",
    "",
]
bodies = st.one_of(
    st.tuples(fields, st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-32"])).map(
        lambda pair: urlencode(pair[0]).encode(pair[1], "replace")
    ),
    st.binary(max_size=2000),
    st.integers(min_value=0, max_value=12000).map(lambda n: b"a=" + b"x" * n),
    st.just(b'--X\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--X--\r\n'),
)


@pytest.fixture(scope="module")
def room(django_db_setup, django_db_blocker):
    """The newsroom, built once for the module and rolled back after it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield newsroom()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def fill(template, room, values):
    chosen = iter(values)

    def value(match):
        how, what = next(chosen)
        if how == "real":
            return real(room, what)
        if how == "slug":
            obj = getattr(room, what)
            return getattr(obj, "slug", str(obj.pk))
        safe = "/" if match[1] == "path" else ""
        return quote(what, safe=safe)

    return re.sub(r"\{(\w+)\}", value, template)


def speaks_french(response):
    """A French message: a page of the site (`lang="fr"`) or a JSON error of its endpoints."""
    content = response.content.decode("utf-8", "replace")
    if response.get("Content-Type", "").startswith("application/json"):
        return bool(json.loads(content).get("error"))
    return 'lang="fr"' in content


def assert_answered(response, what):
    assert response.status_code < 500, (what, response.status_code, response.content[:500])
    if 400 <= response.status_code < 500:
        assert speaks_french(response), (what, response.status_code, response.content[:500])


def send(template, room, values, query, method, body, content_type, with_csrf):
    """One request; the cache is emptied first, so no rate limit stops the next one."""
    cache.clear()
    url = fill(template, room, values)
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    headers = {}
    if with_csrf:
        client.cookies["csrftoken"] = CSRF
        headers["HTTP_X_CSRFTOKEN"] = CSRF
    if method == "GET":
        response = client.get(url + ("?" + urlencode(query) if query else ""), **headers)
    else:
        response = client.generic("POST", url, body, content_type=content_type, **headers)
    assert_answered(response, (method, url, content_type, body[:200]))


@pytest.fixture
def small_bodies(settings):
    """Bodies past the size and field limits without sending megabytes."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20


# --------------------------------------------------------------------------- the tests


@pytest.mark.django_db
@pytest.mark.usefixtures("small_bodies")
@pytest.mark.parametrize("template", TEMPLATES)
def test_known_hostile_requests_get_no_5xx(room, template):
    """The cases the reliability run found, on every pattern: huge ids, long names, a UTF-16
    form, a multipart body without a boundary."""
    count = template.count("{")
    for raw in [HUGE_IDS[1], "a" * 300 + ".jpg", "-1", "٣"]:
        values = [("raw", raw)] * count
        send(template, room, values, [], "GET", b"", "", False)
        body = b"choose_lists=1&lists=" + raw.encode()
        send(template, room, values, [], "POST", body, "application/x-www-form-urlencoded", True)
    values = [("real", "article")] * count
    for content_type, body in (
        ("application/x-www-form-urlencoded; charset=utf-16", "a=b".encode("utf-16")),
        ("multipart/form-data", b"--X\r\n"),
    ):
        send(template, room, values, [], "POST", body, content_type, True)


@pytest.mark.django_db
@pytest.mark.usefixtures("small_bodies")
@pytest.mark.parametrize("template", TEMPLATES)
@hypothesis_settings(
    max_examples=4,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def test_generated_requests_get_no_5xx(room, template, data):
    values = [data.draw(VALUES[kind], label=kind) for kind in re.findall(r"\{(\w+)\}", template)]
    method = data.draw(st.sampled_from(["GET", "POST"]), label="method")
    query = data.draw(fields, label="query") if method == "GET" else []
    body = data.draw(bodies, label="body") if method == "POST" else b""
    content_type = data.draw(st.sampled_from(CONTENT_TYPES), label="content type")
    with_csrf = data.draw(st.booleans(), label="csrf")
    send(template, room, values, query, method, body, content_type, with_csrf)
