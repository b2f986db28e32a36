import datetime as dt

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jobbro import documents
from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.audit.models import Action
from jobbro.citizens import access as citizen_access
from jobbro.citizens.models import unlisted
from jobbro.core.views import page
from jobbro.core.views import write as _write
from jobbro.front.fields import parse_date
from jobbro.front.lists import paginate
from jobbro.lib.text import clean_search

from . import access, calendar, services, staircase
from .forms import (
    AcuteAnswerForm,
    AcuteIssueForm,
    ConversationForm,
    EndForm,
    FollowUpForm,
    PlacementChooser,
    PlacementForm,
    PlanForm,
    RetentionEntryForm,
    RetentionPlanForm,
    legal_warnings,
)
from .lists import (
    PERIODS,
    AcuteBreachListForm,
    AcuteListForm,
    FollowUpListForm,
    MoveUpListForm,
    PlacementListForm,
)
from .models import (
    PLAN_FIELDS,
    AcuteIssue,
    CalendarFeed,
    CoursePlan,
    FollowUp,
    PlacementKind,
    PlacementStatus,
    RetentionPlan,
)
from .staircase import describe_step, kind_label, placement_step

# The new-placement page's fields prefilled from the opening (swapped in when it is chosen).
DETAIL_FIELDS = (
    "kind",
    "status",
    "starts_on",
    "ends_on",
    "hours_per_week",
    "paid_hours_per_week",
    "weekdays",
)


def _without_version(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "version"}


# Placements ---------------------------------------------------------------------------------


@role_required(*access.READ_ROLES)
def placement_list(request):
    placements = access.placements_for(request.user).select_related("citizen", "company")
    form = PlacementListForm(request.GET)
    listing = paginate(request, form.apply(placements.defer(*unlisted("citizen__"))), form)
    rows = [
        (p, placement_step(p), kind_label(p.kind, p.paid_hours_per_week))
        for p in listing.object_list
    ]
    citizen_access.log_list(request, [p.citizen_id for p in listing.object_list])
    ctx = {"form": form, "page": listing.page, "rows": rows}
    return render(request, "placements/list.html", ctx)


@role_required(*access.CREATE_ROLES)
def placement_create(request, pk):
    """A new placement in a few steps (the ~80 clicks of today's systems as the anchor): the
    company by typing, its openings only, kind, dates and hours from the opening, and the
    legal warnings before saving. The steps are GETs of this page (htmx swaps the part)."""
    opened = citizen_access.open_citizen(request.user, pk, for_change=True)
    citizen = opened.obj
    chooser = PlacementChooser(request.POST or request.GET, timezone.localdate())
    form = PlacementForm(request.POST or None, initial=chooser.initial())
    done = _write(
        request,
        opened,
        form,
        lambda: services.placement_create(
            citizen=citizen, by=request.user, **_without_version(form.cleaned_data)
        ),
        fields=["placement"],
        message=_("Forløbet er oprettet."),
        to=lambda placement: reverse("placements:detail", kwargs={"pk": placement.pk}),
        action=Action.CREATE,
    )
    if done:
        return done
    opened.log(request)
    ctx = {"form": form, "citizen": citizen, "chooser": chooser}
    ctx["warnings"] = chooser.warnings(str(form["kind"].value() or ""))
    ctx["details"] = [form[name] for name in DETAIL_FIELDS]
    ctx["rest"] = [form["ambassador"], form["note"]]
    return render(request, "placements/create.html", ctx)


@role_required(*access.READ_ROLES)
def placement_detail(request, pk):
    opened = access.open_placement(request.user, pk)
    placement = opened.obj
    opened.log(request)
    plan = CoursePlan.objects.filter(placement=placement).first()
    today = timezone.localdate()
    ctx = {
        "placement": placement,
        "citizen": placement.citizen,
        "step": describe_step(placement_step(placement), placement.kind),
        "kind_label": kind_label(placement.kind, placement.paid_hours_per_week),
        "plan": plan,
        "follow_ups": placement.follow_ups.select_related("assigned_to", "done_by")[:20],
        "conversations": placement.ending_conversations.select_related("ambassador"),
        "acute_issues": placement.acute_issues.all()[:10],
        "retention_plan": getattr(placement, "retention_plan", None),
        "may_work": opened.may_change,
        "is_open": placement.status not in (PlacementStatus.ENDED, PlacementStatus.CANCELLED),
        "is_internship": placement.kind == PlacementKind.INTERNSHIP,
        "warnings": _running_warnings(placement),
        "today": today,
        "now": timezone.now(),
    }
    return render(request, "placements/detail.html", ctx)


def _running_warnings(placement) -> list[tuple[bool, str]]:
    """The rimelighedskrav and merbeskæftigelseskrav for a running placement (it is itself
    counted at its company), so a warning given on the form stays on the placement's page."""
    if placement.status not in (PlacementStatus.PLANNED, PlacementStatus.ACTIVE):
        return []
    return legal_warnings(placement.company, placement.opening, placement.kind, adding=0)


@role_required(*access.WORK_ROLES)
def placement_edit(request, pk):
    opened = access.open_placement(request.user, pk, for_change=True)
    placement = opened.obj
    form = PlacementForm(request.POST or None, instance=placement)
    done = _write(
        request,
        opened,
        form,
        lambda: services.placement_change(
            placement=form.instance, version=form.read_version, by=request.user
        ),
        fields=form.changed_data,
        message=_("Ændringerne er gemt."),
        to=reverse("placements:detail", kwargs={"pk": placement.pk}),
    )
    return done or page(
        request,
        opened,
        "placements/form.html",
        {"form": form, "citizen": placement.citizen, "placement": placement},
    )


@role_required(*access.WORK_ROLES)
def placement_end(request, pk):
    opened = access.open_placement(request.user, pk, for_change=True)
    placement = opened.obj
    form = EndForm(request.POST or None, initial={"ends_on": timezone.localdate()})
    done = _write(
        request,
        opened,
        form,
        lambda: services.placement_end(placement=placement, by=request.user, **form.cleaned_data),
        fields=["status", "ends_on", "end_reason"],
        message=_("Forløbet er afsluttet."),
        to=reverse("placements:detail", kwargs={"pk": placement.pk}),
    )
    if done:
        return done
    opened.log(request)
    ctx = {"form": form, "placement": placement}
    ctx["missing"] = services.ending_conversation_missing(placement, timezone.localdate())
    ctx["conversations"] = placement.ending_conversations.select_related("ambassador")
    return render(request, "placements/end.html", ctx)


@role_required(*access.WORK_ROLES)
def conversation_create(request, pk):
    opened = access.open_placement(request.user, pk, for_change=True)
    placement = opened.obj
    initial = {"held_on": timezone.localdate()}
    if request.user.role == Role.AMBASSADOR:
        initial["ambassador"] = request.user
    elif placement.ambassador_id:
        initial["ambassador"] = placement.ambassador
    form = ConversationForm(request.POST or None, initial=initial)
    done = _write(
        request,
        opened,
        form,
        lambda: services.conversation_record(
            placement=placement, by=request.user, **form.cleaned_data
        ),
        fields=["ending_conversation"],
        message=_("Samtalen er registreret."),
        to=reverse("placements:detail", kwargs={"pk": placement.pk}),
    )
    return done or page(
        request, opened, "placements/conversation.html", {"form": form, "placement": placement}
    )


@role_required(*access.MOVE_UP_ROLES)
def move_up(request):
    """Who could move up the staircase: "always as high as possible" (seed 000 line ~137)."""
    today = timezone.localdate()
    free_private = staircase.private_internships_free(today)
    placements = staircase.could_move_up(
        access.placements_for(request.user), today, free_private=free_private
    )
    form = MoveUpListForm(request.GET)
    placements = placements.select_related("citizen", "company").defer(*unlisted("citizen__"))
    listing = paginate(request, form.apply(placements), form)
    rows = [
        (
            p,
            describe_step(placement_step(p), p.kind),
            staircase.move_up_reasons(p, today, free_private=free_private),
        )
        for p in listing.object_list
    ]
    citizen_access.log_list(request, [p.citizen_id for p in listing.object_list])
    ctx = {"form": form, "page": listing.page, "rows": rows}
    ctx["weeks"] = staircase.LONG_INTERNSHIP_WEEKS
    return render(request, "placements/move_up.html", ctx)


# The plan -------------------------------------------------------------------------------------


@role_required(*access.WORK_ROLES)
def plan_edit(request, pk):
    opened = access.open_placement(request.user, pk, for_change=True)
    placement = opened.obj
    plan = CoursePlan.objects.filter(placement=placement).first()
    form = PlanForm(request.POST or None, instance=plan)
    done = _write(
        request,
        opened,
        form,
        lambda: services.plan_save(
            placement=placement,
            by=request.user,
            version=form.read_version,
            **{f: form.cleaned_data[f] for f in PLAN_FIELDS},
        ),
        fields=["plan"],
        message=_("Planen er gemt."),
        to=reverse("placements:detail", kwargs={"pk": placement.pk}),
    )
    return done or page(
        request,
        opened,
        "placements/plan_form.html",
        {"form": form, "placement": placement, "plan": plan},
    )


@role_required(*access.READ_ROLES)
def plan_history(request, pk):
    opened = access.open_placement(request.user, pk)
    placement = opened.obj
    opened.log(request, fields=["plan"])
    plan = CoursePlan.objects.filter(placement=placement).first()
    day, as_of, error = None, None, ""
    text = clean_search(request.GET.get("dato"), max_length=20)
    if text:
        day, error = parse_date(text)
    if plan and day:
        as_of = services.plan_as_of(plan, day)
    revisions = plan.revisions.select_related("saved_by") if plan else []
    labels = {f: CoursePlan._meta.get_field(f).verbose_name for f in PLAN_FIELDS}
    rows = [
        (r, ", ".join(str(labels[f]) for f in r.changed.split(",") if f in labels))
        for r in revisions
    ]
    return render(
        request,
        "placements/plan_history.html",
        {
            "placement": placement,
            "plan": plan,
            "rows": rows,
            "day": day,
            "as_of": as_of,
            "text": text,
            "error": error,
        },
    )


# Follow-ups ---------------------------------------------------------------------------------


def _periods(today: dt.date) -> dict[str, Q]:
    """The follow-up list's tabs as filters: this week (Monday to Sunday), overdue, later."""
    monday = today - dt.timedelta(days=today.weekday())
    sunday = monday + dt.timedelta(days=6)
    return {
        "uge": Q(due_on__gte=monday, due_on__lte=sunday),
        "forfaldne": Q(due_on__lt=today),
        "kommende": Q(due_on__gt=sunday),
    }


@role_required(*access.WORK_ROLES)
def follow_up_list(request):
    today = timezone.localdate()
    monday = today - dt.timedelta(days=today.weekday())
    form = FollowUpListForm(request.GET)
    follow_ups = FollowUp.objects.filter(
        placement__in=access.placements_for(request.user), done_on__isnull=True, cancelled=False
    ).select_related("placement__citizen", "placement__company", "assigned_to")
    follow_ups = form.search(follow_ups.defer(*unlisted("placement__citizen__")))
    if form.mine:
        follow_ups = follow_ups.filter(assigned_to=request.user)
    periods = _periods(today)
    counts = follow_ups.aggregate(**{key: Count("id", filter=q) for key, q in periods.items()})
    listing = paginate(request, form.order(follow_ups.filter(periods[form.period])), form)
    citizen_access.log_list(request, [f.placement.citizen_id for f in listing.object_list])
    ctx = {"form": form, "page": listing.page, "today": today, "monday": monday}
    ctx["tabs"] = [(key, label, counts[key]) for key, label in PERIODS.items()]
    ctx["sunday"] = monday + dt.timedelta(days=6)
    return render(request, "placements/follow_ups.html", ctx)


@role_required(*access.WORK_ROLES)
def follow_up_record(request, pk):
    follow_up = get_object_or_404(FollowUp, pk=pk)
    opened = access.open_placement(request.user, follow_up.placement_id, for_change=True)
    placement = opened.obj
    form = FollowUpForm(request.POST or None, initial={"done_on": timezone.localdate()})
    done = _write(
        request,
        opened,
        form,
        lambda: services.follow_up_record(
            follow_up=follow_up, by=request.user, **form.cleaned_data
        ),
        fields=["follow_up"],
        message=_("Opfølgningen er registreret, og den næste er planlagt."),
        to=reverse("placements:detail", kwargs={"pk": placement.pk}),
    )
    return done or page(
        request,
        opened,
        "placements/follow_up_form.html",
        {"form": form, "placement": placement, "follow_up": follow_up},
    )


# Acute issues ------------------------------------------------------------------------------


@role_required(*access.WORK_ROLES)
def acute_create(request, pk):
    opened = access.open_placement(request.user, pk, for_change=True)
    placement = opened.obj
    now = timezone.localtime().replace(second=0, microsecond=0)
    form = AcuteIssueForm(request.POST or None, initial={"reported_at": now})
    done = _write(
        request,
        opened,
        form,
        lambda: services.acute_register(placement=placement, by=request.user, **form.cleaned_data),
        fields=["acute_issue"],
        message=_("Henvendelsen er registreret. Den skal besvares inden 24 timer."),
        to=reverse("placements:detail", kwargs={"pk": placement.pk}),
    )
    return done or page(
        request, opened, "placements/acute_form.html", {"form": form, "placement": placement}
    )


@role_required(*access.WORK_ROLES)
def acute_answer(request, pk):
    issue = get_object_or_404(AcuteIssue, pk=pk)
    opened = access.open_placement(request.user, issue.placement_id, for_change=True)
    placement = opened.obj
    form = AcuteAnswerForm(request.POST or None)
    done = _write(
        request,
        opened,
        form,
        lambda: services.acute_answer(issue=issue, by=request.user, **form.cleaned_data),
        fields=["acute_issue"],
        message=_("Svaret er registreret."),
        to=reverse("placements:detail", kwargs={"pk": placement.pk}),
    )
    return done or page(
        request,
        opened,
        "placements/acute_answer.html",
        {"form": form, "placement": placement, "issue": issue, "now": timezone.now()},
    )


@role_required(*access.WORK_ROLES)
def acute_list(request):
    services.acute_flag_breaches()
    issues = (
        AcuteIssue.objects.filter(
            placement__in=access.placements_for(request.user), answered_at__isnull=True
        )
        .select_related("placement__citizen", "placement__company")
        .defer(*unlisted("placement__citizen__"))
    )
    form = AcuteListForm(request.GET)
    listing = paginate(request, form.apply(issues), form)
    citizen_access.log_list(request, [i.placement.citizen_id for i in listing.object_list])
    ctx = {"form": form, "page": listing.page, "now": timezone.now()}
    return render(request, "placements/acute_list.html", ctx)


@role_required(Role.MANAGER)
def acute_breaches(request):
    """The acute issues not answered in 24 hours, flagged to this manager. No personal data:
    the company, the times and the staff, not the citizen or the problem."""
    services.acute_flag_breaches()
    issues = request.user.flagged_acute_issues.select_related(
        "placement__company__key_account", "registered_by", "answered_by"
    )
    form = AcuteBreachListForm(request.GET)
    listing = paginate(request, form.apply(issues), form)
    return render(request, "placements/acute_breaches.html", {"form": form, "page": listing.page})


# The retention plan (003 "Bilag 2") ----------------------------------------------------------


@role_required(*access.READ_ROLES)
def retention(request, pk):
    opened = access.open_placement(request.user, pk, for_change=request.method == "POST")
    placement = opened.obj
    plan = RetentionPlan.objects.filter(placement=placement).first()
    if plan is None and not opened.may_change:
        raise Http404
    initial = {}
    if plan is None:
        initial = {"municipality_contact": placement.ambassador or request.user}
    form = RetentionPlanForm(request.POST or None, instance=plan, initial=initial)
    done = _write(
        request,
        opened,
        form,
        lambda: services.retention_save(
            placement=placement,
            by=request.user,
            version=form.read_version,
            **_without_version(form.cleaned_data),
        ),
        fields=["retention_plan"],
        message=_("Fastholdelsesplanen er gemt."),
        to=reverse("placements:retention", kwargs={"pk": placement.pk}),
    )
    return done or page(
        request,
        opened,
        "placements/retention.html",
        _retention_page(opened, plan, form),
        fields=["retention_plan"],
    )


def _retention_page(opened, plan, form) -> dict:
    return {
        "placement": opened.obj,
        "plan": plan,
        "form": form,
        "entries": plan.entries.select_related("recorded_by") if plan else [],
        "entry_form": RetentionEntryForm(initial={"on": timezone.localdate()}),
        "may_work": opened.may_change,
    }


@role_required(*access.WORK_ROLES)
def retention_entry(request, pk):
    opened = access.open_placement(request.user, pk, for_change=True)
    placement = opened.obj
    plan = RetentionPlan.objects.filter(placement=placement).first()
    if plan is None:
        return redirect("placements:retention", pk=placement.pk)
    form = RetentionEntryForm(request.POST or None, initial={"on": timezone.localdate()})
    done = _write(
        request,
        opened,
        form,
        lambda: services.retention_entry_add(plan=plan, by=request.user, **form.cleaned_data),
        fields=["retention_plan"],
        message=_("Beskrivelsen er tilføjet."),
        to=reverse("placements:retention", kwargs={"pk": placement.pk}),
    )
    return done or page(
        request,
        opened,
        "placements/retention_entry.html",
        {"form": form, "placement": placement},
        fields=["retention_plan"],
    )


def _retention_context(placement, plan):
    citizen = placement.citizen
    return {
        "placement": placement,
        "plan": plan,
        "citizen": citizen,
        "age": citizen.age(),
        "company": placement.company,
        "entries": plan.entries.all(),
        "municipality": getattr(settings, "MUNICIPALITY_NAME", _("Kommunen")),
    }


def _retention_export(request, pk):
    """The retention plan for print or PDF: an export, so not on a stated reason."""
    opened = access.open_placement(request.user, pk, for_export=True)
    plan = get_object_or_404(RetentionPlan, placement=opened.obj)
    opened.log(request, Action.EXPORT, ["retention_plan"])
    return _retention_context(opened.obj, plan)


@role_required(*access.READ_ROLES)
def retention_print(request, pk):
    ctx = _retention_export(request, pk)
    return render(request, "placements/retention_print.html", {**ctx, "for_print": True})


@role_required(*access.READ_ROLES)
def retention_pdf(request, pk):
    ctx = _retention_export(request, pk)
    return documents.pdf_response(
        request,
        "placements/retention_print.html",
        {**ctx, "for_pdf": True},
        title=f"{_('Fastholdelsesplan')}: {ctx['citizen'].full_name}",
        filename=f"fastholdelsesplan-{ctx['placement'].pk}.pdf",
        inline=True,
    )


# The calendar feed ----------------------------------------------------------------------------


@role_required(*access.WORK_ROLES)
def calendar_settings(request):
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            calendar.feed_revoke(user=request.user)
            messages.success(request, _("Kalenderadressen er tilbagekaldt og virker ikke længere."))
            return redirect("placements:calendar")
        # Shown once, in this response: only the token's hash is stored, and the address
        # goes neither into a redirect nor into the session.
        feed = calendar.feed_renew(user=request.user)
        url = request.build_absolute_uri(
            reverse("placements:calendar_feed", kwargs={"token": feed.token})
        )
        response = render(request, "placements/calendar.html", {"feed": feed, "url": url})
        response["Cache-Control"] = "no-store"
        return response
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(request, "placements/calendar.html", {"feed": feed, "url": ""})


def calendar_feed(request, token):
    """Public by design (calendar apps cannot log in): the token is the key."""
    feed = calendar.feed_for(token)
    if feed is None or not feed.user.is_active:
        raise Http404
    body = calendar.feed_ical(user=feed.user, base_url=request.build_absolute_uri("/").rstrip("/"))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
