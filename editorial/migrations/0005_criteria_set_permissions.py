"""The approvers ("Lãnh đạo duyệt") keep the criteria sets ("Bộ tiêu chí") models are evaluated
against, and publish a new version; editors may read them. Deleting a set is left to
administrators: evaluations keep the set they were scored against."""

from django.db import migrations

GRANTS = {
    "Biên tập viên": ["view"],
    "Lãnh đạo duyệt": ["view", "add", "change"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="models_showcase", model="criteriaset")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_criteriaset",
                defaults={"name": f"Can {action} bộ tiêu chí"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_synonym_permissions"),
        ("models_showcase", "0007_default_criteria_set"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
