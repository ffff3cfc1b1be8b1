"""The questionnaire-to-report contract (reports/feeds.yaml).

The reports read answers through slots; `surveyapp questionnaires validate` refuses a
questionnaire that no longer fills a slot (question missing, renamed or of another type), with
one `file:line: key: message` line per problem, and the documentation names each slot.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from reports import feeds
from reports.dossier import VIEW_SLOT_FIELDS, IgoView, StateView
from reports.edits import section_view_fields
from reports.feeds import QuestionShape

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "questionnaires"


def questionnaire_with(tmp_path: Path, name: str, *edits: tuple[str, str]) -> Path:
    """A copy of the shipped questionnaire ``name`` with each (old, new) text replaced once."""
    text = (SHIPPED / name).read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The number of the line of ``path`` that contains ``text``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_the_shipped_questionnaires_fill_every_slot(runner):
    from surveyapp.dossiers import contract_problems
    from surveyapp.registry import load_registry

    assert contract_problems([SHIPPED], load_registry()) == []
    result = runner.invoke(args=["questionnaires", "validate"])
    assert result.exit_code == 0, result.output


def test_a_renamed_question_fails_validation_naming_the_slot_and_the_new_key(runner, tmp_path):
    path = questionnaire_with(
        tmp_path, "iscm.yaml", ("- key: founding_document\n", "- key: founding_doc\n")
    )
    result = runner.invoke(args=["questionnaires", "validate", str(path)])
    assert result.exit_code == 1
    line = line_of(path, "key: founding_doc")
    assert (
        f"{path}:{line}: founding_document: no such question, but report slot "
        "programming.founding_document reads it (a text or long_text question); renamed "
        "'founding_doc'? Then rename it in reports/feeds.yaml too\n"
    ) in result.output
    assert "1 problem found." in result.output
    assert "Traceback" not in result.output


def test_a_question_of_another_type_fails_validation(runner, tmp_path):
    path = questionnaire_with(
        tmp_path,
        "iscm.yaml",
        (
            "- key: states_joined\n        type: select_multiple",
            "- key: states_joined\n        type: select_one",
        ),
    )
    result = runner.invoke(args=["questionnaires", "validate", str(path)])
    assert result.exit_code == 1
    line = line_of(path, "key: states_joined")
    assert (
        f"{path}:{line}: states_joined: is a select_one question, but report slot "
        "structures.states_joined reads a select_multiple question (codes)\n"
    ) in result.output


def test_a_missing_child_of_a_per_item_question_is_named_by_its_path(runner, tmp_path):
    path = questionnaire_with(
        tmp_path, "state.yaml", ("- key: national_impact\n", "- key: impact_at_home\n")
    )
    result = runner.invoke(args=["questionnaires", "validate", str(path)])
    assert result.exit_code == 1
    assert (
        "iscm_views.national_impact: no such question, but report slot "
        "state_view.national_impact reads it"
    ) in result.output
    assert "renamed 'iscm_views.impact_at_home'?" in result.output


def test_a_removed_choice_the_prose_has_a_sentence_for_fails_validation(runner, tmp_path):
    path = tmp_path / "iscm.yaml"
    text = (SHIPPED / "iscm.yaml").read_text(encoding="utf-8")
    # the "in preparation" choice of has_strategy, whatever its labels say
    text, removed = re.subn(r"\n( +)- code: in_preparation\n(\1  [^\n]*\n)*", "\n", text)
    assert removed == 1
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(args=["questionnaires", "validate", str(path)])
    assert result.exit_code == 1, result.output
    assert (
        "has_strategy: has no choice 'in_preparation', which report slot "
        "programming.has_strategy has a sentence for"
    ) in result.output


def test_no_contract_checks_a_fragment_alone(runner, tmp_path):
    path = questionnaire_with(
        tmp_path, "iscm.yaml", ("- key: founding_document\n", "- key: founding_doc\n")
    )
    result = runner.invoke(args=["questionnaires", "validate", "--no-contract", str(path)])
    assert result.exit_code == 0, result.output


def test_the_checker_reports_each_problem_once_and_skips_the_children_of_a_missing_block():
    questions = {
        "iscms": QuestionShape("select_one", ("khartoum-process",), line=3),
        "views": QuestionShape("per_item", line=7),
        "views.role": QuestionShape("select_one", ("member",), line=8),
    }
    problems = feeds.check_questionnaire("state", questions)
    assert [(p.line, p.key) for p in problems] == [(3, "iscms"), (7, "iscm_views")]
    assert "is a select_one question, but report slot participation.state_iscms" in (
        problems[0].message
    )
    assert "renamed 'views'?" in problems[1].message
    assert feeds.check_questionnaire("state", {}) == [
        feeds.ContractProblem(
            None,
            "iscms",
            "no such question, but report slot participation.state_iscms reads it "
            "(a select_multiple question)",
        ),
        feeds.ContractProblem(
            None,
            "iscm_views",
            "no such question, but report slot state_view.block reads it (a per_item question)",
        ),
    ]


def test_the_reporting_code_reads_only_declared_slots_and_every_slot_is_read():
    contract = feeds.contract()
    parts = {slot.part for slot in contract.slots.values()}
    alternatives = "|".join(sorted(parts))
    pattern = re.compile(rf"""["']((?:{alternatives})\.[a-z_]+)["']""")
    sources = [*(ROOT / "reports").glob("*.py"), ROOT / "surveyapp" / "dossiers.py"]
    read = {name for path in sources for name in pattern.findall(path.read_text("utf-8"))}
    assert read - set(contract.slots) == set(), "slots read but not declared in feeds.yaml"
    assert set(contract.slots) - read == set(), "slots declared but read by no code"


def test_the_contract_refuses_an_unquoted_yes(tmp_path):
    path = tmp_path / "feeds.yaml"
    path.write_text(
        "shapes: {code: [select_one]}\n"
        "slots:\n"
        "  programming.has_strategy: {question: 'iscm:has_strategy', shape: code, codes: [yes]}\n"
    )
    with pytest.raises(ValueError, match="quote every code"):
        feeds.load_contract(path)


def test_the_documentation_names_the_slot_each_question_fills():
    """docs/questionnaire-content.md: the `slot` column of every table agrees with feeds.yaml."""
    documented: dict[str, str] = {}
    questionnaire = None
    for line in (ROOT / "docs" / "questionnaire-content.md").read_text("utf-8").splitlines():
        heading = re.match(r"## `(\w+)\.yaml`", line)
        if heading:
            questionnaire = heading.group(1)
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if questionnaire is None or len(cells) < 5 or not cells[1].startswith("`"):
            continue
        for slot in re.findall(r"`([a-z_]+\.[a-z_]+)`", cells[3]):
            documented[slot] = questionnaire
    declared = {name: slot.respondent_type for name, slot in feeds.contract().slots.items()}
    assert documented == declared


def test_every_view_slot_names_the_fields_that_hold_it_and_the_sections_that_cite_it():
    """A view slot is cited through the fields of StateView / IgoView that hold its answer."""
    contract = feeds.contract()
    views = {"state_view": StateView, "igo_view": IgoView}
    for slot in contract.slots.values():
        if slot.part not in views or slot.name.endswith(".block"):
            continue
        fields = {field.name for field in dataclasses.fields(views[slot.part])}
        assert set(VIEW_SLOT_FIELDS[slot.name]) <= fields, slot.name
    assert set(VIEW_SLOT_FIELDS) <= set(contract.slots)


def test_a_section_cites_what_feeds_yaml_says_it_cites():
    assert section_view_fields("contribution") == {
        "state": ("national_impact", "national_impact_attributable", "language")
    }
    assert section_view_fields("structures") == {
        "state": ("funding_view", "funding_view_attributable")
    }
    assert section_view_fields("programming") == {}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "  state_view.benefits: {question: 'state:v.b', shape: text, cited_in: [annex]}\n",
            "cited_in",
        ),
        (
            "  programming.mandate: {question: 'iscm:m', shape: text, cited_in: [programming]}\n",
            "cited_in",
        ),
    ],
)
def test_the_contract_refuses_a_citation_it_cannot_honour(tmp_path, entry, message):
    path = tmp_path / "feeds.yaml"
    path.write_text("shapes: {text: [text]}\nslots:\n" + entry)
    with pytest.raises(ValueError, match=message):
        feeds.load_contract(path)
