"""Recruitment: a candidate expert on the way to a cover in the library, and the history of
e-mails and steps around an expert or candidate (the expert-side twin of LoanEvent)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cms.validators import single_line
from library.models.experts import ExpertKind
from library.models.loans import HistoryLine, LoanRequest


class FoundVia(models.TextChoices):
    OWN_NETWORK = "own_network", "Eigen netwerk"
    FOR_REQUEST = "for_request", "Voor een leenverzoek van een AIOS"
    EXTERNAL = "external", "Extern (via iemand anders)"


class CandidateStatus(models.TextChoices):
    PROPOSED = "proposed", "Voorgesteld"
    INVITED = "invited", "Uitgenodigd"
    INTAKE_RECEIVED = "intake", "Boekenkaft ontvangen"
    ADMITTED = "admitted", "Toegelaten"
    REJECTED = "rejected", "Afgewezen"


class Candidate(models.Model):
    """Someone the working group would like in the library; not public until admitted."""

    # The network that recruits: its working group sees the candidate, no other.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name="Netwerk",
        on_delete=models.PROTECT,
        related_name="candidates",
    )
    name = models.CharField("Naam", max_length=120, validators=[single_line])
    email = models.EmailField("E-mailadres")
    kind = models.CharField("Soort expert", max_length=20, choices=ExpertKind.choices)
    topics = models.CharField(
        "Onderwerp(en)",
        max_length=255,
        validators=[single_line],
        help_text="Waarover zoeken we een expert? Komt in de uitnodiging: ‘kennis van …’.",
    )
    found_via = models.CharField("Gevonden via", max_length=20, choices=FoundVia.choices)
    referred_by = models.CharField(
        "Naam gekregen van",
        max_length=120,
        blank=True,
        validators=[single_line],
        help_text="Alleen bij een externe kandidaat.",
    )
    for_request = models.ForeignKey(
        LoanRequest,
        verbose_name="Voor leenverzoek",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidates",
        help_text="Alleen bij werving voor een leenverzoek: het leerdoel gaat mee in de "
        "uitnodiging, de naam van de AIOS niet.",
    )
    status = models.CharField(
        "Status",
        max_length=20,
        choices=CandidateStatus.choices,
        default=CandidateStatus.PROPOSED,
    )
    status_changed_at = models.DateTimeField("Status gewijzigd op", auto_now_add=True)
    expert = models.OneToOneField(
        "library.ExpertPage",
        verbose_name="Boekenkaft",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="candidate",
    )
    note = models.TextField("Notitie van de werkgroep", blank=True)
    created_at = models.DateTimeField("Voorgesteld op", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Voorgesteld door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = "Kandidaat-expert"
        verbose_name_plural = "Kandidaat-experts"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if self.site_id is None:
            # The recruitment admin sets the user's network; older code paths and a
            # single-network installation land in the first network.
            from cms import networks

            self.site = networks.default_network()
        super().save(*args, **kwargs)


class ExpertEvent(HistoryLine):
    """A line of an expert's or candidate's history: an e-mail (sent, or failed and then
    retryable, as in a request's history) or a note."""

    candidate = models.ForeignKey(
        Candidate, null=True, blank=True, on_delete=models.CASCADE, related_name="events"
    )
    expert = models.ForeignKey(
        "library.ExpertPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="events",
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "Gebeurtenis (expert)"
        verbose_name_plural = "Geschiedenis (expert)"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.subject}"
