"""Build helpers behind build.py: one module per job, each with tests under tests/sitebuild/."""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
