"""Random and hostile answers thrown at the respondent API get 200, 409 or 422, never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from surveyapp.bootstrap import questionnaire_dir
from surveyapp.questionnaire import load_questionnaire
from surveyapp.registry import load_registry

JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=50)
    | st.sampled_from(["2014-11-28", "2014-02-30", "yes", "no", "other", "1", "KEN", ""])
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def question_keys(respondent_type: str) -> list[str]:
    questionnaire = load_questionnaire(
        questionnaire_dir() / f"{respondent_type}.yaml", choice_source=load_registry()
    )
    keys = []
    for question in questionnaire.questions():
        keys.append(question.key)
        if question.other:
            keys.append(f"{question.key}_other")
        if question.attribution:
            keys.append(f"{question.key}_no_attribution")
    return keys


ISCM_KEYS = question_keys("iscm")


@pytest.fixture
def iscm_token(create_invitation):
    return create_invitation("khartoum-process")[0]


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    answers=st.dictionaries(
        st.sampled_from(ISCM_KEYS) | st.text(max_size=20), JSON_VALUES, max_size=5
    ),
    offset=st.sampled_from([0, 0, 0, 0, -1, 1]),
)
def test_random_answers_get_200_409_or_422(client, iscm_token, answers, offset):
    headers = {"Authorization": f"Bearer {iscm_token}"}
    current = client.get("/api/v1/response", headers=headers).get_json()["version"]
    reply = client.patch(
        "/api/v1/response", headers=headers, json={"version": current + offset, "answers": answers}
    )
    assert reply.status_code in (200, 409, 422), reply.get_data(as_text=True)
    if reply.status_code == 422:
        assert reply.get_json()["errors"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=JSON_VALUES)
def test_any_json_body_gets_a_clear_client_error(client, iscm_token, body):
    reply = client.patch(
        "/api/v1/response", headers={"Authorization": f"Bearer {iscm_token}"}, json=body
    )
    assert reply.status_code in (200, 400, 409, 422)
    assert reply.is_json


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
sections: *i
"""


def test_a_yaml_bomb_is_refused_quickly(runner, tmp_path):
    import time

    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BILLION_LAUGHS)
    started = time.monotonic()
    result = runner.invoke(args=["questionnaires", "validate", str(bomb)])
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert "bomb.yaml:2" in result.output
    assert "aliases" in result.output


def test_a_huge_questionnaire_file_is_refused_without_reading_it(runner, tmp_path):
    huge = tmp_path / "huge.yaml"
    with huge.open("w") as handle:
        handle.write("id: huge\nnote: |\n")
        line = "  " + "x" * 1022 + "\n"
        for _ in range(100 * 1024):
            handle.write(line)
    result = runner.invoke(args=["questionnaires", "validate", str(huge)])
    assert result.exit_code == 1
    assert "huge.yaml" in result.output
    assert "at most 5 MB" in result.output
