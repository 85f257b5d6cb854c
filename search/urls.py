"""Search routes, mounted at /tim-kiem/ in config/urls.py (before Wagtail's catch-all)."""

from django.urls import path

from search import views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("goi-y/", views.suggest, name="search_suggest"),
]
