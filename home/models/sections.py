"""The index page of a section (stories, showcases, forums), or of one unit's part of it."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from home import kinds
from home.models.base import BasePage


class SectionIndexPage(BasePage):
    """Lists the live items below it, newest first, with filters and pagination.

    What it lists and which filters it offers come from its content kind (`home.kinds`). A
    filter value that is not one of the offered choices answers 400 with the form's message;
    an older spelling of a parameter (`chude=`) answers 301 to the current one.
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

    def items(self):
        return self.kind().model.objects.listing().descendant_of(self)

    def filtered(self, request, items):
        from home.listing import ListingFilterForm

        form = ListingFilterForm(
            request.GET, items=items, kind=self.kind(), cache_key=f"section:{self.pk}", request=request
        )
        return form, (form.filter(items) if form.is_valid() else items.none())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form, items = self.filtered(request, self.items())
        context.update(filter_form=form, **self.listing_context(request, items))
        return context

    def listing_context(self, request, items) -> dict:
        """What the template lists from the filtered items; a page of them by default."""
        from home.listing import paginate

        return {"page_obj": paginate(request, items, self.page_size)}

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
