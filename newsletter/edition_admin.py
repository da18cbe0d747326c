"""The "Editions" screens of the admin's Newsletter menu: list, mailing, preview, progress.

The mailing screen of an edition shows how many subscribers it goes to, the HTML e-mail at
phone and desktop width and its plain-text part (of the latest draft, as editors write),
a test send to staff addresses, the send (now or at a set time, only once the edition is
published, i.e. approved through the moderation workflow) and afterwards the report, with
a progress bar while it is being sent (updated by static/js/mailing-progress.js from the
progress endpoint: no inline script, the admin's CSP).
"""

from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.generic import TemplateView, View

from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets import AdminDateTimeInput, HeaderButton
from wagtail.models import Locale

from core.admin_views import AdminScreenMixin
from newsletter import sending
from newsletter.mailing import Personaliser, render_edition
from newsletter.models import Mailing, NewsletterEditionPage, NewsletterPage
from newsletter.sending import SendRefused, audience


class TestSendForm(forms.Form):
    addresses = forms.CharField(
        label=gettext_lazy("Send a test to"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Your own address or the addresses of other staff, one a line."),
    )

    def clean_addresses(self):
        addresses = [line.strip() for line in self.cleaned_data["addresses"].split() if line]
        staff = {
            email.lower()
            for email in get_user_model()
            .objects.filter(is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        }
        for address in addresses:
            try:
                validate_email(address)
            except ValidationError:
                raise ValidationError(
                    _("“%(address)s” is not an e-mail address.") % {"address": address}
                ) from None
            if address.lower() not in staff:
                raise ValidationError(
                    _("“%(address)s” is not the address of a staff member.") % {"address": address}
                )
        if not addresses:
            raise ValidationError(_("Give at least one address."))
        return addresses


class SendForm(forms.Form):
    when = forms.DateTimeField(
        label=gettext_lazy("Send at"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=gettext_lazy("Leave empty to send now."),
    )


def edition_for(request, page_id):
    """The edition, as its latest draft, if the user may edit it (else 404/403)."""
    page = get_object_or_404(NewsletterEditionPage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def may_send(user):
    return user.has_perm("newsletter.send_mailing")


class EditionIndexView(AdminScreenMixin, TemplateView):
    template_name = "newsletter/admin/edition_index.html"
    page_title = gettext_lazy("Newsletter editions")
    header_icon = "mail"

    @cached_property
    def header_buttons(self):
        """The screen's main action in plain sight: a new edition, as a child page of the
        newsletter page; one button per language the user may add an edition in."""
        default = Locale.get_default()
        pages = sorted(
            (
                page
                for page in NewsletterPage.objects.select_related("locale")
                if page.permissions_for_user(self.request.user).can_add_subpage()
            ),
            key=lambda page: page.locale_id != default.pk,
        )
        return [
            HeaderButton(
                _("New edition")
                if page.locale_id == default.pk
                else _("New edition (%(language)s)") % {"language": page.locale.get_display_name()},
                url=reverse(
                    "wagtailadmin_pages:add",
                    args=["newsletter", "newslettereditionpage", page.pk],
                ),
                icon_name="plus",
            )
            for page in pages
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["editions"] = (
            NewsletterEditionPage.objects.select_related("locale", "mailing")
            .defer_streamfields()
            .order_by("-latest_revision_created_at", "-pk")[:100]
        )
        return context


class MailingView(AdminScreenMixin, TemplateView):
    template_name = "newsletter/admin/mailing.html"
    header_icon = "mail"

    @cached_property
    def edition(self):
        return edition_for(self.request, self.kwargs["page_id"])

    def get_page_title(self):
        return _("Send “%(title)s”") % {"title": self.edition.title}

    def get_parent_breadcrumbs_items(self):
        return [{"url": reverse("newsletter_editions:index"), "label": EditionIndexView.page_title}]

    @cached_property
    def mailing(self):
        return Mailing.objects.filter(edition=self.edition).first()

    def get_context_data(self, test_form=None, send_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        draft = self.edition.get_latest_revision_as_object()
        context.update(
            edition=self.edition,
            mailing=self.mailing,
            report=sending.report(self.mailing) if self.mailing else None,
            audience_count=audience(self.edition).count(),
            text_part=personalised(draft, self.request.user, html=False),
            may_send=may_send(self.request.user),
            test_form=test_form or TestSendForm(initial={"addresses": self.request.user.email}),
            send_form=send_form or SendForm(),
            preview_url=reverse("newsletter_editions:preview", args=[self.edition.pk]),
            progress_url=reverse("newsletter_editions:progress", args=[self.edition.pk]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.edition.pk]),
        )
        return context

    def post(self, request, page_id):
        if "test" in request.POST:
            form = TestSendForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(test_form=form), status=400)
            draft = self.edition.get_latest_revision_as_object()
            sending.send_test(draft, form.cleaned_data["addresses"], name=request.user.first_name)
            messages.success(request, _("The test has been sent."))
            return redirect(request.path)
        if not may_send(request.user):
            raise PermissionDenied
        form = SendForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(send_form=form), status=400)
        try:
            mailing = sending.start(self.edition, request.user, form.cleaned_data["when"])
        except SendRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(request.path)
        if mailing.status == Mailing.Status.SCHEDULED:
            messages.success(request, _("The edition will be sent at the time set."))
        else:
            messages.success(request, _("The edition is being sent."))
        return redirect(request.path)


def personalised(edition, user, html):
    rendered = render_edition(edition)
    reader = SimpleNamespace(email=user.email, name=user.first_name, manage_key="preview")
    return Personaliser(edition).fill(
        rendered.html_body if html else rendered.text_body, reader, escape=html
    )


class PreviewView(View):
    """The HTML e-mail of the latest draft, shown in the mailing screen's frames."""

    def get(self, request, page_id):
        draft = edition_for(request, page_id).get_latest_revision_as_object()
        return HttpResponse(personalised(draft, request.user, html=True))


class ProgressView(View):
    def get(self, request, page_id):
        mailing = Mailing.objects.filter(edition=edition_for(request, page_id)).first()
        if mailing is None:
            raise Http404
        return JsonResponse(sending.report(mailing))


class EditionViewSet(ViewSet):
    icon = "mail"
    menu_label = gettext_lazy("Editions")
    name = "newsletter_editions"
    url_prefix = "newsletter/editions"

    def get_urlpatterns(self):
        return [
            path("", EditionIndexView.as_view(), name="index"),
            path("<int:page_id>/", MailingView.as_view(), name="mailing"),
            path(
                "<int:page_id>/preview/",
                xframe_options_sameorigin(PreviewView.as_view()),
                name="preview",
            ),
            path("<int:page_id>/progress/", ProgressView.as_view(), name="progress"),
        ]
