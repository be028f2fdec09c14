"""Runs the page script's unit tests (tests/js/*.test.mjs) with Node's built-in test runner."""
import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT


def test_page_script_units():
    assert shutil.which("node"), "Node.js is needed"
    out = subprocess.run(["node", "--test", *sorted(str(p) for p in (ROOT / "tests/js").glob("*.test.mjs"))],
                         cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHON": sys.executable})  # for tests that read the catalogs
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "# fail 0" in out.stdout
