from django.urls import path

from newsletter import views

urlpatterns = [
    path("newsletter-signup/", views.signup, name="newsletter_signup"),
    path("newsletter-unsubscribe/<str:key>/", views.unsubscribe, name="newsletter_unsubscribe"),
]
