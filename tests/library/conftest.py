"""Shared by the loan tests: a catalogue with a loan form, the standard e-mails and two books;
and the working group's known requests of 2025 (working_group_fixture.py)."""

import pytest

from tests.factories import BRAM, CARLA, make_expert, make_home, make_lending_catalogue
from tests.library import working_group_fixture


@pytest.fixture
def library(db):
    catalogue = make_lending_catalogue(make_home())
    first = make_expert(catalogue, **BRAM)
    second = make_expert(catalogue, **CARLA)
    return {"catalogue": catalogue, "first": first, "second": second}


@pytest.fixture
def known(db):
    return working_group_fixture.build()
