"""Every form that takes a password, or sends one by e-mail, is throttled per client and per
(client, account); the client is found behind a chain of trusted proxies (core/client.py)."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest

from core.client import client_address
from tests.factories import StandardPageFactory

EDITOR_PASSWORD = "correct horse battery staple"
VARNISH = "10.0.0.2"  # the proxy the application sees (REMOTE_ADDR)
CDN = "198.51.100.7"  # the proxy in front of it


def behind_proxies(client_ip, forged=""):
    """A request's headers after the CDN and Varnish: the CDN appended the client's address to
    whatever X-Forwarded-For the client sent; Varnish appended the CDN's."""
    forwarded = ", ".join(hop for hop in (forged, client_ip, CDN) if hop)
    return {"REMOTE_ADDR": VARNISH, "HTTP_X_FORWARDED_FOR": forwarded}


@pytest.fixture(autouse=True)
def small_limits(settings):
    settings.LOGIN_RATE_LIMIT = "3/h"
    settings.LOGIN_CLIENT_RATE_LIMIT = "5/h"
    settings.TRUSTED_PROXY_COUNT = 2


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "redacteur", "redacteur@example.org", EDITOR_PASSWORD
    )


@pytest.mark.parametrize(
    ("proxies", "expected"),
    [(0, VARNISH), (1, CDN), (2, "203.0.113.9"), (5, "192.0.2.66")],
)
def test_client_address_is_the_hop_before_the_trusted_proxies(settings, proxies, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", **behind_proxies("203.0.113.9", forged="192.0.2.66"))
    assert client_address(request) == expected


def login(client_ip, username, password, forged="", path="/nl/_util/login/"):
    return Client().post(
        path, {"username": username, "password": password}, **behind_proxies(client_ip, forged)
    )


@pytest.mark.parametrize("path", ["/nl/_util/login/", "/admin/login/"])
def test_a_stranger_failing_on_purpose_does_not_lock_the_editor_out(home, editor, path):
    stranger = "203.0.113.66"
    for attempt in range(3):
        # a forged X-Forwarded-For does not make the stranger someone new
        assert (
            login(stranger, "redacteur", "fout", forged=f"10.1.1.{attempt}", path=path).status_code
            == 200
        )
    refused = login(stranger, "redacteur", "fout", forged="10.9.9.9", path=path)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert login(stranger, "redacteur", EDITOR_PASSWORD, path=path).status_code == 429
    # the editor, from their own address, logs in
    assert login("203.0.113.10", "redacteur", EDITOR_PASSWORD, path=path).status_code == 302


def test_one_client_trying_many_accounts_is_stopped(home, editor):
    for attempt in range(5):
        assert login("203.0.113.66", f"gok{attempt}", "fout").status_code == 200
    assert login("203.0.113.66", "nog-een", "fout").status_code == 429
    assert login("203.0.113.10", "redacteur", EDITOR_PASSWORD).status_code == 302


def test_page_password_form_is_throttled(home):
    page = StandardPageFactory(parent=home["nl"], title="Intern", slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    url = f"/nl/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    def attempt(client_ip, password):
        return Client().post(
            url, {"password": password, "return_url": page.url}, **behind_proxies(client_ip)
        )

    for _attempt in range(3):
        assert attempt("203.0.113.66", "raden").status_code == 200
    assert attempt("203.0.113.66", "geheim").status_code == 429
    assert attempt("203.0.113.10", "geheim").status_code == 302


def test_collection_password_form_is_throttled(db):
    collection = Collection.get_first_root_node().add_child(name="Intern")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="geheim",
    )
    document = get_document_model().objects.create(
        title="Notulen", collection=collection, file=ContentFile(b"%PDF-1.4", name="notulen.pdf")
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"

    def attempt(client_ip, password):
        return Client().post(
            url, {"password": password, "return_url": document.url}, **behind_proxies(client_ip)
        )

    for _attempt in range(3):
        assert attempt("203.0.113.66", "raden").status_code == 200
    assert attempt("203.0.113.66", "geheim").status_code == 429
    assert attempt("203.0.113.10", "geheim").status_code == 302


def test_password_reset_mails_are_throttled(db, editor):
    def reset(client_ip):
        return Client().post(
            "/admin/password_reset/", {"email": editor.email}, **behind_proxies(client_ip)
        )

    for _attempt in range(3):
        assert reset("203.0.113.66").status_code == 302
    assert reset("203.0.113.66").status_code == 429
    assert len(mail.outbox) == 3
    # the editor asking from their own address still gets the e-mail
    assert reset("203.0.113.10").status_code == 302
    assert len(mail.outbox) == 4
