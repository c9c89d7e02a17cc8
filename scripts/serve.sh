#!/usr/bin/env bash
# Serves the site (gunicorn) and its task worker together. A worker that dies (a crash, a
# kill -9, the memory killer) is started again with a line in the log: the site stays up.
# Ctrl-C, or gunicorn stopping, stops both.
set -u
PY=${PY:-.venv/bin/python}
PORT=${PORT:-8000}
WORKERS=${WORKERS:-2}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-manchette.settings.dev}
# Links, feeds, the sitemap and e-mails name the address the site is served at.
export SITE_URL=${SITE_URL:-http://127.0.0.1:$PORT}
worker=
web=

stop() {
  trap - INT TERM EXIT
  kill $worker $web 2>/dev/null
  wait 2>/dev/null
  echo "Manchette arrêté."
  exit "${1:-0}"
}
trap 'stop 130' INT
trap 'stop 143' TERM
trap 'stop $?' EXIT

start_worker() {
  "$PY" manage.py worker --no-reload &
  worker=$!
  worker_started=$SECONDS
}

# The Wagtail Site follows SITE_URL (absolute URLs: sitemap, feeds, emails).
"$PY" manage.py sync_site || exit 1
start_worker
"$(dirname "$PY")/gunicorn" manchette.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" \
  --access-logfile - --log-level warning &
web=$!
echo "  Site : http://127.0.0.1:$PORT/   (Ctrl-C arrête le site et le worker)"
while true; do
  wait -n "$worker" "$web"
  if ! kill -0 "$web" 2>/dev/null; then
    echo "Le site (gunicorn) s’est arrêté."
    stop 1
  fi
  if ! kill -0 "$worker" 2>/dev/null; then
    wait "$worker"
    code=$?
    # A worker that dies as soon as it starts is not restarted in a tight loop.
    if ((SECONDS - worker_started < 10)); then sleep 5; fi
    echo "Le worker s’est arrêté (code $code) : il redémarre. Ses tâches en cours sont reprises."
    start_worker
  fi
done
