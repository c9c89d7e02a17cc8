#!/usr/bin/env bash
# Serves the site (gunicorn) and its task worker together; Ctrl-C, or either one stopping,
# stops both.
set -u
PY=${PY:-.venv/bin/python}
PORT=${PORT:-8000}
WORKERS=${WORKERS:-2}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-manchette.settings.dev}
# Links, feeds, the sitemap and e-mails name the address the site is served at.
export SITE_URL=${SITE_URL:-http://127.0.0.1:$PORT}

stop() {
  trap - INT TERM EXIT
  kill "$worker" "$web" 2>/dev/null
  wait 2>/dev/null
  echo "Manchette arrêté."
}
trap stop INT TERM EXIT

# The Wagtail Site follows SITE_URL (absolute URLs: sitemap, feeds, emails).
"$PY" manage.py sync_site || exit 1
"$PY" manage.py worker --no-reload &
worker=$!
"$(dirname "$PY")/gunicorn" manchette.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
  --access-logfile - --log-level warning &
web=$!
echo "  Site : http://127.0.0.1:$PORT/   (Ctrl-C arrête le site et le worker)"
wait -n "$worker" "$web"
