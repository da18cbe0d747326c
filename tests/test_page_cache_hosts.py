"""The page cache keeps each host's, scheme's and release's pages apart, and checks the host
before it answers (core/caching/pagecache.py)."""

from django.test import Client

import pytest

from core.caching import pagecache

HOSTS = ["www.kennisplatform.example", "kennisplatform.example"]


@pytest.fixture(autouse=True)
def page_cache(settings, db):
    settings.PAGE_CACHE_SECONDS = 600
    settings.ALLOWED_HOSTS = [*HOSTS, "testserver"]


def robots(host, **extra):
    return Client().get("/robots.txt", HTTP_HOST=host, **extra)


def test_each_host_and_scheme_gets_its_own_robots_txt():
    for host in HOSTS:
        assert robots(host)["X-Page-Cache"] == "miss"
    for host in HOSTS:
        cached = robots(host)
        assert cached["X-Page-Cache"] == "hit"
        assert f"Sitemap: http://{host}/sitemap.xml" in cached.content.decode()
    secure = robots(HOSTS[0], secure=True)
    assert f"Sitemap: https://{HOSTS[0]}/sitemap.xml" in secure.content.decode()


def test_a_host_not_allowed_gets_400_even_when_its_page_is_cached(settings):
    assert robots(HOSTS[0]).status_code == 200
    assert robots(HOSTS[0])["X-Page-Cache"] == "hit"
    settings.ALLOWED_HOSTS = ["testserver"]
    assert robots(HOSTS[0]).status_code == 400
    assert robots("evil.example").status_code == 400


def test_a_new_release_does_not_serve_the_previous_releases_pages(settings):
    settings.RELEASE_ID = "release-1"
    pagecache.release_id.cache_clear()
    robots(HOSTS[0])
    assert robots(HOSTS[0])["X-Page-Cache"] == "hit"
    settings.RELEASE_ID = "release-2"
    pagecache.release_id.cache_clear()
    try:
        assert robots(HOSTS[0])["X-Page-Cache"] == "miss"
    finally:
        pagecache.release_id.cache_clear()


def test_without_release_id_the_git_commit_is_the_release(settings):
    settings.RELEASE_ID = ""
    pagecache.release_id.cache_clear()
    try:
        release = pagecache.release_id()
    finally:
        pagecache.release_id.cache_clear()
    assert release == "unreleased" or len(release) == 40
