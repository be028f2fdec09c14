"""Content cannot run script: if a page's Markdown carried <script> (and `build.py check` were
bypassed), Chromium still refuses it under the site's Content-Security-Policy, because the
policy allows only the scripts our templates write, never one that came in through content."""
import base64
import hashlib
import os
import shutil
import threading

import markdown
import pytest

pytestmark = pytest.mark.browser

# What an editor's Markdown might smuggle in: an inline script and an inline event handler.
CONTENT = """# Wohngeld

Ein Absatz.

<script>window.__contentScriptRan = true; document.title = "ran";</script>

<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="" onerror="window.__handlerRan = true">
"""
WATCH_CSP = ("window.__csp = [];"
             "document.addEventListener('securitypolicyviolation',"
             " e => window.__csp.push(e.violatedDirective));")


@pytest.fixture
def site_with_script_page(built_site, tmp_path):
    """A copy of the built site (hard links; the pages the test page needs) plus a built page
    whose content holds the Markdown above, passed through as Python-Markdown does raw HTML."""
    from sitebuild import csp

    copy = tmp_path / "site"
    copy.mkdir()
    shutil.copytree(built_site / "assets", copy / "assets", copy_function=os.link)
    html = (built_site / "glossar" / "index.html").read_text(encoding="utf-8")
    body = markdown.markdown(CONTENT)
    assert "<script>" in body  # Markdown itself keeps it: only check and the CSP stand in the way
    start = html.index('<article class="md-content__inner md-typeset">') + len('<article class="md-content__inner md-typeset">')
    (copy / "inhalt").mkdir()
    (copy / "inhalt" / "index.html").write_text(html[:start] + body + html[start:], encoding="utf-8")
    # The policy as the build computes it for a site holding this page: it either refuses the
    # page (the build stops) or, at the very least, never allows the content's script.
    try:
        hashes = csp.inline_script_hashes(copy)
    except ValueError:
        hashes = None  # the build refuses a foreign inline script
    script = body.split("<script>", 1)[1].split("</script>", 1)[0]
    allowed = "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
    assert hashes is None or allowed not in hashes
    shutil.copyfile(built_site / "_headers", copy / "_headers")  # the policy of the real build
    return copy


def test_script_in_content_is_blocked_by_the_csp(browser, site_with_script_page):
    from sitebuild.serve import make_server

    server = make_server(site_with_script_page, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    context = browser.new_context()
    try:
        context.add_init_script(WATCH_CSP)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/inhalt/", wait_until="load")
        page.wait_for_function("window.__csp.length >= 2")
        assert page.evaluate("window.__contentScriptRan") is None
        assert page.evaluate("window.__handlerRan") is None
        assert page.title() != "ran"
        directives = page.evaluate("window.__csp")
        assert "script-src-elem" in directives  # the <script> element
        assert "script-src-attr" in directives  # the onerror handler
        # the theme's own scripts still ran under the same policy (Material's palette/search)
        assert page.evaluate("typeof window.__md_scope") != "undefined"
    finally:
        context.close()
        server.shutdown()
