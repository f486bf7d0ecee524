"""The site's identity: the colour system in static/css/site.css meets WCAG AA contrast, the
typeface is served from this site only, and the home page's hero names both paths."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from library.catalogue import criteria
from library.models import ExpertKind
from tests.factories import first_network, make_catalogue, make_home, make_series

ROOT = Path(__file__).resolve().parents[2]
SITE_CSS = ROOT / "static" / "css" / "site.css"
WHITE = "#ffffff"

# (foreground, background, minimum ratio). Text needs 4.5:1 (WCAG 1.4.3, normal size); the
# focus ring and input borders are non-text and need 3:1 (WCAG 1.4.11).
TEXT_COLOURS = [
    "--colour-ink",
    "--colour-muted",
    "--colour-primary",
    "--colour-primary-dark",
    "--colour-accent",
    "--colour-accent-dark",
    "--colour-success",
    "--colour-warning",
    "--colour-error",
    "--colour-available",
    "--colour-absent",
]
TEXT_BACKGROUNDS = [WHITE, "--colour-surface", "--colour-tint"]
# Filled areas with white text on them: buttons, the menu, the hero's paths, book spines.
FILLED = [
    "--colour-ink",
    "--colour-primary",
    "--colour-primary-dark",
    "--colour-accent",
    "--colour-accent-dark",
]
NON_TEXT = [
    ("--colour-focus", "--colour-ink", 3.0),  # the focus ring is yellow inside an ink ring
    ("--colour-muted", WHITE, 3.0),  # input borders
]
# Colours that are only ever a background or decoration, never text on their own.
BACKGROUND_ONLY = {"--colour-surface", "--colour-tint", "--colour-line", "--colour-focus"}


def root_properties(css: str) -> dict[str, str]:
    """The custom properties of the first :root block, var() references resolved."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    block = re.search(r":root\s*\{(.*?)\}", css, flags=re.DOTALL)
    assert block, "site.css has no :root block"
    raw = dict(re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", block.group(1)))

    def resolve(value: str, seen: tuple[str, ...] = ()) -> str:
        match = re.fullmatch(r"var\((--[\w-]+)\)", value.strip())
        if not match:
            return value.strip()
        name = match.group(1)
        assert name in raw and name not in seen, f"var({name}) is not defined in :root"
        return resolve(raw[name], (*seen, name))

    return {name: resolve(value) for name, value in raw.items()}


def luminance(colour: str) -> float:
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(digit * 2 for digit in hex_digits)
    assert re.fullmatch(r"[0-9a-fA-F]{6}", hex_digits), f"not a hex colour: {colour}"
    channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture(scope="module")
def colours() -> dict[str, str]:
    return root_properties(SITE_CSS.read_text(encoding="utf-8"))


def kind_colours(colours: dict[str, str]) -> list[str]:
    return sorted(name for name in colours if name.startswith("--kind-"))


def value(colours: dict[str, str], name: str) -> str:
    return name if name.startswith("#") else colours[name]


def declared_pairs(colours: dict[str, str]) -> list[tuple[str, str, float]]:
    pairs = [(fg, bg, 4.5) for fg in TEXT_COLOURS for bg in TEXT_BACKGROUNDS]
    pairs += [(WHITE, bg, 4.5) for bg in FILLED + kind_colours(colours)]
    return pairs + NON_TEXT


def test_every_declared_colour_pair_meets_wcag_aa(colours):
    failures = [
        f"{fg} on {bg}: {contrast(value(colours, fg), value(colours, bg)):.2f}:1 < {minimum}:1"
        for fg, bg, minimum in declared_pairs(colours)
        if contrast(value(colours, fg), value(colours, bg)) < minimum
    ]
    assert not failures, failures


def test_a_colour_that_loses_contrast_fails():
    # The check itself: a light primary is caught, on white and under white text.
    css = SITE_CSS.read_text(encoding="utf-8").replace(
        "--colour-primary: #0b5563;", "--colour-primary: #5fa3b0;", 1
    )
    colours = root_properties(css)
    assert colours["--colour-primary"] == "#5fa3b0"
    failing = {
        (fg, bg)
        for fg, bg, minimum in declared_pairs(colours)
        if contrast(value(colours, fg), value(colours, bg)) < minimum
    }
    assert ("--colour-primary", WHITE) in failing
    assert (WHITE, "--colour-primary") in failing


def test_every_colour_in_the_system_is_checked(colours):
    # A new colour must be declared as text, filled, kind or background-only, so it is checked.
    checked = {name for pair in declared_pairs(colours) for name in pair[:2]} | BACKGROUND_ONLY
    unchecked = [
        name for name, colour in colours.items() if colour.startswith("#") and name not in checked
    ]
    assert not unchecked, unchecked


def test_there_is_a_colour_for_every_kind_of_expert_and_kind_group(colours):
    names = [*ExpertKind.values, *criteria.KIND_GROUP_LABELS]
    missing = [name for name in names if f"--kind-{name}" not in colours]
    assert not missing, missing


def font_faces(css: str) -> list[str]:
    return re.findall(r"@font-face\s*\{(.*?)\}", css, flags=re.DOTALL)


def test_the_typeface_is_served_by_this_site():
    css = SITE_CSS.read_text(encoding="utf-8")
    faces = font_faces(css)
    assert faces, "site.css declares no @font-face"
    client = Client()
    families = set()
    for face in faces:
        families.add(re.search(r'font-family:\s*"([^"]+)"', face).group(1))
        assert "font-display: swap" in face
        urls = re.findall(r'url\("?([^")]+)"?\)', face)
        assert urls, face
        for url in urls:
            # Relative to the stylesheet: no scheme, no other host, no absolute path.
            assert not re.match(r"^([a-z]+:|/)", url), url
            assert url.endswith(".woff2"), url
            file = (SITE_CSS.parent / url).resolve()
            assert file.is_file(), f"{url} is missing"
            served = client.get("/static/" + file.relative_to(ROOT / "static").as_posix())
            assert served.status_code == 200, url
            assert b"".join(served.streaming_content)[:4] == b"wOF2", url
    [family] = families
    font_stack = root_properties(css)["--font"]
    assert font_stack.startswith(f'"{family}"'), font_stack
    assert "sans-serif" in font_stack  # the system fonts while the web font loads
    # The licence travels with the font files.
    assert (file.parent / "OFL.txt").is_file()


def test_the_stylesheet_loads_nothing_from_other_hosts():
    css = SITE_CSS.read_text(encoding="utf-8")
    assert not re.search(r"https?://", css, flags=re.IGNORECASE)
    for target in re.findall(r"(?:url\(|@import)\s*[\"']?([^\"')\s;]+)", css):
        assert not target.startswith("//"), target


@pytest.mark.django_db
def test_the_hero_leads_to_the_library_and_the_workshops(client):
    home = make_home(
        title="Expertbibliotheek",
        hero_text="Leen een expert voor één gesprek of geef een workshop.",
    )
    catalogue = make_catalogue(home, title="De boekenkast")
    series = make_series(home, title="Reeks")
    html = client.get("/").content.decode()
    hero = re.search(r'<section class="hero".*?</section>', html, flags=re.DOTALL).group(0)
    assert "Leen een expert voor één gesprek of geef een workshop." in hero
    links = dict(
        (re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip(), href)
        for href, text in re.findall(
            r'<a class="hero-path[^"]*" href="([^"]+)">(.*?)</a>', hero, flags=re.DOTALL
        )
    )
    library = next(text for text in links if "Leen een expert" in text)
    workshops = next(text for text in links if "Geef een workshop" in text)
    assert links[library] == catalogue.url
    assert links[workshops] == series.url
    # Each path has a line of its own beside its name.
    assert len(library) > len("Voor AIOS Leen een expert") + 20
    assert len(workshops) > len("Voor trainers Geef een workshop") + 20
    # The mark beside the site's name is decoration: the name is text.
    assert re.search(r'<img class="site-name__mark"[^>]*alt=""', html)
    assert re.search(r'<img class="hero__mark"[^>]*alt=""', html)
    assert '<span class="site-name__text">' in html


@pytest.mark.django_db
def test_the_hero_leaves_out_a_path_whose_page_is_not_live(client):
    home = make_home()
    catalogue = make_catalogue(home)
    catalogue.unpublish()
    make_series(home)
    hero = re.search(r'<section class="hero".*?</section>', client.get("/").content.decode(), re.S)
    assert "Geef een workshop" in hero.group(0)
    assert "Leen een expert" not in hero.group(0)


@pytest.mark.django_db
def test_the_demo_opening_says_what_both_parts_are_in_one_sentence():
    call_command("load_demo")
    text = first_network().root_page.specific.hero_text
    assert text.count(". ") == 0 and text.endswith(".")
    assert "expert" in text and "workshops" in text


@pytest.mark.django_db
def test_load_demo_replaces_an_earlier_demo_opening_but_not_an_editors():
    from cms.demo import HERO_TEXT, PREVIOUS_HERO_TEXTS

    call_command("load_demo")
    home = first_network().root_page.specific
    home.hero_text = next(iter(PREVIOUS_HERO_TEXTS))
    home.save_revision().publish()
    call_command("load_demo")
    home.refresh_from_db()
    assert home.hero_text == HERO_TEXT

    home.hero_text = "Door de redactie geschreven."
    home.save_revision().publish()
    call_command("load_demo")
    home.refresh_from_db()
    assert home.hero_text == "Door de redactie geschreven."
