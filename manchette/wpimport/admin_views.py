"""The admin's WordPress import: an administrator uploads an export, the worker imports it,
the page shows its progress and then its report."""

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from .models import ImportRun
from .tasks import run_import_task

SUFFIXES = (".xml", ".xml.gz", ".gz")


class ImportForm(forms.Form):
    export = forms.FileField(label=_("Fichier d’export WordPress (.xml ou .xml.gz)"))
    dry_run = forms.BooleanField(label=_("Essai à blanc (ne rien garder)"), required=False)

    def clean_export(self):
        export = self.cleaned_data["export"]
        if not export.name.lower().endswith(SUFFIXES):
            raise forms.ValidationError(_("Choisissez un fichier .xml ou .xml.gz."))
        return export


def _administrator(request):
    if not request.user.is_superuser:
        raise PermissionDenied


def imports(request):
    _administrator(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        export = form.cleaned_data["export"]
        folder = Path(settings.VAR_DIR) / "imports"
        folder.mkdir(parents=True, exist_ok=True)
        suffix = ".xml.gz" if export.name.lower().endswith(".gz") else ".xml"
        path = folder / f"{uuid.uuid4().hex}{suffix}"
        with path.open("wb") as out:
            for chunk in export.chunks():
                out.write(chunk)
        run = ImportRun.objects.create(
            created_by=request.user,
            file_name=export.name[:255],
            path=str(path),
            dry_run=form.cleaned_data["dry_run"],
        )
        transaction.on_commit(lambda: run_import_task.enqueue(run.pk))
        return redirect("wpimport_admin:run", run.pk)
    runs = ImportRun.objects.select_related("created_by")[:20]
    return render(request, "wpimport/admin/imports.html", {"form": form, "runs": runs})


def run(request, pk):
    _administrator(request)
    return render(request, "wpimport/admin/run.html", {"run": get_object_or_404(ImportRun, pk=pk)})
