"""Forms of the administrators' area.

The account and round forms render their own fields. The registry's forms and the round's
open/close buttons only parse a POST: their pages write the HTML (the fields' names are the
forms' names). CSRF is checked by FlaskForm as everywhere else.
"""

from __future__ import annotations

from flask_babel import _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, EmailField, IntegerField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    AnyOf,
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from surveyapp.admin import registry_io
from surveyapp.questionnaire.text import UnprintableText, one_line
from surveyapp.registry import MEMBERSHIP_ROLES

#: a plain check of an address's shape; delivery is the real test
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"

ROLE_CHOICES = [
    SelectChoice("admin", _l("Administrator")),
    SelectChoice("analyst", _l("Analyst")),
    SelectChoice("organiser", _l("Organiser")),
]


class UserForm(FlaskForm):
    """A new account."""

    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(),
            Regexp(EMAIL_PATTERN, message=_l("Enter an e-mail address like name@example.org.")),
            Length(max=320),
        ],
    )
    role = SelectField(_l("Role"), choices=ROLE_CHOICES, validators=[DataRequired()])
    password = PasswordField(
        _l("Password (at least 12 characters)"), validators=[DataRequired(), Length(max=1000)]
    )


class RoleForm(FlaskForm):
    """Change an account's role."""

    role = SelectField(_l("Role"), choices=ROLE_CHOICES, validators=[DataRequired()])


class RoundForm(FlaskForm):
    """A survey round: its name, year, deadline, contact address and questionnaire versions."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(min=2000, max=2100)])
    deadline = DateField(_l("Deadline"), validators=[Optional()])
    contact_email = EmailField(
        _l("Contact address for respondents (optional)"),
        description=_l(
            "Shown with the deadline on respondents' pages, in invitations and reminders and on "
            "the receipt, for their questions."
        ),
        filters=[lambda value: (value or "").strip() or None],
        validators=[
            Optional(),
            Regexp(EMAIL_PATTERN, message=_l("Enter an e-mail address like name@example.org.")),
            Length(max=320),
        ],
    )
    name_fr = StringField(
        _l("Name in French"),
        description=_l("Empty: French pages and summaries show the name above."),
        filters=[lambda value: (value or "").strip()],
        validators=[Length(max=200)],
    )
    name_es = StringField(
        _l("Name in Spanish"),
        description=_l("Empty: Spanish pages and summaries show the name above."),
        filters=[lambda value: (value or "").strip()],
        validators=[Length(max=200)],
    )
    name_ar = StringField(
        _l("Name in Arabic"),
        description=_l("Empty: Arabic pages and summaries show the name above."),
        filters=[lambda value: (value or "").strip()],
        validators=[Length(max=200)],
    )
    state = SelectField(_l("State questionnaire"), coerce=int)
    iscm = SelectField(_l("ISCM questionnaire"), coerce=int)
    igo = SelectField(_l("IGO questionnaire"), coerce=int)

    #: the languages the round's name is translated into on this form, with their fields
    NAME_TRANSLATIONS = ("fr", "es", "ar")

    def validate_name(self, field: StringField) -> None:
        """A round's name follows the text rule and is one line: it heads e-mail subjects."""
        try:
            field.data = one_line(field.data or "")
        except UnprintableText as error:
            raise ValidationError(str(error)) from None

    def validate_name_fr(self, field: StringField) -> None:
        """The name's translations follow the same rule as the name."""
        self.validate_name(field)

    validate_name_es = validate_name_fr
    validate_name_ar = validate_name_fr

    def name_translations(self) -> dict[str, str]:
        """The name's translations given, by language ("" forgets one)."""
        return {
            language: getattr(self, f"name_{language}").data or ""
            for language in self.NAME_TRANSLATIONS
        }


def _stripped(value: str | None) -> str:
    return (value or "").strip()


def _text(value: str | None) -> str:
    return value or ""


def _is_one(value: str | None) -> bool:
    return value == "1"


class RoundStatusForm(FlaskForm):
    """Open or close a round: the button pressed sends ``status``."""

    status = StringField(validators=[AnyOf(("open", "closed"))])


class _RegistryRow(FlaskForm):
    """Base of the organisation forms: one text field per column of the registry's files."""

    #: the columns the form reads, in the files' order
    columns: tuple[str, ...] = ()

    def row(self) -> dict[str, str]:
        """The row for :func:`registry_io.check_rows`: every column stripped, "" if not sent."""
        return {key: self[key].data for key in self.columns}


def _registry_row_form(name: str, what: str) -> type[_RegistryRow]:
    columns = tuple(registry_io.COLUMNS[what])
    fields = {key: StringField(filters=[_stripped]) for key in columns}
    return type(name, (_RegistryRow,), {"columns": columns, **fields})


#: an ISCM as its page edits it (the file's columns are the fields)
IscmForm = _registry_row_form("IscmForm", "iscms")
#: an IGO as its page edits it (the file's columns are the fields)
IgoForm = _registry_row_form("IgoForm", "igos")
#: the form of each kind of organisation edited in the browser, by the name used in URLs
ORGANISATION_FORMS: dict[str, type[_RegistryRow]] = {"iscms": IscmForm, "igos": IgoForm}


class MembershipForm(FlaskForm):
    """A State or IGO (by code) to add to an ISCM, in a role; ``illustrative=1`` marks the
    membership as illustrative rather than real."""

    member = StringField(filters=[_text])
    role = StringField(default="member", validators=[AnyOf(MEMBERSHIP_ROLES)])
    illustrative = StringField(filters=[_is_one])


class RegistryImportForm(FlaskForm):
    """A registry file to import and what it holds (``iscms``, ``igos`` or ``memberships``);
    :func:`registry_io.parse_file` checks both."""

    what = StringField(filters=[_text])
    file = FileField()

    def validate_file(self, field: FileField) -> None:
        """A file is chosen (a file part without a name is none)."""
        if field.data is None:
            raise ValidationError(_("Choose a file to import."))
