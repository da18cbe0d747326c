"""Middleware of the whole site: security headers not built into Django."""

from django.conf import settings


class SecurityHeadersMiddleware:
    """``Permissions-Policy`` on every response: no camera, microphone, location, etc."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
