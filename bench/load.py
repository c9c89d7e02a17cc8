"""Load drivers: comment posting (sequential) and the mixed load test (asyncio, no package).

    python bench/load.py posts BASE_URL ARTICLE_ID COUNT OUT.json
    python bench/load.py mixed BASE_URL PAGES.json READERS SECONDS OUT.json

`posts` posts COUNT guest comments one after the other through HTTP, as the article's
JavaScript does: one GET of the reader-state endpoint (CSRF token, signed form timestamp),
then POSTs with Accept: application/json. Each post comes from its own address
(X-Forwarded-For, believed because the bench trusts 127.0.0.1) and e-mail, as distinct
readers would; only the POSTs are timed.

`mixed` holds READERS concurrent readers for SECONDS: each reads article pages (the three
bench articles, the home and a section page) and now and then reacts (2 %) or posts a
comment (1 %), each with its own cookies and address; each comment comes from a new reader
(address, cookies and e-mail: a connection loops far faster than a person writes). Any status
other than the expected ones, and any connection error or timeout, is an error.
"""

import asyncio
import http.client
import json
import random
import statistics
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

TIMEOUT = 30


def percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def fake_address(n):
    return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255 or 1}"


# --------------------------------------------------------------------------- posts (sync)


def post_comments(base, article_id, count):
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
    conn.request("GET", f"/commentaires/etat/?article={article_id}")
    response = conn.getresponse()
    state = json.loads(response.read())
    cookies = SimpleCookie()
    for header in response.headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    cookie = "; ".join(f"{k}={v.value}" for k, v in cookies.items())
    run = random.randrange(1 << 30)
    timings, statuses, outcomes = [], {}, {}
    started = time.perf_counter()
    for n in range(count):
        body = urlencode(
            {
                "article": article_id,
                "body": f"Commentaire de banc d’essai {run}-{n} : un avis sur l’article, "
                "écrit en quelques phrases, comme un lecteur le ferait.",
                "name": f"Lecteur {n}",
                "email": f"banc-{run}-{n}@example.org",
                "ts": state["ts"],
                "csrfmiddlewaretoken": state["csrf"],
            }
        )
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
            "Cookie": cookie,
            "X-Forwarded-For": fake_address(run + n),
        }
        t0 = time.perf_counter()
        conn.request("POST", "/commentaires/poster/", body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        timings.append(time.perf_counter() - t0)
        statuses[response.status] = statuses.get(response.status, 0) + 1
        try:
            outcome = json.loads(data).get("outcome", "?")
        except ValueError:
            outcome = "not json"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if response.getheader("Connection", "").lower() == "close" or response.will_close:
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
    elapsed = time.perf_counter() - started
    ok = sum(v for k, v in statuses.items() if k in (200, 201))
    return {
        "count": count,
        "ok": ok,
        "statuses": statuses,
        "outcomes": outcomes,
        "per_second": round(count / elapsed, 1),
        "p50_ms": round(statistics.median(timings) * 1000, 1),
        "p99_ms": round(percentile(timings, 0.99) * 1000, 1),
    }


# --------------------------------------------------------------------------- mixed (async)


class Client:
    """A minimal HTTP/1.1 client on one keep-alive connection, with its own cookies."""

    def __init__(self, host, port, address):
        self.host, self.port, self.address = host, port, address
        self.reader = self.writer = None
        self.cookies = {}

    async def request(self, method, path, body=b"", headers=None):
        for attempt in (0, 1):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            lines = [
                f"{method} {path} HTTP/1.1",
                f"Host: {self.host}:{self.port}",
                f"X-Forwarded-For: {self.address}",
                f"Content-Length: {len(body)}",
            ]
            if self.cookies:
                lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
            lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
            try:
                self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
                return await self._response()
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt or method != "GET":
                    raise
        raise ConnectionError("unreachable")

    async def _response(self):
        # The status line and headers in one read (a read per line cost the driver a third
        # of its CPU per request, on the machine it measures).
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        lines = head.split("\r\n")
        status = int(lines[0].split()[1])
        headers, length, chunked, close = [], None, False, False
        for line in lines[1:]:
            if not line:
                continue
            name, _, value = line.partition(":")
            name, value = name.lower(), value.strip()
            headers.append((name, value))
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
            elif name == "connection" and value.lower() == "close":
                close = True
            elif name == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        if chunked:
            body = b""
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                chunk = await self.reader.readexactly(size + 2)
                if size == 0:
                    break
                body += chunk[:-2]
        elif length is not None:
            body = await self.reader.readexactly(length)
        else:
            body = await self.reader.read()
            close = True
        if close:
            self.close()
        return status, dict(headers), body

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def timed(request, seconds=TIMEOUT):
    """`request` within `seconds` (TimeoutError otherwise): asyncio.wait_for without the task
    it makes for each request, which the driver's CPU per request is worth saving."""
    async with asyncio.timeout(seconds):
        return await request


async def reader_loop(n, host, port, pages, deadline, stats):
    client = Client(host, port, fake_address(n + 1))
    rng = random.Random(n)
    reading = [p["url"] for k, p in pages.items() if k.startswith("article_")]
    reading += [pages["home"]["url"], pages["section"]["url"]]
    article_ids = [p["id"] for k, p in pages.items() if k.startswith("article_")]
    posted = 0
    while time.monotonic() < deadline:
        roll = rng.random()
        if roll < 0.01:
            kind = "comment"
        elif roll < 0.03:
            kind = "reaction"
        else:
            kind = "read"
        t0 = time.perf_counter()
        try:
            if kind == "read":
                status, _, _ = await timed(client.request("GET", rng.choice(reading)), TIMEOUT)
                good = status == 200
            elif kind == "reaction":
                article = rng.choice(article_ids)
                status, _, body = await timed(
                    client.request("GET", f"/reactions/{article}/?csrf=1"), TIMEOUT
                )
                token = json.loads(body)["csrf_token"]
                kinds = ["instructif", "interessant", "surprenant"]
                form = urlencode({"kind": rng.choice(kinds), "csrfmiddlewaretoken": token})
                status, _, _ = await timed(
                    client.request(
                        "POST",
                        f"/reactions/{article}/reagir/",
                        form.encode(),
                        {
                            "Content-Type": "application/x-www-form-urlencoded",
                            "Accept": "application/json",
                        },
                    ),
                    TIMEOUT,
                )
                good = status == 200
            else:
                # Each comment comes from a new reader (address, cookies, e-mail): a connection
                # loops far faster than a person writes, and one address posting 15 comments a
                # minute is what the form's 10/m limit (per address and per e-mail) refuses.
                posted += 1
                client.address = fake_address(100_000 + n * 10_000 + posted)
                client.cookies = {}
                status, _, body = await timed(
                    client.request(
                        "GET", f"/commentaires/etat/?article={pages['article_post']['id']}"
                    ),
                    TIMEOUT,
                )
                state = json.loads(body)
                form = urlencode(
                    {
                        "article": pages["article_post"]["id"],
                        "body": f"Un avis de lecteur {n}-{rng.random():.8f} sur l’article.",
                        "name": f"Lectrice {n}",
                        "email": f"charge-{n}-{posted}@example.org",
                        "ts": state["ts"],
                        "csrfmiddlewaretoken": state["csrf"],
                    }
                )
                status, _, _ = await timed(
                    client.request(
                        "POST",
                        "/commentaires/poster/",
                        form.encode(),
                        {
                            "Content-Type": "application/x-www-form-urlencoded",
                            "Accept": "application/json",
                        },
                    ),
                    TIMEOUT,
                )
                good = status in (200, 201)
        except (TimeoutError, OSError, ValueError, KeyError, asyncio.IncompleteReadError) as error:
            client.close()
            status, good = type(error).__name__, False
        elapsed = time.perf_counter() - t0
        entry = stats.setdefault(kind, {"count": 0, "errors": {}, "timings": []})
        entry["count"] += 1
        entry["timings"].append(elapsed)
        if not good:
            entry["errors"][str(status)] = entry["errors"].get(str(status), 0) + 1
    client.close()


async def mixed(base, pages, readers, seconds):
    parts = urlsplit(base)
    stats = {}
    deadline = time.monotonic() + seconds
    started = time.perf_counter()
    await asyncio.gather(
        *(
            reader_loop(n, parts.hostname, parts.port, pages, deadline, stats)
            for n in range(readers)
        )
    )
    elapsed = time.perf_counter() - started
    result = {"readers": readers, "seconds": round(elapsed, 1), "kinds": {}}
    total = errors = 0
    for kind, entry in stats.items():
        kind_errors = sum(entry["errors"].values())
        total += entry["count"]
        errors += kind_errors
        result["kinds"][kind] = {
            "count": entry["count"],
            "errors": entry["errors"],
            "p50_ms": round(statistics.median(entry["timings"]) * 1000, 1),
            "p99_ms": round(percentile(entry["timings"], 0.99) * 1000, 1),
        }
    result.update(requests=total, errors=errors, per_second=round(total / elapsed, 1))
    return result


def main(argv):
    if argv[0] == "posts":
        base, article_id, count, out = argv[1], int(argv[2]), int(argv[3]), argv[4]
        result = post_comments(base, article_id, count)
    elif argv[0] == "mixed":
        base, pages, readers, seconds, out = argv[1], argv[2], int(argv[3]), float(argv[4]), argv[5]
        pages = json.loads(Path(pages).read_text())["pages"]
        result = asyncio.run(mixed(base, pages, readers, seconds))
    else:
        sys.exit(__doc__)
    Path(out).write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
