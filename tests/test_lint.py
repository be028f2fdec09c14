"""Static check of all Python code: no unused imports, undefined names or similar slips."""
import subprocess
import sys

from tests.conftest import ROOT


def test_pyflakes_finds_nothing():
    out = subprocess.run([sys.executable, "-m", "pyflakes", "build.py", "selfcheck", "sitebuild", "tests", "tools"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.stdout + out.stderr == ""


def _pins(name: str) -> dict[str, str]:
    import re

    text = (ROOT / name).read_text(encoding="utf-8")
    return {m.group(1).lower(): m.group(2) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, re.M)}


def test_serving_and_test_locks_are_disjoint_and_complete():
    serve, test = _pins("requirements.lock"), _pins("requirements-test.lock")
    assert {"mkdocs", "mkdocs-material", "jsonschema", "babel"} <= set(serve)
    assert {"pytest", "playwright", "gettsim"} <= set(test)
    assert set(serve) & set(test) == set()
    assert not {"pytest", "playwright", "gettsim", "pandas", "hypothesis"} & set(serve)  # `make run` stays small
