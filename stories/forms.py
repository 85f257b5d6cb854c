"""Admin forms of the stories section: import from Word, withdraw a person's consent."""

from django import forms
from django.utils import timezone
from wagtail.admin.widgets import AdminDateInput

from home.models import Commune
from stories.models import DeedType, StoryIndexPage
from stories.word_import import parse_docx


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.province.short_name}"


class WordImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp Word (.docx)",
        help_text="Dòng đầu (hoặc đoạn kiểu “Title”) là tiêu đề, đoạn tiếp theo là sapo; tiêu đề mục, "
        "danh sách, chữ đậm, nghiêng, liên kết và ảnh được giữ nguyên vị trí.",
    )
    parent = forms.ModelChoiceField(
        label="Chuyên mục",
        queryset=StoryIndexPage.objects.none(),
        help_text="Bài nháp được tạo trong chuyên mục này.",
    )
    deed_type = forms.ChoiceField(label="Loại việc tốt", choices=DeedType.choices)
    deed_date = forms.DateField(
        label="Ngày diễn ra",
        widget=AdminDateInput,
        help_text="Ngày sự việc xảy ra (không phải ngày đăng bài).",
    )
    commune = CommuneChoiceField(
        label="Xã, phường, đặc khu",
        queryset=Commune.objects.select_related("province"),
    )
    byline = forms.CharField(label="Tác giả", max_length=200)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["parent"].queryset = self.parents_for(user)
        self.parsed = None

    @staticmethod
    def parents_for(user):
        """Story sections (whole or a unit's) where this user may add pages."""
        sections = StoryIndexPage.objects.all().order_by("path")
        allowed = [s.pk for s in sections if s.permissions_for_user(user).can_add_subpage()]
        return StoryIndexPage.objects.filter(pk__in=allowed).order_by("path")

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        name = uploaded.name or ""
        if not name.lower().endswith(".docx"):
            if name.lower().endswith(".doc"):
                raise forms.ValidationError(
                    "Tệp .doc (Word 97–2003) chưa đọc được. Hãy mở tệp bằng Word, chọn Lưu thành… "
                    "định dạng “Tài liệu Word (.docx)” rồi tải lên lại."
                )
            raise forms.ValidationError(f"Tệp “{name}” không phải tài liệu Word: chỉ nhận tệp có đuôi .docx.")
        self.parsed = parse_docx(uploaded, name)
        return uploaded

    def clean_deed_date(self):
        value = self.cleaned_data["deed_date"]
        if value > timezone.localdate():
            raise forms.ValidationError("Ngày diễn ra không thể ở tương lai.")
        return value


class WithdrawConsentForm(forms.Form):
    person = forms.TypedChoiceField(label="Nhân vật rút lại đồng ý", coerce=int, widget=forms.RadioSelect)
    reason = forms.CharField(
        label="Lý do, cách nhân vật báo",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Ví dụ: Anh gọi điện tới đường dây nóng ngày 12/11/2026. Ghi vào nhật ký, không hiện trên trang.",
    )
    unpublish = forms.BooleanField(
        label="Đồng thời gỡ bài khỏi trang (ngừng xuất bản)",
        required=False,
        help_text="Không chọn: bài vẫn hiện nhưng chỉ còn tên viết tắt, không còn ảnh của nhân vật.",
    )

    def __init__(self, *args, people=(), can_unpublish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [
            (
                p.pk,
                f"{p.full_name} – hiện: {p.display_name}{' (đã rút lại đồng ý)' if p.consent_withdrawn_at else ''}",
            )
            for p in people
        ]
        if not can_unpublish:
            del self.fields["unpublish"]
