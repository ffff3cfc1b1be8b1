"""Invitations and reminders: invite one organisation or a whole group, remind, revoke, re-issue.

Links are shown once, on the page that follows the action (only their hashes are stored), with
a CSV of them (organisation, code, contact, link) that is made inside that page and kept
nowhere else; when e-mail is configured they are also sent, in the contact's language, through
the outbox.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import re
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _, get_locale
from sqlalchemy import func, select

from surveyapp import mail, operations
from surveyapp.analyst.blueprint import blueprint
from surveyapp.analyst.coverage import chosen_round
from surveyapp.analyst.forms import InviteForm
from surveyapp.auth.access import actor
from surveyapp.exports.writer import neutralise
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGE_NAMES, LANGUAGES
from surveyapp.models import (
    Contact,
    Invitation,
    Membership,
    Organisation,
    OutboxMessage,
    Response,
    SurveyRound,
)
from surveyapp.models.mail import mailbox_parts
from surveyapp.models.types import utcnow
from surveyapp.operations import contacts as contact_operations
from surveyapp.questionnaire.model import RESPONDENT_TYPES

#: the columns of the links CSV
LINKS_CSV_COLUMNS = ("organisation", "code", "name", "email", "link")


def member_states(iscm: Organisation) -> list[Organisation]:
    """The States that belong to ``iscm`` in any role, by name."""
    states = db.session.scalars(
        select(Organisation)
        .join(Membership, Membership.member_id == Organisation.id)
        .where(Membership.iscm_id == iscm.id, Organisation.kind == "state")
        .distinct()
    ).all()
    return sorted(states, key=lambda o: o.name())


def resolve_target(target: str) -> tuple[str, list[Organisation]] | None:
    """The organisations a target names, with a description; None for an unknown target.

    ``org:<code>`` one organisation, ``members:<iscm code>`` the ISCM's member States,
    ``all:iscm`` / ``all:igo`` / ``all:state`` every organisation of that kind.
    """
    scope, _sep, value = target.partition(":")
    if scope == "org":
        organisation = db.session.scalar(select(Organisation).filter_by(code=value))
        return (organisation.name(), [organisation]) if organisation else None
    if scope == "members":
        iscm = db.session.scalar(select(Organisation).filter_by(code=value, kind="iscm"))
        if iscm is None:
            return None
        return _("Member States of %(iscm)s", iscm=iscm.name()), member_states(iscm)
    if scope == "all" and value in RESPONDENT_TYPES:
        organisations = db.session.scalars(
            select(Organisation).filter_by(kind=value).order_by(Organisation.code)
        ).all()
        labels = {
            "state": _("All States"),
            "iscm": _("All ISCM secretariats"),
            "igo": _("All IGOs"),
        }
        return labels[value], list(organisations)
    return None


def invitation_rows(survey_round: SurveyRound) -> list[dict[str, Any]]:
    """Every response of ``survey_round`` with its active links, contact and last e-mail sent."""
    links = dict(
        db.session.execute(
            select(Invitation.response_id, func.count(Invitation.id))
            .where(Invitation.round_id == survey_round.id, Invitation.revoked_at.is_(None))
            .group_by(Invitation.response_id)
        ).all()
    )
    last_sent = dict(
        db.session.execute(
            select(OutboxMessage.response_id, func.max(OutboxMessage.sent_at))
            .where(OutboxMessage.status == "sent")
            .group_by(OutboxMessage.response_id)
        ).all()
    )
    contacts = {c.organisation_id: c for c in db.session.scalars(select(Contact))}
    return [
        {
            "response": response,
            "active_links": links.get(response.id, 0),
            "contact": contacts.get(response.organisation_id),
            "last_sent": last_sent.get(response.id),
        }
        for response in db.session.scalars(
            select(Response)
            .filter_by(round_id=survey_round.id)
            .join(Response.organisation)
            .order_by(Organisation.kind, Organisation.code)
        )
    ]


def outbox_counts() -> dict[str, int]:
    """How many messages of the outbox are pending, sent and failed."""
    return dict(
        db.session.execute(
            select(OutboxMessage.status, func.count(OutboxMessage.id)).group_by(
                OutboxMessage.status
            )
        ).all()
    )


def outbox_messages(status: str | None) -> list[OutboxMessage]:
    """The newest 500 messages of the outbox, only those in ``status`` when it is one."""
    query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(500)
    if status in ("pending", "sent", "failed"):
        query = query.where(OutboxMessage.status == status)
    return db.session.scalars(query).all()


def links_csv(outreach: mail.Outreach, language: str) -> str:
    """The new links of ``outreach`` as CSV text, one row per organisation: its name in
    ``language``, code, contact person, contact address and link.

    Cells a spreadsheet would run as formulas are neutralised as in the exports; the byte order
    mark lets spreadsheets read the names as UTF-8.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(LINKS_CSV_COLUMNS)
    for organisation, url, email in outreach.links:
        name, address = ("", "") if email is None else mailbox_parts(email)
        writer.writerow(
            [
                neutralise(value)
                for value in (organisation.name(language), organisation.code, name, address, url)
            ]
        )
    return "\ufeff" + buffer.getvalue()


def links_download(outreach: mail.Outreach, description: str) -> dict[str, str] | None:
    """The links CSV of ``outreach`` as a ``data:`` URL and a file name, for a download link on
    the page that shows the links once; None when no link was issued.

    The file lives only in that page: the server keeps neither it nor the links.
    """
    if not outreach.links:
        return None
    text = links_csv(outreach, str(get_locale()))
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", description.lower()).strip("-")[:60] or "links"
    return {
        "url": f"data:text/csv;charset=utf-8;base64,{encoded}",
        "filename": f"links-{slug}-{utcnow():%Y%m%d-%H%M}.csv",
    }


def _outreach_page(title: str, outreach: mail.Outreach, delivery: mail.Delivery, slug: str):
    return render_template(
        "analyst/outreach.html",
        title=title,
        outreach=outreach,
        delivery=delivery,
        mail_configured=mail.mail_configured(),
        download=links_download(outreach, slug),
    )


def days_left(survey_round: SurveyRound, today: dt.date | None = None) -> int | None:
    """Days from ``today`` (UTC) to the round's deadline; None when it has none."""
    if survey_round.deadline is None:
        return None
    return (survey_round.deadline - (today or utcnow().date())).days


@blueprint.get("/invitations")
def invitations():
    """Who is invited to the round, with forms to invite, remind, revoke and re-issue."""
    survey_round = chosen_round()
    organisations = db.session.scalars(
        select(Organisation).order_by(Organisation.kind, Organisation.code)
    ).all()
    rows = invitation_rows(survey_round) if survey_round is not None else []
    plan = mail.plan_reminders(survey_round) if survey_round is not None else None
    return render_template(
        "analyst/invitations.html",
        survey_round=survey_round,
        iscms=[o for o in organisations if o.kind == "iscm"],
        organisations=organisations,
        rows=rows,
        not_submitted=sum(1 for r in rows if r["response"].status != "submitted"),
        reminders=plan,
        left_out={
            reason: sum(1 for _o, why in plan.skipped if why == reason)
            for reason in ("no_address", "revoked")
        }
        if plan
        else {},
        days_left=days_left(survey_round) if survey_round is not None else None,
        mail_configured=mail.mail_configured(),
        outbox=outbox_counts(),
        languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
    )


@blueprint.post("/invitations")
def invite():
    """Invite the organisations the form names; show their links once."""
    survey_round = chosen_round()
    if survey_round is None or not survey_round.is_open:
        flash(_("Invitations go to an open round: ask an administrator to open one."))
        return redirect(url_for("analyst.invitations"))
    form = InviteForm()
    # The target is checked first (it needs the registry), then the address (its errors).
    address_ok = form.validate_on_submit()
    resolved = resolve_target(form.target.data)
    if resolved is None:
        flash(_("Choose whom to invite."))
        return redirect(url_for("analyst.invitations"))
    description, organisations = resolved
    if not address_ok or (form.email.data and len(organisations) != 1):
        flash(_("An e-mail address can be given when inviting one organisation only."))
        return redirect(url_for("analyst.invitations"))
    if form.email.data:
        organisation = organisations[0]
        contact = contact_operations.contact_of(organisation)
        # The person's name stays with their address; a new address is someone else's.
        name = contact.name if contact is not None and contact.address == form.email.data else ""
        contact_operations.save_contact(
            contact_operations.ContactChange(
                organisation, form.email.data, name, form.language.data
            ),
            actor=actor(),
        )
    outreach = mail.invite_organisations(survey_round, organisations, actor=actor())
    db.session.commit()
    delivery = mail.deliver_pending()
    return _outreach_page(
        _("Invitations: %(target)s", target=description), outreach, delivery, form.target.data
    )


@blueprint.post("/reminders")
def remind():
    """Remind everyone invited who has not submitted."""
    survey_round = chosen_round()
    if survey_round is None or not survey_round.is_open:
        flash(_("Reminders go to an open round."))
        return redirect(url_for("analyst.invitations"))
    if not mail.mail_configured():
        flash(_("E-mail is not configured (SURVEYAPP_MAIL_SERVER): no reminder was sent."))
        return redirect(url_for("analyst.invitations"))
    outreach = mail.send_reminders(survey_round, actor=actor())
    db.session.commit()
    delivery = mail.deliver_pending()
    return _outreach_page(_("Reminders"), outreach, delivery, "reminders")


@blueprint.post("/responses/<int:response_id>/revoke")
def revoke(response_id: int):
    """Revoke every link of a response: they stop opening it at once."""
    response = db.session.get(Response, response_id) or abort(404)
    count = operations.revoke_links(response, actor=actor())
    db.session.commit()
    flash(
        _(
            "%(count)d link(s) of %(organisation)s revoked.",
            count=count,
            organisation=response.organisation.name(),
        )
    )
    return redirect(url_for("analyst.invitations"))


@blueprint.post("/responses/<int:response_id>/reissue")
def reissue(response_id: int):
    """Revoke a response's links and issue a new one; the answers stay."""
    response = db.session.get(Response, response_id) or abort(404)
    if not response.round.is_open:
        flash(_("The round is not open: no new link was issued."))
        return redirect(url_for("analyst.invitations"))
    outreach = mail.reissue_link(response, actor=actor())
    db.session.commit()
    delivery = mail.deliver_pending()
    return _outreach_page(
        _("New link for %(organisation)s", organisation=response.organisation.name()),
        outreach,
        delivery,
        response.organisation.code,
    )


@blueprint.get("/mail")
def mail_log():
    """Every e-mail queued, when it was sent, and why it failed."""
    status = request.args.get("status")
    return render_template(
        "analyst/mail.html",
        messages=outbox_messages(status),
        status=status,
        mail_configured=mail.mail_configured(),
    )


@blueprint.post("/mail/retry")
def retry_mail():
    """Try every unsent message again now."""
    if not mail.mail_configured():
        flash(_("E-mail is not configured (SURVEYAPP_MAIL_SERVER)."))
        return redirect(url_for("analyst.mail_log"))
    delivery = mail.deliver_pending(retry_failed=True)
    if delivery.error:
        flash(
            _(
                "Sent %(sent)d; %(failed)d could not be sent (%(error)s). They stay in the outbox.",
                sent=delivery.sent,
                failed=delivery.failed,
                error=delivery.error,
            )
        )
    else:
        flash(_("Sent %(sent)d message(s).", sent=delivery.sent))
    return redirect(url_for("analyst.mail_log"))
