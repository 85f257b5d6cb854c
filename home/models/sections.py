"""The index page of a section (stories, showcases, forums), or of one unit's part of it."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from home import kinds
from home.content_version import cached
from home.models.base import BasePage
from home.models.listings import private_sections, visible
from home.models.localities import Commune
from home.places import place_text


class SectionIndexPage(BasePage):
    """Lists the live items below it, newest first, with filters and pagination.

    What it lists and which filters it offers come from its content kind (`home.kinds`). A
    filter value that is not one of the offered choices answers 400 with the form's message;
    an older spelling of a parameter (`chude=`) answers 301 to the current one.

    A section inside another section of its kind is a unit's own (a ward's stories): it lists
    everything of its kind that happened in its communes, wherever it is filed, so a reader sees
    the same pages as with `?xa=` on the whole section. Its communes are those of what it holds
    (`unit_communes`); with nothing filed yet, the commune whose slug it has.
    """

    intro = models.TextField("lời giới thiệu", max_length=500, blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    page_size = 12

    class Meta:
        abstract = True

    @classmethod
    def kind(cls) -> kinds.ContentKind:
        kind = kinds.for_model(cls)
        if kind is None:
            raise LookupError(f"{cls.__name__} is the section of no registered content kind")
        return kind

    def routed_child(self, request, slug: str):
        """A unit's section from `subsections()` (no query), or an item with what its page
        prints (`for_page`) in one query; Wagtail's route read the item's commune, province and
        lead image after the page and its row."""
        return self.subsections(request).get(slug) or (
            self.kind().model.objects.for_page().child_of(self).filter(slug=slug).first()
        )

    def subsections(self, request=None) -> dict:
        """The sections of units filed directly below this one, by slug; kept until the content
        changes."""

        def build():
            return {page.slug: page for page in self.kind().index_model.objects.child_of(self)}

        return cached(f"section:{self.pk}:subsections", build, request)

    def items(self, request=None):
        listing = self.kind().model.objects.listing(private_q=private_sections(request))
        communes = self.unit(request)["communes"]
        if communes is None:
            return listing.descendant_of(self)
        return self.kind().narrow(listing, commune=communes)

    def unit(self, request=None) -> dict:
        """What a unit's section covers: `communes` (None for a section of its own, which lists
        what is filed below it), `place` as readers say it, and the whole section it belongs
        to (`parent_url`, `parent_title`); kept until the content changes."""
        return cached(f"section:{self.pk}:unit", self._unit, request)

    def _unit(self) -> dict:
        kind = self.kind()
        parent = self.get_parent()
        if parent is None or not issubclass(parent.specific_class, kind.index_model):
            return {"communes": None}
        filed = visible(kind.model.objects.descendant_of(self)).values(kind.commune_lookup)
        communes = Commune.objects.select_related("province")
        communes = list(communes.filter(pk__in=filed)) or list(communes.filter(slug=self.slug)[:2])
        provinces = {commune.province.short_name for commune in communes}
        return {
            "communes": communes,
            "place": place_text([c.name for c in communes], provinces.pop() if len(provinces) == 1 else ""),
            "parent_url": parent.get_url(),
            "parent_title": parent.title,
        }

    def filtered(self, request, items):
        from home.listing import ListingFilterForm

        form = ListingFilterForm(
            request.GET, items=items, kind=self.kind(), cache_key=f"section:{self.pk}", request=request
        )
        return form, (form.filter(items) if form.is_valid() else items.none())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, items = self.filtered(request, self.items(request))
        keys_cache = f"section:{self.pk}:{form.signature}" if form.is_valid() else ""
        context.update(
            filter_form=form, unit=self.unit(request), **self.listing_context(request, items, keys_cache)
        )
        return context

    def listing_context(self, request, items, keys_cache: str = "") -> dict:
        """What the template lists from the filtered items; a page of them by default, its keys
        kept under `keys_cache` (this section and filter) until the content changes."""
        from home.listing import paginate

        return {"page_obj": paginate(request, items, self.page_size, keys_cache=keys_cache)}

    def serve(self, request, *args, **kwargs):
        from home.params import redirect_to_current

        kind = self.kind()
        redirect = redirect_to_current(request, type_kind=kind if kind.has_types else None)
        if redirect is not None:
            return redirect
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("filter_form")
        if form is not None and form.errors:
            response.status_code = 400
        return response
