"""'Người tốt, việc tốt' stories: the pages (pages.py) and the people they feature (people.py)."""

from stories.models.pages import (
    PEOPLE,
    CommendationKind,
    ConsentMissing,
    DeedType,
    StoryIndexPage,
    StoryPage,
    StoryTag,
)
from stories.models.people import AgeGroup, ConsentScope, StoryPerson

__all__ = [
    "PEOPLE",
    "AgeGroup",
    "CommendationKind",
    "ConsentMissing",
    "ConsentScope",
    "DeedType",
    "StoryIndexPage",
    "StoryPage",
    "StoryPerson",
    "StoryTag",
]
