"""The emptiest WSGI app: the article's bytes and headers, as kept by the bench.

`make bench` runs it under gunicorn with the shipped config, next to Manchette, to show what
gunicorn itself costs per request on this machine at this moment: no app behind gunicorn can
do more requests per second than this one.
"""

import json
import os
from pathlib import Path

BODY = Path(os.environ["FLOOR_BODY"]).read_bytes()
SKIPPED = {"content-length", "date", "server", "connection", "transfer-encoding"}
HEADERS = [
    (name, value)
    for name, value in json.loads(Path(os.environ["FLOOR_HEADERS"]).read_text())
    if name.lower() not in SKIPPED
] + [("Content-Length", str(len(BODY)))]


def application(environ, start_response):
    start_response("200 OK", HEADERS)
    return [BODY]
