"""Every language of the site in the built output: all pages, none a fallback, notices, hreflang,
its own search index, right-to-left isolation and the Arabic font served by the site."""
import json
import re
import shutil

import pytest

from sitebuild import resolve, search, sites, translations
from sitebuild.catalogs import translator

# every language of the default site but German (site.yml)
TRANSLATED = tuple(lang for lang in sites.load_site(None).languages if lang != "de")
NOT_PAGES = {"assets", "pyodide", "search", "bench-bare"}


def pages(root, lang=None):
    """The pages (folders with an index.html) of one language, as paths without the language folder."""
    base = root / lang if lang else root
    skip = NOT_PAGES | (set() if lang else set(TRANSLATED))
    found = set()
    for index in base.rglob("index.html"):
        rel = index.parent.relative_to(base)
        if rel.parts and rel.parts[0] in skip:
            continue
        # a printed guide's page is named by its language pair: stadtteiltreff-tr-de in tr, -de in de
        found.add(re.sub(rf"-{lang}-de$", "-de", rel.as_posix()) if lang else rel.as_posix())
    return found


def html(root, rel):
    return (root / rel / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", TRANSLATED)
def test_each_language_has_every_german_page_and_none_is_a_fallback(built_site, lang):
    german = pages(built_site)
    assert len(german) > 60
    assert pages(built_site, lang) == german
    fallbacks = [str(index.relative_to(built_site)) for index in sorted((built_site / lang).rglob("index.html"))
                 if 'class="sl-fallback-notice"' in index.read_text(encoding="utf-8")]
    assert fallbacks == []


@pytest.mark.parametrize("lang", TRANSLATED)
def test_leichte_sprache_stays_german_and_says_so(built_site, lang):
    page = html(built_site, f"{lang}/leichte-sprache/wohngeld")
    assert "sl-german-only" in page and '<div lang="de" dir="ltr" class="sl-fallback">' in page


@pytest.mark.parametrize("lang", TRANSLATED)
def test_a_machine_translated_page_says_so_and_links_the_german_page(built_site, lang):
    page = html(built_site, f"{lang}/leistungen/wohngeld")
    notice = re.search(r'<p class="sl-translation-notice"[^>]*>(.*?)</p>', page, re.S)
    assert notice and translator(lang)("notice.machine_translated") in notice.group(1)
    assert translator(lang)("notice.machine_translated") != translator("de")("notice.machine_translated")
    assert 'href="../../../leistungen/wohngeld/" hreflang="de"' in notice.group(1)
    assert "sl-translation-notice" not in html(built_site, "leistungen/wohngeld")


def staged(tmp_path, method):
    """A one-page site staged by resolve(): a German page and its translation."""
    content = tmp_path / "content"
    content.mkdir()
    german = content / "seite.de.md"
    german.write_text("---\ntitle: Seite\n---\n# Seite\n\nText.\n", encoding="utf-8")
    reviewed = "\n  reviewed_by: Lotsin A." if method == "reviewed" else ""
    (content / "seite.en.md").write_text(
        f"---\ntitle: Page\ntranslation:\n  source_hash: {translations.source_hash(german)}\n  method: {method}\n"
        f"  date: 2026-12-02{reviewed}\n---\n# Page\n\nText.\n", encoding="utf-8")
    staging = tmp_path / "docs"
    shutil.copytree(content, staging)
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    return content, staging, site_dir


@pytest.mark.parametrize("method,shown", [("machine", True), ("reviewed", False)])
def test_the_machine_notice_shows_until_a_person_has_reviewed_the_translation(tmp_path, method, shown):
    content, staging, site_dir = staged(tmp_path, method)
    resolve.resolve(staging, ["de", "en"], site_dir, content_dir=content)
    english = (staging / "seite.en.md").read_text(encoding="utf-8")
    assert ("sl-translation-notice" in english) is shown
    assert ("This page was translated automatically" in english) is shown
    assert "sl-translation-notice" not in (staging / "seite.de.md").read_text(encoding="utf-8")


def test_a_reviewed_translation_whose_german_page_changed_says_the_german_version_is_newer(tmp_path):
    content, staging, site_dir = staged(tmp_path, "reviewed")
    (content / "seite.de.md").write_text("---\ntitle: Seite\n---\n# Seite\n\nNeuer Text.\n", encoding="utf-8")
    (staging / "seite.de.md").write_text((content / "seite.de.md").read_text(encoding="utf-8"), encoding="utf-8")
    resolve.resolve(staging, ["de", "en"], site_dir, content_dir=content)
    english = (staging / "seite.en.md").read_text(encoding="utf-8")
    assert "The German version of this page is newer than this translation." in english
    assert "translated automatically" not in english
    assert 'href="../../seite/" hreflang="de"' in english  # from en/seite/


def test_every_page_links_its_language_versions_with_hreflang(built_site):
    page = html(built_site, "tr/leistungen/wohngeld")
    alternates = dict(re.findall(r'<link rel="alternate " hreflang="([^"]+)" href="([^"]+)"', page))
    assert set(alternates) == {"de", *TRANSLATED}
    assert alternates["de"].endswith("leistungen/wohngeld/") and "/tr/" not in alternates["de"]
    assert alternates["ar"].endswith("ar/leistungen/wohngeld/")


@pytest.mark.parametrize("lang", ("de", *TRANSLATED))
def test_each_language_has_a_search_index_of_its_own_pages_only(built_site, lang):
    path = built_site / ("" if lang == "de" else lang) / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert locations
    prefixes = {loc.split("/", 1)[0] for loc in locations}
    if lang == "de":
        assert not prefixes & set(TRANSLATED)
    else:
        assert prefixes == {lang}
    assert index["config"]["lang"] == ([lang] if lang in search.LUNR else ["en"])  # "en": the tokenizer only


def test_arabic_prose_isolates_section_references_and_numbers(built_site):
    page = html(built_site, "ar/leistungen/wohngeld")
    # a reference with its paragraph stays one left-to-right run ("§ 25 Abs. 3", not "3 .Abs 25 §")
    assert re.search(r'<bdi dir="ltr">§ \d+ Abs\. \d+</bdi>', page)
    assert "<bdi" not in html(built_site, "en/leistungen/wohngeld")


def test_arabic_pages_load_the_arabic_font_from_the_site_itself(built_site):
    page = html(built_site, "ar/leistungen/wohngeld")
    assert 'href="../../../assets/fonts/noto-sans-arabic.css"' in page
    assert (built_site / "assets" / "fonts" / "noto-sans-arabic-arabic-400-normal.woff2").stat().st_size > 20_000
    assert "noto-sans-arabic" not in html(built_site, "tr/leistungen/wohngeld")
