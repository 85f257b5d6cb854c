"""The models of dialogue forums, one module a concept:

- `series`: the `ForumSeries` snippet (a recurring series, e.g. "Công an lắng nghe ý kiến nhân dân");
- `announcements`: the forum announcement page, its schedule and which forums are to come or past;
- `sections`: the forums section, which lists them.
"""

from forums.models.announcements import ForumAnnouncementPage
from forums.models.sections import ForumIndexPage
from forums.models.series import ForumSeries
from forums.schedule import ForumSchedule, ForumStatus

__all__ = ["ForumAnnouncementPage", "ForumIndexPage", "ForumSchedule", "ForumSeries", "ForumStatus"]
