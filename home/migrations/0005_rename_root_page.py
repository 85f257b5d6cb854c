"""Wagtail's tree root is titled "Root" in the database; the admin shows it in breadcrumbs."""

from django.db import migrations


def rename(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title="Gốc", draft_title="Gốc")


def restore(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Gốc").update(title="Root", draft_title="Root")


class Migration(migrations.Migration):
    dependencies = [("home", "0004_create_homepage")]

    operations = [migrations.RunPython(rename, restore)]
