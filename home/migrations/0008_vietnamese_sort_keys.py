"""Provinces and communes in Vietnamese alphabetical order: a stored sort key (home.collation)."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from home.localities import load_localities

    load_localities(apps.get_model("home", "Province"), apps.get_model("home", "Commune"))


def field(help_text):
    return models.CharField(
        "khoá sắp xếp", max_length=500, db_index=True, editable=False, default="", help_text=help_text
    )


class Migration(migrations.Migration):
    dependencies = [("home", "0007_featured_page_of_any_featured_kind")]

    operations = [
        migrations.AddField(
            "province",
            "sort_key",
            field("Thứ tự chữ cái tiếng Việt của tên (home.collation), tự tính khi lưu."),
        ),
        migrations.AddField(
            "commune",
            "sort_key",
            field("Thứ tự chữ cái tiếng Việt của tên riêng, không kể chữ “Phường”, “Xã” (home.collation)."),
        ),
        migrations.AlterModelOptions(
            "province",
            {"ordering": ["sort_key"], "verbose_name": "tỉnh, thành phố", "verbose_name_plural": "tỉnh, thành phố"},
        ),
        migrations.AlterModelOptions(
            "commune",
            {
                "ordering": ["province__sort_key", "sort_key"],
                "verbose_name": "xã, phường, đặc khu",
                "verbose_name_plural": "xã, phường, đặc khu",
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
