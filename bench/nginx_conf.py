"""The shipped nginx configuration (deploy/nginx), made runnable under a temporary directory.

Used by `make bench` and by the integration tests, which start Debian's nginx with it on
127.0.0.1: the same files an operator installs, with only the paths, ports and the app's
address replaced, and without the public TLS and redirect servers (they need a certificate
and ports 80/443). The purge module is loaded as Debian's `libnginx-mod-http-cache-purge`
package does (/etc/nginx/modules-enabled/50-mod-http-cache-purge.conf).
"""

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy" / "nginx"
PURGE_MODULE = "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so"

MAIN = """\
load_module {purge_module};
{user}worker_processes {workers};
pid {tmp}/nginx.pid;
daemon off;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {tmp}/nginx-temp/body;
    proxy_temp_path {tmp}/nginx-temp/proxy;
    fastcgi_temp_path {tmp}/nginx-temp/fastcgi;
    uwsgi_temp_path {tmp}/nginx-temp/uwsgi;
    scgi_temp_path {tmp}/nginx-temp/scgi;
{static_server}
    # The shipped configuration (deploy/nginx), without its TLS and redirect servers.
    include {tmp}/manchette.conf;
    server {{
        listen 127.0.0.1:{proxy_port};
        server_name 127.0.0.1 localhost;
        set $manchette_scheme http;
        include {tmp}/manchette-locations.conf;
    }}
}}
"""

STATIC_SERVER = """
    # The physical limit: the article's bytes as a static file.
    server {{
        listen 127.0.0.1:{static_port};
        root {tmp}/static-site;
    }}
"""


def top_level_blocks(text):
    """The config split into top-level statements/blocks (comments dropped)."""
    text = re.sub(r"#[^\n]*", "", text)
    blocks, depth, current = [], 0, ""
    for char in text:
        current += char
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append(current.strip())
                current = ""
        elif char == ";" and depth == 0:
            blocks.append(current.strip())
            current = ""
    return [b for b in blocks if b]


def render(tmp, *, var, app, proxy_port, purge_port, workers=1, static_port=None):
    """Writes nginx.conf (and the shipped files it includes) under `tmp`; returns its path.

    `app` is the app server's address as nginx names it: `unix:/path/to.sock` (as shipped)
    or `127.0.0.1:PORT`.
    """
    tmp = Path(tmp)
    substitutions = {
        "unix:/run/manchette/gunicorn.sock": app,
        "/srv/manchette/var": str(var),
        "/var/cache/nginx/manchette": str(tmp / "nginx-cache"),
        "/etc/nginx/snippets/manchette-locations.conf": str(tmp / "manchette-locations.conf"),
        "127.0.0.1:8080": f"127.0.0.1:{purge_port}",
    }

    def replaced(text):
        for old, new in substitutions.items():
            text = text.replace(old, new)
        return text

    kept = [
        block
        for block in top_level_blocks((DEPLOY / "manchette.conf").read_text())
        # The public TLS and redirect servers need a certificate and port 80/443.
        if not (block.startswith("server") and "PURGE" not in block)
    ]
    (tmp / "manchette.conf").write_text(replaced("\n\n".join(kept)) + "\n")
    locations = (DEPLOY / "manchette-locations.conf").read_text()
    (tmp / "manchette-locations.conf").write_text(replaced(locations))
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / "nginx-temp" / sub).mkdir(parents=True, exist_ok=True)
    (tmp / "nginx-cache").mkdir(exist_ok=True)
    static_server = STATIC_SERVER.format(tmp=tmp, static_port=static_port) if static_port else ""
    main = MAIN.format(
        purge_module=PURGE_MODULE,
        user="user root;\n" if os.geteuid() == 0 else "",
        workers=workers,
        tmp=tmp,
        static_server=static_server,
        proxy_port=proxy_port,
    )
    path = tmp / "nginx.conf"
    path.write_text(main)
    return path
