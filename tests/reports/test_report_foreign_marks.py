"""An answer quoted in another language is marked as a whole, never inside a word."""

from __future__ import annotations

from reports.html import mark_foreign


def test_a_short_answer_is_not_marked_inside_a_word():
    html = str(mark_foreign("Adopté le 28 nov. 2014 ; réponse : no.", [("no", "en")]))
    assert "28 nov. 2014" in html
    assert html.endswith('réponse : <bdi class="answer-text" lang="en" dir="ltr">no</bdi>.')


def test_a_plural_of_the_answer_is_left_alone():
    html = str(mark_foreign("Les financements stables et stable.", [("stable", "en")]))
    assert "stables" in html
    assert html.count('lang="en"') == 1


def test_a_quoted_answer_is_marked_with_its_own_direction():
    html = str(mark_foreign("قال: « provides a platform ».", [("provides a platform", "en")]))
    assert '<bdi class="answer-text" lang="en" dir="ltr">provides a platform</bdi>' in html


def test_markup_in_an_answer_stays_escaped():
    html = str(mark_foreign("Said <b>x</b> today.", [("<b>x</b>", "fr")]))
    assert "<b>" not in html
    assert '<bdi class="answer-text" lang="fr" dir="ltr">&lt;b&gt;x&lt;/b&gt;</bdi>' in html


def test_an_english_answer_joined_to_arabic_wa_is_marked():
    html = mark_foreign("أ، وGuidelines for the Chair.", [("Guidelines for the Chair", "en")])

    assert (
        html == 'أ، و<bdi class="answer-text" lang="en" dir="ltr">Guidelines for the Chair</bdi>.'
    )
