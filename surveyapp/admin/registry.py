"""The registry in the browser: ISCMs, IGOs and memberships; import and export as YAML or CSV."""

from __future__ import annotations

from flask import Response as HttpResponse
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import _
from sqlalchemy import select

from surveyapp import operations
from surveyapp.admin import registry_io
from surveyapp.admin.blueprint import blueprint
from surveyapp.admin.forms import ORGANISATION_FORMS, MembershipForm, RegistryImportForm
from surveyapp.auth.access import actor
from surveyapp.extensions import db
from surveyapp.i18n import membership_role_name, page_language
from surveyapp.models import Membership, Organisation
from surveyapp.registry import ISCM_KINDS, MEMBERSHIP_ROLES

#: the kinds edited here, by the name used in URLs and files
EDITABLE = {"iscms": "iscm", "igos": "igo"}


@blueprint.get("/registry")
def registry():
    """ISCMs and IGOs, with export links and the import form."""
    organisations = db.session.scalars(
        select(Organisation)
        .where(Organisation.kind.in_(("iscm", "igo")))
        .order_by(Organisation.kind.desc(), Organisation.code)
    ).all()
    return render_template("admin/registry.html", organisations=organisations, problems=None)


@blueprint.route("/registry/<what>/new", methods=["GET", "POST"])
@blueprint.route("/registry/<what>/<code>", methods=["GET", "POST"])
def edit_organisation(what: str, code: str | None = None):
    """Edit an ISCM or IGO (or create one); for an ISCM also its memberships."""
    if what not in EDITABLE:
        abort(404)
    organisation = None
    if code is not None:
        organisation = db.session.scalar(
            select(Organisation).filter_by(code=code, kind=EDITABLE[what])
        ) or abort(404)
    row = _row_of(organisation, what)
    problems = []
    form = ORGANISATION_FORMS[what]()
    if form.validate_on_submit():
        row = form.row()
        if organisation is not None:
            row["code"] = organisation.code
        try:
            parsed = registry_io.check_rows(what, [row], must_be_new=organisation is None)
        except registry_io.ImportRefused as refused:
            problems = [message for _row, message in refused.problems]
        else:
            saved = operations.save_organisation(EDITABLE[what], parsed.rows[0], actor=actor())
            db.session.commit()
            flash(_("%(name)s saved.", name=saved.name(page_language())))
            return redirect(url_for("admin.edit_organisation", what=what, code=saved.code))
    memberships = []
    candidates = []
    if organisation is not None and what == "iscms":
        memberships = sorted(
            organisation.memberships, key=lambda m: (m.member.kind, m.member.name(), m.role)
        )
        candidates = db.session.scalars(
            select(Organisation)
            .where(Organisation.kind.in_(("state", "igo")))
            .order_by(Organisation.kind, Organisation.code)
        ).all()
    status = 422 if problems else 200
    return render_template(
        "admin/organisation.html",
        what=what,
        organisation=organisation,
        row=row,
        problems=problems,
        memberships=memberships,
        candidates=candidates,
        roles=MEMBERSHIP_ROLES,
        iscm_kinds=ISCM_KINDS,
        languages=registry_io.LANGUAGES,
    ), status


def _row_of(organisation: Organisation | None, what: str) -> dict[str, str]:
    if organisation is None:
        return {key: "" for key in registry_io.COLUMNS[what]}
    rows = registry_io.export_rows(what)
    return next(r for r in rows if r["code"] == organisation.code)


@blueprint.post("/registry/iscms/<code>/memberships")
def add_membership(code: str):
    """Add a State or IGO to an ISCM in a role."""
    iscm = db.session.scalar(select(Organisation).filter_by(code=code, kind="iscm")) or abort(404)
    form = MembershipForm()
    member = db.session.scalar(select(Organisation).filter_by(code=form.member.data))
    if not form.validate_on_submit() or member is None or member.kind == "iscm":
        flash(_("Choose a State or IGO and a role."))
    else:
        role = form.role.data
        operations.add_membership(
            iscm, member, role, illustrative=form.illustrative.data, actor=actor()
        )
        db.session.commit()
        flash(
            _(
                "%(member)s added as %(role)s.",
                member=member.name(page_language()),
                role=membership_role_name(role),
            )
        )
    return redirect(url_for("admin.edit_organisation", what="iscms", code=code) + "#memberships")


@blueprint.post("/registry/memberships/<int:membership_id>/delete")
def delete_membership(membership_id: int):
    """Remove a membership."""
    membership = db.session.get(Membership, membership_id) or abort(404)
    code = membership.iscm.code
    name = membership.member.name(page_language())
    operations.remove_membership(membership, actor=actor())
    db.session.commit()
    flash(_("%(member)s removed.", member=name))
    return redirect(url_for("admin.edit_organisation", what="iscms", code=code) + "#memberships")


@blueprint.get("/registry/export/<what>.<file_format>")
def export_registry(what: str, file_format: str):
    """ISCMs, IGOs or memberships as a YAML or CSV file."""
    if what not in registry_io.COLUMNS or file_format not in ("csv", "yaml"):
        abort(404)
    if file_format == "csv":
        body, mimetype = registry_io.to_csv(what), "text/csv"
    else:
        body, mimetype = registry_io.to_yaml(what), "application/yaml"
    return HttpResponse(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{what}.{file_format}"'},
    )


@blueprint.post("/registry/import")
def import_registry():
    """Import a YAML or CSV file: every row is checked first; one bad row and nothing changes."""
    form = RegistryImportForm()
    if not form.validate_on_submit():
        flash(form.file.errors[0])
        return redirect(url_for("admin.registry"))
    what, upload = form.what.data, form.file.data
    try:
        parsed = registry_io.parse_file(what, upload.filename, upload.read())
    except registry_io.ImportRefused as refused:
        organisations = db.session.scalars(
            select(Organisation)
            .where(Organisation.kind.in_(("iscm", "igo")))
            .order_by(Organisation.kind.desc(), Organisation.code)
        ).all()
        return render_template(
            "admin/registry.html",
            organisations=organisations,
            problems=refused.problems,
            filename=upload.filename,
        ), 422
    if what == "memberships":
        count = operations.replace_memberships(parsed.rows, actor=actor())
    else:
        for row in parsed.rows:
            operations.save_organisation(registry_io.KINDS[what], row, actor=actor())
        count = len(parsed.rows)
    db.session.commit()
    flash(_("Imported %(count)d row(s) from %(file)s.", count=count, file=upload.filename))
    return redirect(url_for("admin.registry"))
