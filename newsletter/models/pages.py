"""The newsletter page (/nieuwsbrief/, /en/newsletter/) and its flows as sub-routes.

Forms on this page carry a CSRF token (the page is therefore not cached); the signup form
in the footer and in page bodies posts to ``newsletter.views.signup`` instead, which shows
its errors on this page.
"""

from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.search import index

from core.caching.sitecache import site_cached
from core.listings import localized, published
from core.models import BasePage
from core.ratelimit import check_rate, too_many_requests
from newsletter import subscriptions
from newsletter.forms import PreferencesForm, SignupForm, UnsubscribeRequestForm
from newsletter.models.editions import NewsletterEditionPage
from newsletter.models.subscriber import Subscriber

EDITIONS_PER_PAGE = 12

RATE_LIMIT_SCOPE = "newsletter"


def private(response):
    """Never cached: responses with a CSRF token, or that act on or show personal data."""
    add_never_cache_headers(response)
    return response


class NewsletterPage(RoutablePageMixin, BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        help_text=_("Linked from the consent checkbox of every signup form."),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    summary_field = "intro"
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletter.NewsletterEditionPage"]
    page_description = _(
        "The newsletter: signup, confirmation, unsubscribe and preferences (/nieuwsbrief/)."
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("privacy_page")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("newsletter page")

    @classmethod
    def for_active_locale(cls):
        """The live newsletter page in the visitor's language (None if there is none)."""
        return (
            cls.objects.live()
            .filter(locale=Locale.get_active())
            .select_related("privacy_page")
            .first()
        )

    @classmethod
    def signup_choices(cls):
        """What the signup forms of every page show in the visitor's language: the privacy
        link and the topics ({privacy_url, topics: [(value, label)]}; None when the language
        has no newsletter page), kept until the content changes (core.caching.sitecache)."""
        return site_cached(f"newsletter_signup:{Locale.get_active().pk}", cls._signup_choices)

    @classmethod
    def _signup_choices(cls):
        page = cls.for_active_locale()
        if page is None:
            return None
        privacy_url = page.privacy_url
        topics = SignupForm(privacy_url=privacy_url).fields["topics"].choices
        return {
            "privacy_url": privacy_url,
            "topics": [(value.value, label) for value, label in topics],
        }

    @property
    def privacy_url(self):
        return localized(self.privacy_page).url if self.privacy_page_id else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = published(NewsletterEditionPage.objects.child_of(self)).order_by(
            "-first_published_at", "-pk"
        )
        context["editions"] = Paginator(editions.defer_streamfields(), EDITIONS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        return context

    def signup_form(self, data=None, **kwargs):
        return SignupForm(data, privacy_url=self.privacy_url, **kwargs)

    def route_url(self, name, **kwargs):
        return self.url + self.reverse_subpage(name, kwargs=kwargs)

    @property
    def unsubscribe_request_url(self):
        return self.route_url("unsubscribe_request")

    def handle_signup(self, request):
        """Validate a signup posted here or from another page's form; PRG on success."""
        form = self.signup_form(request.POST)
        if not form.is_valid():
            return private(self.render(request, context_overrides={"form": form}))
        subscriptions.subscribe(
            self,
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            language=form.cleaned_data["language"],
            topics=form.cleaned_data["topics"],
            source=form.cleaned_data["source"],
        )
        return redirect(self.route_url("thanks"))

    def get_cached_paths(self):
        """The page and its thanks step: the only routes a cache may keep (core.caching.purge)."""
        with translation.override(self.locale.language_code):
            return ["/", "/" + self.reverse_subpage("thanks")]

    @path("")
    def signup(self, request):
        if request.method == "POST":
            if retry_after := check_rate(request, RATE_LIMIT_SCOPE):
                return too_many_requests(request, retry_after)
            return self.handle_signup(request)
        form = self.signup_form(initial={"source": self.url})
        return private(self.render(request, context_overrides={"form": form}))

    @path(_("thanks/"), name="thanks")
    def thanks(self, request):
        """The same answer for every signup: new, pending, confirmed or unsubscribed."""
        return self.render(request, template="newsletter/thanks.html")

    @path(_("confirm/<str:token>/"), name="confirm")
    def confirm(self, request, token):
        result, _subscriber = subscriptions.confirm(token)
        status = {
            subscriptions.ConfirmResult.CONFIRMED: 200,
            subscriptions.ConfirmResult.EXPIRED: 410,
            subscriptions.ConfirmResult.INVALID: 404,
        }[result]
        response = self.render(
            request, template="newsletter/confirm.html", context_overrides={"result": result}
        )
        response.status_code = status
        return private(response)

    @path(_("unsubscribe/"), name="unsubscribe_request")
    def unsubscribe_request(self, request):
        """A form that e-mails the unsubscribe link (the same answer for any address)."""
        form = UnsubscribeRequestForm(request.POST or None)
        if request.method == "POST":
            if retry_after := check_rate(request, RATE_LIMIT_SCOPE):
                return too_many_requests(request, retry_after)
            if form.is_valid():
                subscriptions.send_unsubscribe_link(self, form.cleaned_data["email"])
                return self.render(request, template="newsletter/unsubscribe_link_sent.html")
        return private(
            self.render(
                request,
                template="newsletter/unsubscribe_request.html",
                context_overrides={"form": form},
            )
        )

    @path(_("unsubscribe/<str:key>/"), name="unsubscribe")
    def unsubscribe(self, request, key):
        """The link in every newsletter e-mail asks first: mail scanners fetch every link
        (GET, HEAD), so only the button's POST (to the one-click address) unsubscribes. An
        edition's link names the edition (``?edition=``), which the POST passes on."""
        if request.method == "POST":
            return self.handle_unsubscribe(request, key)
        subscriber = Subscriber.objects.with_manage_key(key).first()
        one_click_url = reverse("newsletter_unsubscribe", kwargs={"key": key})
        if request.GET.get("edition", "").isdecimal():
            one_click_url += f"?edition={request.GET['edition']}"
        response = self.render(
            request,
            template="newsletter/unsubscribe_confirm.html",
            context_overrides={"subscriber": subscriber, "one_click_url": one_click_url},
        )
        if subscriber is None:
            response.status_code = 404
        return private(response)

    def handle_unsubscribe(self, request, key):
        """Unsubscribe whoever ``key`` belongs to (POSTed here or to the one-click address),
        counted in the report of the edition the link came from, if it names one."""
        subscriber = subscriptions.unsubscribe(key, edition=request.GET.get("edition"))
        response = self.render(
            request,
            template="newsletter/unsubscribed.html",
            context_overrides={"subscriber": subscriber},
        )
        if subscriber is None:
            response.status_code = 404
        return private(response)

    @path(_("preferences/<str:key>/"), name="preferences")
    def preferences(self, request, key):
        subscriber = Subscriber.objects.with_manage_key(key).first()
        context = {
            "subscriber": subscriber,
            "saved": False,
            "unsubscribe_url": self.route_url("unsubscribe", key=key),
        }
        status = 200
        if subscriber is None:
            status = 404
        elif subscriber.status != Subscriber.Status.UNSUBSCRIBED:
            initial = {
                "name": subscriber.name,
                "language": subscriber.language,
                "topics": list(subscriber.topics.values_list("pk", flat=True)),
            }
            form = PreferencesForm(request.POST or None, initial=initial)
            if request.method == "POST":
                if retry_after := check_rate(request, RATE_LIMIT_SCOPE):
                    return too_many_requests(request, retry_after)
                if form.is_valid():
                    subscriber.name = form.cleaned_data["name"]
                    subscriber.language = form.cleaned_data["language"]
                    subscriber.save(update_fields=["name", "language"])
                    subscriber.topics.set(form.cleaned_data["topics"])
                    context["saved"] = True
            context["form"] = form
        response = self.render(
            request, template="newsletter/preferences.html", context_overrides=context
        )
        response.status_code = status
        return private(response)
