"""The test suite's settings: the project's one settings module (which reads the environment,
so DATABASE_URL picks the database here too), plus a throwaway content kind's app."""

from config.settings import *  # noqa: F403
from config.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.kindsample"]
