"""The admin's dashboard: tasks taken back from workers that died (core/leases.py)."""

from django.conf import settings
from wagtail import hooks
from wagtail.admin.ui.components import Component

from manchette.core.leases import WORKER_LOST, taken_back


class TasksTakenBackPanel(Component):
    name = "tasks_taken_back"
    template_name = "core/admin/tasks_taken_back.html"
    order = 90

    def get_context_data(self, _parent_context):
        rows = [
            {
                "task": row.task_path.rsplit(".", 1)[-1],
                "row": row,
                "attempts": len(row.worker_ids),
                "failed": row.exception_class_path == WORKER_LOST,
            }
            for row in taken_back()
        ]
        return {"rows": rows, "max_attempts": settings.TASK_MAX_ATTEMPTS}


@hooks.register("construct_homepage_panels")
def add_tasks_taken_back(request, panels):
    # The site's plumbing, for those who run it: superusers only.
    if request.user.is_superuser:
        panels.append(TasksTakenBackPanel())
