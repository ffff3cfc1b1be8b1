"""Contacts per organisation: list them, edit one, import many from CSV, download them.

A contact is the person invitations and reminders are written to: an address, the person's
name (optional) and the language they are written in. An import is checked whole before
anything is recorded: one bad row, and the page lists every problem by row and column and
nothing changes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from flask import Response as HttpResponse
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import _, get_locale
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from sqlalchemy import select
from wtforms import StringField
from wtforms.validators import ValidationError

from surveyapp.analyst.blueprint import blueprint
from surveyapp.auth.access import actor
from surveyapp.exports.writer import neutralise
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGE_NAMES, LANGUAGES
from surveyapp.models import Contact, Organisation
from surveyapp.models.mail import mailbox
from surveyapp.operations import contacts as contact_operations
from surveyapp.operations.contacts import ContactChange
from surveyapp.questionnaire.model import RESPONDENT_TYPES
from surveyapp.questionnaire.text import UnprintableText, one_line

#: the longest address (with the person's name) the contacts' column holds
MAX_MAILBOX_LENGTH = 320
#: the longest name of a contact person
MAX_NAME_LENGTH = 200
#: the largest import file read, in bytes
MAX_IMPORT_BYTES = 1_000_000
#: the most rows an import file may hold
MAX_IMPORT_ROWS = 5_000
#: a plain check of an address's shape (delivery is the real test); no characters that would
#: break the ``Name <address>`` form
ADDRESS_PATTERN = re.compile(r'[^@\s<>",;()\[\]\\]+@[^@\s<>",;()\[\]\\]+\.[^@\s<>",;()\[\]\\]+')
#: the columns an import reads, with the headings each may have (compared in lower case,
#: ``_`` as a space); ``organisation`` is read as the code only when no ``code`` column exists
IMPORT_COLUMNS = {
    "code": ("code", "organisation code", "organization code"),
    "email": ("email", "e-mail", "email address", "e-mail address", "address"),
    "name": ("name", "contact name", "contact person"),
    "language": ("language", "lang"),
}
#: headings read as the code when the file has no ``code`` column
ORGANISATION_HEADINGS = ("organisation", "organization")


def address_problem(address: str, name: str = "") -> str | None:
    """Why ``address`` (with ``name``) cannot be a contact's, or None when it can."""
    if not address:
        return _("Give the contact's e-mail address.")
    if not ADDRESS_PATTERN.fullmatch(address):
        return _("“%(address)s” is not an e-mail address like name@example.org.", address=address)
    try:
        written = mailbox(address, name)
    except (ValueError, IndexError):
        return _("“%(address)s” is not an e-mail address like name@example.org.", address=address)
    if len(written) > MAX_MAILBOX_LENGTH:
        return _(
            "The address and the name together are longer than %(count)d characters.",
            count=MAX_MAILBOX_LENGTH,
        )
    return None


def clean_name(name: str) -> str:
    """A contact person's name on one line.

    :raises ValueError: with the message to show, for a name that cannot be stored.
    """
    try:
        # One space between words: tabs and runs of spaces too (an e-mail header folds them).
        cleaned = " ".join(one_line(name or "").split())
    except UnprintableText as error:
        raise ValueError(
            _(
                "The name contains a character that cannot be saved (%(code)s, at character "
                "%(position)s).",
                code=error.code,
                position=error.position,
            )
        ) from None
    if len(cleaned) > MAX_NAME_LENGTH:
        raise ValueError(_("The name is longer than %(count)d characters.", count=MAX_NAME_LENGTH))
    return cleaned


def language_problem(language: str) -> str | None:
    """Why ``language`` is not one contacts are written in, or None."""
    if language in LANGUAGES:
        return None
    return _(
        "“%(value)s” is not a language contacts are written in: use %(codes)s.",
        value=language,
        codes=", ".join(LANGUAGES),
    )


class ContactForm(FlaskForm):
    """One organisation's contact: address, the person's name, language."""

    # The name is checked first: the address's check measures the two together.
    name = StringField(filters=[lambda value: value or ""])
    email = StringField(filters=[lambda value: (value or "").strip()])
    language = StringField(filters=[lambda value: (value or "").strip().lower()])

    def validate_name(self, field: StringField) -> None:
        """A name is one printable line of at most :data:`MAX_NAME_LENGTH` characters."""
        try:
            field.data = clean_name(field.data)
        except ValueError as error:
            raise ValidationError(str(error)) from None

    def validate_email(self, field: StringField) -> None:
        """An address of the usual shape that fits the contacts' column with the name."""
        name = self.name.data if not self.name.errors else ""
        problem = address_problem(field.data, name)
        if problem:
            raise ValidationError(problem)

    def validate_language(self, field: StringField) -> None:
        """One of the four languages."""
        problem = language_problem(field.data)
        if problem:
            raise ValidationError(problem)


class ContactsImportForm(FlaskForm):
    """A CSV file of contacts to import."""

    file = FileField()

    def validate_file(self, field: FileField) -> None:
        """A file is chosen (a file part without a name is none)."""
        if field.data is None or not field.data.filename:
            raise ValidationError(_("Choose a CSV file to import."))


@dataclass
class ImportProblem:
    """Why one cell (or the whole file, row 0) keeps an import from being recorded."""

    #: the row as a spreadsheet numbers it (the headings are row 1); 0 for the whole file
    row: int
    #: the column's heading as the file spells it ("" for the whole row or file)
    column: str
    message: str


@dataclass
class ContactsFile:
    """An import file read and checked whole."""

    changes: list[ContactChange] = field(default_factory=list)
    #: headings of columns the import does not read
    ignored_columns: list[str] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def _heading(text: str) -> str:
    return " ".join(text.replace("_", " ").strip().lower().split())


def _columns(headings: list[str]) -> tuple[dict[str, int], list[str]]:
    """Which position holds each column the import reads, and the headings it ignores."""
    normalised = [_heading(h) for h in headings]
    positions: dict[str, int] = {}
    for column, names in IMPORT_COLUMNS.items():
        for index, heading in enumerate(normalised):
            if heading in names and column not in positions:
                positions[column] = index
    if "code" not in positions:
        for index, heading in enumerate(normalised):
            if heading in ORGANISATION_HEADINGS:
                positions["code"] = index
                break
    ignored = [
        headings[i].strip()
        for i in range(len(headings))
        if i not in positions.values() and headings[i].strip()
    ]
    return positions, ignored


def _delimiter(first_line: str) -> str:
    """The delimiter of a CSV file from its heading line: a comma, or the semicolon or tab a
    spreadsheet writes in some languages."""
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_contacts_file(content: bytes) -> ContactsFile:
    """Read a contacts CSV (``code``, ``email``, ``name``, ``language``) and check every row.

    A column the file leaves out keeps each contact's current value (English for a new
    contact's language); an empty ``name`` cell removes the name, an empty ``language`` cell
    keeps the current language. Unknown columns are ignored and listed.
    """
    result = ContactsFile()
    if len(content) > MAX_IMPORT_BYTES:
        result.problems.append(
            ImportProblem(
                0,
                "",
                _(
                    "The file is larger than %(count)d kB: split it into several files.",
                    count=MAX_IMPORT_BYTES // 1000,
                ),
            )
        )
        return result
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        result.problems.append(
            ImportProblem(
                0, "", _("The file is not UTF-8 text: save it from the spreadsheet as “CSV UTF-8”.")
            )
        )
        return result
    try:
        records = list(csv.reader(io.StringIO(text), delimiter=_delimiter(text.split("\n", 1)[0])))
    except csv.Error as error:
        result.problems.append(
            ImportProblem(0, "", _("The CSV cannot be read: %(error)s", error=str(error)))
        )
        return result
    if not records or not any(cell.strip() for cell in records[0]):
        result.problems.append(ImportProblem(0, "", _("The file is empty.")))
        return result
    headings = records[0]
    positions, result.ignored_columns = _columns(headings)
    for column in ("code", "email"):
        if column not in positions:
            result.problems.append(
                ImportProblem(
                    1,
                    column,
                    _("The file has no “%(column)s” column.", column=column),
                )
            )
    rows = [(number, cells) for number, cells in enumerate(records[1:], start=2)]
    rows = [(number, cells) for number, cells in rows if any(cell.strip() for cell in cells)]
    if not rows and not result.problems:
        result.problems.append(ImportProblem(0, "", _("The file has no rows of contacts.")))
    if len(rows) > MAX_IMPORT_ROWS:
        result.problems.append(
            ImportProblem(0, "", _("The file has more than %(count)d rows.", count=MAX_IMPORT_ROWS))
        )
    if result.problems:
        return result
    organisations = {o.code: o for o in db.session.scalars(select(Organisation))}
    by_lower_code = {code.lower(): o for code, o in organisations.items()}
    contacts = {c.organisation_id: c for c in db.session.scalars(select(Contact))}
    seen: dict[int, int] = {}
    for number, cells in rows:
        change = _check_row(
            number,
            cells,
            headings,
            positions,
            organisations,
            by_lower_code,
            contacts,
            seen,
            result.problems,
        )
        if change is not None:
            result.changes.append(change)
    return result


def _check_row(
    number, cells, headings, positions, organisations, by_lower_code, contacts, seen, problems
) -> ContactChange | None:
    def cell(column: str) -> str | None:
        index = positions.get(column)
        if index is None:
            return None
        return cells[index].strip() if index < len(cells) else ""

    def problem(column: str, message: str) -> None:
        problems.append(ImportProblem(number, headings[positions[column]].strip(), message))

    found = len(problems)
    code = cell("code")
    organisation = organisations.get(code) or by_lower_code.get(code.lower())
    if not code:
        problem("code", _("Give the organisation's code (EGY, khartoum-process, iom…)."))
    elif organisation is None:
        problem("code", _("No organisation has the code “%(code)s”.", code=code))
    elif organisation.id in seen:
        problem(
            "code", _("%(code)s is already on row %(row)d.", code=code, row=seen[organisation.id])
        )
    else:
        seen[organisation.id] = number
    current = contacts.get(organisation.id) if organisation is not None else None
    name = cell("name")
    if name is None:
        name = current.name if current is not None else ""
    else:
        try:
            name = clean_name(name)
        except ValueError as error:
            problem("name", str(error))
            name = ""
    language = cell("language")
    if not language:
        language = current.language if current is not None else "en"
    else:
        language = language.lower()
        message = language_problem(language)
        if message:
            problem("language", message)
    address = cell("email")
    message = address_problem(address, name)
    if message:
        problem("email", message)
    if len(problems) > found:
        return None
    return ContactChange(organisation, address, name, language)


def contact_rows(kind: str, search: str, has: str) -> list[tuple[Organisation, Contact | None]]:
    """Organisations with their contact, filtered by kind, by a text in the code or the name
    (in any language) and by whether a contact is known (``yes``/``no``), ordered by name."""
    query = select(Organisation).order_by(Organisation.kind, Organisation.code)
    if kind in RESPONDENT_TYPES:
        query = query.where(Organisation.kind == kind)
    contacts = {c.organisation_id: c for c in db.session.scalars(select(Contact))}
    language = str(get_locale())
    rows = []
    needle = search.casefold()
    for organisation in db.session.scalars(query):
        contact = contacts.get(organisation.id)
        if has == "yes" and contact is None or has == "no" and contact is not None:
            continue
        texts = [organisation.code, *organisation.names.values(), organisation.acronym or ""]
        if contact is not None:
            texts += [contact.email]
        if needle and not any(needle in text.casefold() for text in texts):
            continue
        rows.append((organisation, contact))
    kinds = {k: i for i, k in enumerate(RESPONDENT_TYPES)}
    return sorted(rows, key=lambda row: (kinds[row[0].kind], row[0].name(language).casefold()))


def _organisation(code: str) -> Organisation:
    return db.session.scalar(select(Organisation).filter_by(code=code)) or abort(404)


def _language_choices() -> list[tuple[str, str]]:
    return [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]


@blueprint.get("/contacts")
def contacts():
    """Every organisation's contact, filtered by type, text and whether one is known."""
    kind = request.args.get("kind") or ""
    search = (request.args.get("q") or "").strip()[:100]
    has = request.args.get("has") or ""
    return render_template(
        "analyst/contacts.html",
        rows=contact_rows(kind, search, has),
        kind=kind,
        search=search,
        has=has,
        languages=_language_choices(),
        problems=None,
    )


@blueprint.get("/contacts.csv")
def contacts_csv():
    """Every contact as CSV (the import's columns, with the organisation's name to read by)."""
    language = str(get_locale())
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["code", "organisation", "name", "email", "language"])
    for organisation, contact in contact_rows("", "", "yes"):
        writer.writerow(
            [
                neutralise(value)
                for value in (
                    organisation.code,
                    organisation.name(language),
                    contact.name,
                    contact.address,
                    contact.language,
                )
            ]
        )
    return HttpResponse(
        "\ufeff" + buffer.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="contacts.csv"'},
    )


@blueprint.post("/contacts/import")
def import_contacts():
    """Import contacts from CSV: every row is checked first; one bad row and nothing changes."""
    form = ContactsImportForm()
    if not form.validate_on_submit():
        flash(form.file.errors[0] if form.file.errors else _("The form expired: try again."))
        return redirect(url_for("analyst.contacts"))
    upload = form.file.data
    read = read_contacts_file(upload.read(MAX_IMPORT_BYTES + 1))
    if read.problems:
        return render_template(
            "analyst/contacts.html",
            rows=contact_rows("", "", ""),
            kind="",
            search="",
            has="",
            languages=_language_choices(),
            problems=read.problems,
            filename=upload.filename,
        ), 422
    imported = contact_operations.import_contacts(read.changes, actor=actor())
    db.session.commit()
    flash(
        _(
            "Contacts imported from %(file)s: %(created)d new, %(changed)d changed, "
            "%(unchanged)d unchanged.",
            file=upload.filename,
            created=len(imported.created),
            changed=len(imported.changed),
            unchanged=len(imported.unchanged),
        )
    )
    if read.ignored_columns:
        flash(
            _(
                "Columns not read: %(columns)s.",
                columns=", ".join(f"“{c}”" for c in read.ignored_columns),
            )
        )
    return redirect(url_for("analyst.contacts"))


@blueprint.route("/contacts/<code>", methods=["GET", "POST"])
def edit_contact(code: str):
    """Edit one organisation's contact: address, the person's name, language."""
    organisation = _organisation(code)
    contact = contact_operations.contact_of(organisation)
    form = ContactForm(
        data={
            "email": contact.address if contact else "",
            "name": contact.name if contact else "",
            "language": contact.language if contact else "en",
        }
        if request.method == "GET"
        else None
    )
    if form.validate_on_submit():
        change = ContactChange(organisation, form.email.data, form.name.data, form.language.data)
        outcome = contact_operations.save_contact(change, actor=actor())
        db.session.commit()
        if outcome == "unchanged":
            flash(_("Nothing changed for %(name)s.", name=organisation.name(str(get_locale()))))
        else:
            flash(_("Contact of %(name)s saved.", name=organisation.name(str(get_locale()))))
        return redirect(url_for("analyst.contacts", q=organisation.code))
    return render_template(
        "analyst/contact.html",
        organisation=organisation,
        contact=contact,
        form=form,
        languages=_language_choices(),
    ), 422 if form.errors else 200


@blueprint.post("/contacts/<code>/remove")
def remove_contact(code: str):
    """Forget one organisation's contact (its links keep working)."""
    organisation = _organisation(code)
    form = FlaskForm()
    if not form.validate_on_submit():
        abort(400)
    name = organisation.name(str(get_locale()))
    if contact_operations.remove_contact(organisation, actor=actor()):
        db.session.commit()
        flash(_("The contact of %(name)s was removed.", name=name))
    else:
        flash(_("%(name)s had no contact.", name=name))
    return redirect(url_for("analyst.contacts"))
