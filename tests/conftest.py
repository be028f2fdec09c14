"""Shared fixtures: one build of each site per test run (also across pytest-xdist's workers), a
local server, a browser."""
from __future__ import annotations

import fcntl
import functools
import json
import os
import shutil
import sys
import threading
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's Chromium (or $CHROMIUM_PATH); None lets Playwright use its own browser if installed."""
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


_LOCAL_RUN = uuid.uuid4().hex


def _run_id(config) -> str:
    """One id per `pytest` run, the same in every xdist worker."""
    worker = getattr(config, "workerinput", None)
    return worker["testrunuid"] if worker else _LOCAL_RUN


def _once_per_run(config, name: str, make) -> Path:
    """Build under a lock: the first worker builds, the others wait and serve the same folder
    (two builds of one site into one folder would delete each other's files)."""
    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / f"{name}.test-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stamp = ROOT / "build" / f"{name}.test-run"
        if stamp.exists():
            run, path = json.loads(stamp.read_text())
            # SL_REUSE_BUILD=1: a developer's re-run against the last build (never in `make test`)
            if (run == _run_id(config) or os.environ.get("SL_REUSE_BUILD") == "1") and Path(path).is_dir():
                return Path(path)
        path = make()
        stamp.write_text(json.dumps([_run_id(config), str(path)]))
        return path


@pytest.fixture(scope="session")
def built_site(pytestconfig) -> Path:
    import build

    return _once_per_run(pytestconfig, "default-site", lambda: build.build(None))


SECOND_SITE = ROOT / "sites" / "kreis-offenbach"


@pytest.fixture(scope="session")
def second_site(pytestconfig) -> Path:
    import build

    return _once_per_run(pytestconfig, "second-site", lambda: build.build(str(SECOND_SITE)))


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    from sitebuild.serve import make_server

    server = make_server(built_site, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def recording_site(built_site):
    """The default site on a server that records every request path it receives."""
    from sitebuild.serve import make_server

    seen: list[str] = []
    server = make_server(built_site, port=0)
    base = server.RequestHandlerClass.func  # functools.partial(handler, directory=...)

    class Recording(base):
        def do_GET(self):
            seen.append(self.path)
            super().do_GET()

    server.RequestHandlerClass = functools.partial(Recording, **server.RequestHandlerClass.keywords)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        except Error as exc:
            pytest.fail("No Chromium for the browser tests: install Debian's `chromium` "
                        f"(or set CHROMIUM_PATH, or run `playwright install chromium`). {exc}")
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def returning_visitor(browser):
    """One browser profile for the session, like a phone that has visited before: the engine's
    files and its memory snapshot are cached after the first self-check (saves ~5 s a test)."""
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture
def page(returning_visitor):
    """A new tab of the returning visitor. Tests about first visits, storage, permissions or
    requests use ``fresh_page``."""
    page = returning_visitor.new_page()
    page.set_default_timeout(60_000)
    yield page
    page.close()


@pytest.fixture
def fresh_page(browser):
    """A tab in a new, empty profile (nothing cached, no service worker, no permissions)."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    context.close()


# -- time per test group (CI budget: `make test` within 20 minutes) ---------------------------
_GROUP_SECONDS: dict[str, float] = {}


def pytest_runtest_logreport(report):
    # setup + call + teardown of each test, summed per module (session fixtures such as the
    # site build count towards the first module that needs them)
    group = report.nodeid.split("::", 1)[0]
    _GROUP_SECONDS[group] = _GROUP_SECONDS.get(group, 0.0) + report.duration


def pytest_terminal_summary(terminalreporter):
    if not _GROUP_SECONDS:
        return
    terminalreporter.section("time per test group")
    folders: dict[str, float] = {}
    for group, seconds in _GROUP_SECONDS.items():
        folder = group.rsplit("/", 1)[0] + "/" if "/" in group else group
        folders[folder] = folders.get(folder, 0.0) + seconds
    for group, seconds in [*sorted(folders.items(), key=lambda i: -i[1]),
                           *sorted(_GROUP_SECONDS.items(), key=lambda i: -i[1])]:
        terminalreporter.write_line(f"{seconds:8.1f} s  {group}")
    terminalreporter.write_line(f"{sum(_GROUP_SECONDS.values()):8.1f} s  total")
