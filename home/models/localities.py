"""Provinces and communes of Vietnam's July 2025 two-level structure.

The rows come from the `vietnam-provinces` package (see home.localities.load_localities);
nobody types them by hand. Codes are the official ones, so they stay stable across updates.
"""

from django.db import models

from home.collation import name_key


class DivisionType(models.TextChoices):
    CITY = "thành phố trung ương", "Thành phố trực thuộc trung ương"
    PROVINCE = "tỉnh", "Tỉnh"
    WARD = "phường", "Phường"
    COMMUNE = "xã", "Xã"
    SPECIAL_ZONE = "đặc khu", "Đặc khu"


def province_short_name(name: str) -> str:
    """The name without its division word: "Thành phố Hà Nội" -> "Hà Nội" (for readers that
    hold the name only, such as feeds reading plain values)."""
    for prefix in ("Thành phố ", "Tỉnh "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


class Province(models.Model):
    code = models.PositiveIntegerField("mã", primary_key=True, help_text="Mã đơn vị hành chính chính thức.")
    name = models.CharField("tên", max_length=100, help_text="Ví dụ: Thành phố Hà Nội.")
    division_type = models.CharField("loại", max_length=30, choices=DivisionType.choices)
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)
    sort_key = models.CharField(
        "khoá sắp xếp",
        max_length=500,
        db_index=True,
        editable=False,
        default="",
        help_text="Thứ tự chữ cái tiếng Việt của tên (home.collation), tự tính khi lưu.",
    )

    class Meta:
        verbose_name = "tỉnh, thành phố"
        verbose_name_plural = "tỉnh, thành phố"
        ordering = ["sort_key"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_key = name_key(self.name)
        super().save(*args, **kwargs)

    @property
    def short_name(self) -> str:
        return province_short_name(self.name)


class Commune(models.Model):
    code = models.PositiveIntegerField("mã", primary_key=True, help_text="Mã đơn vị hành chính chính thức.")
    name = models.CharField("tên", max_length=100, help_text="Ví dụ: Phường Hoàn Kiếm.")
    division_type = models.CharField("loại", max_length=30, choices=DivisionType.choices)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name="tỉnh, thành phố"
    )
    slug = models.SlugField(
        "đường dẫn", max_length=120, help_text="Duy nhất trong một tỉnh, ví dụ phuong-hoan-kiem."
    )
    sort_key = models.CharField(
        "khoá sắp xếp",
        max_length=500,
        db_index=True,
        editable=False,
        default="",
        help_text="Thứ tự chữ cái tiếng Việt của tên riêng, không kể chữ “Phường”, “Xã” (home.collation).",
    )

    class Meta:
        verbose_name = "xã, phường, đặc khu"
        verbose_name_plural = "xã, phường, đặc khu"
        ordering = ["province__sort_key", "sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["province", "slug"], name="commune_slug_unique_in_province")
        ]

    def __str__(self):
        return f"{self.name}, {self.province.short_name}"

    def save(self, *args, **kwargs):
        self.sort_key = name_key(self.name)
        super().save(*args, **kwargs)
