"""The engine's worked examples, run inside real Pyodide (Node + the pinned npm package).

The engine zip and the trimmed standard library are the ones build.py ships to browsers, so
this checks what citizens actually run.
Every case must agree with its expected values, and Pyodide's full result must equal
CPython's, so the two runtimes cannot drift apart.
"""
import io
import json
import shutil
import subprocess
import zipfile

import pytest

from selfcheck import evaluate
from sitebuild import bundle, pyodide, stdlib
from tests.conftest import ROOT
from tests.selfcheck.cases import load_cases, mismatches

CASES = load_cases()


@pytest.fixture(scope="module")
def pyodide_results(tmp_path_factory):
    if shutil.which("node") is None:
        pytest.fail("Node.js is needed to run the engine in Pyodide")
    work = tmp_path_factory.mktemp("pyodide")
    engine_zip = bundle.build_zip(local=None)
    (work / "bundle.zip").write_bytes(engine_zip)
    full = pyodide.installed_dir() / "python_stdlib.zip"
    trimmed = stdlib.trimmed_zip(engine_zip, full)
    members = lambda data: len(zipfile.ZipFile(io.BytesIO(data)).namelist())  # noqa: E731
    # fewer files (it is larger in bytes: stored, for brotli to compress it whole)
    assert members(trimmed) < members(full.read_bytes()) / 2, "the standard library was not trimmed (is Node.js there?)"
    (work / "stdlib.zip").write_bytes(trimmed)
    (work / "households.json").write_text(json.dumps(
        [{"household": c["household"], "local": c.get("local") or {}} for c in CASES]))
    out = subprocess.run(["node", str(ROOT / "tests/pyodide/run_engine.mjs"), str(work / "bundle.zip"),
                          str(work / "households.json"), str(work / "stdlib.zip")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]  # the runtime is minified: only the tail helps
    return json.loads(out.stdout)


def test_runs_on_the_pinned_pyodide_python(pyodide_results):
    lock = json.loads((ROOT / "node_modules/pyodide/pyodide-lock.json").read_text())
    assert pyodide_results["python"] == lock["info"]["python"]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c["name"] for c in CASES])
def test_case_in_pyodide_matches_expected_and_cpython(pyodide_results, index):
    case = CASES[index]
    answer = pyodide_results["results"][index]
    assert answer["ok"], answer
    assert mismatches(case, answer["result"]) == []
    assert answer["result"] == json.loads(json.dumps(evaluate(case["household"], case.get("local") or {})))
