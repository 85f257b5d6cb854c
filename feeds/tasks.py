"""Feeds' background work: drawing a page's share card when it is published, so the first
crawler that asks for it (Facebook's, Zalo's) gets a stored file instead of waiting for the
drawing. The card view still draws a card that is missing (`sharecard.stored_card`), so a card
whose task has not run yet, or failed, is never a broken preview."""

from home.models import visible
from home.tasks import retrying_task


@retrying_task
def draw_share_card(page_id: int) -> bool:
    """Draw and store the card of a page readers can see, unless it is stored already; whether
    it drew one."""
    from wagtail.models import Page

    from feeds import sharecard

    page = visible(Page.objects.all()).filter(pk=page_id).first()
    if page is None:  # unpublished or made private before the task ran: no card to offer
        return False
    return sharecard.ensure_card(page.specific)
