import io
import json
import secrets
import zipfile

from django.contrib import messages
from django.db.models import Q
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro import documents
from jobbro.accounts.decorators import role_required
from jobbro.accounts.models import Role
from jobbro.audit.models import AccessLogEntry, Action, Purpose
from jobbro.audit.services import log_access
from jobbro.core.views import page, write
from jobbro.front.lists import paginate
from jobbro.journal import access as journal_access
from jobbro.journal import selectors as journal_selectors
from jobbro.law.selectors import receiving
from jobbro.lib import cpr as cprlib
from jobbro.lib import crypto
from jobbro.placements.staircase import with_current_step

from . import access, services, subject_export
from .forms import CitizenForm, ReasonForm
from .lists import AwaitingListForm, CaseLogListForm, CitizenListForm
from .status import CaseStatus

PAGE_SIZE = 25
# The few fields a mentor sees of their mentee (PRODUCT.md: "a handful of fields").
MENTEE_FIELDS = ("first_name", "last_name", "phone", "danish_course")
MENTEE_LOGGED = (*MENTEE_FIELDS, "languages")  # the languages are rows of their own


SEARCHES = "citizen_searches"
KEPT_SEARCHES = 20


def _store_search(request) -> str:
    """Keep a POSTed search in the session behind an opaque token.

    Names and CPR numbers typed into the search box never appear in a URL, so not in the
    browser's history or the web server's log either; nor in the session in clear: only the
    search form's own fields are kept, encrypted with the field keys (`lib/crypto`).
    """
    token = secrets.token_urlsafe(6)
    searches = request.session.get(SEARCHES, {})
    fields = {k: request.POST.getlist(k) for k in CitizenListForm.kept if k in request.POST}
    searches[token] = crypto.encrypt(json.dumps(fields))
    request.session[SEARCHES] = dict(list(searches.items())[-KEPT_SEARCHES:])
    return token


def _search_params(request) -> QueryDict:
    token = request.GET.get("s")
    stored = request.session.get(SEARCHES, {}).get(token) if token else None
    if not isinstance(stored, str):
        return request.GET
    try:
        fields = json.loads(crypto.decrypt(stored))
    except crypto.DecryptionError:  # kept under a key since retired: search afresh
        return QueryDict()
    params = QueryDict(mutable=True)
    for key, values in fields.items():
        params.setlist(key, values)
    if "sort" in request.GET:  # a column header sorts the stored search
        params["sort"] = request.GET["sort"]
    return params


def _search(request, citizens, form: CitizenListForm):
    """The citizens matching the list's filters, the search text, and the citizen outside
    this user's context whose exact CPR number was searched (they may state a reason)."""
    data = form.data_cleaned
    query, outside = form.query.strip(), None
    status = data.get("status", "")
    if status in CaseStatus.values:
        citizens = citizens.filter(status_on=status)
    elif status != "all" and not query:
        citizens = citizens.exclude(status_on=CaseStatus.CLOSED)
    if query and cprlib.looks_like_cpr(query):
        citizens = citizens.with_cpr(query)
        if not citizens.exists():
            outside = access.look_up_outside(request, query)
    elif query:
        for term in query.split():
            citizens = citizens.filter(Q(first_name__icontains=term) | Q(last_name__icontains=term))
    if data.get("benefit_type"):
        citizens = citizens.filter(receiving(data["benefit_type"]))
    for name in ("readiness", "gender", "nationality"):
        if data.get(name):
            citizens = citizens.filter(**{name: data[name]})
    if data.get("mine"):
        citizens = citizens.filter(case_worker=request.user)
    return form.order(citizens), query, outside


@role_required(*access.CASE_FILE_ROLES)
def citizen_list(request):
    if request.method == "POST":
        return redirect(f"{reverse('citizens:list')}?s={_store_search(request)}")
    scope = access.citizens_for(request.user)
    nationalities = scope.order_by("nationality").values_list("nationality", flat=True).distinct()
    search = _search_params(request)
    own = request.user.role == Role.CASE_WORKER
    form = CitizenListForm(search, nationalities=list(nationalities), own_caseload=own)
    # The staircase step of each citizen: two subqueries, so the query count stays constant.
    citizens = with_current_step(
        scope.listed(keep=("cpr",)).select_related("case_worker")
    ).status_as_of()
    citizens, query, outside = _search(request, citizens, form)
    page = paginate(request, citizens, form).page
    access.log_list(
        request, [c.pk for c in page.object_list], Action.SEARCH if query else Action.LIST
    )
    ctx = {
        "form": form,
        "page": page,
        "query": query,
        "outside": outside,
        "full_cpr": access.sees_full_cpr(request.user),
        "may_create": request.user.role in access.CREATE_ROLES,
    }
    if not request.htmx:
        return render(request, "citizens/list.html", ctx)
    response = render(request, "citizens/_results.html", ctx)
    response["HX-Push-Url"] = request.get_full_path()
    return response


@role_required(*access.CASE_FILE_ROLES, Role.COMPANY_CONSULTANT, Role.MENTOR)
def citizen_detail(request, pk):
    opened = access.open_citizen(request.user, pk)
    citizen, purpose = opened.obj, opened.purpose
    if purpose == Purpose.MENTEE:
        opened.log(request, fields=MENTEE_LOGGED)
        return render(request, "citizens/mentee.html", {"citizen": citizen})
    opened.log(request)
    ctx = {
        "citizen": citizen,
        "purpose": purpose,
        "purpose_label": Purpose(purpose).label,
        # The timeline with the journal's notes among its events (journal/selectors.py).
        "events": journal_selectors.timeline(
            access.timeline_for(request.user, citizen),
            journal_access.notes_of(request.user, citizen),
        ),
        "spoken": citizen.spoken.all(),
        "access_entries": AccessLogEntry.objects.filter(citizen_id=citizen.pk).select_related(
            "user"
        )[:10],
        "full_cpr": access.sees_full_cpr(request.user),
        "sensitive": access.sees_sensitive(request.user),
        "may_edit": opened.may_change,
        "may_export": access.sees_full_cpr(request.user) and opened.may_export,
    }
    return render(request, "citizens/detail.html", ctx)


@role_required(*access.MAY_STATE_REASON)
def citizen_reason(request, pk):
    citizen = access.reason_needed(request.user, pk)
    if citizen is None:
        return redirect("citizens:detail", pk=pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        access.grant_access(request.user, citizen, form.cleaned_data["reason"])
        return redirect("citizens:detail", pk=pk)
    return render(request, "citizens/reason.html", {"form": form, "pk": pk})


@role_required(*access.CREATE_ROLES)
def citizen_create(request):
    form = CitizenForm(request.POST or None, initial={"case_worker": request.user})
    if request.method == "POST" and form.is_valid():
        citizen = services.citizen_create(by=request.user, **form.service_fields())
        purpose = access.context_purpose(request.user, citizen)
        log_access(
            request,
            action=Action.CREATE,
            citizen_ids=[citizen.pk],
            purpose=purpose or Purpose.CREATION,
        )
        messages.success(request, _("Borgeren er oprettet."))
        if purpose:
            return redirect("citizens:detail", pk=citizen.pk)
        return redirect("citizens:list")
    return render(request, "citizens/form.html", {"form": form, "creating": True})


@role_required(*access.EDIT_ROLES)
def citizen_edit(request, pk):
    opened = access.open_citizen(request.user, pk, for_change=True)
    citizen = opened.obj
    form = CitizenForm(request.POST or None, instance=citizen)
    done = write(
        request,
        opened,
        form,
        lambda: services.citizen_change(
            citizen=citizen, by=request.user, version=form.read_version, **form.service_fields()
        ),
        fields=lambda changed: changed,  # the fields the service changed
        message=_("Ændringerne er gemt."),
        to=reverse("citizens:detail", kwargs={"pk": pk}),
    )
    return done or page(request, opened, "citizens/form.html", {"form": form, "citizen": citizen})


@require_POST
@role_required(*access.EDIT_ROLES)
def citizen_start_effort(request, pk):
    opened = access.open_citizen(request.user, pk, for_change=True)
    if services.citizen_effort_start(citizen=opened.obj, by=request.user):
        opened.log(request, Action.CHANGE, ["effort_started_at"])
        messages.success(
            request, _("Den beskæftigelsesrettede indsats er registreret som startet.")
        )
    return redirect("citizens:detail", pk=pk)


@role_required(*access.CASE_FILE_ROLES)
def awaiting_effort(request):
    citizens = access.citizens_for(request.user).awaiting_effort().listed()
    form = AwaitingListForm(request.GET)
    listing = paginate(request, form.apply(citizens.select_related("case_worker")), form)
    access.log_list(request, [c.pk for c in listing.object_list])
    ctx = {"form": form, "page": listing.page, "now": timezone.now()}
    return render(request, "citizens/awaiting.html", ctx)


@role_required(Role.MENTOR)
def mentees(request):
    citizens = (
        access.citizens_for(request.user)
        .only(*MENTEE_FIELDS, "id", "mentor_id")
        .prefetch_related("spoken")
    )
    access.log_list(request, [c.pk for c in citizens], fields=MENTEE_LOGGED)
    return render(request, "citizens/mentees.html", {"citizens": citizens})


@role_required(*access.CASE_FILE_ROLES, Role.COMPANY_CONSULTANT)
def citizen_access_log(request, pk):
    opened = access.open_citizen(request.user, pk)
    citizen = opened.obj
    # Log first: the page is counted when made but read when rendered, so an entry written
    # in between would push the oldest one shown off the page.
    opened.log(request, fields=["access_log"])
    entries = AccessLogEntry.objects.filter(citizen_id=citizen.pk).select_related("user")
    form = CaseLogListForm(request.GET)
    page = paginate(request, form.order(entries), form, per_page=50).page
    ctx = {"citizen": citizen, "form": form, "page": page}
    return render(request, "citizens/access_log.html", ctx)


def _subject_export(request, pk, fmt: str):
    """The data-subject export (GDPR art. 15) of one citizen: every registered section
    (subject_export.py), for a case worker in their own context. The export is logged
    before it is built, so it holds its own entry."""
    opened = access.open_citizen(request.user, pk, for_export=True)
    opened.log(request, Action.EXPORT, ["data_subject_export", fmt])
    return subject_export.build(opened.obj, by=request.user)


def _export_pdf(request, export) -> bytes:
    title = _("Indsigt i oplysninger om %(name)s") % {"name": export.name}
    context = {"export": export}
    return documents.render_pdf(request, "citizens/export_pdf.html", context, title=title)


def _export_json(export) -> bytes:
    data = subject_export.as_json(export)
    return json.dumps(data, ensure_ascii=False, indent=2).encode()


@role_required(Role.CASE_WORKER)
def citizen_export(request, pk):
    """The data-subject export as machine-readable JSON."""
    export = _subject_export(request, pk, "json")
    return documents.file_response(_export_json(export), "application/json", f"borger-{pk}.json")


@role_required(Role.CASE_WORKER)
def citizen_export_pdf(request, pk):
    """The data-subject export as a readable Danish PDF."""
    export = _subject_export(request, pk, "pdf")
    return documents.file_response(_export_pdf(request, export), documents.PDF, f"borger-{pk}.pdf")


@role_required(Role.CASE_WORKER)
def citizen_export_zip(request, pk):
    """The data-subject export with its files: the PDF, the JSON and every attachment (the
    JSON and PDF list each attachment's SHA-256, so the copy can be checked)."""
    export = _subject_export(request, pk, "zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"borger-{pk}.pdf", _export_pdf(request, export))
        archive.writestr(f"borger-{pk}.json", _export_json(export))
        for f in export.files:
            archive.writestr(f.path, f.read())
    return documents.file_response(buffer.getvalue(), "application/zip", f"borger-{pk}.zip")
