"""Admin forms where Wagtail's Dutch translation has gaps."""

from django import forms
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    # Wagtail's own field has no label, so Django shows the untranslated "Password".
    password = forms.CharField(
        label="Wachtwoord",
        strip=False,
        widget=forms.PasswordInput(attrs={"placeholder": "Voer uw wachtwoord in"}),
    )
    error_messages = {
        **WagtailLoginForm.error_messages,
        "invalid_login": (
            "Gebruikersnaam en wachtwoord passen niet bij elkaar. Probeer het opnieuw."
        ),
    }
