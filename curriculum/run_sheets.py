"""The run sheet (draaiboek): a workshop's programme with clock times for a given start time and
an optional break, and the list of everything the trainer lays out, as a web page and as one
A4 through the site's PDF engine.

The times come from one plain function (`build_run_sheet`); the views only read the form and
pick a template, so the web page and the PDF always show the same schedule.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from cms import rate_limit
from cms.client_address import client_address
from cms.pdf import pdf_response, render_pdf
from curriculum.models import WorkshopPage

WEB_TEMPLATE = "curriculum/run_sheet.html"
PDF_TEMPLATE = "pdf/curriculum/run_sheet.html"
PDF_CSS = ("css/pdf-run-sheet.css",)

DEFAULT_START = "13:30"
MAX_BREAK_MINUTES = 60
PDFS_PER_CLIENT_PER_HOUR = 120  # a trainer tries a few start times; a script tries thousands
MINUTES_PER_DAY = 24 * 60
BREAK_PART = "Pauze"
# A part whose description participants get on paper: they find it in the handout.
PARTICIPANT_PRINTS = "hand-out voor deelnemers (casus en vragen), één per deelnemer"
BREAK_RULE = (
    "De pauze valt tussen twee onderdelen, zo dicht mogelijk bij de helft van het programma "
    "(bij gelijke afstand de eerste van de twee)."
)
START_ERROR = "Schrijf de begintijd in cijfers, bijvoorbeeld 13:30 voor half twee ’s middags."
EARLIEST_START = 6 * 60  # a start before 06:00 is a 12-hour time: 1:30 meant 13:30
BREAK_ERROR = f"Vul voor de pauze 0 tot {MAX_BREAK_MINUTES} minuten in, of laat het veld leeg."


def clock(minutes: int) -> str:
    """Minutes after midnight as a clock time: 810 → '13:30'."""
    hours, rest = divmod(minutes, 60)
    return f"{hours:02d}:{rest:02d}"


def unique(items: Iterable[str]) -> list[str]:
    """Each material once, in the order it first appears; 'Flap-over' and 'flap-over ' are one."""
    seen: set[str] = set()
    result = []
    for item in items:
        text = " ".join(str(item).split())
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return result


@dataclass(frozen=True)
class Part:
    """One part of the programme as the run sheet needs it."""

    minutes: int
    part: str
    materials: tuple[str, ...] = ()


def part_materials(session: dict) -> tuple[str, ...]:
    """The part's own materials, then those of its work methods, then the printed case."""
    items = list(session.get("materials") or ())
    for method in session.get("work_methods") or ():
        if method is not None:
            items.extend(method.material_list)
    if session.get("for_participants"):
        items.append(PARTICIPANT_PRINTS)
    return tuple(unique(items))


def programme_parts(workshop: WorkshopPage) -> list[Part]:
    return [
        Part(
            minutes=block.value["minutes"],
            part=block.value["part"],
            materials=part_materials(block.value),
        )
        for block in workshop.programme
    ]


def break_after(minutes: Sequence[int]) -> int | None:
    """The index of the part after which the break falls: the boundary between two parts that
    lies closest to half the programme, the earlier one on a tie. None for fewer than two parts."""
    if len(minutes) < 2:
        return None
    half = sum(minutes) / 2
    elapsed = 0
    best: tuple[float, int] | None = None
    for index, length in enumerate(minutes[:-1]):
        elapsed += length
        distance = abs(elapsed - half)
        if best is None or distance < best[0]:
            best = (distance, index)
    return best[1] if best else None


@dataclass(frozen=True)
class Row:
    start: int  # minutes after midnight
    end: int
    minutes: int
    part: str
    materials: tuple[str, ...] = ()
    is_break: bool = False

    @property
    def start_clock(self) -> str:
        return clock(self.start)

    @property
    def end_clock(self) -> str:
        return clock(self.end)


@dataclass(frozen=True)
class ChecklistItem:
    material: str
    parts: tuple[str, ...]  # the parts that need it
    starts: tuple[str, ...]  # and when they start (the PDF's short reference)


@dataclass(frozen=True)
class RunSheet:
    start: int
    end: int
    programme_minutes: int
    break_minutes: int
    rows: tuple[Row, ...]
    checklist: tuple[ChecklistItem, ...]

    @property
    def start_clock(self) -> str:
        return clock(self.start)

    @property
    def end_clock(self) -> str:
        return clock(self.end)

    @property
    def has_break(self) -> bool:
        return any(row.is_break for row in self.rows)

    def query(self) -> str:
        """The parameters that show this same sheet (for the PDF link)."""
        params = {"start": self.start_clock}
        if self.has_break:
            params["pauze"] = str(self.break_minutes)
        return urlencode(params)


def checklist(rows: Iterable[Row]) -> tuple[ChecklistItem, ...]:
    """Every material once, in order of first use, with the parts that need it."""
    used_in: dict[str, tuple[str, list[Row]]] = {}
    for row in rows:
        for material in row.materials:
            used_in.setdefault(material.casefold(), (material, []))[1].append(row)
    return tuple(
        ChecklistItem(
            material,
            parts=tuple(unique(row.part for row in uses)),
            starts=tuple(row.start_clock for row in uses),
        )
        for material, uses in used_in.values()
    )


def build_run_sheet(parts: Sequence[Part], start: int, break_minutes: int = 0) -> RunSheet:
    """The programme from `start` (minutes after midnight), with the break as a row of its own
    at the boundary `break_after` chooses. The end is start + programme + break."""
    position = break_after([part.minutes for part in parts]) if break_minutes else None
    rows: list[Row] = []
    now = start
    for index, part in enumerate(parts):
        rows.append(Row(now, now + part.minutes, part.minutes, part.part, part.materials))
        now += part.minutes
        if index == position:
            rows.append(Row(now, now + break_minutes, break_minutes, BREAK_PART, is_break=True))
            now += break_minutes
    return RunSheet(
        start=start,
        end=now,
        programme_minutes=sum(part.minutes for part in parts),
        break_minutes=break_minutes if position is not None else 0,
        rows=tuple(rows),
        checklist=checklist(rows),
    )


class StartTimeField(forms.TimeField):
    """A clock time as people type it on a phone: 13:30, 13.30, 13,30, 13u30, 1330, 13 uur."""

    def to_python(self, value):
        text = (value or "").strip().lower().removesuffix("uur").strip().removesuffix("u")
        text = text.replace(" ", "")
        if text.isdigit() and len(text) in (3, 4):  # 1330, 930
            text = f"{text[:-2]}:{text[-2:]}"
        elif text.isdigit() and len(text) <= 2:  # 13 (uur)
            text = f"{text}:00"
        for separator in ".,uh":
            text = text.replace(separator, ":")
        return super().to_python(text)

    def validate(self, value) -> None:
        super().validate(value)
        if value is not None and value.hour * 60 + value.minute < EARLIEST_START:
            raise forms.ValidationError(
                f"Een workshop om {value:%H:%M} ’s nachts? Schrijf de tijd als 24-uurs tijd: "
                f"bedoel je {value.hour + 12:02d}:{value.minute:02d}?",
                code="night",
            )


class RunSheetForm(forms.Form):
    """The start time and break of the query string (?start=13:30&pauze=15), in Dutch."""

    start = StartTimeField(
        label="Begintijd",
        input_formats=["%H:%M"],
        help_text="Bijvoorbeeld 13:30 (ook 13.30 of 1330).",
        error_messages={"required": START_ERROR, "invalid": START_ERROR},
        # The plain keyboard: a phone's number pad lacks the colon (and in Dutch the dot).
        widget=forms.TextInput(attrs={"autocomplete": "off", "size": 6}),
    )
    pauze = forms.IntegerField(
        label="Pauze in minuten",
        required=False,
        min_value=0,
        max_value=MAX_BREAK_MINUTES,
        help_text=f"0 tot {MAX_BREAK_MINUTES}; leeg: geen pauze.",
        error_messages={"invalid": BREAK_ERROR, "min_value": BREAK_ERROR, "max_value": BREAK_ERROR},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args, parts: Sequence[Part], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.parts = list(parts)

    def clean(self) -> dict:
        cleaned = super().clean()
        start: datetime.time | None = cleaned.get("start")
        break_minutes = cleaned.get("pauze") or 0
        if break_minutes and len(self.parts) < 2:
            self.add_error(
                "pauze",
                "Dit programma heeft maar één onderdeel: een pauze kan nergens tussen. "
                "Laat de pauze leeg.",
            )
            return cleaned
        if start is not None and "pauze" not in self.errors:
            length = sum(part.minutes for part in self.parts) + break_minutes
            begin = start.hour * 60 + start.minute
            if begin + length >= MINUTES_PER_DAY:
                latest = MINUTES_PER_DAY - 1 - length
                advice = (
                    f"Kies uiterlijk {clock(latest)} als begintijd."
                    if latest >= 0
                    else "Dit programma past niet in één dag."
                )
                self.add_error(
                    "start",
                    f"Met deze begintijd loopt de workshop door tot na middernacht "
                    f"({length} minuten vanaf {clock(begin)}). {advice}",
                )
        return cleaned

    def run_sheet(self) -> RunSheet:
        """The schedule of a valid form."""
        start: datetime.time = self.cleaned_data["start"]
        return build_run_sheet(
            self.parts, start.hour * 60 + start.minute, self.cleaned_data.get("pauze") or 0
        )


def run_sheet_form(query: QueryDict, parts: Sequence[Part]) -> RunSheetForm:
    """The form bound to the query string; without a start time it shows 13:30."""
    data = query.copy()
    data.setdefault("start", DEFAULT_START)
    return RunSheetForm(data, parts=parts)


def run_sheet_view(request: HttpRequest, workshop: WorkshopPage) -> HttpResponse:
    form = run_sheet_form(request.GET, programme_parts(workshop))
    valid = form.is_valid()
    sheet = form.run_sheet() if valid else None
    response = workshop.render(
        request,
        template=WEB_TEMPLATE,
        context_overrides={
            "form": form,
            "run_sheet": sheet,
            "pdf_query": sheet.query() if sheet else "",
            "break_rule": BREAK_RULE,
        },
    )
    if not valid:
        response.status_code = 400
    return response


def render_run_sheet(workshop: WorkshopPage, sheet: RunSheet) -> bytes:
    """One A4. A long programme with many materials can run onto a second page; then the sheet
    is rendered once more in compact type. Most sheets fit the first time."""
    pdf = render_run_sheet_pdf(workshop, sheet, compact=False)
    if page_count(pdf) > 1:
        pdf = render_run_sheet_pdf(workshop, sheet, compact=True)
    return pdf


def render_run_sheet_pdf(workshop: WorkshopPage, sheet: RunSheet, *, compact: bool) -> bytes:
    return render_pdf(
        PDF_TEMPLATE,
        {
            "workshop": workshop,
            "series": workshop.series,
            "run_sheet": sheet,
            "break_rule": BREAK_RULE,
            "compact": compact,
            "document_title": f"Draaiboek deel {workshop.part_number}: {workshop.title}",
        },
        extra_css=PDF_CSS,
    )


def page_count(pdf: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def run_sheet_pdf_view(request: HttpRequest, workshop: WorkshopPage) -> HttpResponse:
    # Not cached on disk like the guide: every start time and break is another document, and
    # one small page renders in a fraction of a second. That makes it the one PDF anyone can
    # make the server render at will, hence a limit per client.
    form = run_sheet_form(request.GET, programme_parts(workshop))
    valid = form.is_valid()
    if not rate_limit.take(f"run-sheet-pdf:{client_address(request)}", PDFS_PER_CLIENT_PER_HOUR):
        form.add_error(
            None, "Je hebt het afgelopen uur veel draaiboeken gemaakt. Probeer het later opnieuw."
        )
        return invalid_pdf_request(request, workshop, form, status=429)
    if not valid:
        return invalid_pdf_request(request, workshop, form)
    sheet = form.run_sheet()
    return pdf_response(render_run_sheet(workshop, sheet), f"draaiboek-{workshop.slug}.pdf")


def invalid_pdf_request(
    request: HttpRequest, workshop: WorkshopPage, form: RunSheetForm, status: int = 400
) -> HttpResponse:
    """A short page instead of a PDF: what is wrong, and a link to the form that shows it."""
    back = workshop.url + workshop.reverse_subpage("run_sheet")
    if request.GET:
        back += "?" + request.GET.urlencode()
    errors = format_html_join(
        "",
        "<li>{}: {}</li>",
        (
            (form.fields[name].label if name in form.fields else "Draaiboek", message)
            for name, messages in form.errors.items()
            for message in messages
        ),
    )
    html = format_html(
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Draaiboek niet gemaakt</title></head><body><main>"
        "<h1>Het draaiboek kan niet worden gemaakt</h1><ul>{}</ul>"
        '<p><a href="{}">Terug naar het draaiboek van ‘{}’</a> om de begintijd of pauze aan '
        "te passen.</p></main></body></html>",
        errors,
        back,
        workshop.title,
    )
    return HttpResponse(html, status=status, content_type="text/html; charset=utf-8")
