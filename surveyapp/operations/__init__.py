"""Writes to the database. Operations flush and log; the caller commits once.

Every write the application makes lives in one module of this package, by area, with the audit
event it records (:func:`surveyapp.operations.audit.record`). The public names are re-exported
here, so callers write ``operations.save_answers(...)`` whatever module holds it.
"""

from surveyapp.operations import audit
from surveyapp.operations.registry import (
    REGISTRY_TEXT_FIELDS,
    add_membership,
    remove_membership,
    replace_memberships,
    save_organisation,
    store_registry,
)
from surveyapp.operations.responses import (
    AnswersInvalid,
    ResponseClosed,
    SaveResult,
    StaleVersion,
    find_invitation,
    invite,
    open_response,
    record_external_submission,
    reopen_response,
    revoke_links,
    save_answers,
    set_review_status,
    submit_response,
)
from surveyapp.operations.rounds import (
    attach_questionnaires,
    create_round,
    current_round,
    open_round,
    set_round_status,
    store_questionnaire,
    update_round,
)
from surveyapp.operations.summaries import (
    SUMMARY_SECTIONS,
    passage_hash,
    publish_summary,
    save_passage_translation,
    save_summary_edit,
)
from surveyapp.operations.users import (
    create_api_token,
    create_user,
    find_api_token,
    revoke_api_token,
    set_user_active,
    set_user_role,
)

__all__ = [
    "REGISTRY_TEXT_FIELDS",
    "SUMMARY_SECTIONS",
    "AnswersInvalid",
    "ResponseClosed",
    "SaveResult",
    "StaleVersion",
    "add_membership",
    "attach_questionnaires",
    "audit",
    "create_api_token",
    "create_round",
    "create_user",
    "current_round",
    "find_api_token",
    "find_invitation",
    "invite",
    "open_response",
    "open_round",
    "passage_hash",
    "publish_summary",
    "record_external_submission",
    "remove_membership",
    "reopen_response",
    "replace_memberships",
    "revoke_api_token",
    "revoke_links",
    "save_answers",
    "save_organisation",
    "save_passage_translation",
    "save_summary_edit",
    "set_review_status",
    "set_round_status",
    "set_user_active",
    "set_user_role",
    "store_questionnaire",
    "store_registry",
    "submit_response",
    "update_round",
]
