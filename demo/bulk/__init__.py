"""Synthetic content in bulk, for benchmarks.

`engine` holds what every kind shares; each kind's module says what its pages hold.
"""

from demo.bulk.stories import add_bulk_stories

__all__ = ["add_bulk_stories"]
