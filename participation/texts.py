"""What citizens are told about a forum's questions: why the form is closed, the counts."""

from django.db.models import Count, Q
from django.utils import timezone

from forums.schedule import ForumStatus
from participation.statuses import Kind, Status


def closed_reason(forum) -> str:
    """Why a forum takes no more questions ("" while it does)."""
    if forum.accepts_questions:
        return ""
    status = forum.status
    if status == ForumStatus.CANCELLED:
        return (
            "Diễn đàn này đã hủy nên không nhận câu hỏi. Bạn vẫn có thể gửi ý kiến qua mục Hỏi đáp – Góp ý."
        )
    if status == ForumStatus.POSTPONED:
        return "Diễn đàn đang tạm hoãn, chưa có ngày mới; câu hỏi sẽ được nhận lại khi có lịch mới."
    if status in (ForumStatus.ONGOING, ForumStatus.ENDED):
        return "Diễn đàn đã diễn ra nên không nhận câu hỏi gửi trước. Bạn có thể gửi ý kiến qua mục Hỏi đáp – Góp ý."
    deadline = timezone.localtime(forum.questions_deadline or forum.starts_at)
    return f"Đã hết hạn gửi câu hỏi lúc {deadline:%H:%M} ngày {deadline:%d/%m/%Y}."


def forum_counts(forum) -> dict:
    """Received, answered at the forum, answered in writing, transferred (one query)."""
    return forum.submissions.filter(kind=Kind.FORUM_QUESTION).aggregate(
        received=Count("pk"),
        at_forum=Count("pk", filter=Q(status=Status.ANSWERED_AT_FORUM)),
        in_writing=Count("pk", filter=Q(status=Status.ANSWERED_IN_WRITING)),
        transferred=Count("pk", filter=Q(status=Status.TRANSFERRED)),
    )
