"""Forms of the administrators' area."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, IntegerField, PasswordField, SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from surveyapp.questionnaire.text import UnprintableText, one_line

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
    """A survey round: its name, year, deadline and questionnaire versions."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=200)])
    year = IntegerField(_l("Year"), validators=[DataRequired(), NumberRange(min=2000, max=2100)])
    deadline = DateField(_l("Deadline"), validators=[Optional()])
    state = SelectField(_l("State questionnaire"), coerce=int)
    iscm = SelectField(_l("ISCM questionnaire"), coerce=int)
    igo = SelectField(_l("IGO questionnaire"), coerce=int)

    def validate_name(self, field: StringField) -> None:
        """A round's name follows the text rule and is one line: it heads e-mail subjects."""
        try:
            field.data = one_line(field.data or "")
        except UnprintableText as error:
            raise ValidationError(str(error)) from None
