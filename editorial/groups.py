"""The editorial team's groups, permissions and moderation workflow (docs/editors-and-workflow.md).

``setup_editorial(apps)`` is additive and idempotent: it creates what is missing and never
takes a permission away, so running it again (the migration, ``load_demo_content``,
``manage.py setup_editorial``) only adds what came into being since: a newly installed app's
models, the English home page, the question or newsletter page.

It works on any app registry: the historical one inside a migration or the real one. Models
of apps that are not installed (yet) are skipped, which is how the newsletter and questions
apps are referred to: by app label, never imported.
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes

EDITORS = "Redacteuren"
MODERATORS = "Eindredactie"
NEWSLETTER = "Nieuwsbrief"
QUESTIONS = "Vragen"

# Wagtail's own default groups become ours (same role), so the admin shows no stray groups.
RENAMED_DEFAULT_GROUPS = {"Editors": EDITORS, "Moderators": MODERATORS}

WORKFLOW_NAME = "Moderatie door de eindredactie"
TASK_NAME = "Goedkeuring eindredactie"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
# Snippets that go through the same workflow (they have WorkflowMixin).
WORKFLOW_SNIPPETS = [("themes", "testimonial"), ("core", "partner")]

ADMIN_ACCESS = [("wagtailadmin", "admin", "access_admin")]

# (app label, model, codenames) of snippets and other models each group works with.
EDITOR_MODEL_PERMISSIONS = [
    *ADMIN_ACCESS,
    ("wagtail_localize", "translation", "submit_translation"),
    ("themes", "testimonial", "add_testimonial change_testimonial view_testimonial"),
    ("core", "partner", "add_partner change_partner view_partner"),
    ("core", "person", "add_person change_person view_person"),
]
MODERATOR_MODEL_PERMISSIONS = [
    *EDITOR_MODEL_PERMISSIONS,
    ("themes", "testimonial", "publish_testimonial delete_testimonial"),
    ("core", "partner", "publish_partner delete_partner"),
    ("core", "person", "delete_person"),
    ("core", "navigation", "add_navigation change_navigation view_navigation"),
    ("wagtailredirects", "redirect", "add_redirect change_redirect delete_redirect"),
    (
        "wagtailsearchpromotions",
        "searchpromotion",
        "add_searchpromotion change_searchpromotion delete_searchpromotion",
    ),
]

# Image and document permissions, on the root collection (and so on every collection).
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", "add_image change_image choose_image"),
    ("wagtaildocs", "document", "add_document change_document choose_document"),
]
MODERATOR_COLLECTION_PERMISSIONS = [
    *EDITOR_COLLECTION_PERMISSIONS,
    ("wagtailimages", "image", "delete_image"),
    ("wagtaildocs", "document", "delete_document"),
]

# Page permissions (Wagtail's PAGE_PERMISSION_TYPES) per subtree.
EDITOR_PAGES = "add_page change_page lock_page"
MODERATOR_PAGES = "add_page change_page lock_page publish_page unlock_page bulk_delete_page"
# Editors publish translations themselves: the Dutch source was approved by the moderators
# and wagtail-localize's editor has no "submit for moderation".
TRANSLATOR_PAGES = "publish_page"
SECTION_PAGES = "add_page change_page"

# The sections of the feature apps built beside this one: (group, app, page model).
SECTIONS = [
    (QUESTIONS, "questions", "questionindexpage"),
    (NEWSLETTER, "newsletter", "newsletterpage"),
]


def ensure_permissions_exist(apps):
    """Content types and permissions are made after migrate (post_migrate); a data migration
    that grants them runs before that on a new database, so make them now."""
    for app_config in apps.get_app_configs():
        # the historical registry's app configs have no models module: the two helpers
        # skip such apps, so give them one for the call
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = models_module
    # Wagtail adds "publish" to draftable snippets after migrate (wagtail/snippets/models.py).
    Permission = apps.get_model("auth", "Permission")
    for app_label, model in WORKFLOW_SNIPPETS:
        content_type = content_type_or_none(apps, app_label, model)
        if content_type is not None:
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"publish_{model}",
                defaults={"name": f"Can publish {model}"},
            )


def setup_editorial(apps):
    """Create or complete the editorial groups, their permissions and the workflow."""
    Group = apps.get_model("auth", "Group")
    for old, new in RENAMED_DEFAULT_GROUPS.items():
        default_group = Group.objects.filter(name=old).first()
        if default_group is not None and not Group.objects.filter(name=new).exists():
            # it keeps its members; its permissions are replaced by ours below
            default_group.name = new
            default_group.save(update_fields=["name"])
            default_group.permissions.clear()
            default_group.page_permissions.all().delete()
            default_group.collection_permissions.all().delete()
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (EDITORS, MODERATORS, NEWSLETTER, QUESTIONS)
    }

    grant_model_permissions(apps, groups[EDITORS], EDITOR_MODEL_PERMISSIONS)
    grant_model_permissions(apps, groups[MODERATORS], MODERATOR_MODEL_PERMISSIONS)
    for group_name, app_label, _page_model in SECTIONS:
        grant_model_permissions(apps, groups[group_name], ADMIN_ACCESS)
        grant_app_permissions(apps, groups[group_name], app_label)

    grant_collection_permissions(apps, groups[EDITORS], EDITOR_COLLECTION_PERMISSIONS)
    grant_collection_permissions(apps, groups[MODERATORS], MODERATOR_COLLECTION_PERMISSIONS)

    Page = apps.get_model("wagtailcore", "Page")
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        grant_page_permissions(apps, groups[EDITORS], [root], EDITOR_PAGES)
        grant_page_permissions(apps, groups[MODERATORS], [root], MODERATOR_PAGES)
        translation_homes = Page.objects.filter(depth=2).exclude(
            locale__language_code=settings.LANGUAGE_CODE
        )
        grant_page_permissions(apps, groups[EDITORS], translation_homes, TRANSLATOR_PAGES)
        for group_name, app_label, page_model in SECTIONS:
            content_type = content_type_or_none(apps, app_label, page_model)
            if content_type is not None:
                sections = Page.objects.filter(content_type=content_type)
                grant_page_permissions(apps, groups[group_name], sections, SECTION_PAGES)
        ensure_workflow(apps, groups[MODERATORS], root)
    return groups


def content_type_or_none(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.filter(app_label=app_label, model=model).first()


def permissions(apps, specs):
    """The Permission objects of [(app label, model, "codename codename")] that exist."""
    Permission = apps.get_model("auth", "Permission")
    found = []
    for app_label, model, codenames in specs:
        found += Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=codenames.split(),
        )
    return found


def grant_model_permissions(apps, group, specs):
    group.permissions.add(*permissions(apps, specs))


def grant_app_permissions(apps, group, app_label):
    """Every permission on the non-page models of ``app_label``, if the app is installed."""
    try:
        app_config = apps.get_app_config(app_label)
    except LookupError:
        return
    Page = apps.get_model("wagtailcore", "Page")
    model_names = [
        model._meta.model_name
        for model in app_config.get_models()
        if not issubclass(model, Page) and not model._meta.auto_created
    ]
    Permission = apps.get_model("auth", "Permission")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label=app_label, content_type__model__in=model_names
        )
    )


def grant_collection_permissions(apps, group, specs):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for permission in permissions(apps, specs):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def grant_page_permissions(apps, group, pages, codenames):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    page_permissions = permissions(apps, [("wagtailcore", "page", codenames)])
    for page in pages:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=permission
            )


def ensure_workflow(apps, moderators, root):
    """One workflow for the whole site: the moderators approve, or request changes.

    Wagtail's default "Moderators approval" workflow and task become this one.
    """
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    task = renamed_or_none(GroupApprovalTask, TASK_NAME) or GroupApprovalTask.objects.create(
        name=TASK_NAME,
        active=True,
        content_type=ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )[0],
    )
    task.groups.add(moderators)
    workflow = renamed_or_none(Workflow, WORKFLOW_NAME) or Workflow.objects.create(
        name=WORKFLOW_NAME, active=True
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.get_or_create(page_id=root.pk, defaults={"workflow": workflow})
    for app_label, model in WORKFLOW_SNIPPETS:
        content_type = content_type_or_none(apps, app_label, model)
        if content_type is not None:
            WorkflowContentType.objects.get_or_create(
                content_type=content_type, defaults={"workflow": workflow}
            )
    return workflow


def renamed_or_none(model, name):
    """The object called ``name``, or Wagtail's default one renamed to it."""
    found = model.objects.filter(name=name).first()
    if found is None:
        found = model.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW).first()
        if found is not None:
            found.name = name
            found.save(update_fields=["name"])
    return found
