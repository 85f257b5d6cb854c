"""The approvers ("Lãnh đạo duyệt") keep the search synonym list; editors may read it."""

from django.db import migrations

GRANTS = {
    "Biên tập viên": ["view"],
    "Lãnh đạo duyệt": ["view", "add", "change", "delete"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="site_search", model="synonymgroup")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_synonymgroup",
                defaults={"name": f"Can {action} nhóm từ đồng nghĩa"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_vietnamese_profiles"),
        ("site_search", "0002_synonym_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
