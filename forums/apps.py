from django.apps import AppConfig


class ForumsConfig(AppConfig):
    """Dialogue-forum announcements: ForumIndexPage, ForumAnnouncementPage, ForumSeries."""

    name = "forums"
    verbose_name = "Diễn đàn đối thoại"

    def ready(self):
        from forums.kinds import KIND
        from home.kinds import register

        register(KIND)
