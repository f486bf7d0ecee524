"""Recruitment's forms: the blank cover a candidate fills in, and the working group's
candidate form in the admin."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminModelForm

from cms.dates import dutch_date
from cms.networks import networks_for, within_networks
from cms.validators import phone_number, plain_text, single_line
from library.catalogue import criteria
from library.models import Candidate, ConversationForm, ExpertKind, FoundVia, LoanRequest
from library.recruitment import photos
from library.recruitment.pipeline import Cover

MAX_TOPICS = 10
MAX_QUESTIONS = 5
QUESTION_LENGTH = 300
TAG_LENGTH = 100  # taggit's name field


def text(
    label: str, max_length: int, required: str | None = None, *, rows: int = 0, help_text=""
) -> forms.CharField:
    """Plain text (one line unless `rows`), optional when no message for a missing answer."""
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required is not None,
        help_text=help_text,
        validators=[plain_text] if rows else [plain_text, single_line],
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput,
        error_messages={
            "max_length": f"Schrijf hooguit {max_length} tekens.",
            **({"required": required} if required else {}),
        },
    )


class BlankCoverForm(forms.Form):
    """The cover's public fields, and the private ones the secretariat needs."""

    title = text(
        "Titel van je boek",
        120,
        "Geef je boek een titel: waarover kan een AIOS met je praten?",
        help_text="Bijvoorbeeld ‘Hoop houden als genezing niet meer kan’.",
    )
    summary = text(
        "Korte samenvatting",
        300,
        "Schrijf in een paar zinnen wat een AIOS van je kan leren.",
        rows=4,
    )
    expert_name = text("Je naam", 120, "Vul je naam in.")
    role = text(
        "Functie of rol",
        120,
        "Vul je functie of rol in.",
        help_text="Bijvoorbeeld kaderhuisarts, vrijwilliger of nabestaande.",
    )
    organisation = text("Organisatie of setting", 160)
    topics = text(
        "Onderwerpen",
        255,
        "Noem minstens één onderwerp.",
        help_text="Trefwoorden, gescheiden door komma's, bijvoorbeeld: pijn, hoop, rouw.",
    )
    example_questions = text(
        "Voorbeelden van leervragen",
        1600,
        "Geef minstens één voorbeeld van een vraag die een AIOS je kan stellen.",
        rows=4,
        help_text=f"Eén vraag per regel, hooguit {MAX_QUESTIONS}.",
    )
    conversation_form = forms.ChoiceField(
        label="Hoe wil je het gesprek voeren?",
        choices=ConversationForm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Kies hoe je het gesprek wilt voeren."},
    )
    phone = forms.CharField(
        label="Telefoonnummer",
        max_length=40,
        required=False,
        help_text="Alleen voor het secretariaat; staat niet op de website.",
        validators=[phone_number],
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages={"max_length": "Schrijf hooguit 40 tekens."},
    )
    photo = forms.FileField(
        label="Foto (mag ook later)",
        required=False,
        help_text="Een portret als JPEG, PNG of WebP, tot 10 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    photo_alt = text(
        "Wat staat er op de foto?",
        250,
        help_text="Voor wie de foto niet kan zien, bijvoorbeeld ‘Portret van Anna, lachend’.",
    )

    def clean_topics(self) -> list[str]:
        topics = [topic.strip() for topic in self.cleaned_data["topics"].split(",")]
        topics = [topic for topic in topics if topic]
        if not topics:
            raise ValidationError("Noem minstens één onderwerp.")
        if len(topics) > MAX_TOPICS:
            raise ValidationError(f"Noem hooguit {MAX_TOPICS} onderwerpen.")
        if any(len(topic) > TAG_LENGTH for topic in topics):
            raise ValidationError(f"Een onderwerp is hooguit {TAG_LENGTH} tekens.")
        return topics

    def clean_example_questions(self) -> list[str]:
        lines = self.cleaned_data["example_questions"].splitlines()
        questions = [line.strip() for line in lines if line.strip()]
        if not questions:
            raise ValidationError("Geef minstens één voorbeeld van een leervraag.")
        if len(questions) > MAX_QUESTIONS:
            raise ValidationError(f"Geef hooguit {MAX_QUESTIONS} voorbeelden.")
        if any(len(question) > QUESTION_LENGTH for question in questions):
            raise ValidationError(f"Een leervraag is hooguit {QUESTION_LENGTH} tekens.")
        return questions

    def clean_photo(self) -> bytes | None:
        upload = self.cleaned_data.get("photo")
        return photos.checked_photo(upload) if upload else None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo") and not cleaned.get("photo_alt") and "photo_alt" not in self.errors:
            self.add_error("photo_alt", "Beschrijf kort wat er op de foto staat.")
        return cleaned

    def cover(self, chosen_criteria: list[str]) -> Cover:
        data = self.cleaned_data
        return Cover(
            title=data["title"],
            summary=data["summary"],
            expert_name=data["expert_name"],
            role=data["role"],
            organisation=data["organisation"],
            topics=data["topics"],
            example_questions=data["example_questions"],
            conversation_form=data["conversation_form"],
            phone=data["phone"],
            photo_alt=data["photo_alt"],
            criteria=chosen_criteria,
        )


class CriteriaForm(forms.Form):
    """The statements for the candidate's kind of expert, shown as a fieldset of their own."""

    criteria = forms.MultipleChoiceField(
        label="Wat past bij jou?",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Vink aan wat voor jou geldt. De werkgroep bespreekt het zo nodig met je.",
        error_messages={"invalid_choice": "Kies alleen uit de uitspraken hieronder."},
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = criteria.CRITERIA[ExpertKind.group_of(kind)]


class RequestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: LoanRequest) -> str:
        # The learning goal and date, not the resident's name: that is all recruitment needs.
        goal = " ".join(obj.learning_goals.split())
        goal = goal if len(goal) <= 80 else goal[:79] + "…"
        return f"Aanvraag {obj.pk} van {dutch_date(obj.created_at)}: {goal}"


class CandidateForm(WagtailAdminModelForm):
    class Meta:
        model = Candidate
        fields = [
            "name",
            "email",
            "kind",
            "topics",
            "found_via",
            "referred_by",
            "for_request",
            "note",
            "site",
        ]
        field_classes = {"for_request": RequestChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        sites = networks_for(self.for_user)
        # Recruiting for a request makes sense when it has no expert yet; only the requests
        # of the user's own networks.
        self.fields["for_request"].queryset = within_networks(
            LoanRequest.objects.filter(expert__isnull=True), self.for_user
        ).order_by("-created_at")
        if len(sites) > 1:
            self.fields["site"].queryset = sites
        else:
            # One network: the candidate is theirs, nothing to choose.
            del self.fields["site"]
            if self.instance.site_id is None and sites:
                self.instance.site = sites[0]

    def clean(self):
        cleaned = super().clean()
        found_via = cleaned.get("found_via")
        if found_via == FoundVia.FOR_REQUEST and not cleaned.get("for_request"):
            self.add_error("for_request", "Kies het leenverzoek waarvoor je deze expert werft.")
        if found_via != FoundVia.FOR_REQUEST:
            cleaned["for_request"] = None
        if found_via != FoundVia.EXTERNAL:
            cleaned["referred_by"] = ""
        return cleaned
