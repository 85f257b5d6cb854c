"""Admin views of the stories section."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.permissions import permission_policy as image_permissions
from wagtail.log_actions import log
from wagtail.models import Collection

from editorial.middleware import EditorialAdminMiddleware
from home.image_uploads import without_private_metadata
from home.slugs import ascii_slugify
from stories.consent import withdraw_consent
from stories.forms import WithdrawConsentForm, WordImportForm
from stories.models import StoryPage

FORM_TEMPLATE = "stories/admin/form.html"


def _collection_for(user) -> Collection:
    """The first collection (in tree order) the editor may add images to, as the image upload
    form would offer; the root collection only where the editor may add there."""
    allowed = image_permissions.collections_user_has_permission_for(user, "add")
    return allowed.order_by("path").first() or Collection.get_first_root_node()


def _create_images(parsed, title, user, created_files: list) -> list:
    """The document's pictures as images of the library, without location and identity
    metadata (as an upload); each stored file's name goes into `created_files` at once, so a
    failure later in the import can remove them all."""
    Image = get_image_model()
    collection = _collection_for(user)
    images = []
    for number, item in enumerate(parsed.images, start=1):
        image_title = item.description or f"{title} – ảnh {number}"
        name = f"{ascii_slugify(title, max_length=50)}-{number}.{item.extension}"
        image = Image(
            title=image_title[:255],
            description=item.description[:255],
            collection=collection,
            uploaded_by_user=user,
            file=without_private_metadata(SimpleUploadedFile(name, item.data)),
        )
        image._set_image_file_metadata()
        image.save()
        created_files.append(image.file.name)
        images.append(image)
    return images


def import_from_word(request):
    """Upload a .docx, get a draft story ready to review in the editor."""
    if not WordImportForm.parents_for(request.user).exists():
        raise PermissionDenied
    initial = {"byline": request.user.get_full_name() or request.user.get_username()}
    if request.GET.get("chuyen_muc", "").isdigit():
        initial["parent"] = int(request.GET["chuyen_muc"])
    form = WordImportForm(
        request.POST or None,
        request.FILES or None,
        user=request.user,
        session=request.session,
        initial=initial,
    )
    if request.method == "POST" and not form.is_valid():
        form.keep_file_for_next_try()
    elif request.method == "POST":
        data, parsed = form.cleaned_data, form.parsed
        parent = data["parent"]
        created_files = []
        try:
            with transaction.atomic():
                images = iter(_create_images(parsed, parsed.title, request.user, created_files))
                body = []
                for kind, value in parsed.parts:
                    if kind == "html":
                        body.append({"type": "paragraph", "value": value})
                    else:
                        image = next(images)
                        body.append(
                            {
                                "type": "image",
                                "value": {"image": image.pk, "caption": value.caption, "credit": ""},
                            }
                        )
                page = StoryPage(
                    title=parsed.title,
                    sapo=parsed.sapo,
                    body=body,
                    deed_type=data["deed_type"],
                    deed_date=data["deed_date"],
                    commune=data["commune"],
                    byline=data["byline"],
                    live=False,
                    has_unpublished_changes=True,
                    owner=request.user,
                )
                parent.add_child(instance=page)
                page.save_revision(user=request.user, log_action=False)
                log(instance=page, action="wagtail.create", user=request.user, content_changed=True)
        except Exception:
            for name in created_files:
                get_image_model()._meta.get_field("file").storage.delete(name)
            raise
        form.forget_kept_file()
        messages.success(
            request,
            f"Đã tạo bản nháp “{page.title}” từ tệp Word với {len(parsed.images)} ảnh. "
            "Hãy đọc lại, bổ sung nhân vật và sự đồng ý của họ, rồi gửi duyệt.",
        )
        for warning in parsed.warnings:
            messages.warning(request, warning)
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request,
        FORM_TEMPLATE,
        {
            "title": "Nhập bài từ Word",
            "subtitle": "Tạo bản nháp câu chuyện từ tệp .docx",
            "icon": "doc-full",
            "intro": "Tải lên tệp .docx như khi gửi bài qua thư: hệ thống tạo một bản nháp câu chuyện với "
            "tiêu đề, sapo, nội dung và ảnh đúng vị trí. Bài chưa được đăng cho tới khi lãnh đạo duyệt.",
            "form": form,
            "submit_label": "Tạo bản nháp",
        },
    )


def withdraw(request, page_id):
    """A featured person withdraws consent: effective on the live page at once, logged."""
    page = get_object_or_404(StoryPage, pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not permissions.can_edit():
        return EditorialAdminMiddleware.forbidden(request, page)
    people = list(page.people.all())
    form = WithdrawConsentForm(request.POST or None, people=people, can_unpublish=permissions.can_unpublish())
    if request.method == "POST" and form.is_valid():
        person = next(p for p in people if p.pk == form.cleaned_data["person"])
        unpublish = bool(form.cleaned_data.get("unpublish"))
        withdraw_consent(person, request.user, reason=form.cleaned_data["reason"], unpublish=unpublish)
        messages.success(
            request,
            f"Đã ghi nhận {person.initials} rút lại đồng ý: trên trang chỉ còn tên viết tắt, ảnh của nhân vật "
            "đã được gỡ"
            + (", bài đã ngừng xuất bản." if unpublish else ".")
            + " Hãy đọc lại bài để sửa những chỗ gọi tên ngắn (ví dụ “anh Thành”).",
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return TemplateResponse(
        request,
        FORM_TEMPLATE,
        {
            "title": "Rút lại đồng ý của nhân vật",
            "subtitle": page.get_admin_display_title(),
            "icon": "user",
            "intro": "Có hiệu lực ngay trên bài đang đăng, không cần duyệt lại: họ tên của nhân vật được thay "
            "bằng tên viết tắt ở mọi nơi bài xuất hiện (trang, danh sách, nguồn tin, kết quả tìm kiếm, "
            "xem trước khi chia sẻ) và ảnh của nhân vật bị gỡ. Việc này được ghi vào nhật ký.",
            "form": form,
            "submit_label": "Rút lại đồng ý",
            "cancel_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )
