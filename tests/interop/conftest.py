"""Fixtures of the interoperability tests: exported XLSForms and the questionnaires behind them."""

from __future__ import annotations

import pytest

from questionnaires import data_path
from surveyapp.interop.cli import _organisation_choices
from surveyapp.interop.xlsform import build_xlsform
from surveyapp.questionnaire import load_questionnaire
from surveyapp.registry import load_registry


@pytest.fixture(scope="session")
def registry():
    """The shipped registry (the choice source of the questionnaires)."""
    return load_registry()


@pytest.fixture(scope="session")
def shipped_questionnaire(registry):
    """Factory: the shipped questionnaire of a respondent type, choices resolved."""

    def load(respondent_type: str):
        return load_questionnaire(data_path() / f"{respondent_type}.yaml", choice_source=registry)

    return load


@pytest.fixture(scope="session")
def exported_form(registry, shipped_questionnaire):
    """Factory: the XLSForm of a shipped questionnaire."""

    def build(respondent_type: str):
        return build_xlsform(
            shipped_questionnaire(respondent_type),
            _organisation_choices(registry, respondent_type),
        )

    return build
