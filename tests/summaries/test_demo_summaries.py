"""The drafts of the demo's summaries, in the four languages: every sentence names its source
answers and none is said twice."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from reports import draft_sections
from reports.narrative import DraftSentence, draft_introduction
from surveyapp import create_app
from surveyapp.dossiers import build_iscm_dossier
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from surveyapp.models import Organisation
from tests.database_template import TEST_SETTINGS


@pytest.fixture(scope="module")
def demo_drafts(
    tmp_path_factory: pytest.TempPathFactory, fresh_standalone_demo: Callable[[Path], str]
) -> Iterator[dict[Any, list[Any]]]:
    """The drafted sentences of every ISCM's summary in the demo round, by (ISCM, language)."""
    folder: Path = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SURVEYAPP_INSTANCE_PATH", str(folder / "instance"))
        app = create_app(
            {**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": fresh_standalone_demo(folder)}
        )
    with app.app_context():
        codes = db.session.scalars(select(Organisation.code).filter_by(kind="iscm")).all()
        drafts = {}
        for code in codes:
            for language in LANGUAGES:
                dossier = build_iscm_dossier(code, language=language)
                sentences = [
                    said for paragraph in draft_introduction(dossier) for said in paragraph
                ]
                for section in draft_sections(dossier):
                    sentences.extend(said for paragraph in section.sentences for said in paragraph)
                drafts[code, language] = sentences
        yield drafts
        db.session.remove()
        db.engine.dispose()


def normalised(said: DraftSentence) -> list[str]:
    """The sentence's words in lower case, what it says between parentheses left out."""
    return re.findall(r"\w+", re.sub(r"\([^()]*\)", "", said.text).casefold())


def test_the_demo_has_summaries_in_every_language(demo_drafts):
    assert {language for _, language in demo_drafts} == set(LANGUAGES)
    assert len({code for code, _ in demo_drafts}) >= 22
    assert ("khartoum-process", "en") in demo_drafts


def test_every_drafted_sentence_of_the_demo_names_its_sources(demo_drafts):
    unsourced = [
        (code, language, said.text)
        for (code, language), sentences in demo_drafts.items()
        for said in sentences
        if not said.sources
    ]

    assert unsourced == []


def test_no_drafted_sentence_of_the_demo_is_said_twice_in_a_summary(demo_drafts):
    repeated = []
    for (code, language), sentences in demo_drafts.items():
        seen: set[str] = set()
        for said in sentences:
            # "No information on this topic was provided." belongs to each section without any
            if not any(source.answered for source in said.sources):
                continue
            text = " ".join(normalised(said))
            if text in seen:
                repeated.append((code, language, said.text))
            seen.add(text)

    assert repeated == []


def test_the_khartoum_process_summary_names_its_states_answers(demo_drafts):
    egypt = next(
        said
        for said in demo_drafts["khartoum-process", "en"]
        if "Egypt values the process" in said.text
    )

    assert {(source.organisation, source.question) for source in egypt.sources} == {
        ("EGY", "iscm_views.value_areas"),
        ("khartoum-process", "member_value"),
    }
