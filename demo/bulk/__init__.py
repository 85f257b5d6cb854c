"""Synthetic content in bulk, for benchmarks: stories, model showcases and forum announcements.

`engine` holds what the three kinds share; each kind's module says what its pages hold.
"""

from demo.bulk.forums import add_bulk_forums
from demo.bulk.showcases import add_bulk_showcases
from demo.bulk.stories import add_bulk_stories

__all__ = ["add_bulk_forums", "add_bulk_showcases", "add_bulk_stories"]
