"""What editors maintain for search: groups of words that mean the same (acronyms, old names)."""

from django.core.exceptions import ValidationError
from django.db import models

from search.folding import tokens

MAX_PHRASE_WORDS = 6


def split_phrases(text: str) -> list[str]:
    """The phrases of a group as written: "PCCC, phòng cháy chữa cháy" -> two phrases."""
    return [phrase.strip() for phrase in str(text or "").replace(";", ",").split(",") if phrase.strip()]


class SynonymGroup(models.Model):
    """Words and phrases a reader may type for the same thing, in both directions: a search for
    any of them finds pages that say any other ("pccc" finds "phòng cháy chữa cháy")."""

    phrases = models.TextField(
        "các cách viết",
        help_text=(
            "Các cách viết có cùng nghĩa, cách nhau bằng dấu phẩy, ví dụ: “PCCC, phòng cháy chữa cháy”. "
            "Có dấu hay không dấu đều được; mỗi cách viết tối đa 6 từ."
        ),
    )
    note = models.CharField(
        "ghi chú", max_length=200, blank=True, help_text="Vì sao có nhóm này (không bắt buộc)."
    )
    updated_at = models.DateTimeField("cập nhật", auto_now=True)

    class Meta:
        verbose_name = "nhóm từ đồng nghĩa"
        verbose_name_plural = "từ đồng nghĩa và viết tắt"
        ordering = ["phrases"]

    def __str__(self) -> str:
        return ", ".join(split_phrases(self.phrases))

    def folded_phrases(self) -> list[tuple[str, ...]]:
        """The group's phrases as folded words, without repeats: [("pccc",), ("phong", …)]."""
        seen = {}
        for phrase in split_phrases(self.phrases):
            words = tuple(tokens(phrase))
            if words:
                seen.setdefault(words, None)
        return list(seen)

    def clean(self):
        phrases = split_phrases(self.phrases)
        if len(phrases) < 2:
            raise ValidationError({"phrases": "Cần ít nhất hai cách viết, cách nhau bằng dấu phẩy."})
        for phrase in phrases:
            words = tokens(phrase)
            if not words:
                raise ValidationError({"phrases": f"“{phrase}” không có chữ cái hay chữ số nào."})
            if len(words) > MAX_PHRASE_WORDS:
                raise ValidationError(
                    {"phrases": f"“{phrase}” dài quá {MAX_PHRASE_WORDS} từ; hãy viết ngắn hơn."}
                )
        if len(self.folded_phrases()) < 2:
            raise ValidationError(
                {"phrases": "Các cách viết trùng nhau khi bỏ dấu; cần ít nhất hai cách khác nhau."}
            )
