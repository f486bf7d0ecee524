import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase

from cms.models import HomePage
from library.catalogue.withdrawal import withdraw
from library.models import Availability, ExpertIndexPage, ExpertPage
from tests.factories import make_catalogue, make_essence, make_expert, make_home


@pytest.fixture
def catalogue(db):
    return make_catalogue(make_home())


class ExpertPageTreeTests(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertCanCreateAt(HomePage, ExpertIndexPage)
        self.assertCanCreateAt(ExpertIndexPage, ExpertPage)
        self.assertCanNotCreateAt(HomePage, ExpertPage)

    def test_renderable(self):
        catalogue = make_catalogue(make_home())
        expert = make_expert(catalogue, "Hoe ga ik om met hoop?")
        self.assertPageIsRenderable(catalogue)
        self.assertPageIsRenderable(expert)


def test_preparation_over_30_minutes_is_refused(catalogue):
    expert = make_expert(catalogue, "Pijn", preparation_minutes=30)
    expert.preparation_minutes = 31
    with pytest.raises(ValidationError) as caught:
        expert.full_clean()
    assert "hooguit 30 minuten" in str(caught.value.message_dict["preparation_minutes"])


def test_photo_without_alt_text_is_refused(catalogue):
    image = get_image_model().objects.create(title="portret", file=get_test_image_file())
    expert = make_expert(catalogue, "Rouw")
    expert.photo = image
    expert.photo_alt = ""
    with pytest.raises(ValidationError) as caught:
        expert.full_clean()
    assert "alternatieve tekst" in str(caught.value.message_dict["photo_alt"])
    expert.photo_alt = "Portret van Anna de Vries"
    expert.full_clean()


def test_absence_needs_a_date(catalogue):
    expert = make_expert(catalogue, "Ethiek")
    expert.availability = Availability.ABSENT
    with pytest.raises(ValidationError) as caught:
        expert.full_clean()
    assert "absent_until" in caught.value.message_dict


def test_private_fields_never_in_public_responses(catalogue, client):
    expert = make_expert(
        catalogue, "Palliatieve sedatie", email="geheim.adres@example.org", phone="06-0000 9876"
    )
    expert.admission_note = "Interne notitie van de werkgroep"
    expert.save_revision().publish()
    for url in (expert.url, catalogue.url, "/zoeken/?q=sedatie", catalogue.url + "?q=sedatie"):
        content = client.get(url).content.decode()
        assert "geheim.adres@example.org" not in content, url
        assert "06-0000 9876" not in content, url
        assert "Interne notitie" not in content, url
    assert "Palliatieve sedatie" in client.get("/zoeken/?q=sedatie").content.decode()


def test_cover_shows_loan_button_and_absence(catalogue, client):
    available = make_expert(catalogue, "Hoop")
    content = client.get(available.url).content.decode()
    assert f'href="/expertbibliotheek/lenen/?expert={available.pk}"' in content
    back = timezone.localdate() + datetime.timedelta(days=20)
    absent = make_expert(catalogue, "Pijn", availability="absent", absent_until=back)
    content = client.get(absent.url).content.decode()
    # The resident may still borrow and wait: the button says until when.
    assert f'href="/expertbibliotheek/lenen/?expert={absent.pk}"' in content
    assert "Leen deze expert en wacht tot na" in content
    assert "Tijdelijk afwezig" in content
    assert back.strftime("%Y") in content


def test_withdrawal_unpublishes_but_keeps_record_and_history(catalogue, client, admin_user):
    expert = make_expert(catalogue, "Zingeving")
    revisions = expert.revisions.count()
    withdraw(expert, admin_user)
    expert.refresh_from_db()
    assert not expert.live
    assert expert.availability == Availability.WITHDRAWN
    assert expert.revisions.count() == revisions + 1
    assert client.get(expert.url_path.replace("/testhome", "")).status_code == 404
    assert "Zingeving" not in client.get(catalogue.url).content.decode()


def test_withdraw_button_and_view_in_admin(catalogue, admin_client):
    expert = make_expert(catalogue, "Rouw bij kinderen")
    edit = admin_client.get(f"/admin/pages/{expert.pk}/edit/").content.decode()
    assert "Expert laten terugtreden" in edit
    assert "Leenaanvragen voor deze expert:</b> 0 dit halfjaar" in edit
    url = f"/admin/expertbibliotheek/{expert.pk}/terugtreden/"
    confirm = admin_client.get(url).content.decode()
    assert '<button type="submit" class="button">Ja, laat terugtreden</button>' in confirm
    assert f'<a href="/admin/pages/{expert.pk}/edit/" class="button button-secondary">' in confirm
    response = admin_client.post(url)
    assert response.status_code == 302
    expert.refresh_from_db()
    assert not expert.live and expert.availability == Availability.WITHDRAWN


def test_new_covers_go_through_the_working_group(catalogue):
    from wagtail.models import WorkflowPage

    workflow = catalogue.get_workflow()
    assert workflow is not None and workflow.name == "Toelating expert"
    assert WorkflowPage.objects.filter(page=catalogue).exists()
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Werkgroep"]


def test_admission_checklist_is_grouped_per_kind(catalogue, admin_client):
    expert = make_expert(
        catalogue, "Veeleisende naasten", essences=[make_essence(7, "Communicatie")]
    )
    content = admin_client.get(f"/admin/pages/{expert.pk}/edit/").content.decode()
    for label in ("Professional", "Vrijwilliger", "Ervaringsdeskundige", "VPTZ"):
        assert label in content
    assert expert.missing_criteria() == {"prof_expertise", "prof_standards", "prof_communication"}


def test_site_search_finds_covers_by_name_role_and_topic(catalogue, client):
    make_expert(
        catalogue,
        "Wat zeg je als er geen woorden zijn?",
        expert_name="Karel Oosterhuis",
        role="Geestelijk verzorger",
        topics=["levensvragen"],
    )
    for query in ("Oosterhuis", "verzorger", "levensvragen"):
        content = client.get("/zoeken/", {"q": query}).content.decode()
        assert "Wat zeg je als er geen woorden zijn?" in content, query
