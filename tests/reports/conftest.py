"""Fixtures for the reports tests: the Khartoum Process dossier of the 2019 round."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from khartoum import khartoum_dossier

from reports import IscmDossier


@pytest.fixture
def dossier() -> IscmDossier:
    """The Khartoum Process dossier of the 2019 round."""
    return khartoum_dossier()


@pytest.fixture
def make_dossier() -> Callable[..., IscmDossier]:
    """Build a Khartoum Process dossier with some fields replaced."""
    return khartoum_dossier
