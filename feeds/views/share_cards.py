"""Share cards (`og:image`): the stored 1200x630 JPEG of a page, redirecting stale digests."""

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_safe
from wagtail.models import Page

from feeds import responses, sharecard
from home.models import visible


@require_safe
def share_card_view(request, page_id: int, digest: str):
    page = visible(Page.objects.all()).filter(pk=page_id).first()
    if page is None:
        raise Http404("Không tìm thấy trang.")
    page = page.specific
    current = sharecard.card_digest(page)
    if digest != current:
        # The title or image changed since this URL was shared; send the crawler to the new card.
        return HttpResponseRedirect(sharecard.card_url(page))
    data = sharecard.stored_card(page)
    response = HttpResponse(data, content_type="image/jpeg")
    return responses.finish(
        response, f'"{current}"', None, cache_control="public, max-age=31536000, immutable"
    )
