"""Warnings for texts that lack French, Spanish or Arabic."""

from __future__ import annotations

from surveyapp.questionnaire import describe_missing_translations


def test_missing_translations_are_listed_per_text_with_line_and_key(questionnaire):
    warnings = describe_missing_translations(questionnaire)
    by_key = {(w.key, w.message) for w in warnings}
    assert (None, "title has no es, ar translation") in by_key
    assert ("founding_document", "label has no es, ar translation") in by_key
    assert ("has_strategy", "choice 'yes' has no es, ar translation") in by_key
    assert ("role", "label has no fr, es, ar translation") in by_key
    founding = next(w for w in warnings if w.key == "founding_document")
    assert founding.line == questionnaire.question("founding_document").line
    assert founding.file == questionnaire.source


def test_fully_translated_texts_and_lists_from_elsewhere_give_no_warning(questionnaire):
    warnings = describe_missing_translations(questionnaire)
    assert not [w for w in warnings if w.key == "mandate" and w.message.startswith("title")]
    assert not [w for w in warnings if "'trafficking_in_persons'" in w.message]
    assert not [w for w in warnings if "'other'" in w.message]
