"""Synthetic stories in bulk, for benchmarks: 10,000 in well under a minute (how, in
`demo.bulk.engine`).

They look like real stories to every listing and feed: each has a lead image (the demo's own
images, in turn), one or two topics and a featured person who has consented, so benchmarks pay
for images, tags and the consent check as they would in production.
"""

import datetime
import random

from django.utils import timezone
from taggit.models import Tag

from demo.bulk.engine import BulkKind, Drawn, add_bulk
from stories.models import AgeGroup, ConsentScope, DeedType, StoryIndexPage, StoryPage, StoryPerson, StoryTag

SUBJECTS = [
    "Tài xế xe ôm",
    "Học sinh lớp 8",
    "Chủ nhà trọ",
    "Tổ trưởng tổ dân phố",
    "Người bán hàng rong",
    "Cựu chiến binh",
    "Nữ sinh viên",
    "Bảo vệ chung cư",
    "Ngư dân",
    "Nông dân",
    "Đoàn viên thanh niên",
    "Tiểu thương chợ",
]
DEEDS = {
    DeedType.CATCH_THIEF: "cùng người dân bắt giữ kẻ trộm xe máy",
    DeedType.RESCUE: "cứu người gặp nạn giữa đêm mưa",
    DeedType.RETURN_PROPERTY: "trả lại ví tiền nhặt được cho người đánh rơi",
    DeedType.FIREFIGHTING: "dập tắt đám cháy trong khu dân cư",
    DeedType.REPORT_CRIME: "báo tin giúp công an triệt phá ổ nhóm lừa đảo",
    DeedType.RECONCILE: "hòa giải mâu thuẫn giữa hai gia đình hàng xóm",
    DeedType.OTHER: "tổ chức tuần tra bảo vệ bình yên khu phố",
}
SENTENCES = [
    "Sự việc xảy ra vào buổi tối khi nhiều người đã đi nghỉ.",
    "Người dân xung quanh nhanh chóng hỗ trợ và báo cho công an xã, phường.",
    "Cán bộ cảnh sát khu vực có mặt kịp thời, lập biên bản và xử lý theo quy định.",
    "Hành động đẹp được cả khu phố biết đến và khen ngợi.",
    "Công an khuyến cáo người dân cảnh giác, khóa xe, khóa cửa cẩn thận.",
    "Gia đình người được giúp đỡ đã đến tận nhà cảm ơn.",
]
TOPICS = ["an toàn giao thông", "phòng chống tội phạm", "phòng cháy chữa cháy", "hòa giải", "cứu người"]
FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
GIVEN_NAMES = ["Văn Hùng", "Thị Lan", "Minh Đức", "Thu Hà", "Quốc Bảo", "Ngọc Ánh"]


BASE_DATE = datetime.date(2025, 7, 1)


class Stories(BulkKind):
    model = StoryPage
    index_model = StoryIndexPage
    missing_parent = "Chưa có chuyên mục người tốt, việc tốt: hãy chạy `manage.py load_demo` trước."

    def prepare(self) -> dict:
        return {"tags": [Tag.objects.get_or_create(name=name)[0] for name in TOPICS]}

    def draw(self, plan, i, serial, rng) -> Drawn:
        commune_code, commune_name, _province = plan.communes[(i * 7919) % len(plan.communes)]
        deed_types = list(DEEDS)
        deed = deed_types[rng.randrange(len(deed_types))]
        title = f"{SUBJECTS[rng.randrange(len(SUBJECTS))]} {DEEDS[deed]} ở {commune_name} (số {serial})"
        deed_date = BASE_DATE + datetime.timedelta(days=rng.randrange(480))
        body = " ".join(rng.sample(SENTENCES, 3))
        values = {
            "sapo": f"{title}. {rng.choice(SENTENCES)}",
            "body": [{"type": "paragraph", "value": f"<p>{body}</p>"}],
            "deed_type": deed,
            "deed_date": deed_date,
            "commune_id": commune_code,
            "byline": "Ban biên tập",
            "hero_image_id": plan.image(i),
        }
        published = timezone.make_aware(datetime.datetime.combine(deed_date, datetime.time(8)))
        return Drawn(title, published, values)

    def add_rows(self, plan, pages, drawn, rng: random.Random):
        """One or two topics and one consenting adult per story, in two bulk inserts."""
        tagged, people = [], []
        for page, one in zip(pages, drawn, strict=True):
            for tag in rng.sample(plan.shared["tags"], rng.choice((1, 2))):
                tagged.append(StoryTag(content_object_id=page.pk, tag=tag))
            people.append(
                StoryPerson(
                    page_id=page.pk,
                    sort_order=0,
                    full_name=f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}",
                    age=rng.randrange(20, 70),
                    age_group=AgeGroup.ADULT,
                    consent_given=True,
                    consent_date=one.values["deed_date"],
                    consent_scope=ConsentScope.NAME_AND_IMAGE,
                    photo_id=one.values["hero_image_id"],
                )
            )
        StoryTag.objects.bulk_create(tagged)
        StoryPerson.objects.bulk_create(people)

    def for_index(self, pages):
        return pages.select_related("commune__province").prefetch_related("tagged_items__tag")


def add_bulk_stories(count: int, seed: int = 2025, batch_size: int = 1000, jobs: int = 1, stdout=None) -> int:
    """Add `count` live, public stories under the first story index, spread over all communes."""
    return add_bulk(Stories(), count, seed=seed, batch_size=batch_size, jobs=jobs, stdout=stdout)
