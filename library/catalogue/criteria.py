"""Admission criteria for experts, per kind of expert (from the toolkit's expert profiles).

The working group ticks these in the admin before a book cover is published.
"""

from __future__ import annotations

PROFESSIONAL = "professional"
VOLUNTEER = "volunteer"
EXPERIENCE = "experience"

KIND_GROUP_LABELS = {
    PROFESSIONAL: "Professional",
    VOLUNTEER: "Vrijwilliger",
    EXPERIENCE: "Ervaringsdeskundige",
}

CRITERIA: dict[str, list[tuple[str, str]]] = {
    PROFESSIONAL: [
        ("prof_expertise", "Heeft aantoonbaar expertise in het onderwerp (functie, werksetting)"),
        (
            "prof_standards",
            "Werkt volgens professionele standaarden, het Kwaliteitskader en Pallialine",
        ),
        (
            "prof_contribution",
            "Heeft bijgedragen aan het onderwerp (publicatie, onderwijs, onderzoek, richtlijn); "
            "een pré",
        ),
        ("prof_communication", "Communiceert goed, mondeling en schriftelijk"),
    ],
    VOLUNTEER: [
        ("vol_trained", "Opgeleid als vrijwilliger terminale palliatieve zorg (VPTZ)"),
        ("vol_experience", "Heeft ervaring als vrijwilliger"),
        (
            "vol_coordinator",
            "De coördinator hospicezorg of vrijwillige thuiszorg staat achter de inzet als expert",
        ),
        ("vol_communication", "Communiceert goed, mondeling en schriftelijk"),
    ],
    EXPERIENCE: [
        (
            "exp_teach",
            "Kan eigen ervaring met ziekte of kwetsbaarheid inzetten om anderen te leren",
        ),
        (
            "exp_distance",
            "Kan met enige afstand tot het eigen verwerkingsproces over ervaringen vertellen",
        ),
        ("exp_communication", "Communiceert goed, mondeling en schriftelijk"),
    ],
}

# Criteria that are an advantage, not a requirement.
OPTIONAL_CRITERIA = {"prof_contribution"}

GROUPED_CHOICES = [(KIND_GROUP_LABELS[group], items) for group, items in CRITERIA.items()]


def required_criteria(kind_group: str) -> set[str]:
    return {key for key, _ in CRITERIA.get(kind_group, [])} - OPTIONAL_CRITERIA


def labels(keys: set[str]) -> list[str]:
    """The criteria's own words, in checklist order."""
    return [label for items in CRITERIA.values() for key, label in items if key in keys]


def missing_message(missing: set[str]) -> str:
    return (
        "Goedkeuren kan pas als de werkgroep alle verplichte criteria voor deze soort expert "
        "heeft aangevinkt. Nog open: " + "; ".join(labels(missing)) + "."
    )
