from django.urls import path

from participation import views

app_name = "participation"

urlpatterns = [
    path("hoi-dap/", views.feedback, name="feedback"),
    path("hoi-dap/dien-dan/<int:forum_id>/", views.forum_question, name="forum_question"),
    path("hoi-dap/guong-nguoi-tot/", views.nomination, name="nomination"),
    path("tra-cuu/", views.tracking_lookup, name="lookup"),
    path("tra-cuu/<str:code>/", views.tracking, name="tracking"),
    path("danh-gia/<int:page_id>/", views.vote, name="vote"),
]
