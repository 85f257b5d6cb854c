"""Routes of the reuse surface. Stable: other sites and auto-posting tools keep these URLs.

/nguon-tin/rss/  /nguon-tin/atom/  /nguon-tin/json/   feeds; slice with ?tinh=&xa=&loai=&chu-de=&mo-hinh=&nam=&trang=
/nhung/                                              the embeddable widget (same slice parameters, so=1..20)
/nhung/trang/<id>/                                   one page's card (what oEmbed embeds)
/nhung/tai.js                                        the loader script that resizes the widget
/oembed/?url=…&format=json&maxwidth=…&maxheight=…    oEmbed provider
/anh-chia-se/<id>/<digest>.jpg                       share cards (og:image)
/lay-tin/                                            the builder page for fanpage admins
"""

from django.urls import path

from feeds.views import builder, documents, oembed, share_cards, widget

app_name = "feeds"

urlpatterns = [
    path("nguon-tin/rss/", documents.feed_view, {"fmt": "rss"}, name="rss"),
    path("nguon-tin/atom/", documents.feed_view, {"fmt": "atom"}, name="atom"),
    path("nguon-tin/json/", documents.feed_view, {"fmt": "json"}, name="json"),
    path("nhung/", widget.widget_view, name="widget"),
    path("nhung/trang/<int:page_id>/", widget.widget_page_view, name="widget_page"),
    path("nhung/tai.js", widget.loader_view, name="loader"),
    path("oembed/", oembed.oembed_view, name="oembed"),
    path("anh-chia-se/<int:page_id>/<str:digest>.jpg", share_cards.share_card_view, name="share_card"),
    path("lay-tin/", builder.builder_view, name="builder"),
]
