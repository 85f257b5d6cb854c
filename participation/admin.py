"""The moderators' queue in the Wagtail admin ("Ý kiến người dân"), scoped to their unit.

Every view of the viewset (list, edit, history, delete) and the bulk action see only the
submissions of the user's communes (`participation.scope`); anything else answers 404. Nothing
is created here: submissions come from citizens only.
"""

import django_filters
from django.http import Http404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import DeleteView, EditView, HistoryView, IndexView, SnippetViewSet

from forums.models import ForumAnnouncementPage
from home.models import Commune
from participation import scope
from participation.admin_forms import SubmissionAdminForm
from participation.models import Submission
from participation.statuses import Kind, Status


class NoAddPolicy(ModelPermissionPolicy):
    """Moderators change and (with the permission) delete; nobody adds a citizen's submission."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SubmissionFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label="Loại", choices=Kind.choices, empty_label="Mọi loại")
    status = django_filters.ChoiceFilter(
        label="Tình trạng", choices=Status.choices, empty_label="Mọi tình trạng"
    )
    forum = django_filters.ModelChoiceFilter(label="Diễn đàn", queryset=ForumAnnouncementPage.objects.none())
    commune = django_filters.ModelChoiceFilter(label="Xã, phường", queryset=Commune.objects.none())
    created_at = django_filters.DateFromToRangeFilter(label="Ngày gửi", widget=DateRangePickerWidget)
    report_channel = django_filters.BooleanFilter(label="Chuyển kênh báo tin")

    class Meta:
        model = Submission
        fields = ["kind", "status", "forum", "commune", "created_at", "report_channel"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        mine = scope.scoped(request.user, Submission.objects.all()) if request else Submission.objects.none()
        self.filters["commune"].queryset = Commune.objects.filter(
            pk__in=mine.values("commune")
        ).select_related("province")
        self.filters["forum"].queryset = ForumAnnouncementPage.objects.filter(pk__in=mine.values("forum"))


class ScopedObjectMixin:
    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not scope.in_scope(self.request.user, obj):
            raise Http404("Ý kiến này không thuộc đơn vị của bạn.")
        return obj


CONTACT_EXPORT = {"contact_name": "Họ tên", "contact_phone": "Số điện thoại", "contact_email": "Thư điện tử"}


class ScopedIndexView(IndexView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Contact details leave the site only with the permission to see them.
        if request.user.has_perm(scope.SEE_CONTACTS):
            self.list_export = [*self.list_export, *CONTACT_EXPORT]
            self.export_headings = {**self.export_headings, **CONTACT_EXPORT}

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("commune__province", "forum", "contact")
        return scope.scoped(self.request.user, queryset)


class ScopedEditView(ScopedObjectMixin, EditView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class ScopedDeleteView(ScopedObjectMixin, DeleteView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ContactPanel(Panel):
    """The sender's contact details, for the unit's moderators with the permission to see them."""

    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            submission = self.instance
            if not self.request.user.has_perm(scope.SEE_CONTACTS):
                return format_html("<p>{}</p>", "Bạn không có quyền xem thông tin liên hệ của người gửi.")
            contact = getattr(submission, "contact", None)
            return render_to_string("participation/admin/contact_panel.html", {"contact": contact})


class HistoryPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        def render_html(self, parent_context=None):
            return render_to_string(
                "participation/admin/original.html",
                {"submission": self.instance, "history": self.instance.history.all()},
            )


class SubmissionViewSet(SnippetViewSet):
    model = Submission
    icon = "comment"
    menu_label = "Ý kiến người dân"
    menu_name = "y-kien-nguoi-dan"
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "y-kien-nguoi-dan"
    admin_url_namespace = "participation_admin"
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    copy_view_enabled = False
    inspect_view_enabled = False
    filterset_class = SubmissionFilterSet
    search_fields = ["code", "text", "public_question", "answer"]
    list_per_page = 50
    list_display = [
        TitleColumn(
            "display_code",
            label="Mã",
            get_url=lambda obj: reverse("participation_admin:edit", args=[obj.pk]),
        ),
        Column("get_kind_display", label="Loại"),
        Column("commune", label="Xã, phường"),
        Column("short_text", label="Nội dung"),
        Column("status_text", label="Tình trạng"),
        Column("created_at", label="Ngày gửi"),
        Column("published_label", label="Công khai"),
    ]
    list_export = [
        "code",
        "get_kind_display",
        "forum",
        "commune",
        "get_topic_display",
        "text",
        "status_text",
        "created_at",
        "answered_at",
        "published_at",
    ]
    export_headings = {
        "code": "Mã",
        "get_kind_display": "Loại",
        "forum": "Diễn đàn",
        "commune": "Xã, phường",
        "get_topic_display": "Lĩnh vực",
        "text": "Nội dung",
        "status_text": "Tình trạng",
        "created_at": "Ngày gửi",
        "answered_at": "Ngày trả lời",
        "published_at": "Ngày công khai",
    }
    export_filename = "y-kien-nguoi-dan"
    panels = [
        HistoryPanel(heading="Nội dung người dân gửi"),
        ContactPanel(heading="Thông tin liên hệ"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("status_note")]), FieldPanel("report_channel")],
            heading="Tình trạng",
        ),
        MultiFieldPanel([FieldPanel("answer"), FieldPanel("answered_by")], heading="Trả lời"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Câu hỏi công khai không được có tên, số điện thoại, địa chỉ hay thông tin cá nhân nào."
                ),
                FieldPanel("public_question"),
                FieldPanel("publish"),
            ],
            heading="Công khai trên trang diễn đàn",
        ),
    ]

    @property
    def permission_policy(self):
        return NoAddPolicy(self.model)

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=SubmissionAdminForm).bind_to_model(self.model)
