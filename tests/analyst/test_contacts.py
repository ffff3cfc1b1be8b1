"""Contacts per organisation: listed and filtered, edited one by one, imported from CSV whole or
not at all, downloaded as the import's CSV; every change in the audit trail."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from surveyapp.analyst import contacts as contacts_module
from surveyapp.analyst.contacts import clean_name
from surveyapp.extensions import db
from surveyapp.models import AuditEvent, Contact, Organisation
from surveyapp.models.mail import mailbox, mailbox_parts
from surveyapp.operations import outbox
from tests.analyst.test_invitations import smtp_port, smtp_server  # noqa: F401 (fixtures)
from tests.pages import csrf_token


def set_contact(app, code: str, written: str, language: str = "en") -> None:
    with app.app_context():
        organisation = db.session.scalar(select(Organisation).filter_by(code=code))
        outbox.set_contact(organisation, written, language)
        db.session.commit()


def contact(app, code: str) -> tuple[str, str, str] | None:
    """(name, address, language) of ``code``'s contact, or None."""
    with app.app_context():
        found = db.session.scalar(
            select(Contact).join(Contact.organisation).where(Organisation.code == code)
        )
        return None if found is None else (found.name, found.address, found.language)


def contact_events(app) -> list[AuditEvent]:
    with app.app_context():
        events = db.session.scalars(
            select(AuditEvent).filter_by(action="contact").order_by(AuditEvent.id)
        ).all()
        db.session.expunge_all()
        return events


def upload(client, content: str | bytes, filename: str = "contacts.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(
        "/analyst/contacts/import",
        data={
            "csrf_token": csrf_token(client, "/analyst/contacts"),
            "file": (io.BytesIO(data), filename),
        },
        content_type="multipart/form-data",
    )


def count_contacts(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Contact.id)))


# -- the list ------------------------------------------------------------------------------


def test_the_list_shows_every_organisation_with_its_contact(app, analyst_client):
    set_contact(app, "EGY", "Amina Diallo <focal@egypt.example>", "ar")
    html = analyst_client.get("/analyst/contacts").get_data(as_text=True)
    with app.app_context():
        organisations = db.session.scalar(select(func.count(Organisation.id)))
    assert html.count('href="/analyst/contacts/') == organisations
    row = html.split('href="/analyst/contacts/EGY"')[0].rsplit("<tr>", 1)[1]
    assert "Egypt" in row and "Amina Diallo" in row and "focal@egypt.example" in row
    assert "العربية" in row


def test_the_list_filters_by_type_text_and_whether_a_contact_is_known(app, analyst_client):
    set_contact(app, "EGY", "focal@egypt.example")
    set_contact(app, "iom", "focal@iom.example")
    igos = analyst_client.get("/analyst/contacts?kind=igo").get_data(as_text=True)
    assert 'href="/analyst/contacts/iom"' in igos and 'href="/analyst/contacts/EGY"' not in igos
    known = analyst_client.get("/analyst/contacts?has=yes").get_data(as_text=True)
    assert known.count('href="/analyst/contacts/') == 2
    missing = analyst_client.get("/analyst/contacts?has=no&kind=state").get_data(as_text=True)
    assert 'href="/analyst/contacts/EGY"' not in missing
    assert 'href="/analyst/contacts/ETH"' in missing
    # a name in another language, a code in lower case, an address
    for text in ("Égypte", "egy", "focal@egypt"):
        found = analyst_client.get(f"/analyst/contacts?q={text}").get_data(as_text=True)
        assert found.count('href="/analyst/contacts/') == 1, text
        assert 'href="/analyst/contacts/EGY"' in found


@pytest.mark.parametrize(
    "path", ["/analyst/contacts", "/analyst/contacts.csv", "/analyst/contacts/EGY"]
)
def test_contacts_are_for_analysts_only(app, client, logged_in, path):
    assert client.get(path).status_code == 302
    assert logged_in("organiser").get(path).status_code == 403


# -- one contact ---------------------------------------------------------------------------


def edit(client, code: str, **fields):
    path = f"/analyst/contacts/{code}"
    return client.post(path, data={"csrf_token": csrf_token(client, path), **fields})


def test_editing_saves_address_name_and_language_and_is_audited(app, analyst_client):
    reply = edit(
        analyst_client, "SEN", email=" focal@senegal.example ", name="Awa  Ndiaye", language="fr"
    )
    assert reply.status_code == 302
    assert contact(app, "SEN") == ("Awa Ndiaye", "focal@senegal.example", "fr")
    edit(analyst_client, "SEN", email="focal@senegal.example", name="Awa Ndiaye", language="fr")
    edit(analyst_client, "SEN", email="other@senegal.example", name="", language="fr")
    assert contact(app, "SEN") == ("", "other@senegal.example", "fr")
    events = contact_events(app)
    assert len(events) == 2  # saving the same values again records nothing
    assert events[0].actor == "user:analyst@example.org" and events[0].item_code == "SEN"
    assert events[0].old_value is None
    assert events[0].new_value == {
        "email": "focal@senegal.example",
        "name": "Awa Ndiaye",
        "language": "fr",
    }
    assert events[1].old_value["name"] == "Awa Ndiaye" and events[1].new_value["name"] == ""
    page = analyst_client.get("/analyst/contacts/SEN").get_data(as_text=True)
    assert (
        'value="other@senegal.example"' in page and '<option value="fr" lang="fr" selected' in page
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "focal@", "language": "en"}, "is not an e-mail address"),
        ({"email": "", "language": "en"}, "Give the contact"),
        ({"email": "a@b.example", "language": "de"}, "is not a language"),
        ({"email": "a@b.example", "name": "Bell \x07", "language": "en"}, "U+0007"),
        ({"email": "a@b.example", "name": "x" * 201, "language": "en"}, "longer than 200"),
        ({"email": "Someone <a@b.example>", "language": "en"}, "is not an e-mail address"),
    ],
)
def test_a_wrong_edit_names_the_field_and_saves_nothing(app, analyst_client, fields, message):
    set_contact(app, "SEN", "focal@senegal.example")
    reply = edit(analyst_client, "SEN", **{"name": "", **fields})
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert message in html and "Nothing was saved" in html and 'aria-invalid="true"' in html
    assert contact(app, "SEN") == ("", "focal@senegal.example", "en")
    assert contact_events(app) == []


def test_an_unknown_organisation_is_not_found(analyst_client):
    assert analyst_client.get("/analyst/contacts/XXX").status_code == 404


def test_removing_a_contact_forgets_it_and_is_audited(app, analyst_client):
    set_contact(app, "SEN", "Awa Ndiaye <focal@senegal.example>", "fr")
    path = "/analyst/contacts/SEN"
    reply = analyst_client.post(
        f"{path}/remove", data={"csrf_token": csrf_token(analyst_client, path)}
    )
    assert reply.status_code == 302
    assert contact(app, "SEN") is None
    [event] = contact_events(app)
    assert event.old_value["name"] == "Awa Ndiaye" and event.new_value is None


def test_the_contacts_name_heads_the_invitation_email(app, analyst_client, smtp_server):  # noqa: F811
    edit(analyst_client, "EGY", email="focal@egypt.example", name="أمينة ديالو", language="ar")
    reply = analyst_client.post(
        "/analyst/invitations",
        data={
            "csrf_token": csrf_token(analyst_client, "/analyst/invitations"),
            "target": "org:EGY",
        },
    )
    assert reply.status_code == 200
    [message] = smtp_server.messages
    assert message["To"].addresses[0].display_name == "أمينة ديالو"
    assert message["To"].addresses[0].addr_spec == "focal@egypt.example"


def test_inviting_with_the_same_address_keeps_the_name(app, analyst_client):
    set_contact(app, "EGY", "Amina Diallo <focal@egypt.example>")
    analyst_client.post(
        "/analyst/invitations",
        data={
            "csrf_token": csrf_token(analyst_client, "/analyst/invitations"),
            "target": "org:EGY",
            "email": "focal@egypt.example",
            "language": "fr",
        },
    )
    assert contact(app, "EGY") == ("Amina Diallo", "focal@egypt.example", "fr")


# -- import --------------------------------------------------------------------------------


def test_an_import_records_every_row_and_audits_each_change(app, analyst_client):
    set_contact(app, "ETH", "old@ethiopia.example", "en")
    set_contact(app, "NLD", "Anna de Vries <focal@netherlands.example>", "en")
    reply = upload(
        analyst_client,
        "code,email,name,language\n"
        "EGY,focal@egypt.example,Amina Diallo,ar\n"
        "eth,new@ethiopia.example,,FR\n"
        "khartoum-process,secretariat@khartoum.example,Jean Dupont,fr\n"
        "NLD,focal@netherlands.example,Anna de Vries,en\n",
    )
    assert reply.status_code == 302
    page = analyst_client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "2 new, 1 changed, 1 unchanged" in page
    assert contact(app, "EGY") == ("Amina Diallo", "focal@egypt.example", "ar")
    assert contact(app, "ETH") == ("", "new@ethiopia.example", "fr")
    assert contact(app, "khartoum-process") == ("Jean Dupont", "secretariat@khartoum.example", "fr")
    events = contact_events(app)
    assert sorted(e.item_code for e in events) == ["EGY", "ETH", "khartoum-process"]
    assert {e.channel for e in events} == {"import"}


def test_an_import_with_wrong_rows_changes_nothing_and_names_each_row_and_column(
    app, analyst_client
):
    set_contact(app, "EGY", "focal@egypt.example")
    reply = upload(
        analyst_client,
        "code,email,name,language\n"
        "ETH,focal@ethiopia.example,,en\n"
        "XXX,focal@nowhere.example,,en\n"
        "SEN,not-an-address,,fr\n"
        "KEN,focal@kenya.example,,de\n"
        "EGY,changed@egypt.example,,en\n"
        "ETH,again@ethiopia.example,,en\n"
        ",focal@blank.example,,en\n",
    )
    assert reply.status_code == 422
    html = reply.get_data(as_text=True)
    assert "Nothing was imported from contacts.csv" in html
    problems = html.split('id="import-problems"')[1].split("</table>")[0]
    rows = [
        [cell.strip() for cell in row.split("<td")[1:]]
        for row in problems.split("<tbody>")[1].split("<tr>")[1:]
    ]
    cells = [
        (r[0].split(">", 1)[1].split("<")[0], r[1].split(">", 1)[1].split("<")[0]) for r in rows
    ]
    assert cells == [
        ("3", "code"),
        ("4", "email"),
        ("5", "language"),
        ("7", "code"),
        ("8", "code"),
    ]
    assert "No organisation has the code “XXX”" in problems
    assert "ETH is already on row 2" in problems
    assert count_contacts(app) == 1
    assert contact(app, "EGY") == ("", "focal@egypt.example", "en")
    assert contact_events(app) == []


def test_an_import_reads_a_spreadsheets_semicolons_and_byte_order_mark(app, analyst_client):
    content = "\ufeffCode;E-mail;Name;Language\r\nSEN;focal@senegal.example;Awa Ndiaye, PhD;fr\r\n"
    assert upload(analyst_client, content).status_code == 302
    assert contact(app, "SEN") == ("Awa Ndiaye, PhD", "focal@senegal.example", "fr")


def test_columns_left_out_keep_current_values_and_unknown_ones_are_listed(app, analyst_client):
    set_contact(app, "SEN", "Awa Ndiaye <old@senegal.example>", "fr")
    reply = upload(analyst_client, "code,email,phone\nSEN,new@senegal.example,+221 33\n")
    assert reply.status_code == 302
    assert contact(app, "SEN") == ("Awa Ndiaye", "new@senegal.example", "fr")
    page = analyst_client.get(reply.headers["Location"]).get_data(as_text=True)
    assert "Columns not read: “phone”" in page


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"code,email\n" + "SEN,é@x.example\n".encode("latin-1"), "not UTF-8"),
        (b"", "The file is empty"),
        (b"code,email\n", "no rows of contacts"),
        (b"organisation name,address\nSenegal,a@b.example\n", "no “code” column"),
        (b"code,email\n" + b"SEN,a@b.example\n" * 5001, "more than 5000 rows"),
    ],
    ids=["latin-1", "empty", "no-rows", "no-code-column", "too-many-rows"],
)
def test_a_file_that_cannot_be_read_is_refused_whole(app, analyst_client, content, message):
    reply = upload(analyst_client, content)
    assert reply.status_code == 422
    assert message in reply.get_data(as_text=True)
    assert count_contacts(app) == 0


def test_a_file_too_large_is_refused_unread(app, analyst_client, monkeypatch):
    # A small limit keeps the upload in memory (a large one is spooled to a temporary file).
    monkeypatch.setattr(contacts_module, "MAX_IMPORT_BYTES", 1000)
    reply = upload(analyst_client, b"code,email\n" + b"SEN,a@b.example\n" * 70)
    assert reply.status_code == 422
    assert "larger than 1 kB" in reply.get_data(as_text=True)
    assert count_contacts(app) == 0


def test_an_import_needs_a_file(analyst_client):
    reply = analyst_client.post(
        "/analyst/contacts/import",
        data={"csrf_token": csrf_token(analyst_client, "/analyst/contacts")},
        content_type="multipart/form-data",
    )
    assert reply.status_code == 302
    assert "Choose a CSV file" in analyst_client.get("/analyst/contacts").get_data(as_text=True)


def test_the_downloaded_contacts_import_again_unchanged(app, analyst_client):
    set_contact(app, "EGY", "أمينة ديالو <focal@egypt.example>", "ar")
    set_contact(app, "SEN", mailbox("focal@senegal.example", '=HYPERLINK("http://x")'), "fr")
    reply = analyst_client.get("/analyst/contacts.csv")
    assert reply.mimetype == "text/csv"
    text = reply.get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["code", "organisation", "name", "email", "language"]
    assert ["EGY", "Egypt", "أمينة ديالو", "focal@egypt.example", "ar"] in rows
    # a name a spreadsheet would run as a formula is written as text
    assert ["SEN", "Senegal", '\'=HYPERLINK("http://x")', "focal@senegal.example", "fr"] in rows
    upload(analyst_client, rows_to_csv([r for r in rows if r[0] != "SEN"]))
    assert contact(app, "EGY") == ("أمينة ديالو", "focal@egypt.example", "ar")
    assert contact_events(app) == []


def rows_to_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue()


# -- what is stored reads back -------------------------------------------------------------

names = st.text(st.characters(codec="utf-8"), max_size=60).filter(
    lambda text: _storable(text) and _storable(text) == text
)


def _storable(text: str) -> str | None:
    try:
        return clean_name(text)
    except ValueError:
        return None


@settings(max_examples=300, deadline=None)
@given(name=names)
def test_a_name_and_address_read_back_as_they_were_given(name):
    written = mailbox("focal@senegal.example", name)
    assert mailbox_parts(written) == (name, "focal@senegal.example")
