"""The people a story features, and the consent rules that decide what readers see of them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from stories.panels import AgePanel, MomentPanel


class AgeGroup(models.TextChoices):
    """Age groups as Vietnam's personal-data rules treat them (consent of a child from 7 years)."""

    ADULT = "nguoi-lon", "Từ đủ 18 tuổi trở lên"
    MINOR = "7-den-duoi-18", "Từ đủ 7 đến dưới 18 tuổi"
    YOUNG_CHILD = "duoi-7", "Dưới 7 tuổi"

    @classmethod
    def for_age(cls, age: int | None) -> str:
        if age is None:
            return ""
        if age < 7:
            return cls.YOUNG_CHILD
        return cls.MINOR if age < 18 else cls.ADULT


class ConsentScope(models.TextChoices):
    NAME_AND_IMAGE = "ten-va-anh", "Họ tên và ảnh"
    NAME_ONLY = "chi-ten", "Chỉ họ tên, không đăng ảnh"
    IMAGE_ONLY = "chi-anh", "Chỉ ảnh, không đăng họ tên"


class StoryPerson(Orderable):
    """A person featured in a story.

    Their name and picture are personal data: they show only with recorded consent (and, for
    anyone under 18, a guardian's consent as well; a child under 7 needs the guardian's only).
    Showing initials only is always allowed.
    """

    page = ParentalKey("stories.StoryPage", on_delete=models.CASCADE, related_name="people")
    full_name = models.CharField("họ và tên", max_length=120)
    age = models.PositiveSmallIntegerField("tuổi", null=True, blank=True)
    age_group = models.CharField(
        "nhóm tuổi",
        max_length=20,
        # A blank first choice: an editor who does not know the age must pick a group (a child
        # must never default to "adult"); when the age is given, the group follows it.
        choices=[("", "— Theo tuổi —"), *AgeGroup.choices],
        blank=True,
        default="",
        help_text="Tự điền theo tuổi khi có tuổi; chỉ chọn khi không biết tuổi chính xác. "
        "Người dưới 18 tuổi cần thêm sự đồng ý của cha, mẹ hoặc người giám hộ.",
    )
    role = models.CharField(
        "vai trò",
        max_length=200,
        blank=True,
        help_text="Ví dụ: tài xế xe ôm, học sinh lớp 9, tổ trưởng dân phố.",
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="ảnh chụp nhân vật",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Ảnh nhận rõ được nhân vật. Ảnh này (kể cả khi dùng làm ảnh đại diện hoặc trong nội dung) "
        "chỉ hiện khi nhân vật đồng ý đăng ảnh và không chọn chỉ hiện tên viết tắt.",
    )
    consent_given = models.BooleanField(
        "nhân vật đã đồng ý",
        default=False,
        help_text="Chỉ đánh dấu khi chính nhân vật đã đồng ý (bằng văn bản, tin nhắn hoặc ghi âm). "
        "Trẻ dưới 7 tuổi chỉ cần người giám hộ đồng ý.",
    )
    consent_date = models.DateField("ngày đồng ý", null=True, blank=True)
    consent_scope = models.CharField(
        "phạm vi đồng ý",
        max_length=20,
        choices=ConsentScope.choices,
        default=ConsentScope.NAME_AND_IMAGE,
        help_text="Nhân vật đồng ý công khai những gì.",
    )
    consent_note = models.CharField(
        "nơi lưu bằng chứng đồng ý",
        max_length=300,
        blank=True,
        help_text="Ví dụ: Giấy đồng ý lưu tại Công an phường, ghi âm ngày 09/3/2026.",
    )
    guardian_consent = models.BooleanField(
        "người giám hộ đã đồng ý",
        default=False,
        help_text="Bắt buộc với người dưới 18 tuổi: cha, mẹ hoặc người giám hộ đồng ý.",
    )
    guardian_consent_date = models.DateField("ngày người giám hộ đồng ý", null=True, blank=True)
    guardian_relation = models.CharField(
        "quan hệ của người giám hộ", max_length=60, blank=True, help_text="Ví dụ: mẹ, cha, bà nội."
    )
    initials_only = models.BooleanField(
        "chỉ hiện tên viết tắt",
        default=False,
        help_text="Hiện tên viết tắt (ví dụ N.V.H.) thay cho họ tên và không hiện ảnh nhân vật. "
        "Luôn được phép đăng, kể cả khi chưa có sự đồng ý.",
    )
    consent_withdrawn_at = models.DateTimeField(
        "rút lại đồng ý lúc",
        null=True,
        blank=True,
        help_text="Ghi tự động khi dùng chức năng “Rút lại đồng ý”.",
    )

    panels = [
        FieldRowPanel([FieldPanel("full_name"), FieldPanel("role")]),
        FieldRowPanel([AgePanel("age"), FieldPanel("age_group")]),
        FieldPanel("photo"),
        FieldPanel("initials_only"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("consent_given"), FieldPanel("consent_date")]),
                FieldPanel("consent_scope"),
                FieldPanel("consent_note"),
            ],
            heading="Sự đồng ý của nhân vật",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("guardian_consent"), FieldPanel("guardian_consent_date")]),
                FieldPanel("guardian_relation"),
            ],
            heading="Sự đồng ý của người giám hộ (người dưới 18 tuổi)",
        ),
        MomentPanel("consent_withdrawn_at"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "nhân vật"
        verbose_name_plural = "nhân vật"

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        if self.age is not None:
            self.age_group = AgeGroup.for_age(self.age)
        super().save(*args, **kwargs)

    @property
    def effective_age_group(self) -> str:
        """The age group the consent rules apply: the age decides when it is known."""
        return AgeGroup.for_age(self.age) if self.age is not None else self.age_group

    @property
    def initials(self) -> str:
        return ".".join(part[0].upper() for part in self.full_name.split() if part) + "."

    @property
    def consent_complete(self) -> bool:
        """Whether the consent the person's age group requires is recorded, with its dates."""
        return not self.missing_consent()

    def missing_consent(self) -> list[str]:
        """What the person's age group requires and is not recorded, in Vietnamese: the one
        statement of the consent rule (adults themselves; 7 to under 18 themselves and a
        guardian; under 7 a guardian)."""
        group = self.effective_age_group
        missing = []
        if not group:
            missing.append("nhóm tuổi")
        if group in (AgeGroup.ADULT, AgeGroup.MINOR):
            if not self.consent_given:
                missing.append("sự đồng ý của chính nhân vật")
            elif not self.consent_date:
                missing.append("ngày nhân vật đồng ý")
        if group in (AgeGroup.MINOR, AgeGroup.YOUNG_CHILD):
            if not self.guardian_consent:
                missing.append("sự đồng ý của cha, mẹ hoặc người giám hộ")
            elif not self.guardian_consent_date:
                missing.append("ngày người giám hộ đồng ý")
        return missing

    @property
    def name_visible(self) -> bool:
        return (
            not self.initials_only
            and self.consent_complete
            and self.consent_scope in (ConsentScope.NAME_AND_IMAGE, ConsentScope.NAME_ONLY)
        )

    @property
    def photo_visible(self) -> bool:
        return (
            not self.initials_only
            and self.consent_complete
            and self.consent_scope in (ConsentScope.NAME_AND_IMAGE, ConsentScope.IMAGE_ONLY)
        )

    @property
    def name_withheld_reason(self) -> str:
        """Why texts must not name this person ("" when they may, or when missing consent
        already stops publishing): the words that end the editor's message."""
        if self.consent_withdrawn_at:
            return "người này đã rút lại đồng ý"
        if self.initials_only:
            return "người này chỉ hiện tên viết tắt"
        if self.consent_complete and self.consent_scope == ConsentScope.IMAGE_ONLY:
            return "người này chỉ đồng ý đăng ảnh, không đăng họ tên"
        return ""

    @property
    def display_name(self) -> str:
        """The name readers see: the full name only with consent, otherwise the initials."""
        return self.full_name if self.name_visible else self.initials

    def publish_problem(self) -> str:
        """What stops a page featuring this person from going live ("" when nothing does)."""
        if self.initials_only:
            return ""
        missing = self.missing_consent()
        if not missing:
            return ""
        return (
            f"Chưa thể đăng: nhân vật “{self.full_name}” còn thiếu {', '.join(missing)}. "
            "Hãy ghi nhận đủ sự đồng ý, hoặc chọn “Chỉ hiện tên viết tắt”."
        )

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.consent_given and not self.consent_date:
            errors["consent_date"] = "Hãy ghi ngày nhân vật đồng ý."
        if self.consent_date and self.consent_date > today:
            errors["consent_date"] = "Ngày đồng ý không thể ở tương lai."
        if self.guardian_consent and not self.guardian_consent_date:
            errors["guardian_consent_date"] = "Hãy ghi ngày người giám hộ đồng ý."
        if self.guardian_consent_date and self.guardian_consent_date > today:
            errors["guardian_consent_date"] = "Ngày người giám hộ đồng ý không thể ở tương lai."
        if self.age is not None and self.age > 120:
            errors["age"] = "Tuổi không hợp lệ."
        elif self.age is not None:
            # The age is the fact, the group a category of it: the group follows the age (the
            # editor's browser already shows it as the age is typed, stories/static/…/people.js).
            self.age_group = AgeGroup.for_age(self.age)
        if errors:
            raise ValidationError(errors)
