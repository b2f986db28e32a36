"""Mentors (seed 002, Lederne): the corps, each citizen's matches, answers and meetings.
Access: access.py; writes: services.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.core.views import page, write

from . import access, services
from .forms import MENTOR_SORTS, AnswerForm, MeetingForm, MentorFilterForm, MentorForm, ProposeForm
from .models import OPEN_MATCH, Mentor

PAGE_SIZE = 25
FIELDS = ("mentor_matches",)


def _params(request) -> str:
    params = request.GET.copy()
    params.pop("side", None)
    return params.urlencode()


@role_required(*access.CORPS_ROLES)
def mentor_list(request):
    form = MentorFilterForm(request.GET or None)
    mentors = Mentor.objects.select_related("chief").annotate(
        open_matches=Count("matches", filter=Q(matches__status__in=OPEN_MATCH))
    )
    sort = "name"
    if form.is_valid():
        data = form.cleaned_data
        for term in data["q"].split():
            mentors = mentors.filter(
                Q(name__icontains=term)
                | Q(organisation__icontains=term)
                | Q(background__icontains=term)
            )
        if data["kind"]:
            mentors = mentors.filter(kind=data["kind"])
        if data["chief"]:
            mentors = mentors.filter(Q(chief=data["chief"]) | Q(pk=data["chief"].pk))
        sort = data["sort"] or sort
    page = Paginator(mentors.order_by(*MENTOR_SORTS[sort]), PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    ctx = {"form": form, "page": page, "params": _params(request)}
    return render(request, "mentoring/mentor_list.html", ctx)


@role_required(*access.CORPS_ROLES)
def mentor_edit(request, pk: int | None = None):
    mentor = get_object_or_404(Mentor, pk=pk) if pk else Mentor()
    form = MentorForm(request.POST or None, instance=mentor)
    done = write(
        request,
        None,
        form,
        lambda: services.mentor_save(mentor=form.instance, by=request.user),
        message=_("Mentoren er gemt."),
        to=reverse("mentors:list"),
    )
    return done or render(request, "mentoring/mentor_form.html", {"form": form, "mentor": mentor})


@role_required(*access.CORPS_ROLES)
def citizen_matches(request, pk: int):
    """A citizen's matches with mentors, and the form that proposes one."""
    proposing = request.method == "POST"
    opened = access.open_for_matches(request.user, pk, for_change=proposing)
    form = ProposeForm(request.POST if proposing else None)
    done = write(
        request,
        opened,
        form,
        lambda: services.match_propose(
            citizen=opened.obj, mentor=form.cleaned_data["mentor"], by=request.user
        ),
        fields=FIELDS,
        message=_("Mentoren er foreslået. Begge skal nu svare."),
        to=reverse("mentors:citizen", kwargs={"pk": pk}),
        action=Action.CREATE,
    )
    if done:
        return done
    ctx = {
        "citizen": opened.obj,
        "matches": opened.obj.mentor_matches.select_related("mentor").order_by(
            "-proposed_on", "-pk"
        ),
        "form": form,
        "may_change": opened.may_change,
    }
    return page(request, opened, "mentoring/citizen_matches.html", ctx, fields=FIELDS)


@role_required(*access.MATCH_ROLES)
def match_detail(request, pk: int):
    match, opened = access.open_match(request.user, pk)
    opened.log(request, Action.VIEW, ("mentor_match", "mentor_meetings"))
    ctx = {
        "match": match,
        "citizen": opened.obj,
        "meetings": match.meetings.select_related("created_by"),
        "may_change": opened.may_change,
        "may_log": access.may_log_meeting(request.user, opened.purpose),
        "sees_reasons": access.sees_reasons(request.user),
        "answer_form": AnswerForm(),
        "meeting_form": MeetingForm(),
    }
    return render(request, "mentoring/match.html", ctx)


def _done(request, opened, match, write, message: str):
    """Run one write of a match; log it in the request's transaction, or say why not."""
    try:
        write()
    except ValidationError as e:
        for text in e.messages:
            messages.error(request, text)
    else:
        opened.log(request, Action.CHANGE, ("mentor_match",))
        messages.success(request, message)
    return redirect("mentors:match", pk=match.pk)


def _form_errors(request, form, match):
    for errors in form.errors.values():
        messages.error(request, " ".join(errors))
    return redirect("mentors:match", pk=match.pk)


@require_POST
@role_required(*access.CORPS_ROLES)
def match_answer(request, pk: int):
    match, opened = access.open_match(request.user, pk, for_change=True)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form, match)
    d = form.cleaned_data
    return _done(
        request,
        opened,
        match,
        lambda: services.match_answer(
            match=match, side=d["side"], answer=d["answer"], reason=d["reason"], by=request.user
        ),
        _("Svaret er gemt."),
    )


@require_POST
@role_required(*access.CORPS_ROLES)
def match_end(request, pk: int):
    match, opened = access.open_match(request.user, pk, for_change=True)
    write = lambda: services.match_end(match=match, by=request.user)  # noqa: E731
    return _done(request, opened, match, write, _("Matchet er afsluttet."))


@require_POST
@role_required(*access.MATCH_ROLES)
def meeting_add(request, pk: int):
    match, opened = access.open_match(request.user, pk, for_change=True, meeting=True)
    form = MeetingForm(request.POST)
    if not form.is_valid():
        return _form_errors(request, form, match)
    d = form.cleaned_data
    return _done(
        request,
        opened,
        match,
        lambda: services.meeting_add(match=match, by=request.user, **d),
        _("Mødet er registreret."),
    )
