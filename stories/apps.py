from django.apps import AppConfig


class StoriesConfig(AppConfig):
    """'Người tốt, việc tốt' stories: StoryIndexPage and StoryPage."""

    name = "stories"
    verbose_name = "Người tốt, việc tốt"
