"""Soziallotse self-check engine: pure standard library, runs in CPython and Pyodide."""
from .engine import evaluate
from .validate import ValidationError

__all__ = ["evaluate", "ValidationError"]
