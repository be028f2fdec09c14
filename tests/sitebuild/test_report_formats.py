"""build.py check --format text|github|gitlab: exact output for a page with two mistakes."""
from __future__ import annotations

import json
from datetime import date

from sitebuild import check, report_formats

PAGE = "content/leistungen/kindergeld.de.md"
PLAIN = f"{PAGE}:12: unknown parameter 'kindergeld.betrag': see selfcheck/params/"  # check's str form


class Problem:
    def __init__(self, path, line, message, rule):
        self.path, self.line, self.message, self.rule = path, line, message, rule


TWO = [Problem(PAGE, 12, "unknown parameter 'kindergeld.betrag': see selfcheck/params/", "parameter"),
       Problem(PAGE, 30, "Frist: 3 Monate, 100% – bitte prüfen", "deadline")]


def test_text_format():
    assert report_formats.render(TWO, "text", warnings=("deadline",)) == (
        "content/leistungen/kindergeld.de.md:12: unknown parameter 'kindergeld.betrag': see selfcheck/params/ [parameter]\n"
        "content/leistungen/kindergeld.de.md:30: warning: Frist: 3 Monate, 100% – bitte prüfen [deadline]\n")


def test_github_workflow_commands_escape_percent_and_separators():
    assert report_formats.render(TWO, "github", warnings=("deadline",)) == (
        "::error file=content/leistungen/kindergeld.de.md,line=12,title=parameter::"
        "unknown parameter 'kindergeld.betrag': see selfcheck/params/\n"
        "::warning file=content/leistungen/kindergeld.de.md,line=30,title=deadline::"
        "Frist: 3 Monate, 100%25 – bitte prüfen\n")


def test_gitlab_code_quality_report():
    report = json.loads(report_formats.render(TWO, "gitlab", warnings=("deadline",)))
    assert [{k: v for k, v in entry.items() if k != "fingerprint"} for entry in report] == [
        {"description": "unknown parameter 'kindergeld.betrag': see selfcheck/params/", "check_name": "parameter",
         "severity": "major", "location": {"path": PAGE, "lines": {"begin": 12}}},
        {"description": "Frist: 3 Monate, 100% – bitte prüfen", "check_name": "deadline",
         "severity": "minor", "location": {"path": PAGE, "lines": {"begin": 30}}},
    ]
    # GitLab tells new from fixed problems by the fingerprint: unique here, and the same when the line moves.
    moved = json.loads(report_formats.render([Problem(PAGE, 14, TWO[0].message, "parameter")], "gitlab"))
    assert len({e["fingerprint"] for e in report}) == 2 and moved[0]["fingerprint"] == report[0]["fingerprint"]


def test_plain_file_line_strings_are_read_too():
    assert report_formats.render([PLAIN], "github") == (
        "::error file=content/leistungen/kindergeld.de.md,line=12,title=check::"
        "unknown parameter 'kindergeld.betrag': see selfcheck/params/\n")


def test_plain_warning_strings_become_warnings():
    warning = f"{PAGE}:30: warning: period '12 Monate' typed in"
    assert report_formats.render([warning], "github") == (
        "::warning file=content/leistungen/kindergeld.de.md,line=30,title=check::period '12 Monate' typed in\n")
    assert report_formats.render([warning], "text") == f"{PAGE}:30: warning: period '12 Monate' typed in [check]\n"


def test_check_of_a_page_with_two_mistakes_in_all_three_formats(tmp_path):
    page = tmp_path / "seite.de.md"
    page.write_text('---\ntitle: X\n---\n# X\n\nBetrag: {{ param("kindergeld.betrag") }}\nFrist: {{ frist }}\n',
                    encoding="utf-8")
    problems = check.run(content_dir=tmp_path, today=date(2026, 11, 21))
    items = [report_formats.item(p) for p in problems]
    assert [(i.path, i.line) for i in items] == [(str(page), 6), (str(page), 7)]
    text = report_formats.render(problems, "text")
    assert text.count("\n") == 2 and text.startswith(f"{page}:6: unknown parameter 'kindergeld.betrag'")
    assert report_formats.render(problems, "github").startswith(f"::error file={page},line=6,title=")
    assert [e["location"]["lines"]["begin"] for e in json.loads(report_formats.render(problems, "gitlab"))] == [6, 7]
