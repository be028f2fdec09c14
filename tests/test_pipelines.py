"""The forge pipelines (.gitlab-ci.yml, .github/workflows/) validate against the forges' published schemas.

check-jsonschema ships both schemas (GitLab's ci.json and SchemaStore's github-workflow.json), so
the test runs offline. Each pipeline must also only call build.py commands and options that exist.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIPELINES = {
    ROOT / ".gitlab-ci.yml": "vendor.gitlab-ci",
    **{path: "vendor.github-workflows" for path in sorted((ROOT / ".github" / "workflows").glob("*.yml"))},
}


def validate(path: Path, schema: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True)


@pytest.mark.parametrize("path", list(PIPELINES), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_pipeline_validates_against_its_forge_schema(path):
    proc = validate(path, PIPELINES[path])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_both_forges_have_a_pipeline():
    assert set(PIPELINES.values()) == {"vendor.gitlab-ci", "vendor.github-workflows"}


@pytest.mark.parametrize(("name", "schema", "typo"), [
    (".gitlab-ci.yml", "vendor.gitlab-ci", ("  artifacts:\n", "  artefacts:\n")),
    (".github/workflows/site.yml", "vendor.github-workflows", ("    runs-on:", "    run-on:")),
])
def test_the_schema_check_catches_a_typo(tmp_path, name, schema, typo):
    text = (ROOT / name).read_text(encoding="utf-8")
    assert typo[0] in text
    broken = tmp_path / Path(name).name
    broken.write_text(text.replace(typo[0], typo[1], 1), encoding="utf-8")
    assert validate(broken, schema).returncode == 1


def build_py_calls(path: Path) -> list[list[str]]:
    """Every `build.py …` command line in a pipeline's scripts, split into words."""
    calls = []
    for line in path.read_text(encoding="utf-8").splitlines():
        for match in re.finditer(r"build\.py ([^|>&;]*)", line):
            words = shlex.split(match.group(1).replace("||", ""))
            calls.append([w for w in words if w != "true"])
    return calls


class Parsed(Exception):
    pass


@pytest.mark.parametrize("path", list(PIPELINES), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_pipeline_calls_only_existing_build_commands(path, monkeypatch):
    import argparse

    import build

    def parse_only(self, args=None, namespace=None):  # stop after parsing: argparse exits 2 on unknown words
        raise Parsed(original(self, args, namespace))

    original = argparse.ArgumentParser.parse_args
    monkeypatch.setattr(argparse.ArgumentParser, "parse_args", parse_only)
    calls = build_py_calls(path)
    assert {call[0] for call in calls} >= {"check", "build", "impact"}
    for call in calls:
        with pytest.raises(Parsed):
            build.main(["x" if word.startswith("$") else word for word in call])
