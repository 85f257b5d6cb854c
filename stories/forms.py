"""Admin forms of the stories section: import from Word, withdraw a person's consent."""

from django import forms
from django.utils import timezone
from wagtail.admin.widgets import AdminDateInput

from home.choosers import commune_chooser_viewset
from home.models import Commune
from stories.kept_uploads import KEPT_SESSION_KEY, discard_upload, keep_upload, kept_upload
from stories.models import DeedType, StoryIndexPage
from stories.word_import import parse_docx

FILE_HELP = (
    "Dòng đầu (hoặc đoạn kiểu “Title”) là tiêu đề, đoạn tiếp theo là sapo; tiêu đề mục, "
    "danh sách, chữ đậm, nghiêng, liên kết và ảnh được giữ nguyên vị trí."
)


class CommuneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}, {obj.province.short_name}"


class WordImportForm(forms.Form):
    # Not required by the field itself: after a validation error the file the editor chose is
    # kept (`kept_file`), and `clean` asks for one only when neither is there.
    file = forms.FileField(
        label="Tệp Word (.docx)",
        required=False,
        help_text=FILE_HELP,
        widget=forms.FileInput(attrs={"accept": ".docx"}),
    )
    kept_file = forms.CharField(required=False, widget=forms.HiddenInput)
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
        widget=commune_chooser_viewset.widget_class,
        help_text="Nơi sự việc diễn ra: bấm nút rồi gõ tên, có dấu hay không dấu đều được.",
    )
    byline = forms.CharField(label="Tác giả", max_length=200)

    def __init__(self, *args, user=None, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.session = session if session is not None else {}
        parents = self.parents_for(user)
        self.fields["parent"].queryset = parents
        if len(parents) == 1:
            # One section to write in (a ward's editor): it is the answer, shown chosen.
            self.fields["parent"].empty_label = None
            self.initial.setdefault("parent", parents[0].pk)
        self.parsed = None
        self.kept_token = ""

    @staticmethod
    def parents_for(user):
        """Story sections (whole or a unit's) where this user may add pages."""
        sections = StoryIndexPage.objects.all().order_by("path")
        allowed = [s.pk for s in sections if s.permissions_for_user(user).can_add_subpage()]
        return StoryIndexPage.objects.filter(pk__in=allowed).order_by("path")

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not uploaded:
            return None
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

    def clean(self):
        data = super().clean()
        if data.get("file") or "file" in self.errors:
            return data
        token = data.get("kept_file", "")
        kept = kept_upload(self.session, token) if token else None
        if kept is None:
            self.add_error("file", "Hãy chọn tệp Word (.docx) cần nhập.")
            return data
        with kept:
            try:
                self.parsed = parse_docx(kept, kept.name)
            except forms.ValidationError as error:
                self.add_error("file", error)
                return data
        self.kept_token = token
        return data

    def keep_file_for_next_try(self) -> None:
        """After a validation error elsewhere: keep the file that was read without error, so
        the editor fixes the other field and sends again without choosing it again."""
        if self.parsed is None or "file" in self.errors:
            return
        uploaded = self.cleaned_data.get("file")
        if uploaded:
            self.forget_kept_file()
            token, name = keep_upload(self.session, uploaded), uploaded.name
        else:
            token, name = self.kept_token, self.session_names().get(self.kept_token, "")
        self.data = self.data.copy()
        self.data["kept_file"] = token
        note = f"Đã giữ tệp “{name}” từ lần gửi trước: không cần chọn lại. Chỉ chọn tệp khác nếu muốn thay."
        # The bound field (made while validating) carries its own copy of the help text.
        self.fields["file"].help_text = self["file"].help_text = note

    def session_names(self) -> dict:
        return self.session.get(KEPT_SESSION_KEY, {})

    def forget_kept_file(self) -> None:
        """Once imported (or replaced by another file), a kept file is not needed any more."""
        token = self.data.get("kept_file", "") if self.is_bound else ""
        if token:
            discard_upload(self.session, token)

    def clean_deed_date(self):
        value = self.cleaned_data["deed_date"]
        if value > timezone.localdate():
            raise forms.ValidationError("Ngày diễn ra không thể ở tương lai.")
        return value


class WithdrawConsentForm(forms.Form):
    person = forms.TypedChoiceField(
        label="Nhân vật rút lại đồng ý",
        coerce=int,
        widget=forms.RadioSelect,
        help_text="Ảnh chụp nhân vật (nếu có) bị xóa khỏi thư viện ảnh cùng mọi cỡ ảnh đã tạo, ở mọi bài "
        "dùng ảnh đó; ảnh chia sẻ của bài được vẽ lại.",
    )
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
