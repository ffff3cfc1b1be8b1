"""The coverage dashboard: who was invited, started, submitted, and was accepted.

Counts are cumulative (a funnel): *invited* counts every organisation with a response in the
round, *started* those that saved at least one answer (in progress or submitted), *submitted*
those that submitted, *accepted* those an analyst accepted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from flask import render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, select, union
from sqlalchemy.orm import joinedload

from surveyapp import operations
from surveyapp.analyst.blueprint import blueprint
from surveyapp.extensions import db
from surveyapp.i18n import page_language
from surveyapp.models import Contact, Membership, Organisation, Response, SurveyRound
from surveyapp.models.organisation import names_contain, sort_name
from surveyapp.questionnaire.text import folded
from surveyapp.registry import region_name
from surveyapp.request_input import whole_number

KIND_LABELS = {"state": _l("States"), "iscm": _l("ISCM secretariats"), "igo": _l("IGOs")}
ISCM_KIND_LABELS = {"rcp": _l("Regional"), "irf": _l("Interregional"), "global": _l("Global")}
SORT_KEYS = ("name", "expected", "invited", "submitted", "rate")


@dataclass
class Funnel:
    """Cumulative counts of one group of organisations."""

    label: str
    total: int = 0
    invited: int = 0
    started: int = 0
    submitted: int = 0
    accepted: int = 0

    def add(self, status: str, review_status: str, count: int = 1) -> None:
        """Count ``count`` invited organisations whose response is at ``status`` and
        ``review_status`` (they are already in :attr:`total`)."""
        self.invited += count
        if status in ("in_progress", "submitted"):
            self.started += count
        if status == "submitted":
            self.submitted += count
        if review_status == "accepted":
            self.accepted += count

    def share(self, count: int) -> float:
        """``count`` as a percentage of ``total`` (0 when there is nobody)."""
        return round(100 * count / self.total, 1) if self.total else 0.0


@dataclass
class ExpectedRespondent:
    """One organisation expected to answer for an ISCM, and where its response stands."""

    organisation: Organisation
    role: str
    status: str


@dataclass
class IscmCoverage:
    """An ISCM's expected respondents (its secretariat, member States, engaged IGOs)."""

    iscm: Organisation
    expected: list[ExpectedRespondent] = field(default_factory=list)

    def count(self, kind: str | None = None, status: str | None = None) -> int:
        """How many expected respondents (of ``kind``) are at ``status`` or further."""
        order = ("not_invited", "invited", "in_progress", "submitted")
        return sum(
            1
            for e in self.expected
            if (kind is None or e.organisation.kind == kind)
            and (status is None or order.index(e.status) >= order.index(status))
        )

    @property
    def rate(self) -> float:
        """Share of expected respondents who submitted, in percent."""
        total = len(self.expected)
        return round(100 * self.count(status="submitted") / total, 1) if total else 0.0


@dataclass
class Coverage:
    """Everything the dashboard shows for one round."""

    survey_round: SurveyRound | None
    by_type: list[Funnel]
    by_region: list[Funnel]
    iscms: list[IscmCoverage]


def build_coverage(survey_round: SurveyRound | None, language: str = "en") -> Coverage:
    """Count the round's responses by type, by region (States) and per ISCM; regions and each
    ISCM's expected respondents in the alphabetical order of their names in ``language``.

    The funnels are counted by the database (GROUP BY), and only the ISCMs and their expected
    respondents are read as objects, so the page runs the same statements, and reads about
    the same rows, with ten responses or ten thousand.
    """
    by_type = {kind: Funnel(str(label)) for kind, label in KIND_LABELS.items()}
    by_region: dict[str, Funnel] = {}

    def region_funnel(region: str | None) -> Funnel:
        label = region or "-"
        return by_region.setdefault(label, Funnel(label))

    for kind, region, count in db.session.execute(
        select(Organisation.kind, Organisation.region, func.count()).group_by(
            Organisation.kind, Organisation.region
        )
    ):
        by_type[kind].total += count
        if kind == "state":
            region_funnel(region).total += count
    statuses: dict[int, str] = {}
    if survey_round is not None:
        for kind, region, status, review_status, count in db.session.execute(
            select(
                Organisation.kind,
                Organisation.region,
                Response.status,
                Response.review_status,
                func.count(),
            )
            .join(Response.organisation)
            .where(Response.round_id == survey_round.id)
            .group_by(
                Organisation.kind, Organisation.region, Response.status, Response.review_status
            )
        ):
            by_type[kind].add(status, review_status, count)
            if kind == "state":
                region_funnel(region).add(status, review_status, count)
        expected_ids = union(
            select(Organisation.id).where(Organisation.kind == "iscm"),
            select(Membership.member_id),
        ).subquery()
        statuses = dict(
            db.session.execute(
                select(Response.organisation_id, Response.status).where(
                    Response.round_id == survey_round.id,
                    Response.organisation_id.in_(select(expected_ids.c[0])),
                )
            ).all()
        )
    members: dict[int, list[Membership]] = defaultdict(list)
    for membership in db.session.scalars(select(Membership).options(joinedload(Membership.member))):
        members[membership.iscm_id].append(membership)
    iscms = []
    for iscm in db.session.scalars(
        select(Organisation).where(Organisation.kind == "iscm").order_by(Organisation.code)
    ):
        entry = IscmCoverage(iscm)
        entry.expected.append(_expected(iscm, "secretariat", statuses))
        seen = set()
        for membership in sorted(members[iscm.id], key=lambda m: sort_name(m.member, language)):
            if membership.member_id in seen:
                continue
            seen.add(membership.member_id)
            entry.expected.append(_expected(membership.member, membership.role, statuses))
        iscms.append(entry)
    return Coverage(
        survey_round,
        list(by_type.values()),
        sorted(by_region.values(), key=lambda f: folded(region_name(f.label, language))),
        iscms,
    )


def _expected(organisation: Organisation, role: str, statuses: dict[int, str]):
    return ExpectedRespondent(organisation, role, statuses.get(organisation.id, "not_invited"))


def chosen_round() -> SurveyRound | None:
    """The round named by ``?round=``, else the open round, else the newest."""
    asked = whole_number(request.args.get("round"))
    if asked is not None:
        survey_round = db.session.get(SurveyRound, asked)
        if survey_round is not None:
            return survey_round
    return operations.current_round() or db.session.scalar(
        select(SurveyRound).order_by(SurveyRound.id.desc()).limit(1)
    )


@blueprint.get("/coverage")
def coverage():
    """The coverage dashboard; organisers see the same counts without contact details."""
    survey_round = chosen_round()
    language = page_language()
    data = build_coverage(survey_round, language)
    iscm_kind = request.args.get("iscm_kind") or ""
    search = (request.args.get("q") or "").strip()[:100]
    wanted = folded(search)
    rows = [
        entry
        for entry in data.iscms
        if (not iscm_kind or entry.iscm.iscm_kind == iscm_kind)
        and (not wanted or names_contain(entry.iscm, wanted))
    ]
    sort = request.args.get("sort") if request.args.get("sort") in SORT_KEYS else "name"
    descending = request.args.get("dir") == "desc"
    keys = {
        "name": lambda e: sort_name(e.iscm, language),
        "expected": lambda e: len(e.expected),
        "invited": lambda e: e.count(status="invited"),
        "submitted": lambda e: e.count(status="submitted"),
        "rate": lambda e: e.rate,
    }
    rows.sort(key=keys[sort], reverse=descending)
    rounds = db.session.scalars(select(SurveyRound).order_by(SurveyRound.id.desc())).all()
    # Contact addresses are personal data: analysts and administrators only.
    show_contacts = current_user.role in ("admin", "analyst")
    # Only the addresses the page shows: the expected respondents'.
    shown = {e.organisation.id for entry in data.iscms for e in entry.expected}
    contacts = (
        {
            c.organisation_id: c.email
            for c in db.session.scalars(select(Contact).where(Contact.organisation_id.in_(shown)))
        }
        if show_contacts
        else {}
    )
    return render_template(
        "analyst/coverage.html",
        data=data,
        rows=rows,
        rounds=rounds,
        sort=sort,
        descending=descending,
        iscm_kind=iscm_kind,
        search=search,
        iscm_kinds=ISCM_KIND_LABELS,
        show_contacts=show_contacts,
        contacts=contacts,
    )
