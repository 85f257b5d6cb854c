"""The citizens' forms: a question to a forum, a question or feedback to a commune, a nomination.

Each carries the guards of `participation.guards` (honeypot, signed timestamp) and asks for
consent to the processing of personal data only when some is given.
"""

import datetime

from django import forms
from django.core.validators import MinLengthValidator
from django.utils import timezone

from home.blocks import phone_validator
from home.choosers import query_words, search_communes
from home.image_uploads import SafeImageField
from home.models import Commune, Province
from participation import guards
from participation.models.submissions import TEXT_MAX
from participation.statuses import Topic

HONEYPOT = "website"


class SubmissionForm(forms.Form):
    text = forms.CharField(
        label="Nội dung",
        max_length=TEXT_MAX,
        validators=[MinLengthValidator(10, "Xin viết rõ hơn (ít nhất 10 ký tự).")],
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Tối đa {TEXT_MAX} ký tự, chỉ văn bản. Đừng ghi số giấy tờ hay thông tin cá nhân của người khác.",
    )
    topic = forms.ChoiceField(label="Lĩnh vực", choices=Topic.choices, initial=Topic.SECURITY)
    name = forms.CharField(
        label="Họ tên (không bắt buộc)",
        max_length=100,
        required=False,
        help_text="Để trống nếu bạn muốn gửi ẩn danh. Tên không bao giờ được công khai.",
    )
    phone = forms.CharField(
        label="Số điện thoại (không bắt buộc)",
        max_length=20,
        required=False,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text="Chỉ để cán bộ trả lời bạn bằng văn bản.",
    )
    email = forms.EmailField(
        label="Thư điện tử (không bắt buộc)",
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    notify_by_email = forms.BooleanField(label="Gửi thư cho tôi khi có trả lời", required=False)
    consent = forms.BooleanField(
        label="Tôi đồng ý để đơn vị tiếp nhận xử lý thông tin liên hệ của tôi như thông báo trên.",
        required=False,
    )
    website = forms.CharField(label="Để trống ô này", required=False, max_length=200)
    form_started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["form_started"].initial = guards.form_token()

    def clean_text(self):
        text = guards.plain_text(self.cleaned_data["text"])
        if len(text) < 10:
            raise forms.ValidationError("Xin viết rõ hơn (ít nhất 10 ký tự).")
        return text

    def clean_name(self):
        return guards.plain_text(self.cleaned_data["name"])

    CONTACT = ("name", "phone", "email", "notify_by_email")

    def main_fields(self):
        skip = {*self.CONTACT, "consent", HONEYPOT}
        return [field for field in self.visible_fields() if field.name not in skip]

    def contact_fields(self):
        return [self[name] for name in self.CONTACT]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT))

    def clean(self):
        data = super().clean()
        problem = guards.token_problem(self.data.get("form_started", ""))
        if problem:
            raise forms.ValidationError(problem, code="timing")
        if self.has_contact(data) and not data.get("consent"):
            self.add_error(
                "consent",
                "Bạn đã ghi thông tin liên hệ: xin đánh dấu đồng ý, hoặc xóa thông tin đó để gửi ẩn danh.",
            )
        if data.get("notify_by_email") and not data.get("email"):
            self.add_error("email", "Xin ghi thư điện tử để nhận thư khi có trả lời.")
        return data

    @staticmethod
    def has_contact(data) -> bool:
        return any(data.get(name) for name in ("name", "phone", "email"))


class FeedbackForm(SubmissionForm):
    """ "Hỏi đáp – Góp ý": a question or feedback to a commune, outside any forum."""

    province = forms.ModelChoiceField(
        label="Tỉnh, thành phố", queryset=Province.objects.all(), empty_label="Chọn tỉnh, thành phố"
    )
    commune_name = forms.CharField(
        label="Xã, phường, đặc khu",
        max_length=100,
        help_text="Gõ tên, có dấu hay không dấu đều được, ví dụ: hoan kiem.",
    )
    field_order = ["province", "commune_name", "topic", "text"]

    def clean(self):
        data = super().clean()
        province, name = data.get("province"), data.get("commune_name")
        if province and name:
            found = list(search_communes(Commune.objects.filter(province=province), name)[:6])
            wanted = "-".join(query_words(name))
            exact = [c for c in found if c.slug == wanted or c.slug.endswith(f"-{wanted}")]
            if len(found) == 1 or len(exact) == 1:
                data["commune"] = (exact or found)[0]
            elif not found:
                self.add_error(
                    "commune_name", f"Không tìm thấy xã, phường nào tên “{name}” ở {province.name}."
                )
            else:
                names = ", ".join(c.name for c in found[:5])
                self.add_error("commune_name", f"Có nhiều nơi khớp: {names}. Xin ghi đủ tên.")
        return data


class NominationForm(FeedbackForm):
    """ "Giới thiệu gương người tốt, việc tốt": what happened, when, where, who."""

    happened_on = forms.DateField(
        label="Ngày xảy ra",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Ngày, tháng, năm.",
    )
    place = forms.CharField(label="Nơi xảy ra", max_length=300, help_text="Ví dụ: trước chợ Hàng Da.")
    featured_person = forms.CharField(
        label="Người được giới thiệu (không bắt buộc)",
        max_length=200,
        required=False,
        help_text="Tên hoặc cách nhận ra người đó; chỉ công bố khi người đó đồng ý.",
    )
    photo = SafeImageField(
        label="Ảnh (không bắt buộc)",
        required=False,
        help_text="Một ảnh JPG, PNG hoặc WebP. Thông tin vị trí trong ảnh được xóa trước khi lưu.",
    )
    field_order = ["text", "happened_on", "place", "province", "commune_name", "featured_person", "photo"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = "Việc tốt đã xảy ra"
        del self.fields["topic"]

    def clean_happened_on(self):
        day = self.cleaned_data["happened_on"]
        if day > timezone.localdate() or day < datetime.date(2000, 1, 1):
            raise forms.ValidationError("Ngày xảy ra phải là một ngày đã qua.")
        return day

    def clean_place(self):
        return guards.plain_text(self.cleaned_data["place"])

    def clean_featured_person(self):
        return guards.plain_text(self.cleaned_data["featured_person"])


class TrackingForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)

    ma = forms.CharField(label="Mã tra cứu", max_length=40, help_text="Ví dụ: ABCD-EFGH-23.")
