"""Model showcases as a content kind: how sections, search, feeds and the home page see them."""

from home.kinds import ContentKind, HomeBlock
from models_showcase.models import ModelShowcasePage, ShowcaseIndexPage

KIND = ContentKind(
    slug="mo-hinh",
    label="Mô hình bảo đảm an ninh trật tự",
    short_label="Mô hình ANTT",
    hashtag="MôHìnhANTT",
    model=ModelShowcasePage,
    index_model=ShowcaseIndexPage,
    province_lookup="province",
    commune_lookup="communes",
    date_lookup="first_published_at__date",
    year_lookup="year_started",
    unit_field="coordinating_unit",
    kicker_field="model_type__name",
    type_field="model_type",
    section_filters=("tinh", "xa", "mo-hinh", "nam"),
    search_names=("mô hình",),
    home=HomeBlock(
        "models_showcase/includes/home_block.html",
        count=4,
        select=lambda items: items.prefetch_related("figures"),  # its cards print the latest figures
    ),
)
