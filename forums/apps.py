from django.apps import AppConfig


class ForumsConfig(AppConfig):
    """Dialogue-forum announcements: ForumIndexPage, ForumAnnouncementPage, ForumSeries."""

    name = "forums"
    verbose_name = "Diễn đàn đối thoại"
