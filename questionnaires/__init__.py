"""The questionnaires, vocabularies and registry of the ISCM assessment, shipped as package data."""

from __future__ import annotations

import pathlib


def data_path() -> pathlib.Path:
    """The folder of the questionnaire files, with ``registry/`` and ``vocabularies/`` inside."""
    return pathlib.Path(__file__).resolve().parent
