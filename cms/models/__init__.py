from .pages import HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = ["HomePage", "SiteSettings", "StandardPage"]
