"""Property: whatever form pyxform reads, import-xlsform ends with a file that validates (or
refuses the form in one clear line), never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveyapp.interop.xlsform_import import _Notes, _settle
from surveyapp.questionnaire import load_questionnaire

NAMES = ["a", "b", "Consent", "hh_size", "age", "other_x", "a_other", "q1", "Q1"]
CODES = ["yes", "no", "1", "2", "other", "n a"]
LEAVES = [
    "${{{n}}} = '{c}'",
    "${{{n}}} != '{c}'",
    "selected(${{{n}}}, '{c}')",
    "${{{n}}} != ''",
    "${{{n}}} > {i}",
    "count-selected(${{{n}}}) > 0",
    "string-length(${{{n}}}) > 0",
    "not(selected(${{{n}}}, '{c}'))",
]
OPENINGS = ["begin_group", "begin repeat", "begin_repeat", "begin group"]
QUESTION_TYPES = [
    "text",
    "integer",
    "decimal",
    "date",
    "note",
    "select_one l1",
    "select_multiple l1",
    "select_one l2 or_other",
    "calculate",
    "geopoint",
    "acknowledge",
]


@st.composite
def surveys(draw) -> list[tuple[str, ...]]:
    """Rows of a survey sheet pyxform reads: names unique within their group (a name may
    come back in another group), references only to names used once."""
    skeleton: list[list[str]] = []
    stack: list[tuple[str, set[str]]] = [("survey", set())]
    for number in range(draw(st.integers(1, 16))):
        move = draw(st.sampled_from(["question", "question", "question", "open", "close"]))
        if move == "open" and len(stack) < 4:
            kind = draw(st.sampled_from(OPENINGS))
            skeleton.append([kind, f"g{number}", f"Group {number}"])
            stack.append(("group" if "group" in kind else "repeat", set()))
        elif move == "close" and len(stack) > 1:
            skeleton.append([f"end_{stack.pop()[0]}", "", ""])
        else:
            name = draw(st.sampled_from(NAMES))
            if name in stack[-1][1]:
                name = f"{name}_{number}"
            stack[-1][1].add(name)
            skeleton.append([draw(st.sampled_from(QUESTION_TYPES)), name, "Question"])
    while len(stack) > 1:
        skeleton.append([f"end_{stack.pop()[0]}", "", ""])
    names = [row[1] for row in skeleton if row[1] and not row[0].startswith("end")]
    unique = [name for name in names if names.count(name) == 1]
    rows = []
    for type_, name, label in skeleton:
        relevant = ""
        if unique and not type_.startswith("end") and draw(st.booleans()):
            parts = [
                draw(st.sampled_from(LEAVES)).format(
                    n=draw(st.sampled_from(unique)),
                    c=draw(st.sampled_from(CODES)),
                    i=draw(st.integers(0, 5)),
                )
                for _part in range(draw(st.integers(1, 3)))
            ]
            relevant = draw(st.sampled_from([" and ", " or "])).join(parts)
        if unique and type_ == "note":
            label = f"About ${{{draw(st.sampled_from(unique))}}}"
        calculation = "1 + 1" if type_ == "calculate" else ""
        rows.append((type_, name, label, relevant, calculation))
    return rows


def markdown(rows) -> str:
    lines = ["| survey | | | | | |", "| | type | name | label | relevant | calculation |"]
    for cells in rows:
        lines.append("| | " + " | ".join(c.replace("|", "/") for c in cells) + " |")
    lines += ["", "| choices | | | |", "| | list_name | name | label |"]
    for list_name in ("l1", "l2"):
        for code in ("yes", "no", "1"):
            lines.append(f"| | {list_name} | {code} | {code.title()} |")
    return "\n".join(lines) + "\n"


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=surveys())
def test_any_form_pyxform_reads_imports_into_a_valid_questionnaire_or_is_refused_clearly(
    rows, runner
):
    with tempfile.TemporaryDirectory() as folder:
        form, output = Path(folder) / "form.md", Path(folder) / "form.yaml"
        form.write_text(markdown(rows), encoding="utf-8")
        result = runner.invoke(
            args=[
                "questionnaires",
                "import-xlsform",
                str(form),
                "--type",
                "state",
                "-o",
                str(output),
            ]
        )
        assert result.exception is None or isinstance(result.exception, SystemExit), result.output
        if result.exit_code == 0:
            load_questionnaire(output)
        else:
            assert result.output.startswith("Error: "), result.output
            assert len(result.output.strip().splitlines()) == 1, result.output


def test_what_the_checks_still_refuse_is_left_out_first_its_condition_then_the_question():
    data = {
        "id": "f",
        "version": "1",
        "respondent_type": "state",
        "title": {"en": "F"},
        "sections": [
            {
                "key": "s",
                "title": {"en": "S"},
                "questions": [
                    {"key": "a", "type": "text", "label": {"en": "A"}},
                    {
                        "key": "b",
                        "type": "text",
                        "label": {"en": "B"},
                        "show_if": {"question": "c", "answered": True},
                    },
                    {"key": "c", "type": "text", "label": {"en": "C"}},
                    {"key": "c", "type": "integer", "label": {"en": "C again"}},
                ],
            }
        ],
    }
    notes = _Notes()
    _settle(data, notes)
    kept = data["sections"][0]["questions"]
    assert [(q["key"], q["type"]) for q in kept] == [("a", "text"), ("b", "text"), ("c", "text")]
    assert "show_if" not in kept[1]
    assert {note.message for note in notes.all()} == {
        "a condition or bound the checks refuse is left out",
        "a question the checks refuse is left out",
    }
