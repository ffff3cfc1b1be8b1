"""A broken questionnaire file gets one clear problem per fault, with file, line and key."""

from __future__ import annotations

import textwrap

import pytest

from surveyapp.questionnaire import (
    Problem,
    QuestionnaireError,
    load_questionnaire,
    validate_paths,
)

#: a questionnaire header; the questions given to ``questionnaire_text`` start on line 9
HEAD = """\
id: demo
version: "1"
respondent_type: state
title: {en: Demo}
sections:
  - key: main
    title: {en: Main}
    questions:
"""
FIRST_LINE = 9


def questionnaire_text(questions: str) -> str:
    """A whole questionnaire whose only section holds ``questions`` (YAML list items)."""
    return HEAD + textwrap.indent(textwrap.dedent(questions), "      ")


@pytest.fixture
def problems_in(write_yaml):
    """Validate a questionnaire made of the given questions; return (path, problems)."""

    def check(questions: str, choice_source=None) -> tuple[str, list[Problem]]:
        path = write_yaml(questionnaire_text(questions))
        return str(path), validate_paths([path], choice_source)

    return check


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_problem_renders_as_one_line_with_file_line_and_key():
    problem = Problem("questionnaires/x.yaml", 12, "founding_year", "'min' must be a number")
    assert str(problem) == "questionnaires/x.yaml:12: founding_year: 'min' must be a number"
    assert str(Problem("x.yaml", None, None, "the file is empty")) == "x.yaml: the file is empty"


def test_load_questionnaire_raises_an_error_listing_every_problem(write_yaml):
    path = write_yaml(
        questionnaire_text(
            """\
            - key: a
              type: text
              label: {en: A}
              max_length: many
            - key: b
              type: txt
              label: {en: B}
            """
        )
    )
    with pytest.raises(QuestionnaireError) as caught:
        load_questionnaire(path)
    assert [(p.line, p.key) for p in caught.value.problems] == [(12, "a"), (14, "b")]
    assert str(caught.value).splitlines() == [str(p) for p in caught.value.problems]


def test_yaml_syntax_error_names_the_file_and_line(problems_in):
    path, problems = problems_in(
        """\
        - key: a
          type: text
          label: {en: "A"
        - key: b
        """
    )
    problem = only(problems)
    assert problem.file == path
    assert problem.line == FIRST_LINE + 3
    assert problem.message.startswith("invalid YAML:")


def test_empty_file_is_a_problem(write_yaml):
    problem = only(validate_paths([write_yaml("")]))
    assert problem.message == "the file is empty"


def test_schema_error_points_at_the_line_of_the_bad_value(problems_in):
    path, problems = problems_in(
        """\
        - key: a
          type: text
          label: {en: A}
        - key: founding_year
          type: year
          label: {en: Founding year}
          min: "long ago"
        """
    )
    problem = only(problems)
    assert (problem.file, problem.line, problem.key) == (path, FIRST_LINE + 6, "founding_year")
    assert problem.message == "'min' must be a whole number"
    assert str(problem) == f"{path}:15: founding_year: 'min' must be a whole number"


def test_unknown_question_type_is_named(problems_in):
    _, problems = problems_in(
        """\
        - key: a
          type: txt
          label: {en: A}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 1, "a")
    assert problem.message.startswith("unknown question type 'txt'")


def test_misspelt_key_is_reported_with_a_suggestion(problems_in):
    _, problems = problems_in(
        """\
        - key: a
          type: text
          label: {en: A}
          requird: true
        """
    )
    problem = only(problems)
    assert problem.line == FIRST_LINE + 3
    assert problem.message == "unknown key 'requird' (did you mean 'required'?)"


def test_missing_english_label_is_reported_on_the_label_line(problems_in):
    _, problems = problems_in(
        """\
        - key: a
          type: text
          label:
            fr: Question A
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 2, "a")
    assert problem.message == "'label' needs an English text (en)"


def test_unknown_language_is_reported_on_its_own_line(problems_in):
    _, problems = problems_in(
        """\
        - key: a
          type: text
          label:
            en: Question A
            de: Frage A
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 4, "a")
    assert "unknown language 'de'" in problem.message


def test_missing_label_is_required(problems_in):
    _, problems = problems_in(
        """\
        - key: a
          type: text
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key, problem.message) == (FIRST_LINE, "a", "'label' is required")


def test_key_must_be_snake_case(problems_in):
    _, problems = problems_in(
        """\
        - key: Founding-Year
          type: year
          label: {en: A}
        """
    )
    problem = only(problems)
    assert problem.line == FIRST_LINE
    assert "must be snake_case" in problem.message


def test_key_used_twice_names_both_lines(problems_in):
    path, problems = problems_in(
        """\
        - key: a
          type: text
          label: {en: A}
        - key: a
          type: integer
          label: {en: A again}
        """
    )
    problem = only(problems)
    assert (problem.file, problem.line, problem.key) == (path, FIRST_LINE + 3, "a")
    assert problem.message == f"key 'a' is already used on line {FIRST_LINE}"


def test_child_key_must_be_unique_across_the_file(problems_in):
    _, problems = problems_in(
        """\
        - key: title
          type: text
          label: {en: A}
        - key: meetings
          type: repeat
          label: {en: Meetings}
          questions:
            - key: title
              type: text
              label: {en: Title}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 7, "title")
    assert "already used" in problem.message


def test_key_may_not_clash_with_a_companion_answer(problems_in):
    _, problems = problems_in(
        """\
        - key: funding
          type: select_one
          label: {en: Funding}
          choices: [{code: stable, label: {en: Stable}}]
          other: true
        - key: funding_other
          type: text
          label: {en: Other funding}
        - key: story
          type: long_text
          label: {en: Story}
          attribution: true
        - key: story_no_attribution
          type: text
          label: {en: Clash}
        """
    )
    first, second = problems
    assert (first.line, first.key) == (FIRST_LINE + 5, "funding_other")
    assert "'other, please specify' answer of 'funding'" in first.message
    assert (second.line, second.key) == (FIRST_LINE + 12, "story_no_attribution")
    assert "'not for attribution' mark of 'story'" in second.message


def test_yaml_key_given_twice_in_one_mapping_is_reported(problems_in):
    _, problems = problems_in(
        """\
        - key: a
          type: text
          label: {en: A}
          label: {en: B}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 3, "a")
    assert problem.message == "'label' is given twice in this mapping"


def test_show_if_to_a_later_question_is_refused(problems_in):
    path, problems = problems_in(
        """\
        - key: funding_stability
          type: text
          label: {en: Stability}
          show_if: {question: funding_kind, equals: public}
        - key: funding_kind
          type: select_one
          label: {en: Kind}
          choices: [{code: public, label: {en: Public}}]
        """
    )
    problem = only(problems)
    assert str(problem) == (
        f"{path}:12: funding_stability: show_if refers to 'funding_kind', "
        "which is not an earlier question"
    )


def test_show_if_to_an_unknown_question_inside_all_points_at_its_line(problems_in):
    _, problems = problems_in(
        """\
        - key: a
          type: text
          label: {en: A}
        - key: b
          type: text
          label: {en: B}
          show_if:
            all:
              - {question: a, answered: true}
              - not: {question: nowhere, answered: true}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 9, "b")
    assert "'nowhere', which is not an earlier question" in problem.message


def test_child_show_if_may_refer_to_earlier_siblings_and_top_level_questions(problems_in):
    _, problems = problems_in(
        """\
        - key: detailed
          type: select_one
          label: {en: "Detailed?"}
          choices: [{code: "yes", label: {en: "Yes"}}]
        - key: meetings
          type: repeat
          label: {en: Meetings}
          questions:
            - key: level
              type: text
              label: {en: Level}
            - key: summary
              type: text
              label: {en: Summary}
              show_if:
                all:
                  - {question: level, answered: true}
                  - {question: detailed, equals: "yes"}
        """
    )
    assert problems == []


def test_child_show_if_may_not_refer_to_a_later_sibling(problems_in):
    _, problems = problems_in(
        """\
        - key: meetings
          type: repeat
          label: {en: Meetings}
          questions:
            - key: summary
              type: text
              label: {en: Summary}
              show_if: {question: level, answered: true}
            - key: level
              type: text
              label: {en: Level}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 7, "summary")
    assert "'level', which is not an earlier question" in problem.message


def test_show_if_comparing_with_a_code_that_is_not_a_choice_is_refused(problems_in):
    _, problems = problems_in(
        """\
        - key: has_strategy
          type: select_one
          label: {en: "Strategy?"}
          choices: [{code: "yes", label: {en: "Yes"}}, {code: "no", label: {en: "No"}}]
        - key: strategy_title
          type: text
          label: {en: Title}
          show_if: {question: has_strategy, equals: maybe}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 7, "strategy_title")
    assert "'maybe', which is not one of its choices" in problem.message


def test_show_if_includes_needs_a_select_multiple(problems_in):
    _, problems = problems_in(
        """\
        - key: kind
          type: select_one
          label: {en: Kind}
          choices: [{code: a, label: {en: A}}]
        - key: detail
          type: text
          label: {en: Detail}
          show_if: {question: kind, includes: a}
        """
    )
    assert "not a select_multiple" in only(problems).message


def test_malformed_condition_points_at_the_innermost_bad_part(problems_in):
    _, problems = problems_in(
        """\
        - key: a
          type: text
          label: {en: A}
        - key: b
          type: text
          label: {en: B}
          show_if:
            any:
              - {question: a, answered: true}
              - {question: a, is: x}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 9, "b")
    assert problem.message.startswith("'show_if.any.1' is not a condition")


def test_unknown_choices_from_is_refused_by_the_choice_source(problems_in, choice_source):
    path, problems = problems_in(
        """\
        - key: colours
          type: select_multiple
          label: {en: Colours}
          choices_from: vocabulary:colours
        """,
        choice_source,
    )
    problem = only(problems)
    assert (problem.file, problem.line, problem.key) == (path, FIRST_LINE + 3, "colours")
    assert problem.message == "choices_from 'vocabulary:colours' is not known"


def test_choices_from_must_name_a_registry_or_vocabulary(problems_in):
    _, problems = problems_in(
        """\
        - key: colours
          type: select_one
          label: {en: Colours}
          choices_from: colours
        """
    )
    assert "registry:iscm, registry:state, registry:igo or vocabulary:NAME" in (
        only(problems).message
    )


def test_choice_codes_must_be_unique(problems_in):
    _, problems = problems_in(
        """\
        - key: kind
          type: select_one
          label: {en: Kind}
          choices:
            - {code: a, label: {en: A}}
            - {code: a, label: {en: Also A}}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 5, "kind")
    assert problem.message == "choice code 'a' is used twice"


def test_select_question_needs_choices_or_choices_from(problems_in):
    _, problems = problems_in(
        """\
        - key: kind
          type: select_multiple
          label: {en: Kind}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE, "kind")
    assert problem.message == "a select_multiple question needs 'choices' or 'choices_from'"


def test_items_from_must_name_an_earlier_select_multiple(problems_in):
    _, problems = problems_in(
        """\
        - key: main_iscm
          type: select_one
          label: {en: ISCM}
          choices: [{code: khartoum-process, label: {en: Khartoum Process}}]
        - key: views
          type: per_item
          label: {en: Views}
          items_from: main_iscm
          questions:
            - {key: benefits, type: long_text, label: {en: Benefits}}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 7, "views")
    assert "'main_iscm', which is not an earlier select_multiple" in problem.message


def test_min_greater_than_max_is_refused(problems_in):
    _, problems = problems_in(
        """\
        - key: members
          type: integer
          label: {en: Members}
          min: 10
          max: 5
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 3, "members")
    assert problem.message == "'min' (10) is greater than 'max' (5)"


def test_date_bounds_must_be_real_dates(problems_in):
    _, problems = problems_in(
        """\
        - key: held_on
          type: date
          label: {en: Held on}
          max: "2024-02-30"
        """
    )
    problem = only(problems)
    assert (problem.line, problem.message) == (FIRST_LINE + 3, "'max' is not a real date")


def test_repeat_needs_children(problems_in):
    _, problems = problems_in(
        """\
        - key: meetings
          type: repeat
          label: {en: Meetings}
          questions: []
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 3, "meetings")
    assert problem.message == "'questions' must not be empty"


def test_children_cannot_be_containers(problems_in):
    _, problems = problems_in(
        """\
        - key: meetings
          type: repeat
          label: {en: Meetings}
          questions:
            - key: sessions
              type: repeat
              label: {en: Sessions}
              questions:
                - {key: session_title, type: text, label: {en: Title}}
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 5, "sessions")
    assert problem.message == "a repeat or per_item cannot contain a repeat question"


def test_note_cannot_be_required(problems_in):
    _, problems = problems_in(
        """\
        - key: welcome
          type: note
          label: {en: Welcome}
          required: true
        """
    )
    problem = only(problems)
    assert (problem.line, problem.key) == (FIRST_LINE + 3, "welcome")
    assert problem.message == "'required' does not apply to a note question"


def test_unquoted_version_number_is_refused_with_a_hint(write_yaml):
    path = write_yaml(
        HEAD.replace('version: "1"', "version: 2026.1")
        + "      - {key: a, type: text, label: {en: A}}\n"
    )
    problem = only(validate_paths([path]))
    assert (problem.line, problem.key) == (2, None)
    assert problem.message == "'version' must be a string: quote it, as in version: \"2026.1\""


def test_unquoted_dates_stay_strings(problems_in):
    _, problems = problems_in(
        """\
        - key: held_on
          type: date
          label: {en: Held on}
          min: 2000-01-01
        """
    )
    assert problems == []
