"""`surveyapp report check --all` over the demo's 25 summaries, in each of the four languages:
what a reader would trip over, as the summaries print. The demo's illustrative ISCMs answered in
English only, so their French, Spanish and Arabic summaries quote those answers untranslated;
nothing else may be found, and the Khartoum Process, whose passages the demo translates, is clean
in every language."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from surveyapp import create_app
from surveyapp.extensions import db
from surveyapp.i18n import LANGUAGES
from tests.database_template import TEST_SETTINGS

pytestmark = pytest.mark.heavy

# The demo is built in a SQLite file of its own whatever the engine under test, so the suite's
# PostgreSQL pass leaves these tests to the SQLite pass (tests/conftest.py).


@pytest.fixture(scope="module")
def demo_app(
    tmp_path_factory: pytest.TempPathFactory, fresh_standalone_demo: Callable[[Path], str]
) -> Iterator[Any]:
    """An application whose (fresh) database holds the demo round, as `surveyapp demo` makes
    (a copy of the session's, ``fresh_standalone_demo``)."""
    folder: Path = tmp_path_factory.mktemp("demo-check")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SURVEYAPP_INSTANCE_PATH", str(folder / "instance"))
        app = create_app(
            {**TEST_SETTINGS, "SQLALCHEMY_DATABASE_URI": fresh_standalone_demo(folder)}
        )
    yield app
    with app.app_context():
        db.engine.dispose()


#: what a finding may be in the demo: its illustrative ISCMs answered in English, and a State's
#: values may be worded as in its ISCM's list (the one repeat the prose still makes)
ALLOWED = {"en": set(), "fr": {"untranslated passage", "repeated passage"}}
ALLOWED["es"] = ALLOWED["ar"] = ALLOWED["fr"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_demo_summaries_print_with_nothing_a_reader_trips_over(demo_app, language):
    result = demo_app.test_cli_runner().invoke(
        args=["report", "check", "--all", "--lang", language]
    )

    lines = result.stdout.splitlines()
    kinds = Counter(line.split(": ", 2)[1] for line in lines)
    assert "in 25 summaries." in result.stderr
    # each line names its summary and language: "<code> <language> page <n>: <kind>: <text>"
    assert all(line.split()[1] == language and line.split()[2] == "page" for line in lines)
    # no English left, overflow, orphaned heading, near-empty page, sentence without a source
    # or illustrative data unlabelled, in any of the 25
    assert set(kinds) <= ALLOWED[language], [
        line for line in lines if line.split(": ", 2)[1] not in ALLOWED[language]
    ]
    # the Khartoum Process (real answers, translated by the demo) is clean in every language
    assert [line for line in lines if line.startswith("khartoum-process ")] == []
    assert kinds["repeated passage"] <= 2
    if language == "en":
        assert result.exit_code == 0 and lines == []
    else:
        assert result.exit_code == 1 and kinds["untranslated passage"] > 100
        # the Rabat Process answered with illustrative data in English only
        assert "rabat-process" in {line.split()[0] for line in lines}
