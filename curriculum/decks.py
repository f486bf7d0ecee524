"""The slide deck of a workshop, for the trainer in class: a 16:9 PDF and an editable PowerPoint
file with presenter notes.

`deck_slides()` turns a workshop page into a list of plain `Slide`s; both renderers (the HTML
template for the PDF engine and python-pptx) draw exactly that list, so the two files never
disagree. Long texts are fitted here, once, by measuring the words with the site's own font
(Liberation Sans, metric-compatible with the Arial that PowerPoint uses): a slide's text
shrinks in steps and, when even the smallest step does not fit, continues on a slide titled
"… (vervolg)". Both files are cached on disk per revision, like the trainer guide.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, partial
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup, NavigableString, Tag
from django.http import HttpResponse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from PIL import ImageFont
from wagtail.rich_text import expand_db_html

from cms.pdf import CachedPDF, Printable, pdf_response, render_pdf, static_file
from cms.qr import qr_png, qr_svg
from cms.text import single_line, xml_safe
from curriculum.guides import published_workshops, workshop_versions
from curriculum.models import WorkMethod, WorkshopPage

DECK_TEMPLATE = "pdf/curriculum/deck.html"
DECK_CSS = ("css/pdf-deck.css",)
DECK_TEMPLATES = (DECK_TEMPLATE, *DECK_CSS)
PPTX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
LANGUAGE = "nl-NL"

# --- the slide's geometry, in points, shared by pdf-deck.css and the PowerPoint file ---
# (pdf-deck.css repeats these numbers in inches; change both together.)
SLIDE_WIDTH = 960.0  # 13.333 in: PowerPoint's 16:9
SLIDE_HEIGHT = 540.0  # 7.5 in
MARGIN_X = 54.0  # 0.75 in
KICKER_TOP, KICKER_HEIGHT = 25.2, 25.2  # 0.35 in
TITLE_TOP, TITLE_HEIGHT = 50.4, 82.8  # 0.7 in, 1.15 in
BODY_TOP = 144.0  # 2.0 in
BODY_BOTTOM = 507.6  # 7.05 in: the slide number sits below
CONTENT_WIDTH = SLIDE_WIDTH - 2 * MARGIN_X
BODY_HEIGHT = BODY_BOTTOM - BODY_TOP
LIST_INDENT = 36.0  # 0.5 in per list level: room for "10."
QUOTE_INDENT = 28.8  # 0.4 in: a quotation and its source stand in from the left
LINE_HEIGHT = 1.2  # × font size, in both files
PARAGRAPH_SPACE = 0.4  # × font size, after each paragraph or list item
CELL_PADDING_X, CELL_PADDING_Y = 7.2, 5.4  # 0.1 in, 0.075 in
# Columns of the programme table: start, duration, part.
TABLE_COLUMNS = (108.0, 144.0, CONTENT_WIDTH - 252.0)

# Font sizes tried in turn: the largest that fits wins; readable from the back of a room.
BODY_SIZES = (24, 22, 20)
TABLE_SIZES = (24, 22, 20)
TITLE_SIZES = (36, 32, 28)
TITLE_MAX_ROWS = 2
TITLE_LINE_HEIGHT = 1.1
KICKER_SIZE = 18
# Measured widths are a little short of what layout engines produce (kerning, bold runs,
# a bullet's own width): keep a margin.
WIDTH_SAFETY = 1.05
HEIGHT_SAFETY = 0.95
MAX_LEVEL = 2  # deeper rich-text lists are drawn at the third level


# --- the deck's content ---


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    href: str = ""


@dataclass(frozen=True)
class Line:
    """One paragraph or list item on a slide.

    `list_kind` is "" for a paragraph, "ul" or "ol" for a list item; `number` is an ordered
    item's number (kept across continuation slides); `style` is "", "quote" or "source"."""

    runs: tuple[Run, ...]
    level: int = 0
    list_kind: str = ""
    number: int = 0
    style: str = ""

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    @property
    def html(self) -> SafeString:
        """The runs as inline HTML for the PDF template."""
        parts = []
        for run in self.runs:
            part = conditional_escape(run.text)
            if run.bold:
                part = format_html("<strong>{}</strong>", part)
            if run.italic:
                part = format_html("<em>{}</em>", part)
            if run.href:
                part = format_html('<a href="{}">{}</a>', run.href, part)
            parts.append(part)
        return SafeString("".join(parts))

    @property
    def marker(self) -> str:
        if self.list_kind == "ol":
            return f"{self.number}."
        if self.list_kind == "ul":
            return "•" if self.level == 0 else "–"
        return ""


@dataclass(frozen=True)
class Row:
    """A row of the programme table: running start offset, duration and part."""

    start: str
    duration: str
    part: str
    is_total: bool = False


# The minute of the workshop each part starts at: "0:10" read like ten past midnight, and the
# clock times belong to the run sheet, which knows the start time and the break.
PROGRAMME_HEADER = Row("Minuut", "Duur", "Onderdeel")


@dataclass(frozen=True)
class QRCode:
    label: str
    url: str

    def svg(self) -> SafeString:
        # The SVG's own <title> becomes the figure's alternative text in the tagged PDF.
        svg = str(qr_svg(self.url))
        opening = svg.index(">") + 1
        return SafeString(
            svg[:opening] + format_html("<title>{}</title>", self.alt) + svg[opening:]
        )

    def png(self) -> bytes:
        return qr_png(self.url)

    @property
    def alt(self) -> str:
        return f"QR-code naar {self.label[:1].lower()}{self.label[1:]}: {self.url}"


@dataclass
class Slide:
    """One slide, as both renderers draw it."""

    kind: str  # title, essence, goals, programme, part, case, reading, more, closing
    title: str
    kicker: str = ""
    subtitle: list[str] = field(default_factory=list)  # the title slide's lines
    lines: list[Line] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    qr: list[QRCode] = field(default_factory=list)
    notes: str = ""
    body_pt: int = BODY_SIZES[0]
    title_pt: int = TITLE_SIZES[0]
    continued: bool = False

    @property
    def blocks(self) -> list[Block]:
        """The lines nested as HTML wants them: paragraphs, quotes and (nested) lists."""
        return nest(self.lines)


@dataclass
class Block:
    kind: str  # p, quote, source, ul, ol
    start: int = 1
    items: list[Item] = field(default_factory=list)


@dataclass
class Item:
    line: Line
    children: list[Block] = field(default_factory=list)


def nest(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        kind = line.list_kind or line.style or "p"
        if not blocks or blocks[-1].kind != kind or kind in ("p", "quote", "source"):
            blocks.append(Block(kind, start=line.number or 1))
        # Deeper lines right after this one belong inside it.
        end = index + 1
        while end < len(lines) and lines[end].level > line.level:
            end += 1
        blocks[-1].items.append(Item(line, nest(lines[index + 1 : end])))
        index = end
    return blocks


# --- rich text to lines ---

INLINE_FORMATS = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic"}


def rich_lines(html: str, base_url: str = "") -> list[Line]:
    """Wagtail rich text as lines: paragraphs and list items, numbering and levels kept."""
    soup = BeautifulSoup(expand_db_html(html or ""), "html.parser")
    lines: list[Line] = []
    loose: list[Run] = []

    def flush_loose() -> None:
        line = make_line(loose)
        if line:
            lines.append(line)
        loose.clear()

    for node in soup.children:
        if isinstance(node, Tag) and node.name in ("ul", "ol"):
            flush_loose()
            list_lines(node, 0, lines, base_url)
        elif isinstance(node, Tag) and node.name in ("p", "h2", "h3", "h4", "h5", "h6", "div"):
            flush_loose()
            line = make_line(inline_runs(node, base_url))
            if line:
                lines.append(line)
        else:
            loose.extend(inline_runs(node, base_url))
    flush_loose()
    return lines


def list_lines(element: Tag, level: int, lines: list[Line], base_url: str) -> None:
    kind = element.name
    number = int(element.get("start") or 1) if kind == "ol" else 0
    for item in element.find_all("li", recursive=False):
        if kind == "ol" and item.get("value"):
            number = int(item["value"])
        runs = []
        for child in item.children:
            if not (isinstance(child, Tag) and child.name in ("ul", "ol")):
                runs.extend(inline_runs(child, base_url))
        line = make_line(runs, level=min(level, MAX_LEVEL), list_kind=kind, number=number)
        if line:
            lines.append(line)
        for sublist in item.find_all(["ul", "ol"], recursive=False):
            list_lines(sublist, level + 1, lines, base_url)
        if kind == "ol":
            number += 1


def inline_runs(node, base_url: str, bold=False, italic=False, href="") -> list[Run]:
    if isinstance(node, NavigableString):
        return [Run(str(node), bold, italic, href)] if str(node) else []
    if not isinstance(node, Tag):
        return []
    if node.name == "br":
        return [Run(" ", bold, italic, href)]
    if node.name in INLINE_FORMATS:
        bold = bold or INLINE_FORMATS[node.name] == "bold"
        italic = italic or INLINE_FORMATS[node.name] == "italic"
    if node.name == "a" and node.get("href"):
        target = urljoin(base_url, node["href"]) if base_url else node["href"]
        if re.match(r"^(https?:|mailto:)", target):
            href = target
    runs = []
    for child in node.children:
        runs.extend(inline_runs(child, base_url, bold, italic, href))
    return runs


def make_line(runs: list[Run], **fields) -> Line | None:
    """Collapse white space as a browser would and merge runs with the same formatting."""
    merged: list[Run] = []
    for run in runs:
        text = re.sub(r"\s+", " ", run.text)
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (
            run.bold,
            run.italic,
            run.href,
        ):
            merged[-1] = Run(merged[-1].text + text, run.bold, run.italic, run.href)
        else:
            merged.append(Run(text, run.bold, run.italic, run.href))
    if merged:
        merged[0] = Run(merged[0].text.lstrip(), merged[0].bold, merged[0].italic, merged[0].href)
        merged[-1] = Run(
            merged[-1].text.rstrip(), merged[-1].bold, merged[-1].italic, merged[-1].href
        )
    merged = [run for run in merged if run.text]
    return Line(tuple(merged), **fields) if merged else None


def plain(text: str, style: str = "") -> Line:
    return Line((Run(text, italic=style == "quote"),), style=style)


def bullet(text: str, level: int = 0, bold_lead: str = "") -> Line:
    runs = (Run(bold_lead, bold=True), Run(text)) if bold_lead else (Run(text),)
    return Line(runs, level=level, list_kind="ul")


def notes_text(lines: list[Line]) -> str:
    """Lines as plain text for the presenter notes: markers kept, links spelled out."""
    out = []
    for line in lines:
        text = ""
        for run in line.runs:
            text += run.text
            if run.href and run.href.rstrip("/") not in run.text:
                text += f" ({run.href})"
        marker = f"{line.marker} " if line.marker else ""
        out.append("    " * line.level + marker + text)
    return "\n".join(out)


def links_of(lines: list[Line]) -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for line in lines:
        for run in line.runs:
            if run.href and run.href not in found:
                found[run.href] = run.text.strip()
    return [(text, url) for url, text in found.items()]


# --- measuring: how much text fits on a slide ---


@cache
def font(size: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "LiberationSans-Bold.ttf" if bold else "LiberationSans-Regular.ttf"
    # Measured at ten times the size for sub-point precision.
    return ImageFont.truetype(str(static_file(f"fonts/{name}")), int(size * 10))


def text_width(text: str, size: float, bold: bool = False) -> float:
    return font(size, bold).getlength(text) / 10 * WIDTH_SAFETY


def wrapped_rows(text: str, size: float, width: float, bold: bool = False) -> int:
    """How many rows a text takes when wrapped at word boundaries in a box this wide."""
    rows, current = 1, ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            rows += 1
            current = word
        else:
            current = candidate
    return rows


def line_indent(line: Line) -> float:
    if line.list_kind:
        return (line.level + 1) * LIST_INDENT
    return QUOTE_INDENT if line.style in ("quote", "source") else 0.0


def line_height(line: Line, size: float) -> float:
    rows = wrapped_rows(line.text, size, CONTENT_WIDTH - line_indent(line))
    return rows * size * LINE_HEIGHT + size * PARAGRAPH_SPACE


def lines_fit(lines: list[Line], size: float) -> bool:
    return sum(line_height(line, size) for line in lines) <= BODY_HEIGHT * HEIGHT_SAFETY


def row_height(row: Row, size: float) -> float:
    rows = wrapped_rows(row.part, size, TABLE_COLUMNS[2] - 2 * CELL_PADDING_X, bold=True)
    return rows * size * LINE_HEIGHT + 2 * CELL_PADDING_Y


def rows_fit(rows: list[Row], size: float) -> bool:
    header = PROGRAMME_HEADER
    total = sum(row_height(row, size) for row in [header, *rows])
    return total <= BODY_HEIGHT * HEIGHT_SAFETY


def title_size(title: str) -> int:
    for size in TITLE_SIZES:
        if wrapped_rows(title, size, CONTENT_WIDTH, bold=True) <= TITLE_MAX_ROWS:
            return size
    return TITLE_SIZES[-1]


MAX_CARRIED = 6  # lines moved to the next slide to keep a list item with its sub-items


def keep_together(items: list, index: int) -> bool:
    """Whether a slide should not break between items[index] and the next: the line leads
    into it (a sentence ending in ':', an item with sub-items) or the next is a sub-item."""
    if index + 1 >= len(items) or not isinstance(items[index], Line):
        return False
    line, following = items[index], items[index + 1]
    return following.level > 0 or line.text.rstrip().endswith(":")


def split(items: list, size: float, fits) -> list[list]:
    """Greedy: as many items per slide as fit, without separating what belongs together
    (within limits: a very long sub-list still breaks)."""
    chunks: list[list] = [[]]
    for index, item in enumerate(items):
        if chunks[-1] and not fits([*chunks[-1], item], size):
            carry: list = []
            while (
                len(chunks[-1]) > 1
                and len(carry) < MAX_CARRIED
                and keep_together(items, index - len(carry) - 1)
            ):
                carry.insert(0, chunks[-1].pop())
            if carry and not fits([*carry, item], size):
                chunks[-1].extend(carry)  # moving them would not fit either
                carry = []
            chunks.append(carry)
        chunks[-1].append(item)
    return chunks


def fitted(items: list, sizes: tuple[int, ...], fits) -> tuple[int, list[list]]:
    """The font size and the slides' share of the items: the fewest slides, at the largest
    size that gives that number."""
    best: tuple[int, list[list]] | None = None
    for size in sizes:
        if fits(items, size):
            return size, [items]
        chunks = split(items, size, fits)
        if best is None or len(chunks) < len(best[1]):
            best = (size, chunks)
    return best


def fit(slide: Slide) -> list[Slide]:
    """The slide as it will be drawn: text sizes chosen and, if needed, continued."""
    if slide.rows:
        size, chunks = fitted(slide.rows, TABLE_SIZES, rows_fit)
        parts = [{"rows": chunk} for chunk in chunks]
    elif slide.lines:
        size, chunks = fitted(slide.lines, BODY_SIZES, lines_fit)
        parts = [{"lines": chunk} for chunk in chunks]
    else:
        size, parts = BODY_SIZES[0], [{}]
    slides = []
    for index, part in enumerate(parts):
        # Distinct titles: PowerPoint's accessibility check flags slides with the same title.
        title = slide.title if index == 0 else f"{slide.title} (vervolg)"
        if index > 1:
            title = f"{slide.title} (vervolg {index})"
        slides.append(
            replace(
                slide,
                **{"rows": [], "lines": [], **part},
                title=title,
                body_pt=size,
                title_pt=title_size(title),
                continued=index > 0,
            )
        )
    return slides


# --- the deck ---


def method_url(workshop: WorkshopPage, method: WorkMethod) -> str:
    series = workshop.series
    base = (series.get_full_url() or series.url) if series else ""
    return f"{base}werkvormen/#{method.anchor}"


def method_notes(workshop: WorkshopPage, methods: list[WorkMethod]) -> list[str]:
    return [
        f"Werkvorm: {method.name}. {method.description}\nUitleg: {method_url(workshop, method)}"
        for method in methods
    ]


def site_base_url(workshop: WorkshopPage) -> str:
    site = workshop.get_site()
    return site.root_url if site else ""


def deck_author(workshop: WorkshopPage) -> str:
    """The workshop's own authors; a workshop without them is the site's, not the series'
    authors' (example content must not carry their names)."""
    names = [author.value["name"] for author in workshop.authors]
    if names:
        return ", ".join(names)
    from cms.models import SiteSettings

    site = workshop.get_site()
    organisation = SiteSettings.for_site(site).organisation_name if site else ""
    series = workshop.series
    return organisation or (series.series_title if series else "")


@dataclass(frozen=True)
class Timed:
    """A programme part with its running start, in minutes from the workshop's start."""

    number: int
    start: int
    session: dict

    @property
    def minutes(self) -> int:
        return self.session["minutes"]

    @property
    def span(self) -> str:
        return f"minuut {self.start}–{self.start + self.minutes}"


def timed_programme(workshop: WorkshopPage) -> list[Timed]:
    parts, elapsed = [], 0
    for number, block in enumerate(workshop.programme, start=1):
        parts.append(Timed(number, elapsed, block.value))
        elapsed += block.value["minutes"]
    return parts


def used_methods(session: dict) -> list[WorkMethod]:
    return [method for method in session["work_methods"] if method is not None]


def deck_slides(workshop: WorkshopPage) -> list[Slide]:
    """The deck's slides, in order, with their presenter notes, fitted to the slide."""
    programme = timed_programme(workshop)
    slides = [
        title_slide(workshop),
        essence_slide(workshop),
        goals_slide(workshop),
        programme_slide(programme),
        *part_slides(workshop, programme),
        reading_slide(workshop),
        more_slide(workshop),
        closing_slide(workshop, programme),
    ]
    return [drawn for slide in slides if slide is not None for drawn in fit(xml_clean(slide))]


def xml_clean(slide: Slide) -> Slide:
    """The slide's texts as the .pptx can store them (see cms.text), before they are fitted."""

    def clean_line(line: Line) -> Line:
        runs = tuple(replace(run, text=xml_safe(run.text)) for run in line.runs)
        return replace(line, runs=runs)

    return replace(
        slide,
        title=single_line(slide.title),
        kicker=single_line(slide.kicker),
        subtitle=[single_line(text) for text in slide.subtitle],
        lines=[clean_line(line) for line in slide.lines],
        rows=[replace(row, part=single_line(row.part)) for row in slide.rows],
        qr=[replace(code, label=single_line(code.label)) for code in slide.qr],
        notes=xml_safe(slide.notes),
    )


def title_slide(workshop: WorkshopPage) -> Slide:
    essence = workshop.essence
    series_title = workshop.series.series_title if workshop.series else ""
    subtitle = [f"Deel {workshop.part_number}", f"Essentie: {essence.name}"]
    notes = [
        f"Workshop deel {workshop.part_number} van de reeks ‘{series_title}’, "
        f"{workshop.duration_minutes} minuten, over de essentie {essence.name}."
    ]
    preparation = [task.value["text"] for task in workshop.participant_preparation]
    if preparation:
        notes.append("De deelnemers bereidden zich voor:\n" + bullets_text(preparation))
    if workshop.is_example_content:
        subtitle.append(workshop.get_content_status_display())
        notes.append("Let op: dit is voorbeeldinhoud, nog niet vastgesteld door de redactie.")
    return Slide(
        "title", workshop.title, kicker=series_title, subtitle=subtitle, notes="\n\n".join(notes)
    )


def essence_slide(workshop: WorkshopPage) -> Slide:
    """The essence, opened by its quotation or else summed up: a summary is no quotation."""
    essence = workshop.essence
    lines: list[Line] = []
    notes = []
    if essence.quotation:
        lines.append(plain(essence.quotation, "quote"))
        if essence.quotation_source:
            lines.append(plain(f"— {essence.quotation_source}", "source"))
        if essence.description:
            notes.append(f"Samenvatting van de essentie: {essence.description}")
    elif essence.description:
        lines.append(plain(essence.description))
    if essence.kwaliteitskader_url:
        notes.append(f"Meer over deze essentie: {essence.kwaliteitskader_url}")
    kicker = "Kwaliteitskader palliatieve zorg Nederland"
    if essence.kwaliteitskader_section:
        kicker += f" · {essence.kwaliteitskader_section}"
    return Slide(
        "essence",
        f"Essentie: {essence.name}",
        kicker=kicker,
        lines=lines,
        notes="\n\n".join(notes),
    )


def goals_slide(workshop: WorkshopPage) -> Slide:
    goals = [block.value for block in workshop.learning_goals]
    return Slide(
        "goals",
        "Leerdoelen",
        lines=[plain("De deelnemer:"), *(bullet(goal) for goal in goals)],
        notes="Aan het eind van de workshop kijk je samen terug op deze leerdoelen.",
    )


def programme_slide(programme: list[Timed]) -> Slide:
    """The programme with running start times; the run sheet turns them into clock times."""
    total = sum(part.minutes for part in programme)
    rows = [Row(str(part.start), f"{part.minutes} min", part.session["part"]) for part in programme]
    rows.append(Row(str(total), f"{total} min", "Einde (totaal)", is_total=True))
    notes = [
        f"Totaal {total} minuten, zonder pauze. Kloktijden en een pauze: zie het draaiboek "
        "op de webpagina van de workshop."
    ]
    for part in programme:
        names = [method.name for method in used_methods(part.session)]
        if names:
            notes.append(f"{part.session['part']}: {', '.join(names)}")
    return Slide(
        "programme", "Programma", kicker=f"{total} minuten", rows=rows, notes="\n".join(notes)
    )


def part_slides(workshop: WorkshopPage, programme: list[Timed]) -> Iterator[Slide]:
    """One slide per part. A part for the participants is the case slide: its kicker says so
    and it stays on the screen while the groups work (a second, identical slide would only
    make the trainer click back and forth)."""
    base_url = site_base_url(workshop)
    for part in programme:
        session = part.session
        timing = f"{part.span} · {part.minutes} minuten"
        kind, kicker = "part", f"Onderdeel {part.number} van {len(programme)} · {timing}"
        notes = part_notes(workshop, part, base_url)
        if session.get("for_participants"):
            kind, kicker = "case", f"Opdracht voor de deelnemers · {timing}"
            extra = ["Laat deze dia staan terwijl de deelnemers in groepjes werken."]
            if workshop.essence.book_chapter:
                extra.append(f"Boek: {workshop.essence.book_chapter}.")
            notes = "\n\n".join([notes, *extra])
        yield Slide(
            kind,
            session["part"],
            kicker=kicker,
            lines=rich_lines(session["description"].source, base_url),
            notes=notes,
        )


def part_notes(workshop: WorkshopPage, part: Timed, base_url: str) -> str:
    session = part.session
    sections = [f"Tijd: {part.minutes} minuten ({part.span})."]
    tips = rich_lines(session["tips"].source if session["tips"] else "", base_url)
    if tips:
        sections.append("Tips voor de trainer:\n" + notes_text(tips))
    methods = used_methods(session)
    sections.extend(method_notes(workshop, methods))
    materials = list(session.get("materials") or [])
    for method in methods:
        materials.extend(method.material_list)
    if materials:
        sections.append("Klaarleggen: " + "; ".join(dict.fromkeys(materials)) + ".")
    links = links_of(rich_lines(session["description"].source, base_url))
    if links:
        sections.append("Links op deze dia:\n" + "\n".join(f"{t}: {u}" for t, u in links))
    return "\n\n".join(sections)


def reading_slide(workshop: WorkshopPage) -> Slide | None:
    essence = workshop.essence
    if not essence.reading_question:
        return None
    lines = [plain(essence.reading_question, "quote")]
    if essence.book_chapter:
        lines.append(plain(essence.book_chapter, "source"))
    return Slide(
        "reading",
        "Leesvraag",
        kicker=essence.chapter_title,
        lines=lines,
        notes="De deelnemers lazen of luisterden vooraf met deze vraag in gedachten.",
    )


def more_slide(workshop: WorkshopPage) -> Slide | None:
    """QR codes to listen, watch and read further; a missing link has no code."""
    essence = workshop.essence
    codes = []
    if essence.podcast_url:
        codes.append(QRCode(f"De podcast, aflevering {essence.number}", essence.podcast_url))
    if essence.animation_url:
        codes.append(QRCode(f"De animatie {essence.name}", essence.animation_url))
    if essence.kwaliteitskader_url:
        codes.append(QRCode("Het Kwaliteitskader", essence.kwaliteitskader_url))
    if not codes and not essence.book_chapter:
        return None
    lines = [plain(f"Het boek: {essence.book_chapter}")] if essence.book_chapter else []
    return Slide(
        "more",
        "Meer weten",
        kicker=essence.chapter_title,
        lines=lines,
        qr=codes,
        notes="\n".join(f"{code.label}: {code.url}" for code in codes),
    )


def closing_slide(workshop: WorkshopPage, programme: list[Timed]) -> Slide:
    """Back to the learning goals, what participants take away, and the closing part's work
    method with its cards (the traffic light's colours)."""
    methods = used_methods(programme[-1].session) if programme else []
    lines = [
        bullet("Terug naar de leerdoelen: wat is je duidelijk geworden?"),
        bullet("Wat neem je mee naar je eigen werk?"),
    ]
    for method in methods:
        lines.append(plain(f"Afsluiten met: {method.name}"))
        cards = [card.value for card in method.cards]
        if cards:
            lines.extend(bullet(card["text"], bold_lead=f"{card['title']}: ") for card in cards)
        else:
            lines.append(bullet(method.description))
    goals = [block.value for block in workshop.learning_goals]
    notes = ["Leerdoelen – de deelnemer:\n" + bullets_text(goals)]
    notes.extend(method_notes(workshop, methods))
    return Slide("closing", "Afsluiting en reflectie", lines=lines, notes="\n\n".join(notes))


def bullets_text(items: list[str]) -> str:
    return "\n".join(f"• {item}" for item in items)


# --- the PDF ---


def render_deck_pdf(workshop: WorkshopPage) -> bytes:
    slides = deck_slides(workshop)
    series = workshop.series
    return render_pdf(
        DECK_TEMPLATE,
        {
            "workshop": workshop,
            "series": series,
            "slides": slides,
            "slide_count": len(slides),
            "author": deck_author(workshop),
            "document_title": deck_title(workshop),
        },
        extra_css=DECK_CSS,
    )


def deck_title(workshop: WorkshopPage) -> str:
    return f"Presentatie deel {workshop.part_number}: {workshop.title}"


# --- the PowerPoint file ---

EMU_PER_POINT = 12700
PRIMARY = "0B5563"
INK = "1D2327"
MUTED = "4A5560"
SURFACE = "EEF3F4"
ACCENT = "9C3D10"
PPTX_FONT = "Arial"  # what PowerPoint has everywhere; Liberation Sans has the same metrics


def render_deck_pptx(workshop: WorkshopPage) -> bytes:
    from pptx import Presentation

    slides = deck_slides(workshop)
    presentation = Presentation()
    widen_to_16_9(presentation)
    use_site_fonts(presentation)
    for slide in slides:
        draw_slide(presentation, slide)
    properties = presentation.core_properties
    properties.title = single_line(deck_title(workshop))
    properties.author = single_line(deck_author(workshop))
    properties.last_modified_by = single_line(deck_author(workshop))
    properties.subject = single_line(f"Essentie {workshop.essence.name}")
    properties.keywords = "workshop; palliatieve zorg; presentatie met notities"
    properties.category = "Presentatie"
    properties.language = LANGUAGE
    properties.comments = "Gemaakt met de gegevens van de website; je mag de dia's aanpassen."
    properties.revision = 1
    buffer = io.BytesIO()
    presentation.save(buffer)
    return buffer.getvalue()


def pt(value: float) -> int:
    return int(round(value * EMU_PER_POINT))


def widen_to_16_9(presentation) -> None:
    """python-pptx's default template is 4:3; widen the slides and the master's and layouts'
    placeholders, so also the slides a trainer adds later fill the width."""
    factor = SLIDE_WIDTH * EMU_PER_POINT / presentation.slide_width
    presentation.slide_width = pt(SLIDE_WIDTH)
    presentation.slide_height = pt(SLIDE_HEIGHT)
    master = presentation.slide_master
    for shape in [*master.shapes, *(s for layout in master.slide_layouts for s in layout.shapes)]:
        if shape._element.xpath("./p:spPr/a:xfrm"):
            shape.left = int(shape.left * factor)
            shape.width = int(shape.width * factor)


def use_site_fonts(presentation) -> None:
    """The theme's fonts (for text a trainer types) in the site's sans-serif."""
    from pptx.opc.constants import RELATIONSHIP_TYPE

    theme = presentation.slide_master.part.part_related_by(RELATIONSHIP_TYPE.THEME)
    blob = re.sub(
        rb'(<a:(?:major|minor)Font><a:latin typeface=")[^"]+"',
        rb"\g<1>" + PPTX_FONT.encode() + rb'"',
        theme.blob,
    )
    theme._blob = blob  # a plain part: python-pptx keeps its bytes as they are


def draw_slide(presentation, slide: Slide) -> None:
    layouts = presentation.slide_layouts
    if slide.kind == "title":
        page = presentation.slides.add_slide(layouts[0])
        draw_title_slide(page, slide)
    else:
        layout = layouts[1] if slide.lines and not slide.qr else layouts[5]
        page = presentation.slides.add_slide(layout)
        place(page.shapes.title, TITLE_TOP, TITLE_HEIGHT)
        write(
            page.shapes.title.text_frame,
            slide.title,
            slide.title_pt,
            bold=True,
            colour=PRIMARY,
            line_height=TITLE_LINE_HEIGHT,
        )
        page.shapes.title.text_frame.vertical_anchor = anchor("bottom")
        if slide.kicker:
            box = page.shapes.add_textbox(
                pt(MARGIN_X), pt(KICKER_TOP), pt(CONTENT_WIDTH), pt(KICKER_HEIGHT)
            )
            box.name = "Kop"
            write(box.text_frame, slide.kicker, KICKER_SIZE, colour=ACCENT)
            read_after(box, page.shapes.title)
        if slide.lines:
            if slide.qr:
                box = page.shapes.add_textbox(
                    pt(MARGIN_X), pt(BODY_TOP), pt(CONTENT_WIDTH), pt(BODY_HEIGHT * 0.2)
                )
                frame = box.text_frame
            else:
                body = page.placeholders[1]
                place(body, BODY_TOP, BODY_HEIGHT)
                frame = body.text_frame
            write_lines(frame, slide.lines, slide.body_pt)
        if slide.rows:
            draw_table(page, slide)
        if slide.qr:
            draw_qr_codes(page, slide)
    if slide.notes:
        write(page.notes_slide.notes_text_frame, slide.notes, 12)


def place(shape, top: float, height: float) -> None:
    shape.left, shape.top = pt(MARGIN_X), pt(top)
    shape.width, shape.height = pt(CONTENT_WIDTH), pt(height)


def anchor(name: str):
    from pptx.enum.text import MSO_ANCHOR

    return {"top": MSO_ANCHOR.TOP, "bottom": MSO_ANCHOR.BOTTOM, "middle": MSO_ANCHOR.MIDDLE}[name]


def prepare_frame(frame) -> None:
    from pptx.enum.text import MSO_AUTO_SIZE

    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = 0
    frame.margin_top = frame.margin_bottom = 0


def style_run(run, size: float, *, bold=False, italic=False, colour=INK, href="") -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.lang import MSO_LANGUAGE_ID
    from pptx.util import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.name = PPTX_FONT
    run.font.color.rgb = RGBColor.from_string(colour)
    run.font.language_id = MSO_LANGUAGE_ID.DUTCH
    if href:
        run.hyperlink.address = href


def write(
    frame, text: str, size: float, *, bold=False, colour=INK, align="left", line_height=None
) -> None:
    """Plain text, one paragraph per line of `text`, without bullets."""
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    prepare_frame(frame)
    for index, paragraph_text in enumerate(text.split("\n")):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        if line_height:
            paragraph.line_spacing = Pt(size * line_height)
        no_bullet(paragraph)
        paragraph.alignment = PP_ALIGN.CENTER if align == "center" else PP_ALIGN.LEFT
        run = paragraph.add_run()
        run.text = paragraph_text
        style_run(run, size, bold=bold, colour=colour)


def write_lines(frame, lines: list[Line], size: float) -> None:
    """Paragraphs and list items with real bullets and numbers at their levels."""
    from pptx.util import Pt

    prepare_frame(frame)
    previous: Line | None = None
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.level = line.level
        paragraph.line_spacing = Pt(size * LINE_HEIGHT)
        paragraph.space_before = Pt(0)
        paragraph.space_after = Pt(size * PARAGRAPH_SPACE)
        if line.list_kind:
            # A number right after its predecessor is left to PowerPoint, so a trainer who
            # inserts an item gets the rest renumbered; any other number is written out.
            follows = (
                previous is not None
                and previous.list_kind == "ol"
                and previous.level == line.level
                and previous.number == line.number - 1
            )
            list_bullet(paragraph, line, start=not follows)
        else:
            no_bullet(paragraph, line_indent(line))
        colour = MUTED if line.style == "source" else INK
        for run in line.runs:
            text_run = paragraph.add_run()
            text_run.text = run.text
            style_run(
                text_run,
                size,
                bold=run.bold,
                italic=run.italic or line.style == "quote",
                colour=colour,
                href=run.href,
            )
        previous = line


def paragraph_properties(paragraph):
    properties = paragraph._p.get_or_add_pPr()
    for child in list(properties):
        if child.tag.split("}")[1] in ("buNone", "buChar", "buAutoNum", "buFont"):
            properties.remove(child)
    return properties


def no_bullet(paragraph, indent: float = 0.0) -> None:
    from pptx.oxml.ns import qn

    properties = paragraph_properties(paragraph)
    properties.set("marL", str(pt(indent)))
    properties.set("indent", "0")
    properties.append(properties.makeelement(qn("a:buNone"), {}))


def list_bullet(paragraph, line: Line, start: bool = True) -> None:
    from pptx.oxml.ns import qn

    properties = paragraph_properties(paragraph)
    properties.set("marL", str(pt(line_indent(line))))
    properties.set("indent", str(-pt(LIST_INDENT)))
    if line.list_kind == "ol":
        # Real numbering that continues on a continuation slide.
        numbering = {"type": "arabicPeriod"}
        if start:
            numbering["startAt"] = str(line.number)
        properties.append(properties.makeelement(qn("a:buAutoNum"), numbering))
    else:
        properties.append(properties.makeelement(qn("a:buFont"), {"typeface": PPTX_FONT}))
        properties.append(properties.makeelement(qn("a:buChar"), {"char": line.marker}))


def draw_title_slide(page, slide: Slide) -> None:
    from pptx.dml.color import RGBColor

    page.background.fill.solid()
    page.background.fill.fore_color.rgb = RGBColor.from_string(PRIMARY)
    title = page.shapes.title
    place(title, 160, 150)
    write(title.text_frame, slide.title, 44, bold=True, colour="FFFFFF")
    title.text_frame.vertical_anchor = anchor("bottom")
    subtitle = page.placeholders[1]
    place(subtitle, 330, 150)
    write(subtitle.text_frame, "\n".join(slide.subtitle), 24, colour="FFFFFF")
    subtitle.text_frame.vertical_anchor = anchor("top")
    box = page.shapes.add_textbox(pt(MARGIN_X), pt(90), pt(CONTENT_WIDTH), pt(40))
    box.name = "Reeks"
    write(box.text_frame, slide.kicker, 24, colour="FFFFFF")
    read_after(box, subtitle)


def read_after(shape, before) -> None:
    """Screen readers and the outline read shapes in document order: the title first."""
    element = shape._element
    element.getparent().remove(element)
    before._element.addnext(element)


def draw_table(page, slide: Slide) -> None:
    from pptx.dml.color import RGBColor

    size = slide.body_pt
    rows = [PROGRAMME_HEADER, *slide.rows]
    height = sum(row_height(row, size) for row in rows)
    shape = page.shapes.add_table(
        len(rows), 3, pt(MARGIN_X), pt(BODY_TOP), pt(CONTENT_WIDTH), pt(height)
    )
    shape.name = "Programma"
    table = shape.table
    table.first_row = True
    table.horz_banding = False
    for column, width in zip(table.columns, TABLE_COLUMNS, strict=True):
        column.width = pt(width)
    for index, row in enumerate(rows):
        table.rows[index].height = pt(row_height(row, size))
        header = index == 0
        for column, text in enumerate((row.start, row.duration, row.part)):
            cell = table.cell(index, column)
            cell.margin_left = cell.margin_right = pt(CELL_PADDING_X)
            cell.margin_top = cell.margin_bottom = pt(CELL_PADDING_Y)
            cell.fill.solid()
            cell.fill.fore_color.rgb = RGBColor.from_string(
                PRIMARY if header else (SURFACE if row.is_total else "FFFFFF")
            )
            frame = cell.text_frame
            frame.word_wrap = True
            paragraph = frame.paragraphs[0]
            no_bullet(paragraph)
            run = paragraph.add_run()
            run.text = text
            style_run(
                run,
                size,
                bold=header or row.is_total or column == 2,
                colour="FFFFFF" if header else INK,
            )


QR_SIZE = 180.0  # points: 2.5 in, scannable from the middle of a room
QR_CAPTION_WIDTH = 240.0  # centred below its code
QR_STEP = 288.0  # 4 in from one code to the next


def draw_qr_codes(page, slide: Slide) -> None:
    top = BODY_TOP + (BODY_HEIGHT * 0.2 if slide.lines else 0)
    for index, code in enumerate(slide.qr):
        left = MARGIN_X + index * QR_STEP
        picture = page.shapes.add_picture(
            io.BytesIO(code.png()), pt(left), pt(top), pt(QR_SIZE), pt(QR_SIZE)
        )
        picture.name = f"QR-code {code.label}"
        picture._element.nvPicPr.cNvPr.set("descr", code.alt)
        caption = page.shapes.add_textbox(
            pt(left - (QR_CAPTION_WIDTH - QR_SIZE) / 2),
            pt(top + QR_SIZE + 6),
            pt(QR_CAPTION_WIDTH),
            pt(60),
        )
        caption.name = f"Bij de QR-code {code.label}"
        write(caption.text_frame, code.label, 18, align="center")


# --- caching and responses ---


@cache
def code_version() -> str:
    """The deck's layout lives in this module too: a deploy that changes it renders anew."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]


def deck_versions(workshop: WorkshopPage) -> tuple:
    return (
        *workshop_versions(workshop),
        site_base_url(workshop),  # in the QR codes and notes
        deck_author(workshop),
        code_version(),
    )


def deck_pdf_document(workshop: WorkshopPage) -> CachedPDF:
    return CachedPDF(
        name=f"presentatie-pdf-{workshop.pk}",
        versions=deck_versions(workshop),
        templates=DECK_TEMPLATES,
    )


def deck_pptx_document(workshop: WorkshopPage) -> CachedPDF:
    return CachedPDF(
        name=f"presentatie-pptx-{workshop.pk}",
        versions=deck_versions(workshop),
        templates=(),
        suffix=".pptx",
    )


def deck_pdf(workshop: WorkshopPage) -> bytes:
    return deck_pdf_document(workshop).get_or_render(lambda: render_deck_pdf(workshop))


def deck_pptx(workshop: WorkshopPage) -> bytes:
    return deck_pptx_document(workshop).get_or_render(lambda: render_deck_pptx(workshop))


def deck_pdf_response(workshop: WorkshopPage) -> HttpResponse:
    return pdf_response(deck_pdf(workshop), f"presentatie-{workshop.slug}.pdf")


def deck_pptx_response(workshop: WorkshopPage) -> HttpResponse:
    return pdf_response(
        deck_pptx(workshop),
        f"presentatie-{workshop.slug}.pptx",
        inline=False,
        content_type=PPTX_CONTENT_TYPE,
    )


def decks_to_warm() -> Iterator[Printable]:
    """Both files of every published workshop's deck, for `warm_pdf_cache`."""
    for workshop in published_workshops():
        label = f"Presentatie deel {workshop.part_number}: {workshop.title}"
        yield Printable(
            f"{label} (PDF)", deck_pdf_document(workshop), partial(render_deck_pdf, workshop)
        )
        yield Printable(
            f"{label} (PowerPoint)",
            deck_pptx_document(workshop),
            partial(render_deck_pptx, workshop),
        )
