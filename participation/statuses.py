"""The kinds of submission, their statuses and topics: the words citizens and moderators read."""

from django.db import models


class Kind(models.TextChoices):
    FORUM_QUESTION = "cau-hoi-dien-dan", "Câu hỏi gửi diễn đàn"
    FEEDBACK = "hoi-dap-gop-y", "Hỏi đáp – Góp ý"
    NOMINATION = "guong-tot", "Giới thiệu gương người tốt, việc tốt"


class Status(models.TextChoices):
    RECEIVED = "da-tiep-nhan", "Đã tiếp nhận"
    PROCESSING = "dang-xu-ly", "Đang xử lý"
    ANSWERED_AT_FORUM = "tra-loi-tai-dien-dan", "Đã trả lời tại diễn đàn"
    ANSWERED_IN_WRITING = "tra-loi-bang-van-ban", "Đã trả lời bằng văn bản"
    TRANSFERRED = "da-chuyen", "Đã chuyển đến cơ quan khác"
    OUT_OF_SCOPE = "khong-thuoc-pham-vi", "Không thuộc phạm vi"


# A submission in one of these is closed: its contact details are erased after the retention period.
CLOSED = (Status.ANSWERED_AT_FORUM, Status.ANSWERED_IN_WRITING, Status.TRANSFERRED, Status.OUT_OF_SCOPE)
ANSWERED = (Status.ANSWERED_AT_FORUM, Status.ANSWERED_IN_WRITING)


def status_text(status: str, note: str = "") -> str:
    """ "Đã chuyển đến Công an tỉnh", "Không thuộc phạm vi (lý do: …)": what the tracking page prints."""
    if status == Status.TRANSFERRED and note:
        return f"Đã chuyển đến {note}"
    if status == Status.OUT_OF_SCOPE and note:
        return f"Không thuộc phạm vi ({note})"
    return Status(status).label


class Topic(models.TextChoices):
    SECURITY = "an-ninh-trat-tu", "An ninh trật tự"
    TRAFFIC = "giao-thong", "Trật tự giao thông"
    FIRE = "phong-chay", "Phòng cháy, chữa cháy"
    FRAUD = "lua-dao", "Lừa đảo qua mạng"
    RESIDENCE = "cu-tru", "Cư trú, giấy tờ"
    MODELS = "mo-hinh", "Mô hình tự quản"
    OTHER = "khac", "Vấn đề khác"


class NotUsefulReason(models.TextChoices):
    """The fixed list of short reasons under "Trang này có hữu ích không?" → Không."""

    HARD = "kho-hieu", "Khó hiểu"
    MISSING = "thieu-thong-tin", "Thiếu thông tin"
    OUTDATED = "cu", "Thông tin đã cũ"
    WRONG = "sai", "Có chỗ chưa đúng"
