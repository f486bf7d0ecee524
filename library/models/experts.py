"""The expert library: book covers (ExpertPage) and the catalogue (ExpertIndexPage)."""

from __future__ import annotations

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, Site
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms.models.site_settings import ROUTE_PERSONAL_DATA
from cms.panels import RestrictedFieldsPageForm
from cms.preview import FramedPreviewMixin, frameable_by_admin
from library.catalogue import criteria
from library.models.admission import (
    PRIVATE_EXPERT_DATA,
    CataloguePermissionTester,
    CoverPermissionTester,
)
from library.models.loans import CONVERSATION_STATUSES, LoanStatus, Programme
from library.models.querysets import Availability, ExpertPageQuerySet

MAX_PREPARATION_MINUTES = 30
# The competence areas of the residents' training (fixed; the rows exist for filtering).
COMPETENCE_AREAS = [
    ("medisch-handelen", "Medisch handelen"),
    ("communiceren", "Communiceren"),
    ("professionaliteit", "Professionaliteit"),
]


class CompetenceAreaForm(WagtailAdminModelForm):
    # The programmes as checkboxes: the working group ticks them, never types JSON.
    programmes = forms.MultipleChoiceField(
        label="Opleidingen",
        choices=Programme.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Bij welke opleidingen hoort dit competentiegebied? Niets aangevinkt: bij alle.",
    )


class CompetenceArea(models.Model):
    """Competence area of the residents' training that a conversation serves. The working
    group keeps the list per programme, so the loan form, the reports and the certificate
    use the programme's own words."""

    slug = models.SlugField(unique=True)
    name = models.CharField("Naam", max_length=80)
    sort_order = models.PositiveSmallIntegerField("Volgorde", default=0)
    # Programme values (library.models.loans.Programme); empty means every programme.
    programmes = models.JSONField("Opleidingen", default=list, blank=True)

    base_form_class = CompetenceAreaForm
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("programmes"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order"]
        verbose_name = "Competentiegebied"
        verbose_name_plural = "Competentiegebieden"

    def __str__(self) -> str:
        return self.name

    def fits(self, programme: str) -> bool:
        """Whether a resident of this programme may link a goal to this area."""
        return not self.programmes or programme in self.programmes

    def programmes_display(self) -> str:
        labels = dict(Programme.choices)
        return ", ".join(labels.get(value, value) for value in self.programmes) or "Alle"

    programmes_display.short_description = "Opleidingen"


class ExpertTopic(TaggedItemBase):
    content_object = ParentalKey(
        "library.ExpertPage", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class ExpertKind(models.TextChoices):
    PROFESSIONAL = "professional", "Professional"
    VOLUNTEER = "volunteer", "Vrijwilliger"
    PATIENT = "patient", "Ervaringsdeskundige (patiënt)"
    RELATIVE = "relative", "Ervaringsdeskundige (naaste)"
    BEREAVED = "bereaved", "Ervaringsdeskundige (nabestaande)"

    @classmethod
    def group_of(cls, kind: str) -> str:
        if kind in (cls.PROFESSIONAL, cls.VOLUNTEER):
            return kind
        return criteria.EXPERIENCE

    @classmethod
    def kinds_in_group(cls, group: str) -> list[str]:
        return [kind for kind in cls.values if cls.group_of(kind) == group]


class ConversationForm(models.TextChoices):
    IN_PERSON = "in_person", "Op locatie"
    VIDEO = "video", "Beeldbellen"
    BOTH = "both", "Op locatie of beeldbellen"


class ExpertPageForm(RestrictedFieldsPageForm):
    """Admission criteria as a checklist, grouped per kind of expert."""

    admission_criteria = forms.MultipleChoiceField(
        label="Getoetste criteria",
        choices=criteria.GROUPED_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Vink aan wat de werkgroep heeft gecontroleerd, voor de soort expert hierboven.",
    )

    def clean(self):
        cleaned = super().clean()
        if self.goes_live() and "admission_criteria" in self.fields:
            group = ExpertKind.group_of(cleaned.get("kind", ""))
            missing = criteria.required_criteria(group) - set(
                cleaned.get("admission_criteria") or []
            )
            if missing:
                self.add_error("admission_criteria", criteria.missing_message(missing))
        return cleaned

    def goes_live(self) -> bool:
        """Publishing, or approving the admission workflow (which publishes), from the editor."""
        return bool(self.data.get("action-publish")) or (
            bool(self.data.get("action-workflow-action"))
            and self.data.get("workflow-action-name") == "approve"
        )


class ExpertPage(FramedPreviewMixin, RoutablePageMixin, Page):
    """A book cover: one expert and what a resident can talk about with them."""

    search_result_kind = "Boek"
    prints_site_address = True  # QR codes and links in its PDFs (cms/wagtail_hooks.py)

    summary = models.TextField("Korte samenvatting", max_length=300)
    body = StreamField(BodyBlock(), verbose_name="Meer over dit boek", blank=True)

    expert_name = models.CharField("Naam van de expert", max_length=120)
    kind = models.CharField("Soort expert", max_length=20, choices=ExpertKind.choices)
    role = models.CharField(
        "Functie of rol", max_length=120, help_text="Bijvoorbeeld kaderhuisarts of nabestaande."
    )
    organisation = models.CharField("Organisatie of setting", max_length=160, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField("Alternatieve tekst bij de foto", max_length=250, blank=True)

    topics = ClusterTaggableManager(
        "Onderwerpen", through=ExpertTopic, blank=True, help_text="Trefwoorden, bijvoorbeeld pijn."
    )
    example_questions = StreamField(
        [("question", blocks.CharBlock(label="Leervraag", max_length=300))],
        verbose_name="Voorbeelden van leervragen",
        blank=True,
    )
    competence_areas = ParentalManyToManyField(
        CompetenceArea, verbose_name="Competentiegebieden", blank=True, related_name="experts"
    )
    essences = ParentalManyToManyField(
        "curriculum.Essence", verbose_name="Essenties", blank=True, related_name="experts"
    )
    languages = models.CharField("Talen", max_length=120, default="Nederlands")
    conversation_form = models.CharField(
        "Vorm van het gesprek",
        max_length=20,
        choices=ConversationForm.choices,
        default=ConversationForm.BOTH,
    )
    preparation_assignment = models.TextField("Voorbereidende opdracht", blank=True)
    preparation_minutes = models.PositiveSmallIntegerField(
        "Tijd voor de voorbereiding (minuten)",
        default=20,
        validators=[
            MaxValueValidator(
                MAX_PREPARATION_MINUTES,
                f"De voorbereiding mag de AIOS hooguit {MAX_PREPARATION_MINUTES} minuten kosten.",
            )
        ],
    )

    availability = models.CharField(
        "Beschikbaarheid",
        max_length=20,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
    )
    absent_until = models.DateField("Afwezig tot en met", null=True, blank=True)
    lend_to_other_networks = models.BooleanField(
        "Ook te leen voor andere netwerken",
        default=False,
        help_text="Met beeldbellen maakt afstand niet uit: dan tonen de andere netwerken dit "
        "boek ook in hun catalogus. Aanvragen komen bij ons secretariaat binnen; de "
        "contactgegevens van de expert blijven bij ons netwerk.",
    )

    # Private: never rendered on the public site, never in the search index.
    email = models.EmailField("E-mailadres (privé)", blank=True)
    phone = models.CharField("Telefoon (privé)", max_length=40, blank=True)
    admission_criteria = models.JSONField("Getoetste criteria", default=list, blank=True)
    admitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="Getoetst door",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    admitted_on = models.DateField("Getoetst op", null=True, blank=True)
    admission_note = models.TextField("Notitie van de werkgroep", blank=True)

    objects = PageManager.from_queryset(ExpertPageQuerySet)()

    base_form_class = ExpertPageForm
    content_panels = [
        FieldPanel("title", help_text="De titel van het boek: waarover kun je praten?"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("expert_name"),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("role")]),
                FieldPanel("organisation"),
                FieldRowPanel([FieldPanel("photo"), FieldPanel("photo_alt")]),
            ],
            heading="De expert",
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("example_questions"),
                FieldPanel("competence_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("essences", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel([FieldPanel("languages"), FieldPanel("conversation_form")]),
            ],
            heading="Waarover je kunt praten",
        ),
        FieldRowPanel(
            [FieldPanel("preparation_assignment"), FieldPanel("preparation_minutes")],
            heading="Voorbereiding",
        ),
        FieldPanel("body"),
        FieldRowPanel(
            [FieldPanel("availability"), FieldPanel("absent_until")], heading="Beschikbaarheid"
        ),
        FieldPanel("lend_to_other_networks"),
        # Hidden from editors, and left out of their form: saving keeps the values.
        MultiFieldPanel(
            [
                HelpPanel(template="library/admin/private_fields_notice.html"),
                FieldRowPanel(
                    [
                        FieldPanel("email", permission=PRIVATE_EXPERT_DATA),
                        FieldPanel("phone", permission=PRIVATE_EXPERT_DATA),
                    ]
                ),
                FieldPanel("admission_criteria", permission=PRIVATE_EXPERT_DATA),
                FieldRowPanel(
                    [
                        FieldPanel("admitted_by", permission=PRIVATE_EXPERT_DATA),
                        FieldPanel("admitted_on", permission=PRIVATE_EXPERT_DATA),
                    ]
                ),
                FieldPanel("admission_note", permission=PRIVATE_EXPERT_DATA),
                HelpPanel(template="library/admin/loan_count_panel.html"),
            ],
            heading="Alleen voor werkgroep en secretariaat",
            permission=PRIVATE_EXPERT_DATA,
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("expert_name"),
        index.SearchField("role"),
        index.SearchField("organisation"),
        index.SearchField("example_questions"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name"), index.AutocompleteField("name")]),
        index.FilterField("availability"),
        index.FilterField("lend_to_other_networks"),  # on_offer_in, in searches
        # The site search (cms.search) also finds a cover by the start of a word: "sedat".
        index.AutocompleteField("summary"),
        index.AutocompleteField("expert_name"),
        index.AutocompleteField("role"),
        index.AutocompleteField("organisation"),
        index.AutocompleteField("example_questions"),
        index.AutocompleteField("body"),
    ]

    parent_page_types = ["library.ExpertIndexPage"]
    subpage_types: list[str] = []
    template = "library/expert_page.html"
    preview_modes = [("", "Boekenkaft"), ("pdf", "Boekenkaft (PDF)")]

    @path("")
    def index(self, request):
        from library.catalogue import lending

        # Come from another network's catalogue (a lent cover): the loan button says so, and
        # the request counts for that network too.
        borrower = lending.borrowing_network(self, request.GET.get("via"))
        if borrower is None:
            return self.render(request)
        return self.render(
            request,
            context_overrides={
                "loan_url": lending.with_via(self.loan_url, borrower),
                "found_in": lending.found_in(borrower, Site.find_for_request(request)),
            },
        )

    @re_path(r"^boekenkaft\.pdf/?$", name="cover_pdf")
    def cover_pdf(self, request):
        from library.catalogue import print_material

        return print_material.cover_response(self)

    @frameable_by_admin
    def serve_preview(self, request, mode_name):
        if mode_name == "pdf":
            from library.catalogue import print_material

            return print_material.cover_response(self, cached=False)
        return super().serve_preview(request, mode_name)

    class Meta:
        verbose_name = "Boekenkaft"
        verbose_name_plural = "Boekenkaften"
        permissions = [
            (
                "change_expert_private_data",
                "Mag privégegevens en toelating van experts zien en wijzigen",
            )
        ]

    # Goes live by the working group's approval, which publishes without a publish right of
    # the approver's own (cms.workflows.publish_approved).
    published_by_approval = True

    def permissions_for_user(self, user):
        return CoverPermissionTester(user, self)

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.photo_id and not self.photo_alt.strip():
            errors["photo_alt"] = (
                "Beschrijf de foto voor wie hem niet kan zien (alternatieve tekst)."
            )
        if self.availability == Availability.ABSENT and not self.absent_until:
            errors["absent_until"] = "Vul in tot wanneer de expert afwezig is."
        unknown = set(self.admission_criteria or []) - {
            key for items in criteria.CRITERIA.values() for key, _ in items
        }
        if unknown:
            errors["admission_criteria"] = "Onbekend criterium: " + ", ".join(sorted(unknown))
        if errors:
            raise ValidationError(errors)

    # --- what the public site shows ---

    @property
    def kind_group(self) -> str:
        return ExpertKind.group_of(self.kind)

    @property
    def kind_group_label(self) -> str:
        return criteria.KIND_GROUP_LABELS[self.kind_group]

    def is_absent(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.availability == Availability.ABSENT
            and self.absent_until is not None
            and self.absent_until >= today
        )

    @property
    def is_published(self) -> bool:
        return ExpertPage.objects.published().filter(pk=self.pk).exists()

    @property
    def is_borrowable(self) -> bool:
        return ExpertPage.objects.borrowable().filter(pk=self.pk).exists()

    @property
    def loan_url(self) -> str:
        return f"/expertbibliotheek/lenen/?expert={self.pk}"

    def missing_criteria(self) -> set[str]:
        return criteria.required_criteria(self.kind_group) - set(self.admission_criteria or [])

    def loan_figures(self) -> dict[str, int]:
        """Requests and conversations this half-year, so the working group can spread the load."""
        if not self.pk:
            return {"total": 0, "half_year": 0, "conversations": 0, "unavailable": 0}
        today = timezone.localdate()
        half_year_start = datetime.date(today.year, 1 if today.month <= 6 else 7, 1)
        this_half = Q(created_at__date__gte=half_year_start)
        return self.loan_requests.aggregate(
            total=Count("pk"),
            half_year=Count("pk", filter=this_half),
            conversations=Count("pk", filter=this_half & Q(status__in=CONVERSATION_STATUSES)),
            unavailable=Count("pk", filter=this_half & Q(status=LoanStatus.EXPERT_UNAVAILABLE)),
        )


class CatalogueForm(RestrictedFieldsPageForm):
    # The catalogue's address holds the loan form's (/expertbibliotheek/lenen/) and every
    # cover's: a new slug or an expiry date would free them for a redirect elsewhere.
    restricted_fields = {"slug": ROUTE_PERSONAL_DATA, "expire_at": ROUTE_PERSONAL_DATA}


class SellingPointBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Kernwoord", max_length=40)
    text = blocks.CharBlock(label="Eén regel uitleg", max_length=160)

    class Meta:
        icon = "pick"
        label = "Pluspunt"


class ExpertIndexPage(FramedPreviewMixin, RoutablePageMixin, Page):
    """The catalogue at /expertbibliotheek/, and the words of its recruitment material."""

    search_result_kind = "Catalogus"
    prints_site_address = True  # QR codes and links in its PDFs (cms/wagtail_hooks.py)

    introduction = RichTextField("Inleiding", blank=True, features=RICH_TEXT_FEATURES)
    no_expert_text = RichTextField(
        "Tekst bij ‘geen expert gevonden’",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Staat bij een lege zoekopdracht en onder de catalogus.",
    )
    recruit_question = models.CharField(
        "Openingsvraag", max_length=120, default="Loop je ergens tegenaan in de palliatieve zorg?"
    )
    recruit_examples = StreamField(
        [("question", blocks.CharBlock(label="Vraag", max_length=160))],
        verbose_name="Voorbeelden van vragen van AIOS",
        blank=True,
    )
    recruit_call_to_action = models.CharField(
        "Oproep", max_length=160, default="Leen een expert voor één gesprek over jouw leervraag."
    )
    selling_points = StreamField(
        [("point", SellingPointBlock())], verbose_name="Pluspunten (drie)", blank=True
    )
    how_it_works = models.TextField("Zo werkt een lening", blank=True, max_length=600)
    time_investment = models.CharField(
        "Tijdsinvestering",
        max_length=160,
        default="Voorbereiding hooguit 30 minuten; in totaal 1,5 tot 2 uur.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("no_expert_text"),
        MultiFieldPanel(
            [
                FieldPanel("recruit_question"),
                FieldPanel("recruit_examples"),
                FieldPanel("recruit_call_to_action"),
                FieldPanel("selling_points"),
                FieldPanel("how_it_works"),
                FieldPanel("time_investment"),
            ],
            heading="Wervingsmateriaal (flyer en dia)",
        ),
    ]
    preview_modes = [("", "Catalogus"), ("flyer", "Flyer (PDF)"), ("dia", "Dia (PDF)")]
    base_form_class = CatalogueForm
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["library.ExpertPage", "library.LoanFormPage", "cms.StandardPage"]
    max_count_per_parent = 1  # one catalogue per network (its home)
    template = "library/expert_index_page.html"

    class Meta:
        verbose_name = "Catalogus expertbibliotheek"
        verbose_name_plural = "Catalogi expertbibliotheek"

    def permissions_for_user(self, user):
        return CataloguePermissionTester(user, self)

    # A new catalogue gets the admission workflow: library.signals.assign_admission_workflow.

    @path("")
    def index(self, request):
        from library.catalogue.search import catalogue_context

        return self.render(request, context_overrides=catalogue_context(self, request))

    @re_path(r"^flyer\.pdf/?$", name="flyer")
    def flyer(self, request):
        from library.catalogue import print_material

        return print_material.flyer_response(self)

    @re_path(r"^dia\.pdf/?$", name="slide")
    def slide(self, request):
        from library.catalogue import print_material

        return print_material.slide_response(self)

    @re_path(r"^dia\.png/?$", name="slide_png")
    def slide_png(self, request):
        from library.catalogue import print_material

        return print_material.slide_png_response(self)

    @re_path(r"^catalogus\.pdf/?$", name="booklet")
    def booklet(self, request):
        from library.catalogue import print_material

        return print_material.booklet_response(self)

    @frameable_by_admin
    def serve_preview(self, request, mode_name):
        from library.catalogue import print_material

        if mode_name == "flyer":
            return print_material.flyer_response(self, cached=False)
        if mode_name == "dia":
            return print_material.slide_response(self, cached=False)
        return super().serve_preview(request, mode_name)
