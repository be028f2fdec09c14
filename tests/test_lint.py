"""Static check of all Python code: no unused imports, undefined names or similar slips."""
import subprocess
import sys

from tests.conftest import ROOT


def test_pyflakes_finds_nothing():
    out = subprocess.run([sys.executable, "-m", "pyflakes", "build.py", "selfcheck", "sitebuild", "tests", "tools"],
                         cwd=ROOT, capture_output=True, text=True)
    assert out.stdout + out.stderr == ""
