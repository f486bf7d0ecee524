"""The short evaluation the resident and the expert fill in after the conversation."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from library.models.loans import LoanRequest


class Evaluation(models.Model):
    class Role(models.TextChoices):
        RESIDENT = "resident", "AIOS"
        EXPERT = "expert", "Expert"

    request = models.ForeignKey(LoanRequest, on_delete=models.CASCADE, related_name="evaluations")
    role = models.CharField("Ingevuld door", max_length=10, choices=Role.choices)
    invited_at = models.DateTimeField("Uitgenodigd op", auto_now_add=True)
    answered_at = models.DateTimeField("Ingevuld op", null=True, blank=True)

    usefulness = models.PositiveSmallIntegerField(
        "Nut voor het leerdoel (1–5)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    preparation_minutes = models.PositiveSmallIntegerField(
        "Voorbereiding (minuten)", null=True, blank=True
    )
    conversation_minutes = models.PositiveSmallIntegerField(
        "Gesprek (minuten)", null=True, blank=True
    )
    would_recommend = models.BooleanField("Zou het een collega aanraden", null=True, blank=True)
    comments = models.TextField("Toelichting", blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["request", "role"], name="one_evaluation_per_role")
        ]
        ordering = ["invited_at", "pk"]
        verbose_name = "Evaluatie"
        verbose_name_plural = "Evaluaties"

    def __str__(self) -> str:
        return f"Evaluatie {self.get_role_display()} bij aanvraag {self.request_id}"
