"""Every message key the engine emits has a German and English text with matching placeholders."""
import re
from pathlib import Path

import yaml

from selfcheck import evaluate

from .cases import load_cases

MESSAGES = yaml.safe_load((Path(__file__).parents[2] / "selfcheck" / "messages.yaml").read_text(encoding="utf-8"))
SOURCE = Path(__file__).parents[2] / "selfcheck"


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def test_every_message_has_both_languages_with_the_same_placeholders():
    for key, texts in MESSAGES.items():
        assert texts.get("de") and texts.get("en"), key
        assert _placeholders(texts["de"]) == _placeholders(texts["en"]), key


def test_every_key_in_the_source_is_listed():
    pattern = re.compile(r'"((?:sgb2|income|wohngeld|kinderzuschlag|kindergeld|uvg|priority|combination|params)\.[a-z0-9_]+)"')
    used = set()
    for path in SOURCE.rglob("*.py"):
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    used.discard("params.json")
    assert sorted(used - set(MESSAGES)) == []


def _steps(result):
    for program in result["programs"]:
        yield from program["steps"]
        yield from program["reasons"]
    yield from result["combination"]["steps"]
    yield from result["warnings"]


def test_emitted_steps_have_texts_and_all_their_placeholders():
    for case in load_cases():
        result = evaluate(case["household"], case.get("local"))
        for step in _steps(result):
            assert step["key"] in MESSAGES, (case["name"], step["key"])
            needed = _placeholders(MESSAGES[step["key"]]["de"])
            assert needed <= set(step["args"]), (case["name"], step["key"], needed - set(step["args"]))
