"""Demo questions of the past forum in phường Thủ Đức: answered, some published as Q&A; one
anonymous question with a fixed tracking code, so the tracking page can be audited."""

import datetime

from participation.models import StatusChange, Submission
from participation.statuses import Kind, Status

FORUM_TITLE = "Công an lắng nghe ý kiến nhân dân: an ninh trật tự khu nhà trọ phường Thủ Đức"
TRACKING_CODE = "DEMQ2345XY"  # /tra-cuu/DEMQ2345XY/ in the page audit

# fmt: off
QUESTIONS = [
    {
        "code": TRACKING_CODE, "topic": "cu-tru", "status": Status.ANSWERED_AT_FORUM, "publish": True,
        "text": "Người thuê trọ mới đến có phải ra công an phường khai báo tạm trú không, hay làm trên mạng được?",
        "public": "Người thuê trọ mới đến có thể khai báo tạm trú trực tuyến không?",
        "answer": "Được. Chủ nhà trọ hoặc người thuê khai báo trên ứng dụng VNeID hoặc Cổng dịch vụ công; "
                  "công an phường hỗ trợ tại trụ sở mỗi sáng thứ Bảy cho ai chưa quen.",
        "by": "Trưởng Công an phường Thủ Đức",
    },
    {
        "code": "DEMR6789AB", "topic": "phong-chay", "status": Status.ANSWERED_AT_FORUM, "publish": True,
        "text": "Dãy trọ của tôi chỉ có một lối ra, chủ nhà nói không có chỗ làm lối thứ hai thì phải làm sao?",
        "public": "Dãy trọ chỉ có một lối ra thì cần làm gì để bảo đảm thoát nạn khi cháy?",
        "answer": "Công an phường sẽ cùng chủ nhà khảo sát từng dãy trọ; nơi không mở được lối thứ hai thì "
                  "lắp thang thoát hiểm, đèn chiếu sáng sự cố và bình chữa cháy ở mỗi tầng.",
        "by": "Đội Cảnh sát PCCC và CNCH khu vực",
    },
    {
        "code": "DEMS2345CD", "topic": "an-ninh-trat-tu", "status": Status.TRANSFERRED,
        "note": "Ủy ban nhân dân phường Thủ Đức",
        "text": "Đèn đường ở hẻm 12 hỏng đã lâu, buổi tối rất tối, người đi làm ca đêm về thấy không an toàn.",
    },
    {
        "code": "DEMT6789EF", "topic": "lua-dao", "status": Status.ANSWERED_IN_WRITING,
        "text": "Tôi nhận được cuộc gọi tự xưng công an yêu cầu cài ứng dụng để cập nhật định danh, có đúng không?",
        "answer": "Không. Công an không gọi điện yêu cầu cài ứng dụng hay chuyển tiền. Hãy tắt máy, không bấm "
                  "đường link lạ và báo cho công an phường.",
        "by": "Công an phường Thủ Đức",
    },
]
# fmt: on


def build(forum) -> int:
    """Create the demo questions once (a forum that already has questions is left alone)."""
    if forum is None or forum.submissions.exists():
        return 0
    asked = forum.starts_at - datetime.timedelta(days=5)
    answered = forum.starts_at + datetime.timedelta(hours=2)
    for number, spec in enumerate(QUESTIONS):
        submission = Submission.objects.create(
            kind=Kind.FORUM_QUESTION,
            code=spec["code"],
            forum=forum,
            commune=forum.commune,
            topic=spec["topic"],
            text=spec["text"],
            status=spec["status"],
            status_note=spec.get("note", ""),
            answer=spec.get("answer", ""),
            answered_by=spec.get("by", ""),
            answered_at=answered if spec.get("answer") else None,
            public_question=spec.get("public", ""),
            published_at=answered if spec.get("publish") else None,
            fingerprint=f"demo-{spec['code']}",
            created_at=asked + datetime.timedelta(hours=number),
            closed_at=answered,
        )
        StatusChange.objects.create(submission=submission, status=Status.RECEIVED, at=submission.created_at)
        StatusChange.objects.create(
            submission=submission, status=spec["status"], note=spec.get("note", ""), at=answered
        )
    return len(QUESTIONS)


def forum_of_demo():
    from forums.models import ForumAnnouncementPage

    return ForumAnnouncementPage.objects.filter(title=FORUM_TITLE).first()
