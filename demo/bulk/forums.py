"""Synthetic forum announcements in bulk, for benchmarks (how, in `demo.bulk.engine`).

Their start times are spread from a year and a half before the day of the run to four months
after it (Vietnam time), so the forums section has both forums to announce and forums held,
the latter with a summary and outcomes; a few are postponed to a new date or cancelled, with
the notice the editors must write. The run's day is the `today` argument, so a run is
deterministic given the seed and that day.
"""

import datetime
import zoneinfo

from django.utils import timezone

from demo.bulk.engine import BulkKind, Drawn, add_bulk, lower_first
from forums.models import ForumAnnouncementPage, ForumIndexPage, ForumSeries
from forums.schedule import ForumSchedule

VIETNAM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
DAYS_BEFORE, DAYS_AFTER = 540, 120

TOPICS = [
    "An ninh trật tự khu nhà trọ",
    "Phòng chống lừa đảo qua mạng",
    "Trật tự an toàn giao thông quanh trường học",
    "Phòng cháy, chữa cháy ở khu dân cư",
    "Thủ tục cư trú và căn cước",
    "Tụ tập đua xe, gây rối trật tự công cộng",
    "Phòng chống ma túy trong thanh thiếu niên",
    "Trộm cắp tài sản ở vùng ven",
]
# {commune} opens a sentence ("Phường Láng"), {unit} is inside one ("tại phường Láng").
TITLES = [
    "Công an lắng nghe ý kiến nhân dân {unit}: {topic_lower}",
    "Diễn đàn đối thoại về {topic_lower} tại {unit}",
    "{commune} đối thoại với người dân về {topic_lower}",
]
VENUES = [
    "Hội trường UBND {unit}",
    "Hội trường Công an {unit}",
    "Nhà văn hóa tổ dân phố số {n}",
    "Nhà văn hóa thôn {village}",
]
STREETS = ["Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt"]
VILLAGES = ["Đông", "Đoài", "Thượng", "Hạ", "Trung", "Tân Lập", "Hòa Bình"]
CHAIRS = [
    "Nguyễn Văn Hải",
    "Trần Thị Mai",
    "Lê Quốc Toàn",
    "Phạm Thu Hương",
    "Hoàng Minh Tuấn",
    "Vũ Thị Hạnh",
]
HOW_TO_TAKE_PART = (
    "<p>Người dân trên địa bàn được mời tham dự trực tiếp, không cần đăng ký. Câu hỏi có thể gửi "
    "trước qua cảnh sát khu vực hoặc tổ trưởng tổ dân phố.</p>"
)
SUMMARIES = [
    "Hơn một trăm người dân dự, nhiều ý kiến tập trung vào tình hình an ninh trật tự ở tổ dân phố.",
    "Người dân nêu nhiều kiến nghị cụ thể; lãnh đạo công an trả lời trực tiếp tại diễn đàn.",
]
OUTCOMES = [
    "Công an tăng cường tuần tra vào buổi tối và lập nhóm liên lạc với các tổ dân phố.",
    "Các kiến nghị chưa trả lời tại chỗ được chuyển đến cơ quan có thẩm quyền, trả lời trong 30 ngày.",
]
NOTICES = {
    "postponed": "Diễn đàn được dời sang ngày mới để bố trí hội trường; câu hỏi đã gửi được giữ lại.",
    "cancelled": "Diễn đàn bị hủy do trùng lịch hội nghị của phường; thông tin mới sẽ được thông báo sau.",
}


class Forums(BulkKind):
    model = ForumAnnouncementPage
    index_model = ForumIndexPage
    missing_parent = "Chưa có chuyên mục diễn đàn đối thoại: hãy chạy `manage.py load_demo` trước."
    stream = "dien-dan-"

    def __init__(self, today: datetime.date | None = None):
        self.today = today or timezone.localdate()

    def prepare(self) -> dict:
        return {"series": [None, *ForumSeries.objects.order_by("pk").values_list("pk", flat=True)]}

    def draw(self, plan, i, serial, rng) -> Drawn:
        commune_code, commune_name, _province = plan.communes[(serial * 7919) % len(plan.communes)]
        unit = lower_first(commune_name)
        topic = TOPICS[rng.randrange(len(TOPICS))]
        pattern = TITLES[rng.randrange(len(TITLES))]
        title = (
            f"{pattern.format(commune=commune_name, unit=unit, topic_lower=lower_first(topic))} (số {serial})"
        )
        day = self.today + datetime.timedelta(days=rng.randrange(-DAYS_BEFORE, DAYS_AFTER + 1))
        starts = datetime.datetime.combine(day, datetime.time(rng.choice((8, 14, 19))), tzinfo=VIETNAM)
        ends = starts + datetime.timedelta(hours=rng.choice((2, 3)))
        draw = rng.random()
        schedule, previous, notice = ForumSchedule.PLANNED, None, ""
        if draw < 0.03:
            schedule, previous, notice = (
                ForumSchedule.POSTPONED,
                starts - datetime.timedelta(days=7),
                NOTICES["postponed"],
            )
        elif draw < 0.05:
            schedule, notice = ForumSchedule.CANCELLED, NOTICES["cancelled"]
        held = schedule != ForumSchedule.CANCELLED and ends.date() < self.today
        chairs = [
            {"type": "chair", "value": {"name": rng.choice(CHAIRS), "position": f"Trưởng Công an {unit}"}},
            {
                "type": "chair",
                "value": {"name": rng.choice(CHAIRS), "position": f"Chủ tịch Ủy ban MTTQ {unit}"},
            },
        ]
        agenda = [
            {"type": "item", "value": {"time": f"{starts:%H:%M}", "item": "Khai mạc, giới thiệu đại biểu"}},
            {"type": "item", "value": {"time": None, "item": "Báo cáo tình hình an ninh trật tự"}},
            {"type": "item", "value": {"time": None, "item": "Người dân phát biểu, đặt câu hỏi"}},
            {"type": "item", "value": {"time": None, "item": "Lãnh đạo trả lời, kết luận"}},
        ]
        values = {
            "sapo": f"Công an {unit} mời người dân góp ý về {lower_first(topic)}.",
            "hero_image_id": plan.image(i),
            "hero_credit": "Ảnh minh họa",
            "topic": topic,
            "series_id": plan.shared["series"][rng.randrange(len(plan.shared["series"]))],
            "starts_at": starts,
            "ends_at": ends,
            "venue": rng.choice(VENUES).format(
                unit=unit, n=rng.randrange(1, 30), village=rng.choice(VILLAGES)
            ),
            "address": f"Số {rng.randrange(1, 200)} đường {rng.choice(STREETS)}",
            "commune_id": commune_code,
            "hosting_units": f"Công an {unit} và Ủy ban MTTQ Việt Nam {unit}",
            "chairs": chairs,
            "agenda": agenda,
            "how_to_take_part": HOW_TO_TAKE_PART,
            "questions_deadline": starts - datetime.timedelta(days=2),
            "schedule": schedule,
            "previous_starts_at": previous,
            "schedule_notice": notice,
            "summary": f"<p>{rng.choice(SUMMARIES)}</p>" if held else "",
            "outcomes": f"<p>{rng.choice(OUTCOMES)}</p>" if held else "",
        }
        # Announced two weeks ahead, or at the start of the run's day for a forum that close.
        published = min(
            starts - datetime.timedelta(days=14),
            datetime.datetime.combine(self.today, datetime.time(0), tzinfo=VIETNAM),
        )
        return Drawn(title, published, values)

    def for_index(self, pages):
        return pages.select_related("commune__province", "series")


def add_bulk_forums(
    count: int,
    seed: int = 2025,
    batch_size: int = 1000,
    jobs: int = 1,
    stdout=None,
    today: datetime.date | None = None,
) -> int:
    """Add `count` live, public forum announcements under the first forum index, spread over
    all communes, starting from `today - 540 days` to `today + 120 days` (today by default)."""
    return add_bulk(Forums(today), count, seed=seed, batch_size=batch_size, jobs=jobs, stdout=stdout)
