"""Forms of the auth blueprint."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length


class LoginForm(FlaskForm):
    """E-mail address and password."""

    email = EmailField(_l("E-mail address"), validators=[DataRequired(), Length(max=320)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=1000)])


class PasswordForm(FlaskForm):
    """The current password, and the new one twice."""

    current = PasswordField(_l("Current password"), validators=[DataRequired(), Length(max=1000)])
    new = PasswordField(
        _l("New password (at least 12 characters)"), validators=[DataRequired(), Length(max=1000)]
    )
    repeat = PasswordField(
        _l("New password again"),
        validators=[
            DataRequired(),
            EqualTo("new", message=_l("The two new passwords are not the same.")),
        ],
    )
