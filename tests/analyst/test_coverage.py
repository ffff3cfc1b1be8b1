"""The coverage dashboard: counts by type, region and ISCM; organisers see no contact details."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import select

from surveyapp.extensions import db
from surveyapp.models import Contact, Organisation, Response
from tests.pages import folded


@pytest.fixture
def round_with_answers(app, create_invitation):
    """Egypt submitted and accepted, Ethiopia started, the Khartoum Process invited."""
    _token, egypt = create_invitation("EGY")
    _token, ethiopia = create_invitation("ETH")
    create_invitation("khartoum-process")
    with app.app_context():
        db.session.get(Response, egypt).status = "submitted"
        db.session.get(Response, egypt).review_status = "accepted"
        db.session.get(Response, ethiopia).status = "in_progress"
        organisation = db.session.scalar(select(Organisation).filter_by(code="EGY"))
        db.session.add(Contact(organisation=organisation, email="focal.point@egypt.example"))
        db.session.commit()


KHARTOUM = "EU-Horn of Africa Migration Route Initiative (Khartoum Process)"


def row_of(html: str, name: str) -> str:
    start = html.index(f"<summary>{name}</summary>")
    return html[start : html.index("</tr>", start)]


def test_counts_by_respondent_type_are_cumulative(analyst_client, round_with_answers):
    html = analyst_client.get("/analyst/coverage").get_data(as_text=True)
    states = re.search(r"<th scope=\"row\">States</th>(.*?)</tr>", html, re.S).group(1)
    numbers = [int(n) for n in re.findall(r'class="number">(\d+)<', states)]
    total = numbers[0]
    assert total > 40
    assert numbers[1:] == [2, 2, 1, 1]


def test_states_are_counted_by_region(analyst_client, round_with_answers):
    html = analyst_client.get("/analyst/coverage").get_data(as_text=True)
    africa = re.search(r"<th scope=\"row\">Africa</th>(.*?)</tr>", html, re.S).group(1)
    assert [int(n) for n in re.findall(r'class="number">(\d+)<', africa)][1:] == [2, 2, 1, 1]


def test_each_iscm_lists_its_expected_respondents(analyst_client, round_with_answers):
    html = analyst_client.get("/analyst/coverage").get_data(as_text=True)
    row = row_of(html, KHARTOUM)
    assert "Egypt" in row and "submitted" in row
    assert "Ethiopia" in row and "in progress" in row
    assert "African Union Commission" in row or "auc" in row.lower()
    assert "1 of" in row


def test_analysts_see_contact_addresses(analyst_client, round_with_answers):
    html = analyst_client.get("/analyst/coverage").get_data(as_text=True)
    assert "focal.point@egypt.example" in html


def test_organisers_see_the_counts_without_personal_data(logged_in, round_with_answers):
    client = logged_in("organiser")
    reply = client.get("/analyst/coverage")
    assert reply.status_code == 200
    html = reply.get_data(as_text=True)
    assert "Khartoum Process" in html
    assert "focal.point@egypt.example" not in html
    assert "@" not in html.replace("organiser@example.org", "")


def test_iscms_can_be_sorted_by_rate(analyst_client, round_with_answers):
    html = analyst_client.get("/analyst/coverage?sort=rate&dir=desc").get_data(as_text=True)
    rates = [float(r) for r in re.findall(r'class="number">([\d.]+) %<', html)]
    assert rates == sorted(rates, reverse=True)
    assert rates[0] > 0
    html = analyst_client.get("/analyst/coverage?sort=rate").get_data(as_text=True)
    rates = [float(r) for r in re.findall(r'class="number">([\d.]+) %<', html)]
    assert rates == sorted(rates) and rates[0] == 0


def test_iscms_can_be_filtered_by_name_and_kind(analyst_client, round_with_answers):
    html = analyst_client.get("/analyst/coverage?q=khartoum").get_data(as_text=True)
    assert re.findall(r"<summary>(.*?)</summary>", html) == [KHARTOUM]
    html = analyst_client.get("/analyst/coverage?iscm_kind=global").get_data(as_text=True)
    names = re.findall(r"<summary>(.*?)</summary>", html)
    assert names and KHARTOUM not in names


def test_bars_are_svg_without_inline_styles(analyst_client, round_with_answers):
    html = analyst_client.get("/analyst/coverage").get_data(as_text=True)
    assert "<svg" in html and 'role="img"' in html
    assert "style=" not in html


@pytest.mark.parametrize("language", ["fr", "es", "ar"])
def test_iscms_members_and_regions_are_in_the_order_of_the_page_language(
    app, analyst_client, round_with_answers, language
):
    html = analyst_client.get(f"/analyst/coverage?lang={language}").get_data(as_text=True)
    iscms = [unescape(n) for n in re.findall(r"<summary>(.*?)</summary>", html)]
    with app.app_context():
        names = {o.name(language) for o in db.session.scalars(select(Organisation))}
    # the names shown are the page language's, in that language's alphabetical order
    assert len(iscms) > 20 and set(iscms) <= names
    assert iscms == sorted(iscms, key=folded)
    # each ISCM's expected respondents too
    for block in re.findall(r"<ul[^>]*>(.*?)</ul>", html, re.DOTALL)[:5]:
        members = [unescape(m).strip() for m in re.findall(r"<li>([^<]*)<span", block)][1:]
        assert members == sorted(members, key=folded), members
    # and the regions' rows
    table = html.split("<tbody>")[2].split("</tbody>")[0]
    regions = [unescape(r) for r in re.findall(r'<th scope="row">(.*?)</th>', table)]
    assert regions == sorted(regions, key=folded) and len(regions) >= 2


def test_the_iscm_search_finds_names_in_any_language_accents_aside(
    analyst_client, round_with_answers
):
    # the French name, typed without its accents and in capitals
    html = analyst_client.get("/analyst/coverage?q=PROCESSUS+DE+KHARTOUM").get_data(as_text=True)
    assert re.findall(r"<summary>(.*?)</summary>", html) == [KHARTOUM]


@pytest.mark.parametrize(
    ("language", "headers"),
    [
        ("fr", ["Dans le registre", "Invitées", "Commencées", "Envoyées", "Acceptées"]),
        ("es", ["En el registro", "Invitadas", "Iniciadas", "Enviadas", "Aceptadas"]),
    ],
)
def test_the_funnel_columns_are_counts_in_the_page_language(
    analyst_client, round_with_answers, language, headers
):
    html = analyst_client.get(f"/analyst/coverage?lang={language}").get_data(as_text=True)
    table = html.split('<table class="data funnel">')[1].split("</thead>")[0]
    assert re.findall(r'<th scope="col" class="number">(.*?)</th>', table) == headers
