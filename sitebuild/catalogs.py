"""User-interface strings from Babel message catalogs (locales/<lang>/LC_MESSAGES/messages.po).

msgids are stable keys (``selfcheck.submit``, ``kindergeld.child``). Templates use the
translator at build time; the self-check page embeds its language's strings as JSON for
the browser. A missing translation falls back to German, never to an empty string.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.pofile import read_po

from . import ROOT

LOCALES_DIR = ROOT / "locales"
SOURCE_LANGUAGE = "de"


def catalog_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=None)
def messages(lang: str) -> dict[str, str]:
    """All translated strings of a language, German filling the gaps."""
    merged = {} if lang == SOURCE_LANGUAGE else dict(messages(SOURCE_LANGUAGE))
    path = catalog_path(lang)
    if path.exists():
        with path.open("rb") as fh:
            for msg in read_po(fh, locale=lang):
                if msg.pluralizable and not msg.fuzzy and all(msg.string):
                    merged[msg.id[0]] = msg.string[-1]  # the plain key reads the "other" form
                elif msg.id and msg.string and not msg.fuzzy:
                    merged[msg.id] = msg.string
    return merged


# gettext numbers a language's plural forms in CLDR's order of categories
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


@lru_cache(maxsize=None)
def plurals(lang: str) -> dict[str, dict[str, str]]:
    """msgid_plural entries as {key: {CLDR category: text}}, for ngettext and Intl.PluralRules."""
    merged = {} if lang == SOURCE_LANGUAGE else {k: dict(v) for k, v in plurals(SOURCE_LANGUAGE).items()}
    path = catalog_path(lang)
    if path.exists():
        tags = Locale.parse(lang).plural_form.tags | {"other"}
        categories = [c for c in CLDR_ORDER if c in tags]
        with path.open("rb") as fh:
            for msg in read_po(fh, locale=lang):
                if msg.pluralizable and not msg.fuzzy and all(msg.string):
                    merged[msg.id[0]] = dict(zip(categories, msg.string))
    return merged


def ngettext(lang: str, key: str, n: int, **args) -> str:
    """The form of ``key`` for the count ``n`` in ``lang`` ("1 Stelle", "2 Stellen"), ``{n}`` filled in."""
    forms = plurals(lang).get(key)
    if not forms:
        return translator(lang)(key, n=n, **args)
    text = forms.get(Locale.parse(lang).plural_form(n)) or forms["other"]
    return text.format(n=n, **args)


def translator(lang: str):
    table = messages(lang)

    def t(key: str, **args) -> str:
        text = table.get(key, key)
        return text.format(**args) if args else text

    t.forms = lambda key: plurals(lang).get(key, {})  # for a page script's Intl.PluralRules
    t.n = lambda key, n, **args: ngettext(lang, key, n, **args)
    return t
