"""``python -m surveyapp``: the same as the ``surveyapp`` command."""

from surveyapp.cli import main

main()
