"""Changing a forum as an editor does: a revision, published."""

from forums.models import ForumAnnouncementPage

CU_CHI = "Đối thoại về an ninh trật tự ở vùng ven"  # an upcoming demo forum
NOTICE = "Trùng lịch diễn tập phòng cháy của xã; mời bà con theo dõi thông báo mới."


def publish(forum, **changes) -> ForumAnnouncementPage:
    """Change the forum through a published revision (as the editor's "Đăng" does) and read it back."""
    for name, value in changes.items():
        setattr(forum, name, value)
    forum.full_clean()
    forum.save_revision().publish()
    return ForumAnnouncementPage.objects.get(pk=forum.pk)


def upcoming_forum() -> ForumAnnouncementPage:
    return ForumAnnouncementPage.objects.get(title__startswith=CU_CHI)
