"""Forms of the analysts' workspace: they parse and check what a POST sent.

The pages write their own HTML (the fields' names are the forms' names); CSRF is checked by
FlaskForm as everywhere else. Messages are the ones the pages flash.
"""

from __future__ import annotations

from flask_babel import _
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import AnyOf, ValidationError

from surveyapp.i18n import LANGUAGES
from surveyapp.operations import SUMMARY_SECTIONS, passage_hash
from surveyapp.operations.summaries import SUMMARY_JOB_KINDS
from surveyapp.questionnaire.text import UnprintableText, clean_text

#: the longest query message kept
MAX_QUERY_LENGTH = 2000
#: the longest e-mail address kept for a contact
MAX_EMAIL_LENGTH = 320
#: the longest text of a summary section read from the form (the rest is dropped)
MAX_SUMMARY_TEXT = 50_000


def _stripped(value: str | None) -> str:
    return (value or "").strip()


def _text(value: str | None) -> str:
    return value or ""


class InviteForm(FlaskForm):
    """Whom to invite (``org:<code>``, ``members:<iscm>``, ``all:<kind>``) and, when inviting one
    organisation, its contact's address and language."""

    target = StringField(filters=[_text])
    email = StringField(filters=[_stripped])
    language = StringField(filters=[lambda value: value or "en"])

    def validate_email(self, field: StringField) -> None:
        """An address has an ``@`` and fits the contacts' column."""
        if field.data and ("@" not in field.data or len(field.data) > MAX_EMAIL_LENGTH):
            raise ValidationError(
                _("An e-mail address can be given when inviting one organisation only.")
            )


class ReviewForm(FlaskForm):
    """A review decision; a query also names a question (or none) and carries a message."""

    decision = StringField(validators=[AnyOf(("accept", "unreviewed", "query"))])
    question_key = StringField(filters=[lambda value: value or None])
    message = TextAreaField(filters=[_text])

    def validate_message(self, field: TextAreaField) -> None:
        """A query's message follows the text rule and is not blank nor too long."""
        if self.decision.data != "query":
            return
        try:
            field.data = clean_text(field.data).strip()
        except UnprintableText as error:
            raise ValidationError(
                _(
                    "The message contains a character that cannot be saved (%(code)s, at "
                    "character %(position)s). Delete it or retype the message.",
                    code=error.code,
                    position=error.position,
                )
            ) from None
        if not field.data or len(field.data) > MAX_QUERY_LENGTH:
            raise ValidationError(
                _(
                    "Write the question for the respondent (at most %(count)d characters).",
                    count=MAX_QUERY_LENGTH,
                )
            )


class _SummaryTexts(FlaskForm):
    """Base of :class:`SummaryForm`: the texts it carries."""

    def texts(self) -> dict[str, str]:
        """The text sent for each section, by section key; a section not sent is left out."""
        return {
            key: self[key].data[:MAX_SUMMARY_TEXT] for key in SUMMARY_SECTIONS if self[key].raw_data
        }


#: an analyst's texts for the sections of an ISCM's summary, one ``text-<section>`` field each
SummaryForm = type(
    "SummaryForm",
    (_SummaryTexts,),
    {key: TextAreaField(name=f"text-{key}", filters=[_text]) for key in SUMMARY_SECTIONS},
)


def passage_field_name(passage: str) -> str:
    """The name of the field holding the translation of ``passage`` on the summary page."""
    return f"translation-{passage_hash(passage)[:16]}"


class _PassageTranslations(FlaskForm):
    """Base of the forms :func:`passage_translations_form` makes."""

    passages: tuple[str, ...] = ()

    def translations(self) -> dict[str, str]:
        """The translation sent for each passage, by the passage's text; a passage whose field
        was not sent is left out (blank text forgets its translation)."""
        sent = {}
        for index, passage in enumerate(self.passages):
            field = self[f"passage_{index}"]
            if field.raw_data:
                sent[passage] = (field.data or "")[:MAX_SUMMARY_TEXT]
        return sent


def passage_translations_form(passages: list[str], **kwargs) -> _PassageTranslations:
    """A form with one ``translation-<key>`` text field per passage of ``passages`` (the texts
    a summary quotes in another language than its own), read from the request."""
    fields = {
        f"passage_{index}": TextAreaField(name=passage_field_name(passage), filters=[_text])
        for index, passage in enumerate(passages)
    }
    form_class = type("PassageTranslationsForm", (_PassageTranslations,), fields)
    form_class.passages = tuple(passages)
    return form_class(**kwargs)


class ReportJobForm(FlaskForm):
    """A report job to start: the ISCM a check is about (empty: every ISCM) and whether
    illustrative (demo) answers are left out."""

    subject = StringField(filters=[_stripped])
    leave_out_illustrative = BooleanField()


class PublishForm(FlaskForm):
    """Publishing a summary: the analyst confirms when passages are left untranslated."""

    confirm_untranslated = BooleanField()


def _codes(values: list[str] | None) -> list[str]:
    """The ISCM codes sent, each once, in the order sent, blanks left out."""
    return list(dict.fromkeys(value.strip() for value in values or () if value.strip()))


class SummariesJobForm(FlaskForm):
    """What to do from the summaries board (render, check or publish) to which ISCMs' summaries
    (``iscm``, ticked; or ``all``: every one the board showed, ``shown``) in which language."""

    action = StringField(validators=[AnyOf(SUMMARY_JOB_KINDS)])
    iscm = SelectMultipleField(validate_choice=False, filters=[_codes])
    all = BooleanField()
    shown = SelectMultipleField(validate_choice=False, filters=[_codes])
    language = StringField(filters=[lambda value: value or "en"], validators=[AnyOf(LANGUAGES)])
    leave_out_illustrative = BooleanField()

    def selected(self) -> list[str]:
        """The codes of the ISCMs chosen."""
        return self.shown.data if self.all.data else self.iscm.data

    def validate_iscm(self, field: SelectMultipleField) -> None:
        """At least one ISCM is chosen."""
        if not self.selected():
            raise ValidationError(_("Choose at least one ISCM."))


class PublishSelectionForm(FlaskForm):
    """Publishing several summaries once their changes are confirmed: the ISCMs, the
    fingerprint of the texts shown for each (``seen``: ``code:fingerprint``), the language, and
    whether summaries quoting untranslated passages are published too."""

    iscm = SelectMultipleField(validate_choice=False, filters=[_codes])
    seen = SelectMultipleField(validate_choice=False, filters=[_codes])
    language = StringField(filters=[lambda value: value or "en"], validators=[AnyOf(LANGUAGES)])
    confirm_untranslated = BooleanField()

    def confirmed(self) -> dict[str, str]:
        """The fingerprint of the texts the analyst saw, by ISCM code."""
        pairs = (value.partition(":") for value in self.seen.data)
        return {code: fingerprint for code, _sep, fingerprint in pairs if fingerprint}

    def validate_iscm(self, field: SelectMultipleField) -> None:
        """At least one ISCM is chosen."""
        if not field.data:
            raise ValidationError(_("Choose at least one ISCM."))


#: the longest name of an API token
MAX_TOKEN_NAME = 100


class TokenForm(FlaskForm):
    """A new API token's name: what it is for."""

    name = StringField(filters=[_stripped])

    def validate_name(self, field: StringField) -> None:
        """A name is given and fits the tokens' column."""
        if not field.data or len(field.data) > MAX_TOKEN_NAME:
            raise ValidationError(
                _("Give the token a name of at most 100 characters (what it is for).")
            )


class QueryReviewForm(ReviewForm):
    """A review decision as the review page sends it: a query may also name one item (ISCM) of
    a per-ISCM question, and say whether a submitted response is reopened (``yes``, the
    default) or keeps its answers read-only while the respondent replies (``no``)."""

    item_code = StringField(filters=[lambda value: value or None])
    reopen = StringField(validators=[AnyOf(("yes", "no"))], filters=[lambda value: value or "yes"])
