"""Lending across networks: a cover its network lends out (`lend_to_other_networks`) shows in
another network's catalogue, search, loan form and booklet with its origin; a request for it
belongs to the owning network and its notification goes to that network's secretariat. A cover
that is not lent out never shows on another network."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from wagtail.models import Site

from cms import networks, roles
from cms.models import SiteSettings
from library.catalogue import print_material
from library.forms import NO_EXPERT
from library.models import ExpertPage, LoanFormPage, LoanRequest
from library.reporting import statistics
from tests.curriculum.pdf_text import pdf_pages
from tests.factories import (
    make_catalogue,
    make_email_templates,
    make_expert,
    make_home,
    make_lending_catalogue,
    make_loan_form,
    make_network,
    user_in_network,
)
from tests.library.test_loans import form_data

EAST = "oost.example.test"
FORM_URL = "/expertbibliotheek/lenen/"
CATALOGUE_URL = "/expertbibliotheek/"


@pytest.fixture
def two_networks(db):
    home = make_home()
    west = Site.objects.get(is_default_site=True)
    west.site_name = "Netwerk West"
    west.save()
    catalogue_west = make_lending_catalogue(home)
    west_form = LoanFormPage.objects.get()
    west_form.to_address = "formulier-west@example.org"
    west_form.save_revision().publish()
    settings_west = SiteSettings.for_site(west)
    settings_west.secretariat_email = "secretariaat-west@example.org"
    settings_west.save()
    own_only = make_expert(
        catalogue_west,
        "Sedatie thuis",
        expert_name="Wim Alleenwest",
        summary="Palliatieve sedatie in de thuissituatie",
        email="wim.prive@example.org",
        phone="06-1111 0000",
    )
    lent = make_expert(
        catalogue_west,
        "Rouw op afstand",
        expert_name="Lotte Beeldbel",
        summary="Rouwbegeleiding bij palliatieve sedatie",
        email="lotte.prive@example.org",
        phone="06-2222 9999",
        lend_to_other_networks=True,
    )
    east, home_east = make_network("Netwerk Oost", EAST)
    catalogue_east = make_catalogue(home_east)
    east_form = make_loan_form(catalogue_east)
    east_form.to_address = "formulier-oost@example.org"
    east_form.save_revision().publish()
    east_own = make_expert(catalogue_east, "Oosterse rust", expert_name="Olga Oost")
    make_email_templates()
    return {
        "west": west,
        "east": east,
        "own_only": own_only,
        "lent": lent,
        "east_own": east_own,
        "catalogue_east": catalogue_east,
        "catalogue_west": catalogue_west,
    }


def east_get(client, url, **params):
    return client.get(url, params, HTTP_HOST=EAST)


def test_another_networks_catalogue_shows_only_lent_covers_with_their_origin(client, two_networks):
    page = east_get(client, CATALOGUE_URL).content.decode()
    assert "Oosterse rust" in page
    assert "Rouw op afstand" in page and "Uit: Netwerk West" in page
    # The card leads to the cover on its own network's site, which handles the loan, and
    # says where it was found (library.catalogue.lending).
    cover_url = f"{networks.base_url(two_networks['west'])}/expertbibliotheek/rouw-op-afstand/"
    assert f'href="{cover_url}?via=' in page
    assert "Je leent via de website van dat netwerk." in page
    # The same link on every visit (no timestamp in it).
    assert page == east_get(client, CATALOGUE_URL).content.decode()
    assert "Sedatie thuis" not in page
    # The expert's private details stay with the own network.
    for private in ("lotte.prive@example.org", "06-2222 9999", "wim.prive@example.org"):
        assert private not in page


def test_the_own_catalogue_shows_its_covers_without_origin_and_not_the_others(client, two_networks):
    page = client.get(CATALOGUE_URL).content.decode()
    assert "Sedatie thuis" in page and "Rouw op afstand" in page
    assert "Oosterse rust" not in page
    assert "Uit:" not in page


def test_the_catalogue_search_finds_lent_covers_but_not_the_others(client, two_networks):
    page = east_get(client, CATALOGUE_URL, q="sedatie").content.decode()
    assert "Rouw op afstand" in page
    assert "Sedatie thuis" not in page


def test_a_cover_no_longer_lent_leaves_the_other_catalogue(client, two_networks):
    lent = two_networks["lent"]
    lent.lend_to_other_networks = False
    lent.save_revision().publish()
    assert "Rouw op afstand" not in east_get(client, CATALOGUE_URL).content.decode()


def test_the_loan_form_offers_own_and_lent_covers_only(client, two_networks):
    form = east_get(client, FORM_URL).context["form"]
    labels = dict(form.fields["expert"].choices)
    assert str(two_networks["east_own"].pk) in labels
    assert labels[str(two_networks["lent"].pk)].endswith("uit Netwerk West")
    assert str(two_networks["own_only"].pk) not in labels
    # A link naming another network's cover that is not lent out says it cannot be borrowed.
    notice = east_get(client, FORM_URL, expert=two_networks["own_only"].pk).context["book_notice"]
    assert notice == "Het gekozen boek is niet (meer) te lenen. Kies een ander boek hieronder."


def test_a_crafted_request_for_a_cover_not_lent_out_is_refused(client, two_networks):
    response = client.post(FORM_URL, form_data(two_networks["own_only"].pk), HTTP_HOST=EAST)
    assert response.status_code == 200
    assert "Dit boek is niet (meer) te lenen." in response.context["form"].errors["expert"][0]
    assert not LoanRequest.objects.exists()
    assert mail.outbox == []


def test_a_request_for_a_lent_cover_belongs_to_the_owning_network(client, two_networks):
    response = client.post(
        FORM_URL, form_data(two_networks["lent"].pk), HTTP_HOST=EAST, follow=True
    )
    assert response.status_code == 200 and "Bedankt" in response.content.decode()
    page = response.content.decode()
    assert "Rouw op afstand" in page  # the thank-you page names the book
    # ... and who handles it: the owning network's secretariat, not this network's.
    assert "Dit boek komt uit <b>Netwerk West</b>" in page
    assert "secretariaat-west@example.org" in page
    loan = LoanRequest.objects.get()
    assert loan.site == two_networks["west"]
    assert loan.requested_on == two_networks["east"]
    assert loan.expert.pk == two_networks["lent"].pk
    notifications = [message for message in mail.outbox if "Sanne de Boer" in message.body]
    assert len(notifications) == 1
    assert notifications[0].to == ["secretariaat-west@example.org"]
    assert all("formulier-oost@example.org" not in message.to for message in mail.outbox)


def test_without_a_secretariat_address_the_owning_networks_form_is_told(client, two_networks):
    settings_west = SiteSettings.for_site(two_networks["west"])
    settings_west.secretariat_email = ""
    settings_west.save()
    client.post(FORM_URL, form_data(two_networks["lent"].pk), HTTP_HOST=EAST)
    assert [message.to for message in mail.outbox] == [["formulier-west@example.org"]]


def test_own_and_bookless_requests_stay_with_the_network_of_the_form(client, two_networks):
    client.post(FORM_URL, form_data(two_networks["east_own"].pk), HTTP_HOST=EAST)
    client.post(FORM_URL, form_data(NO_EXPERT, email="kees@example.org"), HTTP_HOST=EAST)
    east = two_networks["east"]
    assert LoanRequest.objects.filter(site=east, requested_on=east).count() == 2
    assert [message.to for message in mail.outbox] == [["formulier-oost@example.org"]] * 2


def test_a_request_on_the_own_form_is_requested_there(client, two_networks):
    client.post(FORM_URL, form_data(two_networks["lent"].pk))
    loan = LoanRequest.objects.get()
    assert loan.site == loan.requested_on == two_networks["west"]
    assert [message.to for message in mail.outbox] == [["formulier-west@example.org"]]


def card_link(client, title: str) -> str:
    """The address the east catalogue's card of `title` links to."""
    page = east_get(client, CATALOGUE_URL).content.decode()
    match = re.search(r'<a href="([^"]+)">' + re.escape(title) + "</a>", page)
    assert match, title
    return html.unescape(match.group(1))


def test_a_request_after_clicking_through_counts_for_both_networks(client, two_networks):
    """The resident of the east finds a lent cover in the east catalogue, reads it on the
    west site and borrows it there: the west handles it, and the east's reports count it."""
    west, east = two_networks["west"], two_networks["east"]
    address = urlsplit(card_link(client, "Rouw op afstand"))
    via = parse_qs(address.query)["via"][0]
    cover = client.get(address.path, {"via": via})  # on the west's own host
    assert cover.status_code == 200
    # Whose site this is, who handles the request, and the way back.
    notice = "Dit boek komt van <b>Netwerk West</b>: je bent nu op hun website"
    back = (
        f'href="http://{EAST}/expertbibliotheek/">Terug naar de expertbibliotheek van Netwerk Oost'
    )
    assert notice in cover.content.decode() and back in cover.content.decode()
    button = re.search(r'class="button" href="([^"]+)">Leen deze expert', cover.content.decode())
    form_url = html.unescape(button.group(1))
    assert f"via={via}" in form_url
    form_page = client.get(form_url).content.decode()
    assert f'name="via" value="{via}"' in form_page
    assert notice in form_page and back in form_page
    thanks = client.post(FORM_URL, form_data(two_networks["lent"].pk, via=via), follow=True)
    assert notice in thanks.content.decode() and back in thanks.content.decode()
    loan = LoanRequest.objects.get()
    assert (loan.site, loan.requested_on) == (west, east)
    requests = LoanRequest.objects.all()
    for network in (west, east):
        assert list(statistics.counted_for(requests, [network])) == [loan]
    # The west handles it: its own form's recipients are told, as for its own residents.
    assert [message.to for message in mail.outbox] == [["formulier-west@example.org"]]


def test_a_forged_or_misplaced_via_counts_for_the_form_used(client, two_networks):
    west = two_networks["west"]
    via = parse_qs(urlsplit(card_link(client, "Rouw op afstand")).query)["via"][0]
    forged = via[:-2] + ("AA" if not via.endswith("AA") else "BB")
    client.post(FORM_URL, form_data(two_networks["lent"].pk, via=forged))
    # A cover that is not lent out was never found in another network.
    client.post(FORM_URL, form_data(two_networks["own_only"].pk, via=via, email="k@example.org"))
    assert set(LoanRequest.objects.values_list("site", "requested_on")) == {(west.pk, west.pk)}
    assert LoanRequest.objects.count() == 2
    page = client.get(FORM_URL, {"via": forged}).content.decode()
    assert 'name="via"' not in page


def test_suggestions_offer_only_what_the_network_offers(client, two_networks):
    answer = east_get(
        client, "/expertbibliotheek/suggesties/", q="palliatieve sedatie thuissituatie"
    ).json()
    titles = [book["title"] for book in answer["books"]]
    assert "Rouw op afstand" in titles
    assert "Sedatie thuis" not in titles


def test_the_booklet_holds_own_and_lent_covers_with_origin(two_networks, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    west_covers = print_material.published_covers(two_networks["catalogue_west"])
    assert {cover.title for cover in west_covers} == {"Sedatie thuis", "Rouw op afstand"}
    pages = pdf_pages(print_material.render_booklet(two_networks["catalogue_east"]))
    assert "2 boeken om te lenen" in pages[0]
    lent = next(page for page in pages[2:] if "Lotte Beeldbel" in page)
    # Questions about a lent book go to the network that lends it, never to its expert.
    assert "secretariaat-west@example.org" in lent
    assert "lotte.prive@example.org" not in lent and "06-2222 9999" not in lent
    assert not any("Wim Alleenwest" in page for page in pages)


def test_the_queryset_rule_is_the_one_place(two_networks):
    east, west = two_networks["east"], two_networks["west"]
    titles = set(ExpertPage.objects.on_offer_in(east).values_list("title", flat=True))
    assert titles == {"Oosterse rust", "Rouw op afstand"}
    borrowable = set(ExpertPage.objects.borrowable_in(west).values_list("title", flat=True))
    assert borrowable == {"Sedatie thuis", "Rouw op afstand"}


def test_an_editor_of_the_owning_network_sets_lending_on_the_cover(client, two_networks):
    client.force_login(user_in_network(two_networks["west"], roles.EDITORS, "redacteur-west"))
    page = client.get(f"/admin/pages/{two_networks['own_only'].pk}/edit/").content.decode()
    assert 'name="lend_to_other_networks"' in page
    assert "Ook te leen voor andere netwerken" in page


def test_the_site_search_finds_lent_covers_but_not_the_others(client, two_networks):
    page = client.get("/zoeken/", {"q": "sedatie"}, HTTP_HOST=EAST).content.decode()
    assert "Rouw op afstand" in page  # lent: its summary mentions sedatie
    assert "Sedatie thuis" not in page  # West's own, not lent


def test_personal_links_open_on_the_network_that_handles_the_request(client, two_networks):
    """A resident of the east gets a 'Mijn aanvraag' link on the east's own address."""
    from library.self_service import request_link

    client.post(FORM_URL, form_data(two_networks["east_own"].pk), HTTP_HOST=EAST)
    loan = LoanRequest.objects.get()
    assert loan.site == two_networks["east"]
    assert request_link.link_for(loan).startswith(f"http://{EAST}/mijn-aanvraag/")
