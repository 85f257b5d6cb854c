"""Admin widgets adjusted for Vietnamese content."""

from wagtail.admin.widgets import SlugInput

from home.slugs import transliteration_rules


class VietnameseSlugInput(SlugInput):
    """Wagtail's slug field, transliterating Vietnamese as the server does.

    Wagtail's JavaScript fills the slug from the title with a character map that drops ư, ơ, ạ,
    ề… and writes đ as "dj". Its `formatters` run before that map, so these rules turn every
    marked letter into its plain one first: typed, pasted or synced from the title, the slug
    shown is the readable ASCII one. Registered for every SlugField in editorial/apps.py.
    """

    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(
            attrs=attrs, formatters=[*transliteration_rules(), *(formatters or [])], locale=locale
        )
