"""Every admin screen an editor or a leader opens reads in Vietnamese.

The screens are rendered for real (test client, SQLite test database with the project's data
migrations) and their visible interface text is searched for common English words. Visible
text means text nodes outside <script>/<style>, the attributes people see or hear (title,
aria-label, placeholder, alt, button values, tooltips), and the JSON the admin's JavaScript
turns into interface (StreamField and Draftail definitions, the sidebar, wagtail-config), with
any HTML inside that JSON read the same way.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from stories.models import StoryIndexPage, StoryPage

pytestmark = pytest.mark.django_db

# Common English interface words; any of them, as a whole word, means a missing translation.
ENGLISH = [
    "Sign in", "Log in", "Log out", "Forgotten password?", "Remember me", "Password",
    "Dashboard", "Pages", "Page", "Images", "Image", "Documents", "Document", "Snippets",
    "Settings", "Reports", "Help", "Search", "Collections", "Collection", "Users", "Groups",
    "Workflows", "Redirects", "Forms", "Sites", "Account",
    "Save draft", "Save", "Publish", "Unpublish", "Preview", "Delete", "Edit", "Cancel",
    "Add", "Add child page", "Upload", "Choose", "Choose an image", "Choose a document",
    "Insert", "Copy", "Move", "Lock", "Unlock", "History", "Status", "Title", "Actions",
    "Draft", "Live", "Comments", "Sort", "Filter", "Explore", "Previous", "Next",
    "Insert a block", "Move up", "Move down", "Duplicate", "Bold", "Italic", "Link",
    "Heading 2", "Bulleted list", "Numbered list", "Content", "Promote", "Slug",
    "minutes", "hours", "days", "ago", "just now", "No results", "Loading",
]  # fmt: skip
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w-])")

VISIBLE_ATTRIBUTES = {
    "title",
    "aria-label",
    "aria-description",
    "placeholder",
    "alt",
    "data-w-tooltip-content-value",
}


class InterfaceText(HTMLParser):
    """Collects the text a person sees or hears, and the JSON the admin scripts render."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self._script: list[str] | None = None
        self._script_is_json = False
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("script", "style"):
            self._skip += 1
            self._script = []
            kind = attributes.get("type", "")
            self._script_is_json = tag == "script" and kind.endswith("json")
        for name, value in attrs:
            if not value:
                continue
            if name in VISIBLE_ATTRIBUTES or (
                name == "value" and attributes.get("type") in ("submit", "button", "reset")
            ):
                self.texts.append(value)
            elif name.startswith("data-") and value.lstrip()[:1] in ("{", "["):
                self._add_json(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
            if self._script_is_json and self._script is not None:
                self._add_json("".join(self._script))
            self._script = None
            self._script_is_json = False

    def handle_data(self, data):
        if self._skip:
            if self._script is not None:
                self._script.append(data)
        elif data.strip():
            self.texts.append(data)

    def _add_json(self, raw):
        try:
            data = json.loads(raw)
        except ValueError:
            return
        for text in json_strings(data):
            if "<" in text and ">" in text:
                self.texts.extend(interface_text(text))
            else:
                self.texts.append(text)


def json_strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("CSRF_TOKEN", "ADMIN_URLS", "ADMIN_API"):
                yield from json_strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from json_strings(value)


def interface_text(html: str) -> list[str]:
    parser = InterfaceText()
    parser.feed(html)
    parser.close()
    return [re.sub(r"\s+", " ", text).strip() for text in parser.texts]


def english_in(html: str) -> list[str]:
    found = []
    for text in interface_text(html):
        for match in ENGLISH_RE.finditer(text):
            found.append(f"{match.group(0)!r} in {text[:120]!r}")
    return sorted(set(found))


def test_the_checker_sees_text_attributes_and_block_definitions():
    html = """<p>Lưu <b>Publish</b></p><button aria-label="Delete"></button>
    <script>var s = "Search";</script>
    <div data-w-block-data-value='{"label": "Move up", "html": "<span>Save draft</span>"}'></div>
    <script type="application/json">{"STRINGS": {"x": "Insert a block"}}</script>"""
    found = " ".join(english_in(html))
    for word in ("Publish", "Delete", "Move up", "Save draft", "Insert a block"):
        assert repr(word) in found
    assert "'Search'" not in found  # code in <script> is not interface text


@pytest.fixture
def story_index(admin_user_client):
    """The demo site's story section (loaded once per test session)."""
    return StoryIndexPage.objects.get(slug="nguoi-tot-viec-tot")


def screens(index):
    home = index.get_parent()
    yield "dashboard", reverse("wagtailadmin_home")
    yield "explorer (root)", reverse("wagtailadmin_explore_root")
    yield "explorer (home)", reverse("wagtailadmin_explore", args=[home.id])
    yield "explorer (stories)", reverse("wagtailadmin_explore", args=[index.id])
    yield "page search", reverse("wagtailadmin_pages:search") + "?q=b%C3%ACnh"
    yield "edit home page", reverse("wagtailadmin_pages:edit", args=[home.id])
    yield "edit story index", reverse("wagtailadmin_pages:edit", args=[index.id])
    yield "choose page type", reverse("wagtailadmin_pages:add_subpage", args=[index.id])
    yield (
        "create story index",
        reverse("wagtailadmin_pages:add", args=["stories", "storyindexpage", home.id]),
    )
    yield (
        "create story (StreamField)",
        reverse("wagtailadmin_pages:add", args=["stories", "storypage", index.id]),
    )
    story = index.get_children().type(StoryPage).first()
    yield "edit a demo story (StreamField with content)", reverse("wagtailadmin_pages:edit", args=[story.id])
    yield "page history", reverse("wagtailadmin_pages:history", args=[index.id])
    yield "page chooser", reverse("wagtailadmin_choose_page")
    yield "images", reverse("wagtailimages:index")
    yield "upload images", reverse("wagtailimages:add_multiple")
    yield "image chooser", reverse("wagtailimages_chooser:choose")
    yield "documents", reverse("wagtaildocs:index")
    yield "upload documents", reverse("wagtaildocs:add_multiple")
    yield "document chooser", reverse("wagtaildocs_chooser:choose")
    yield "snippets", reverse("wagtailsnippets:index")
    for model in get_snippet_models():
        yield f"snippets: {model._meta.label}", reverse(model.snippet_viewset.get_url_name("list"))
    yield "site settings", reverse("wagtailsettings:edit", args=["home", "sitesettings"])
    yield "locked pages", reverse("wagtailadmin_reports:locked_pages")
    yield "site history", reverse("wagtailadmin_reports:site_history")
    yield "aging pages", reverse("wagtailadmin_reports:aging_pages")
    yield "workflows", reverse("wagtailadmin_workflows:index")
    yield "collections", reverse("wagtailadmin_collections:index")
    yield "users", reverse("wagtailusers_users:index")
    yield "groups", reverse("wagtailusers_groups:index")
    yield "redirects", reverse("wagtailredirects:index")
    yield "promoted search results", reverse("wagtailsearchpromotions:index")
    yield "forms", reverse("wagtailforms:index")
    yield "sites", reverse("wagtailsites:index")
    yield "account", reverse("wagtailadmin_account")


def body(response) -> str:
    if response["Content-Type"].startswith("application/json"):
        return response.json().get("html", "")  # choosers answer with JSON around their HTML
    return response.content.decode()


def test_admin_loads_the_generated_template_copies():
    """editorial/templates/wagtailadmin/... win over Wagtail's own templates.

    `editorial` comes before `wagtail.admin` in INSTALLED_APPS, and no folder in TEMPLATES' DIRS
    may hold another copy that would shadow the one `make messages` regenerates.
    """
    from pathlib import Path

    from django.template.loader import get_template

    from editorial.management.commands.refresh_admin_catalogs import fixed_templates, template_dir

    copies = {path: text for path, text in fixed_templates().items() if text is not None}
    assert copies, "Wagtail no longer needs any template fix: drop this test"
    for path in copies:
        name = path.relative_to(template_dir()).as_posix()
        assert Path(get_template(name).origin.name) == path, name


def test_sign_in_page_is_vietnamese(client):
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
    html = body(response)
    assert '<html lang="vi"' in html
    assert "Đăng nhập" in html
    assert english_in(html) == []


def test_admin_screens_are_vietnamese(admin_user_client, story_index):
    problems = {}
    for name, url in screens(story_index):
        response = admin_user_client.get(url, follow=True)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        found = english_in(body(response))
        if found:
            problems[f"{name} ({url})"] = found
    assert not problems, "English on admin screens:\n" + "\n".join(
        f"{screen}:\n  " + "\n  ".join(words) for screen, words in problems.items()
    )


def test_editor_sees_vietnamese(client, django_user_model, story_index):
    """The demo editor (group "Biên tập viên"), not only a superuser."""
    editor = django_user_model.objects.get(username="bientap")
    assert editor.groups.filter(name="Biên tập viên").exists()
    client.force_login(editor)
    for url in (
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[story_index.id]),
        reverse("wagtailadmin_pages:edit", args=[story_index.id]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert english_in(body(response)) == [], url


def test_javascript_catalog_is_vietnamese(admin_user_client):
    """Draftail, StreamField and the sidebar take their words from the JS catalog."""
    script = admin_user_client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", script, re.S).group(1))
    for msgid in ("Insert a block", "Move up", "Duplicate", "Save", "Delete", "Page explorer"):
        assert msgid in catalog, msgid
        assert catalog[msgid] != msgid, msgid
    assert catalog["Write something or type ‘/’ to insert a block"].startswith("Viết")


def test_dates_read_as_in_vietnam(admin_user_client, story_index):
    """21/11/2026, 14:30 — and "vừa xong" rather than "0 minutes ago"."""
    story_index.save_revision(user=admin_user_client.user).publish(user=admin_user_client.user)
    html = admin_user_client.get(
        reverse("wagtailadmin_explore", args=[story_index.get_parent().id])
    ).content.decode()
    assert re.search(r'data-w-tooltip-content-value="\d{2}/\d{2}/\d{4}, \d{2}:\d{2}"', html)
    assert "vừa xong" in html.lower()


def test_date_pickers_read_day_first(settings):
    from django import forms
    from django.utils import translation

    with translation.override("vi"):
        assert str(forms.DateField().clean("05/11/2026")) == "2026-11-05"
        assert forms.DateTimeField().clean("05/11/2026 14:30").strftime("%d.%m %H:%M") == ("05.11 14:30")
