"""Every message key the engine emits has a text in every language's catalog (locales/),
with the same placeholders as the German source."""
import re
from pathlib import Path

from selfcheck import evaluate, programs

from ..catalogs import MESSAGES as CATALOGS
from ..catalogs import placeholders as _placeholders
from ..catalogs import emitted_steps, step_key
from .cases import load_cases

MESSAGES = CATALOGS["de"]
SOURCE = Path(__file__).parents[2] / "selfcheck"


def test_every_message_has_every_language_with_the_same_placeholders():
    for lang, table in CATALOGS.items():
        for key, text in MESSAGES.items():
            assert table.get(key), (lang, key)
            assert _placeholders(table[key]) == _placeholders(text), (lang, key)


def test_every_key_in_the_source_is_listed():
    pattern = re.compile(r'"((?:%s)\.[a-z0-9_]+)"' % "|".join(programs.message_prefixes()))
    used = set()
    for path in SOURCE.rglob("*.py"):
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    used.discard("params.json")
    assert sorted(used - set(MESSAGES)) == []


def test_emitted_steps_have_texts_and_all_their_placeholders():
    for case in load_cases():
        result = evaluate(case["household"], case.get("local"))
        for step in emitted_steps(result):
            assert step_key(step["key"]) in MESSAGES, (case["name"], step["key"])
            needed = _placeholders(MESSAGES[step_key(step["key"])])
            assert needed <= set(step["args"]), (case["name"], step["key"], needed - set(step["args"]))


def test_every_program_of_the_registry_has_a_name_in_every_language():
    for lang, table in CATALOGS.items():
        for entry in programs.REGISTRY:
            assert table.get(f"program.{entry.id}"), (lang, entry.id)
