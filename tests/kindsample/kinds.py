from home.kinds import ContentKind
from tests.kindsample.models import NoticeIndexPage, NoticePage

KIND = ContentKind(
    slug="thong-bao",
    label="Thông báo của phường",
    short_label="Thông báo",
    hashtag="ThôngBáo",
    model=NoticePage,
    index_model=NoticeIndexPage,
    province_lookup="commune__province",
    commune_lookup="commune",
    date_lookup="first_published_at__date",
    year_lookup="first_published_at__year",
    unit_field="signed_by",
)
