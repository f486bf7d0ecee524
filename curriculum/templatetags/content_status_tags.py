"""Where the content of the workshops in a trainer guide comes from (cover and colophon)."""

from django import template

register = template.Library()


@register.simple_tag
def example_parts(workshops) -> list[int]:
    """{% example_parts workshops as parts %}: the part numbers whose content is an example
    written for this site, so a document with several workshops can say which ones."""
    return [workshop.part_number for workshop in workshops if workshop.is_example_content]
