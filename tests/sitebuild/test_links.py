"""No broken internal link anywhere in the built sites."""
import functools
import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest

HREF_RE = re.compile(r'<a\s[^>]*href="([^"]+)"')


def internal_links(site_dir):
    for page in site_dir.rglob("*.html"):
        url = "/" + page.relative_to(site_dir).as_posix()
        for href in set(HREF_RE.findall(page.read_text(encoding="utf-8"))):  # the menu repeats links
            href = unescape(href)
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("#", "mailto:", "tel:")):
                continue
            yield page, urljoin(url, parts.path)


def target_exists(site_dir, path):
    target = site_dir / path.lstrip("/")
    return target.is_file() or (target / "index.html").is_file()


@pytest.mark.parametrize("which", ["built_site", "second_site"])
def test_every_internal_link_has_a_target(which, request):
    site_dir = request.getfixturevalue(which)
    exists = functools.cache(lambda path: target_exists(site_dir, path))  # most targets are linked from every page
    links = list(internal_links(site_dir))
    broken = sorted({f"{page.relative_to(site_dir)} -> {path}" for page, path in links if not exists(path)})
    assert broken == []
    assert len(links) > 1000
