"""Loading a good questionnaire file into the model."""

from __future__ import annotations

import pytest

from surveyapp.questionnaire import (
    Choice,
    Text,
    load_questionnaire,
    validate_paths,
)


def test_good_file_loads_with_metadata_and_sections(questionnaire):
    assert questionnaire.id == "iscm"
    assert questionnaire.version == "2026.1"
    assert questionnaire.respondent_type == "iscm"
    assert questionnaire.title.get_text("fr") == "Questionnaire pour les secrétariats"
    assert questionnaire.intro == Text(en="Thank you for taking part.")
    assert [section.key for section in questionnaire.sections] == ["mandate", "meetings", "views"]
    assert questionnaire.source.endswith("questionnaire.yaml")


def test_questions_iterates_top_level_questions_in_order(questionnaire):
    keys = [question.key for question in questionnaire.questions()]
    assert keys[:3] == ["welcome", "founding_document", "mandate"]
    assert "meeting_date" not in keys
    assert keys[-2:] == ["iscms", "iscm_views"]


def test_question_finds_top_level_and_child_questions(questionnaire):
    assert questionnaire.question("founding_year").type == "year"
    child = questionnaire.question("meeting_title")
    assert child.type == "text"
    assert questionnaire.parent_of("meeting_title").key == "meetings"
    assert questionnaire.parent_of("founding_year") is None
    with pytest.raises(KeyError):
        questionnaire.question("nothing_here")


def test_section_of_a_child_question_is_the_section_of_its_container(questionnaire):
    assert questionnaire.section_of("founding_year").key == "mandate"
    assert questionnaire.section_of("role").key == "views"
    assert questionnaire.section("meetings").questions[0].key == "meetings"
    with pytest.raises(KeyError):
        questionnaire.section("nowhere")


def test_question_records_its_line_in_the_file(questionnaire, good_yaml):
    lines = good_yaml.splitlines()
    line = questionnaire.question("founding_year").line
    assert lines[line - 1].strip() == "- key: founding_year"


def test_other_true_appends_the_other_choice(questionnaire):
    question = questionnaire.question("has_strategy")
    assert question.choice_codes == ["yes", "no", "other"]
    assert question.label_for("other", "fr") == "Autre"
    assert question.label_for("no", "fr") == "Non"
    assert question.label_for("yes", "ar") == "Yes"


def test_unquoted_yes_and_no_stay_strings_and_integer_codes_become_strings(questionnaire):
    assert questionnaire.question("has_strategy").show_if is None
    assert questionnaire.question("strategy_title").show_if == {
        "question": "has_strategy",
        "equals": "yes",
    }
    assert questionnaire.question("value_rating").choice_codes == ["1", "2", "3"]


def test_choices_from_is_resolved_by_the_choice_source(questionnaire):
    question = questionnaire.question("thematic_areas")
    assert question.choices_from == "vocabulary:thematic_areas"
    assert question.choices[0] == Choice(
        "trafficking_in_persons", Text(en="Trafficking in persons")
    )
    assert question.choice_codes[-1] == "other"


def test_choices_from_without_a_choice_source_is_left_unresolved(write_yaml, good_yaml):
    questionnaire = load_questionnaire(write_yaml(good_yaml))
    question = questionnaire.question("thematic_areas")
    assert question.choices == []
    assert question.choices_from == "vocabulary:thematic_areas"


def test_defaults_are_written_out_for_text_length_and_year_bounds(questionnaire):
    assert questionnaire.question("mandate").max_length == 10_000
    assert questionnaire.question("founding_document").max_length == 20
    year = questionnaire.question("founding_year")
    assert (year.min, year.max) == (1900, 2100)
    assert questionnaire.question("welcome").max_length is None


def test_containers_hold_their_children(questionnaire):
    meetings = questionnaire.question("meetings")
    assert meetings.is_container
    assert [child.key for child in meetings.questions] == [
        "meeting_date",
        "meeting_level",
        "meeting_title",
        "meeting_summary",
    ]
    views = questionnaire.question("iscm_views")
    assert views.items_from == "iscms"
    assert not questionnaire.question("iscms").is_container


def test_text_falls_back_to_english():
    text = Text(en="Mandate", fr="Mandat", es="")
    assert text.get_text("fr") == "Mandat"
    assert text.get_text("es") == "Mandate"
    assert text.get_text("ar") == "Mandate"
    assert text.get_text("de") == "Mandate"


def test_validate_paths_finds_no_problem_in_a_good_file(write_yaml, good_yaml, choice_source):
    assert validate_paths([write_yaml(good_yaml)], choice_source) == []


def test_validate_paths_on_a_directory_reads_only_questionnaire_files(
    write_yaml, good_yaml, tmp_path
):
    write_yaml(good_yaml, "iscm.yaml")
    write_yaml("choices:\n  - {code: a, label: {en: A}}\n", "thematic_areas.yaml")
    write_yaml("sections: [oops\n", "broken.yaml")
    problems = validate_paths([tmp_path])
    assert [(problem.file, problem.line) for problem in problems] == [
        (str(tmp_path / "broken.yaml"), 2)
    ]


def test_validate_paths_reports_a_missing_path(tmp_path):
    (problem,) = validate_paths([tmp_path / "absent.yaml"])
    assert problem.file == str(tmp_path / "absent.yaml")
    assert "no such file" in problem.message


def test_validate_paths_reports_two_files_with_the_same_id(write_yaml, good_yaml, tmp_path):
    write_yaml(good_yaml, "a.yaml")
    write_yaml(good_yaml, "b.yaml")
    (problem,) = validate_paths([tmp_path])
    assert problem.file == str(tmp_path / "b.yaml")
    assert "id 'iscm'" in problem.message


def test_a_questionnaire_loaded_again_is_kept_until_its_file_or_registry_changes(tmp_path):
    """Loading the same file with the same registry again gives the questionnaire already
    built; an edit that keeps the file's size and date is read, and so is another registry."""
    import os
    import shutil

    from questionnaires import data_path
    from surveyapp.registry import load_registry

    folder = tmp_path / "questionnaires"
    shutil.copytree(data_path(), folder, ignore=shutil.ignore_patterns("__pycache__"))
    registry = load_registry(folder)
    file = folder / "state.yaml"
    first = load_questionnaire(file, registry)
    assert load_questionnaire(file, registry) is first
    assert load_questionnaire(file) is not first  # without the registry: lists left unresolved

    stat = file.stat()
    text = file.read_text(encoding="utf-8")
    title = first.title.get("en")
    file.write_text(text.replace(title, title[:-1] + "!", 1), encoding="utf-8")
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert file.stat().st_size == stat.st_size
    assert load_questionnaire(file, registry).title.get("en") == title[:-1] + "!"

    # igo.yaml asks which ISCMs, from the registry: another registry, other choice labels
    file = folder / "igo.yaml"
    before = load_questionnaire(file, registry)
    iscms = folder / "registry" / "iscms.yaml"
    iscms.write_text(
        iscms.read_text(encoding="utf-8").replace('en: "Rabat Process"', 'en: "Rabat"', 1),
        encoding="utf-8",
    )
    other = load_registry(folder)
    after = load_questionnaire(file, other)
    assert other is not registry and after is not before

    def rabat(questionnaire):
        return {
            choice.label.get("en")
            for question in questionnaire.all_questions()
            for choice in question.choices
            if choice.code == "rabat-process"
        }

    assert rabat(before) == {"Rabat Process"} and rabat(after) == {"Rabat"}
