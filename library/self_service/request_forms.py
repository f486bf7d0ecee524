"""The form of 'Mijn aanvraag': asking for the links by e-mail address."""

from __future__ import annotations

import copy

from django import forms

from library.self_service import request
from library.self_service.cover_forms import AskLinkForm


class AskRequestLinkForm(forms.Form):
    # The same address field as 'Mijn boekenkaft' (validation, Dutch messages), with its own
    # help text; the network's limit is counted apart, so one page cannot use up the other.
    email = copy.deepcopy(AskLinkForm.base_fields["email"])
    email.help_text = "Het adres dat je op het leenformulier hebt ingevuld."

    def __init__(self, *args, client: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.client = client

    def clean(self):
        cleaned = super().clean()
        # Only a valid request uses up one of the network's slots.
        if not self.errors and not request.may_ask(self.client):
            self.add_error(
                "email",
                "Vanaf dit netwerk zijn het afgelopen uur al veel links aangevraagd. Probeer "
                "het later opnieuw of mail het secretariaat.",
            )
        return cleaned
