"""Jobbro settings: one module, everything that differs between machines from the environment.

Development (no JOBBRO_ENV) runs on an embedded SQLite database under var/ with keys kept in
var/dev-secrets.json. Production (JOBBRO_ENV=production) refuses to start without its secrets.
"""

import datetime as dt
import json
import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE as CSP_NONE
from csp.constants import SELF as CSP_SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("JOBBRO_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError as e:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from e


def env_list(name: str, default: str = "") -> list[str]:
    return [v.strip() for v in os.environ.get(name, default).split(",") if v.strip()]


ENVIRONMENTS = ("development", "production")
JOBBRO_ENV = os.environ.get("JOBBRO_ENV", "development")
if JOBBRO_ENV not in ENVIRONMENTS:
    raise ImproperlyConfigured(
        f"JOBBRO_ENV must be one of {', '.join(ENVIRONMENTS)}, not {JOBBRO_ENV!r}"
    )
PRODUCTION = JOBBRO_ENV == "production"


def _dev_secrets() -> dict:
    """Secrets for a development machine, made once and kept beside its database."""
    from cryptography.fernet import Fernet

    path = VAR_DIR / "dev-secrets.json"
    data = json.loads(path.read_text()) if path.exists() else {}
    makers = {
        "SECRET_KEY": lambda: secrets.token_urlsafe(50),
        "JOBBRO_FIELD_KEYS": lambda: Fernet.generate_key().decode(),
        "JOBBRO_HASH_KEY": lambda: secrets.token_urlsafe(32),
        "JOBBRO_LOG_KEY": lambda: secrets.token_urlsafe(32),
    }
    missing = [name for name in makers if name not in data]
    if not missing:
        return data
    # A file from before a key existed gets the new key added; the others are kept.
    data.update({name: makers[name]() for name in missing})
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2))
    path.chmod(0o600)
    return data


def secret(name: str) -> str:
    value = os.environ.get(name)
    if value:
        return value
    if PRODUCTION:
        raise ImproperlyConfigured(f"{name} must be set in the environment in production")
    return _dev_secrets()[name]


SECRET_KEY = secret("SECRET_KEY")
# Field encryption keys, comma separated, newest first: the first encrypts, all decrypt.
FIELD_ENCRYPTION_KEYS = [k.strip() for k in secret("JOBBRO_FIELD_KEYS").split(",") if k.strip()]
# Key for the keyed hash that finds a citizen by exact CPR without decrypting every row.
CPR_HASH_KEY = secret("JOBBRO_HASH_KEY")
# Key of the HMAC chain over the access log (audit/chain.py): without it no row can be
# rewritten unnoticed, and no chain can be verified. It cannot be rotated (README, Drift).
ACCESS_LOG_KEY = secret("JOBBRO_LOG_KEY")
if len(ACCESS_LOG_KEY) < 32:
    raise ImproperlyConfigured("JOBBRO_LOG_KEY must be at least 32 characters of random text")

DEBUG = env_bool("DEBUG", False)


def _validate_secrets() -> None:
    """A bad secret stops the start with a message that says which and why, never later."""
    from cryptography.fernet import Fernet

    if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY must be at least 50 characters of random text "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
    if len(CPR_HASH_KEY) < 32:
        raise ImproperlyConfigured("JOBBRO_HASH_KEY must be at least 32 characters of random text")
    if not FIELD_ENCRYPTION_KEYS:
        raise ImproperlyConfigured("JOBBRO_FIELD_KEYS must hold at least one Fernet key")
    for position, key in enumerate(FIELD_ENCRYPTION_KEYS, start=1):
        try:
            Fernet(key)
        except ValueError:
            # The key itself is a secret: name its position, never its value.
            raise ImproperlyConfigured(
                f"JOBBRO_FIELD_KEYS: key number {position} is not a Fernet key "
                "(32 url-safe base64-encoded bytes; see README, Keys)"
            ) from None
    if PRODUCTION and DEBUG:
        raise ImproperlyConfigured("DEBUG must not be on in production: it shows secrets")


_validate_secrets()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "csp",
    "jobbro.accounts",
    "jobbro.audit",
    "jobbro.citizens",
    "jobbro.companies",
    "jobbro.placements",
    "jobbro.cases",
    "jobbro.erasure",
    "jobbro.law",
    "jobbro.imports",
    "jobbro.assessments",
    "jobbro.programmes",
    "jobbro.attendance",
    "jobbro.practices",
    "jobbro.screening",
    "jobbro.journal",
    "jobbro.matching",
    "jobbro.mentoring",
    "jobbro.goals",
    "jobbro.meetings",
    "jobbro.front",
    "django_tasks",
    "django_tasks_db",
]

# Background work (django-tasks): tasks are rows in the database, run by `jobbro db_worker`
# (jobbro demo runs one in a thread). docs/architecture.md, "Matching: background work".
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

MIDDLEWARE = [
    # Off unless REQUEST_TIMING_LOG: one line per request (route, status, ms, queries).
    "jobbro.front.middleware.RequestTimingMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "jobbro.front.middleware.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "jobbro.front.middleware.DanishFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jobbro.citizens.middleware.CprOutOfUrlsMiddleware",
    "jobbro.accounts.middleware.LoginRequiredMiddleware",
    "jobbro.citizens.middleware.ReasonRequiredMiddleware",
]

ROOT_URLCONF = "jobbro.urls"
WSGI_APPLICATION = "jobbro.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jobbro.front.context_processors.navigation",
            ],
        },
    },
]

VAR_DIR_SQLITE = VAR_DIR / "jobbro.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR_SQLITE}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
# Every request is one transaction: the access log and the work it records commit together.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The embedded default must take many people at once (issue 7): write-ahead logging lets
    # readers go on while one writes; every transaction (each request is one) takes the write
    # lock when it begins, so two never deadlock upgrading a read to a write (which SQLite
    # answers with "database is locked" at once). Since nearly every page writes the access
    # log, requests take turns: a writer waits up to 60 s (on a busy, slow machine 20 people
    # at once can queue for more than 20 s) rather than fail.
    # synchronous=NORMAL is durable against a crash of Jobbro, and in WAL mode may lose only
    # the last commits on a power cut.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 60,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;"
            ),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# How many proxies in front of Jobbro append to X-Forwarded-For. 0: the header is ignored
# and the access log records REMOTE_ADDR; n: the n-th address from the right is the client's
# (audit/services.py:client_ip). Set it only to the number of proxies that really do.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more")

# --- Authentication, sessions, lockout and MFA (jobbro/accounts) ---------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "front:home"
LOGOUT_REDIRECT_URL = "accounts:login"
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp"]
# django-otp marks the request's user verified after the second factor; Jobbro's session
# rules run after it; axes turns a lockout into its page and must come last.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("jobbro.accounts.middleware.LoginRequiredMiddleware"),
    "jobbro.accounts.middleware.SessionLifetimeMiddleware",
)
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
# Axes first: it refuses a locked-out user or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "jobbro.accounts.passwords.ContextWordsValidator"},
]
# A one-time set-password link works this long (and only until the password is set).
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 3 * 24 * 3600)

# Set-password links go by e-mail to users who have an address, when an SMTP server is
# configured (EMAIL_HOST); otherwise they are shown once to the administrator.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "jobbro@localhost")
PASSWORD_LINKS_BY_EMAIL = bool(EMAIL_HOST)

# Failed logins (django-axes, in the database): after LOGIN_FAILURE_LIMIT failures for one
# username, or from one address, further attempts are refused for LOGIN_COOLOFF_MINUTES.
AXES_HANDLER = "jobbro.accounts.lockout.LockoutHandler"
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
# From one address (an office behind the municipality's NAT) more failures are allowed.
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 30)
if LOGIN_ADDRESS_FAILURE_LIMIT < AXES_FAILURE_LIMIT:
    raise ImproperlyConfigured("LOGIN_ADDRESS_FAILURE_LIMIT must be at least LOGIN_FAILURE_LIMIT")
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "jobbro.accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "jobbro.accounts.lockout.client_ip"
AXES_USERNAME_FORM_FIELD = "username"
# Axes would otherwise log every attempt in the clear at INFO; the lockouts are in the
# administration log.
AXES_VERBOSE = False
AXES_ENABLE_ADMIN = False

# Staff sign in with a second factor (TOTP) in production; elsewhere it is optional.
REQUIRE_MFA = env_bool("REQUIRE_MFA", PRODUCTION)
OTP_TOTP_ISSUER = "Jobbro"

# Sessions end after 30 minutes without activity, after SESSION_ABSOLUTE_SECONDS whatever
# the activity, and when the browser closes. The idle expiry is moved on at most once per
# SESSION_REFRESH_SECONDS, so a request does not write the session when nothing changed.
SESSION_COOKIE_AGE = env_int("SESSION_TIMEOUT_SECONDS", 30 * 60)
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 10 * 3600)
SESSION_REFRESH_SECONDS = 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# --- end of authentication and sessions ----------------------------------------------------
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A failed CSRF check gets Jobbro's Danish page, not Django's English one (front/errors.py).
CSRF_FAILURE_VIEW = "jobbro.front.errors.csrf_failure"
# Forms with long texts (a case file, a retention plan) fit well within this; each text field
# has its own max_length, so a too-long text is a Danish error on the form with the input
# kept. A body over the limit is refused with the Danish 400 page before any view runs.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Journal attachments (jobbro/journal/attachments.py): stored encrypted under this folder,
# outside the web root (never under STATIC_ROOT), served only through access control. The
# limit is per file; Django counts files apart from DATA_UPLOAD_MAX_MEMORY_SIZE.
ATTACHMENTS_DIR = Path(os.environ.get("JOBBRO_ATTACHMENTS_DIR", VAR_DIR / "attachments"))
ATTACHMENT_MAX_MB = env_int("ATTACHMENT_MAX_MB", 10)
ATTACHMENTS_PER_NOTE = 10
# Content Security Policy (django-csp 4): scripts, styles, fonts and images only from
# Jobbro's own static files; no inline script or style, no plugins, no framing, forms post
# only to Jobbro. htmx's inline indicator style is off (the htmx-config meta tag in base.html)
# and its indicator classes live in jobbro.css.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [CSP_SELF],
        "script-src": [CSP_SELF],
        "style-src": [CSP_SELF],
        "img-src": [CSP_SELF, "data:"],
        "font-src": [CSP_SELF],
        "connect-src": [CSP_SELF],
        "object-src": [CSP_NONE],
        "base-uri": [CSP_NONE],
        "form-action": [CSP_SELF],
        "frame-ancestors": [CSP_NONE],
    }
}
# Powerful browser features Jobbro never uses are off for it and anything it could embed
# (jobbro.front.middleware.SecurityHeadersMiddleware sends this with every response).
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # The proxy's or orchestrator's health probe may come over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz/?$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    # Jobbro's own subdomains (there are none) are HTTPS only too.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # The preload list takes registrable domains (kommune.dk), not Jobbro's host: that is
    # the municipality's decision for its whole domain, so it is off unless they opt in.
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["jobbro.formats"]

STATIC_URL = "/static/"
# Det Fælles Designsystem's built files and Jobbro's own CSS live in jobbro/static.
STATICFILES_DIRS = [BASE_DIR / "static"]
# collectstatic writes here for production; elsewhere the files are served from the apps.
STATIC_ROOT = (
    Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "staticfiles")) if PRODUCTION else None
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Outside production the files are served straight from the apps, no collectstatic needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = DEBUG

# Nothing personal in logs: requests are logged by path only, and our paths carry ids, not CPR.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"drop_query_strings": {"()": "jobbro.lib.logs.DropQueryStrings"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["drop_query_strings"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # django-axes logs every login at INFO; the lockouts are in the administration log.
        "axes": {"level": "WARNING"},
        # A refused request is expected behaviour, not an incident: no traceback in the log.
        "django.security": {"level": "ERROR"},
        "django.request": {"level": "ERROR"},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# A timing line per request in the log "jobbro.timing" (route, status, ms, query count).
REQUEST_TIMING_LOG = env_bool("REQUEST_TIMING_LOG", False)

# The 48-96 hour rule (seed 000, line ~136): flag a citizen without a started effort after this.
EFFORT_START_DEADLINE_HOURS = env_int("EFFORT_START_DEADLINE_HOURS", 96)
# How long a stated reason opens a citizen outside the user's own context.
ACCESS_GRANT_HOURS = env_int("ACCESS_GRANT_HOURS", 8)
# Rimelighedskravet (lov om en aktiv beskæftigelsesindsats § 77; see companies/legal.py):
# one person in internship or wage subsidy per REASONABLENESS_PER_SMALL ordinary employees
# up to REASONABLENESS_LARGE_FROM employees, one more per REASONABLENESS_PER_LARGE beyond,
# and never fewer than REASONABLENESS_MINIMUM.
REASONABLENESS_PER_SMALL = env_int("REASONABLENESS_PER_SMALL", 5)
REASONABLENESS_LARGE_FROM = env_int("REASONABLENESS_LARGE_FROM", 50)
REASONABLENESS_PER_LARGE = env_int("REASONABLENESS_PER_LARGE", 10)
REASONABLENESS_MINIMUM = env_int("REASONABLENESS_MINIMUM", 1)
# Merbeskæftigelseskravet: a wage-subsidy position must not have become vacant by dismissal
# or resignation within this many months.
NET_NEW_JOB_VACANCY_MONTHS = env_int("NET_NEW_JOB_VACANCY_MONTHS", 3)
# Attendance (jobbro/attendance/sessions.py): a participant with at least
# ATTENDANCE_FLAG_MIN_SESSIONS sessions recorded in the last ATTENDANCE_WINDOW_DAYS and an
# attendance rate (present / (present + illegal absence)) under ATTENDANCE_FLAG_PERCENT is
# flagged to their case worker.
ATTENDANCE_FLAG_PERCENT = env_int("ATTENDANCE_FLAG_PERCENT", 80)
ATTENDANCE_FLAG_MIN_SESSIONS = env_int("ATTENDANCE_FLAG_MIN_SESSIONS", 3)
ATTENDANCE_WINDOW_DAYS = env_int("ATTENDANCE_WINDOW_DAYS", 28)
# A hearing (partshøring, forvaltningsloven § 19) gives the citizen this many days to reply.
HEARING_REPLY_DAYS = env_int("HEARING_REPLY_DAYS", 14)
