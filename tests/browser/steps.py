"""What a person does in the browser, shared by the browser tests."""

import re

from django.contrib.auth.models import User
from playwright.sync_api import expect

from tests.factories import RESIDENT, first_network, user_in_group

PASSWORD = "wachtwoord-voor-test"  # noqa: S105


def on_first_network(model):
    """The live pages of this type on the first network: the one the live server answers for
    (the demo's second network sits on the other local hostname)."""
    return model.objects.live().descendant_of(first_network().root_page)


def path_of(page) -> str:
    """A page's path; `url` is a full address once there are two networks."""
    return page.get_url_parts()[2]


def log_in(page, base_url: str, role: str) -> User:
    """Log in through the admin's login form as a new user: a member of the group `role`, or
    a superuser. Returns the user."""
    if role == "superuser":
        user = User.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)
    else:
        user = user_in_group(role)
        user.set_password(PASSWORD)
        user.save()
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return user


def fill_loan_form(page, cover, **answers: str) -> None:
    """Fill in the loan form for `cover` as tests.factories.RESIDENT, with `answers` instead
    where given (the keys of RESIDENT)."""
    resident = {**RESIDENT, **answers}
    page.get_by_label("Welk boek wil je lenen?").select_option(str(cover.pk))
    page.get_by_label("Naam", exact=False).first.fill(resident["name"])
    page.get_by_label("E-mailadres").fill(resident["email"])
    page.get_by_label("Telefoonnummer").fill(resident["phone"])
    page.get_by_label("Opleiding (verplicht)").select_option(resident["programme"])
    page.get_by_label("Naam van je opleider").fill(resident["supervisor"])
    page.get_by_label("Je persoonlijke leerdoel(en)").fill(resident["learning_goals"])
    page.get_by_label("Waarom wil je hier meer over leren?").fill(resident["motivation"])
    page.get_by_label("Ik geef toestemming", exact=False).check()
