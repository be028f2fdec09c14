"""The built site: languages, text direction, German fallback, the engine bundle."""
import io
import json
import zipfile

import pytest

LANG_ROOTS = {"de": "", "en": "en/", "ar": "ar/"}


def html(built_site, rel):
    return (built_site / rel / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang,direction", [("de", "ltr"), ("en", "ltr"), ("ar", "rtl")])
def test_each_language_has_its_pages_and_direction(built_site, lang, direction):
    page = html(built_site, LANG_ROOTS[lang] + "selbstcheck")
    assert f'<html lang="{lang}"' in page
    assert f'<body dir="{direction}"' in page


def test_a_page_missing_in_a_language_falls_back_to_german_with_a_notice(built_site):
    # datenschutz exists only as datenschutz.de.md
    english = html(built_site, "en/datenschutz")
    assert "This page has not been translated yet" in english
    assert '<div lang="de" dir="ltr" class="sl-fallback">' in english
    arabic = html(built_site, "ar/datenschutz")
    assert "لم تُترجم هذه الصفحة بعد" in arabic
    assert '<div lang="de" dir="ltr" class="sl-fallback">' in arabic
    german = html(built_site, "datenschutz")
    assert "sl-fallback" not in german


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
