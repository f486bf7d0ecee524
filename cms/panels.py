"""Page forms in which some fields and inline panels belong to one role only.

Wagtail's `FieldPanel(permission=...)` leaves a field out of the form for users without the
permission; `InlinePanel` has no such option, and neither covers a field Wagtail itself puts
in the form (the slug, the expiry date). `RestrictedFieldsPageForm` drops those fields and
formsets for such users, so a crafted POST cannot change them, and keeps the page's current
values for everything it withholds: restoring an old revision (Wagtail's "revert" builds the
form on that revision) must not bring back an old recipient, question or private address.
`PermissionInlinePanel` is not shown when its formset is missing.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel


class RestrictedFieldsPageForm(WagtailAdminPageForm):
    # {field name: "app_label.codename"}, besides the FieldPanels with a permission
    restricted_fields: dict[str, str] = {}
    # {relation name: "app_label.codename"}
    formset_permissions: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = kwargs.get("for_user")
        if user is None:
            return
        field_permissions = {**(self._meta.field_permissions or {}), **self.restricted_fields}
        fields = [name for name, perm in field_permissions.items() if not user.has_perm(perm)]
        relations = [
            name for name, perm in self.formset_permissions.items() if not user.has_perm(perm)
        ]
        for name in fields:
            self.fields.pop(name, None)
        for name in relations:
            self.formsets.pop(name, None)
        self.keep_current_values(fields, relations)

    def keep_current_values(self, fields: list[str], relations: list[str]) -> None:
        if not (fields or relations) or not self.instance.pk:
            return
        page = type(self.instance).objects.filter(pk=self.instance.pk).first()
        if page is None:
            return
        current = page.get_latest_revision_as_object()
        for name in fields:
            setattr(self.instance, name, getattr(current, name))
        for name in relations:
            setattr(self.instance, name, list(getattr(current, name).all()))


class PermissionInlinePanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            if form is not None and kwargs["panel"].relation_name not in form.formsets:
                kwargs["form"] = None
            super().__init__(**kwargs)

        def is_shown(self):
            return self.form is not None and super().is_shown()
