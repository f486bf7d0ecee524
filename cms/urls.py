from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from cms.network_style import network_style
from cms.search import search
from cms.web_conventions import favicon, robots_txt

urlpatterns = [
    path("zoeken/", search, name="search"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("huisstijl.css", network_style, name="network_style"),
]
