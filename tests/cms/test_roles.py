import pytest
from django.contrib.auth.models import Group, User

from cms import roles
from tests.factories import make_home, make_standard_page


def user_in(group_name: str) -> User:
    user = User.objects.create_user(group_name.lower(), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.django_db
def test_the_three_roles_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert set(roles.ALL_ROLES) <= names


@pytest.mark.django_db
@pytest.mark.parametrize("group_name", roles.ALL_ROLES)
def test_every_role_reaches_the_admin(client, group_name):
    client.force_login(user_in(group_name))
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_editors_edit_and_publish_pages_and_upload_images(client):
    home = make_home()
    page = make_standard_page(home, "Over ons")
    client.force_login(user_in(roles.EDITORS))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/cms/standardpage/{home.pk}/").status_code == 200
    assert client.get("/admin/images/multiple/add/").status_code == 200
    assert client.get("/admin/documents/multiple/add/").status_code == 200
    user = User.objects.get(username="redacteuren")
    assert page.permissions_for_user(user).can_publish()


@pytest.mark.django_db
def test_secretariat_cannot_edit_pages(client):
    home = make_home()
    page = make_standard_page(home, "Over ons")
    client.force_login(user_in(roles.SECRETARIAT))
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_working_group_edits_but_does_not_publish():
    home = make_home()
    page = make_standard_page(home, "Boek")
    user = user_in(roles.WORKING_GROUP)
    permissions = page.permissions_for_user(user)
    assert permissions.can_edit()
    assert not permissions.can_publish()
