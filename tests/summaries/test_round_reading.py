"""The board's reading of a round, kept between page loads: it is the reading a fresh start
would make after any sequence of writes, it costs one statement while nothing changed, and an
autosave makes it read that one response again."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from surveyapp import operations
from surveyapp.analyst import round_reading
from surveyapp.extensions import db
from surveyapp.models import Membership, Organisation, Response
from surveyapp.operations import AnswersInvalid, ResponseClosed
from surveyapp.respond.operations import choose_language
from tests.pages import counted_statements

ISCMS = ("khartoum-process", "rabat-process", "budapest-process", "abu-dhabi-dialogue")
STATES = ("EGY", "ETH", "FRA", "ITA", "KEN", "SEN")
TEXTS = (
    "Closer cooperation on return and readmission",
    "Coopération renforcée",
    "\u201cSmart quotes\u201d pasted from Word\u00a0with a no-break space",
    "Joint training of border officials",
)


def reading_figures(reading: round_reading.RoundReading, codes) -> dict:
    """What the board shows of a reading: per ISCM, expected and received respondents, when
    its answers changed, and the passages left untranslated per language."""
    respondents = reading.respondents
    return {
        code: (
            sorted(respondents.expected.get(code, ())),
            sorted(row.id for row in respondents.received(code)),
            respondents.changed_at(code),
            reading.untranslated.get(code, {}),
        )
        for code in codes
    }


def fresh_reading(survey_round) -> round_reading.RoundReading:
    """The reading a process that kept nothing would make."""
    return round_reading._Reader().read(survey_round)


def response_of(code: str, survey_round) -> Response:
    organisation = db.session.scalar(select(Organisation).filter_by(code=code))
    response = db.session.scalar(
        select(Response).filter_by(organisation_id=organisation.id, round_id=survey_round.id)
    )
    if response is None:
        invitation, _token = operations.invite(survey_round, organisation, None, "test")
        response = invitation.response
    return response


def write(action: tuple, survey_round) -> None:
    """Do one write the way its channel does (the operations every channel calls)."""
    kind, code, *rest = action
    if kind == "translate":
        language, text = rest
        operations.save_passage_translation(code, language, text, actor="test")
        return
    if kind == "member":
        iscm = db.session.scalar(select(Organisation).filter_by(code=rest[0]))
        state = db.session.scalar(select(Organisation).filter_by(code=code))
        # a membership comes, or goes when it was there
        there = db.session.scalar(
            select(Membership).filter_by(iscm_id=iscm.id, member_id=state.id, role="observer")
        )
        if there is None:
            db.session.add(Membership(iscm_id=iscm.id, member_id=state.id, role="observer"))
        else:
            db.session.delete(there)
        return
    response = response_of(code, survey_round)
    if kind == "language":
        # the respondent's choice, kept without a save: the language its texts are quoted in
        choose_language(response, rest[0], actor="test")
        return
    try:
        if kind == "reopen":
            operations.reopen_response(response, actor="test")
        elif kind == "submit":
            operations.submit_response(response, actor="test", channel="test")
        else:
            named, text = rest
            views = {named[0]: {"role": "member", "benefits": text}} if named and text else {}
            answers = {"iscms": list(named), "iscm_views": views or None}
            operations.save_answers(response, response.version, answers, actor="t", channel="t")
    except (AnswersInvalid, ResponseClosed):
        db.session.rollback()


actions = st.one_of(
    st.tuples(st.just("reopen"), st.sampled_from(STATES)),
    st.tuples(st.just("submit"), st.sampled_from(STATES)),
    st.tuples(
        st.just("save"),
        st.sampled_from(STATES),
        st.lists(st.sampled_from(ISCMS), unique=True, max_size=3),
        st.sampled_from(("", *TEXTS)),
    ),
    st.tuples(
        st.just("translate"),
        st.sampled_from(TEXTS),
        st.sampled_from(("fr", "es", "ar")),
        st.sampled_from(("", "Une traduction")),
    ),
    st.tuples(st.just("member"), st.sampled_from(STATES), st.sampled_from(ISCMS)),
    st.tuples(st.just("language"), st.sampled_from(STATES), st.sampled_from(("en", "fr"))),
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(actions, min_size=1, max_size=6))
def test_the_kept_reading_is_a_fresh_reading_after_any_writes(khartoum_round, steps):
    # the examples share the database: the property holds from any starting point
    with khartoum_round.test_request_context():
        survey_round = operations.current_round()
        round_reading.read_round(survey_round)
        for step in steps:
            write(step, survey_round)
            db.session.commit()
            kept = round_reading.read_round(survey_round)
            assert reading_figures(kept, ISCMS) == reading_figures(
                fresh_reading(survey_round), ISCMS
            ), step


def test_an_unchanged_round_is_read_in_one_statement(khartoum_round):
    with khartoum_round.test_request_context():
        survey_round = operations.current_round()
        first = round_reading.read_round(survey_round)
        with counted_statements(db.engine) as statements:
            again = round_reading.read_round(survey_round)
        assert again is first
        assert len(statements) == 1


def test_an_autosave_reads_its_response_again_and_no_other(khartoum_round, monkeypatch):
    read = []
    digests = round_reading._digests
    monkeypatch.setattr(
        round_reading,
        "_digests",
        lambda survey_round, rows, every: (
            read.append([r.id for r in rows]) or digests(survey_round, rows, every)
        ),
    )
    with khartoum_round.test_request_context():
        survey_round = operations.current_round()
        before = round_reading.read_round(survey_round)
        assert len(read[0]) > 5
        response = response_of("BRA", survey_round)
        operations.save_answers(
            response, response.version, {"iscms": ["khartoum-process"]}, actor="t", channel="t"
        )
        db.session.commit()
        after = round_reading.read_round(survey_round)
        saved, brazil = response.id, response.organisation_id
    assert read[1:] == [[saved]]
    assert brazil not in before.respondents.expected["khartoum-process"]
    assert brazil in after.respondents.expected["khartoum-process"]


def test_translating_or_renaming_changes_only_the_untranslated_counts(khartoum_round):
    with khartoum_round.test_request_context():
        survey_round = operations.current_round()

        def french() -> int:
            kept = round_reading.read_round(survey_round).untranslated["khartoum-process"]
            assert kept == fresh_reading(survey_round).untranslated["khartoum-process"]
            return kept["fr"]

        before = french()
        operations.save_passage_translation(survey_round.name, "fr", "Le cycle", actor="test")
        db.session.commit()
        assert french() == before - 1
        survey_round.name = "A round named anew"
        db.session.commit()
        assert french() == before


def test_a_respondent_choosing_another_language_is_read_again(khartoum_round):
    # Ethiopia wrote about the Khartoum Process; choosing French afterwards (no save, no new
    # version) makes its text a French passage: the French summary no longer needs it translated
    with khartoum_round.test_request_context():
        survey_round = operations.current_round()
        before = round_reading.read_round(survey_round).untranslated["khartoum-process"]
        choose_language(response_of("ETH", survey_round), "fr", actor="test")
        db.session.commit()
        after = round_reading.read_round(survey_round).untranslated["khartoum-process"]
        assert after == fresh_reading(survey_round).untranslated["khartoum-process"]
    assert after["fr"] == before["fr"] - 1
    assert after.get("en", 0) == before.get("en", 0) + 1
