"""The layers hold: every write to the database is an operation (``surveyapp/operations/``),
views parse a POST with a form class instead of reading the request's fields, and no module
reaches into another package's private names.

The rules are read from the source with ``ast``, so a new module cannot forget them.
"""

from __future__ import annotations

import ast
import pathlib
from collections.abc import Iterator

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
SURVEYAPP = ROOT / "surveyapp"
OPERATIONS = SURVEYAPP / "operations"

#: ``session.<name>(...)`` calls that write
SESSION_WRITES = frozenset({"add", "add_all", "delete", "merge"})
#: statements that write when a session executes them
WRITE_STATEMENTS = frozenset({"update", "delete", "insert"})

#: the respondent's questionnaire: its fields are built per question from the registry of
#: question types (``build_item_form(..., formdata=request.form)``) and it reads its action buttons
RESPOND = SURVEYAPP / "respond"
#: what a POST sent, read from the request instead of through a form
REQUEST_FIELDS = frozenset({"form", "values", "files"})
#: modules outside ``surveyapp/respond/`` that read the request's fields, each with its reason
RAW_FIELD_READERS = {
    "surveyapp/security.py": "the login limiter keys its count on the address typed; the key is "
    "computed before the view, and so before any form, runs",
    "surveyapp/analyst/summaries.py": "`language`, the summary's language, comes in the query "
    "string of a GET and a hidden field of a POST alike: it is the page's state, not a field of "
    "SummaryForm",
}


def module_name(path: pathlib.Path) -> str:
    """``surveyapp/analyst/forms.py`` -> ``surveyapp.analyst.forms`` (a package is its name)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def package_of(path: pathlib.Path) -> str:
    """The package a module belongs to (a package's ``__init__`` belongs to itself)."""
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _statement_of(node: ast.expr) -> str | None:
    """The function at the root of a call chain: ``update`` for ``update(A).where(...)``."""
    while (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Call)
    ):
        node = node.func.value
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            return node.func.id
        if isinstance(node.func, ast.Attribute):
            return node.func.attr
    return None


def writes_in(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, what) for every write to a session in ``tree``."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        on_session = (isinstance(owner, ast.Attribute) and owner.attr == "session") or (
            isinstance(owner, ast.Name) and owner.id == "session"
        )
        if not on_session:
            continue
        if node.func.attr in SESSION_WRITES:
            yield node.lineno, f"session.{node.func.attr}"
        elif node.func.attr == "execute" and node.args:
            statement = _statement_of(node.args[0])
            if statement in WRITE_STATEMENTS:
                yield node.lineno, f"session.execute({statement}(...))"


def private_uses_in(tree: ast.AST, package: str) -> Iterator[tuple[int, str]]:
    """(line, name) for every private name of another ``surveyapp`` package that ``tree``
    imports (``from surveyapp.x import _y``) or reads from an imported module (``x._y``)."""

    def outside(owner: str) -> bool:
        return owner != package and not owner.startswith(package + ".")

    def private(name: str) -> bool:
        return name.startswith("_") and not name.startswith("__")

    modules: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            owner = ".".join([*base, *([node.module] if node.module else [])])
        elif isinstance(node, ast.ImportFrom):
            owner = node.module or ""
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name.split(".")[0] == "surveyapp":
                    modules[alias.asname] = alias.name
            continue
        else:
            continue
        if owner.split(".")[0] != "surveyapp":
            continue
        for alias in node.names:
            if private(alias.name) and outside(owner):
                yield node.lineno, f"{owner}.{alias.name}"
            modules[alias.asname or alias.name] = f"{owner}.{alias.name}"
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and private(node.attr)
            and outside(modules[node.value.id])
        ):
            yield node.lineno, f"{modules[node.value.id]}.{node.attr}"


def sources() -> list[pathlib.Path]:
    """Every module of the application."""
    return sorted(SURVEYAPP.rglob("*.py"))


def parse(path: pathlib.Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def test_every_write_to_the_database_is_an_operation():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in sources()
        if not path.is_relative_to(OPERATIONS)
        for line, what in writes_in(parse(path))
    ]
    assert found == [], "write through an operation in surveyapp/operations/:\n" + "\n".join(found)


def request_field_reads_in(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, what) for every read of ``request.form``, ``request.values`` or ``request.files``
    (also as ``flask.request.form``)."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in REQUEST_FIELDS):
            continue
        owner = node.value
        if (isinstance(owner, ast.Name) and owner.id == "request") or (
            isinstance(owner, ast.Attribute) and owner.attr == "request"
        ):
            yield node.lineno, f"request.{node.attr}"


def test_views_parse_a_post_with_a_form_class():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {what}"
        for path in sources()
        if not path.is_relative_to(RESPOND)
        and path.relative_to(ROOT).as_posix() not in RAW_FIELD_READERS
        for line, what in request_field_reads_in(parse(path))
    ]
    assert found == [], "parse the POST with a form (the area's forms.py):\n" + "\n".join(found)


@pytest.mark.parametrize("module", sorted(RAW_FIELD_READERS))
def test_a_listed_raw_field_reader_still_reads(module):
    assert list(request_field_reads_in(parse(ROOT / module))), (
        f"{module} no longer reads the request's fields: drop its entry"
    )


def test_no_module_uses_a_private_name_of_another_package():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in sources()
        for line, name in private_uses_in(parse(path), package_of(path))
    ]
    assert found == [], "make the name public, or keep its use in its package:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "db.session.add(row)",
        "db.session.add_all(rows)",
        "db.session.delete(row)",
        "session.merge(row)",
        "db.session.execute(update(Response).where(Response.id == 1).values(version=2))",
        "db.session.execute(delete(Answer))",
        "db.session.execute(sqlite.insert(Answer).values(value=1).on_conflict_do_nothing())",
    ],
)
def test_the_write_check_sees(source):
    assert [what for _line, what in writes_in(ast.parse(source))]


@pytest.mark.parametrize(
    "source",
    [
        "db.session.execute(select(Response).where(Response.id == 1))",
        "db.session.scalars(select(Answer))",
        "answers.add(key)",
        "db.session.flush()",
    ],
)
def test_the_write_check_lets_reads_through(source):
    assert list(writes_in(ast.parse(source))) == []


@pytest.mark.parametrize(
    ("source", "package"),
    [
        ("from surveyapp.operations import _audit", "surveyapp.respond"),
        ("from surveyapp import operations\noperations._audit()", "surveyapp.respond"),
        ("import surveyapp.mail as mail\nmail._describe(error)", "surveyapp.analyst"),
        ("from ..operations import _audit", "surveyapp.respond"),
    ],
)
def test_the_private_name_check_sees(source, package):
    assert list(private_uses_in(ast.parse(source), package))


@pytest.mark.parametrize(
    ("source", "package"),
    [
        ("from flask_babel import _", "surveyapp.analyst"),
        ("from surveyapp.operations.responses import _conflicts", "surveyapp.operations"),
        ("from surveyapp.operations import audit\naudit.record()", "surveyapp.respond"),
        ("from . import _shared", "surveyapp.analyst"),
    ],
)
def test_the_private_name_check_lets_a_package_use_its_own(source, package):
    assert list(private_uses_in(ast.parse(source), package)) == []


@pytest.mark.parametrize(
    "source",
    [
        'request.form.get("name")',
        'request.form["name"]',
        "dict(request.form)",
        'request.values.get("lang")',
        'request.files.get("file")',
        'flask.request.form.get("name")',
        "Form(formdata=request.form)",
    ],
)
def test_the_field_read_check_sees(source):
    assert list(request_field_reads_in(ast.parse(source)))


@pytest.mark.parametrize(
    "source",
    [
        'request.args.get("status")',
        "request.method",
        "form.name.data",
        'response.form.get("name")',
        "request.get_json(silent=True)",
    ],
)
def test_the_field_read_check_lets_other_reads_through(source):
    assert list(request_field_reads_in(ast.parse(source))) == []


#: the shared constants and the modules that spell each out: the application's one, and the
#: report library's own (``reports/`` is pure and imports nothing of ``surveyapp``)
SPELLED_ONCE = {
    ("en", "fr", "es", "ar"): {"surveyapp/questionnaire/model.py"},
    ("state", "iscm", "igo"): {"surveyapp/questionnaire/model.py", "reports/compendium.py"},
}


def spelled_constants_in(tree: ast.AST) -> Iterator[tuple[int, tuple[str, ...]]]:
    """Tuples, lists and sets of string literals that spell out a shared constant."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple | ast.List | ast.Set) and all(
            isinstance(element, ast.Constant) and isinstance(element.value, str)
            for element in node.elts
        ):
            values = tuple(element.value for element in node.elts)
            if values in SPELLED_ONCE:
                yield node.lineno, values


def test_languages_and_respondent_types_are_spelled_out_once():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {values}"
        for path in sources() + sorted((ROOT / "reports").rglob("*.py"))
        for line, values in spelled_constants_in(parse(path))
        if str(path.relative_to(ROOT)) not in SPELLED_ONCE[values]
    ]
    assert found == [], "use LANGUAGES / RESPONDENT_TYPES from surveyapp.questionnaire.model"
