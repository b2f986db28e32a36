"""Importing citizens from another system: template, upload, preview, all or nothing."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro import documents
from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action, Purpose
from jobbro.audit.services import log_access
from jobbro.citizens import access as citizen_access

from . import rows as importrows
from . import services
from .access import IMPORT_ROLES, open_batch
from .forms import UploadForm
from .models import BatchState


@role_required(*IMPORT_ROLES)
def start(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = importrows.read(upload.name, upload.read(importrows.MAX_BYTES + 1))
        except importrows.FileError as e:
            form.add_error("file", str(e))
        else:
            batch = services.batch_create(by=request.user, rows=rows)
            return redirect("imports:preview", pk=batch.pk)
    return render(request, "imports/start.html", {"form": form, "columns": importrows.COLUMNS})


@role_required(*IMPORT_ROLES)
def template(request, fmt):
    if fmt == "xlsx":
        workbook = documents.xlsx_workbook(_("Import af borgere"), importrows.headers(), [])
        return documents.xlsx_response(workbook, "jobbro-import-skabelon.xlsx")
    if fmt != "csv":
        raise Http404
    text = ";".join(importrows.headers()) + "\r\n"
    response = HttpResponse("\ufeff" + text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="jobbro-import-skabelon.csv"'
    return response


@role_required(*IMPORT_ROLES)
def preview(request, pk):
    batch = open_batch(request.user, pk)
    results = importrows.check_all(services.batch_rows(batch), by=request.user)
    duplicates = [r.duplicate.pk for r in results if r.duplicate is not None]
    if duplicates:  # saying that a CPR number is known is itself a disclosure
        log_access(request, action=Action.SEARCH, citizen_ids=duplicates, purpose=Purpose.LOOKUP)
    ctx = {
        "batch": batch,
        "results": results,
        "failing": [r for r in results if r.errors],
        "new": sum(1 for r in results if r.ok),
        "duplicates": sum(1 for r in results if r.is_duplicate),
        "done": batch.state != BatchState.PREVIEW,
    }
    return render(request, "imports/preview.html", ctx)


@require_POST
@role_required(*IMPORT_ROLES)
def confirm(request, pk):
    batch = open_batch(request.user, pk)
    try:
        created = services.batch_import(batch=batch, by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
        return redirect("imports:preview", pk=pk)
    by_purpose: dict[str, list[int]] = {}
    for citizen in created:
        purpose = citizen_access.context_purpose(request.user, citizen) or Purpose.CREATION
        by_purpose.setdefault(purpose, []).append(citizen.pk)
    for purpose, ids in by_purpose.items():  # one chained insert per purpose, not per row
        log_access(request, action=Action.CREATE, citizen_ids=ids, purpose=purpose)
    messages.success(request, _("%(n)s borgere er importeret.") % {"n": len(created)})
    return redirect("imports:preview", pk=pk)


@require_POST
@role_required(*IMPORT_ROLES)
def discard(request, pk):
    services.batch_discard(batch=open_batch(request.user, pk), by=request.user)
    messages.success(request, _("Importen er kasseret; filens rækker er slettet."))
    return redirect("imports:start")
