"""Invitations, reminders and confirmations of submission by e-mail, through an outbox.

Every message is first written to the ``outbox_messages`` table in the same transaction as the
invitation it carries; only then is it sent. A message that cannot be sent (the server is down,
refuses the recipient, times out) stays in the outbox with its error and is tried again later,
by the next send from the workspace, the "Retry now" button or ``surveyapp mail send`` (for a
cron job). ``surveyapp mail remind``, run daily, reminds everyone not yet submitted once in the
days before the round's deadline. Nothing is lost: a message is marked sent (and committed) as
soon as the server accepted it, so a later run does not send it again.

Settings (environment or application config): ``SURVEYAPP_MAIL_SERVER`` (turns e-mail on),
``SURVEYAPP_MAIL_PORT`` (25), ``SURVEYAPP_MAIL_USERNAME``, ``SURVEYAPP_MAIL_PASSWORD``,
``SURVEYAPP_MAIL_USE_TLS`` (STARTTLS), ``SURVEYAPP_MAIL_USE_SSL``, ``SURVEYAPP_MAIL_SENDER``,
``SURVEYAPP_MAIL_TIMEOUT`` (seconds, 20).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import smtplib
import ssl
from collections.abc import Collection
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import click
from flask import current_app, render_template
from flask.cli import with_appcontext
from flask_babel import force_locale, format_datetime, gettext
from sqlalchemy import select

from surveyapp import operations
from surveyapp.bootstrap import needs_database
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES, round_name
from surveyapp.models import Contact, Invitation, Organisation, OutboxMessage, Response, SurveyRound
from surveyapp.models.types import utcnow
from surveyapp.operations import outbox
from surveyapp.pdfs import receipt_pdf
from surveyapp.questionnaire.text import printable_line
from surveyapp.respond.display import receipt_document, receipt_filename, receipt_reference

_SETTINGS = (
    "SURVEYAPP_MAIL_SERVER",
    "SURVEYAPP_MAIL_PORT",
    "SURVEYAPP_MAIL_USERNAME",
    "SURVEYAPP_MAIL_PASSWORD",
    "SURVEYAPP_MAIL_USE_TLS",
    "SURVEYAPP_MAIL_USE_SSL",
    "SURVEYAPP_MAIL_SENDER",
    "SURVEYAPP_MAIL_TIMEOUT",
)


def setting(name: str) -> str | None:
    """A mail setting from the application config, else the environment."""
    value = current_app.config.get(name)
    if value is None:
        value = os.environ.get(name)
    return None if value in (None, "") else str(value)


def mail_configured() -> bool:
    """Whether e-mail is turned on (``SURVEYAPP_MAIL_SERVER`` is set)."""
    return setting("SURVEYAPP_MAIL_SERVER") is not None


def respondent_url(token: str) -> str:
    """The respondent's personal link."""
    return f"{current_app.config['SURVEYAPP_BASE_URL'].rstrip('/')}/r/{token}"


def compose(
    kind: str, organisation: Organisation, survey_round: SurveyRound, url: str, language: str
) -> tuple[str, str]:
    """The subject and body of an invitation or reminder in ``language``.

    The texts are in the interface's gettext catalogues; the body is the plain-text template
    ``mail/<kind>.txt``.
    """
    values = {
        "organisation": organisation.name(language),
        "round": round_name(survey_round, language),
        "url": url,
        "deadline": survey_round.deadline.isoformat() if survey_round.deadline else "",
        "contact": survey_round.contact_email or "",
    }
    names = {"organisation": values["organisation"], "round": values["round"]}
    with force_locale(language if language in LANGUAGES else "en"):
        subjects = {
            "invitation": gettext("%(round)s: questionnaire for %(organisation)s", **names),
            "reminder": gettext(
                "Reminder - %(round)s: questionnaire for %(organisation)s", **names
            ),
        }
        subject = subjects[kind]
        body = render_template(f"mail/{kind}.txt", **values)
    return _message_texts(subject, body)


def _message_texts(subject: str, body: str) -> tuple[str, str]:
    """A subject as one printable line and a body with one blank line between paragraphs."""
    # One blank line between paragraphs, whatever the template's own line breaks.
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", body) if part.strip()]
    # A header is one printable line, whatever names were stored before the text rule.
    return printable_line(subject), "\n\n".join(paragraphs) + "\n"


def confirmation_address(response: Response, invitation: Invitation | None) -> str | None:
    """Where the confirmation of ``response``'s submission goes: the address of the invitation
    whose link submitted it, else the organisation's contact; None when neither is known."""
    if invitation is not None and invitation.email:
        return invitation.email
    return recipient_for(response.organisation)[0]


def queue_confirmation(
    response: Response, invitation: Invitation | None, *, actor: str
) -> OutboxMessage | None:
    """Queue the confirmation of a submitted response, in the response's language; the receipt
    PDF is attached when it is sent. None (nothing queued) when e-mail is off or no address is
    known. The caller commits, then delivers it (``deliver_pending(message_ids=...)``)."""
    address = confirmation_address(response, invitation)
    if address is None or not mail_configured():
        return None
    language = response.language if response.language in LANGUAGES else "en"
    organisation = response.organisation.name(language)
    round_in_language = round_name(response.round, language)
    with force_locale(language):
        subject = gettext(
            "%(round)s: answers of %(organisation)s received",
            round=round_in_language,
            organisation=organisation,
        )
        body = render_template(
            "mail/confirmation.txt",
            organisation=organisation,
            round=round_in_language,
            submitted_at=format_datetime(response.submitted_at, "long"),
            reference=receipt_reference(response),
            contact=response.round.contact_email or "",
        )
    subject, body = _message_texts(subject, body)
    return outbox.queue_message(
        "confirmation", address, language, subject, body, response_id=response.id, actor=actor
    )


def confirmation_of(response: Response) -> OutboxMessage | None:
    """The confirmation e-mail queued for the latest submission of ``response``, if any."""
    if response.submitted_at is None:
        return None
    return db.session.scalar(
        select(OutboxMessage)
        .where(
            OutboxMessage.response_id == response.id,
            OutboxMessage.kind == "confirmation",
            OutboxMessage.created_at >= response.submitted_at,
        )
        .order_by(OutboxMessage.id.desc())
        .limit(1)
    )


class OutdatedConfirmation(Exception):
    """A confirmation's response was reopened (or submitted again) before it could be sent."""


@dataclass
class Outreach:
    """What one invitation or reminder action did, organisation by organisation."""

    #: (organisation, link, e-mail address or None) for every new link
    links: list[tuple[Organisation, str, str | None]] = field(default_factory=list)
    #: organisations left out, with the reason
    skipped: list[tuple[Organisation, str]] = field(default_factory=list)
    queued: int = 0


def recipient_for(organisation: Organisation) -> tuple[str | None, str]:
    """The contact address and language of ``organisation`` (address None when unknown)."""
    contact = db.session.scalar(select(Contact).filter_by(organisation_id=organisation.id))
    if contact is None:
        return None, "en"
    return contact.email, contact.language


def has_active_link(survey_round: SurveyRound, organisation: Organisation) -> bool:
    """Whether ``organisation`` already holds a working link for ``survey_round``."""
    return (
        db.session.scalar(
            select(Invitation.id)
            .where(
                Invitation.round_id == survey_round.id,
                Invitation.organisation_id == organisation.id,
                Invitation.revoked_at.is_(None),
            )
            .limit(1)
        )
        is not None
    )


def invite_organisations(
    survey_round: SurveyRound, organisations: list[Organisation], *, actor: str
) -> Outreach:
    """Invite each organisation not yet holding a link; queue an e-mail where one is known.

    The caller commits, then calls ``deliver_pending``.
    """
    outreach = Outreach()
    for organisation in organisations:
        if has_active_link(survey_round, organisation):
            outreach.skipped.append((organisation, "already_invited"))
            continue
        _issue(survey_round, organisation, "invitation", actor, outreach)
    return outreach


def reissue_link(response: Response, *, actor: str) -> Outreach:
    """Revoke every link of ``response`` and issue a new one (sent by e-mail when possible)."""
    operations.revoke_links(response, actor=actor)
    outreach = Outreach()
    _issue(response.round, response.organisation, "invitation", actor, outreach)
    return outreach


@dataclass
class ReminderPlan:
    """Whom a reminder would go to now, and whom it would leave out and why."""

    #: the responses not yet submitted that a reminder reaches
    responses: list[Response] = field(default_factory=list)
    #: organisations left out: ``revoked`` (no working link), ``no_address`` (no contact) or
    #: ``reminded`` (already reminded since the date asked)
    skipped: list[tuple[Organisation, str]] = field(default_factory=list)


def plan_reminders(
    survey_round: SurveyRound, *, not_reminded_since: dt.datetime | None = None
) -> ReminderPlan:
    """Who of ``survey_round`` has not submitted and can be reminded by e-mail now.

    :param not_reminded_since: leave out those already sent a reminder since then.
    """
    plan = ReminderPlan()
    reminded: set[int] = set()
    if not_reminded_since is not None:
        reminded = set(
            db.session.scalars(
                select(OutboxMessage.response_id).where(
                    OutboxMessage.kind == "reminder",
                    OutboxMessage.created_at >= not_reminded_since,
                    OutboxMessage.response_id.is_not(None),
                )
            )
        )
    responses = db.session.scalars(
        select(Response)
        .filter_by(round_id=survey_round.id)
        .where(Response.status != "submitted")
        .join(Response.organisation)
        .order_by(Organisation.kind, Organisation.code)
    ).all()
    for response in responses:
        if not has_active_link(survey_round, response.organisation):
            plan.skipped.append((response.organisation, "revoked"))
        elif recipient_for(response.organisation)[0] is None:
            plan.skipped.append((response.organisation, "no_address"))
        elif response.id in reminded:
            plan.skipped.append((response.organisation, "reminded"))
        else:
            plan.responses.append(response)
    return plan


def send_reminders(
    survey_round: SurveyRound, *, actor: str, not_reminded_since: dt.datetime | None = None
) -> Outreach:
    """Remind every invited organisation that has not submitted (see :func:`plan_reminders`).

    A reminder carries a fresh link (only hashes of old ones are kept); earlier links keep
    working. Organisations without a contact address are listed as skipped.
    """
    plan = plan_reminders(survey_round, not_reminded_since=not_reminded_since)
    outreach = Outreach(skipped=plan.skipped)
    for response in plan.responses:
        _issue(survey_round, response.organisation, "reminder", actor, outreach)
    return outreach


def _issue(survey_round, organisation, kind, actor, outreach: Outreach) -> None:
    email, language = recipient_for(organisation)
    invitation, token = outbox.issue_link(
        survey_round,
        organisation,
        email,
        language=language if kind == "invitation" and email is not None else None,
        actor=actor,
    )
    url = respondent_url(token)
    outreach.links.append((organisation, url, email))
    if email is not None and mail_configured():
        language = invitation.response.language or language
        subject, body = compose(kind, organisation, survey_round, url, language)
        outbox.queue_message(
            kind,
            email,
            language,
            subject,
            body,
            response_id=invitation.response_id,
            actor=actor,
        )
        outreach.queued += 1


@dataclass
class Delivery:
    """What one delivery run did."""

    sent: int = 0
    failed: int = 0
    error: str | None = None


def deliver_pending(
    *,
    retry_failed: bool = False,
    now: dt.datetime | None = None,
    message_ids: Collection[int] | None = None,
) -> Delivery:
    """Send the due messages of the outbox over one SMTP connection; commits as it goes.

    :param retry_failed: also try messages that were given up on, and those not yet due.
    :param message_ids: send only these (a respondent's confirmation, not the whole outbox).
    """
    delivery = Delivery()
    if not mail_configured():
        return delivery
    now = now or utcnow()
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    if retry_failed:
        query = query.where(OutboxMessage.status.in_(("pending", "failed")))
    else:
        query = query.where(OutboxMessage.status == "pending", OutboxMessage.next_attempt_at <= now)
    if message_ids is not None:
        query = query.where(OutboxMessage.id.in_(list(message_ids)))
    # Several workers may deliver at once: each takes the rows no other holds.
    messages = db.session.scalars(query.with_for_update(skip_locked=True)).all()
    if not messages:
        db.session.commit()
        return delivery
    try:
        connection = _connect()
    except (OSError, smtplib.SMTPException) as error:
        for message in messages:
            outbox.mark_failed(message, _describe(error), now)
        delivery.failed = len(messages)
        delivery.error = _describe(error)
        db.session.commit()
        return delivery
    try:
        for message in messages:
            try:
                connection.send_message(_email(message))
            except OutdatedConfirmation as error:
                outbox.give_up(message, str(error))
                delivery.failed += 1
            except smtplib.SMTPServerDisconnected as error:
                outbox.mark_failed(message, _describe(error), now)
                delivery.failed += 1
                delivery.error = _describe(error)
                break
            except (OSError, smtplib.SMTPException) as error:
                outbox.mark_failed(message, _describe(error), now)
                delivery.failed += 1
                delivery.error = _describe(error)
            else:
                outbox.mark_sent(message)
                delivery.sent += 1
            db.session.commit()
    finally:
        try:
            connection.quit()
        except (OSError, smtplib.SMTPException):
            connection.close()
    db.session.commit()
    return delivery


def _connect() -> smtplib.SMTP:
    host = setting("SURVEYAPP_MAIL_SERVER")
    port = int(setting("SURVEYAPP_MAIL_PORT") or 25)
    timeout = float(setting("SURVEYAPP_MAIL_TIMEOUT") or 20)
    if _flag("SURVEYAPP_MAIL_USE_SSL"):
        connection = smtplib.SMTP_SSL(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = smtplib.SMTP(host, port, timeout=timeout)
        if _flag("SURVEYAPP_MAIL_USE_TLS"):
            connection.starttls(context=ssl.create_default_context())
    username = setting("SURVEYAPP_MAIL_USERNAME")
    if username:
        connection.login(username, setting("SURVEYAPP_MAIL_PASSWORD") or "")
    return connection


def _flag(name: str) -> bool:
    return (setting(name) or "").lower() in ("1", "true", "yes", "on")


def _email(message: OutboxMessage) -> EmailMessage:
    email = EmailMessage()
    sender = setting("SURVEYAPP_MAIL_SENDER") or "iscm-assessment@localhost"
    email["From"] = sender
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    email.set_content(message.body)
    if message.kind == "confirmation":
        filename, pdf = _receipt_of(message)
        email.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    # After the attachment: making the message multipart moves Content-* headers to its text.
    email["Content-Language"] = message.language
    return email


def _receipt_of(message: OutboxMessage) -> tuple[str, bytes]:
    """The receipt PDF a confirmation carries, rendered now in the message's language.

    :raises OutdatedConfirmation: the response is no longer the one the message confirms.
    """
    response = db.session.get(Response, message.response_id) if message.response_id else None
    if (
        response is None
        or response.status != "submitted"
        or response.submitted_at is None
        or response.submitted_at > message.created_at
    ):
        raise OutdatedConfirmation(
            "Not sent: the response was reopened or submitted again after this confirmation was "
            "queued (each submission queues its own)."
        )
    with force_locale(message.language if message.language in LANGUAGES else "en"):
        document = receipt_document(response, message.language)
    return receipt_filename(response), receipt_pdf(document)


def _describe(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return f"{type(error).__name__}: {text}"[:500]


@click.group("mail")
def mail_commands() -> None:
    """E-mail: send what is waiting in the outbox."""


@mail_commands.command("send")
@click.option("--all", "retry_failed", is_flag=True, help="Also retry messages given up on.")
@with_appcontext
@needs_database
def send_command(retry_failed: bool) -> None:
    """Send the messages waiting in the outbox (run it from cron to retry failures)."""
    if not mail_configured():
        raise click.ClickException("E-mail is not configured: set SURVEYAPP_MAIL_SERVER.")
    delivery = deliver_pending(retry_failed=retry_failed)
    click.echo(f"Sent {delivery.sent}, failed {delivery.failed}.")
    if delivery.error:
        click.echo(f"Mail server: {delivery.error}", err=True)
        raise SystemExit(1)


#: why ``surveyapp mail remind`` left an organisation out
_LEFT_OUT = {
    "revoked": "its links were revoked",
    "no_address": "no contact e-mail address",
    "reminded": "already reminded in these days",
}


@mail_commands.command("remind")
@click.option(
    "--days-before",
    default=3,
    show_default=True,
    type=click.IntRange(0, 60),
    help="Remind from this many days before the open round's deadline.",
)
@with_appcontext
@needs_database
def remind_command(days_before: int) -> None:
    """Remind everyone not yet submitted, once, in the days before the deadline (run it daily)."""
    if not mail_configured():
        raise click.ClickException("E-mail is not configured: set SURVEYAPP_MAIL_SERVER.")
    survey_round = operations.current_round()
    if survey_round is None:
        raise click.ClickException("No round is open: reminders go to an open round.")
    if survey_round.deadline is None:
        raise click.ClickException(
            f"The round “{survey_round.name}” has no deadline: set it on its page (/admin/rounds)."
        )
    today = utcnow().date()
    first_day = survey_round.deadline - dt.timedelta(days=days_before)
    if today < first_day:
        click.echo(
            f"The deadline is {survey_round.deadline.isoformat()}: reminders go from "
            f"{first_day.isoformat()}. Nothing was sent."
        )
        return
    if today > survey_round.deadline:
        click.echo(
            f"The deadline ({survey_round.deadline.isoformat()}) has passed. Nothing was sent."
        )
        return
    since = dt.datetime.combine(first_day, dt.time.min, tzinfo=dt.UTC)
    outreach = send_reminders(survey_round, actor="cli", not_reminded_since=since)
    db.session.commit()
    delivery = deliver_pending()
    click.echo(
        f"Reminders queued: {outreach.queued}; sent {delivery.sent}, failed {delivery.failed}."
    )
    for organisation, reason in outreach.skipped:
        click.echo(f"Left out {organisation.code}: {_LEFT_OUT.get(reason, reason)}.")
    if delivery.error:
        click.echo(f"Mail server: {delivery.error}", err=True)
        raise SystemExit(1)
