"""The built site: languages, text direction, German fallback, the engine bundle."""
import io
import json
import zipfile
from pathlib import Path

import pytest
from babel import Locale

from sitebuild import sites

LANGUAGES = sites.load_site(None).languages
LANG_ROOTS = {lang: "" if lang == "de" else f"{lang}/" for lang in LANGUAGES}


def html(built_site, rel):
    return (built_site / rel / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang,direction", [(lang, "rtl" if Locale.parse(lang).character_order == "right-to-left" else "ltr")
                                            for lang in LANGUAGES])
def test_each_language_has_its_pages_and_direction(built_site, lang, direction):
    page = html(built_site, LANG_ROOTS[lang] + "selbstcheck")
    assert f'<html lang="{lang}"' in page
    assert f'<body dir="{direction}"' in page


def test_a_page_missing_in_a_language_falls_back_to_german_with_a_notice(tmp_path):
    # every page of the real site is translated now: a staged page that exists only in German
    from sitebuild import resolve

    staging, site_dir = tmp_path / "docs", tmp_path / "site"
    staging.mkdir(), site_dir.mkdir()
    (staging / "seite.de.md").write_text("---\ntitle: Seite\n---\n# Seite\n\nNur deutsch.\n", encoding="utf-8")
    resolve.resolve(staging, ["de", "en", "ar"], site_dir, content_dir=staging)
    for lang in ("en", "ar"):
        meta, body = resolve.read(staging / f"seite.{lang}.md")
        assert meta["fallback"] == "de" and "Nur deutsch." in body
    assert "fallback" not in resolve.read(staging / "seite.de.md")[0]


def test_the_fallback_is_marked_german_with_the_notice_in_the_page_language():
    template = (Path(__file__).resolve().parents[2] / "overrides" / "main.html").read_text(encoding="utf-8")
    assert '<p class="sl-fallback-notice" role="note">{{ t("notice.not_translated") }}</p>' in template
    assert '<div lang="{{ fallback }}" dir="ltr" class="sl-fallback">' in template


def test_no_page_references_another_origin_for_assets(built_site):
    import re
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for attr in re.findall(r'<(?:script|link|img|iframe|source)[^>]+(?:src|href)="(https?:)?//[^"]*"', text):
            pytest.fail(f"{page}: loads from another origin")


def test_engine_bundle_holds_engine_and_compiled_parameters(built_site):
    data = (built_site / "assets/selfcheck/selfcheck.zip").read_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "selfcheck/engine.py" in names and "selfcheck/household.schema.json" in names
    params = json.loads(zipfile.ZipFile(io.BytesIO(data)).read("selfcheck/params.json"))
    # the compiled file carries the same dated value as the YAML source
    assert params["kindergeld"]["betrag_je_kind"]["values"]["2026-01-01"]["value"] == 259
    assert not any(n.endswith(".yaml") for n in names)


def test_pyodide_runtime_is_served_from_the_site(built_site):
    for name in ("pyodide.mjs", "pyodide.asm.wasm", "python_stdlib.zip"):
        assert (built_site / "pyodide" / name).stat().st_size > 0
