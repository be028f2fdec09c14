"""Languages on a phone (issue 13): the language menu is one tap away on every page and names each
language in itself; Arabic (ar, fa) and Ge'ez (ti) pages load their font from the site itself."""
from urllib.parse import urlsplit

import pytest

from sitebuild import fonts as site_fonts, sites, yamlio
from tests.conftest import ROOT

pytestmark = pytest.mark.browser
LANGUAGES = sites.load_site(None).languages

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
# each language's own name, as mkdocs.yml gives it to the menu
_I18N = next(p["i18n"] for p in yamlio.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
             if isinstance(p, dict) and "i18n" in p)
NATIVE = {lang["name"] for lang in _I18N["languages"] if lang["locale"] in LANGUAGES}
SAMPLE = {"noto-sans-arabic": ("Noto Sans Arabic", "إعانة"), "noto-sans-ethiopic": ("Noto Sans Ethiopic", "ሓገዝ")}
SCRIPT_LANGUAGES = [lang for lang in LANGUAGES if site_fonts.font_for(lang)]


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context
    context.close()


@pytest.mark.parametrize("path", ["/leistungen/wohngeld/", "/ar/orte/marl/", "/uk/selbstcheck/"])
def test_one_tap_opens_the_language_menu_with_native_names(phone, site_url, path):
    page = phone.new_page()
    page.goto(site_url + path)
    button = page.locator(".md-header__option .md-select").first
    assert button.is_visible()
    button.locator("button, [tabindex], .md-header__button").first.tap()
    links = page.locator(".md-select__list a.md-select__link")
    page.wait_for_function("() => [...document.querySelectorAll('.md-select__link')].some(a => a.offsetParent && a.getBoundingClientRect().height > 0)")
    names = {name.strip() for name in links.all_inner_texts()}
    assert names == NATIVE
    turkish = page.locator(".md-select__link", has_text="Türkçe")
    turkish.tap()
    page.wait_for_url("**/tr/**")
    assert urlsplit(page.url).path.startswith("/tr/")
    assert page.evaluate("document.documentElement.lang") == "tr"


@pytest.mark.parametrize("lang", SCRIPT_LANGUAGES)
def test_pages_in_another_script_use_its_font_served_by_the_site(fresh_page, site_url, lang):
    stem = site_fonts.font_for(lang)
    family, sample = SAMPLE[stem]
    page = fresh_page
    fonts = []
    page.on("request", lambda r: r.resource_type == "font" and fonts.append(r.url))
    page.goto(site_url + f"/{lang}/leistungen/wohngeld/", wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    assert fonts and all(urlsplit(u).netloc == urlsplit(site_url).netloc for u in fonts)
    assert any(u.endswith(f"/assets/fonts/{site_fonts.files(stem)[0]}") for u in fonts)
    assert page.evaluate(f"document.fonts.check('16px \"{family}\"', '{sample}')")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith(f'"{family}"')


def test_latin_pages_load_no_web_font(fresh_page, site_url):
    page = fresh_page
    fonts = []
    page.on("request", lambda r: r.resource_type == "font" and fonts.append(r.url))
    page.goto(site_url + "/tr/leistungen/wohngeld/", wait_until="networkidle")
    assert fonts == []
