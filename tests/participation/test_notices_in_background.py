"""E-mail notices leave the request: with the site's database backend the citizen's form answers
at once, the moderators' notice waits in the database, and the worker sends it."""

import pytest
from django.core import mail

from participation.models import Submission
from tests.participation.helpers import post_form, unit_moderator
from tests.participation.test_feedback_and_nominations import FEEDBACK, HOAN_KIEM
from tests.tasks import database_tasks, run_worker, waiting

pytestmark = pytest.mark.django_db


def test_the_moderators_notice_waits_for_the_worker(
    client, django_user_model, django_capture_on_commit_callbacks, monkeypatch
):
    unit_moderator(django_user_model, "tiepnhan-hk", HOAN_KIEM)
    with database_tasks():
        with django_capture_on_commit_callbacks(execute=True):
            assert post_form(client, "/hoi-dap/", FEEDBACK).status_code == 303
        submission = Submission.objects.get()
        assert mail.outbox == []  # the form did not wait for a mail server
        (notice,) = waiting("participation.tasks.send_notification")
        subject, body, recipients = notice.args_kwargs["args"]
        assert submission.text not in body  # the notice names the code, not what was sent
        assert submission.display_code in subject and "tiepnhan-hk@example.vn" in recipients

        run_worker(monkeypatch)
    (message,) = mail.outbox
    assert message.subject == subject and "tiepnhan-hk@example.vn" in message.to
    assert submission.text not in message.body
    assert waiting() == []


def test_a_mail_server_outage_keeps_the_submission_and_the_notice(
    client, django_user_model, django_capture_on_commit_callbacks, monkeypatch, settings
):
    """The server refuses: the citizen's submission is kept, and the notice is tried again."""
    unit_moderator(django_user_model, "tiepnhan-hk", HOAN_KIEM)

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    with database_tasks():
        with django_capture_on_commit_callbacks(execute=True):
            assert post_form(client, "/hoi-dap/", FEEDBACK).status_code == 303
        with monkeypatch.context() as outage:
            outage.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
            run_worker(monkeypatch)
        assert Submission.objects.count() == 1 and mail.outbox == []
        (retry,) = waiting("participation.tasks.send_notification")
        assert retry.args_kwargs["kwargs"] == {"_attempt": 2}
