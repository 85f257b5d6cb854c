"""The test suite's settings: the project's one settings module (which reads the environment,
so DATABASE_URL picks the database here too), plus a throwaway content kind's app."""

from config.settings import *  # noqa: F403
from config.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.kindsample"]

# Tasks run at once, inside the test that enqueues them, so a test sees their effect (mail in
# the outbox, pages in the search index) without a worker. Tests of the database backend and
# its worker switch to it with override_settings (tests/home/test_tasks.py).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
