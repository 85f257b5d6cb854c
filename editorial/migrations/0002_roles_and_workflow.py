"""Roles and the approval workflow, so a fresh site has them.

- "Biên tập viên": writes and submits for approval (add + edit pages, images, documents; no publish).
- "Lãnh đạo duyệt": approves and publishes, or sends back with a comment.
- Workflow "Duyệt bài trước khi đăng" with one step, "Lãnh đạo duyệt", on the whole page tree
  (so the three sections and any unit sub-section under them).

Wagtail's own "Editors" and "Moderators" groups and its default "Moderators approval" workflow
are renamed / replaced, so the admin shows one Vietnamese set of roles.
"""

from django.db import migrations

EDITORS = "Biên tập viên"
LEADERS = "Lãnh đạo duyệt"
WORKFLOW = "Duyệt bài trước khi đăng"
TASK = "Lãnh đạo duyệt bài"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    LEADERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: {
        "wagtailimages": ["add_image", "change_image", "choose_image"],
        "wagtaildocs": ["add_document", "change_document", "choose_document"],
    },
    LEADERS: {
        "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
        "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
    },
}
# Snippets an editor picks from (the model-type list, forum series): view only.
MODEL_PERMISSIONS = {
    EDITORS: [("models_showcase", "modeltype", "view"), ("forums", "forumseries", "view")],
    LEADERS: [
        ("models_showcase", "modeltype", "view"),
        ("models_showcase", "modeltype", "add"),
        ("models_showcase", "modeltype", "change"),
        ("forums", "forumseries", "view"),
        ("forums", "forumseries", "add"),
        ("forums", "forumseries", "change"),
    ],
}


def _permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def _group(apps, name, wagtail_name):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=name).first()
    if group:
        return group
    group = Group.objects.filter(name=wagtail_name).first()
    if group:
        group.name = name
        group.save()
        return group
    return Group.objects.create(name=name)


def create_roles_and_workflow(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Task = apps.get_model("wagtailcore", "Task")
    LeaderApprovalTask = apps.get_model("editorial", "LeaderApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    root = Page.objects.filter(depth=1).order_by("path").first()
    # The site's home page when it exists (created by home's migration), else the tree root.
    home = Page.objects.filter(depth=2).order_by("path").first() or root
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")

    groups = {
        EDITORS: _group(apps, EDITORS, "Editors"),
        LEADERS: _group(apps, LEADERS, "Moderators"),
    }
    for name, group in groups.items():
        group.permissions.add(access_admin)
        for app_label, model, action in MODEL_PERMISSIONS[name]:
            group.permissions.add(
                _permission(apps, app_label, model, f"{action}_{model}", f"Can {action} {model}")
            )
        # Page permissions exactly as the role says (Wagtail's defaults sat on the tree root).
        GroupPagePermission.objects.filter(group=group).delete()
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.create(
                group=group,
                page=home,
                permission=_permission(apps, "wagtailcore", "page", codename, codename.replace("_", " ")),
            )
        if root_collection:
            for app_label, codenames in COLLECTION_PERMISSIONS[name].items():
                model = "image" if app_label == "wagtailimages" else "document"
                for codename in codenames:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, codename, codename.replace("_", " ")),
                    )

    task_type, _ = ContentType.objects.get_or_create(app_label="editorial", model="leaderapprovaltask")
    task = LeaderApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        task = LeaderApprovalTask.objects.create(name=TASK, content_type=task_type, active=True)
    task.groups.set([groups[LEADERS]])

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW, active=True)
    if not WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)

    # Replace Wagtail's default assignment of the whole tree.
    if root:
        previous = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
        old = previous.workflow if previous and previous.workflow_id != workflow.pk else None
        if old and not WorkflowPage.objects.filter(workflow=old).exists():
            old_tasks = list(Task.objects.filter(workflow_tasks__workflow=old))
            if WorkflowState.objects.filter(workflow=old).exists():
                old.active = False
                old.save()
            else:
                old.delete()
                for old_task in old_tasks:
                    if not TaskState.objects.filter(task=old_task).exists() and not old_task.workflow_tasks.exists():
                        old_task.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("home", "0004_create_homepage"),
        ("models_showcase", "0001_initial"),
        ("forums", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
