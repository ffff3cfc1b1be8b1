"""The demo answers: valid and complete, faithful to the Khartoum Process seed, clearly labelled."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Date, DateTime, select

from questionnaires import data_path
from surveyapp import create_app
from surveyapp.demo import (
    ILLUSTRATIVE,
    DemoResponse,
    build_demo,
    illustrative_responses,
    khartoum_responses,
)
from surveyapp.demo.answers import FIRST_SUBMISSION, INVITED_AT, LAST_SUBMISSION
from surveyapp.extensions import db
from surveyapp.models import QuestionnaireVersion, Response, SurveyRound
from surveyapp.questionnaire import Questionnaire, check_complete, clean_answers, load_questionnaire
from surveyapp.registry import Registry, load_registry
from tests.database_template import TEST_SETTINGS

REGISTRY = load_registry()
ALL_RESPONSES = [*khartoum_responses(), *illustrative_responses(REGISTRY)]
_FREE_TEXT = ("text", "long_text")


@pytest.fixture(scope="module")
def registry() -> Registry:
    """The registry shipped with the package."""
    return REGISTRY


@pytest.fixture(scope="module")
def questionnaires(registry: Registry) -> dict[str, Questionnaire]:
    """The three questionnaires, by respondent type."""
    return {
        name: load_questionnaire(data_path() / f"{name}.yaml", choice_source=registry)
        for name in ("state", "iscm", "igo")
    }


@pytest.fixture(scope="module")
def khartoum() -> dict[str, dict[str, Any]]:
    """The answers of the Khartoum round, by organisation code."""
    return {response.organisation: response.answers for response in khartoum_responses()}


def _texts(answers: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Every (question key, text) of a response, in repeat rows and per_item items too."""
    for key, value in answers.items():
        if isinstance(value, str):
            yield key, value
        elif isinstance(value, list):
            for row in value:
                if isinstance(row, dict):
                    yield from _texts(row)
        elif isinstance(value, dict):
            for item in value.values():
                yield from _texts(item)


# -- valid and complete -----------------------------------------------------------------------


@pytest.mark.parametrize("response", ALL_RESPONSES, ids=lambda r: r.organisation)
def test_demo_response_is_valid_and_complete(
    questionnaires: dict[str, Questionnaire], response: DemoResponse
) -> None:
    questionnaire = questionnaires[response.respondent_type]
    clean, errors = clean_answers(questionnaire, response.answers)
    assert errors == {}
    assert clean == response.answers
    assert check_complete(questionnaire, clean) == {}


def test_demo_round_has_the_participation_of_2019() -> None:
    counts = Counter(response.respondent_type for response in ALL_RESPONSES)
    assert counts == {"state": 46, "iscm": 22, "igo": 3}
    assert len({response.organisation for response in ALL_RESPONSES}) == len(ALL_RESPONSES)


def test_every_demo_organisation_is_in_the_registry(registry: Registry) -> None:
    for response in ALL_RESPONSES:
        assert registry.entry(response.organisation).kind == response.respondent_type


# -- illustrative answers ---------------------------------------------------------------------


def test_khartoum_responses_are_not_illustrative_and_the_others_are() -> None:
    assert not any(response.illustrative for response in khartoum_responses())
    assert all(response.illustrative for response in illustrative_responses(REGISTRY))


def test_illustrative_texts_are_labelled(questionnaires: dict[str, Questionnaire]) -> None:
    for response in illustrative_responses(REGISTRY):
        questionnaire = questionnaires[response.respondent_type]
        free_texts = 0
        for key, text in _texts(response.answers):
            if key.endswith("_email") or questionnaire.question(key).type not in _FREE_TEXT:
                continue
            free_texts += 1
            assert text.startswith(ILLUSTRATIVE), (response.organisation, key, text)
        assert free_texts >= 3


def test_illustrative_states_answer_about_iscms_they_belong_to(registry: Registry) -> None:
    for response in illustrative_responses(REGISTRY):
        if response.respondent_type != "state":
            continue
        iscms = response.answers["iscms"]
        assert 1 <= len(iscms) <= 4
        assert set(iscms) <= set(registry.iscms_of(response.organisation))
        assert set(response.answers["iscm_views"]) == set(iscms)


def test_only_the_three_seed_states_refer_to_the_khartoum_process() -> None:
    referring = {
        response.organisation
        for response in ALL_RESPONSES
        if response.respondent_type == "state" and "khartoum-process" in response.answers["iscms"]
    }
    assert referring == {"EGY", "ETH", "NLD"}


def test_illustrative_iscms_list_some_meetings() -> None:
    for response in illustrative_responses(REGISTRY):
        if response.respondent_type == "iscm":
            assert len(response.answers["meetings"]) >= 2


def test_illustrative_answers_are_reproducible_from_the_seed() -> None:
    first = illustrative_responses(REGISTRY, seed=7)
    assert first == illustrative_responses(REGISTRY, seed=7)
    assert first != illustrative_responses(REGISTRY, seed=8)


def test_illustrative_iscms_give_the_registrys_founding_year_and_event(
    registry: Registry,
) -> None:
    for response in illustrative_responses(REGISTRY):
        if response.respondent_type != "iscm":
            continue
        entry = registry.entry(response.organisation)
        assert response.answers["founding_year"] == entry.founding_year
        if entry.founding_event:
            assert response.answers["founding_event"] == f"{ILLUSTRATIVE} {entry.founding_event}"
        # no founding date is made up
        assert "founding_date" not in response.answers


def test_illustrative_meetings_took_place_before_the_round_invited_anyone() -> None:
    for response in illustrative_responses(REGISTRY):
        for meeting in response.answers.get("meetings", []):
            last = meeting.get("meeting_end_date") or meeting["meeting_date"]
            assert dt.date.fromisoformat(last) <= INVITED_AT.date(), meeting


# -- the demo database: the 2019 round, dated 2019 ---------------------------------------------


@pytest.fixture(scope="module")
def demo_database(
    tmp_path_factory: pytest.TempPathFactory, fresh_standalone_demo: Callable[[Path], str]
) -> Iterator[Any]:
    """An application whose (fresh, empty) database ``build_demo`` filled, as ``surveyapp demo``
    does (a copy of the session's, ``fresh_standalone_demo``)."""
    folder: Path = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SURVEYAPP_INSTANCE_PATH", str(folder / "instance"))
        app = create_app(
            {**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": fresh_standalone_demo(folder)}
        )
    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


def test_every_time_the_demo_stores_is_in_2019(demo_database) -> None:
    checked = 0
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            # UTCDateTime decorates a DateTime: look through it
            if not isinstance(getattr(column.type, "impl", column.type), DateTime | Date):
                continue
            values = db.session.scalars(select(column).where(column.is_not(None))).all()
            checked += len(values)
            assert {value.year for value in values} <= {2019}, (table.name, column.name)
    assert checked > 1000


def test_the_demo_round_is_named_and_labelled_2019(demo_database) -> None:
    survey_round = db.session.scalars(select(SurveyRound)).one()
    assert survey_round.year == 2019
    assert survey_round.name == "Assessment of ISCMs 2019"
    assert "demo" not in survey_round.name.lower()
    versions = db.session.scalars(select(QuestionnaireVersion)).all()
    assert {v.version for v in versions} == {"2019.1"}
    assert {v.questionnaire().version for v in versions} == {"2019.1"}
    assert {v.id for v in versions} == {v.id for v in survey_round.questionnaires}


def test_demo_responses_were_submitted_in_the_rounds_calendar(demo_database) -> None:
    responses = db.session.scalars(select(Response).where(Response.status == "submitted")).all()
    assert len(responses) == 71
    for response in responses:
        assert INVITED_AT <= response.created_at < FIRST_SUBMISSION
        assert FIRST_SUBMISSION <= response.submitted_at <= LAST_SUBMISSION
        assert response.updated_at == response.submitted_at


def test_demo_round_beside_another_round_leaves_that_rounds_questionnaires_alone(app) -> None:
    with app.app_context():
        other = db.session.scalars(select(SurveyRound)).one()
        other.status = "closed"
        db.session.commit()
        build_demo()
        db.session.refresh(other)
        assert {v.version for v in other.questionnaires} == {"2026.1"}
        demo_round = db.session.scalars(select(SurveyRound).filter_by(year=2019)).one()
        assert {v.version for v in demo_round.questionnaires} == {"2019.1"}


# -- the Khartoum Process summary, fact by fact -----------------------------------------------


def test_khartoum_round_is_the_iscm_three_states_and_three_igos(khartoum) -> None:
    assert set(khartoum) == {"khartoum-process", "EGY", "ETH", "NLD", "iom", "unhcr", "unodc"}


def test_founding_and_mandate(khartoum) -> None:
    kp = khartoum["khartoum-process"]
    assert kp["founding_document"] == "Rome Declaration"
    assert kp["founding_year"] == 2014
    assert "Ministerial Conference in Rome, Italy" in kp["founding_event"]
    assert kp["founding_date"] == "2014-11-28"
    assert kp["mandate"].startswith("provides a platform to advance, implement and operationalize")
    assert "between the Horn of Africa and Europe" in kp["mandate"]


def test_thematic_focus_and_its_evolution(khartoum) -> None:
    kp = khartoum["khartoum-process"]
    assert kp["original_thematic_areas"] == ["trafficking_in_persons", "smuggling_of_migrants"]
    assert {"international_protection", "root_causes", "migration_data"} <= set(
        kp["current_thematic_areas"]
    )
    assert "wider set of complementary issues" in kp["thematic_evolution"]


def test_strategy_guiding_document_and_work_plan(khartoum) -> None:
    kp = khartoum["khartoum-process"]
    assert kp["has_strategy"] == "no"
    assert kp["guiding_document"] == "Rome Declaration"
    assert kp["has_work_plan"] == "yes"
    assert kp["work_plan_period"] == "annual"
    assert "Chairmanships" in kp["work_plan_scope"]
    assert kp["work_plan_monitors"] == ["secretariat", "chair", "steering_committee"]


def test_contribution_at_national_and_interregional_level(khartoum) -> None:
    kp = khartoum["khartoum-process"]
    assert {"thematic_meetings", "fact_finding_missions", "training"} <= set(kp["national_means"])
    assert "in 2018" in kp["national_examples"] and "assessment" in kp["national_examples"]
    assert "Rabat Process" in kp["interregional_contribution"]
    assert "JVAP" in kp["interregional_contribution"]


def test_structures_and_secretariat(khartoum) -> None:
    kp = khartoum["khartoum-process"]
    assert kp["structure_elements"] == ["chair", "steering_committee", "secretariat"]
    assert kp["secretariat_kind"] == ["political", "technical"]
    assert kp["secretariat_managed_by"] == ["auc", "ec"]
    assert kp["secretariat_supported_by"] == ["icmpd"]
    assert kp["secretariat_functions"] == [
        "background_documents",
        "organising_meetings",
        "liaising_with_focal_points",
    ]
    titles = [row["document_title"] for row in kp["governing_documents"]]
    assert len(titles) == 3 and "Terms of Reference for the Steering Committee" in titles
    assert "ICMPD" in kp["knowledge_management"]


def test_communication_membership_changes_and_funding(khartoum) -> None:
    kp = khartoum["khartoum-process"]
    assert kp["communication_channels"] == ["email", "meetings"]
    assert kp["communication_frequency"] == "regular"
    assert kp["membership_changed"] == "yes"
    assert set(kp["states_joined"]) == {"LBY", "NOR", "CHE", "UGA"}
    assert "Netherlands replaced Malta" in kp["governance_changes"]
    assert kp["funding_sources"] == ["member_state_contributions"]
    assert "African Union Commission" in kp["funding_description"]
    assert kp["funding_stability"] == "stable"


def test_partnerships(khartoum) -> None:
    kp = khartoum["khartoum-process"]
    assert kp["partner_iscms"] == ["rabat-process", "other"]
    assert "AU-Horn of Africa Initiative" in kp["partner_iscms_other"]
    assert kp["partner_igos"] == ["iom", "unhcr", "unodc"]
    assert kp["partner_igo_roles"] == ["technical_advice"]
    examples = {row["igo"]: row["example"] for row in kp["partner_igo_examples"]}
    assert "Stockholm, Sweden, 18-19 September 2018" in examples["unhcr"]
    assert "BMM Project" in examples["unodc"]
    assert kp["civil_society_engagement"] == ["attend_meetings", "technical_inputs"]
    assert "members of the steering committee" in kp["partnership_notes"]


def test_value_of_membership(khartoum) -> None:
    kp = khartoum["khartoum-process"]
    assert set(kp["member_value"]) == {
        "exchange_of_practices",
        "trust_building",
        "networking",
        "capacity_building",
        "policy_coordination",
        "access_to_stakeholders",
        "technical_advice",
        "knowledge_sharing",
        "emerging_issues",
        "global_initiatives",
    }
    assert "human trafficking" in kp["member_value_notes"]


def test_member_states_views(khartoum) -> None:
    ethiopia = khartoum["ETH"]["iscm_views"]["khartoum-process"]
    assert "harmonize border control" in ethiopia["benefits"]
    assert "root causes of irregular migration" in ethiopia["benefits"]
    netherlands = khartoum["NLD"]["iscm_views"]["khartoum-process"]
    assert "countries of origin and transit" in netherlands["benefits"]
    assert "Sustainable Development Goals" in netherlands["benefits"]
    assert "partnerships" in khartoum["EGY"]["iscm_views"]["khartoum-process"]["value_areas"]


def test_igos_provide_technical_advice(khartoum) -> None:
    for igo in ("iom", "unhcr", "unodc"):
        engagement = khartoum[igo]["iscm_engagement"]["khartoum-process"]
        assert "technical_advice" in engagement["igo_roles"]
    unhcr = khartoum["unhcr"]["iscm_engagement"]["khartoum-process"]["cooperation"]
    assert "Protection of Women and Girls on the Move" in unhcr
    assert "BMM" in khartoum["unodc"]["iscm_engagement"]["khartoum-process"]["cooperation"]


def test_meetings_of_the_seeds(khartoum) -> None:
    meetings = {
        (row["meeting_date"], row["meeting_level"]): row
        for row in khartoum["khartoum-process"]["meetings"]
    }
    rome = meetings[("2014-11-28", "ministerial")]
    assert rome["meeting_city"] == "Rome" and rome["meeting_country"] == "ITA"
    som = meetings[("2018-05-08", "senior_officials")]
    assert som["meeting_city"] == "Nairobi" and som["meeting_country"] == "KEN"
    assert "Italy" in som["meeting_chair"]
    assert ("2018-05-08", "steering_committee") in meetings
    data = meetings[("2018-05-09", "thematic")]
    assert data["meeting_title"] == "Thematic Meeting on Data Collection and Management"
    assert data["meeting_host"] == "Kenya" and data["meeting_chair"] == "Kenya"
    stockholm = meetings[("2018-09-18", "thematic")]
    assert stockholm["meeting_end_date"] == "2018-09-19"
    assert stockholm["meeting_country"] == "SWE"
