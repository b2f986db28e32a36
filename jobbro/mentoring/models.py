"""Language buddies (sprogmakkere) at the workplace, seed 002 (Esbjerg): a colleague who
"har lyst til at lære fra sig" helps the refugee in a placement with Danish at work, with
frequent follow-ups with a language teacher, and gets a diploma for taking part."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jobbro.citizens.fields import EncryptedTextField
from jobbro.placements.models import Placement


class LanguageBuddy(models.Model):
    placement = models.ForeignKey(
        Placement, on_delete=models.CASCADE, related_name="language_buddies"
    )
    # A colleague at the company: a third party, so only what the diploma needs.
    name = models.CharField(_("sprogmakkerens navn"), max_length=120)
    job_title = models.CharField(_("stilling"), max_length=120, blank=True)
    language_teacher = models.CharField(_("sproglærer, der følger op"), max_length=120, blank=True)
    started_on = models.DateField(_("start"))
    ended_on = models.DateField(_("slut"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("registreret af"),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-started_on", "pk"]
        verbose_name = _("sprogmakker")
        verbose_name_plural = _("sprogmakkere")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="language_buddy_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.name


# Mentors (seed 002, Lederne: "Mentor Aktiv Integration") ----------------------------------
#
# The mentor corps: volunteers (often present or former managers with a local network) and
# colleagues at a workplace, with chief mentors who coordinate about 20 mentors each. A
# `MentorMatch` is the municipality's proposal of one mentor for one citizen, which either
# side may decline, with a reason ("det skal være i orden for både mentor og mentee at takke
# nej til et match"). When both say yes and the mentor has a Jobbro login (role mentor), the
# match assigns them as the case's mentor through cases.services.mentor_assign: that
# `Mentorship` (and `Citizen.mentor`) stays what access is decided on; the match is the
# history of how the pair came about and what they did.


class MentorKind(models.TextChoices):
    VOLUNTEER = "volunteer", _("Frivillig mentor")
    COLLEAGUE = "colleague", _("Kollegamentor")


class Mentor(models.Model):
    name = models.CharField(_("navn"), max_length=120)
    kind = models.CharField(_("slags mentor"), max_length=12, choices=MentorKind.choices)
    organisation = models.CharField(
        _("organisation eller arbejdsplads"), max_length=120, blank=True
    )
    background = models.CharField(_("baggrund og netværk"), max_length=300, blank=True)
    phone = models.CharField(_("telefon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_chief = models.BooleanField(_("chefmentor"), default=False)
    chief = models.ForeignKey(
        "self",
        verbose_name=_("chefmentor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated",
        limit_choices_to={"is_chief": True},
    )
    # The mentor's Jobbro login, when they have one (role mentor): then an agreed match makes
    # them the case's mentor (cases.Mentorship) and they see their mentee's few fields.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login i Jobbro"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mentor_profile",
    )
    active = models.BooleanField(_("aktiv"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("mentor")
        verbose_name_plural = _("mentorer")
        constraints = [
            # A chief mentor coordinates others and has no chief of their own.
            models.CheckConstraint(
                condition=models.Q(is_chief=False) | models.Q(chief__isnull=True),
                name="mentor_chief_has_no_chief",
            )
        ]

    def __str__(self) -> str:
        return self.name


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Foreslået")
    AGREED = "agreed", _("Aftalt")
    DECLINED = "declined", _("Takket nej")
    ENDED = "ended", _("Afsluttet")


OPEN_MATCH = (MatchStatus.PROPOSED, MatchStatus.AGREED)


class Answer(models.TextChoices):
    YES = "yes", _("Ja tak")
    NO = "no", _("Nej tak")


class MentorMatch(models.Model):
    citizen = models.ForeignKey(
        "citizens.Citizen", on_delete=models.CASCADE, related_name="mentor_matches"
    )
    mentor = models.ForeignKey(Mentor, on_delete=models.PROTECT, related_name="matches")
    proposed_on = models.DateField(_("foreslået"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    # Each side's answer; a "no" keeps its reason (free text about the citizen: encrypted).
    mentor_answer = models.CharField(
        _("mentorens svar"), max_length=3, choices=Answer.choices, blank=True
    )
    mentor_reason = EncryptedTextField(_("mentorens begrundelse"), blank=True)
    citizen_answer = models.CharField(
        _("borgerens svar"), max_length=3, choices=Answer.choices, blank=True
    )
    citizen_reason = EncryptedTextField(_("borgerens begrundelse"), blank=True)
    started_on = models.DateField(_("aftalt fra"), null=True, blank=True)
    ended_on = models.DateField(_("afsluttet"), null=True, blank=True)
    mentorship = models.ForeignKey(
        "cases.Mentorship",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sagens mentorforløb"),
    )

    class Meta:
        ordering = ["-proposed_on", "-pk"]
        verbose_name = _("mentormatch")
        verbose_name_plural = _("mentormatch")
        constraints = [
            # One proposed or agreed match per citizen at a time.
            models.UniqueConstraint(
                fields=["citizen"],
                condition=models.Q(status__in=["proposed", "agreed"]),
                name="mentor_match_one_open_per_citizen",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="agreed") | models.Q(started_on__isnull=False),
                name="mentor_match_agreed_has_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="declined")
                | models.Q(mentor_answer="no")
                | models.Q(citizen_answer="no"),
                name="mentor_match_declined_by_a_side",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} – {self.citizen_id}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_MATCH


class MentorMeeting(models.Model):
    """A meeting of mentor and mentee: date, length and a short note (encrypted)."""

    match = models.ForeignKey(MentorMatch, on_delete=models.CASCADE, related_name="meetings")
    met_on = models.DateField(_("dato"))
    minutes = models.PositiveSmallIntegerField(_("varighed (minutter)"))
    note = EncryptedTextField(_("kort note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-met_on", "-pk"]
        verbose_name = _("mentormøde")
        verbose_name_plural = _("mentormøder")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minutes__gte=1, minutes__lte=600),
                name="mentor_meeting_minutes_1_600",
            )
        ]

    def __str__(self) -> str:
        return f"{self.met_on:%d.%m.%Y} ({self.minutes} min.)"
