"""Forum announcements as a content kind: how sections, search, feeds and the home page see them."""

from forums.models import ForumAnnouncementPage, ForumIndexPage
from home.kinds import ContentKind, HomeBlock

KIND = ContentKind(
    slug="dien-dan",
    label="Diễn đàn đối thoại",
    short_label="Diễn đàn đối thoại",
    hashtag="DiễnĐànĐốiThoại",
    model=ForumAnnouncementPage,
    index_model=ForumIndexPage,
    province_lookup="commune__province",
    commune_lookup="commune",
    date_lookup="starts_at__date",
    year_lookup="starts_at__year",
    unit_field="hosting_units",
    card_date_field="starts_at",
    search_names=("diễn đàn",),
    home=HomeBlock("forums/includes/home_block.html", count=3, select=ForumAnnouncementPage.upcoming),
)
