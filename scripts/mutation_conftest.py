"""conftest.py of the throw-away copy that `scripts/mutation.py` runs mutmut in (not used by
`make test`).

mutmut runs the tests of every mutant in a fresh pytest session (a forked child), and a fresh
session would build the test database from the migrations again: about fifteen seconds, longer
than the tests themselves. So the script migrates one SQLite database once (the template, the
same database pytest-django builds) and each session works on its own copy of it: the two
children that run at the same time never share a file, and a test that empties the database
leaves the next mutant's copy alone.
"""

import os
import shutil
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker):
    from django.conf import settings
    from django.db import connections

    template = Path(os.environ["MUTATION_TEMPLATE_DB"])
    copy = template.with_name(f"{template.stem}-{os.getpid()}.sqlite3")
    shutil.copyfile(template, copy)
    connection = connections["default"]
    connection.close()
    connection.settings_dict["NAME"] = str(copy)
    settings.DATABASES["default"]["NAME"] = str(copy)
    yield
    with django_db_blocker.unblock():
        connection.close()
    copy.unlink(missing_ok=True)
