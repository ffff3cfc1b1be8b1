"""Interoperability: XLSForm for KoboToolbox and ODK, their submissions, Excel questionnaires
for respondents who answer offline, and JSON archives of whole rounds.

The modules here convert between our formats and theirs; writes to the database go through
``surveyapp.operations`` so that validation, versions and the audit trail apply.
"""
