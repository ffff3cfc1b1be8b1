"""Whatever file is handed to `responses import` or `round import`, the command ends with one
clear line and exit code 1 (or imports it), never a traceback."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DEEP_ARRAY = "[" * 10_000 + "]" * 10_000
DEEP_OBJECT = '{"a":' * 10_000 + "1" + "}" * 10_000

#: file content -> what the one line says
MALFORMED = {
    "array nested 10,000 deep": (DEEP_ARRAY.encode(), "is nested more than 64 levels deep"),
    "object nested 10,000 deep": (DEEP_OBJECT.encode(), "is nested more than 64 levels deep"),
    "list nested 100 deep": (
        ("[" * 100 + "]" * 100).encode(),
        "is nested more than 64 levels deep",
    ),
    "a number of 5,000 digits": (
        b'{"results": [' + b"9" * 5000 + b"]}",
        "is not valid JSON (Exceeds the limit (4300 digits)",
    ),
    "cut short": (b'{"results": [{"_uuid": "a"', "is not valid JSON (line 1:"),
    "not UTF-8": (b"\xff\xfe[\x00{\x00", "is not UTF-8 text"),
}


def refused_in_one_line(result, expected: str) -> None:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert expected in lines[0]


@pytest.mark.parametrize(("content", "expected"), MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_submissions_file_gets_one_line_and_exit_1(runner, tmp_path, content, expected):
    path = tmp_path / "submissions.json"
    path.write_bytes(content)
    refused_in_one_line(runner.invoke(args=["responses", "import", str(path)]), expected)


@pytest.mark.parametrize(("content", "expected"), MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_round_archive_gets_one_line_and_exit_1(runner, tmp_path, content, expected):
    path = tmp_path / "round.json"
    path.write_bytes(content)
    refused_in_one_line(runner.invoke(args=["round", "import", str(path)]), expected)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ("[1, 2, 3]", "this is not a round archive"),
        ('"round"', "this is not a round archive"),
        ('{"format": "surveyapp-round", "format_version": 1}', "the archive is malformed"),
        (
            '{"format": "surveyapp-round", "format_version": 1, "round": [], "registry": {}}',
            "the archive is malformed",
        ),
    ],
)
def test_a_json_file_that_is_no_round_archive_gets_one_line(runner, tmp_path, document, expected):
    path = tmp_path / "round.json"
    path.write_text(document, encoding="utf-8")
    refused_in_one_line(runner.invoke(args=["round", "import", str(path)]), expected)


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ('{"count": 0}', "holds no list of submissions"),
        ("[1, 2]", "holds no list of submissions"),
        ('"text"', "is neither JSON nor a CSV file with a header row"),
    ],
)
def test_a_json_file_that_is_no_submissions_export_gets_one_line(
    runner, tmp_path, document, expected
):
    path = tmp_path / "submissions.json"
    path.write_text(document, encoding="utf-8")
    refused_in_one_line(runner.invoke(args=["responses", "import", str(path)]), expected)


def test_a_csv_with_a_field_beyond_the_csv_limit_gets_one_line(runner, tmp_path):
    path = tmp_path / "submissions.csv"
    path.write_text('_uuid,mandate/mandate\na,"' + "x" * 200_000 + '"\n', encoding="utf-8")
    refused_in_one_line(
        runner.invoke(args=["responses", "import", str(path)]), "field larger than field limit"
    )


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(alphabet=st.characters(exclude_categories=()), max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=25), children, max_size=4)
    ),
    max_leaves=15,
)
SUBMISSION_KEYS = st.sampled_from(
    [
        "_uuid",
        "meta/instanceID",
        "organisation_code",
        "respondent/respondent_name",
        "mandate/mandate",
        "mandate/founding_year",
        "meetings/meetings",
        "meetings/meetings/meeting_title",
    ]
)
#: half of them placed (a new id, a known organisation), so their answers reach the engine
PLACED = st.fixed_dictionaries(
    {
        "_uuid": st.uuids().map(str),
        "organisation_code": st.sampled_from(["khartoum-process", "NLD"]),
    }
)
SUBMISSIONS = st.lists(
    st.builds(
        lambda placed, fields: fields | placed,
        PLACED | st.just({}),
        st.dictionaries(SUBMISSION_KEYS | st.text(max_size=10), JSON_VALUES, max_size=6),
    ),
    max_size=4,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(records=SUBMISSIONS)
def test_any_list_of_submissions_is_imported_or_refused_never_a_traceback(
    runner, tmp_path, records
):
    path = tmp_path / "submissions.json"
    # ensure_ascii: a lone surrogate travels as its escape, as a JSON export may carry it.
    path.write_text(json.dumps({"results": records}), encoding="utf-8")
    result = runner.invoke(args=["responses", "import", str(path)])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(content=st.binary(max_size=200) | JSON_VALUES.map(lambda v: json.dumps(v).encode()))
def test_any_file_given_to_round_import_is_refused_in_one_line(runner, tmp_path, content):
    path = tmp_path / "round.json"
    path.write_bytes(content)
    result = runner.invoke(args=["round", "import", str(path)])
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert len(result.output.strip().splitlines()) == 1, result.output
