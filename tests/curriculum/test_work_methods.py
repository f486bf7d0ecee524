"""The work methods explained: the public page /workshops/werkvormen/, the links to it from the
workshop pages, and the appendix "Bijlage: werkvormen" of every trainer guide."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils import WagtailPageTestCase

from curriculum import guides
from curriculum.models import WorkMethod
from tests.curriculum.pdf_text import pdf_pages
from tests.factories import (
    make_essence,
    make_home,
    make_series,
    make_work_method,
    make_workshop,
    session,
)

HATS = "Zes denkhoeden van De Bono"
HATS_SOURCE = "De Bono, E. (1999). Six Thinking Hats."
# Long enough that the next method's heading lands on a later page of the appendix: a page
# reference that is off by one then shows.
HATS_HOW = "".join(
    f"<p>Stap {i}: laat elk groepje de vraag bespreken met de hoed van deze ronde op, en "
    "vraag daarna welk nieuw gezichtspunt dat opleverde.</p>"
    for i in range(1, 41)
)


def programme(first: list[int], last: list[int]) -> list[dict]:
    return [
        session(10, "Inleiding"),
        session(20, "Essentie"),
        session(35, "Aan de slag", work_methods=first),
        session(35, "Reflecteren"),
        session(20, "Terugkoppeling", work_methods=last),
    ]


@pytest.fixture
def course(db):
    home = make_home()
    series = make_series(home)
    hats = make_work_method(
        HATS,
        description="Een vraagstuk vanuit zes denkrichtingen bekijken.",
        how_to_use="<p>Kies drie hoeden die bij de vragen passen.</p>" + HATS_HOW,
        group_size="3 à 4 personen",
        materials="Zes gekleurde hoeden\n\nFlap-over en stiften\n",
        source=HATS_SOURCE,
        link="https://example.org/denkhoeden",
    )
    lights = make_work_method(
        "Stoplichtmodel",
        description="Afsluiten met groen, oranje of rood.",
        how_to_use="<p>Vraag iedereen om één kleur en een zin erbij.</p>",
        group_size="de hele groep",
    )
    mindmap = make_work_method(
        "Mindmap",
        description="Rond één begrip verzamelen wat de groep weet.",
        source="Buzan, T. (1974). Use your head.",
    )
    roleplay = make_work_method("Rollenspel", description="Een gesprek naspelen.")
    fifth = make_workshop(
        series,
        make_essence(),
        title="Onderlinge afstemming en voortgang",
        programme=programme([hats.pk], [lights.pk]),
    )
    first = make_workshop(
        series,
        make_essence(1, "Markering", chapter_title="De palliatieve fase begint"),
        title="De palliatieve fase begint",
        programme=programme([mindmap.pk, hats.pk], []),
    )
    draft = make_workshop(
        series,
        make_essence(2, "Gezamenlijke besluitvorming", chapter_title="Samen beslissen"),
        title="Samen beslissen",
        programme=programme([roleplay.pk], []),
    )
    draft.unpublish()
    return {
        "series": series,
        "fifth": fifth,
        "first": first,
        "draft": draft,
        "hats": hats,
        "lights": lights,
        "mindmap": mindmap,
        "roleplay": roleplay,
    }


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text(" ").split())


# --- the public page ---


def test_every_method_has_a_section_with_what_how_group_size_and_materials(course, client):
    page = soup(client.get("/workshops/werkvormen/"))
    assert text_of(page.find("h1")) == "Werkvormen"
    toc = page.find("nav", class_="page-toc")
    assert [a["href"] for a in toc.find_all("a")] == [
        f"#{method.anchor}" for method in WorkMethod.objects.order_by("name")
    ]
    for method in WorkMethod.objects.all():
        section = page.find(id=method.anchor)
        assert section is not None and section.name == "section", method
        assert text_of(section.find("h2")) == method.name
        assert method.description in text_of(section)

    hats = page.find(id="werkvorm-zes-denkhoeden-van-de-bono")
    assert "Kies drie hoeden die bij de vragen passen." in text_of(hats)
    assert "Stap 40:" in text_of(hats)
    facts = {text_of(dt): dt.find_next_sibling("dd") for dt in hats.find_all("dt")}
    assert text_of(facts["Groepsgrootte"]) == "3 à 4 personen"
    assert [text_of(li) for li in facts["Benodigdheden"].find_all("li")] == [
        "Zes gekleurde hoeden",
        "Flap-over en stiften",
    ]
    # Nothing filled in: no empty row.
    roleplay = page.find(id="werkvorm-rollenspel")
    assert [text_of(dt) for dt in roleplay.find_all("dt")] == ["Gebruikt in"]


def test_sources_are_numbered_footnotes_at_the_bottom(course, client):
    page = soup(client.get("/workshops/werkvormen/"))
    notes = page.find("section", class_="footnotes").find_all("li")
    # In the page's order (by name): Mindmap's source first, then the thinking hats'.
    assert [li["id"] for li in notes] == ["bron-1", "bron-2"]
    assert "Buzan, T. (1974). Use your head." in text_of(notes[0])
    assert HATS_SOURCE in text_of(notes[1])
    assert notes[1].find("a", href="https://example.org/denkhoeden") is not None

    hats = page.find(id="werkvorm-zes-denkhoeden-van-de-bono")
    reference = hats.find("sup", class_="footnote-ref").find("a")
    assert reference["href"] == "#bron-2"
    assert text_of(reference) == "2"
    back = notes[1].find("a", class_="footnote-back")
    assert back["href"] == f"#{reference['id']}"
    # Methods without a source carry no reference.
    assert page.find(id="werkvorm-stoplichtmodel").find("sup") is None


def test_each_method_links_the_published_workshops_using_it(course, client):
    page = soup(client.get("/workshops/werkvormen/"))

    def used_in(method):
        section = page.find(id=method.anchor)
        dd = next(dt for dt in section.find_all("dt") if text_of(dt) == "Gebruikt in")
        return [(text_of(a), a["href"]) for a in dd.find_next_sibling("dd").find_all("a")]

    first, fifth = course["first"], course["fifth"]
    assert used_in(course["hats"]) == [
        ("Deel 1: De palliatieve fase begint", first.url),
        ("Deel 5: Onderlinge afstemming en voortgang", fifth.url),
    ]
    assert used_in(course["mindmap"]) == [("Deel 1: De palliatieve fase begint", first.url)]
    # Only the draft uses the role play: no link to a page visitors cannot open.
    assert used_in(course["roleplay"]) == []
    assert "Nog in geen enkele gepubliceerde workshop" in text_of(
        page.find(id=course["roleplay"].anchor)
    )


def test_the_pages_links_all_resolve(course, client):
    page = soup(client.get("/workshops/werkvormen/"))
    ids = {element["id"] for element in page.find_all(id=True)}
    local = set()
    for link in page.find("main").find_all("a", href=True):
        href = link["href"]
        if href.startswith("#"):
            assert href[1:] in ids, href
        elif href.startswith("/"):
            local.add(href.split("#")[0])
    breadcrumbs = page.find("nav", class_="breadcrumbs")
    local |= {a["href"] for a in breadcrumbs.find_all("a")}
    assert course["series"].url in local
    for href in local:
        assert client.get(href).status_code == 200, href


def test_the_series_page_links_to_the_methods(course, client):
    page = soup(client.get(course["series"].url))
    assert page.find("a", href="/workshops/werkvormen/") is not None


def test_a_workshop_page_links_each_method_used_to_its_section(course, client):
    page = soup(client.get(course["fifth"].url))
    links = [paragraph.find("a") for paragraph in page.find_all("p", class_="work-method")]
    assert [(text_of(a), a["href"]) for a in links] == [
        (f"{HATS} (uitleg)", "/workshops/werkvormen/#werkvorm-zes-denkhoeden-van-de-bono"),
        ("Stoplichtmodel (uitleg)", "/workshops/werkvormen/#werkvorm-stoplichtmodel"),
    ]
    methods_page = soup(client.get("/workshops/werkvormen/"))
    for link in links:
        assert methods_page.find(id=link["href"].split("#")[1]) is not None


class WorkMethodsRouteTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.series = make_series(make_home())
        make_work_method("Stoplichtmodel")

    def test_route_is_routable_and_renders(self):
        self.assertEqual(self.series.reverse_subpage("work_methods"), "werkvormen/")
        self.assertPageIsRoutable(self.series, "werkvormen/")
        self.assertPageIsRenderable(self.series, "werkvormen/")

    def test_page_keeps_the_series_context(self):
        response = self.client.get("/workshops/werkvormen/")
        self.assertContains(response, 'id="werkvorm-stoplichtmodel"')
        self.assertContains(response, '<li aria-current="page">Werkvormen</li>', html=True)
        self.assertContains(response, "<title>Werkvormen · Workshops")


# --- the trainer guide's appendix ---


def appendix_pages(pages: list[str]) -> list[int]:
    """The appendix's pages (0-based): its chapter title runs in their header; the table of
    contents names it too, but that page is not part of it."""
    found = [
        i
        for i, page in enumerate(pages)
        if "Bijlage: werkvormen" in page and "Inhoudsopgave" not in page
    ]
    assert found, "no appendix"
    assert found == list(range(found[0], len(pages))), found  # it closes the guide
    return found


def appendix_text(pages: list[str]) -> str:
    return "\n".join(pages[i] for i in appendix_pages(pages))


def page_references(pages: list[str]) -> list[tuple[str, int]]:
    before = "\n".join(pages[: appendix_pages(pages)[0]])
    return [
        (name, int(number))
        for name, number in re.findall(r"Werkvorm: (.+?) \(zie bijlage, blz\. (\d+)\)", before)
    ]


def assert_references_resolve(pages: list[str], references: list[tuple[str, int]]) -> None:
    appendix = appendix_pages(pages)
    for name, number in references:
        index = number - 1  # "blz. 9" is the ninth page
        assert index in appendix, (name, number)
        assert name in pages[index], (name, number)
        # The heading, not a mention further on: no earlier appendix page names it.
        assert all(name not in pages[i] for i in appendix if i < index), (name, number)


def test_guide_ends_with_only_the_methods_it_uses(course):
    pages = pdf_pages(guides.render_guide(course["fifth"]))
    appendix = appendix_text(pages)
    assert appendix.lstrip().startswith("Bijlage: werkvormen")
    assert f"{HATS} Een vraagstuk vanuit zes denkrichtingen bekijken." in appendix
    assert "Kies drie hoeden die bij de vragen passen." in appendix
    assert "Groepsgrootte: 3 à 4 personen" in appendix
    assert "Zes gekleurde hoeden" in appendix and "Flap-over en stiften" in appendix
    assert "Stoplichtmodel Afsluiten met groen, oranje of rood." in appendix
    assert "Groepsgrootte: de hele groep" in appendix
    # The source is a numbered note of the appendix, with its address.
    assert "Noten" in appendix and HATS_SOURCE in appendix
    assert "example.org/denkhoeden" in appendix.replace(" ", "")
    # The workshop uses neither: not in the guide at all.
    whole = "\n".join(pages)
    for absent in ("Mindmap", "Buzan", "Rollenspel"):
        assert absent not in whole, absent
    # The table of contents lists the appendix with its first page.
    toc = next(page for page in pages if "Inhoudsopgave" in page)
    assert re.search(rf"Bijlage: werkvormen[ .]+{appendix_pages(pages)[0] + 1}\b", toc), toc


def test_programme_refers_to_the_appendix_page_of_each_method(course):
    pages = pdf_pages(guides.render_guide(course["fifth"]))
    references = page_references(pages)
    assert [name for name, _ in references] == [HATS, "Stoplichtmodel"]
    assert references[0][1] < references[1][1]  # the long explanation pushes the second on
    assert_references_resolve(pages, references)


def test_all_eight_guide_holds_the_union_in_first_use_order(course):
    pages = pdf_pages(guides.render_all_guides(course["series"]))
    appendix = appendix_text(pages)
    headings = [HATS, "Stoplichtmodel", "Mindmap"]
    for name in headings:
        assert appendix.count(name) == 1, name
    # Workshop 1 comes first and uses the mind map, then the hats; workshop 5 adds the lights.
    positions = [appendix.index(name) for name in ("Mindmap", HATS, "Stoplichtmodel")]
    assert positions == sorted(positions)
    assert "Rollenspel" not in appendix  # only the unpublished workshop uses it
    assert "Buzan, T. (1974). Use your head." in appendix
    references = page_references(pages)
    assert sorted({name for name, _ in references}) == sorted(headings)
    assert len(references) == 4  # the hats are used in both workshops
    assert_references_resolve(pages, references)


def test_a_guide_without_methods_has_no_appendix(db):
    series = make_series(make_home())
    workshop = make_workshop(series, make_essence())
    pages = pdf_pages(guides.render_guide(workshop))
    assert not any("Bijlage: werkvormen" in page for page in pages)


def test_an_edited_method_shows_in_the_next_download(course, client, settings, tmp_path):
    settings.PDF_CACHE_DIR = tmp_path
    url = course["fifth"].url + "docentenhandreiking.pdf"
    assert "Nieuwe uitleg bij het stoplicht." not in "\n".join(pdf_pages(client.get(url).content))
    lights = course["lights"]
    lights.how_to_use = "<p>Nieuwe uitleg bij het stoplicht.</p>"
    lights.save()
    pages = pdf_pages(client.get(url).content)
    assert "Nieuwe uitleg bij het stoplicht." in appendix_text(pages)


def test_guide_cache_follows_the_appendix_templates():
    for name in ("pdf/curriculum/_appendix.html", "pdf/curriculum/_essence_material.html"):
        assert name in guides.GUIDE_TEMPLATES
