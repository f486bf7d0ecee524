"""Shared by the loan tests: a catalogue with a loan form, the standard e-mails and two books."""

import pytest

from tests.factories import (
    make_catalogue,
    make_email_templates,
    make_expert,
    make_home,
    make_loan_form,
)


@pytest.fixture
def library(db):
    home = make_home()
    catalogue = make_catalogue(home)
    make_loan_form(catalogue)
    make_email_templates()
    first = make_expert(
        catalogue, "Hoop houden", expert_name="Bram Jansen", email="bram@example.org"
    )
    second = make_expert(
        catalogue, "Pijn bij kanker", expert_name="Carla Smit", email="carla@example.org"
    )
    return {"catalogue": catalogue, "first": first, "second": second}
