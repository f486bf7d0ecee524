"""Which network (Wagtail Site) a role group works for.

One installation serves several regional networks; each is a Wagtail `Site`. A network's
secretariat, working group and editors are ordinary Django groups, tied to their site here:
the loan desk, reports, exports, recruitment and settings show a member only their own
networks' data (cms.networks). A group without a network sees no network's data; a superuser
sees all."""

from django.contrib.auth.models import Group
from django.db import models
from wagtail.models import Site

from cms import roles


class NetworkGroup(models.Model):
    group = models.OneToOneField(
        Group, verbose_name="Groep", on_delete=models.CASCADE, related_name="network_link"
    )
    site = models.ForeignKey(
        Site, verbose_name="Netwerk", on_delete=models.CASCADE, related_name="network_groups"
    )
    role = models.CharField(
        "Rol", max_length=40, choices=[(role, role) for role in roles.ALL_ROLES]
    )

    class Meta:
        verbose_name = "Netwerk van een groep"
        verbose_name_plural = "Netwerken van groepen"

    def __str__(self) -> str:
        return f"{self.group.name} → {self.site.site_name or self.site.hostname}"
