"""Admin panels Wagtail lacks: an inline panel that only some roles may see and change.

Wagtail's `FieldPanel(permission=...)` leaves a field out of the form for users without the
permission; `InlinePanel` has no such option. `PermissionedFormsetsForm` drops the formset for
those users (so a crafted POST cannot change the rows: the page keeps them as they were), and
`PermissionInlinePanel` is not shown when its formset is missing.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel


class PermissionedFormsetsForm(WagtailAdminPageForm):
    # {relation name: "app_label.codename"}
    formset_permissions: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = kwargs.get("for_user")
        for relation, permission in self.formset_permissions.items():
            if user is not None and not user.has_perm(permission):
                self.formsets.pop(relation, None)


class PermissionInlinePanel(InlinePanel):
    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            if form is not None and kwargs["panel"].relation_name not in form.formsets:
                kwargs["form"] = None
            super().__init__(**kwargs)

        def is_shown(self):
            return self.form is not None and super().is_shown()
