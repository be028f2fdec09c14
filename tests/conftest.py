"""Shared fixtures: one build of the default site per test session, a local server, a browser."""
from __future__ import annotations

import functools
import os
import shutil
import sys
import threading
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


@pytest.fixture(scope="session")
def built_site() -> Path:
    import build

    return build.build(None)


SECOND_SITE = ROOT / "sites" / "kreis-offenbach"


@pytest.fixture(scope="session")
def second_site() -> Path:
    import build

    return build.build(str(SECOND_SITE))


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


@pytest.fixture
def page(browser):
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
