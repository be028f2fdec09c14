"""User-interface strings from Babel message catalogs (locales/<lang>/LC_MESSAGES/messages.po).

msgids are stable keys (``selfcheck.submit``, ``kindergeld.child``). Templates use the
translator at build time; the self-check page embeds its language's strings as JSON for
the browser. A missing translation falls back to German, never to an empty string.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

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
                if msg.id and msg.string and not msg.fuzzy:
                    merged[msg.id] = msg.string
    return merged


def translator(lang: str):
    table = messages(lang)

    def t(key: str, **args) -> str:
        text = table.get(key, key)
        return text.format(**args) if args else text

    return t
