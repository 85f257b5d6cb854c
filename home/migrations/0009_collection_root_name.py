"""The root collection, which every editor sees in the image and document screens, has a
Vietnamese name: Wagtail creates it as "Root"."""

from django.db import migrations

ROOT_NAME = "Thư viện chung"


def rename_root(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_NAME)


def restore_root(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=ROOT_NAME).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_vietnamese_sort_keys"),
        ("wagtailcore", "0025_collection_initial_data"),
    ]

    operations = [migrations.RunPython(rename_root, restore_root)]
