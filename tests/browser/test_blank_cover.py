"""A candidate fills in the blank cover on a phone, from the link in the invitation."""

import pytest
from PIL import Image
from playwright.sync_api import expect

from library.models import Candidate, CandidateStatus
from library.recruitment import pipeline
from tests.factories import make_candidate, make_home, make_lending_catalogue

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_candidate_fills_in_the_blank_cover_on_a_phone(browser, live_server, tmp_path, screenshot):
    make_lending_catalogue(make_home())
    candidate = make_candidate(status=CandidateStatus.INVITED)
    link = live_server.url + f"/boekenkaft-invullen/{pipeline.token_for(candidate)}/"
    portrait = tmp_path / "portret.png"
    Image.new("RGB", (1600, 1200), "teal").save(portrait)

    wide = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    desktop = wide.new_page()
    desktop.goto(link)
    expect(desktop.get_by_role("heading", name="Je boekenkaft invullen")).to_be_visible()
    screenshot(desktop, "blanco-boekenkaft-1280")
    wide.close()

    context = browser.new_context(locale="nl-NL", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(link)
    page.get_by_role("button", name="Boekenkaft insturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Geef je boek een titel")
    page.get_by_label("Titel van je boek").fill("Pijn thuis behandelen")
    page.get_by_label("Korte samenvatting").fill("Wat je thuis kunt doen aan pijn.")
    expect(page.get_by_label("Je naam")).to_have_value("Dirk Bakker")
    page.get_by_label("Functie of rol").fill("Kaderhuisarts")
    page.get_by_label("Onderwerpen").fill("pijn, morfine")
    page.get_by_label("Voorbeelden van leervragen").fill("Wanneer start ik met morfine?")
    page.get_by_role("group", name="Hoe wil je het gesprek voeren?").get_by_label(
        "Beeldbellen", exact=True
    ).check()
    page.get_by_label("Foto (mag ook later)").set_input_files(str(portrait))
    page.get_by_label("Wat staat er op de foto?").fill("Portret van Dirk")
    criteria = page.get_by_role("group", name="Wat past bij jou?")
    criteria.get_by_label("Communiceert goed", exact=False).check()
    # Nothing wider than the phone: no sideways scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(page, "blanco-boekenkaft-390")
    page.get_by_role("button", name="Boekenkaft insturen").click()
    expect(page.get_by_role("heading", name="Dank je wel voor je boekenkaft")).to_be_visible()
    context.close()

    candidate = Candidate.objects.get(pk=candidate.pk)
    assert candidate.status == CandidateStatus.INTAKE_RECEIVED
    cover = candidate.expert.specific
    assert not cover.live and cover.photo.width == 1200
    assert cover.get_latest_revision_as_object().admission_criteria == ["prof_communication"]
