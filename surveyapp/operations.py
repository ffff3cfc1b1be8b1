"""Writes to the database. Operations flush and log; the caller commits once."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from surveyapp.extensions import db
from surveyapp.models import (
    Answer,
    AuditEvent,
    Invitation,
    Membership,
    Organisation,
    QuestionnaireVersion,
    Response,
    SurveyRound,
    User,
)
from surveyapp.models.api_token import TOKEN_PREFIX, ApiToken
from surveyapp.models.response import hash_token
from surveyapp.models.types import utcnow
from surveyapp.questionnaire import check_complete, clean_answers, load_questionnaire
from surveyapp.questionnaire.types import AnswerShape, type_of
from surveyapp.registry import Registry
from surveyapp.security import check_password_policy


class AnswersInvalid(Exception):
    """A save or submission was refused; ``errors`` maps question keys to messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid answers")
        self.errors = errors


class StaleVersion(Exception):
    """A save named a version older than the stored one.

    :param conflicts: question key -> ``{"yours": ..., "theirs": ...}`` for every key the save
        carried whose stored value differs from the value the save sent.
    """

    def __init__(self, current_version: int, conflicts: dict[str, dict[str, Any]]):
        super().__init__("stale version")
        self.current_version = current_version
        self.conflicts = conflicts


class ResponseClosed(Exception):
    """The response no longer accepts changes (submitted, or its round is closed)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class SaveResult:
    """What a save changed."""

    version: int
    changed: list[str] = field(default_factory=list)


# -- registry and questionnaires ------------------------------------------------------------


def load_registry(registry: Registry) -> int:
    """Insert or update every organisation and membership of ``registry``; returns the count."""
    existing = {o.code: o for o in db.session.scalars(select(Organisation))}
    entries = [*registry.states, *registry.iscms, *registry.igos]
    for entry in entries:
        organisation = existing.get(entry.code)
        if organisation is None:
            organisation = Organisation(code=entry.code, kind=entry.kind)
            db.session.add(organisation)
            existing[entry.code] = organisation
        organisation.kind = entry.kind
        organisation.names = dict(entry.name)
        organisation.short_names = dict(entry.short_name)
        organisation.in_sentence = dict(entry.in_sentence)
        organisation.acronym = entry.acronym or ""
        organisation.region = entry.region or ""
        organisation.iscm_kind = entry.iscm_kind
        organisation.secretariat = entry.secretariat
    db.session.flush()
    known = {(m.iscm_id, m.member_id, m.role) for m in db.session.scalars(select(Membership))}
    for membership in registry.memberships:
        iscm, member = existing.get(membership.iscm), existing.get(membership.member)
        if iscm is None or member is None:
            continue
        if (iscm.id, member.id, membership.role) in known:
            continue
        db.session.add(
            Membership(
                iscm_id=iscm.id,
                member_id=member.id,
                role=membership.role,
                illustrative=membership.illustrative,
            )
        )
        known.add((iscm.id, member.id, membership.role))
    db.session.flush()
    return len(entries)


def store_questionnaire(path: Path, registry: Registry) -> QuestionnaireVersion:
    """Load a questionnaire file and keep it as a version (reused when unchanged)."""
    questionnaire = load_questionnaire(path, choice_source=registry)
    version = db.session.scalar(
        select(QuestionnaireVersion).filter_by(
            respondent_type=questionnaire.respondent_type,
            content_hash=questionnaire.content_hash,
        )
    )
    if version is None:
        version = QuestionnaireVersion(
            respondent_type=questionnaire.respondent_type,
            questionnaire_id=questionnaire.id,
            version=questionnaire.version,
            content_hash=questionnaire.content_hash,
            content=questionnaire.to_json(),
        )
        db.session.add(version)
        db.session.flush()
    return version


def open_round(name: str, year: int, versions: Iterable[QuestionnaireVersion]) -> SurveyRound:
    """Open a new round using ``versions``."""
    survey_round = SurveyRound(name=name, year=year, status="open", questionnaires=list(versions))
    db.session.add(survey_round)
    db.session.flush()
    return survey_round


def attach_questionnaires(survey_round: SurveyRound, versions: Iterable[QuestionnaireVersion]):
    """Attach newer questionnaire versions to an open round; existing responses keep theirs."""
    for version in versions:
        if version not in survey_round.questionnaires:
            survey_round.questionnaires.append(version)
    db.session.flush()


def current_round() -> SurveyRound | None:
    """The open round (the newest when several are open)."""
    return db.session.scalar(
        select(SurveyRound).filter_by(status="open").order_by(SurveyRound.id.desc()).limit(1)
    )


# -- invitations and responses --------------------------------------------------------------


def invite(
    survey_round: SurveyRound, organisation: Organisation, email: str | None, actor: str
) -> tuple[Invitation, str]:
    """Create an invitation (and the response it opens); returns it with its plain token."""
    response = db.session.scalar(
        select(Response).filter_by(round_id=survey_round.id, organisation_id=organisation.id)
    )
    if response is None:
        version = survey_round.questionnaire_for(organisation.kind)
        if version is None:
            raise ValueError(f"The round has no questionnaire for {organisation.kind}.")
        response = Response(
            round=survey_round, organisation=organisation, questionnaire_version=version
        )
        db.session.add(response)
        db.session.flush()
    token = secrets.token_urlsafe(32)
    invitation = Invitation(
        round=survey_round,
        organisation=organisation,
        response=response,
        token_hash=hash_token(token),
        email=email,
    )
    db.session.add(invitation)
    db.session.flush()
    _audit(actor, "invite", "cli", response.id, new_value={"email": email})
    return invitation, token


def find_invitation(token: str) -> Invitation | None:
    """The active invitation whose token is ``token``, if any."""
    if not token or len(token) > 200:
        return None
    invitation = db.session.scalar(select(Invitation).filter_by(token_hash=hash_token(token)))
    if invitation is None or not invitation.is_active:
        return None
    return invitation


def save_answers(
    response: Response,
    version: int,
    raw: Mapping[str, Any],
    *,
    actor: str,
    channel: str,
    partial_ok: bool = False,
) -> SaveResult:
    """Validate and store some answers of ``response``, started from ``version``.

    The version check and the increment are one conditional UPDATE, so two saves from the
    same version cannot both win.

    :param partial_ok: store the valid answers even when others are invalid (the form does
        this so nothing typed is lost); ``AnswersInvalid`` is raised afterwards all the same.
    :raises StaleVersion: ``version`` is not the stored version.
    :raises AnswersInvalid: some answers are invalid.
    :raises ResponseClosed: the response is submitted or its round is closed.
    """
    _check_open(response)
    questionnaire = response.questionnaire_version.questionnaire()
    stored = response.answer_values()
    if version != response.version:
        raise StaleVersion(response.version, _conflicts(raw, stored))
    clean, errors = clean_answers(questionnaire, raw)
    if errors and not partial_ok:
        raise AnswersInvalid(errors)
    if errors:
        _keep_refused_children(clean, stored, errors)
    # Claim the version first: the row lock it takes makes a concurrent save wait and then fail.
    result = db.session.execute(
        update(Response)
        .where(Response.id == response.id, Response.version == version)
        .values(
            version=Response.version + 1,
            updated_at=utcnow(),
            status="in_progress" if response.status == "invited" else response.status,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.rollback()
        db.session.refresh(response)
        raise StaleVersion(response.version, _conflicts(raw, response.answer_values()))
    changed = _write_answers(response, questionnaire, clean, stored, actor, channel)
    db.session.flush()
    db.session.refresh(response)
    if errors:
        raise AnswersInvalid(errors)
    return SaveResult(version=response.version, changed=changed)


def submit_response(
    response: Response, *, actor: str, channel: str, version: int | None = None
) -> Response:
    """Submit ``response`` once every visible required answer is there and valid.

    :raises AnswersInvalid: what is missing or invalid, per question key.
    :raises StaleVersion: ``version`` was given and is not the stored version.
    """
    _check_open(response)
    if version is not None and version != response.version:
        raise StaleVersion(response.version, {})
    questionnaire = response.questionnaire_version.questionnaire()
    errors = check_complete(questionnaire, response.answer_values())
    if errors:
        raise AnswersInvalid(errors)
    now = utcnow()
    result = db.session.execute(
        update(Response)
        .where(
            Response.id == response.id,
            Response.version == response.version,
            Response.status != "submitted",
        )
        .values(status="submitted", submitted_at=now, version=Response.version + 1)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        db.session.rollback()
        db.session.refresh(response)
        if response.status == "submitted":
            raise ResponseClosed("submitted")
        raise StaleVersion(response.version, {})
    _audit(actor, "submit", channel, response.id)
    db.session.flush()
    db.session.refresh(response)
    return response


def reopen_response(response: Response, *, actor: str) -> Response:
    """Let the respondent change a submitted response again."""
    if response.status != "submitted":
        return response
    response.status = "in_progress"
    response.submitted_at = None
    response.version += 1
    _audit(actor, "reopen", "web", response.id)
    db.session.flush()
    return response


# -- users ----------------------------------------------------------------------------------


def create_user(email: str, password: str, role: str, *, actor: str = "system") -> User:
    """Create an account; the password is kept only as an Argon2id hash."""
    email = email.strip().lower()
    if db.session.scalar(select(User).filter_by(email=email)) is not None:
        raise ValueError(f"A user with the address {email} already exists.")
    check_password_policy(password, email)
    user = User(email=email, role=role)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    _audit(actor, "user_create", "cli", None, new_value={"email": email, "role": role})
    return user


# -- internals ------------------------------------------------------------------------------


def _check_open(response: Response) -> None:
    if response.status == "submitted":
        raise ResponseClosed("submitted")
    if not response.round.is_open:
        raise ResponseClosed("round_closed")


def _keep_refused_children(
    clean: dict[str, Any], stored: Mapping[str, Any], errors: Mapping[str, list[str]]
) -> None:
    """In a partial save, an answer refused inside a per-ISCM block keeps its stored value
    (as a refused top-level answer does) instead of being dropped with the block's update."""
    for path in errors:
        key, _, rest = path.partition(".")
        item, _, child = rest.partition(".")
        new_items, old_items = clean.get(key), stored.get(key)
        if not child or not isinstance(new_items, dict) or not isinstance(old_items, dict):
            continue
        old = old_items.get(item)
        if isinstance(old, dict) and child in old:
            new_items[item] = {**(new_items.get(item) or {}), child: old[child]}


def _conflicts(raw: Mapping[str, Any], stored: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    conflicts = {}
    for key, value in raw.items():
        theirs = stored.get(key)
        if isinstance(theirs, dict) and isinstance(value, dict):
            theirs = {item: theirs.get(item) for item in value}
        if theirs != value:
            conflicts[key] = {"yours": value, "theirs": theirs}
    return conflicts


def _write_answers(response, questionnaire, clean, stored, actor, channel) -> list[str]:
    """Upsert one row per top-level question (per item for ``per_item``); audit each change."""
    rows = {(a.question_key, a.item_code): a for a in response.answers}
    changed = []
    now = utcnow()
    for key, value in clean.items():
        by_item = _answered_per_item(questionnaire, key)
        if by_item and isinstance(value, dict):
            items = value.items()
        elif by_item and value is None:
            items = [(item, None) for (k, item) in rows if k == key]
        else:
            items = [("", value)]
        for item_code, item_value in items:
            row = rows.get((key, item_code))
            old = row.value if row is not None else None
            if old == item_value:
                continue
            if item_value is None:
                response.answers.remove(row)
            elif row is None:
                row = Answer(question_key=key, item_code=item_code, value=item_value)
                row.updated_at = now
                response.answers.append(row)
            else:
                row.value = item_value
                row.updated_at = now
            _audit(actor, "answer", channel, response.id, key, item_code or None, old, item_value)
            changed.append(f"{key}.{item_code}" if item_code else key)
    db.session.flush()
    return changed


def _answered_per_item(questionnaire, key: str) -> bool:
    """Whether top-level ``key`` is a question answered per item (one row per item)."""
    for question in questionnaire.questions():
        if question.key == key:
            return type_of(question).shape is AnswerShape.ITEMS
    return False


def _audit(
    actor: str,
    action: str,
    channel: str,
    response_id: int | None,
    question_key: str | None = None,
    item_code: str | None = None,
    old_value: Any = None,
    new_value: Any = None,
) -> AuditEvent:
    event = AuditEvent(
        actor=actor,
        action=action,
        channel=channel,
        response_id=response_id,
        question_key=question_key,
        item_code=item_code,
        old_value=old_value,
        new_value=new_value,
        created_at=dt.datetime.now(dt.UTC),
    )
    db.session.add(event)
    return event


# -- workspace: accounts, rounds, review ----------------------------------------------------


def set_user_role(user: User, role: str, *, actor: str) -> User:
    """Give ``user`` another role; audited."""
    if role != user.role:
        _audit(actor, "user_role", "web", None, "role", None, user.role, role)
        user.role = role
        db.session.flush()
    return user


def set_user_active(user: User, active: bool, *, actor: str) -> User:
    """Deactivate (no more logins, sessions end) or reactivate ``user``; audited."""
    if active != user.active:
        _audit(actor, "user_active", "web", None, "active", None, user.active, active)
        user.active = active
        db.session.flush()
    return user


def revoke_links(response: Response, *, actor: str) -> int:
    """Revoke every active link of ``response``; returns how many were revoked."""
    now = utcnow()
    count = 0
    for invitation in db.session.scalars(
        select(Invitation).filter_by(response_id=response.id).where(Invitation.revoked_at.is_(None))
    ):
        invitation.revoked_at = now
        count += 1
    if count:
        _audit(actor, "revoke", "web", response.id, new_value={"links": count})
    db.session.flush()
    return count


def create_round(
    name: str,
    year: int,
    deadline: dt.date | None,
    versions: Iterable[QuestionnaireVersion],
    *,
    actor: str,
) -> SurveyRound:
    """Create a round in ``draft``: it opens when an administrator opens it."""
    survey_round = SurveyRound(
        name=name, year=year, deadline=deadline, status="draft", questionnaires=list(versions)
    )
    db.session.add(survey_round)
    db.session.flush()
    _audit(actor, "round_create", "web", None, "round", None, None, {"id": survey_round.id})
    return survey_round


def update_round(
    survey_round: SurveyRound,
    *,
    name: str,
    deadline: dt.date | None,
    versions: Iterable[QuestionnaireVersion],
    actor: str,
) -> SurveyRound:
    """Rename a round, move its deadline, choose its questionnaire versions (one per type).

    Responses already started keep the version they were started on.
    """
    old = {
        "name": survey_round.name,
        "deadline": survey_round.deadline.isoformat() if survey_round.deadline else None,
        "questionnaires": sorted(q.id for q in survey_round.questionnaires),
    }
    survey_round.name = name
    survey_round.deadline = deadline
    survey_round.questionnaires = list(versions)
    new = {
        "name": name,
        "deadline": deadline.isoformat() if deadline else None,
        "questionnaires": sorted(q.id for q in survey_round.questionnaires),
    }
    if old != new:
        _audit(actor, "round_update", "web", None, "round", str(survey_round.id), old, new)
    db.session.flush()
    return survey_round


def set_round_status(survey_round: SurveyRound, status: str, *, actor: str) -> SurveyRound:
    """Open or close a round; a closed round accepts no more answers."""
    if status not in ("draft", "open", "closed"):
        raise ValueError(f"Unknown round status {status!r}.")
    if status != survey_round.status:
        _audit(
            actor,
            "round_status",
            "web",
            None,
            "round",
            str(survey_round.id),
            survey_round.status,
            status,
        )
        survey_round.status = status
        db.session.flush()
    return survey_round


def set_review_status(
    response: Response,
    status: str,
    *,
    actor: str,
    message: str | None = None,
    question_key: str | None = None,
) -> Response:
    """Accept a response, or raise a query (with a message the respondent sees) on a question."""
    if status not in ("unreviewed", "accepted", "query_raised"):
        raise ValueError(f"Unknown review status {status!r}.")
    old = {
        "review_status": response.review_status,
        "query_message": response.query_message,
        "query_question_key": response.query_question_key,
    }
    response.review_status = status
    response.query_message = message if status == "query_raised" else None
    response.query_question_key = question_key if status == "query_raised" else None
    new = {
        "review_status": status,
        "query_message": response.query_message,
        "query_question_key": response.query_question_key,
    }
    _audit(actor, "review", "web", response.id, question_key, None, old, new)
    db.session.flush()
    return response


# -- personal API tokens --------------------------------------------------------------------


def create_api_token(user: User, name: str, *, actor: str) -> tuple[ApiToken, str]:
    """A new personal API token for ``user``; returns it with the plain token (shown once)."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, name=name, token_hash=hash_token(plain), hint=plain[:8])
    db.session.add(token)
    db.session.flush()
    _audit(actor, "api_token_create", "web", None, new_value={"token": token.id, "name": name})
    return token, plain


def revoke_api_token(token: ApiToken, *, actor: str) -> ApiToken:
    """Revoke a personal API token: it stops working at once."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        _audit(actor, "api_token_revoke", "web", None, new_value={"token": token.id})
        db.session.flush()
    return token


def find_api_token(plain: str) -> ApiToken | None:
    """The active token whose plain form is ``plain``, if its owner may still use it."""
    if not plain.startswith(TOKEN_PREFIX) or len(plain) > 200:
        return None
    token = db.session.scalar(select(ApiToken).filter_by(token_hash=hash_token(plain)))
    if token is None or not token.is_active or not token.user.active:
        return None
    if token.user.role not in ("admin", "analyst"):
        return None
    return token


# -- summaries ------------------------------------------------------------------------------

#: sections an analyst may edit: the introduction and the five numbered sections
SUMMARY_SECTIONS = (
    "introduction",
    "programming",
    "contribution",
    "structures",
    "partnerships",
    "membership_value",
)


def save_summary_edit(
    survey_round: SurveyRound,
    iscm: Organisation,
    section_key: str,
    text: str,
    fingerprint: str,
    *,
    actor: str,
):
    """Keep an analyst's text for one section; blank text goes back to the drafted text."""
    from surveyapp.models import SummaryEdit

    if section_key not in SUMMARY_SECTIONS:
        raise ValueError(f"Unknown section {section_key!r}.")
    edit = db.session.scalar(
        select(SummaryEdit).filter_by(
            round_id=survey_round.id, organisation_id=iscm.id, section_key=section_key
        )
    )
    text = text.replace("\r\n", "\n").strip()
    old = edit.text if edit is not None else None
    if old == (text or None):
        return edit
    if not text:
        db.session.delete(edit)
        edit = None
    elif edit is None:
        edit = SummaryEdit(
            round_id=survey_round.id,
            organisation_id=iscm.id,
            section_key=section_key,
            text=text,
            source_fingerprint=fingerprint,
            edited_by=actor,
        )
        db.session.add(edit)
    else:
        edit.text = text
        edit.source_fingerprint = fingerprint
        edit.edited_by = actor
        edit.edited_at = utcnow()
    _audit(actor, "summary_edit", "web", None, section_key, iscm.code, old, text or None)
    db.session.flush()
    return edit


def publish_summary(
    survey_round: SurveyRound,
    iscm: Organisation,
    language: str,
    pdf: bytes,
    cache_key: str,
    *,
    actor: str,
):
    """Keep ``pdf`` as the next published version of the ISCM's summary in ``language``."""
    from sqlalchemy import func

    from surveyapp.models import PublishedSummary

    latest = db.session.scalar(
        select(func.max(PublishedSummary.number)).filter_by(
            round_id=survey_round.id, organisation_id=iscm.id, language=language
        )
    )
    published = PublishedSummary(
        round_id=survey_round.id,
        organisation_id=iscm.id,
        language=language,
        number=(latest or 0) + 1,
        pdf=pdf,
        cache_key=cache_key,
        published_by=actor,
    )
    db.session.add(published)
    _audit(actor, "publish", "web", None, None, iscm.code, None, {"language": language})
    db.session.flush()
    return published


# -- registry edits -------------------------------------------------------------------------

REGISTRY_TEXT_FIELDS = ("name", "short_name", "in_sentence")


def save_organisation(kind: str, row: Mapping[str, Any], *, actor: str) -> Organisation:
    """Create or update the ISCM or IGO ``row["code"]`` from flat fields (``name_en``...)."""
    organisation = db.session.scalar(select(Organisation).filter_by(code=row["code"]))
    old = None
    if organisation is None:
        organisation = Organisation(code=row["code"], kind=kind, names={})
        db.session.add(organisation)
    else:
        old = _organisation_fields(organisation)
    for name, attribute in zip(
        REGISTRY_TEXT_FIELDS, ("names", "short_names", "in_sentence"), strict=True
    ):
        texts = {lang: row.get(f"{name}_{lang}", "") for lang in ("en", "fr", "es", "ar")}
        setattr(organisation, attribute, {k: v for k, v in texts.items() if v})
    organisation.acronym = row.get("acronym", "")
    if kind == "iscm":
        organisation.iscm_kind = row.get("kind") or None
        organisation.region = row.get("region", "")
        organisation.secretariat = row.get("secretariat") or None
    db.session.flush()
    new = _organisation_fields(organisation)
    if old != new:
        _audit(actor, "registry", "web", None, "organisation", organisation.code, old, new)
    return organisation


def _organisation_fields(organisation: Organisation) -> dict[str, Any]:
    return {
        "names": dict(organisation.names or {}),
        "short_names": dict(organisation.short_names or {}),
        "in_sentence": dict(organisation.in_sentence or {}),
        "acronym": organisation.acronym,
        "iscm_kind": organisation.iscm_kind,
        "region": organisation.region,
        "secretariat": organisation.secretariat,
    }


def add_membership(
    iscm: Organisation, member: Organisation, role: str, *, illustrative: bool, actor: str
) -> Membership:
    """Record that ``member`` belongs to ``iscm`` in ``role`` (kept if it is already there)."""
    membership = db.session.scalar(
        select(Membership).filter_by(iscm_id=iscm.id, member_id=member.id, role=role)
    )
    if membership is None:
        membership = Membership(
            iscm_id=iscm.id, member_id=member.id, role=role, illustrative=illustrative
        )
        db.session.add(membership)
        _audit(
            actor,
            "registry",
            "web",
            None,
            "membership",
            iscm.code,
            None,
            {"member": member.code, "role": role, "illustrative": illustrative},
        )
    db.session.flush()
    return membership


def remove_membership(membership: Membership, *, actor: str) -> None:
    """Remove a membership row."""
    _audit(
        actor,
        "registry",
        "web",
        None,
        "membership",
        membership.iscm.code,
        {"member": membership.member.code, "role": membership.role},
        None,
    )
    db.session.delete(membership)
    db.session.flush()


def replace_memberships(rows: Iterable[Mapping[str, Any]], *, actor: str) -> int:
    """Make the memberships of each ISCM named in ``rows`` exactly those rows."""
    rows = list(rows)
    codes = {row["iscm"] for row in rows} | {row["member"] for row in rows}
    organisations = {
        o.code: o
        for o in db.session.scalars(select(Organisation).where(Organisation.code.in_(codes)))
    }
    for code in {row["iscm"] for row in rows}:
        for membership in db.session.scalars(
            select(Membership).filter_by(iscm_id=organisations[code].id)
        ):
            db.session.delete(membership)
    db.session.flush()
    for row in rows:
        db.session.add(
            Membership(
                iscm_id=organisations[row["iscm"]].id,
                member_id=organisations[row["member"]].id,
                role=row["role"],
                illustrative=row["illustrative"],
            )
        )
    _audit(actor, "registry", "web", None, "memberships", None, None, {"rows": len(rows)})
    db.session.flush()
    return len(rows)
