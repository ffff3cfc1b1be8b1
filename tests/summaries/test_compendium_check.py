"""`surveyapp report check --compendium` reads the compendium as it prints: the passages its
summaries quote untranslated, and the layout, with one line per finding."""

from __future__ import annotations

import re

from surveyapp import operations
from surveyapp.dossiers import build_iscm_dossier
from surveyapp.extensions import db

LINE = re.compile(
    r"compendium fr page \d+: (untranslated passage|English left|overflow|orphaned heading|"
    r"orphaned caption|near-empty page): .+"
)
MANDATE = "provides a platform to advance, implement and operationalize the agreement"
SCOPE = "the timespan of the respective Chairmanships of the Process"


def test_the_compendium_check_lists_each_passage_left_untranslated_once(khartoum_round):
    with khartoum_round.app_context():
        dossier = build_iscm_dossier("khartoum-process", language="fr")
        assert SCOPE in {passage.text for passage in dossier.passages}
        operations.save_passage_translation(
            SCOPE, "fr", "la durée des présidences successives du Processus", actor="test"
        )
        db.session.commit()

    result = khartoum_round.test_cli_runner().invoke(
        args=["report", "check", "--compendium", "--lang", "fr"]
    )

    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert lines and all(LINE.fullmatch(line) for line in lines), lines
    assert any(f"untranslated passage: {MANDATE}" in line for line in lines)
    assert not any(SCOPE in line or "présidences successives" in line for line in lines)
    passages = [line.split(": ", 2)[2] for line in lines if "untranslated passage" in line]
    assert len(passages) == len(set(passages))
