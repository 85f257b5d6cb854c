"""A showcase refuses the mistakes an editor could make, with a Vietnamese message."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from home.models import Commune
from models_showcase.models import FigureValue
from tests.helpers import a_showcase, errors_of

pytestmark = pytest.mark.django_db


def test_showcase_communes_must_belong_to_its_province():
    showcase = a_showcase()
    showcase.communes = [Commune.objects.get(name="Phường Bến Thành")]
    assert "Phường Bến Thành" in errors_of(showcase)["communes"][0]
    showcase.communes = []
    assert errors_of(showcase)["communes"] == ["Hãy chọn ít nhất một xã, phường nơi mô hình hoạt động."]


def test_showcase_year_cannot_be_in_the_future():
    showcase = a_showcase()
    showcase.year_started = timezone.localdate().year + 1
    assert "year_started" in errors_of(showcase)


def test_figure_date_cannot_be_in_the_future():
    figure = FigureValue(
        page=a_showcase(),
        label="Camera",
        value="10",
        unit="chiếc",
        as_of=timezone.localdate() + datetime.timedelta(days=3),
    )
    with pytest.raises(ValidationError) as info:
        figure.full_clean()
    assert info.value.message_dict["as_of"] == ["Ngày thống kê không thể ở tương lai."]
