from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """'Người tốt, việc tốt' stories: StoryIndexPage and StoryPage."""

    name = "stories"
    verbose_name = "Người tốt, việc tốt"

    def ready(self):
        from home.kinds import register
        from stories.kinds import KIND

        register(KIND)
