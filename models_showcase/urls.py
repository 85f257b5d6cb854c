"""Stable addresses of the movement's statistics and its open data (linked from the page)."""

from django.urls import path

from models_showcase import views

urlpatterns = [
    path("so-lieu-phong-trao/", views.statistics_page, name="movement_statistics"),
    path("so-lieu-phong-trao/so-lieu.json", views.statistics_json, name="movement_statistics_json"),
    path("so-lieu-phong-trao/so-lieu.csv", views.statistics_csv, name="movement_statistics_csv"),
    path("so-lieu-phong-trao/mo-hinh.csv", views.models_csv, name="movement_models_csv"),
]
