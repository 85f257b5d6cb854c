"""Replace Wagtail's "Welcome" page with our home page and point the default site at it."""

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    root = Page.objects.get(depth=1)
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    # Build the tree path by hand: historical models have no treebeard helpers.
    siblings = Page.objects.filter(depth=2).order_by("-path")
    last = siblings.first()
    step = int(last.path[-4:], 36) + 1 if last else 1
    path = root.path + format_base36(step)
    home = HomePage.objects.create(
        title="Bình Yên",
        draft_title="Bình Yên",
        slug="trang-chu",
        content_type=content_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=Locale.objects.get_or_create(language_code="vi")[0],
        intro="Chung tay giữ bình yên cho mỗi khu phố, mỗi làng quê.",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page_id = home.id
        site.site_name = "Bình Yên"
        site.save()
    else:
        Site.objects.create(hostname="localhost", root_page_id=home.id, is_default_site=True, site_name="Bình Yên")


def format_base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rem = divmod(number, 36)
        out = digits[rem] + out
    return out.rjust(4, "0")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_load_localities"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_homepage, migrations.RunPython.noop)]
