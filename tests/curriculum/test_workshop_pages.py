import json

import pytest
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import HomePage
from curriculum.models import WorkshopIndexPage, WorkshopPage
from tests.factories import make_essence, make_home, make_series, make_work_method, make_workshop


def workshop_form(essence, programme_minutes, preparation_minutes, stated_preparation=75):
    return nested_form_data(
        {
            "title": "Onderlinge afstemming en voortgang",
            "slug": "onderlinge-afstemming",
            "essence": essence.pk,
            "part_number": 5,
            "introduction": rich_text("<p>Inleiding</p>"),
            "duration_minutes": 120,
            "preparation_minutes": stated_preparation,
            "preparation_items": streamfield(
                [
                    ("item", {"activity": f"Stap {i}", "minutes": m, "link": ""})
                    for i, m in enumerate(preparation_minutes)
                ]
            ),
            "participant_preparation": streamfield([]),
            "learning_goals": streamfield([("goal", "Samenwerken")]),
            "programme": streamfield(
                [
                    (
                        "session",
                        {
                            "minutes": m,
                            "part": f"Onderdeel {i}",
                            "description": rich_text(
                                "<ol><li>Vraag een</li><li>Vraag twee</li></ol>"
                            ),
                            "tips": rich_text(""),
                            "work_methods": streamfield([]),
                            "materials": streamfield([]),
                        },
                    )
                    for i, m in enumerate(programme_minutes)
                ]
            ),
            "content_status": "example",
            "authors": streamfield([]),
            "versions": streamfield([]),
        }
    )


class WorkshopPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.series = make_series(cls.home)
        cls.essence = make_essence()
        cls.other_essence = make_essence(1, "Markering", chapter_title="De palliatieve fase")
        cls.method = make_work_method("Zes denkhoeden", source="De Bono (1999)")
        cls.workshop = make_workshop(cls.series, cls.other_essence, goals=["Markeren", "Bespreken"])

    def setUp(self):
        self.admin = self.create_superuser("beheer", password="pw")  # noqa: S106
        self.client.force_login(self.admin)

    def test_page_tree_rules(self):
        self.assertCanCreateAt(HomePage, WorkshopIndexPage)
        self.assertCanCreateAt(WorkshopIndexPage, WorkshopPage)
        self.assertCanNotCreateAt(HomePage, WorkshopPage)
        self.assertPageIsRenderable(self.series)
        self.assertPageIsRenderable(self.workshop)

    def test_exact_totals_are_accepted(self):
        self.assertCanCreate(
            self.series,
            WorkshopPage,
            workshop_form(self.essence, [10, 20, 35, 35, 20], [15, 40, 20]),
        )
        self.assertEqual(WorkshopPage.objects.get(essence=self.essence).programme_total, 120)

    def post_add(self, data):
        return self.client.post(f"/admin/pages/add/curriculum/workshoppage/{self.series.pk}/", data)

    def test_programme_one_minute_short_is_refused(self):
        response = self.post_add(workshop_form(self.essence, [10, 20, 35, 35, 19], [15, 40, 20]))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "duren samen 119 minuten; de workshop duurt 120 minuten")
        self.assertFalse(WorkshopPage.objects.filter(essence=self.essence).exists())

    def test_programme_one_minute_long_is_refused(self):
        response = self.post_add(workshop_form(self.essence, [10, 20, 35, 35, 21], [15, 40, 20]))
        self.assertContains(response, "duren samen 121 minuten")

    def test_a_workshop_cannot_take_the_address_of_the_work_methods_page(self):
        data = workshop_form(self.essence, [10, 20, 35, 35, 20], [15, 40, 20])
        data["slug"] = "werkvormen"
        response = self.post_add(data)
        self.assertContains(response, "hoort bij een pagina van het workshopoverzicht zelf")
        self.assertFalse(WorkshopPage.objects.filter(essence=self.essence).exists())

    def test_preparation_must_add_up_to_the_stated_time(self):
        response = self.post_add(workshop_form(self.essence, [10, 20, 35, 35, 20], [15, 40, 21]))
        self.assertContains(response, "De voorbereiding duurt volgens de onderdelen 76 minuten")
        self.assertFalse(WorkshopPage.objects.filter(essence=self.essence).exists())

    def test_an_essence_has_only_one_workshop(self):
        data = workshop_form(self.other_essence, [10, 20, 35, 35, 20], [15, 40, 20])
        response = self.post_add(data)
        self.assertContains(response, "Er is al een workshop voor de essentie")

    def test_editor_sees_running_total_placeholders_and_script(self):
        response = self.client.get(f"/admin/pages/{self.workshop.pk}/edit/")
        self.assertContains(response, 'data-running-total="programme"')
        self.assertContains(response, 'data-running-total="preparation_items"')
        self.assertContains(response, "js/admin-running-totals.js")

    def test_web_page_shows_programme_and_links_its_pdf_with_size(self):
        response = self.client.get(self.workshop.url)
        self.assertContains(response, "Markeren")
        self.assertContains(response, "<caption>Programma, 120 minuten</caption>", html=True)
        content = response.content.decode()
        self.assertIn(f'href="{self.workshop.url}docentenhandreiking.pdf"', content)
        self.assertRegex(content, r"\(PDF, \d+ kB\)")

    def test_structured_data_is_a_course(self):
        response = self.client.get(self.workshop.url)
        content = response.content.decode()
        start = content.index('<script type="application/ld+json">') + len(
            '<script type="application/ld+json">'
        )
        data = json.loads(content[start : content.index("</script>", start)])
        self.assertEqual(data["@type"], "Course")
        self.assertEqual(data["timeRequired"], "PT2H")
        self.assertEqual(data["teaches"], ["Markeren", "Bespreken"])

    def test_index_lists_workshops_in_essence_order(self):
        make_workshop(self.series, self.essence, title="Vijfde")
        response = self.client.get(self.series.url)
        content = response.content.decode()
        self.assertLess(content.index("De palliatieve fase"), content.index("Vijfde"))
        self.assertContains(response, "maximaal 25 deelnemers")

    def test_web_preview_and_pdf_preview_modes(self):
        data = workshop_form(self.other_essence, [10, 20, 35, 35, 20], [15, 40, 20])
        data["title"] = "Nog niet opgeslagen titel"
        self.assertPageIsPreviewable(self.workshop, post_data=data)
        self.assertPageIsPreviewable(self.workshop, mode="pdf", post_data=data)
        # What the editor's preview panel does: post the unsaved form, then load the PDF mode.
        self.client.force_login(self.admin)
        preview_url = f"/admin/pages/{self.workshop.pk}/edit/preview/"
        self.assertEqual(self.client.post(preview_url, data).json()["is_valid"], True)
        response = self.client.get(preview_url, {"mode": "pdf"})
        self.assertEqual(response["Content-Type"], "application/pdf")
        from tests.curriculum.pdf_text import pdf_text

        self.assertIn("Nog niet opgeslagen titel", pdf_text(response.content))


@pytest.mark.django_db
def test_snippets_are_in_the_admin(admin_client):
    make_essence()
    response = admin_client.get("/admin/snippets/curriculum/essence/")
    assert response.status_code == 200
    assert "Coördinatie en continuïteit" in response.content.decode()
