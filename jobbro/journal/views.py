from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jobbro.accounts.decorators import role_required
from jobbro.audit.models import Action
from jobbro.citizens import access as citizen_access
from jobbro.core.locking import StaleError
from jobbro.core.views import page, write
from jobbro.front.fields import parse_int
from jobbro.front.lists import paginate

from . import access, attachments, selectors, services
from .forms import NoteForm, PlanForm, RecordForm
from .lists import JournalListForm, PlannedListForm
from .models import NoteKind

LOGGED = ["journal"]


def _page(request, opened, template: str, ctx: dict):
    """A journal page about one citizen: logged as a view of their journal, then shown."""
    return page(request, opened, template, ctx, fields=LOGGED)


def _to_note(note) -> str:
    return reverse("journal:detail", args=[note.pk])


@role_required(*access.READ_ROLES)
def journal(request, pk):
    """A citizen's journal: searchable (in the decrypted text too), filtered, sorted, paged."""
    opened = access.open_journal(request.user, pk)
    citizen = opened.obj
    form = JournalListForm(request.GET)
    notes = selectors.search(access.notes_of(request.user, citizen), form)
    listing = paginate(request, notes, form)
    ctx = {"citizen": citizen, "form": form, "page": listing.page}
    ctx["may_write"] = opened.may_change
    return _page(request, opened, "journal/list.html", ctx)


def _new(request, pk, form_class, call, *, initial, template, message):
    """A new note or planned conversation in a citizen's journal."""
    opened = access.open_journal(request.user, pk, for_change=True)
    citizen = opened.obj
    form = form_class(request.POST or None, request.FILES or None, citizen=citizen, initial=initial)
    done = write(
        request,
        opened,
        form,
        lambda: call(citizen=citizen, by=request.user, **form.service_fields()),
        fields=LOGGED,
        message=message,
        to=_to_note,
        action=Action.CREATE,
    )
    ctx = {"citizen": citizen, "form": form, "creating": True}
    return done or _page(request, opened, template, ctx)


@role_required(*access.WRITE_ROLES)
def note_create(request, pk):
    return _new(
        request,
        pk,
        NoteForm,
        services.note_create,
        initial={"occurred_on": timezone.localdate(), "kind": NoteKind.NOTE},
        template="journal/note_form.html",
        message=_("Notatet er gemt i journalen."),
    )


@role_required(*access.WRITE_ROLES)
def conversation_plan(request, pk):
    return _new(
        request,
        pk,
        PlanForm,
        services.conversation_plan,
        initial={"kind": NoteKind.CONVERSATION},
        template="journal/plan_form.html",
        message=_("Samtalen er planlagt og står i din kalender."),
    )


@role_required(*access.READ_ROLES)
def note_detail(request, pk):
    opened = access.open_note(request.user, pk)
    note = opened.obj
    ctx = {
        "note": note,
        "citizen": note.citizen,
        "attachments": note.attachments.select_related("uploaded_by"),
        "may_change": opened.may_change,
        "may_download": opened.may_export,
    }
    return _page(request, opened, "journal/detail.html", ctx)


@role_required(*access.WRITE_ROLES)
def note_edit(request, pk):
    """Change a written note (its author), or move a planned conversation."""
    opened = access.open_note(request.user, pk, for_change=True)
    note = opened.obj
    form_class, call, template = (
        (PlanForm, services.conversation_replan, "journal/plan_form.html")
        if note.is_planned
        else (NoteForm, services.note_change, "journal/note_form.html")
    )
    form = form_class(
        request.POST or None, request.FILES or None, instance=note, citizen=note.citizen
    )
    done = write(
        request,
        opened,
        form,
        lambda: call(
            note=note, by=request.user, version=form.read_version, **form.service_fields()
        ),
        fields=LOGGED,
        message=_("Ændringerne er gemt."),
        to=_to_note(note),
    )
    return done or _page(
        request, opened, template, {"citizen": note.citizen, "form": form, "note": note}
    )


@role_required(*access.WRITE_ROLES)
def conversation_record(request, pk):
    opened = access.open_note(request.user, pk, for_change=True)
    note = opened.obj
    if not note.is_planned:
        return redirect(_to_note(note))
    form = RecordForm(
        request.POST or None,
        request.FILES or None,
        version=note.version,
        initial={"occurred_on": note.occurred_on},
    )
    done = write(
        request,
        opened,
        form,
        lambda: services.conversation_record(
            note=note,
            by=request.user,
            version=form.read_version,
            occurred_on=form.cleaned_data["occurred_on"],
            text=form.cleaned_data["text"],
            files=form.cleaned_data["new_attachments"],
        ),
        fields=LOGGED,
        message=_("Samtalen er skrevet i journalen."),
        to=_to_note(note),
    )
    ctx = {"citizen": note.citizen, "form": form, "note": note}
    return done or _page(request, opened, "journal/record_form.html", ctx)


@require_POST
@role_required(*access.WRITE_ROLES)
def conversation_cancel(request, pk):
    opened = access.open_note(request.user, pk, for_change=True)
    version = parse_int(request.POST.get("version"), low=1)
    try:
        services.conversation_cancel(note=opened.obj, by=request.user, version=version)
    except (StaleError, ValidationError) as e:
        messages.error(request, " ".join(e.messages))
    else:
        opened.log(request, Action.CHANGE, LOGGED)
        messages.success(request, _("Samtalen er aflyst."))
    return redirect(_to_note(opened.obj))


@role_required(*access.READ_ROLES)
def attachment_download(request, pk):
    """An attachment, only as a download, of the type Jobbro found in it; logged as an
    export (it leaves Jobbro), so never on a stated reason."""
    opened, attachment = access.open_attachment(request.user, pk)
    opened.log(request, Action.EXPORT, [f"attachment:{attachment.pk}"])
    return attachments.download(attachment)


@role_required(*access.WRITE_ROLES)
def planned(request):
    """My planned conversations, soonest first: those I planned that are not yet recorded."""
    form = PlannedListForm(request.GET)
    listing = paginate(request, form.apply(selectors.planned_for(request.user)), form)
    citizen_access.log_list(request, [n.citizen_id for n in listing.object_list], fields=LOGGED)
    return render(request, "journal/planned.html", {"form": form, "page": listing.page})
