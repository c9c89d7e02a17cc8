"""Checkers the tests take from the npm registry: the Nu Html Checker (`vnu-jar`, run with
the machine's Java) and axe-core. Installed with npm on first use into a cache directory
outside the repository, then reused by every run.

Without npm, the registry or Java, a test that needs a checker is skipped on a developer's
machine and fails in CI (CI=true): a check that could not run is not a pass.
"""

import contextlib
import fcntl
import os
import shutil
import subprocess
from pathlib import Path

import pytest

CACHE = Path(
    os.environ.get("MANCHETTE_CHECKERS_CACHE")
    or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "manchette-checkers"
)
# Pinned: a new checker release may find new faults; it comes in with its fixes.
VERSIONS = {"vnu-jar": "26.9.27", "axe-core": "4.14.1"}


def unavailable(reason):
    """Fails in CI, skips elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (a checker that cannot run fails the run in CI)")
    pytest.skip(reason)


@contextlib.contextmanager
def _install_lock():
    # Two test workers may ask for the same checker at once: one installs it.
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def npm_file(package, relative):
    """The path of `relative` inside the pinned `package`, installed with npm if missing."""
    version = VERSIONS[package]
    folder = CACHE / f"{package}-{version}"
    path = folder / "node_modules" / package / relative
    if path.exists():
        return path
    npm = shutil.which("npm")
    if npm is None:
        unavailable(f"npm is needed to install {package} (apt-get install -y npm)")
    with _install_lock():
        if not path.exists():
            # --ignore-scripts: vnu-jar's own install script downloads a Java runtime, which
            # the machine's Java makes needless (and the network may not allow).
            result = subprocess.run(
                [npm, "install", "--prefix", str(folder), "--no-save", "--ignore-scripts"]
                + ["--no-audit", "--no-fund", "--loglevel=error", f"{package}@{version}"],
                capture_output=True,
                text=True,
                timeout=600,
            )
            if result.returncode != 0 or not path.exists():
                unavailable(f"npm could not install {package}@{version}: {result.stderr[-500:]}")
    return path


def vnu_command():
    """The command line that runs the Nu Html Checker."""
    java = shutil.which("java")
    if java is None:
        unavailable("Java is needed to run the Nu Html Checker (apt-get install -y default-jre)")
    return [java, "-jar", str(npm_file("vnu-jar", "build/dist/vnu.jar"))]


def axe_source():
    """axe-core's script, to evaluate in a page."""
    return npm_file("axe-core", "axe.min.js").read_text(encoding="utf-8")
