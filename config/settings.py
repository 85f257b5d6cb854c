"""Bình Yên settings: the one settings module (config/environment.py reads the variables for it).

Every variable is documented in README.md ("Cấu hình / Configuration"). Defaults give the
embedded tier (SQLite in WAL mode, Wagtail's database search, a local-memory cache, local media)
with DEBUG off; the scale tier is chosen by setting DATABASE_URL, ELASTICSEARCH_URL and CACHE_URL.
"""

import datetime
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.environment import SQLITE_OPTIONS, caches, database, env_bool, env_int, env_list  # noqa: F401

BASE_DIR = Path(__file__).resolve().parent.parent


# Runtime state that is never committed: the SQLite database, media uploads, collected static
# files and the generated secret key all live here.
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment, or generated once into DATA_DIR for local runs."""
    from_env = os.environ.get("SECRET_KEY", "").strip()
    if from_env:
        return from_env
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Applications -------------------------------------------------------------------------

INSTALLED_APPS = [
    # Ours. They come first so their templates and translations win over the defaults.
    "home",
    "stories",
    "models_showcase",
    "forums",
    "feeds",
    "search",
    "editorial",
    "participation",
    "api",
    # Top floor: demo content and generators, then developer tools (benchmarks). They may import
    # every app above; none imports them.
    "demo",
    "devtools",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",  # sign-in lockout (see AXES_* below)
    # Second factor for the admin (editorial/two_factor.py): authenticator apps (TOTP) and
    # one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # Background tasks (see TASKS below): the task framework, and the backend that keeps tasks
    # as rows in the database with its worker, `manage.py db_worker`.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # WhiteNoise right after SecurityMiddleware, so static files skip everything below.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy, Permissions-Policy, CORP on every response (home.security_headers),
    # outside the page cache so cached answers carry them too.
    "home.security_headers.SecurityHeadersMiddleware",
    # Anonymous readers' pages from the cache, compressed (home.page_cache); outside the
    # contract below, so it stores only what that contract made public.
    "home.page_cache.PageCacheMiddleware",
    # Outside everything that may set a cookie, so it sees the final response (home.middleware).
    "home.middleware.PublicCacheMiddleware",
    # The request's Wagtail site from a copy kept under the content version (home.known_site).
    "home.known_site.KnownSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); then the admin asks for the second factor where it is due.
    "django_otp.middleware.OTPMiddleware",
    "editorial.two_factor.TwoFactorMiddleware",
    # Admin in Vietnamese and Vietnam time whatever a profile says; 403 outside a unit's pages.
    "editorial.middleware.EditorialAdminMiddleware",
    "editorial.middleware.IdleSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_name",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------

DATABASES = {"default": database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------------------


# Two aliases: `default` and `renditions` (config/environment.py says why).
CACHES = caches()

# --- HTTP caching contract (see home.middleware) -----------------------------------------

PUBLIC_CACHE_MAX_AGE = env_int("PUBLIC_CACHE_MAX_AGE", 60)  # browsers, seconds
PUBLIC_CACHE_S_MAXAGE = env_int("PUBLIC_CACHE_S_MAXAGE", 600)  # shared caches (CDN), seconds

# The movement's open data (/so-lieu-phong-trao/…): the licence stated on the page, in the JSON
# and in each file's Link header.
OPEN_DATA_LICENCE = {
    "name": "Giấy phép Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.vi",
}
# The year's deadlines of model dossiers and evaluations (day, month, what is due), shown to
# editors on the dashboard.
MODEL_RECORD_DEADLINES = [
    (20, 11, "Hoàn thiện hồ sơ mô hình"),
    (30, 11, "Đánh giá, chấm điểm mô hình"),
    (15, 12, "Gửi kết quả xếp loại mô hình"),
]
# The page cache for anonymous readers (home.page_cache): how long an entry may live at most
# (publishing replaces it at once, through the content version); 0 turns it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", PUBLIC_CACHE_S_MAXAGE)
# How long a worker process answers cached pages under the content version it last read,
# without asking the database again (that query is most of what a hit costs). A change saved
# in the process is seen at once; one saved in another worker within this many seconds; 0
# reads the version on every request.
PAGE_CACHE_VERSION_SECONDS = env_int("PAGE_CACHE_VERSION_SECONDS", 1)
# FRONTEND_CACHE_PURGE_URL: a cache in front of the site (Varnish, nginx) that accepts HTTP
# PURGE requests; publishing then purges the page, its section and the home page at once.
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
    if os.environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
    else {}
)

# --- Search -------------------------------------------------------------------------------


def _search_backends() -> dict:
    """ELASTICSEARCH_URL: unset -> the database; set -> Elasticsearch 8, the database as fallback.

    Both fold Vietnamese (see search/backends). With Elasticsearch, the database index is kept
    up to date too, so search answers from it while Elasticsearch is unreachable.
    """
    database = {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}
    url = os.environ.get("ELASTICSEARCH_URL", "").strip()
    if not url:
        return {"default": database}
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX", "binhyen") + "_",
            "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 5),
            "AUTO_UPDATE": True,
            "ATOMIC_REBUILD": True,
            "FALLBACK": "database",
        },
        "database": database,
    }


WAGTAILSEARCH_BACKENDS = _search_backends()

# --- Language, time -----------------------------------------------------------------------

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt")]
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
# Editors see every date in Vietnam time; the account settings offer no other zone.
WAGTAIL_USER_TIME_ZONES = ["Asia/Ho_Chi_Minh"]
USE_I18N = True
USE_TZ = True

# --- Static files and media ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media")).resolve()
# Where `manage.py backup` writes its archives (home/backup.py).
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", DATA_DIR / "backups")).resolve()
# In the embedded tier Django itself serves uploads; behind a CDN or S3 turn it off.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Compressed (gzip + brotli) files with content hashes in their names, cached forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 3600

# --- Security -----------------------------------------------------------------------------

# HTTPS=1 is the production switch: behind TLS, cookies are secure, HTTP redirects to HTTPS
# and browsers are told to remember it (HSTS). Off by default so http://127.0.0.1 works.
HTTPS = env_bool("HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# A signed-in session ends after this long without a request. editorial.middleware renews it at
# most every SESSION_RENEW_SECONDS (not on every request: the admin's parallel requests would
# all write the session row at once). Readers have no session, so renewing costs them nothing.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 2 * 3600)
SESSION_RENEW_SECONDS = 300

# Passwords an attacker cannot guess from a list ("1", "123456", the user name): checked by
# every form that sets one (Wagtail's user forms, password change and reset).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in lockout (django-axes): 5 wrong passwords for one account, or from one address, lock
# that account or address out of every sign-in form that authenticates (the admin's, password
# reset included) for 30 minutes, with a Vietnamese 429 page (editorial/locked_out.html). A
# right password resets the count. Unlock: "Mở khóa đăng nhập" in the admin's Settings menu
# (superusers), or `manage.py axes_reset_username <name>` / `axes_reset_ip <address>`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("SIGN_IN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: the account, the address
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "editorial/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "home.client_address.client_address"
AXES_VERBOSE = False

# Two-factor sign-in (editorial/two_factor.py): superusers and approvers ("Lãnh đạo duyệt") must
# add an authenticator app before the admin opens; any editor may. TWO_FACTOR_REQUIRED=0 makes
# it optional for everyone (a closed local demo), never in production (HTTPS=1).
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True) or HTTPS
OTP_TOTP_ISSUER = "Bình Yên"
OTP_TOTP_THROTTLE_FACTOR = 1  # each wrong code doubles the wait before the next is checked

# Do not let a big form (or a hostile one) exhaust memory; StreamField pages post many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000

# --- Wagtail ------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Bình Yên"
# Wagtail 7.4 saves the editor's form on its own half a second after each change. Off for now:
# each of those saves is a revision that runs the review rules (editorial/review.py) and can
# land between an editor's "Gửi duyệt" and the approver's list, and on a new page it answers
# "Không thể lưu trang do có lỗi dữ liệu" while the required fields are still being typed.
# Editors keep Wagtail's warning before leaving unsaved changes. Turn it back on (milliseconds)
# once the review rules tell an autosave from a save.
WAGTAIL_AUTOSAVE_INTERVAL = env_int("WAGTAIL_AUTOSAVE_INTERVAL", 0)
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Slugs are ASCII ("Đống Đa" -> "dong-da"); see home.slugs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar: Wagtail would send every staff member's e-mail hash to a third party on every
# admin page (and show broken avatars offline). Staff see Wagtail's initials avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No upgrade check either: the dashboard would ask releases.wagtail.org from every editor's
# browser (a third-party request, and a failing one on a closed network).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_I18N_ENABLED = False
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
# Every image form answers a form error for a file that only pretends to be an image
# (home/image_uploads.py). A news photo needs far fewer than Wagtail's default 128 million
# points: 40 million is a 7,700 × 5,200 photo.
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.image_uploads.ImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024  # Wagtail's default, stated for the Word import
# No request body over 25 MB (the Word import takes 20 MB files) is read at all (home/upload_limits.py).
UPLOAD_MAX_REQUEST_BYTES = 25 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "home.upload_limits.RequestSizeLimit",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# Documents are served only through Wagtail's view (privacy and collection restrictions,
# Content-Disposition, "Content-Security-Policy: default-src 'none'"), never from /media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "jpg", "png"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Vietnamese date and number formats (21/11/2026, 14:30; day-first input) for the admin.
FORMAT_MODULE_PATH = ["config.formats"]
# Wagtail's sign-in form with a translatable password label.
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.admin_forms.LoginForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- E-mail (workflow notifications) --------------------------------------------------------

# EMAIL_HOST set: sent through that server. Unset (local runs): each message is written to a
# file in DATA_DIR/mail, a folder only the operator can read, never to the console or the log,
# where password-reset links would be readable by anyone who reads logs. HTTPS=1 (production)
# requires EMAIL_HOST: a public site must actually send its password resets and notifications.
if HTTPS and not os.environ.get("EMAIL_HOST", "").strip() and not os.environ.get("EMAIL_BACKEND"):
    raise ImproperlyConfigured(
        "HTTPS=1 needs EMAIL_HOST (and EMAIL_HOST_USER / EMAIL_HOST_PASSWORD): the site sends "
        "password resets and workflow notifications."
    )
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "home.mail.PrivateFileEmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Bình Yên <no-reply@localhost>")

# --- Background tasks ----------------------------------------------------------------------

# Slow work leaves the request as a task (django-tasks): e-mail to moderators and citizens,
# front-end cache purges, drawing share cards, and Wagtail's own search and reference indexing.
# TASKS_BACKEND=database (the default): a task is a row in the database, run by the worker
# `manage.py db_worker` (`make run` starts one beside gunicorn); with no worker running, tasks
# wait in the database and run when one starts. TASKS_BACKEND=immediate: each task runs at
# once, inside the request that enqueued it (no worker; what the test suite, `make bench` and
# `make audit` use). Retries and task logs: home/tasks.py.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database").strip().lower() or "database"
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or immediate; got {TASKS_BACKEND!r}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND]}}
# A failed task of ours is tried again later, at most this many times in all (home/tasks.py).
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 5)

# --- Logging ------------------------------------------------------------------------------

# LOG_FORMAT=json: one JSON object per line (home/log_format.py), for a log collector; unset:
# plain lines.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json; got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "home.log_format.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# SENTRY_DSN set: errors (not performance traces) are reported to Sentry, without personal data:
# no user, cookies, headers, form data or query strings (home/error_reporting.py).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    from home.error_reporting import start_error_reporting

    start_error_reporting(SENTRY_DSN, environment=os.environ.get("SENTRY_ENVIRONMENT", "production"))
