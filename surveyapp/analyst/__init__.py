"""The analysts' workspace."""

from surveyapp.analyst import (
    excel,  # noqa: F401  (attaches the Excel questionnaire routes)
    summaries,  # noqa: F401  (attaches the summary routes)
)
