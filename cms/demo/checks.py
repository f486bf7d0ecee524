"""What every app's demo data is checked with before `manage.py load_demo` writes any of it
(curriculum.demo.data.check, library.demo.data.check, library.demo.emails.check)."""

from __future__ import annotations

import re


class DemoContentError(Exception):
    """The demo data breaks one of its own rules; the message names the item and the rule."""


def require(condition: bool, message: str) -> None:
    if not condition:
        raise DemoContentError(message)


def check_html(html: str, where: str, allowed_tags: set[str]) -> None:
    """Only the tags the rich-text fields take, each opened as often as it is closed."""
    for tag in re.findall(r"</?([a-zA-Z0-9]+)[^>]*>", html):
        require(tag in allowed_tags, f"{where}: tag <{tag}> not allowed")
    for tag in sorted(allowed_tags):
        opened = len(re.findall(rf"<{tag}[\s>]", html))
        require(opened == html.count(f"</{tag}>"), f"{where}: unbalanced <{tag}>")
