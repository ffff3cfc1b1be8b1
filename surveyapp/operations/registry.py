"""Organisations and memberships: the registry stored in the database, and edits to it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import Membership, Organisation
from surveyapp.operations import audit
from surveyapp.questionnaire.model import LANGUAGES
from surveyapp.registry import Registry

REGISTRY_TEXT_FIELDS = ("name", "short_name", "in_sentence")


def store_registry(registry: Registry) -> int:
    """Insert or update every organisation and membership of ``registry``; returns the count.

    ``surveyapp.registry.load_registry`` reads the registry files; this stores what it read.
    """
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
        texts = {lang: row.get(f"{name}_{lang}", "") for lang in LANGUAGES}
        setattr(organisation, attribute, {k: v for k, v in texts.items() if v})
    organisation.acronym = row.get("acronym", "")
    if kind == "iscm":
        organisation.iscm_kind = row.get("kind") or None
        organisation.region = row.get("region", "")
        organisation.secretariat = row.get("secretariat") or None
    db.session.flush()
    new = _organisation_fields(organisation)
    if old != new:
        audit.record(actor, "registry", "web", None, "organisation", organisation.code, old, new)
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
        audit.record(
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
    audit.record(
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
    audit.record(actor, "registry", "web", None, "memberships", None, None, {"rows": len(rows)})
    db.session.flush()
    return len(rows)
