"""A forum's schedule as readers are told it: the editor's word on the date (as planned,
postponed, cancelled), the status that follows from it and the clock, and the time texts."""

from django.db import models
from django.utils import timezone


class ForumSchedule(models.TextChoices):
    """What the editor says of the forum's date: as planned, postponed (perhaps to a new date), cancelled."""

    PLANNED = "theo-ke-hoach", "Theo kế hoạch"
    POSTPONED = "hoan", "Hoãn"
    CANCELLED = "huy", "Hủy"


class ForumStatus(models.TextChoices):
    """What readers are told: from the dates, unless the forum was postponed or cancelled."""

    UPCOMING = "sap-dien-ra", "Sắp diễn ra"
    ONGOING = "dang-dien-ra", "Đang diễn ra"
    ENDED = "da-ket-thuc", "Đã kết thúc"
    POSTPONED = "hoan", "Tạm hoãn"  # postponed, no new date yet
    RESCHEDULED = "doi-lich", "Dời lịch"  # postponed to the new date in starts_at/ends_at
    CANCELLED = "huy", "Đã hủy"


# The words put in front of a forum's title wherever it is reused (feeds, captions, share cards).
NOTICE_WORDS = {
    ForumStatus.POSTPONED: "TẠM HOÃN",
    ForumStatus.RESCHEDULED: "DỜI LỊCH",
    ForumStatus.CANCELLED: "ĐÃ HỦY",
}
# iCalendar's STATUS of an event (RFC 5545, 3.8.1.11).
ICAL_STATUS = {ForumStatus.POSTPONED: "TENTATIVE", ForumStatus.CANCELLED: "CANCELLED"}
# What changes a calendar entry: a new SEQUENCE when one of these changes, so calendars update.
CALENDAR_FIELDS = ("title", "starts_at", "ends_at", "venue", "address", "commune_id", "schedule")


def forum_status(schedule, starts_at, ends_at, previous_starts_at, now=None) -> str:
    """The status of a forum from plain values (a page's fields or a feed row's columns)."""
    if schedule == ForumSchedule.CANCELLED:
        return ForumStatus.CANCELLED
    if schedule == ForumSchedule.POSTPONED and not previous_starts_at:
        return ForumStatus.POSTPONED
    now = now or timezone.now()
    if now < starts_at:
        return ForumStatus.RESCHEDULED if schedule == ForumSchedule.POSTPONED else ForumStatus.UPCOMING
    if now <= ends_at:
        return ForumStatus.ONGOING
    return ForumStatus.ENDED


def time_text(starts_at, ends_at) -> str:
    """ "08:00–11:00, Thứ Bảy 20/12/2026", in Vietnam time."""
    from home.templatetags.site_tags import vn_weekday

    start, end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    until = end.strftime("%H:%M") if end.date() == start.date() else end.strftime("%H:%M %d/%m/%Y")
    return f"{start:%H:%M}–{until}, {vn_weekday(start)} {start:%d/%m/%Y}"


def when_text(schedule, starts_at, ends_at, previous_starts_at) -> str:
    """When the forum takes place, as captions, feeds and share cards print it."""
    status = forum_status(schedule, starts_at, ends_at, previous_starts_at)
    planned = time_text(starts_at, ends_at)
    if status == ForumStatus.CANCELLED:
        return f"Đã hủy (dự kiến {planned})"
    if status == ForumStatus.POSTPONED:
        return f"Tạm hoãn (dự kiến {planned}); thời gian mới sẽ được thông báo sau"
    if previous_starts_at and schedule == ForumSchedule.POSTPONED:
        return f"{planned} (dời từ {timezone.localtime(previous_starts_at):%H:%M %d/%m/%Y})"
    return planned
