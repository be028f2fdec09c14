"""The interface strings of every language, read from the Babel catalogs (locales/)."""
from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent.parent / "locales"
LANGUAGES = sorted(p.name for p in LOCALES.iterdir() if (p / "LC_MESSAGES" / "messages.po").exists())


def catalog(lang: str) -> dict[str, str]:
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        # a msgid_plural entry is listed by its key with its "other" form (the last, the one with {n})
        return {(m.id[0] if m.pluralizable else m.id): (m.string[-1] if m.pluralizable else m.string)
                for m in read_po(fh, locale=lang) if m.id}


MESSAGES = {lang: catalog(lang) for lang in LANGUAGES}


def step_key(key: str) -> str:
    """The catalog key of an engine message: warnings are namespaced there."""
    return key if "." in key else f"warning.{key}"


def placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def emitted_steps(result: dict):
    """Every explanation line of an engine result: steps, reasons, combination, warnings."""
    for program in result["programs"]:
        yield from program["steps"]
        yield from program["reasons"]
    yield from result["combination"]["steps"]
    yield from result["warnings"]
