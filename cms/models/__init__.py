from .networks import NetworkGroup
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings

__all__ = ["HomePage", "NetworkGroup", "SiteSettings", "StandardPage"]
