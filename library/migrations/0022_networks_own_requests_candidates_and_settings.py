"""Networks: each loan request and candidate belongs to one network (Wagtail Site), and the
loan process and business case settings are kept per network. Existing rows belong to the
network of their expert, else to the default site; the existing settings become the default
site's, and the roles' rights to change them hold for that site only."""

import django.db.models.deletion
from django.db import migrations, models

from cms import roles


def site_of_page(apps, page_id, sites):
    Page = apps.get_model("wagtailcore", "Page")
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return None
    for site in sites:
        if page.path.startswith(site.root_page.path):
            return site
    return None


def assign(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    default = Site.objects.filter(is_default_site=True).first()
    sites = sorted(Site.objects.select_related("root_page"), key=lambda s: -len(s.root_page.path))
    LoanRequest = apps.get_model("library", "LoanRequest")
    Candidate = apps.get_model("library", "Candidate")
    for loan in LoanRequest.objects.all():
        site = (site_of_page(apps, loan.expert_id, sites) if loan.expert_id else None) or default
        LoanRequest.objects.filter(pk=loan.pk).update(site=site)
    Candidate.objects.update(site=default)
    for model_name in ("LoanProcessSettings", "BusinessCaseSettings"):
        model = apps.get_model("library", model_name)
        if default is None:
            model.objects.all().delete()
            continue
        first = model.objects.order_by("pk").first()
        model.objects.exclude(pk=first.pk if first else None).delete()
        if first:
            model.objects.filter(pk=first.pk).update(site=default)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupSitePermission = apps.get_model("wagtailcore", "GroupSitePermission")
    if default is None:
        return
    for codename in ("change_loanprocesssettings", "change_businesscasesettings"):
        permission = Permission.objects.filter(
            content_type__app_label="library", codename=codename
        ).first()
        if permission is None:
            continue
        for group in Group.objects.filter(name__in=roles.ALL_ROLES, permissions=permission):
            GroupSitePermission.objects.get_or_create(
                group=group, site=default, permission=permission
            )
            group.permissions.remove(permission)


def site_field(related_name, **extra):
    return models.ForeignKey(
        null=True,
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        to="wagtailcore.site",
        verbose_name="Netwerk",
        **extra,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0021_certificate_copy_email"),
        ("cms", "0006_network_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="loanrequest", name="site", field=site_field("loan_requests")
        ),
        migrations.AddField(
            model_name="loanrequest",
            name="requested_on",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="loan_requests_sent",
                to="wagtailcore.site",
                verbose_name="Aangevraagd via netwerk",
            ),
        ),
        migrations.AddField(model_name="candidate", name="site", field=site_field("candidates")),
        migrations.AddField(
            model_name="loanprocesssettings",
            name="site",
            field=models.OneToOneField(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="wagtailcore.site",
            ),
        ),
        migrations.AddField(
            model_name="businesscasesettings",
            name="site",
            field=models.OneToOneField(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                to="wagtailcore.site",
            ),
        ),
        migrations.RunPython(assign, migrations.RunPython.noop),
    ]
