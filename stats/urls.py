from django.urls import path

from . import views

app_name = "stats"

urlpatterns = [path("hit", views.hit, name="hit")]
