from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    """What citizens send: questions before a forum, questions and feedback, nominations of good
    deeds, "was this page useful?"; tracked by a code, moderated by the unit in the admin."""

    name = "participation"
    verbose_name = "Tiếp nhận ý kiến người dân"
    default_auto_field = "django.db.models.BigAutoField"
