from .pages import WorkshopIndexPage, WorkshopPage
from .snippets import Essence, WorkMethod

__all__ = ["Essence", "WorkMethod", "WorkshopIndexPage", "WorkshopPage"]
