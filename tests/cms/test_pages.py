from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import HomePage, StandardPage
from tests.factories import make_home, make_standard_page


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home(
            title="Expertbibliotheek",
            hero_text="Leen een expert voor één gesprek.",
            featured_links=(
                '[{"type": "featured_link", "value": {"title": "Naar de workshops", '
                '"text": "Acht workshops", "page": null, "link_url": "/workshops/"}}]'
            ),
        )

    def test_can_be_created_under_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_renders_hero_and_featured_links(self):
        self.assertPageIsRenderable(self.home)
        response = self.client.get("/")
        self.assertContains(response, "Leen een expert voor één gesprek.")
        self.assertContains(response, '<a class="card" href="/workshops/">', html=False)
        self.assertContains(response, '<html lang="nl">')

    def test_is_previewable(self):
        # StreamFields are drawn by the admin's JavaScript, so the form data is spelled out.
        self.assertPageIsPreviewable(
            self.home,
            post_data=nested_form_data(
                {
                    "title": "Expertbibliotheek",
                    "slug": "testhome",
                    "hero_text": "Gewijzigde openingszin",
                    "introduction": rich_text("<p>Inleiding</p>"),
                    "featured_links": streamfield([]),
                }
            ),
        )


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.page = make_standard_page(
            cls.home,
            "Over ons",
            show_in_menus=True,
            introduction="Korte inleiding.",
            body=[
                {"type": "heading", "value": {"text": "Hoe het werkt", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Eerst het formulier.</p>"},
                {"type": "quote", "value": {"quote": "Heel leerzaam.", "attribution": "Een AIOS"}},
                {
                    "type": "call_to_action",
                    "value": {
                        "title": "Meer weten?",
                        "text": "",
                        "button_label": "Lees verder",
                        "page": None,
                        "link_url": "/zoeken/",
                    },
                },
                {
                    "type": "table",
                    "value": {
                        "data": [["Wie", "Tijd"], ["AIOS", "2 uur"]],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "Tijdsinvestering",
                    },
                },
            ],
        )

    def test_can_be_created_under_home_and_standard_pages(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_renders_every_block(self):
        self.assertPageIsRenderable(self.page)
        response = self.client.get(self.page.url)
        self.assertContains(response, '<h2 class="block-heading">Hoe het werkt</h2>', html=True)
        self.assertContains(response, "Heel leerzaam.")
        self.assertContains(
            response, '<a class="button" href="/zoeken/">Lees verder</a>', html=True
        )
        self.assertContains(response, "<caption>Tijdsinvestering</caption>", html=True)
        self.assertContains(response, '<th scope="col">Wie</th>', html=True)

    def test_is_previewable(self):
        self.assertPageIsPreviewable(
            self.page,
            post_data=nested_form_data(
                {
                    "title": "Over ons",
                    "slug": "over-ons",
                    "introduction": "Nieuwe inleiding",
                    "body": streamfield([("paragraph", rich_text("<p>Concept</p>"))]),
                }
            ),
        )

    def test_main_navigation_and_breadcrumbs(self):
        child = make_standard_page(self.page, "Dieper")
        response = self.client.get(child.url)
        self.assertContains(response, '<nav class="main-nav" aria-label="Hoofdmenu">')
        self.assertContains(response, '<a href="/over-ons/" class="is-ancestor">Over ons</a>')
        self.assertContains(response, '<nav class="breadcrumbs container" aria-label="Kruimelpad">')
        self.assertContains(response, '<li aria-current="page">Dieper</li>', html=True)

    def test_hidden_from_menu_stays_out_of_navigation(self):
        make_standard_page(self.home, "Verborgen", show_in_menus=False)
        response = self.client.get("/")
        self.assertNotContains(response, ">Verborgen</a>")

    def test_editor_creates_page_in_admin(self):
        admin = self.create_superuser("beheer", password="pw")  # noqa: S106
        self.client.force_login(admin)
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Nieuwe pagina",
                    "slug": "nieuwe-pagina",
                    "introduction": "Inleiding",
                    "body": streamfield([("paragraph", rich_text("<p>Hallo</p>"))]),
                }
            ),
        )

    def test_link_blocks_need_exactly_one_target(self):
        block = StandardPage.body.field.stream_block.child_blocks["call_to_action"]
        both_empty = block.to_python(
            {"title": "x", "text": "", "button_label": "x", "page": None, "link_url": ""}
        )
        with self.assertRaises(StructBlockValidationError) as caught:
            block.clean(both_empty)
        self.assertIn("precies één van de twee", str(caught.exception.block_errors["page"]))

    def test_image_block_requires_alt_text(self):
        from wagtail.images import get_image_model
        from wagtail.images.tests.utils import get_test_image_file

        image = get_image_model().objects.create(title="foto", file=get_test_image_file())
        block = StandardPage.body.field.stream_block.child_blocks["image"]
        without_alt = block.to_python({"image": image.pk, "alt_text": "", "caption": ""})
        with self.assertRaises(StructBlockValidationError) as caught:
            block.clean(without_alt)
        self.assertEqual(list(caught.exception.block_errors), ["alt_text"])
        block.clean(block.to_python({"image": image.pk, "alt_text": "Een portret", "caption": ""}))
