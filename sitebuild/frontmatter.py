"""Markdown pages start with YAML front matter between two '---' lines."""
from __future__ import annotations


def split_front_matter(text: str):
    """Return (front matter text, first line number of it, body, body's first line) or None."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 4)
    if end == -1:
        return None
    fm = text[4:end + 1]
    body_start = text.find("\n", end + 1) + 1
    return fm, 2, text[body_start:], text.count("\n", 0, body_start) + 1
