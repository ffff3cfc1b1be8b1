"""Per-ISCM blocks: a hub listing the chosen ISCMs, one page per ISCM, saved as far as answered.

A State in two ISCMs answers one today and the other tomorrow; an IGO does the same with its
engagement section. Nothing typed is lost, errors name the field and its ISCM, and the check
page links straight to each missing answer.
"""

from __future__ import annotations

import re

import pytest

from tests.pages import page_csrf, page_version


def api_answers(client, token: str) -> dict:
    reply = client.get("/api/v1/response", headers={"Authorization": f"Bearer {token}"})
    assert reply.status_code == 200
    return reply.get_json()["answers"]


def choose_iscms(client, token: str, section: str, codes: list[str]) -> None:
    page = client.get(f"/r/{token}/s/{section}")
    reply = client.post(
        f"/r/{token}/s/{section}",
        data={
            "csrf_token": page_csrf(page.text),
            "version": page_version(page.text),
            "iscms": codes,
        },
    )
    assert reply.status_code == 302, reply.text


def post_item(client, token: str, path: str, fields: dict, action: str = "continue"):
    page = client.get(f"/r/{token}/s/{path}")
    assert page.status_code == 200, page.text
    data = {"csrf_token": page_csrf(page.text), "version": page_version(page.text)}
    data.update(fields, action=action)
    return client.post(f"/r/{token}/s/{path}", data=data)


def item_fields(client, token: str, iscm: str, **fields: str) -> dict:
    """What the page of ``iscm``'s views posts: its CSRF token and version, and ``fields``."""
    page = client.get(f"/r/{token}/s/iscm_views/iscm_views/{iscm}")
    return {"csrf_token": page_csrf(page.text), "version": page_version(page.text), **fields}


@pytest.fixture
def ghana(create_invitation):
    """Ghana, invited, with MIDWA and the Rabat Process chosen in *Participation*."""
    return create_invitation("GHA")[0]


def test_one_iscm_answered_keeps_its_answer_and_leaves_the_other_for_later(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    hub = client.get(f"/r/{ghana}/s/iscm_views")
    assert hub.status_code == 200
    assert hub.text.count("Not started") == 2
    reply = post_item(client, ghana, "iscm_views/iscm_views/midwa", {"role": "member"})
    assert reply.status_code == 302
    assert reply.headers["Location"].endswith("/s/iscm_views/iscm_views/rabat-process")

    assert api_answers(client, ghana)["iscm_views"] == {"midwa": {"role": "member"}}
    page = client.get(f"/r/{ghana}/s/iscm_views/iscm_views/midwa")
    assert re.search(r'value="member"[^>]*checked|checked[^>]*value="member"', page.text)
    hub = client.get(f"/r/{ghana}/s/iscm_views").text
    assert re.search(r"Migration Dialogue for West Africa.*?Completed", hub, re.S)
    assert re.search(r"Rabat Process.*?Not started", hub, re.S)


def test_a_block_saved_as_far_as_answered_is_in_progress_not_lost(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    reply = post_item(
        client, ghana, "iscm_views/iscm_views/rabat-process", {"benefits": "Dialogue"}, "stay"
    )
    assert reply.status_code == 302
    assert api_answers(client, ghana)["iscm_views"] == {"rabat-process": {"benefits": "Dialogue"}}
    hub = client.get(f"/r/{ghana}/s/iscm_views").text
    assert re.search(r"Rabat Process.*?In progress", hub, re.S)


def test_saving_one_iscm_never_touches_another(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    post_item(client, ghana, "iscm_views/iscm_views/midwa", {"role": "chair"})
    post_item(client, ghana, "iscm_views/iscm_views/rabat-process", {"role": "observer"})
    assert api_answers(client, ghana)["iscm_views"] == {
        "midwa": {"role": "chair"},
        "rabat-process": {"role": "observer"},
    }


def test_emptying_a_block_clears_that_block_only(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    post_item(client, ghana, "iscm_views/iscm_views/midwa", {"role": "chair"})
    post_item(client, ghana, "iscm_views/iscm_views/rabat-process", {"role": "observer"})
    reply = post_item(client, ghana, "iscm_views/iscm_views/midwa", {})
    assert reply.status_code == 302
    assert api_answers(client, ghana)["iscm_views"] == {"rabat-process": {"role": "observer"}}


def test_item_page_heading_and_every_label_name_the_iscm(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    page = client.get(f"/r/{ghana}/s/iscm_views/iscm_views/rabat-process").text
    full_name = "Euro-African Dialogue on Migration and Development (Rabat Process)"
    assert re.search(rf"<h1>\s*{re.escape(full_name)}\s*</h1>", page)
    captions = re.findall(r'<span class="label-caption">([^<]*)<', page)
    assert len(captions) == 6 and set(captions) == {full_name}
    assert "1 of 2" not in page and "2 of 2" in page


def test_an_iscm_not_chosen_has_no_page(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa"])
    assert client.get(f"/r/{ghana}/s/iscm_views/iscm_views/rabat-process").status_code == 404
    assert client.get(f"/r/{ghana}/s/iscm_views/nothing/midwa").status_code == 404
    assert client.get(f"/r/{ghana}/s/participation/iscms/midwa").status_code == 404


def test_hub_without_chosen_iscms_links_to_where_they_are_chosen(client, ghana):
    hub = client.get(f"/r/{ghana}/s/iscm_views").text
    assert "Nothing to answer here yet" in hub
    assert f'href="/r/{ghana}/s/participation"' in hub


@pytest.mark.parametrize(
    ("language", "iscm", "question", "message"),
    [
        ("en", "Rabat Process", "What is your State's role in this ISCM?", "Choose one"),
        ("fr", "Processus de Rabat", "Quel est le rôle de votre État", "Choisissez"),
        ("es", "Proceso de Rabat", "¿Qué función desempeña su Estado", "Elija"),
        ("ar", "عملية الرباط", "ما الدور الذي تضطلع به دولتكم", "اختر"),
    ],
)
def test_an_invalid_answer_is_named_with_its_iscm_next_to_the_field_and_in_the_summary(
    client, ghana, language, iscm, question, message
):
    page = client.get(f"/r/{ghana}/")
    client.post(
        f"/r/{ghana}/language", data={"csrf_token": page_csrf(page.text), "language": language}
    )
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    reply = post_item(
        client,
        ghana,
        "iscm_views/iscm_views/rabat-process",
        {"role": "emperor", "benefits": "Dialogue « utile » — très"},
    )
    assert reply.status_code == 422
    html = reply.text
    summary = html[html.index('class="error-summary"') : html.index("</ul>")]
    assert 'href="#role"' in summary
    link = re.search(r'href="#role">(.*?)</a>', summary, re.S).group(1)
    assert message in link and iscm in link and question in link.replace("&#39;", "'")
    assert re.search(r'id="role-error"', html)
    # What was valid is stored; the refused value is not, and the page says so truthfully.
    assert api_answers(client, ghana)["iscm_views"] == {
        "rabat-process": {"benefits": "Dialogue « utile » — très"}
    }


def test_check_page_lists_each_missing_answer_with_a_link_to_its_field(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    post_item(client, ghana, "iscm_views/iscm_views/midwa", {"role": "member"})
    page = client.get(f"/r/{ghana}/check").text
    assert "Before you submit" in page
    link = f'href="/r/{ghana}/s/iscm_views/iscm_views/rabat-process#role"'
    assert link in page
    assert "(Rabat Process): What is your State&#39;s role in this ISCM?" in page
    assert f'href="/r/{ghana}/s/respondent#respondent_name"' in page

    reply = client.post(f"/r/{ghana}/submit", data={"csrf_token": page_csrf(page)})
    assert reply.status_code == 422
    assert "cannot be submitted yet" in reply.text and link in reply.text
    assert "midwa#role" not in reply.text


def test_autosave_of_one_iscm_says_saved_only_once_stored(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    data = item_fields(client, ghana, "midwa", role="member", national_impact="Joint border posts")
    reply = client.post(f"/r/{ghana}/s/iscm_views/iscm_views/midwa/autosave", data=data)
    assert reply.status_code == 200
    body = reply.get_json()
    assert body["status"] == "saved" and body["message"].startswith("Saved at")
    assert api_answers(client, ghana)["iscm_views"]["midwa"] == {
        "role": "member",
        "national_impact": "Joint border posts",
    }


def test_autosave_with_a_refused_answer_does_not_say_saved_and_names_it(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    data = item_fields(client, ghana, "midwa", role="emperor", benefits="Peer learning")
    reply = client.post(f"/r/{ghana}/s/iscm_views/iscm_views/midwa/autosave", data=data)
    assert reply.status_code == 422
    body = reply.get_json()
    assert body["status"] == "invalid" and "Saved" not in body["message"]
    assert body["message"].startswith("Not saved")
    [problem] = body["problems"]
    assert problem["field"] == "role"
    assert problem["label"].startswith("Migration Dialogue for West Africa")
    # The valid answer is stored and the page gets the new version to save from.
    assert api_answers(client, ghana)["iscm_views"]["midwa"] == {"benefits": "Peer learning"}
    data.update(version=str(body["version"]), role="member")
    again = client.post(f"/r/{ghana}/s/iscm_views/iscm_views/midwa/autosave", data=data)
    assert again.status_code == 200 and again.get_json()["status"] == "saved"


def test_igo_engagement_is_answered_one_iscm_at_a_time(client, create_invitation):
    token, _ = create_invitation("unhcr")
    page = client.get(f"/r/{token}/")
    section = re.search(r'/s/(\w+)"[^>]*>[^<]*ISCM', page.text)
    hub = client.get(f"/r/{token}/s/iscm_engagement")
    assert hub.status_code == 200, section
    source = re.search(rf'href="/r/{token}/s/(\w+)"', hub.text[hub.text.index("Nothing to") :])
    choose_iscms(client, token, source.group(1), ["khartoum-process", "bali-process"])
    reply = post_item(
        client,
        token,
        "iscm_engagement/iscm_engagement/bali-process",
        {"cooperation": "Technical support to the Regional Support Office"},
    )
    assert reply.status_code == 302
    assert api_answers(client, token)["iscm_engagement"] == {
        "bali-process": {"cooperation": "Technical support to the Regional Support Office"}
    }
    hub = client.get(f"/r/{token}/s/iscm_engagement").text
    assert re.search(r"Bali Process.*?In progress", hub, re.S)
    assert re.search(r"Khartoum Process.*?Not started", hub, re.S)


def test_registry_memberships_are_pre_ticked_until_the_state_answers(client, create_invitation):
    token, _ = create_invitation("NLD")
    page = client.get(f"/r/{token}/s/participation").text
    assert "We have ticked the ISCMs" in page
    assert re.search(
        r'value="khartoum-process"[^>]*checked|checked[^>]*value="khartoum-process"', page
    )
    assert "iscms" not in api_answers(client, token)

    # Unticking everything is an answer: the ticks do not come back.
    reply = client.post(
        f"/r/{token}/s/participation",
        data={"csrf_token": page_csrf(page), "version": page_version(page), "suggested": "iscms"},
    )
    assert reply.status_code == 302
    page = client.get(f"/r/{token}/s/participation").text
    assert "We have ticked the ISCMs" not in page
    assert not re.search(r"checked", page[page.index('name="iscms"') - 200 :])


def test_an_expired_session_on_an_iscm_page_keeps_what_was_typed(client, ghana):
    choose_iscms(client, ghana, "participation", ["midwa", "rabat-process"])
    page = client.get(f"/r/{ghana}/s/iscm_views/iscm_views/midwa")
    reply = client.post(
        f"/r/{ghana}/s/iscm_views/iscm_views/midwa",
        data={"version": page_version(page.text), "benefits": "Peer learning", "role": "chair"},
    )
    assert reply.status_code == 400
    assert "have not been saved yet" in reply.text
    assert "Peer learning" in reply.text
    assert re.search(r'value="chair"[^>]*checked|checked[^>]*value="chair"', reply.text)
    assert "iscm_views" not in api_answers(client, ghana)
