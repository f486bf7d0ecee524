"""Networks: one Wagtail Site per regional palliative-care network, and who works for which.

Every rule about "whose data may this user see" goes through `within_networks`: the desk,
reports, exports, recruitment and the dashboard call it with their own queryset.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, QuerySet
from django.http import Http404
from wagtail.models import (
    AbstractGroupApprovalTask,
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Site,
)

from cms import roles
from cms.models import NetworkGroup


def networks_for(user) -> QuerySet[Site]:
    """The networks whose data this user may see: a superuser all, anyone else the sites
    their groups are tied to (none for a group without a network)."""
    if not (user and user.is_authenticated and user.is_active):
        return Site.objects.none()
    if user.is_superuser:
        return Site.objects.all()
    return Site.objects.filter(network_groups__group__user=user).distinct()


def within_networks(queryset: QuerySet, user, field: str = "site") -> QuerySet:
    """`queryset` cut down to the rows of the user's networks (`field` leads to a Site)."""
    if user and user.is_active and user.is_superuser:
        return queryset
    return queryset.filter(**{f"{field}__in": networks_for(user)})


def pages_within_networks(queryset: QuerySet, user) -> QuerySet:
    """Pages (covers, forms) of the user's networks: a page belongs to the site whose tree
    holds it."""
    if user and user.is_active and user.is_superuser:
        return queryset
    roots = Page.objects.filter(sites_rooted_here__in=networks_for(user))
    if not roots:
        return queryset.none()
    condition = None
    for root in roots:
        part = queryset.descendant_of(root, inclusive=True)
        condition = part if condition is None else condition | part
    return condition


def network_of_page(page: Page | None) -> Site | None:
    """The network whose tree holds this page (None for a page outside every site)."""
    if page is None or not page.path:
        return None
    return site_of_tree_path(page.path)


SITES_CACHE_KEY = "networks:sites-by-tree-path"


def site_of_tree_path(path: str) -> Site | None:
    """The network whose home holds this tree path, from a cached list of the sites (as
    Wagtail caches its site root paths): a page of lent covers, a batch of e-mails, name each
    one's network without a query each (page.get_site() asks the database every time).
    Emptied when a site changes or a page moves."""
    sites = cache.get(SITES_CACHE_KEY)
    if sites is None:
        sites = list(Site.objects.annotate(tree_path=F("root_page__path")).order_by("pk"))
        cache.set(SITES_CACHE_KEY, sites, 3600)
    # The deepest home first: a site rooted below another's home belongs to itself.
    holding = [site for site in sites if path.startswith(site.tree_path)]
    return max(holding, key=lambda site: len(site.tree_path), default=None)


def forget_sites(**kwargs) -> None:
    cache.delete(SITES_CACHE_KEY)


def connect_site_cache() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import post_page_move

    for signal in (post_save, post_delete):
        signal.connect(forget_sites, sender=Site, dispatch_uid=f"forget-sites-{signal}")
    post_page_move.connect(forget_sites, dispatch_uid="forget-sites-on-move")


def default_network() -> Site | None:
    return Site.objects.filter(is_default_site=True).first()


def base_url(site: Site | None) -> str:
    """Where the network's site lives, for links in e-mails and print: the first network at
    WAGTAILADMIN_BASE_URL (production's setting), the others at their Site's address."""
    if site is None or site.is_default_site:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return site.root_url.rstrip("/")


def home_network(user) -> Site | None:
    """The network a row made by this user belongs to, when they do not choose: the first of
    theirs."""
    return networks_for(user).order_by("pk").first()


def page_address(page: Page | None) -> str:
    """A page's full address on its own network, for e-mails and print ("" for a page that
    is not reachable). Not `page.url`: with more than one site it is already a full URL, on
    the Site's address rather than the network's public one (base_url)."""
    parts = page.get_url_parts() if page is not None else None
    if parts is None:
        return ""
    return base_url(network_of_page(page)) + parts[2]


def network_name(site: Site | None) -> str:
    if site is None:
        return ""
    return site.site_name or site.hostname


def tie_group(group: Group, site: Site, role: str) -> None:
    NetworkGroup.objects.update_or_create(group=group, defaults={"site": site, "role": role})


def role_groups(site: Site | None, role: str) -> QuerySet[Group]:
    """The groups that hold `role` for this network; the first network's role group when
    the page lies outside every network's tree."""
    groups = Group.objects.filter(network_link__site=site, network_link__role=role)
    if site is None or not groups.exists():
        return Group.objects.filter(name=role)
    return groups


def sync_page_permissions(site: Site) -> None:
    """Page permissions of this network's groups that hold outside the network's own tree
    (Wagtail's tree root, a replaced home page) move onto the network's home, so an editor of
    one network never edits another's pages."""
    root = site.root_page
    stray = GroupPagePermission.objects.filter(group__network_link__site=site).exclude(
        page__path__startswith=root.path
    )
    with transaction.atomic():
        for grant in stray.select_related("page"):
            GroupPagePermission.objects.get_or_create(
                group_id=grant.group_id, page=root, permission_id=grant.permission_id
            )
            grant.delete()


def create_network_roles(site: Site, name: str) -> dict[str, Group]:
    """The three roles of a new network, with the same rights as the first network's roles
    (the groups `roles.ALL_ROLES`), but each right held for this network only: page rights on
    its own home, settings rights for its own site, image and document rights in a collection
    of its own."""
    created: dict[str, Group] = {}
    collection = network_collection(name)
    for role in roles.ALL_ROLES:
        template = Group.objects.filter(name=role).first()
        group, _ = Group.objects.get_or_create(name=f"{role} · {name}")
        tie_group(group, site, role)
        if template is not None:
            settings_rights = {
                grant.permission_id for grant in GroupSitePermission.objects.filter(group=template)
            }
            group.permissions.set(template.permissions.exclude(pk__in=settings_rights))
            for permission_id in settings_rights:
                GroupSitePermission.objects.get_or_create(
                    group=group, site=site, permission_id=permission_id
                )
            # Rights on a home (or the tree root) hold for the whole network; a right on one
            # page (the secretariat's on the loan form) is given when that page is made.
            for grant in GroupPagePermission.objects.filter(group=template, page__depth__lte=2):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=site.root_page, permission_id=grant.permission_id
                )
            for grant in GroupCollectionPermission.objects.filter(group=template):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission_id=grant.permission_id
                )
            # A review task (Wagtail's group approval) that the first network's role does,
            # the new network's role does for its own pages (the task checks the network).
            for task_model in apps.get_models():
                if issubclass(task_model, AbstractGroupApprovalTask):
                    for task in task_model.objects.filter(groups=template):
                        task.groups.add(group)
        created[role] = group
    return created


def network_collection(name: str) -> Collection:
    """The network's own collection of images and documents, beside the first network's."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


FIRST_NETWORK_COLLECTION = "Eerste netwerk"


def collection_of(site: Site | None) -> Collection:
    """A network's own collection of images and documents: the one its roles hold rights
    on (the first network's was made by migration cms 0008 and keeps the name the site had
    then, so it is found by its rights, not by name)."""
    held = site and (
        Collection.objects.filter(depth__gt=1, group_permissions__group__network_link__site=site)
        .order_by("depth", "path")
        .first()
    )
    return held or network_collection(network_name(site) or FIRST_NETWORK_COLLECTION)


def first_network_collection() -> Collection:
    return collection_of(default_network())


def own_network_only(objects_of: Callable[[Any], QuerySet], missing: str):
    """A view decorator: a 404 for an object of another network on every URL that names one
    (`pk`; Wagtail's edit, delete, history and inspect views included), before any view runs.
    The answer is the same as for an object that does not exist, so nothing tells it is
    there. `objects_of(user)` is the user's own networks' objects."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None and request.user.is_authenticated:
                own = str(pk).isdigit() and objects_of(request.user).filter(pk=int(str(pk)))
                if not own or not own.exists():
                    raise Http404(missing)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate
