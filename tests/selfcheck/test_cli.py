"""The command line: ``python -m selfcheck evaluate FILE [--site DIR]`` (run as a subprocess)."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "selfcheck", "evaluate", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_valid_file_prints_json():
    proc = run("examples/two-children-2026.json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert {p["program"] for p in result["programs"]} >= {"kindergeld", "grundsicherungsgeld", "wohngeld"}


def test_family_example_prints_the_combination_and_its_explanation():
    proc = run("examples/family-2050-net.json")
    assert proc.returncode == 0, proc.stderr
    combination = json.loads(proc.stdout)["combination"]
    assert combination["programs"] == ["kindergeld", "wohngeld", "kinderzuschlag"]
    keys = [s["key"] for s in combination["steps"]]
    assert keys[0] == "priority.wg_kiz_end_need" and keys[-1] == "combination.total"


def test_invalid_field_is_named(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"month": "2026-03", "persons": [{"id": "p1", "age": -4}]}))
    proc = run(str(bad))
    assert proc.returncode == 2
    assert "persons[0].age" in proc.stderr and "too_small" in proc.stderr
    assert proc.stdout == ""


def test_unreadable_json(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    proc = run(str(broken))
    assert proc.returncode == 2 and "cannot read" in proc.stderr
    proc = run(str(tmp_path / "missing.json"))
    assert proc.returncode == 2 and "cannot read" in proc.stderr


def test_stdin():
    proc = run("-", stdin=json.dumps({"month": "2026-03", "persons": [{"id": "p1", "age": 30}]}))
    assert proc.returncode == 0, proc.stderr


def test_site_directory_gives_local_data(tmp_path):
    # Clearly fake test values.
    (tmp_path / "towns.yml").write_text(
        "towns:\n"
        "  - id: dorsten\n"
        "    name: Test Dorsten (fake values)\n"
        "    wohngeld_mietstufe: {value: 2, valid_from: 2025-01-01, source: test, verified: 2026-11-21}\n"
        "    kdu: {bruttokaltmiete: {1: 400, 4: 700}, je_weitere_person: 80, valid_from: 2025-01-01, source: test}\n",
        encoding="utf-8")
    proc = run("examples/family-2050-net.json", "--site", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    wohngeld = next(p for p in result["programs"] if p["program"] == "wohngeld")
    # the calculation is written out in tests/selfcheck/cases/vorrang/family-2050-wg-kiz-end-need.yaml
    assert (wohngeld["status"], wohngeld["amount"]) == ("likely", 467.0)
    assert result["combination"]["status"] == "likely" and result["combination"]["total"] == 1579.0


def test_site_without_towns_file(tmp_path):
    proc = run("examples/family-2050-net.json", "--site", str(tmp_path))
    assert proc.returncode == 2 and "towns.yml" in proc.stderr
