"""Production runs without the demo app and without factory-boy (a development dependency)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)

# Imports every module of the runtime package (tests, factories and the demo app aside) with
# the production settings, then reports which modules of interest were loaded.
PROBE = """
import importlib, json, pkgutil, sys
import django
django.setup()
import manchette

def runtime_modules(path, prefix):
    # Not pkgutil.walk_packages: it imports every package it walks, the skipped ones too.
    for info in pkgutil.iter_modules(path, prefix):
        last = info.name.rsplit(".", 1)[-1]
        if last in ("tests", "factories", "demo", "settings"):
            continue
        module = importlib.import_module(info.name)
        if info.ispkg:
            runtime_modules(module.__path__, info.name + ".")

runtime_modules(manchette.__path__, "manchette.")
from django.conf import settings
print(json.dumps({
    "factory": sorted(m for m in sys.modules if m == "factory" or m.startswith("factory.")),
    "demo": sorted(m for m in sys.modules if m.startswith("manchette.demo")),
    "installed": "manchette.demo" in settings.INSTALLED_APPS,
}))
"""


def test_production_imports_neither_factory_boy_nor_the_demo():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "manchette.settings.production",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "example.org",
        "DATABASE_URL": "sqlite:///:memory:",
        "REDIS_URL": "",
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    assert loaded == {"factory": [], "demo": [], "installed": False}
