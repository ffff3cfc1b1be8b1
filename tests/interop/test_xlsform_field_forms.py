"""XLSForms written elsewhere: read as pyxform reads them, carried or explained, always valid.

The forms are in ``tests/interop/xlsforms/`` (written for these tests; ``make_copies.py``
writes their .xlsx, .xls and .csv copies). Each test runs the commands as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook
from pyxform.xls2xform import convert

from surveyapp.interop.xlsform import ROOT_NAME
from surveyapp.questionnaire import load_questionnaire

FORMS = Path(__file__).parent / "xlsforms"
ALL_FORMS = sorted(p for p in FORMS.iterdir() if p.suffix in (".md", ".csv", ".xlsx", ".xls"))


@pytest.fixture
def imported(runner, tmp_path):
    """Factory: run import-xlsform on a form; (the questionnaire data, the command's output)."""

    def run(form: Path | str, *options: str) -> tuple[dict, str]:
        output = tmp_path / f"{Path(form).stem}.yaml"
        result = runner.invoke(
            args=[
                "questionnaires",
                "import-xlsform",
                str(form),
                "--type",
                "state",
                "-o",
                str(output),
                *options,
            ]
        )
        assert result.exit_code == 0, result.output
        return yaml.safe_load(output.read_text(encoding="utf-8")), result.output

    return run


def questions(data: dict) -> dict[str, dict]:
    """Every question of imported data by key, children of repeats included."""
    found = {}
    for section in data["sections"]:
        for question in section["questions"]:
            found[question["key"]] = question
            for child in question.get("questions", []):
                found[child["key"]] = child
    return found


@pytest.mark.parametrize("form", ALL_FORMS, ids=lambda p: p.name)
def test_every_form_imports_validates_exports_and_converts_with_pyxform(
    form, runner, registry, tmp_path
):
    first, xlsx, second = tmp_path / "first.yaml", tmp_path / "form.xlsx", tmp_path / "second.yaml"
    result = runner.invoke(
        args=["questionnaires", "import-xlsform", str(form), "--type", "state", "-o", str(first)]
    )
    assert result.exit_code == 0, result.output
    questionnaire = load_questionnaire(first, choice_source=registry)
    result = runner.invoke(args=["questionnaires", "export-xlsform", str(first), "-o", str(xlsx)])
    assert result.exit_code == 0, result.output
    warnings: list[str] = []
    convert(str(xlsx), warnings=warnings, form_name=ROOT_NAME)
    assert warnings == []
    result = runner.invoke(args=["questionnaires", "import-xlsform", str(xlsx), "-o", str(second)])
    assert result.exit_code == 0, result.output
    assert "Note" not in result.output
    assert load_questionnaire(second, choice_source=registry).to_json() == questionnaire.to_json()


def test_the_same_form_as_md_xlsx_and_xls_gives_the_same_questionnaire(imported):
    from_md, _ = imported(FORMS / "field_form.md")
    assert imported(FORMS / "field_form.xlsx")[0] == from_md
    assert imported(FORMS / "field_form.xls")[0] == from_md


def test_a_csv_form_gives_the_same_questionnaire_as_its_markdown(imported):
    assert imported(FORMS / "old_spellings.csv")[0] == imported(FORMS / "old_spellings.md")[0]


def test_choices_listed_under_list_name_with_a_space_are_read(imported):
    data, _ = imported(FORMS / "old_spellings.md")
    found = questions(data)
    assert [c["code"] for c in found["displaced"]["choices"]] == ["yes", "no"]
    assert [c["code"] for c in found["priority_needs"]["choices"]] == ["food", "water", "shelter"]


def test_old_type_spellings_are_read_as_pyxform_reads_them(imported):
    data, _ = imported(FORMS / "old_spellings.md")
    found = questions(data)
    assert found["head_name"]["type"] == "text"  # string
    assert found["members"]["type"] == "integer"  # int
    assert found["displaced"]["type"] == "select_one"  # select1
    assert found["member_school"]["type"] == "select_one"  # select one from
    assert found["priority_needs"]["type"] == "select_multiple"  # select all that apply from
    assert found["priority_needs"]["show_if"] == {"question": "displaced", "equals": "yes"}


def test_a_repeat_inside_a_repeat_is_left_out_and_the_rows_after_it_are_read(imported):
    data, output = imported(FORMS / "old_spellings.md")
    household, closing = data["sections"]
    assert [q["key"] for q in household["questions"]] == [
        "head_name",
        "members",
        "displaced",
        "priority_needs",
        "member",
        "shelter",
    ]
    member = household["questions"][4]
    assert [q["key"] for q in member["questions"]] == ["member_name", "member_age", "member_school"]
    assert [q["key"] for q in closing["questions"]] == ["remarks"]
    note = "repeats inside a repeat (and loops) are not carried, with their questions (1)"
    assert f"{note}: member_visit" in output


def test_a_shared_choice_list_is_written_without_yaml_aliases(runner, tmp_path, registry):
    output = tmp_path / "field.yaml"
    result = runner.invoke(
        args=[
            "questionnaires",
            "import-xlsform",
            str(FORMS / "field_form.md"),
            "--type",
            "state",
            "-o",
            str(output),
        ]
    )
    assert result.exit_code == 0, result.output
    text = output.read_text(encoding="utf-8")
    assert "&id" not in text and "*id" not in text
    load_questionnaire(output, choice_source=registry)


def test_a_renamed_question_is_renamed_in_conditions_and_labels(imported):
    data, output = imported(FORMS / "field_form.md")
    found = questions(data)
    assert "consent" in found and "Consent" not in found
    assert found["comments_2"]["show_if"] == {"question": "consent", "equals": "yes"}
    assert found["satisfaction"]["label"]["en"] == "How satisfied are you, ${consent}?"
    assert "question names that are not snake_case are renamed (1): Consent → consent" in output


def test_selected_on_a_single_choice_becomes_equals(imported):
    data, _ = imported(FORMS / "field_form.md")
    assert questions(data)["pregnant"]["show_if"]["all"][1] == {
        "question": "resp_sex",
        "equals": "female",
    }


def test_a_groups_relevant_goes_to_each_of_its_questions(imported):
    data, _ = imported(FORMS / "field_form.md")
    found = questions(data)
    consent = {"question": "consent", "equals": "yes"}
    assert found["resp_sex"]["show_if"] == consent
    assert found["water_source"]["show_if"] == {
        "all": [consent, {"question": "needs", "includes": "water"}]
    }


def test_a_label_that_refers_to_a_question_not_carried_loses_the_reference_with_a_note(
    imported,
):
    data, output = imported(FORMS / "field_form.md")
    assert questions(data)["age_note"]["label"] == {
        "en": "Twice your age is …",
        "fr": "Deux fois votre âge : …",
    }
    assert "age2 in the label of 'age_note'" in output


def test_a_condition_on_a_question_not_carried_or_later_is_left_out_naming_both(imported):
    data, output = imported(FORMS / "field_form.md")
    assert questions(data)["why_unhappy"]["show_if"]["all"][1] == {
        "question": "satisfaction",
        "equals": "1",
    }
    assert "later in the condition of 'why_unhappy'" in output


def test_a_condition_on_a_choice_the_source_list_lacks_says_the_source_form_is_wrong(imported):
    data, output = imported(FORMS / "field_form.md")
    assert questions(data)["comments"]["show_if"]["all"][-1] == {
        "question": "needs",
        "includes": "water",
    }
    assert "(the source form is wrong)" in output
    assert "'borehole' of water_source in the condition of 'comments'" in output


def test_a_name_used_in_two_groups_gets_a_number(imported):
    data, output = imported(FORMS / "field_form.md")
    assert data["sections"][-1]["questions"][0]["key"] == "comments_2"
    assert "a question name used twice gets a number (1): comments → comments_2" in output


def test_or_other_is_the_other_option(imported):
    data, _ = imported(FORMS / "field_form.md")
    water_source = questions(data)["water_source"]
    assert water_source["other"] is True
    assert [c["code"] for c in water_source["choices"]] == ["piped", "well"]
    assert "water_source_other" not in questions(data)


def _wide_form(path: Path, count: int) -> None:
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(["type", "name", "label", "media::image", "constraint_message", "start"])
    for number in range(count):
        survey.append(["text", f"q{number}", f"Question {number}", "a.png", "Too long", None])
    workbook.save(path)


def test_what_is_not_carried_is_reported_once_per_kind_with_its_count(runner, tmp_path):
    form = tmp_path / "wide.xlsx"
    _wide_form(form, 300)
    result = runner.invoke(
        args=[
            "questionnaires",
            "import-xlsform",
            str(form),
            "--type",
            "igo",
            "-o",
            str(tmp_path / "w.yaml"),
        ]
    )
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.startswith("Note: ")]
    assert notes == [
        "Note: column 'media' is not carried (300): q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, "
        "q10, q11 and 288 more",
        "Note: column 'constraint_message' is not carried (300): q0, q1, q2, q3, q4, q5, q6, "
        "q7, q8, q9, q10, q11 and 288 more",
    ]


def test_json_report_lists_each_kind_with_its_count_and_subjects(runner, tmp_path):
    output = tmp_path / "field.yaml"
    result = runner.invoke(
        args=[
            "questionnaires",
            "import-xlsform",
            str(FORMS / "field_form.md"),
            "--type",
            "state",
            "-o",
            str(output),
            "--json",
        ]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["valid"] is True and report["problems"] == []
    assert report["output"] == str(output)
    assert report["questions"] == 12
    by_kind = {note["kind"]: note for note in report["notes"]}
    assert by_kind["metadata_not_carried"]["count"] == 3
    assert by_kind["metadata_not_carried"]["subjects"] == [
        "start (start)",
        "end (end)",
        "deviceid (deviceid)",
    ]


def test_export_xlsform_takes_a_questionnaire_file(runner, tmp_path):
    xlsx = tmp_path / "igo.xlsx"
    source = Path(__file__).parents[2] / "questionnaires" / "igo.yaml"
    result = runner.invoke(args=["questionnaires", "export-xlsform", str(source), "-o", str(xlsx)])
    assert result.exit_code == 0, result.output
    assert convert(str(xlsx), form_name=ROOT_NAME).xform


def test_export_xlsform_of_neither_a_type_nor_a_file_says_so(runner, tmp_path):
    result = runner.invoke(
        args=["questionnaires", "export-xlsform", "nothing.yaml", "-o", str(tmp_path / "x.xlsx")]
    )
    assert result.exit_code == 1
    assert (
        "'nothing.yaml' is neither a respondent type (state, iscm, igo) nor a questionnaire file"
        in result.output
    )


def test_a_file_type_pyxform_does_not_read_is_refused_clearly(runner, tmp_path):
    form = tmp_path / "form.ods"
    form.write_bytes(b"PK")
    result = runner.invoke(
        args=[
            "questionnaires",
            "import-xlsform",
            str(form),
            "--type",
            "igo",
            "-o",
            str(tmp_path / "x.yaml"),
        ]
    )
    assert result.exit_code == 1
    assert "an XLSForm is a .xlsx, .xls, .csv or .md file" in result.output


def test_a_renamed_choice_code_is_renamed_in_conditions_written_either_way_round(imported):
    data, output = imported(FORMS / "kobo_style.md")
    found = questions(data)
    assert [c["code"] for c in found["district"]["choices"]] == ["north_east", "yes"]
    assert found["satisfied"]["show_if"] == {"question": "district", "equals": "north_east"}
    assert found["person"]["show_if"] == {"question": "district", "equals": "yes"}
    assert "district: 'north east' → 'north_east'" in output


def test_required_is_read_in_each_spelling_and_date_bounds_are_carried(imported):
    data, _ = imported(FORMS / "kobo_style.md")
    found = questions(data)
    assert found["visit_date"]["required"] is True  # TRUE
    assert found["district"]["required"] is True  # true()
    assert found["visit_date"]["min"] == "2020-01-01"


def test_a_condition_outside_a_repeat_on_a_question_inside_it_is_left_out(imported):
    data, output = imported(FORMS / "kobo_style.md")
    assert "show_if" not in questions(data)["first_person"]
    assert "person_name in the condition of 'first_person'" in output


def test_equals_on_a_multiple_choice_is_read_as_includes_with_a_note(imported):
    data, output = imported(FORMS / "kobo_style.md")
    assert questions(data)["person_detail"]["show_if"] == {
        "question": "person_vuln",
        "includes": "disability",
    }
    assert "person_vuln in the condition of 'person_detail'" in output


def test_a_form_file_beyond_the_size_limit_is_refused_before_it_is_read(
    runner, tmp_path, monkeypatch
):
    monkeypatch.setattr("surveyapp.interop.xlsform_import.MAX_FORM_BYTES", 1024 * 1024)
    form = tmp_path / "huge.csv"
    form.write_text("survey\n,type,name,label\n" + ",text,q,Q\n" * 200_000)
    result = runner.invoke(
        args=["questionnaires", "import-xlsform", str(form), "-o", str(tmp_path / "x.yaml")]
    )
    assert result.exit_code == 1
    assert "an XLSForm file is at most 1 MB" in result.output


def test_the_bounds_beside_a_constraint_that_cannot_be_carried_are_kept(imported):
    data, output = imported(FORMS / "msna_style.md")
    assert questions(data)["priority_needs"]["max"] == 3
    assert "priority_needs: not(selected(., 'none') and count-selected(.) > 1)" in output


def test_an_other_text_on_a_multiple_choice_becomes_its_other_option(imported):
    data, _ = imported(FORMS / "msna_style.md")
    found = questions(data)
    assert found["priority_needs"]["other"] is True
    assert "other" not in [c["code"] for c in found["priority_needs"]["choices"]]
    assert "priority_needs_other" not in found


def test_selected_idioms_of_an_msna_form_become_conditions(imported):
    data, output = imported(FORMS / "msna_style.md")
    found = questions(data)
    consent = {"question": "consent", "equals": "yes"}
    assert found["hoh_gender"]["show_if"] == {"all": [consent, {"question": "hoh", "equals": "no"}]}
    assert found["received_aid"]["show_if"] == {
        "all": [consent, {"not": {"question": "priority_needs", "includes": "none"}}]
    }
    assert found["member_disability"]["show_if"] == {
        "any": [
            {"question": "member_gender", "equals": "female"},
            {"question": "member_gender", "equals": "male"},
        ]
    }
    assert "'vouchers' of aid_type in the condition of 'aid_satisfaction'" in output


def test_json_report_of_a_form_that_cannot_be_read_says_why(runner, tmp_path):
    form = tmp_path / "broken.xlsx"
    form.write_text("not a workbook")
    command = ["questionnaires", "import-xlsform", str(form), "--type", "igo", "--json"]
    result = runner.invoke(args=[*command, "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["valid"] is False and report["output"] is None
    assert "pyxform cannot read this form" in report["error"]
