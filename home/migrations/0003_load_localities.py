"""Load the 34 provinces and 3,321 communes, so every database has them from the start."""

from django.db import migrations


def load(apps, schema_editor):
    from home.localities import load_localities

    load_localities(apps.get_model("home", "Province"), apps.get_model("home", "Commune"))


class Migration(migrations.Migration):
    dependencies = [("home", "0002_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
