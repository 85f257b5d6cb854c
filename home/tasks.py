"""Background tasks: the one retry rule, the logs of every task of ours, and front-cache purges.

django-tasks runs a function later (with the database backend: a row that `manage.py db_worker`
picks up) but never tries a failed task again. `retrying_task` makes a module-level function a
task that does:

- it logs its start (INFO) with the attempt number;
- on an exception it logs a warning and enqueues itself again, with the same arguments, to run
  after a growing delay (30 s, 2 min, 8 min, 32 min, …), until `settings.TASK_MAX_ATTEMPTS`
  attempts in all; the attempt number travels in the keyword arguments as `_attempt`, so each
  attempt is a row of its own in the database, the failed one marked failed with its traceback;
- the last failure is logged as an error. A backend that runs tasks at once (the immediate one,
  in tests) cannot wait, so there a failure is logged and not tried again.

Arguments must be plain JSON values (ids, strings, lists), never model instances: the worker
reads them back from the database, possibly after the objects changed.

This module is on the ground floor: it imports no app of ours above `home`.
"""

from __future__ import annotations

import datetime
import functools
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPT = "_attempt"  # the keyword argument that carries the attempt number
FIRST_DELAY = datetime.timedelta(seconds=30)
BACKOFF = 4  # each delay is this many times the one before


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long to wait after failed attempt number `attempt` (1-based) before the next."""
    return FIRST_DELAY * BACKOFF ** (attempt - 1)


def retrying_task(func=None, **task_options):
    """`@retrying_task` (or `@retrying_task(priority=…)`): a django-tasks task with retries."""
    if func is None:
        return functools.partial(retrying_task, **task_options)

    @functools.wraps(func)
    def attempt(*args, **kwargs):
        number = int(kwargs.pop(ATTEMPT, 1))
        limit = settings.TASK_MAX_ATTEMPTS
        name = f"{func.__module__}.{func.__qualname__}"
        logger.info("Task %s started (attempt %d of %d)", name, number, limit)
        try:
            return func(*args, **kwargs)
        except Exception:
            backend = wrapped.get_backend()
            if number >= limit or not backend.supports_defer:
                logger.error(
                    "Task %s failed (attempt %d of %d); not tried again", name, number, limit, exc_info=True
                )
                raise
            run_after = timezone.now() + retry_delay(number)
            wrapped.using(run_after=run_after).enqueue(*args, **kwargs, **{ATTEMPT: number + 1})
            logger.warning(
                "Task %s failed (attempt %d of %d); tried again after %s",
                name,
                number,
                limit,
                run_after.isoformat(timespec="seconds"),
                exc_info=True,
            )
            raise

    wrapped = task(**task_options)(attempt)
    return wrapped


def front_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


@retrying_task
def purge_front_cache(page_ids: list[int], urls: list[str] = ()):
    """Purge pages (by id: their URLs are worked out here, off the request) and plain URLs from
    the front-end cache (Wagtail's frontend_cache backends, `FRONTEND_CACHE_PURGE_URL`)."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch()
    batch.add_pages(Page.objects.filter(pk__in=page_ids).specific())
    batch.add_urls(list(urls))
    if batch.urls:
        # Wagtail's own purge, called here rather than enqueued again: this task is the one
        # that waits and is retried.
        purge_urls_from_cache_task.call(sorted(batch.urls))
