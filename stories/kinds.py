"""Stories as a content kind: how sections, search, feeds and the home page see them."""

from home.kinds import ContentKind, HomeBlock
from stories.models import StoryIndexPage, StoryPage, StoryTag

KIND = ContentKind(
    slug="nguoi-tot-viec-tot",
    label="Người tốt, việc tốt",
    short_label="Người tốt, việc tốt",
    hashtag="NgườiTốtViệcTốt",
    model=StoryPage,
    index_model=StoryIndexPage,
    province_lookup="commune__province",
    commune_lookup="commune",
    date_lookup="deed_date",
    year_lookup="deed_date__year",
    unit_field="byline",
    kicker_field="deed_type",
    card_date_field="deed_date",
    topic_through=StoryTag,
    section_filters=("tinh", "xa", "chu-de", "nam"),
    home=HomeBlock("stories/includes/home_block.html", count=6, featured=True),
    legacy_slugs=("cau-chuyen",),
)
