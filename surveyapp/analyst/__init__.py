"""The analysts' workspace."""

from surveyapp.analyst import (
    contacts,  # noqa: F401  (attaches the contacts routes)
    excel,  # noqa: F401  (attaches the Excel questionnaire routes)
    summaries,  # noqa: F401  (attaches the summary routes)
)
