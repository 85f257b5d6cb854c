"""Profiles that chose another admin language or time zone go back to Vietnamese, Vietnam time."""

from django.db import migrations


def vietnamese_profiles(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.exclude(preferred_language__in=["", "vi"]).update(preferred_language="")
    UserProfile.objects.exclude(current_time_zone__in=["", "Asia/Ho_Chi_Minh"]).update(current_time_zone="")


class Migration(migrations.Migration):
    dependencies = [("editorial", "0002_roles_and_workflow")]

    operations = [migrations.RunPython(vietnamese_profiles, migrations.RunPython.noop)]
