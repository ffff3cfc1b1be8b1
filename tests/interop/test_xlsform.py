"""XLSForm export and import: pyxform converts our forms, and export-then-import is lossless."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import Workbook, load_workbook
from pyxform.xls2xform import convert

from surveyapp.interop.xlsform import ROOT_NAME, build_xlsform, relevant_expression
from surveyapp.interop.xlsform_import import import_xlsform, parse_constraint, parse_relevant
from surveyapp.questionnaire import load_questionnaire, questionnaire_from_json

TYPES = ("state", "iscm", "igo")


@pytest.mark.parametrize("respondent_type", TYPES)
def test_pyxform_converts_the_exported_questionnaire_without_warnings(
    respondent_type, exported_form, tmp_path
):
    path = tmp_path / f"{respondent_type}.xlsx"
    exported_form(respondent_type).write(path)
    warnings: list[str] = []
    # With Java at hand, ODK Validate (shipped with pyxform) also checks every expression.
    validate = shutil.which("java") is not None
    result = convert(str(path), warnings=warnings, form_name=ROOT_NAME, validate=validate)
    assert warnings == []
    assert f'id="{respondent_type}"' in result.xform
    assert "<organisation_code/>" in result.xform


@pytest.mark.parametrize("respondent_type", TYPES)
def test_export_has_a_label_column_for_every_language_present(
    respondent_type, exported_form, shipped_questionnaire, tmp_path
):
    questionnaire = shipped_questionnaire(respondent_type)
    present = {
        lang for q in questionnaire.all_questions() for lang, text in q.label.items() if text
    }
    path = tmp_path / "form.xlsx"
    exported_form(respondent_type).write(path)
    header = [c.value for c in load_workbook(path)["survey"][1]]
    names = {"en": "English (en)", "fr": "French (fr)", "es": "Spanish (es)", "ar": "Arabic (ar)"}
    for lang in present:
        assert f"label::{names[lang]}" in header
        assert f"hint::{names[lang]}" in header
    assert set(load_workbook(path).sheetnames) == {"survey", "choices", "settings"}


def test_export_maps_conditions_bounds_repeats_and_per_item(exported_form):
    rows = {row.get("name"): row for row in exported_form("iscm").survey}
    assert rows["strategy_title"]["relevant"] == "${has_strategy} = 'yes'"
    assert rows["partner_iscms_cooperation"]["relevant"] == "${partner_iscms} != ''"
    assert rows["founding_year"]["constraint"] == ". >= 1945 and . <= 2100"
    assert rows["partner_igo_examples"]["type"] == "begin_repeat"
    assert rows["partner_iscms_other"]["relevant"] == "selected(${partner_iscms}, 'other')"
    state = {row.get("name"): row for row in exported_form("state").survey}
    assert state["iscm_views"]["repeat_count"] == "25"
    assert state["iscm_views_item"]["calculation"] == (
        "instance('registry_iscm')/root/item[position() = position(current()/..)]/name"
    )
    assert state["iscm_views_chosen"]["relevant"] == "selected(${iscms}, ${iscm_views_item})"
    assert state["respondent_name"]["required"] == "yes"
    assert state["iscms"]["constraint"] == "count-selected(.) >= 1"


@pytest.mark.parametrize("respondent_type", TYPES)
def test_export_then_import_gives_back_the_same_questionnaire(
    respondent_type, exported_form, shipped_questionnaire, registry, tmp_path, runner
):
    xlsx, back = tmp_path / "form.xlsx", tmp_path / "back.yaml"
    exported_form(respondent_type).write(xlsx)
    result = runner.invoke(args=["questionnaires", "import-xlsform", str(xlsx), "-o", str(back)])
    assert result.exit_code == 0, result.output
    assert "Not carried" not in result.output
    imported = load_questionnaire(back, choice_source=registry)
    assert imported.to_json() == shipped_questionnaire(respondent_type).to_json()


def test_export_command_writes_a_workbook_pyxform_accepts(runner, tmp_path):
    path = tmp_path / "state.xlsx"
    result = runner.invoke(args=["questionnaires", "export-xlsform", "state", "-o", str(path)])
    assert result.exit_code == 0, result.output
    warnings: list[str] = []
    convert(str(path), warnings=warnings, form_name=ROOT_NAME)
    assert warnings == []


def test_conditions_survive_the_trip_through_xpath():
    condition = {
        "all": [
            {"question": "a", "equals": "yes"},
            {"not": {"question": "b", "answered": True}},
            {"any": [{"question": "c", "includes": "x"}, {"question": "n", "equals": 3}]},
        ]
    }
    expression = relevant_expression(condition, {"n": "integer"})
    assert parse_relevant(expression) == {
        "all": [
            {"question": "a", "equals": "yes"},
            {"not": {"question": "b", "answered": True}},
            {"any": [{"question": "c", "includes": "x"}, {"question": "n", "equals": 3}]},
        ]
    }


def test_expressions_beyond_our_conditions_are_refused():
    with pytest.raises(ValueError):
        parse_relevant("${a} > 3")
    with pytest.raises(ValueError):
        parse_constraint("regex(., '^[a-z]+$')", "text")
    assert parse_constraint(". >= 1 and . <= 9", "integer") == {"min": 1, "max": 9}


def _third_party_form(path):
    workbook = Workbook()
    survey = workbook.active
    survey.title = "survey"
    survey.append(
        [
            "type",
            "name",
            "label::English (en)",
            "label::Portuguese (pt)",
            "relevant",
            "media::image",
        ]
    )
    survey.append(["start", "start", None, None, None, None])
    survey.append(["begin_group", "about", "About", "Sobre", None, None])
    survey.append(["text", "name", "Name", "Nome", None, None])
    survey.append(["geopoint", "where", "Where are you?", None, None, None])
    survey.append(["integer", "age", "Age", None, "${name} != '' and ${name} > 3", None])
    survey.append(["select_one yn", "ok", "OK?", None, None, "ok.png"])
    survey.append(["end_group", None, None, None, None, None])
    choices = workbook.create_sheet("choices")
    choices.append(["list_name", "name", "label::English (en)"])
    choices.append(["yn", "yes", "Yes"])
    choices.append(["yn", "no", "No"])
    settings = workbook.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Third party", "third_party", "3"])
    workbook.save(path)


def test_import_notes_what_it_cannot_carry_by_kind_naming_the_questions(tmp_path):
    path = tmp_path / "third.xlsx"
    _third_party_form(path)
    result = import_xlsform(path, respondent_type="igo")
    notes = {note.message: note.subjects for note in result.notes}
    assert notes[
        "metadata fields are not carried (the platform records who answered and when)"
    ] == ["start (start)"]
    assert notes["questions of type 'geopoint' are not carried"] == ["where"]
    assert notes[
        "comparisons other than = and != are not carried; that part of the condition is left out"
    ] == ["age: ${name} > 3"]
    assert notes["column 'media' is not carried"] == ["ok"]
    assert notes["languages other than en, fr, es, ar are left out"] == ["Portuguese (pt)"]
    assert result.data["sections"][0]["questions"][1]["show_if"] == {
        "question": "name",
        "answered": True,
    }
    questionnaire = questionnaire_from_json({**result.data, "sections": result.data["sections"]})
    keys = [q.key for q in questionnaire.questions()]
    assert keys == ["name", "age", "ok"]
    assert questionnaire.question("ok").choice_codes == ["yes", "no"]


def test_import_without_respondent_type_says_how_to_give_one(tmp_path, runner):
    path = tmp_path / "third.xlsx"
    _third_party_form(path)
    result = runner.invoke(
        args=["questionnaires", "import-xlsform", str(path), "-o", str(tmp_path / "x.yaml")]
    )
    assert result.exit_code != 0
    assert "--type" in result.output
    assert "Traceback" not in result.output


def test_import_of_a_file_that_is_no_workbook_is_a_clear_error(tmp_path, runner):
    path = tmp_path / "broken.xlsx"
    path.write_text("not a workbook")
    result = runner.invoke(
        args=["questionnaires", "import-xlsform", str(path), "-o", str(tmp_path / "x.yaml")]
    )
    assert result.exit_code != 0
    assert "pyxform cannot read this form" in result.output


def test_formula_like_labels_are_written_as_text(shipped_questionnaire, tmp_path):
    questionnaire = shipped_questionnaire("igo")
    questionnaire.sections[0].questions[1].label["en"] = '=HYPERLINK("http://evil")'
    path = tmp_path / "form.xlsx"
    build_xlsform(questionnaire, []).write(path)
    sheet = load_workbook(path)["survey"]
    cells = [c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("http://evil")']
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_a_per_item_row_belongs_to_its_item_whatever_the_respondent_chooses(exported_form):
    rows = {row.get("name"): row for row in exported_form("igo").survey}
    repeat, item = rows["iscm_engagement"], rows["iscm_engagement_item"]
    # as many rows as the list has items, each computing its item from its own position in
    # the list, not from the positions of the chosen items (which shift when one is unchosen)
    assert repeat["repeat_count"] == "25"
    assert "${iscms}" not in item["calculation"]
    assert item["calculation"].startswith("instance('registry_iscm')/root/item[")
    assert rows["iscm_engagement_chosen"]["relevant"] == (
        "selected(${iscms}, ${iscm_engagement_item})"
    )
