"""Recruitment print material from the library's content: flyer, lecture slide, printable book
covers and the whole catalogue as a booklet. All through the site's one PDF engine (cms.pdf),
cached on the pages' revisions and re-rendered after publishing."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from django.http import HttpResponse
from django.utils import timezone
from django_tasks import task
from wagtail.models import Site

from cms.dates import dutch_date
from cms.models import SiteSettings
from cms.pdf import CachedPDF, Printable, pdf_response, pdf_to_png, render_pdf
from cms.qr import qr_svg
from library.catalogue.search import network_root_path, origin_of, published_books
from library.models import ExpertIndexPage, ExpertPage
from library.models.querysets import lent_into

LIBRARY_CSS = ("css/pdf-library.css",)
FLYER = ("pdf/library/flyer.html", *LIBRARY_CSS)
SLIDE = ("pdf/library/slide.html", *LIBRARY_CSS)
COVER = ("pdf/library/cover.html", "pdf/library/_cover.html", *LIBRARY_CSS)
BOOKLET = (
    "pdf/library/booklet.html",
    "pdf/library/_cover.html",
    "pdf/_cover_page.html",
    *LIBRARY_CSS,
)
SLIDE_PNG_WIDTH = 1920


def full_url(page) -> str:
    return page.get_full_url() or page.url


def contact(site_page) -> dict[str, str]:
    site = site_page.get_site() or Site.objects.filter(is_default_site=True).first()
    settings = SiteSettings.for_site(site) if site else None
    return {
        "organisation": settings.organisation_name if settings else "",
        "email": settings.secretariat_email if settings else "",
    }


def settings_version(site_page) -> tuple:
    values = contact(site_page)
    return (values["organisation"], values["email"])


def recruitment_context(catalogue: ExpertIndexPage) -> dict:
    url = full_url(catalogue)
    return {
        "catalogue": catalogue,
        "catalogue_url": url,
        "qr": qr_svg(url),
        "contact": contact(catalogue),
        "printed_on": timezone.localdate(),
    }


def published_covers(catalogue: ExpertIndexPage):
    """What the catalogue's network offers: its own covers and those other networks lend."""
    return published_books(catalogue).prefetch_related("tagged_topics__tag").order_by("title")


# --- flyer and slide ---


def render_flyer(catalogue: ExpertIndexPage) -> bytes:
    return render_pdf(FLYER[0], recruitment_context(catalogue), extra_css=LIBRARY_CSS)


def render_slide(catalogue: ExpertIndexPage) -> bytes:
    return render_pdf(SLIDE[0], recruitment_context(catalogue), extra_css=LIBRARY_CSS)


def catalogue_document(name: str, catalogue: ExpertIndexPage, templates: tuple) -> CachedPDF:
    return CachedPDF(
        name=f"{name}-{catalogue.pk}",
        versions=(catalogue.live_revision_id, settings_version(catalogue), full_url(catalogue)),
        templates=templates,
    )


def flyer_pdf(catalogue: ExpertIndexPage) -> bytes:
    return catalogue_document("flyer", catalogue, FLYER).get_or_render(
        lambda: render_flyer(catalogue)
    )


def slide_pdf(catalogue: ExpertIndexPage) -> bytes:
    return catalogue_document("dia", catalogue, SLIDE).get_or_render(
        lambda: render_slide(catalogue)
    )


def flyer_response(catalogue: ExpertIndexPage, *, cached: bool = True) -> HttpResponse:
    pdf = flyer_pdf(catalogue) if cached else render_flyer(catalogue)
    return pdf_response(pdf, "flyer-expertbibliotheek.pdf")


def slide_response(catalogue: ExpertIndexPage, *, cached: bool = True) -> HttpResponse:
    pdf = slide_pdf(catalogue) if cached else render_slide(catalogue)
    return pdf_response(pdf, "dia-expertbibliotheek.pdf")


def slide_png_response(catalogue: ExpertIndexPage) -> HttpResponse:
    document = catalogue_document("dia-png", catalogue, SLIDE)
    png = document.get_or_render(lambda: pdf_to_png(slide_pdf(catalogue), width_px=SLIDE_PNG_WIDTH))
    return pdf_response(png, "dia-expertbibliotheek.png", content_type="image/png")


# --- book covers and the booklet ---


def cover_context(expert: ExpertPage, contact_details: dict[str, str] | None = None) -> dict:
    url = full_url(expert)
    return {
        "expert": expert,
        "cover_url": url,
        "qr": qr_svg(url),
        "contact": contact_details or contact(expert),
    }


def render_cover(expert: ExpertPage) -> bytes:
    return render_pdf(COVER[0], {"cover": cover_context(expert)}, extra_css=LIBRARY_CSS)


def cover_document(expert: ExpertPage) -> CachedPDF:
    return CachedPDF(
        name=f"boekenkaft-{expert.pk}",
        versions=(expert.live_revision_id, settings_version(expert), full_url(expert)),
        templates=COVER,
    )


def cover_response(expert: ExpertPage, *, cached: bool = True) -> HttpResponse:
    if cached:
        pdf = cover_document(expert).get_or_render(lambda: render_cover(expert))
    else:
        pdf = render_cover(expert)
    return pdf_response(pdf, f"boekenkaft-{expert.slug}.pdf")


def absent_experts(catalogue: ExpertIndexPage) -> tuple:
    """Who is away today: their book page says so, and the booklet changes when they return."""
    return tuple(
        (expert.pk, expert.absent_until)
        for expert in published_covers(catalogue)
        if expert.is_absent()
    )


def booklet_cover(context: dict, books: int) -> dict[str, str]:
    """The booklet's front page, designed like the trainer guides' (pdf/_cover_page.html)."""
    return {
        "kicker": context["contact"]["organisation"] or "Expertbibliotheek Palliatieve Zorg",
        "title": "Catalogus",
        "subtitle": context["catalogue"].recruit_call_to_action,
        "heading": f"{books} {'boek' if books == 1 else 'boeken'} om te lenen",
        "date": f"Stand van {dutch_date(context['printed_on'])}",
        "qr": context["qr"],
        "url": context["catalogue_url"],
    }


def render_booklet(catalogue: ExpertIndexPage) -> bytes:
    context = recruitment_context(catalogue)
    covers = []
    own_path = network_root_path(catalogue)
    for expert in published_covers(catalogue):
        if lent_into(expert, own_path):
            # Lent by another network: printed with its origin and that network's secretariat
            # (which handles its requests); the QR code leads to the cover on its own site.
            cover = cover_context(expert)
            cover["origin"], cover["cover_url"] = origin_of(expert)
            cover["qr"] = qr_svg(cover["cover_url"])
        else:
            # One site and settings lookup for the whole booklet, not one per cover.
            cover = cover_context(expert, context["contact"])
        # Only in the booklet: a printed book cover outlives an absence.
        if expert.is_absent():
            cover["absent_until"] = dutch_date(expert.absent_until)
        covers.append(cover)
    context["covers"] = covers
    context["cover"] = booklet_cover(context, len(covers))
    return render_pdf(BOOKLET[0], context, extra_css=LIBRARY_CSS)


def booklet_document(catalogue: ExpertIndexPage) -> CachedPDF:
    return CachedPDF(
        name=f"catalogus-{catalogue.pk}",
        versions=(
            catalogue.live_revision_id,
            tuple(published_covers(catalogue).values_list("pk", "live_revision_id")),
            settings_version(catalogue),
            absent_experts(catalogue),
            full_url(catalogue),  # the QR code and address on the front page
        ),
        templates=BOOKLET,
    )


def booklet_response(catalogue: ExpertIndexPage) -> HttpResponse:
    pdf = booklet_document(catalogue).get_or_render(lambda: render_booklet(catalogue))
    return pdf_response(pdf, "catalogus-expertbibliotheek.pdf")


def print_material_to_warm() -> Iterator[Printable]:
    """The booklet, flyer and slide of each published catalogue, for `warm_pdf_cache`. Book
    covers (one page each, rendered in well under a second) are left to their first request."""
    for catalogue in ExpertIndexPage.objects.live().order_by("path"):
        yield Printable(
            f"Catalogusboekje {catalogue.title}",
            booklet_document(catalogue),
            partial(render_booklet, catalogue),
        )
        yield Printable(
            f"Flyer {catalogue.title}",
            catalogue_document("flyer", catalogue, FLYER),
            partial(render_flyer, catalogue),
        )
        yield Printable(
            f"Dia {catalogue.title}",
            catalogue_document("dia", catalogue, SLIDE),
            partial(render_slide, catalogue),
        )


@task(backend="pdf")
def regenerate_print_material(catalogue_id: int, expert_id: int | None = None) -> None:
    """Render what a publish changed, so the next download comes from the cache."""
    catalogue = ExpertIndexPage.objects.filter(pk=catalogue_id).first()
    if catalogue is None:
        return
    if expert_id is not None:
        expert = ExpertPage.objects.filter(pk=expert_id).live().first()
        if expert is not None:
            cover_document(expert).get_or_render(lambda: render_cover(expert))
    else:
        flyer_pdf(catalogue)
        slide_pdf(catalogue)
    booklet_document(catalogue).get_or_render(lambda: render_booklet(catalogue))
