"""Documents are served only through Wagtail's document view, which asks for a login where the
collection is restricted; their storage path under /media/ answers 404, however it is spelled."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret_document():
    root = Collection.get_first_root_node()
    private = root.add_child(name="Hồ sơ mật")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Báo cáo mật", collection=private)
    document.file.save("bao-cao-mat.pdf", ContentFile(b"%PDF-1.4 mat"), save=False)
    document.save()
    return document


@pytest.fixture
def public_document():
    document = get_document_model()(title="Quy chế", collection=Collection.get_first_root_node())
    document.file.save("quy-che.pdf", ContentFile(b"%PDF-1.4 cong khai"), save=False)
    document.save()
    return document


def test_a_restricted_document_asks_for_a_login_and_its_file_path_is_gone(client, secret_document):
    assert client.get(secret_document.url).status_code == 302  # to the login page
    name = secret_document.file.name  # "documents/bao-cao-mat….pdf"
    for spelled in (
        f"/media/{name}",
        f"/media/./{name}",
        f"/media//{name}",
        f"/media/%2e/{name}",
        f"/media/images/../{name}",
    ):
        assert client.get(spelled).status_code == 404, spelled


def test_a_public_document_comes_with_disposition_and_a_closed_policy(client, public_document):
    response = client.get(public_document.url)
    assert response.status_code == 200
    assert "quy-che" in response["Content-Disposition"]
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert client.get(f"/media/{public_document.file.name}").status_code == 404


def test_images_are_still_served_from_media(client):
    from wagtail.images import get_image_model

    image = get_image_model().objects.first()
    assert client.get(f"/media/{image.file.name}").status_code == 200
