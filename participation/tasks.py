"""Participation's background work: e-mail notices are sent by a task, so a slow or absent mail
server neither slows a citizen's form nor loses the notice (the task is tried again later,
home.tasks)."""

from django.conf import settings
from django.core.mail import send_mail

from home.tasks import retrying_task


@retrying_task
def send_notification(subject: str, body: str, recipients: list[str]) -> int:
    """Send one notice; the number of messages sent (1)."""
    return send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
